"""Opening a database for a front end: storage's Database with the services' rules installed on it."""

from __future__ import annotations

from pathlib import Path

from gridkeeper.services import accounts
from gridkeeper.storage import engine as storage
from gridkeeper.storage.database import Database

# Checked on every change before it is written, whoever makes it (GUI, CLI, import, any service).
ROW_GUARDS = (accounts.permission_guard,)


def open_database(path: Path | str, *, create: bool = False, upgrade: bool = True, read_only: bool = False,
                  daily_backup: bool = True, password: str | None = None) -> Database:
    """The database at `path` (a file, or a postgresql:// server address) as the app and the command line
    use it (see storage.engine.open_database); `password` only for a server, kept in memory."""
    return storage.open_database(path, create=create, upgrade=upgrade, read_only=read_only, row_guards=ROW_GUARDS,
                                 daily_backup=daily_backup, password=password)


def open_for_reading(path: Path) -> Database:
    """The database at `path` for a command that only reads (see storage.engine.open_for_reading)."""
    return storage.open_for_reading(path, row_guards=ROW_GUARDS)


def memory_database() -> Database:
    """A fresh in-memory database with the same rules (tests and the self-test)."""
    return storage.memory_database(row_guards=ROW_GUARDS)
