"""The Data menu: back up now, restore a backup, check the database, the audit trail, accounts.

Wire in from the main window (or ui/app.py) once the window exists:

    from gridkeeper.ui.data_menu import install_data_menu
    install_data_menu(window, ctx)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.services import backups
from gridkeeper.storage import backup, integrity, lock, outputs
from gridkeeper.ui.context import Change
from gridkeeper.ui.errors import report_failure, show_error
from gridkeeper.ui.operations import perform
from gridkeeper.ui.worker import run_in_background

COUNT_KEYS = ("households", "residents", "visits")


class RestoreDialog(QDialog):
    """The backups of the open database, newest first, with their date and record counts."""

    def __init__(self, db_path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(760, 420)
        self.backups = backups.list_backups(db_path)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Choose a backup. The current database is saved as a backup first, and the restored copy "
            "is checked (record counts equal to the backup's) before it replaces the current one."), self))
        self.table = QTableWidget(len(self.backups), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Households"),
                                              self.tr("Residents"), self.tr("Visits")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, info in enumerate(self.backups):
            try:
                counts = info.counts()
            except Exception:  # an unreadable backup is listed but cannot be chosen
                counts = {}
            kind = info.reason_label
            if info.is_safety_copy:
                kind += self.tr(" (kept until deleted)")
            if info.from_future:
                kind += self.tr(" (dated later than now: was the clock wrong?)")
            cells = [info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), kind,
                     *[str(counts.get(k, self.tr("damaged"))) for k in COUNT_KEYS]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def restore_into_context(ctx, chosen: backup.BackupInfo) -> backup.RestoreResult:
    """Restore `chosen` through the one restore service (it proves the file, holds the lock, closes,
    replaces, reopens and audits) and point the context at the reopened engine; then sign the same
    person in again."""
    from gridkeeper.services import accounts

    user = accounts.signed_in(ctx.engine)
    try:
        done = backups.restore(ctx.db_path, chosen.path, database=ctx.database, actor=user.name if user else None)
    except Exception as exc:
        reopened = getattr(exc, "reopened_database", None)
        if reopened is not None:  # the untouched file, opened again
            ctx.database = reopened
        raise
    ctx.database = done.database
    if user is not None:
        with ctx.read() as session:
            try:
                accounts.sign_in(ctx.engine, accounts.find_account(session, user.name))
            except accounts.NotFound:  # the backup predates this account: who is working is asked again
                from gridkeeper.storage.audit import set_actor

                set_actor(ctx.engine, None)
    return done.result


class DataMenu(QObject):
    """Owns the Data menu's actions for one main window."""

    def __init__(self, window: QMainWindow, ctx):
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.menu = QMenu(self.tr("&Data"), window)
        bar = window.menuBar()
        actions = bar.actions()
        if actions:  # before Help, which stays last
            bar.insertMenu(actions[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        self.import_action = self.menu.addAction(self.tr("Import household roster…"), self.import_roster)
        self.menu.addSeparator()
        self.backup_action = self.menu.addAction(self.tr("Back up now"), self.backup_now)
        self.backup_to_action = self.menu.addAction(self.tr("Back up to a folder (USB stick)…"),
                                                    self.backup_to_folder)
        self.restore_action = self.menu.addAction(self.tr("Restore from a backup…"), self.restore)
        self.restore_file_action = self.menu.addAction(self.tr("Restore from a backup file…"),
                                                       self.restore_from_file)
        self.check_action = self.menu.addAction(self.tr("Check the database"), self.check)
        self.menu.addSeparator()
        self.audit_action = self.menu.addAction(self.tr("Audit trail…"), self.audit_trail)
        self.accounts_action = self.menu.addAction(self.tr("Accounts…"), self.manage_accounts)
        read_only = ctx.read_only or ctx.db_path is None
        self.restore_action.setEnabled(not read_only)
        self.restore_file_action.setEnabled(not read_only)
        self.import_action.setEnabled(not read_only and hasattr(window, "open_import_wizard"))
        self.backup_action.setEnabled(ctx.db_path is not None)
        self.backup_to_action.setEnabled(ctx.db_path is not None)
        self.check_action.setEnabled(ctx.db_path is not None)
        self.accounts_action.setEnabled(not getattr(ctx, "read_only", False))
        self.last_result = None

    def import_roster(self):
        """The roster import wizard (also under File)."""
        return self.window.open_import_wizard()

    def backup_now(self, folder=None):
        path = self.ctx.db_path

        def work(progress):
            progress(0, 0)
            info = backups.back_up(path, to=folder)
            return info, info.counts()

        return run_in_background(self.window, work, on_done=self._backed_up, cancellable=False,
                                 label=self.tr("Backing up and checking the copy…"))

    def _backed_up(self, outcome) -> None:
        info, counts = outcome
        self.last_result = info
        QMessageBox.information(self.window, self.tr("Backup made"), self.tr(
            "The backup was checked and saved:\n{0}\n\nHouseholds {1}, residents {2}, visits {3}.").format(
            info.path, *[counts[k] for k in COUNT_KEYS]))

    def backup_to_folder(self, folder: str | None = None):
        """A verified backup into a folder the user picks (a USB stick); not thinned there."""
        if not self._admin_only():  # a copy of every full ID number leaves the computer
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.window, self.tr("Back up into which folder?"))
            if not folder:
                return None
        refused = outputs.refusal(Path(folder) / "backup.db", databases=[self.ctx.db_path])
        if refused:
            QMessageBox.warning(self.window, self.tr("Choose another folder"), refused)
            return None
        task = self.backup_now(Path(folder))
        task.finished.connect(lambda kind: self._audit_copy(folder) if kind == "done" else None)
        return task

    def _audit_copy(self, folder) -> None:
        from gridkeeper.storage.audit import record_event

        what, detail = backups.copy_event(self.last_result)
        perform(self.window, self.ctx, lambda session: record_event(session, "export", what, detail))

    def restore_from_file(self, path: str | None = None, *, confirm=None) -> bool:
        """Restore from a backup file anywhere (a USB stick). The file is proved a sound GridKeeper
        database this program can open before anything is closed or replaced; then the user confirms
        with its counts. `confirm(text) -> bool` replaces the question in tests."""
        if not self._admin_only():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Choose a backup file"), "",
                                                  self.tr("GridKeeper backups (*.db);;All files (*)"))
            if not path:
                return False
        try:
            chosen = backups.find_backup(self.ctx.db_path, str(path))
            counts = backups.backend_for(self.ctx.db_path).check_candidate(chosen.path)
        except Exception as exc:  # not a backup, damaged, another program's, a newer GridKeeper's
            show_error(self.window, exc)
            return False
        text = self.tr("Replace the open database with {0}?\n\nIt holds households {1}, residents {2}, "
                       "visits {3}. The current database is kept as a safety copy first.").format(
            chosen.path, *[counts[k] for k in COUNT_KEYS])
        if confirm is not None:
            agreed = confirm(text)
        else:
            agreed = QMessageBox.question(self.window, self.tr("Restore from a file"), text) == \
                QMessageBox.StandardButton.Yes
        if not agreed:
            return False
        return self._restore_chosen(chosen)

    def _admin_only(self) -> bool:
        """With accounts on, only an administrator may restore or manage others."""
        from gridkeeper.services import accounts
        from gridkeeper.ui.login import accounts_on

        user = accounts.signed_in(self.ctx.engine)
        if accounts_on(self.ctx.engine) and (user is None or not user.is_admin):
            QMessageBox.warning(self.window, self.tr("Not allowed"),
                                self.tr("Only a community administrator can do this."))
            return False
        return True

    def restore(self, dialog: RestoreDialog | None = None) -> bool:
        if not self._admin_only():
            return False
        dialog = dialog or RestoreDialog(self.ctx.db_path, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        return self._restore_chosen(dialog.chosen())

    def _restore_chosen(self, chosen: backup.BackupInfo) -> bool:
        try:
            result = restore_into_context(self.ctx, chosen)
        except Exception as exc:  # shown in plain words; the current database is untouched
            report_failure(self.window, exc)
            return False
        self.last_result = result
        from gridkeeper.services import accounts
        from gridkeeper.ui.login import ask_who_is_working

        if accounts.signed_in(self.ctx.engine) is None and not ask_who_is_working(self.ctx, self.window):
            self.window.close()
            return True
        self.ctx.notify(Change.EVERYTHING)
        QMessageBox.information(self.window, self.tr("Restored"), self.tr(
            "Restored the backup of {0}: households {1}, residents {2}, visits {3} — equal to the backup.\n"
            "The database as it was before is kept as {4}.").format(
            chosen.taken_at.strftime("%Y-%m-%d %H:%M"), *[result.counts[k] for k in COUNT_KEYS],
            result.saved_current or "-"))
        return True

    def check(self):
        path = self.ctx.db_path

        def work(progress):
            progress(0, 0)
            return integrity.check_database(path)

        return run_in_background(self.window, work, on_done=self._checked, cancellable=False,
                                 label=self.tr("Checking the database…"))

    def _checked(self, report) -> None:
        self.last_result = report
        if report.ok:
            QMessageBox.information(self.window, self.tr("Check passed"), self.tr(
                "The file is sound, the data is consistent and the audit trail is unbroken."))
        elif report.physical:
            QMessageBox.critical(self.window, self.tr("The database is damaged"), integrity.damage_message(
                report.path, backup.newest_good_backup(report.path)))
        else:
            lines = integrity.summarize(report.logical, shown=8)
            QMessageBox.warning(self.window, self.tr("Problems found"), self.tr(
                "{0} problems were found:").format(len(report.logical)) + "\n\n" + "\n".join(lines))

    def audit_trail(self, show: bool = True):
        from gridkeeper.ui.audit_view import AuditDialog

        dialog = AuditDialog(self.ctx, self.window)
        if show:
            dialog.exec()
        return dialog

    def manage_accounts(self, show: bool = True):
        from gridkeeper.ui.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.ctx, self.window)
        if show:
            dialog.exec()
        return dialog


def install_data_menu(main_window: QMainWindow, ctx) -> DataMenu:
    """Add the Data menu to `main_window`; keep the returned object (it owns the actions)."""
    data_menu = DataMenu(main_window, ctx)
    main_window.data_menu = data_menu
    return data_menu


def offer_way_out(exc: Exception, db_path, parent: QWidget | None = None, *, choose=None) -> bool | None:
    """After a refused open, offer the way out: restore the newest good backup (damaged file) or
    open read-only (damaged or held by someone else). Returns True for read-only, False once
    restored (open normally), None to give up. `choose(box, buttons)` replaces the click in tests."""
    from PySide6.QtCore import QCoreApplication

    title = QCoreApplication.translate("DataMenu", "Cannot open the database")
    box = QMessageBox(QMessageBox.Icon.Critical, title, str(exc), QMessageBox.StandardButton.Close, parent)
    buttons = {}
    newest = getattr(exc, "newest_backup", None)
    if isinstance(exc, integrity.DatabaseDamaged) and newest is not None:
        text = QCoreApplication.translate("DataMenu", "Restore the newest good backup")
        buttons["restore"] = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
    if isinstance(exc, (integrity.DatabaseDamaged, lock.DatabaseLocked)):
        text = QCoreApplication.translate("DataMenu", "Open read-only")
        buttons["read_only"] = box.addButton(text, QMessageBox.ButtonRole.ActionRole)
    clicked = choose(box, buttons) if choose else (box.exec(), box.clickedButton())[1]
    if clicked is not None and clicked is buttons.get("read_only"):
        return True
    if clicked is None or clicked is not buttons.get("restore"):
        return None
    backups.restore(db_path, newest.path, why="数据库损坏，", keep_open=False)
    return False
