"""The daily backup, made in the background once the main window is up.

Opening the database no longer waits for it (5–6 s at 100,000 households): SQLite's online backup
copies a consistent snapshot of the file while the steward works (the app writes in WAL mode, so its
saves go on meanwhile), the copy is checked and renamed, old backups are thinned — all in a worker
thread with its own SQLite connections. When it is done a quiet note appears in the status bar; if it
fails a warning says so (the data is safe, only today's copy is missing) and the note stays red.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

START_AFTER_MS = 1000  # let the first section paint and settle before the disk gets busy


class DailyBackup(QObject):
    """Runs `backup_if_due` for one database in a thread; reports on the UI thread.

    `done(info_or_None, error_text)` is emitted on the UI thread: info is the BackupInfo made (None when
    none was due), error_text is "" on success. The thread is not a daemon: closing the app lets a
    backup in progress finish (the process ends a moment later), so no half-written copy is left."""

    done = Signal(object, str)
    _outcome = Signal(object, str)  # emitted in the worker thread, relayed (queued) to the UI thread

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.thread: threading.Thread | None = None
        self._outcome.connect(self.done, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="gridkeeper-daily-backup")
        self.thread.start()

    def _run(self) -> None:
        from gridkeeper.storage import backup

        try:
            info, error = backup.backup_if_due(self.db_path), ""
        except Exception as exc:  # noqa: BLE001 - every failure must reach the user
            info, error = None, str(exc) or type(exc).__name__
        try:
            self._outcome.emit(info, error)
        except RuntimeError:  # the window was closed meanwhile: nobody left to tell
            pass

    def wait(self, seconds: float = 60) -> bool:
        """Block until the backup thread has ended (tests, benchmarks); True if it has."""
        if self.thread is not None:
            self.thread.join(seconds)
        return self.thread is None or not self.thread.is_alive()


def start_daily_backup(window: QMainWindow, db_path: Path | None, *, delay_ms: int = START_AFTER_MS) -> DailyBackup | None:
    """Schedule today's backup of `db_path` after the window has appeared; the outcome goes to its status
    bar. None for a database without a file (in memory) — and callers skip read-only opens."""
    if db_path is None:
        return None
    job = DailyBackup(db_path, window)
    note = QLabel(window.statusBar())
    note.setObjectName("daily_backup_note")
    window.statusBar().addPermanentWidget(note)
    job.done.connect(lambda info, error: _report(window, note, info, error))
    QTimer.singleShot(delay_ms, job.start)
    window.daily_backup = job
    return job


def _report(window: QMainWindow, note: QLabel, info, error: str) -> None:
    if error:
        note.setStyleSheet("color: #b00020;")
        note.setText(QCoreApplication.translate("DailyBackup", "Today's automatic backup failed"))
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DailyBackup", "Automatic backup"),
                          QCoreApplication.translate(
                              "DailyBackup", "Today's automatic backup could not be made: {0}\n\nYour data is "
                              "unchanged. Use Data › Back up now to try again, or check the disk.").format(error),
                          QMessageBox.StandardButton.Ok, window)
        box.setModal(False)
        box.show()
        window.daily_backup_warning = box
    elif info is not None:
        note.setText(QCoreApplication.translate("DailyBackup", "Backed up today at {0}").format(
            info.taken_at.strftime("%H:%M")))
        note.setToolTip(str(info.path))
