"""The inline residents table of the household editor: typed cells, choice lists, care-tag picker, error marks."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QHeaderView, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout)

from gridkeeper.domain.enums import CareTag, Gender, PoliticalStatus, Relation, ResidenceStatus
from gridkeeper.services.people import ResidentInput

NAME, GENDER, ID_NUMBER, BIRTH, PHONE, RELATION, POLITICAL, RESIDENCE, TAGS = range(9)
HEADERS = (
    QT_TRANSLATE_NOOP("ResidentsTable", "Name"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Gender"),
    QT_TRANSLATE_NOOP("ResidentsTable", "ID number"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Birth date"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Phone"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Relation to head"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Political status"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Residence status"),
    QT_TRANSLATE_NOOP("ResidentsTable", "Care tags"),
)
# The field names the services use in their errors (Chinese, from the domain rules) → column.
FIELD_COLUMNS = {"name": NAME, "gender": GENDER, "id_number": ID_NUMBER, "birth_date": BIRTH, "phone": PHONE,
                 "relation": RELATION, "political_status": POLITICAL, "residence_status": RESIDENCE, "tags": TAGS}
CHOICES = {GENDER: [""] + Gender.labels(), RELATION: Relation.labels(), POLITICAL: PoliticalStatus.labels(),
           RESIDENCE: ResidenceStatus.labels()}
ID_ROLE = Qt.ItemDataRole.UserRole
TAGS_ROLE = Qt.ItemDataRole.UserRole + 1
VERSION_ROLE = Qt.ItemDataRole.UserRole + 2  # the resident's version shown: a save over a newer one is a conflict
ERROR_BRUSH = QBrush(QColor("#fde2e1"))


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for columns with a closed list (relation also accepts free text)."""

    def __init__(self, choices: list[str], editable: bool = False, parent=None):
        super().__init__(parent)
        self.choices, self.editable = choices, editable

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        combo.setEditable(self.editable)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentText(index.data() or "")

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentText())


class TagPicker(QDialog):
    """Tick the care tags of one resident."""

    def __init__(self, chosen: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Care tags"))
        layout = QVBoxLayout(self)
        self.boxes = {}
        for tag in CareTag:
            box = QCheckBox(tag.label, self)
            box.setChecked(tag.value in chosen)
            layout.addWidget(box)
            self.boxes[tag.value] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [value for value, box in self.boxes.items() if box.isChecked()]


def parse_birth_date(text: str) -> date | None:
    """1990-05-01, 1990.5.1, 1990/5/1 or 19900501; None when empty; ValueError when unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    parts = re.split(r"[-./年月日]", text.rstrip("日"))
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


class ResidentsTable(QTableWidget):
    """One row per resident; rows carry the resident's id (None for a new one) and care tags."""

    def __init__(self, parent=None):
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        for column, choices in CHOICES.items():
            self.setItemDelegateForColumn(column, ChoiceDelegate(choices, column == RELATION, self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in {NAME: 90, GENDER: 56, ID_NUMBER: 170, BIRTH: 100, PHONE: 120, RELATION: 80,
                              POLITICAL: 100, RESIDENCE: 90}.items():
            self.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.cellDoubleClicked.connect(self._maybe_pick_tags)

    def add_resident(self, resident=None, tags: list[str] | None = None) -> int:
        """Append a row (empty, or filled from a Resident record); returns its row number."""
        row = self.rowCount()
        self.insertRow(row)
        first = not row
        values = {
            NAME: resident.name if resident else "",
            GENDER: Gender(resident.gender).label if resident and resident.gender else "",
            ID_NUMBER: resident.id_number if resident else "",
            BIRTH: resident.birth_date.isoformat() if resident and resident.birth_date else "",
            PHONE: resident.phone if resident else "",
            RELATION: resident.relation if resident else (Relation.HEAD.label if first else ""),
            POLITICAL: PoliticalStatus(resident.political_status).label if resident else PoliticalStatus.MASSES.label,
            RESIDENCE: (ResidenceStatus(resident.residence_status).label if resident
                        else ResidenceStatus.REGISTERED.label),
        }
        for column, text in values.items():
            self.setItem(row, column, QTableWidgetItem(text))
        self.item(row, NAME).setData(ID_ROLE, resident.id if resident else None)
        self.item(row, NAME).setData(VERSION_ROLE, resident.version if resident else None)
        tag_item = QTableWidgetItem()
        tag_item.setFlags(tag_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        tag_item.setToolTip(self.tr("Double-click to choose care tags"))
        self.setItem(row, TAGS, tag_item)
        self.set_tags(row, tags or [])
        return row

    def set_tags(self, row: int, tags: list[str]) -> None:
        item = self.item(row, TAGS)
        item.setData(TAGS_ROLE, list(tags))
        item.setText("、".join(CareTag(t).label for t in tags))

    def _maybe_pick_tags(self, row: int, column: int) -> None:
        if column == TAGS:
            picker = TagPicker(self.item(row, TAGS).data(TAGS_ROLE) or [], self)
            if picker.exec():
                self.set_tags(row, picker.chosen())

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item else ""

    def residents(self) -> tuple[list[ResidentInput], list[tuple[int, int, str]]]:
        """What the rows say, plus (row, column, reason) for cells that cannot even be read."""
        out, problems = [], []
        for row in range(self.rowCount()):
            try:
                birth = parse_birth_date(self.text(row, BIRTH))
            except ValueError:
                birth = None
                problems.append((row, BIRTH, self.tr("Write the date as 1990-05-01")))
            out.append(ResidentInput(
                name=self.text(row, NAME), gender=self.text(row, GENDER) or None, id_number=self.text(row, ID_NUMBER),
                birth_date=birth, phone=self.text(row, PHONE), relation=self.text(row, RELATION),
                political_status=self.text(row, POLITICAL), residence_status=self.text(row, RESIDENCE),
                tags=list(self.item(row, TAGS).data(TAGS_ROLE) or []), id=self.item(row, NAME).data(ID_ROLE),
                version=self.item(row, NAME).data(VERSION_ROLE)))
        return out, problems

    def resident_ids(self) -> set[int]:
        """The saved residents the rows show."""
        return {rid for row in range(self.rowCount()) if (rid := self.item(row, NAME).data(ID_ROLE)) is not None}

    def set_saved(self, row: int, resident_id: int, version: int) -> None:
        """After a save: the row is that resident, at that version."""
        self.item(row, NAME).setData(ID_ROLE, resident_id)
        self.item(row, NAME).setData(VERSION_ROLE, version)

    def set_version(self, resident_id: int, version: int | None) -> None:
        """Keep my changes after a conflict: the row now saves over the version saved meanwhile."""
        for row in range(self.rowCount()):
            if self.item(row, NAME).data(ID_ROLE) == resident_id:
                self.item(row, NAME).setData(VERSION_ROLE, version)

    def clear_marks(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None and item.data(Qt.ItemDataRole.BackgroundRole) is not None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip(self.tr("Double-click to choose care tags") if column == TAGS else "")

    def mark(self, row: int, column: int, reason: str) -> None:
        """Highlight a wrong cell; its tooltip says why."""
        item = self.item(row, column)
        if item is not None:
            item.setBackground(ERROR_BRUSH)
            item.setToolTip(reason)
