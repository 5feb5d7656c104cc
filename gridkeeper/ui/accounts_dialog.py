"""Managing accounts on a shared PC: add, change a password, role and grids, disable; lock timeout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from gridkeeper.services import accounts
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.storage.models import Grid
from gridkeeper.ui.widgets.forms import FieldErrors, add_row, ok_cancel, password_edit, problem_label, required
from gridkeeper.ui.operations import Change, perform


class AccountForm(QDialog):
    """A new account, or an existing one's role and grids (the password only for new ones). OK checks a new
    account's fields first and keeps the form open with each problem under its field."""

    def __init__(self, grids: list[Grid], *, first: bool, account=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Account") if account else self.tr("New account"))
        form = QFormLayout(self)
        self.name = QLineEdit(account.name if account else "", self)
        self.name.setReadOnly(account is not None)
        self.role = QComboBox(self)
        for code, label in accounts.ROLES.items():
            self.role.addItem(label, code)
        self.role.setCurrentIndex(self.role.findData(account.role if account else
                                                     accounts.ADMINISTRATOR if first else accounts.STEWARD))
        self.role.setEnabled(not first)
        self.grids = QListWidget(self)
        chosen = set(accounts.grid_ids_of(account)) if account else set()
        for grid in grids:
            item = QListWidgetItem(f"{grid.code} {grid.name}", self.grids)
            item.setData(Qt.ItemDataRole.UserRole, grid.code)
            item.setCheckState(Qt.CheckState.Checked if grid.id in chosen else Qt.CheckState.Unchecked)
        self.problem = problem_label(self)
        self.errors = FieldErrors(self.problem)
        add_row(form, self.errors, self.tr("Name"), self.name, "name")
        add_row(form, self.errors, self.tr("Role"), self.role, "role")
        form.addRow(self.tr("Grids a steward may edit"), self.grids)
        self.password, self.again = password_edit(self), password_edit(self)
        if account is None:
            add_row(form, self.errors, self.tr("Password"), self.password, "password")
            add_row(form, self.errors, self.tr("Password again"), self.again, "password_again")
        form.addRow(self.problem)
        form.addRow(ok_cancel(self, self._check))

    def grid_codes(self) -> list[str]:
        items = (self.grids.item(i) for i in range(self.grids.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def _check(self) -> None:
        self.errors.clear()
        if not self.name.isReadOnly():
            try:
                accounts.check_new_account(self.name.text(), self.password.text(), self.role.currentData())
                if self.password.text() != self.again.text():
                    raise required("password_again", self.tr("The two passwords differ."))
            except ValidationFailed as exc:
                self.errors.show(exc)
                return
        self.accept()


class AccountsDialog(QDialog):
    """The list of accounts; administrators manage them, a steward may change their own password."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Grids"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Role and grids…"), self)
        self.password_button = QPushButton(self.tr("Change password…"), self)
        self.toggle_button = QPushButton(self.tr("Disable / enable"), self)
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.password_button, self.change_password), (self.toggle_button, self.toggle)):
            button.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(button)
        layout.addLayout(row)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel(self.tr("Lock the screen after this many idle minutes (0 = never):"), self))
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setRange(0, 24 * 60)
        lock_row.addWidget(self.lock_minutes)
        save = QPushButton(self.tr("Save"), self)
        save.clicked.connect(lambda: self.save_lock_minutes())
        lock_row.addWidget(save)
        layout.addLayout(lock_row)
        self.refresh()

    def _user(self):
        return accounts.signed_in(self.ctx.engine)

    def refresh(self) -> None:
        with self.ctx.read() as session:
            self.accounts = accounts.list_accounts(session)
            self.grids = list(session.exec(select(Grid).order_by(Grid.code)))
            self.lock_minutes.setValue(accounts.lock_minutes(session))
        codes = {g.id: g.code for g in self.grids}
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            grids = "、".join(codes.get(g, "?") for g in accounts.grid_ids_of(account))
            cells = [account.name, accounts.ROLES[account.role],
                     self.tr("all") if account.role == accounts.ADMINISTRATOR else grids,
                     self.tr("active") if account.active else self.tr("disabled")]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        user, first = self._user(), not self.accounts
        admin = first or (user is not None and user.is_admin)
        for button in (self.add_button, self.edit_button, self.toggle_button, self.lock_minutes):
            button.setEnabled(admin)
        self.intro.setText(self.tr(
            "Nobody needs to sign in until the first account is created. Create a community administrator "
            "first; after that GridKeeper asks who is working.") if first else self.tr(
            "Administrators edit everything and manage accounts; a steward edits the grids ticked for them "
            "and sees the rest read-only."))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _write(self, action) -> bool:
        if perform(self, self.ctx, action, changes=Change.ACCOUNTS) is None:
            return False
        self.refresh()
        return True

    def add(self, form: AccountForm | None = None) -> bool:
        form = form or AccountForm(self.grids, first=not self.accounts, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._write(lambda s: accounts.create_account(
            s, form.name.text(), form.password.text(), role=form.role.currentData(), grid_codes=form.grid_codes()))

    def edit(self, form: AccountForm | None = None) -> bool:
        account = self.selected()
        if account is None:
            return False
        form = form or AccountForm(self.grids, first=False, account=account, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        return self._write(lambda s: accounts.update_account(s, account.name, role=form.role.currentData(),
                                                             grid_codes=form.grid_codes()))

    def change_password(self, new_password: str | None = None) -> bool:
        account = self.selected()
        if account is None:
            return False
        if new_password is None:
            from PySide6.QtWidgets import QInputDialog

            new_password, ok = QInputDialog.getText(self, self.tr("Change password"), self.tr(
                "New password for {0}:").format(account.name), QLineEdit.EchoMode.Password)
            if not ok:
                return False
        return self._write(lambda s: accounts.set_password(s, account.name, new_password))

    def toggle(self) -> bool:
        account = self.selected()
        if account is None:
            return False
        return self._write(lambda s: accounts.update_account(s, account.name, active=not account.active))

    def save_lock_minutes(self) -> bool:
        return self._write(lambda s: accounts.set_lock_minutes(s, self.lock_minutes.value()))
