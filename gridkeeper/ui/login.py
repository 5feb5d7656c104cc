"""Who is working? The sign-in dialog (once accounts exist) and the lock screen after inactivity.

Use in ui/app.py after opening the database and before showing the window:

    if not ask_who_is_working(ctx):   # cancelled: quit
        return 0
    window = MainWindow(ctx)
    lock = InactivityLock(window, ctx)   # keep a reference; does nothing while accounts are off
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import Session

from gridkeeper.services import accounts
from gridkeeper.storage import audit
from gridkeeper.ui.widgets.forms import ok_cancel, password_edit, problem_label
from gridkeeper.ui.operations import Change, perform

INPUT_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                QEvent.Type.TouchBegin}


class WhoIsWorkingDialog(QDialog):
    """Pick your account and type your password; the same dialog unlocks the locked screen."""

    def __init__(self, engine, names: list[str], *, locked_for: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.engine = engine
        self.account = None
        self.setWindowTitle(self.tr("Screen locked") if locked_for else self.tr("Who is working?"))
        layout = QVBoxLayout(self)
        intro = (self.tr("GridKeeper was locked after a period without use. Sign in to continue.")
                 if locked_for else self.tr("Several people use this computer. Choose your account."))
        layout.addWidget(QLabel(intro, self))
        form = QFormLayout()
        self.user = QComboBox(self)
        self.user.addItems(names)
        if locked_for in names:
            self.user.setCurrentText(locked_for)
        self.password = password_edit(self)
        form.addRow(self.tr("Account"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.problem = problem_label(self)
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self, self.try_sign_in))
        self.password.setFocus()

    def try_sign_in(self) -> None:
        with Session(self.engine) as session:
            try:
                self.account = accounts.authenticate(session, self.user.currentText(), self.password.text())
            except accounts.SignInFailed as exc:
                self.problem.setText(str(exc))
                self.password.selectAll()
                return
        self.accept()


def active_names(engine) -> list[str]:
    with Session(engine) as session:
        return [a.name for a in accounts.list_accounts(session) if a.active]


def accounts_on(engine) -> bool:
    with Session(engine) as session:
        return accounts.accounts_enabled(session)


def sign_in_as(ctx, account) -> None:
    """Make `account` the one working: audited as them, edits checked against their grids."""
    accounts.sign_in(ctx.engine, account)
    ctx.user = account.name
    if not ctx.read_only:
        perform(None, ctx, lambda session: audit.record_event(session, "login", f"{account.name} 开始工作"))


def ask_who_is_working(ctx, parent: QWidget | None = None,
                       dialog_factory: Callable[..., WhoIsWorkingDialog] = WhoIsWorkingDialog) -> bool:
    """True when work may start: no accounts, or someone signed in; False if the dialog was cancelled."""
    if not accounts_on(ctx.engine):
        return True
    dialog = dialog_factory(ctx.engine, active_names(ctx.engine), parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
        return False
    sign_in_as(ctx, dialog.account)
    return True


class InactivityLock(QObject):
    """Locks the window after `lock_after_minutes` (a setting; 0 = never) without keyboard or mouse."""

    def __init__(self, window: QWidget, ctx, *, clock: Callable[[], float] = time.monotonic,
                 dialog_factory: Callable[..., WhoIsWorkingDialog] = WhoIsWorkingDialog, check_ms: int = 15_000):
        super().__init__(window)
        self.window, self.ctx, self.clock, self.dialog_factory = window, ctx, clock, dialog_factory
        self.last_input = clock()
        self.locked = False
        self.minutes = self._configured_minutes()
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(check_ms)

    def _configured_minutes(self) -> int:
        if not accounts_on(self.ctx.engine):
            return 0
        with Session(self.ctx.engine) as session:
            return accounts.lock_minutes(session)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def idle_minutes(self) -> float:
        return (self.clock() - self.last_input) / 60

    def check(self) -> None:
        """Lock if idle for too long (called by the timer; tests call it directly)."""
        if self.locked or not self.minutes or self.idle_minutes() < self.minutes:
            return
        self.lock()

    def lock(self) -> None:
        """Hide the data and ask for a password; the same or another account may continue.
        Cancelling closes the window (nothing unsaved is lost: every action is saved when done)."""
        self.locked = True
        body = self.window.centralWidget() if hasattr(self.window, "centralWidget") else None
        if body is not None:
            body.setVisible(False)
        self.window.setEnabled(False)
        previous = self.ctx.user
        try:
            dialog = self.dialog_factory(self.ctx.engine, active_names(self.ctx.engine),
                                         locked_for=previous, parent=self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
                self.timer.stop()
                self.window.close()
                return
            if dialog.account.name != previous:
                sign_in_as(self.ctx, dialog.account)
                if hasattr(self.window, "show_own_grid"):
                    self.window.show_own_grid()  # another steward took over: their grid, not the last one's
                self.ctx.notify(Change.EVERYTHING)
        finally:
            self.window.setEnabled(True)
            if body is not None:
                body.setVisible(True)
            self.locked = False
            self.last_input = self.clock()
