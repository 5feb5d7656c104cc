"""No error dies quietly: the application-wide excepthook, the one message box, and the test guards that
fail a test on a logged error (and, through pytest-qt's qt_log_level_fail, on an unexpected Qt warning)."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from gridkeeper.services.errors import NotFound
from gridkeeper.ui import errors


@pytest.fixture
def boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: shown.append(text))
    return shown


@pytest.mark.logs_errors
def test_an_uncaught_error_is_logged_and_shown_plainly(qapp, boxes, _fail_on_logged_errors, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install()
    assert sys.excepthook is errors.excepthook
    try:
        {}["household"]
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(boxes) == 1 and "household" in boxes[0] and "Traceback" not in boxes[0]
    [record] = _fail_on_logged_errors
    assert "Traceback" in record.getMessage() and "KeyError" in record.getMessage()


def test_refusals_and_known_faults_are_shown_without_a_logged_traceback(qapp, boxes, caplog):
    caplog.set_level(logging.INFO)
    errors.report_failure(None, NotFound("找不到这户"))
    full = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    errors.report_failure(None, full)
    assert boxes[0] == "找不到这户" and boxes[1].startswith("磁盘空间已满")
    assert [r.levelname for r in caplog.records] == ["INFO", "WARNING"]
    assert all(r.exc_info is None for r in caplog.records)


def test_the_log_file_gets_warnings_and_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    before = list(root.handlers)
    log = tmp_path / "gridkeeper.log"
    try:
        errors.install(log)
        errors.install(log)  # once only
        assert len(root.handlers) == len(before) + 1
        logging.getLogger("gridkeeper.test").warning("磁盘空间已满")
        root.handlers[-1].flush()
        assert "磁盘空间已满" in log.read_text(encoding="utf-8")
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()


def test_a_logged_error_fails_a_test_unless_it_is_expected(tmp_path):
    shutil.copy(Path(__file__).parents[1] / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_logs.py").write_text(
        "import logging, pytest\n"
        "def test_quiet_failure():\n    logging.getLogger('gridkeeper.ui.worker').error('background work failed')\n"
        "@pytest.mark.logs_errors\n"
        "def test_expected():\n    logging.getLogger('x').error('on purpose')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o",
                           "markers=logs_errors: expected", str(tmp_path)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 1 and "2 passed, 1 error" in done.stdout, done.stdout + done.stderr
    assert "errors were logged during the test" in done.stdout and "background work failed" in done.stdout
