"""Someone else saved the record first: both versions side by side, and the user chooses."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from gridkeeper.services.errors import EditConflict

FIELD_LABELS = {"unit_id": "单元", "room": "房号", "housing_use": "房屋用途", "phone": "电话", "notes": "备注",
                "name": "姓名", "id_number": "身份证号", "birth_date": "出生日期", "relation": "与户主关系",
                "post": "岗位", "employer": "工作单位", "status": "状态", "dispatched_to": "派给"}
HIDDEN = {"id", "version", "room_key", "name_initials", "name_pinyin", "given_name", "id_reversed", "last_visit_on"}
DIFFERENT = QColor("#fff3cd")


def compared_rows(conflict: EditConflict) -> list[tuple[str, str, str, bool]]:
    """(field label, theirs, yours, differs) for every field the user knows, those that differ first."""
    rows = []
    for key in conflict.theirs:
        if key in HIDDEN or (conflict.yours and key not in conflict.yours):
            continue
        theirs = "" if conflict.theirs.get(key) is None else str(conflict.theirs.get(key))
        yours = "" if conflict.yours.get(key) is None else str(conflict.yours.get(key))
        rows.append((FIELD_LABELS.get(key, key), theirs, yours, theirs != yours))
    return sorted(rows, key=lambda row: not row[3])


class ConflictDialog(QDialog):
    """Returns Accepted for "keep mine" (save again over their version), Rejected for "take theirs"."""

    def __init__(self, conflict: EditConflict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved first"))
        layout = QVBoxLayout(self)
        message = QLabel(str(conflict), self)
        message.setWordWrap(True)
        layout.addWidget(message)
        rows = compared_rows(conflict)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Saved by them"), self.tr("Yours")])
        for row, (label, theirs, yours, differs) in enumerate(rows):
            for column, text in enumerate((label, theirs, yours)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setBackground(DIFFERENT)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.keep_mine = buttons.addButton(self.tr("Keep my changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_theirs = buttons.addButton(self.tr("Use their version"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
