"""A section's figures read off the UI thread, so that no click freezes the window at a subdistrict's scale.

The read is a plain function of a `Session` (services and reports only, no widgets), run in a worker thread
on the worker's own engine (`AppContext.worker_engine`, signed in as the window); what it returns is applied
on the UI thread. Meanwhile the section shows "正在统计…" (`reader.label`, placed by the section) and a busy
cursor. A second request before the first has answered wins: the first is cancelled and, should it answer
anyway, dropped — the user who switches period or filter quickly sees the last one they asked for, never an
earlier one arriving late. A failure reaches the user through `ui.errors.report_failure` (the one
`show_error`). Usage::

    self.reader = BackgroundRead(self, ctx)
    layout.addWidget(self.reader.label)

    def refresh(self) -> None:
        period, today = self.current_period(), self.ctx.today()    # read widgets here, on the UI thread
        self.reader.start(lambda session: grid_scoreboard(session, period=period, today=today), self._show)

Tests wait with `qtbot.waitUntil(lambda: not section.reader.loading())` or `qtbot.waitSignal(reader.settled)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid
from sqlmodel import Session

from gridkeeper.ui.errors import report_failure
from gridkeeper.ui.worker import BackgroundTask, Progress, run_in_background

T = TypeVar("T")


class BackgroundRead(QObject):
    """One section's reads: at most one that counts at a time (the newest request)."""

    settled = Signal()  # the newest request's result was applied, or its failure shown

    def __init__(self, owner: QWidget, ctx, *, text: str = ""):
        super().__init__(owner)
        self.owner, self.ctx = owner, ctx
        self.label = QLabel(text or self.tr("Counting…"), owner)
        self.label.setObjectName("busy_label")
        self.label.setStyleSheet("color: #8a6d00; font-weight: bold;")
        self.label.hide()
        self.requests = 0  # requests made so far; a result answers the newest one or is dropped
        self.stale = False  # something changed while the section was hidden: read again when it is shown
        self._task: BackgroundTask | None = None
        self._refresh: Callable[[], None] | None = None

    def refresh_when_shown(self, refresh: Callable[[], None]) -> Callable[..., None]:
        """A slot for `data_changed` / `scope_changed`: `refresh()` at once while the section is on screen,
        otherwise when it is next shown (a grid picked in the tree reads only the section being looked at)."""
        self._refresh = refresh
        self.owner.installEventFilter(self)

        def follow(*_args) -> None:
            if self.owner.isVisible():
                refresh()
            else:
                self.stale = True
        return follow

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.owner and event.type() == QEvent.Type.Show and self.stale and self._refresh:
            self._refresh()
        return False

    def loading(self) -> bool:
        """True from a request until its result (or failure) has reached the screen."""
        return self._task is not None

    def start(self, read: Callable[[Session], T], apply: Callable[[T], Any]) -> None:
        """Run `read(session)` in a worker thread, then `apply(result)` on the UI thread unless a newer
        request was made meanwhile."""
        self.requests += 1
        self.stale = False
        request = self.requests
        if self._task is not None:
            self._task.cancel()  # SQLite finishes the statement it is in; its answer is then dropped
        self.label.show()
        self.owner.setCursor(Qt.CursorShape.BusyCursor)

        def work(_progress: Progress) -> T:
            with self.ctx.worker_engine() as engine, self.ctx.read(engine) as session:
                return read(session)

        if _one_connection(self.ctx):
            work = _read_here(work)

        def done(result: T) -> None:
            if not isValid(self) or request != self.requests:  # the section closed, or asked again
                return
            self._settle()
            try:
                apply(result)
            finally:
                self.settled.emit()

        def failed(exc: BaseException) -> bool:
            if isValid(self) and request == self.requests:
                self._settle()
                report_failure(self.owner, exc)
                self.settled.emit()
            return True  # shown here, or dropped: a newer request is on its way

        self._task = run_in_background(self.owner, work, on_done=done, on_error=failed, dialog=False)

    def _settle(self) -> None:
        self._task = None
        self.label.hide()
        self.owner.unsetCursor()


def _one_connection(ctx) -> bool:
    """An in-memory database (tests, the self-test) is one connection that every session shares: a worker
    reading on it while the UI thread writes would roll the write back when its session ends. There the read
    is made at once on the UI thread; its answer still arrives through the event loop like a worker's."""
    return ctx.database.path is None and ctx.database.kind == "sqlite"


def _read_here(work: Callable[[Progress], T]) -> Callable[[Progress], T]:
    try:
        result = work(None)
    except Exception as exc:  # noqa: BLE001 - delivered to the same handler a worker's failure goes to
        def fail(_progress: Progress) -> T:
            raise exc
        return fail
    return lambda _progress: result
