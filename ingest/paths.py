"""Where the project's files are: code reads schema/, queries/ and data/ beside it, as in a checkout."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
QUERIES = PROJECT_ROOT / "queries"
SCHEMA = PROJECT_ROOT / "schema"
DATA = PROJECT_ROOT / "data"
# The thesis is source material beside the project, not shipped with it.
THESIS = PROJECT_ROOT.parent / "shared" / "corpus" / "thesis.txt"
