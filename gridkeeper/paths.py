"""Where GridKeeper keeps its files: the user's data folder, the default database, bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from gridkeeper import APP_NAME

ENV_HOME = "GRIDKEEPER_HOME"
ENV_DB = "GRIDKEEPER_DB"
DEFAULT_DB_NAME = "gridkeeper.db"


def data_dir() -> Path:
    """The folder for the database, backups and settings (GRIDKEEPER_HOME overrides it). Not created
    here: whatever writes into it first creates it (a command that only reads leaves nothing behind)."""
    override = os.environ.get(ENV_HOME)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """GRIDKEEPER_DB if set, else the database in the user's data folder."""
    override = os.environ.get(ENV_DB)
    return Path(override) if override else data_dir() / DEFAULT_DB_NAME


def log_file() -> Path:
    """Where the desktop app logs what went wrong (tracebacks the user is spared)."""
    return data_dir() / "gridkeeper.log"


def backups_dir(db_path: Path) -> Path:
    """Backups of a database sit beside it, in a folder named after it."""
    return db_path.parent / f"{db_path.stem}-backups"


def resource_root(package_dir: Path | None = None) -> Path:
    """The `resources/` folder: in a frozen app beside the executable's modules (build.spec), in an
    installed wheel inside the package (gridkeeper/resources, mapped by setup.py), in a source checkout
    or editable install at the top of the tree. The package's own copy is looked at before the one above
    it: above an installed package is site-packages, where another distribution's `resources` may sit."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    here = package_dir or Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    return here.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. resource_path("fonts", "NotoSansSC-Regular.ttf")."""
    return resource_root().joinpath(*parts)
