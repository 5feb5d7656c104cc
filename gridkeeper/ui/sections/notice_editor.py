"""The notice-template editor: change a template's text and save it as the user's own template."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from gridkeeper.reports.notices import PLACEHOLDERS, NoticeTemplate, delete_user_template, save_template
from gridkeeper.services.errors import ServiceError


class NoticeEditor(QDialog):
    """Edit title, body, time, place, issuer and date; Save keeps the text as a file in the user's folder."""

    def __init__(self, template: NoticeTemplate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Notice template"))
        self.original = template
        self.saved: NoticeTemplate | None = None
        self.name = QLineEdit(template.name if template.user else f"{template.name}_mine", self)
        self.label = QLineEdit(template.label, self)
        self.title = QLineEdit(template.title, self)
        self.body = QPlainTextEdit(template.body, self)
        self.body.setMinimumSize(460, 220)
        self.time = QLineEdit(template.time, self)
        self.place = QLineEdit(template.place, self)
        self.issuer = QLineEdit(template.issuer, self)
        self.issuer.setPlaceholderText(self.tr("Blank: the community's residents' committee"))
        self.date = QLineEdit(template.date, self)
        self.date.setPlaceholderText(self.tr("Blank: the day it is printed"))
        form = QFormLayout()
        for text, widget in ((self.tr("File name"), self.name), (self.tr("Shown as"), self.label),
                             (self.tr("Title"), self.title), (self.tr("Body"), self.body),
                             (self.tr("Time"), self.time), (self.tr("Place"), self.place),
                             (self.tr("Issued by"), self.issuer), (self.tr("Date"), self.date)):
            form.addRow(text, widget)
        hint = QLabel(self.tr("Placeholders filled for each building: {0}").format(
            " ".join("{" + p + "}" for p in PLACEHOLDERS)), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.delete_button = buttons.addButton(self.tr("Delete my template"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setEnabled(template.user)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def edited(self) -> NoticeTemplate:
        """The template as the fields now say."""
        return replace(self.original, name=self.name.text().strip(), label=self.label.text().strip() or
                       self.name.text().strip(), title=self.title.text(), body=self.body.toPlainText(),
                       time=self.time.text(), place=self.place.text(), issuer=self.issuer.text(),
                       date=self.date.text(), user=True)

    def save(self) -> bool:
        """Save to the user's notices folder; a problem is shown and the dialog stays open."""
        template = self.edited()
        try:
            save_template(template)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
            return False
        self.saved = template
        self.accept()
        return True

    def delete(self) -> None:
        if delete_user_template(self.original.name):
            self.saved = None
            self.done(2)
