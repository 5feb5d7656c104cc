"""Today's hazards: those waiting for rectification whose deadline is today or past, overdue in red."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gridkeeper.domain.enums import label_of
from gridkeeper.domain.hazards import HazardLevel, HazardStatus
from gridkeeper.services.hazards import days_left, list_hazards, where_found
from gridkeeper.storage.hazard_models import SafetyHazard
from gridkeeper.ui.widgets.deadlines import due_text
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, RowsModel
from gridkeeper.ui.widgets.today_box import TodayBox

TODAY_LIMIT = 500  # a community with more overdue hazards than this has other problems; the count says all


@dataclass
class HazardDueRow:
    hazard: SafetyHazard
    where: str


class HazardTodayBox(TodayBox):
    """A group box listing due or overdue hazards; double-click (or Enter) asks to open one."""

    open_hazard = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = None
        self.show_list(RowsModel([
            Column(self.tr("No."), lambda r: r.hazard.id, align_right=True),
            Column(self.tr("Deadline"), lambda r: due_text(days_left(r.hazard, self._today) or 0),
                   foreground=lambda r: RED if r.hazard.deadline < self._today
                   else AMBER),  # second: the box is narrow, how late it is must show
            Column(self.tr("Place"), lambda r: r.where, tooltip=lambda r: r.where),
            Column(self.tr("Hazard"), lambda r: "：".join(p for p in (r.hazard.item, r.hazard.description) if p),
                   tooltip=lambda r: "：".join(p for p in (r.hazard.item, r.hazard.description) if p)),
            Column(self.tr("Level"), lambda r: label_of(HazardLevel, r.hazard.level)),
            Column(self.tr("Status"), lambda r: label_of(HazardStatus, r.hazard.status)),
        ], self), lambda row: self.open_hazard.emit(row.hazard.id))

    def refresh(self, session, *, scope, today) -> None:
        self.show_rows(self.read(session, scope=scope, today=today), today=today)

    @staticmethod
    def read(session, *, scope, today) -> list[HazardDueRow]:
        """The hazards due (no widgets: the Today section reads this in a worker thread)."""
        hazards = list_hazards(session, scope=scope, due_by=today, limit=TODAY_LIMIT)
        where = where_found(session, hazards)
        return [HazardDueRow(h, where.get(h.id, "")) for h in hazards]

    def show_rows(self, rows: list[HazardDueRow], *, today) -> None:
        self._today = today
        self.model.set_rows(rows)
        self.setTitle(self.tr("Hazards due for rectification today or overdue ({0})").format(len(rows)))
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 180))
