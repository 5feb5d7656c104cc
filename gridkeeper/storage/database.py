"""An open GridKeeper database: the small object that travels instead of attributes hung on an Engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

SQLITE, POSTGRESQL = "sqlite", "postgresql"

# A row guard is called for every change before it is written: guard(session, table, before, after),
# where before/after are column dicts (None for a create's before or a delete's after). It raises to
# refuse the change. Guards are installed on a database where it is opened (see storage.engine).
# A guard may also answer for a whole bulk load (the demo, a fast import) at once:
# guard.allows_bulk(session, table) -> True when this session may write any row of `table` (an
# administrator); storage.bulk.insert_rows then does not ask row by row. Without it, or on False,
# every row is checked. Nothing else consults it: the ORM and session statements check each row.
RowGuard = Callable[[Session, str, "dict | None", "dict | None"], None]


@dataclass(eq=False)
class Database:
    """What a front end holds once a database is open.

    `kind` is the backend ("sqlite" or "postgresql"); `path` the SQLite file (None in memory or on a
    server); `read_only` means nothing is written, not even a lock or a backup; `warnings` are the
    non-fatal things the user should hear about once (a network drive, a daily backup that failed).
    `dispose()` closes the connections and gives the lock back.
    """

    engine: Engine
    path: Path | None = None
    kind: str = SQLITE
    read_only: bool = False
    warnings: list[str] = field(default_factory=list)
    row_guards: tuple[RowGuard, ...] = ()

    @property
    def label(self) -> str:
        """Where the data lives, for messages: the file, else the server URL without its password."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
