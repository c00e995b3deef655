"""Where the project's files are.

`schema/` and `queries/` are packages, so their files are found beside their code in a checkout
and in an installed wheel alike. `data/`, the local Neo4j's home and the thesis belong to a
project folder, not to the code: in a checkout (or an editable install of one) that is the
checkout, found beside the packages; an installed wheel has only the packages, so there it is the
working directory (`/app` in the Docker image). The ingest takes a folder and `PKGRAPH_DB_HOME`
moves the database, so these are only defaults.
"""

from pathlib import Path

SCHEMA = Path(__file__).resolve().parent
_CHECKOUT = SCHEMA.parent
# site-packages holds no pyproject.toml; a checkout always does.
PROJECT_ROOT = _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else Path.cwd()
DATA = PROJECT_ROOT / "data"
# The thesis is source material beside the project, not shipped with it.
THESIS = PROJECT_ROOT.parent / "shared" / "corpus" / "thesis.txt"
