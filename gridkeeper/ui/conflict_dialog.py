"""Someone else saved the record first: both versions side by side, and the user chooses.

The one piece every form that edits a versioned record uses (households with their residents, leader
posts, members, requests' steps): `settle(parent, conflict, keep_mine=…, take_theirs=…)` shows who saved
first and when, both versions field by field (the fields that differ first, highlighted), and runs the
choice. "Keep my changes" saves again over their version; "Use their version" drops what was about to be
saved and lets the form show what is saved now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from gridkeeper.domain.enums import (CareTag, DispatchTarget, Gender, HousingUse, MemberStatus, PoliticalStatus,
                                     Rating, RequestStatus, ResidenceStatus, label_of)
from gridkeeper.domain.dispute_flow import DisputeKind, DisputeOutcome, DisputeRisk, DisputeSource, DisputeStatus
from gridkeeper.domain.hazards import HazardLevel, HazardStatus
from gridkeeper.domain import fields
from gridkeeper.services.errors import EditConflict

HIDDEN = {"id", "version", "room_key", "floor", "name_initials", "name_pinyin", "given_name", "id_reversed",
          "phone_reversed", "last_visit_on", "last_step_on"}
ENUMS = {"housing_use": HousingUse, "gender": Gender, "political_status": PoliticalStatus,
         "residence_status": ResidenceStatus, "rating": Rating, "dispatch_target": DispatchTarget}
STATUS = {"resident_request": RequestStatus, "member": MemberStatus}
TABLE_ENUMS = {  # codes whose meaning depends on the register
    "dispute": {"status": DisputeStatus, "kind": DisputeKind, "risk": DisputeRisk, "outcome": DisputeOutcome,
                "source": DisputeSource},
    "safety_hazard": {"status": HazardStatus, "level": HazardLevel},
}
REFERENCES = {"unit_id", "grid_id", "household_id"}  # shown (by name) only when they differ
DIFFERENT = QColor("#fff3cd")
KEEP_MINE, TAKE_THEIRS = True, False
T = TypeVar("T")


def shown_value(conflict: EditConflict, key: str, value) -> str:
    """A stored value as the user knows it: labels for codes, 是/否, care tags by name, the record a reference
    points to by its name (a unit as FK-03 幸福家园 7号楼 2单元, never its record number)."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and (key, value) in conflict.names:
        return conflict.names[(key, value)]
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "tags":
        return "、".join(label_of(CareTag, tag) for tag in value)
    enum = TABLE_ENUMS.get(conflict.table, {}).get(key) or (
        STATUS.get(conflict.table) if key == "status" else ENUMS.get(key))
    return label_of(enum, value) if enum else str(value)


def field_label(conflict: EditConflict, key: str) -> str:
    return fields.field_label(key, conflict.table)


def compared_rows(conflict: EditConflict) -> list[tuple[str, str, str, bool]]:
    """(field label, theirs, yours, differs) for every field the user knows, those that differ first. A step
    (withdrawing, ending a lease, a dispute's outcome) knows only its own fields: those are compared, and the
    rest of the record is shown as they saved it, so what they changed is seen too."""
    rows = []
    for key in conflict.theirs:
        if key in HIDDEN:
            continue
        theirs = shown_value(conflict, key, conflict.theirs.get(key))
        if key not in conflict.yours:  # not part of what was about to be saved: theirs alone
            named = isinstance(conflict.theirs.get(key), int) and (key, conflict.theirs.get(key)) in conflict.names
            if (key not in REFERENCES and not key.endswith("_id")) or (named and not conflict.yours):
                rows.append((field_label(conflict, key), theirs, "", False))
            continue
        yours = shown_value(conflict, key, conflict.yours.get(key))
        if key in REFERENCES and theirs == yours:
            continue
        rows.append((field_label(conflict, key), theirs, yours, theirs != yours))
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
                item.setToolTip(text)  # a long note is read in full here
                if differs:
                    item.setBackground(DIFFERENT)
                self.table.setItem(row, column, item)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):  # both versions get the same room
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        hint = QLabel(self.tr("“Keep my changes” removes it all the same. “Use their version” keeps it as they "
                              "saved it.") if conflict.removing else
                      self.tr("“Keep my changes” saves yours over theirs. “Use their version” drops your "
                              "changes to this record and shows what is saved now."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.keep_mine = buttons.addButton(self.tr("Keep my changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_theirs = buttons.addButton(self.tr("Use their version"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)


def choose(parent, conflict: EditConflict) -> bool:
    """Show both versions; KEEP_MINE (True) or TAKE_THEIRS (False). Closing the dialog takes theirs:
    nothing of the refused save is written without the user saying so."""
    dialog = ConflictDialog(conflict, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def settle(parent, conflict: EditConflict, *, keep_mine: Callable[[EditConflict], T],
           take_theirs: Callable[[EditConflict], object]) -> T | None:
    """Let the user choose, then run the choice: `keep_mine(conflict)` saves again over the version saved
    now (its result is returned); `take_theirs(conflict)` shows what is saved now (None is returned)."""
    if choose(parent, conflict) == KEEP_MINE:
        return keep_mine(conflict)
    take_theirs(conflict)
    return None

