"""Framing a leader's photo: the picture with a 3:4 frame the user drags and zooms; the service cuts it out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from gridkeeper.services.portrait import MIN_CROP, Crop, SourcePhoto, default_crop, fit_crop, largest_frame

SHADE = QColor(0, 0, 0, 140)
FRAME = QColor("#ffd54f")


def qimage_of(source: SourcePhoto) -> QImage:
    """The working image as a QImage (copied, so it owns its pixels)."""
    width, height = source.size
    return QImage(source.rgb_bytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class CropFrame(QWidget):
    """The picture scaled into the widget with the frame over it: drag to move, wheel to zoom."""

    crop_changed = Signal()

    def __init__(self, source: SourcePhoto, parent: QWidget | None = None):
        super().__init__(parent)
        self.source, self.image = source, qimage_of(source)
        self.crop = default_crop(source.size)
        self._drag: tuple[QPointF, Crop] | None = None
        self.setMinimumSize(420, 420)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    # -- geometry: widget ↔ image pixels
    def _scale(self) -> float:
        width, height = self.source.size
        return min(self.width() / width, self.height() / height)

    def _origin(self) -> QPointF:
        width, height = self.source.size
        k = self._scale()
        return QPointF((self.width() - width * k) / 2, (self.height() - height * k) / 2)

    def frame_rect(self) -> QRectF:
        k, o = self._scale(), self._origin()
        return QRectF(o.x() + self.crop.left * k, o.y() + self.crop.top * k, self.crop.width * k, self.crop.height * k)

    # -- changing the frame
    def set_crop(self, crop: Crop) -> None:
        self.crop = fit_crop(crop, self.source.size)
        self.update()
        self.crop_changed.emit()

    def zoom_to(self, width: int) -> None:
        """A frame `width` pixels wide, kept centred where it is."""
        cx, cy = self.crop.left + self.crop.width / 2, self.crop.top + self.crop.height / 2
        height = width * 4 / 3
        self.set_crop(Crop(round(cx - width / 2), round(cy - height / 2), width, round(height)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag = (event.position(), self.crop)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        start, crop = self._drag
        k = self._scale() or 1
        moved = (event.position() - start) / k
        self.set_crop(Crop(round(crop.left + moved.x()), round(crop.top + moved.y()), crop.width, crop.height))

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        step = 0.9 if event.angleDelta().y() > 0 else 1 / 0.9  # wheel up: closer
        self.zoom_to(round(self.crop.width * step))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        k, o = self._scale(), self._origin()
        width, height = self.source.size
        picture = QRectF(o.x(), o.y(), width * k, height * k)
        painter.drawImage(picture, self.image)
        frame = self.frame_rect()
        outside = QPainterPath()
        outside.addRect(picture)
        inside = QPainterPath()
        inside.addRect(frame)
        painter.fillPath(outside.subtracted(inside), SHADE)
        painter.setPen(QPen(FRAME, 2))
        painter.drawRect(frame)
        painter.end()


class PhotoCropDialog(QDialog):
    """Choose the part of the picture that is printed: a portrait frame, moved and zoomed over it."""

    def __init__(self, source: SourcePhoto, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Frame the photo"))
        self.frame = CropFrame(source, self)
        self.preview = QLabel(self)
        self.preview.setFixedSize(150, 200)
        self.preview.setFrameShape(QLabel.Shape.Box)
        most = largest_frame(source.size)[0]
        self.zoom = QSlider(Qt.Orientation.Horizontal, self)
        self.zoom.setRange(min(MIN_CROP[0], most), most)
        self.zoom.setValue(self.frame.crop.width)
        self.zoom.setInvertedAppearance(True)  # to the right: a smaller frame, closer in
        self.zoom.valueChanged.connect(self.frame.zoom_to)
        self.frame.crop_changed.connect(self._show_preview)
        hint = QLabel(self.tr("Drag the frame over the face; the slider or the mouse wheel zooms. "
                              "Only what is inside the frame is kept."), self)
        hint.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("On the wall roster:"), self))
        side.addWidget(self.preview)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.frame, 1)
        row.addLayout(side)
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(QLabel(self.tr("Zoom"), self))
        zoom_row.addWidget(self.zoom, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addLayout(zoom_row)
        layout.addWidget(buttons)
        self.resize(720, 600)
        self._show_preview()

    def crop(self) -> Crop:
        return self.frame.crop

    def _show_preview(self) -> None:
        c = self.frame.crop
        part = self.frame.image.copy(c.left, c.top, c.width, c.height)
        self.preview.setPixmap(QPixmap.fromImage(part).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        if self.zoom.value() != c.width:
            self.zoom.blockSignals(True)
            self.zoom.setValue(c.width)
            self.zoom.blockSignals(False)
