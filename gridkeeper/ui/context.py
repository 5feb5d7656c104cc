"""What every window and section shares: the open database, the current user, and a change signal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine
from sqlmodel import Session

from gridkeeper.services import accounts
from gridkeeper.services.changes import Change
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.database import Database
from gridkeeper.storage.engine import private_engine
from gridkeeper.storage.session import unit_of_work


class AppContext(QObject):
    """Passed to every section. Sections read with `read()` and write through `ui.operations.perform`
    (one unit of work, failures shown, then `data_changed` carries a `Change`); they follow `scope_changed`."""

    data_changed = Signal(object)   # a Change
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
    def read(self, engine: Engine | None = None) -> Iterator[Session]:
        """A session to read with (on a worker's own `engine` when given: `ui.background_read`)."""
        with self._server_stopped(), Session(engine or self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self, engine: Engine | None = None) -> Iterator[Session]:
        """One user action, one transaction: committed at the end or rolled back on error (on a worker's
        own `engine` when given)."""
        with self._server_stopped(), unit_of_work(engine or self.engine) as session:
            yield session

    @contextmanager
    def _server_stopped(self) -> Iterator[None]:
        """On a server, a lost connection becomes one plain sentence (storage.server.ConnectionLost: which
        server, what to check, nothing saved, try again) for whatever shows the failure."""
        try:
            yield
        except Exception as exc:
            if self.database.kind == "sqlite":
                raise
            from gridkeeper.storage.server import connection_lost, is_connection_lost

            if not is_connection_lost(exc):
                raise
            raise connection_lost(exc, self.engine.url) from exc

    @contextmanager
    def worker_engine(self) -> Iterator[Engine]:
        """An engine only one worker thread uses, with the same guards and signed in as the window is, so the worker's writes are audited and
        checked as the person's. (The window's engine pools connections across threads, and a connection
        the UI thread used can be finalised by its garbage collector while the worker is in SQLite on it:
        seen as a segfault.)"""
        engine = private_engine(self.database)
        if engine is self.engine:  # in memory: one shared connection
            yield engine
            return
        accounts.share_sign_in(self.engine, engine)
        try:
            yield engine
        finally:
            engine.dispose()

    def notify(self, change: Change = Change.EVERYTHING) -> None:
        """Announce a change made outside `ui.operations.perform` (which announces its own)."""
        if not isinstance(change, Change):
            raise TypeError(f"a Change, not {change!r}")
        self.data_changed.emit(change)

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        self.scope_changed.emit(scope)
