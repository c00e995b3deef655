"""Where the project's files are.

`schema/` and `queries/` are packages, so their files are found beside their code in a checkout
and in an installed wheel alike. `data/` and the thesis belong to a checkout: the ingest takes a
folder, and these are only its defaults.
"""

from pathlib import Path

SCHEMA = Path(__file__).resolve().parent
PROJECT_ROOT = SCHEMA.parent
DATA = PROJECT_ROOT / "data"
# The thesis is source material beside the project, not shipped with it.
THESIS = PROJECT_ROOT.parent / "shared" / "corpus" / "thesis.txt"
