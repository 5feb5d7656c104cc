"""Changes made on other PCs, pushed by the server: PostgreSQL LISTEN/NOTIFY beside the polled counter.

Every transaction that appends to the audit trail (services.changes: the change counter) sends a NOTIFY on
`audit.CHANGES_CHANNEL` when it commits. A PC keeps one extra connection that LISTENs; the window watches
its socket and, when a notification arrives, asks the counter at once what changed (the notification only
says "something"). Polling stays as the safety net (and is all there is on SQLite, which has no server).
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from sqlalchemy import URL

from gridkeeper.storage.audit import CHANGES_CHANNEL
from gridkeeper.storage.server import connect_kwargs


class ChangeListener:
    """One autocommit connection listening on the change channel; `fileno()` for a socket notifier."""

    def __init__(self, url: URL):
        self.connection = psycopg.connect(**connect_kwargs(url), autocommit=True)
        self.connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANGES_CHANNEL)))

    def fileno(self) -> int:
        return self.connection.fileno()

    def drain(self) -> int:
        """How many notifications arrived (read without waiting); raises psycopg.OperationalError when the
        connection is gone."""
        return sum(1 for _ in self.connection.notifies(timeout=0))

    def close(self) -> None:
        try:
            self.connection.close()
        except psycopg.Error:
            pass
