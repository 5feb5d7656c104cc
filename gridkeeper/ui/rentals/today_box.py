"""Today's rented-housing box: leases ending, residence permits expiring, tenants here long without a permit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from gridkeeper.services.rental_lists import Reminder, reminders
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, PagedRowsModel


class RentalTodayBox(QGroupBox):
    """A group box of reminders, shown a page at a time; double-click opens the flat."""

    open_rental = Signal(int)  # household id

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = PagedRowsModel([
            Column(self.tr("What"), self._what, foreground=lambda r: RED if r.late else AMBER),
            Column(self.tr("Who"), lambda r: r.who),
            Column(self.tr("Address"), lambda r: r.address, tooltip=lambda r: r.address),
            Column(self.tr("Date"), lambda r: r.on.isoformat()),
        ], page_size=200, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setResizeContentsPrecision(100)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        QVBoxLayout(self).addWidget(self.view)

    def _what(self, line: Reminder) -> str:
        if line.kind == "lease":
            return (self.tr("lease ended %n day(s) ago", "", -line.days) if line.days < 0
                    else self.tr("lease ends in %n day(s)", "", line.days))
        if line.kind == "permit":
            return (self.tr("permit expired %n day(s) ago", "", -line.days) if line.days < 0
                    else self.tr("permit expires in %n day(s)", "", line.days))
        return self.tr("no residence permit after %n day(s)", "", line.days)

    def refresh(self, session, *, scope, today) -> None:
        lines = reminders(session, today=today, scope=scope)
        self.model.set_source(lambda offset, limit: lines[offset:offset + limit])
        self.setTitle(self.tr("Rented housing: leases, permits ({0})").format(len(lines)))
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 240))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.open_rental.emit(row.household_id)
