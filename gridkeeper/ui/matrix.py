"""The building visit matrix: rooms by floor × unit, coloured by how recently each was visited, care households marked."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from gridkeeper.domain.enums import CareTag
from gridkeeper.services.matrix import BANDS, LAST_MONTH, NEVER, OLDER, THIS_MONTH, building_matrix

# Fill and text colours chosen to stay readable and distinguishable (also in greyscale: light → dark).
BAND_COLOURS = {
    THIS_MONTH: ("#b9e4c0", "#0f3d1a"),
    LAST_MONTH: ("#fff1a8", "#4a3b00"),
    OLDER: ("#ffc58a", "#4d2600"),
    NEVER: ("#e8777a", "#ffffff"),
}
BAND_NAMES = {
    THIS_MONTH: QT_TRANSLATE_NOOP("BuildingMatrix", "Visited this month"),
    LAST_MONTH: QT_TRANSLATE_NOOP("BuildingMatrix", "Visited last month"),
    OLDER: QT_TRANSLATE_NOOP("BuildingMatrix", "Visited earlier"),
    NEVER: QT_TRANSLATE_NOOP("BuildingMatrix", "Never visited"),
}
CARE_MARK = "★"


def _style(band: str) -> str:
    fill, text = BAND_COLOURS[band]
    return (f"QToolButton {{ background: {fill}; color: {text}; border: 1px solid #8a8a8a; border-radius: 3px;"
            f" padding: 3px 6px; min-width: 44px; }} QToolButton:hover {{ border: 2px solid #1a4f9c; }}")


class BuildingMatrix(QWidget):
    """Shows one building (set with `show_building`); clicking a room emits `open_household(id)`."""

    open_household = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.building_id: int | None = None
        self.room_buttons: dict[int, QToolButton] = {}
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.title)
        layout.addWidget(self._legend())
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.scroll, 1)
        self.show_building(None)

    def _legend(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.legend_counts: dict[str, QLabel] = {}
        for band in BANDS:
            swatch = QLabel(self.tr(BAND_NAMES[band]), box)
            fill, text = BAND_COLOURS[band]
            swatch.setStyleSheet(f"background: {fill}; color: {text}; border: 1px solid #8a8a8a; padding: 3px 8px;")
            row.addWidget(swatch)
            self.legend_counts[band] = swatch
        row.addWidget(QLabel(self.tr("{0} = household with care tags").format(CARE_MARK), box))
        row.addStretch(1)
        return box

    def show_building(self, building_id: int | None) -> None:
        """Draw the rooms of a building (None shows the hint)."""
        self.building_id = building_id
        self.room_buttons = {}
        if building_id is None:
            self.title.setText(self.tr("Building visit matrix"))
            hint = QLabel(self.tr("Choose a building (or one of its units) in the tree on the left to see its rooms."))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setStyleSheet("color: #555; font-size: 12pt;")
            self.scroll.setWidget(hint)
            return
        with self.ctx.read() as session:
            matrix = building_matrix(session, building_id, today=self.ctx.today())
        counts = matrix.band_counts()
        self.title.setText(self.tr("{0}: {1} households, {2} visited this month").format(
            matrix.label, sum(counts.values()), counts[THIS_MONTH]))
        for band, swatch in self.legend_counts.items():
            swatch.setText(f"{self.tr(BAND_NAMES[band])}  {counts[band]}")
        self.scroll.setWidget(self._grid(matrix))

    def _grid(self, matrix) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for column, (_, label) in enumerate(matrix.units, start=1):
            header = QLabel(f"<b>{label}</b>", page)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        for row, floor in enumerate(matrix.floors, start=1):
            text = self.tr("Floor {0}").format(floor) if floor is not None else self.tr("Floor unknown")
            grid.addWidget(QLabel(f"<b>{text}</b>", page), row, 0)
            for column, (unit_id, _) in enumerate(matrix.units, start=1):
                rooms = matrix.cells.get((floor, unit_id), [])
                grid.addWidget(self._cell(page, rooms), row, column)
        grid.setColumnStretch(len(matrix.units) + 1, 1)
        grid.setRowStretch(len(matrix.floors) + 1, 1)
        return page

    def _cell(self, page: QWidget, rooms) -> QWidget:
        cell = QWidget(page)
        line = QHBoxLayout(cell)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        for room in rooms:
            button = QToolButton(cell)
            button.setText(f"{room.room}{CARE_MARK if room.care_tags else ''}")
            button.setStyleSheet(_style(room.band))
            button.setProperty("band", room.band)
            tags = "、".join(CareTag(t).label for t in room.care_tags)
            last = room.last_visit_on.isoformat() if room.last_visit_on else self.tr("never")
            tip = self.tr("Room {0} — last visit: {1}").format(room.room, last)
            button.setToolTip(f"{tip}\n{tags}" if tags else tip)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, hid=room.household_id: self.open_household.emit(hid))
            line.addWidget(button)
            self.room_buttons[room.household_id] = button
        line.addStretch(1)
        return cell
