"""Forms that show a service's validation errors next to the field, a confirmation box, and a testable dialog runner."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QVBoxLayout, QWidget)

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.ui.context import Change
from gridkeeper.ui.errors import ERROR_STYLE
from gridkeeper.ui.operations import perform_edit


def confirm(parent: QWidget | None, text: str) -> bool:
    """Ask before something that cannot be undone from here (tests replace this function)."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("Forms", "Please confirm"), text)
    return answer == QMessageBox.StandardButton.Yes


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when it was accepted (tests replace this to fill and accept it)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def accepted(dialog: QDialog) -> bool:
    """`run_dialog`, then free the dialog once control is back in the event loop (what it saved, its
    `result_value`, can still be read): True when it was accepted."""
    try:
        return run_dialog(dialog)
    finally:
        dialog.deleteLater()


def date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def past_date_edit(today: date, parent: QWidget | None = None) -> QDateEdit:
    """A day that has happened (a visit, a step, a session): today at first, nothing after today."""
    edit = date_edit(today, parent)
    edit.setMaximumDate(edit.date())
    return edit


def date_of(edit: QDateEdit) -> date:
    return edit.date().toPython()


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def ok_cancel(dialog: QDialog, on_ok) -> QDialogButtonBox:
    """OK runs `on_ok` (which accepts the dialog when all is well), Cancel rejects it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def problem_label(parent: QWidget | None = None) -> QLabel:
    """A line in the error colour that says why OK did not go through (empty until then)."""
    label = QLabel("", parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldErrors:
    """Red reasons under form fields, keyed by the field names services use (e.g. `visited_on`; an item of a list: `hazards.2.level`)."""

    def __init__(self, general: QLabel):
        self.general = general
        self._labels: dict[str, QLabel] = {}

    def add(self, field: str, label: QLabel) -> None:
        self._labels[field] = label

    def clear(self) -> None:
        for label in [*self._labels.values(), self.general]:
            label.clear()
            label.hide()

    def show(self, exc: ValidationFailed) -> None:
        self.clear()
        general = []
        for error in exc.errors:
            label = self._labels.get(error.field)
            if label is None:
                general.append(str(error))
            else:
                label.setText((label.text() + "；" if label.text() else "") + error.reason)
                label.show()
        if general:
            self.general.setText("\n".join(general))
            self.general.show()

    def text(self, field: str) -> str:
        """What is shown for a field ("" when fine); for tests and screen readers."""
        label = self._labels.get(field)
        return label.text() if label is not None else ""


def add_row(form: QFormLayout, errors: FieldErrors | None, label: str, widget: QWidget, field: str = "") -> QLabel:
    """A form row whose error label sits right under the widget (registered in `errors` under `field`)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    reason = error_label(box)
    layout.addWidget(reason)
    form.addRow(label, box)
    if field and errors is not None:
        errors.add(field, reason)
    return reason


def required(field: str, reason: str) -> ValidationFailed:
    return ValidationFailed([ValueRuleError(field, reason)])


class FormDialog(QDialog):
    """A dialog whose OK saves through `ui.operations.perform`: `save(session)` runs in one unit of work,
    field errors stay in the dialog, any other failure is shown; nothing is saved on error.

    A dialog that edits a versioned record keeps the version it showed in `self.version` and passes it to
    its service: if someone else saved first, the user sees both versions and chooses (`keep_mine`: save
    again over theirs; `take_theirs`: by default the dialog closes without saving, the lists show theirs)."""

    changes: Change | tuple[Change, ...] = ()  # what a save changes (announced once it is committed)

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.errors = FieldErrors(error_label(self))
        outer.addWidget(self.errors.general)
        self.buttons = ok_cancel(self, self.accept)
        outer.addWidget(self.buttons)
        self.result_value = None
        self.version: int | None = None  # the version of the record shown (None: a new record, nothing to check)

    def add_row(self, label: str, widget: QWidget, field: str = "") -> QLabel:
        return add_row(self.form, self.errors, label, widget, field)

    def save(self, session):
        """Save what the dialog holds in `session`; raise ValidationFailed or ServiceError to keep it open."""
        raise NotImplementedError

    def keep_mine(self, conflict) -> None:
        """Keep my changes: the next save goes over the version saved meanwhile."""
        self.version = conflict.current_version

    def take_theirs(self, conflict) -> None:
        """Use their version: nothing of this dialog is saved; it closes and the lists show theirs."""
        QDialog.reject(self)

    def accept(self) -> None:
        self.errors.clear()
        done = perform_edit(self, self.ctx, self.save, changes=self.changes, on_invalid=self.errors.show,
                            keep_mine=self.keep_mine, take_theirs=self.take_theirs)
        if done is not None:
            self.result_value = done.value
            super().accept()
