"""The one helper for long work off the UI thread: progress dialog, cancel, errors as a clear dialog.

Work that reads or writes the database goes through `ui.operations.perform_in_background`, which hands
the function an open unit of work; `run_in_background` itself is for work on files alone (a backup, a
check, reading a spreadsheet). Usage (Anki's CollectionOp style; keep per-area operations 5-15 lines)::

    from gridkeeper.ui.worker import run_in_background

    def check(progress):                  # runs in a worker thread: no widgets here
        pages = list(read_pages(path))
        for done, page in enumerate(pages, 1):
            verify(page)
            progress(done, len(pages))    # raises Cancelled if the user pressed Cancel
            # or: if progress.cancelled: return None
        return len(pages)

    run_in_background(self, check, on_done=lambda count: ..., label=self.tr("Checking the file…"))

API (stable):
    run_in_background(parent, fn, *, on_done=None, label="", cancellable=True,
                      on_error=None, on_cancelled=None, title=None, dialog=True) -> BackgroundTask

    - `fn(progress)` runs in a QThreadPool thread. `progress(done, total)` updates the bar
      (total 0 = busy indicator) and raises `Cancelled` once the user has cancelled;
      `progress.cancelled` lets the function check without raising; `progress.message(text)`
      changes the dialog's label.
    - `on_done(result)` runs on the UI thread with fn's return value.
    - A `Cancelled` (raised by progress or by fn) calls `on_cancelled()` if given; nothing else.
    - Any other exception goes to `on_error(exc)` if given; unless that returns True it is shown by
      `ui.errors.report_failure` (a refusal or a known fault in plain words, anything else as a short
      notice with its traceback logged) — never a traceback on screen.
    - The progress dialog appears only if the work takes longer than ~400 ms; `dialog=False` shows none
      (a section's read shows its own "正在统计…" instead: `ui.background_read`).
    - The returned BackgroundTask has `.cancel()`, `.finished` (Signal) and `.wait(ms)` (tests).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gridkeeper.ui.errors import report_failure

# Tasks by id, owned here on the UI thread. The worker thread never holds a reference to a task
# (a QObject): if it held the last one, the object would be destroyed in the worker thread and crash.
_RUNNING: dict[int, BackgroundTask] = {}
_NEXT_ID = itertools.count(1)


class Cancelled(Exception):
    """The user cancelled the work (raised by `progress()` or by the function itself)."""


class _Dispatcher(QObject):
    """Lives on the UI thread for the whole run; carries worker events to their task by id."""

    progressed = Signal(int, int, int)
    labelled = Signal(int, str)
    outcome = Signal(int, str, object)
    released = Signal(int)

    def __init__(self):
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self.progressed.connect(lambda tid, d, t: _task(tid) and _task(tid)._on_progress(d, t), queued)
        self.labelled.connect(lambda tid, text: _task(tid) and _task(tid)._on_label(text), queued)
        self.outcome.connect(lambda tid, kind, value: _task(tid) and _task(tid)._on_outcome(kind, value), queued)
        self.released.connect(lambda tid: _task(tid) and _task(tid)._on_released(), queued)


def _task(task_id: int) -> BackgroundTask | None:
    return _RUNNING.get(task_id)


_dispatcher: _Dispatcher | None = None


def _events() -> _Dispatcher:
    """The dispatcher, created on first use from the UI thread."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class Progress:
    """Handed to the background function: call it with (done, total); check `.cancelled`."""

    def __init__(self, task_id: int, cancel: threading.Event, events: _Dispatcher):
        self._id, self._cancel, self._events = task_id, cancel, events

    def __call__(self, done: int, total: int = 0) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._events.progressed.emit(self._id, int(done), int(total))

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def message(self, text: str) -> None:
        self._events.labelled.emit(self._id, text)


class _Runner(QRunnable):
    """Runs the function in a pool thread, holding only plain Python state (id, events, flags)."""

    def __init__(self, task_id: int, fn: Callable[[Progress], Any], cancel: threading.Event,
                 done: threading.Event, events: _Dispatcher):
        super().__init__()
        self._id, self._fn, self._cancel, self._done, self._events = task_id, fn, cancel, done, events

    def run(self) -> None:
        events, task_id = self._events, self._id
        try:
            result = self._fn(Progress(task_id, self._cancel, events))
        except Cancelled:
            events.outcome.emit(task_id, "cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the user as a dialog
            events.outcome.emit(task_id, "error", exc)  # shown (and logged if unexpected) on the UI thread
        else:
            events.outcome.emit(task_id, "cancelled" if self._cancel.is_set() else "done", result)
        finally:
            self._fn = None
            self._done.set()
            events.released.emit(task_id)


class BackgroundTask(QObject):
    """One running piece of work and its progress dialog."""

    finished = Signal(str)  # "done" | "cancelled" | "error"

    def __init__(self, parent: QWidget | None, label: str, cancellable: bool, title: str | None,
                 dialog: bool = True):
        super().__init__()
        self._cancel = threading.Event()
        self._done_event = threading.Event()
        self._parent = parent
        self.on_done = self.on_error = self.on_cancelled = None
        self.id = next(_NEXT_ID)
        self._outcome_handled = self._released = False
        self.dialog: QProgressDialog | None = None
        if dialog:
            self._make_dialog(parent, label, cancellable, title)

    def _make_dialog(self, parent: QWidget | None, label: str, cancellable: bool, title: str | None) -> None:
        self.dialog = QProgressDialog(label, QCoreApplication.translate("worker", "Cancel") if cancellable else None, 0, 0, parent)
        self.dialog.setWindowTitle(title or QCoreApplication.translate("worker", "Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker has finished (tests); UI callbacks still need the event loop."""
        return self._done_event.wait(msecs / 1000)

    def _on_label(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(text)

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        if self.dialog.maximum() != max(total, 0):
            self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _on_outcome(self, kind: str, value: object) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        try:
            if kind == "done" and self.on_done:
                self.on_done(value)
            elif kind == "cancelled" and self.on_cancelled:
                self.on_cancelled()
            elif kind == "error":
                handled = self.on_error(value) if self.on_error else False
                if not handled:
                    report_failure(self._parent, value)
        finally:
            self._outcome_handled = True
            self._forget()
            self.finished.emit(kind)

    def _on_released(self) -> None:
        self._released = True
        self._forget()

    def _forget(self) -> None:
        """Drop the task once its outcome is handled and the worker has let go (both on the UI thread)."""
        if self._outcome_handled and self._released:
            _RUNNING.pop(self.id, None)


def run_in_background(parent: QWidget | None, fn: Callable[[Progress], Any], *,
                      on_done: Callable[[Any], None] | None = None, label: str = "",
                      cancellable: bool = True, on_error: Callable[[BaseException], bool] | None = None,
                      on_cancelled: Callable[[], None] | None = None, title: str | None = None,
                      dialog: bool = True) -> BackgroundTask:
    """Run `fn(progress)` off the UI thread with a progress dialog (none with `dialog=False`: the caller
    shows its own busy state, as `ui.background_read` does); see the module docstring."""
    task = BackgroundTask(parent, label or QCoreApplication.translate("worker", "Working…"), cancellable, title,
                          dialog)
    task.on_done, task.on_error, task.on_cancelled = on_done, on_error, on_cancelled
    _RUNNING[task.id] = task
    QThreadPool.globalInstance().start(_Runner(task.id, fn, task._cancel, task._done_event, _events()))
    return task
