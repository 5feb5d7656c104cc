"""Changes made on other PCs appear within seconds: a timer polls the change counter (services.changes),
and on a server the server also pushes them (LISTEN/NOTIFY, storage.change_listen): the counter is then
asked at once, and the timer only stays as the safety net.

Only lists and overviews refresh (through AppContext.data_changed); an open editor keeps what the
user is typing, and a save over someone else's newer version becomes a conflict to resolve. A server
that stops answering is reported once in the status bar and the polling carries on, so the window
recovers by itself when the server is back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from sqlalchemy.exc import DBAPIError

from gridkeeper.services.changes import changes_since, latest_change
from gridkeeper.storage.server import ConnectionLost

POLL_MS = 3000
LISTENING_POLL_MS = 10_000  # while the server pushes changes, polling is only the safety net


class ChangeWatcher(QObject):
    server_lost = Signal(str)
    server_back = Signal()

    def __init__(self, ctx, parent=None, *, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.lost = False
        with ctx.read() as session:
            self.seen = latest_change(session)
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.listener = self.notifier = None

    def start(self) -> None:
        self.timer.start()
        self.listen()

    def stop(self) -> None:
        self.timer.stop()
        self._stop_listening()

    def listen(self) -> bool:
        """On a server, also wake up when it pushes a change; False on SQLite or when it cannot (polling
        carries on alone)."""
        if self.listener is not None:
            return True
        if self.ctx.database.kind == "sqlite":
            return False
        from gridkeeper.storage.change_listen import ChangeListener

        try:
            self.listener = ChangeListener(self.ctx.engine.url)
        except Exception:  # noqa: BLE001 - no push today (server down, old server): polling is enough
            return False
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._pushed)
        self.timer.setInterval(max(self.interval_ms, LISTENING_POLL_MS))
        return True

    def _pushed(self, *_args) -> None:
        try:
            arrived = self.listener.drain()
        except Exception:  # noqa: BLE001 - the connection went away: the next polls notice and listen again
            self._stop_listening()
            return
        if arrived:
            self.poll()

    def _stop_listening(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
        if self.listener is not None:
            self.listener.close()
        self.listener = self.notifier = None
        self.timer.setInterval(self.interval_ms)

    def poll(self) -> set[str]:
        """Ask once; emit data_changed for each kind of list others changed. Returns the kinds."""
        try:
            with self.ctx.read() as session:
                self.seen, kinds = changes_since(session, self.seen)
        except (DBAPIError, ConnectionLost) as exc:
            if not self.lost:
                self.lost = True
                from gridkeeper.storage.server import explain_connect_error

                cause = exc.__cause__ if isinstance(exc, ConnectionLost) else exc
                self.server_lost.emit(str(explain_connect_error(cause, self.ctx.engine.url)))
            self._stop_listening()
            return set()
        if self.lost:
            self.lost = False
            self.server_back.emit()
            if self.timer.isActive():
                self.listen()  # back: let the server push again
        for kind in sorted(kinds):
            self.ctx.notify(kind)
        return kinds
