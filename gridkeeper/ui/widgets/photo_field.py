"""A form field for a leader's photo: the thumbnail, choose (file → frame) and remove; saved by the dialog's OK."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlmodel import Session

from gridkeeper.services.leader_photos import remove_photo, set_photo
from gridkeeper.services.portrait import PhotoRefused, Portrait, make_portrait, open_photo, read_photo_file
from gridkeeper.ui.errors import show_error
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.photo_crop import PhotoCropDialog

THUMB = (90, 120)


def pick_photo_file(parent: QWidget | None) -> str:
    """Ask for a JPEG/PNG file ("" when cancelled; tests replace this function)."""
    title = QCoreApplication.translate("PhotoField", "Choose a photo")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", "JPEG / PNG (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)")
    return path


class PhotoField(QWidget):
    """Shows the photo that will be printed; nothing is stored until `apply` runs inside the dialog's save."""

    def __init__(self, current: bytes | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.initial = current
        self.portrait: Portrait | None = None
        self.removed = False
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(*THUMB)
        self.thumb.setFrameShape(QLabel.Shape.Box)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose photo…"), self)
        self.choose_button.clicked.connect(lambda: self.choose())
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_button.clicked.connect(self.remove)
        self.note = QLabel(self.tr("JPEG or PNG, any size; printed beside the name on the wall roster."), self)
        self.note.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.note)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons, 1)
        self._show()

    @property
    def jpeg(self) -> bytes | None:
        """The photo as it will be after saving (None: no photo)."""
        if self.portrait is not None:
            return self.portrait.jpeg
        return None if self.removed else self.initial

    def choose(self) -> bool:
        path = pick_photo_file(self)
        return self.load(path) if path else False

    def load(self, path: str | Path) -> bool:
        """Read and frame a picture; a file that is not a usable photo is refused with its reason."""
        try:
            source = open_photo(read_photo_file(path), Path(path).name)
        except PhotoRefused as exc:
            show_error(self, exc)
            return False
        dialog = PhotoCropDialog(source, self)
        try:
            if not forms.run_dialog(dialog):
                return False
            self.portrait = make_portrait(source, dialog.crop())
        finally:
            dialog.deleteLater()
        self.removed = False
        self._show()
        return True

    def remove(self) -> None:
        self.portrait, self.removed = None, True
        self._show()

    def apply(self, session: Session, leader_id: int, *, today: date) -> None:
        """Store what the field shows (inside the caller's unit of work)."""
        if self.portrait is not None:
            set_photo(session, leader_id, self.portrait, today=today)
        elif self.removed:
            remove_photo(session, leader_id)

    def _show(self) -> None:
        jpeg = self.jpeg
        if jpeg:
            pixmap = QPixmap()
            pixmap.loadFromData(jpeg, "JPEG")
            self.thumb.setPixmap(pixmap.scaled(self.thumb.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumb.setPixmap(QPixmap())
            self.thumb.setText(self.tr("No photo"))
        self.remove_button.setEnabled(bool(jpeg))
