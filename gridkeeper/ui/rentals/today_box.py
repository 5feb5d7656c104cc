"""Today's rented-housing box: leases ending, residence permits expiring, tenants here long without a permit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from gridkeeper.services.rental_lists import Reminder, reminders
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, PagedRowsModel
from gridkeeper.ui.widgets.today_box import TodayBox


class RentalTodayBox(TodayBox):
    """A group box of reminders, shown a page at a time; double-click opens the flat."""

    open_rental = Signal(int)  # household id

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.show_list(PagedRowsModel([
            Column(self.tr("What"), self._what, foreground=lambda r: RED if r.late else AMBER),
            Column(self.tr("Who"), lambda r: r.who),
            Column(self.tr("Address"), lambda r: r.address, tooltip=lambda r: r.address),
            Column(self.tr("Date"), lambda r: r.on.isoformat()),
        ], page_size=200, parent=self), lambda row: self.open_rental.emit(row.household_id))

    def _what(self, line: Reminder) -> str:
        if line.kind == "lease":
            return (self.tr("lease ended %n day(s) ago", "", -line.days) if line.days < 0
                    else self.tr("lease ends in %n day(s)", "", line.days))
        if line.kind == "permit":
            return (self.tr("permit expired %n day(s) ago", "", -line.days) if line.days < 0
                    else self.tr("permit expires in %n day(s)", "", line.days))
        return self.tr("no residence permit after %n day(s)", "", line.days)

    def refresh(self, session, *, scope, today) -> None:
        self.show_lines(self.read(session, scope=scope, today=today))

    @staticmethod
    def read(session, *, scope, today) -> list:
        """The reminders (no widgets: the Today section reads this in a worker thread)."""
        return reminders(session, today=today, scope=scope)

    def show_lines(self, lines: list) -> None:
        self.model.set_source(lambda offset, limit: lines[offset:offset + limit])
        self.setTitle(self.tr("Rented housing: leases, permits ({0})").format(len(lines)))
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 240))
