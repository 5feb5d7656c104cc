"""How the desktop app tells the user something failed: one message box, one error colour, and an
application-wide `sys.excepthook` so that no error dies quietly (Anki's aqt/errors.py)."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

ERROR_COLOUR = "#c62828"  # field reasons, sign-in problems, overdue cells
ERROR_STYLE = f"color: {ERROR_COLOUR};"


def error_message(problem: BaseException | str) -> str:
    """What the user reads about a failure: the service's own words, a fault in plain words, or a short
    notice naming an unexpected error."""
    if isinstance(problem, str):
        return problem
    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.errors import DatabaseUnusable
    from gridkeeper.storage.faults import describe

    if isinstance(problem, (ServiceError, DatabaseUnusable)):
        return str(problem)
    if (plain := describe(problem)) is not None:  # disk full, read-only, permission, I/O error, damaged file
        return plain
    if isinstance(problem, OSError):
        where = f"：{problem.filename}" if problem.filename else ""
        return QCoreApplication.translate("worker", "Could not read or write the file{0} ({1}).").format(
            where, problem.strerror or problem)
    return QCoreApplication.translate("worker", "The operation failed: {0}. Nothing was changed by the failed step.").format(
        str(problem) or type(problem).__name__)


def show_error(parent: QWidget | None, problem: BaseException | str) -> None:
    """The one message box for a failure (never a traceback); tests replace `_box`."""
    _box(parent, QCoreApplication.translate("worker", "Could not finish"), error_message(problem))


def _box(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def report_failure(parent: QWidget | None, exc: BaseException) -> None:
    """Show a failure; log the traceback of anything that is not a refusal or a known fault."""
    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.errors import DatabaseUnusable
    from gridkeeper.storage.faults import describe

    if isinstance(exc, (ServiceError, DatabaseUnusable)):
        log.info("refused: %s", exc)
    elif describe(exc) is not None:
        log.warning("failed: %s: %s", type(exc).__name__, describe(exc))
    else:
        log.error("failed", exc_info=exc)
    show_error(parent, exc)


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error no slot caught: log its traceback and show a plain dialog; the app keeps running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if QApplication.instance() is not None:
        show_error(QApplication.activeWindow(), exc)


def install(log_path: Path | None = None) -> None:
    """For the running app: every uncaught error (in slots, event handlers, timers) goes to `excepthook`,
    and warnings and errors are logged to `log_path` (kept to three files of 1 MB)."""
    sys.excepthook = excepthook
    if log_path is None:
        return
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(log_path) for h in root.handlers):
        return
    handler = RotatingFileHandler(log_path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    root.addHandler(handler)
