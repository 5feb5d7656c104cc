"""What every window and section shares: the open database, the current user, and a change signal."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine
from sqlmodel import Session

from gridkeeper.services import accounts
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.database import Database
from gridkeeper.storage.engine import private_engine
from gridkeeper.storage.session import unit_of_work


class Change(enum.StrEnum):
    """What a write changed, so that the views showing it refresh (and the others do not)."""

    HOUSEHOLDS = "households"
    VISITS = "visits"
    REQUESTS = "requests"
    LEADERS = "leaders"
    MEMBERS = "members"
    DISPUTES = "disputes"
    PLACES = "places"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    EVERYTHING = "*"  # a restore, an import, another person signing in: every view refreshes

    def affects(self, *kinds: Change) -> bool:
        """True when a view that shows `kinds` must refresh after this change."""
        return self is Change.EVERYTHING or self in kinds


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
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self, engine: Engine | None = None) -> Iterator[Session]:
        """One user action, one transaction: committed at the end or rolled back on error (on a worker's
        own `engine` when given)."""
        with unit_of_work(engine or self.engine) as session:
            yield session

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

    def notify(self, change: Change | str = Change.EVERYTHING) -> None:
        """Announce a change made outside `ui.operations.perform` (which announces its own)."""
        self.data_changed.emit(Change(change))

    def set_scope(self, scope: Scope) -> None:
        self.scope = scope
        self.scope_changed.emit(scope)
