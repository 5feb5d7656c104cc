"""One window per database: a second launch on the same file brings the first window forward.

Use in ui/app.py before opening the database:

    instance = SingleInstance(db_path)
    if not instance.claim():          # another GridKeeper has this database open
        return 0                      # ... and has been asked to come to the front
    window = ...
    instance.activated.connect(lambda: bring_forward(window))
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

WAKE = b"show\n"


def server_name(db_path: Path) -> str:
    """A name per database file (case-insensitive on Windows), short enough for every platform."""
    text = str(Path(db_path).resolve())
    if sys.platform == "win32":
        text = text.lower()
    return "gridkeeper-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class SingleInstance(QObject):
    """The first GridKeeper on a database listens; later ones knock and leave."""

    activated = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server: QLocalServer | None = None

    def claim(self, timeout_ms: int = 500) -> bool:
        """True if this process is the first on the database (and now listens); False after
        asking the running one to show its window."""
        knock = QLocalSocket()
        knock.connectToServer(self.name)
        if knock.waitForConnected(timeout_ms):
            knock.write(WAKE)
            knock.waitForBytesWritten(timeout_ms)
            knock.disconnectFromServer()
            return False
        self.server = QLocalServer(self)
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed instance
        if self.server.listen(self.name):
            self.server.newConnection.connect(self._on_knock)
        return True

    def _on_knock(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.disconnected.connect(conn.deleteLater)
            conn.disconnectFromServer()
            self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def bring_forward(window: QWidget) -> None:
    """Show a window that may be minimised or behind others, and give it the focus."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
