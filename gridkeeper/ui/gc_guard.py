"""Python's garbage collector runs on the UI thread only (as Anki does), so Qt objects are never freed
from a worker thread — a collection triggered inside a background job used to crash the process."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GarbageCollector(QObject):
    """Disables automatic collection and collects on a main-thread timer instead."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect when enough new objects have piled up (the same rule the automatic collector uses)."""
        first, second, third = gc.get_count()
        if first > self._threshold[0]:
            generation = 2 if third > self._threshold[2] else 1 if second > self._threshold[1] else 0
            gc.collect(generation)


def install(app: QObject) -> GarbageCollector:
    """Start main-thread-only garbage collection for the application (idempotent)."""
    existing = app.findChild(GarbageCollector)
    return existing or GarbageCollector(app)
