"""Changes made on other PCs appear within seconds: a timer polls the change counter (services.changes).

Only lists and overviews refresh (through AppContext.data_changed); an open editor keeps what the
user is typing, and a save over someone else's newer version becomes a conflict to resolve. A server
that stops answering is reported once in the status bar and the polling carries on, so the window
recovers by itself when the server is back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import DBAPIError

from gridkeeper.services.changes import changes_since, latest_change

POLL_MS = 3000


class ChangeWatcher(QObject):
    server_lost = Signal(str)
    server_back = Signal()

    def __init__(self, ctx, parent=None, *, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.lost = False
        with ctx.read() as session:
            self.seen = latest_change(session)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.timer.start()

    def poll(self) -> set[str]:
        """Ask once; emit data_changed for each kind of list others changed. Returns the kinds."""
        try:
            with self.ctx.read() as session:
                self.seen, kinds = changes_since(session, self.seen)
        except DBAPIError as exc:
            if not self.lost:
                self.lost = True
                from gridkeeper.storage.server import explain_connect_error

                self.server_lost.emit(str(explain_connect_error(exc, self.ctx.engine.url)))
            return set()
        if self.lost:
            self.lost = False
            self.server_back.emit()
        for kind in sorted(kinds):
            self.ctx.notify(kind)
        return kinds
