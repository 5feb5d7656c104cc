"""run_in_background: results on the UI thread, progress, cancel, errors as a dialog."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QMessageBox

from gridkeeper.services.errors import ServiceError
from gridkeeper.ui import worker


def _run(qtbot, fn, **kwargs):
    task = worker.run_in_background(None, fn, label="test", **kwargs)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    return blocker.args[0]


def test_result_arrives_on_done(qtbot):
    got = []

    def work(progress):
        for i in range(3):
            progress(i + 1, 3)
        return 42

    assert _run(qtbot, work, on_done=got.append) == "done"
    assert got == [42]


def test_cancel_stops_the_work(qtbot):
    cancelled = []

    def work(progress):
        while True:
            progress(0, 0)
            time.sleep(0.005)

    task = worker.run_in_background(None, work, label="x", on_cancelled=lambda: cancelled.append(True))
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == ["cancelled"] and cancelled == [True]


@pytest.mark.logs_errors  # the unexpected KeyError's traceback is logged
def test_errors_become_a_message_not_a_traceback(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))

    def work(progress):
        raise ServiceError("楼栋不存在")

    assert _run(qtbot, work) == "error"
    assert shown == ["楼栋不存在"]
    shown.clear()

    def broken(progress):
        raise KeyError("x")

    errors = []
    assert _run(qtbot, broken, on_error=lambda exc: errors.append(exc) or False) == "error"
    assert isinstance(errors[0], KeyError) and "Traceback" not in shown[0]


def test_tasks_nobody_keeps_finish_cleanly(qtbot):
    """The caller may drop the task: it is released on the UI thread, never from the worker thread."""
    import gc

    from gridkeeper.ui import worker

    results = []
    for index in range(20):
        worker.run_in_background(None, lambda progress, i=index: i * 2, on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 20 and not worker._RUNNING, timeout=10000)
    gc.collect()
    assert sorted(results) == [i * 2 for i in range(20)]
