"""What every window and section shares: the open database, the current user, and a change signal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine
from sqlmodel import Session

from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.database import Database
from gridkeeper.storage.session import unit_of_work


class AppContext(QObject):
    """Passed to every section. Sections read with `read()`, write with `write()` (one transaction),
    and call `notify(kind)` after a write so other sections refresh; they follow `scope_changed`."""

    data_changed = Signal(str)      # "households", "visits", "requests", "leaders", "members", "places", "*"
    scope_changed = Signal(object)  # a Scope

    def __init__(self, database: Database, *, user: str = "", today: date | None = None):
        super().__init__()
        self.database = database  # replaced when a backup is restored
        self.user = user
        self._today = today
        self.scope: Scope = EVERYWHERE

    @property
    def engine(self) -> Engine:
        return self.database.engine

    @property
    def db_path(self) -> Path | None:
        return self.database.path

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    def today(self) -> date:
        """Today's date (fixed in tests and screenshots)."""
        return self._today or date.today()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action, one transaction: committed at the end or rolled back on error."""
        with unit_of_work(self.engine) as session:
            yield session

    def notify(self, kind: str = "*") -> None:
        self.data_changed.emit(kind)

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        self.scope_changed.emit(scope)
