"""The household window's record: its visits and its requests, newest first, in two read-only tables."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from gridkeeper.domain.enums import RequestCategory, RequestStatus, VisitKind, label_of
from gridkeeper.services.requests import household_requests
from gridkeeper.services.visits import household_visits
from gridkeeper.ui.widgets.table_model import Column, RowsModel

SHOWN = 200  # a household has a few dozen visits at most; the newest 200 is everything in practice


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class HouseholdRecord(QObject):
    """The two models and their views (parented to `parent`); `load(household_id)` fills them (0 empties)."""

    def __init__(self, ctx, parent: QWidget):
        super().__init__(parent)
        self.ctx = ctx
        self.visit_model = RowsModel([
            Column(self.tr("Date"), lambda v: v.visited_on.isoformat()),
            Column(self.tr("Visitor"), lambda v: v.visitor_name),
            Column(self.tr("Kind"), lambda v: label_of(VisitKind, v.kind)),
            Column(self.tr("Home"), lambda v: self.tr("yes") if v.anyone_home else self.tr("no")),
            Column(self.tr("Findings"), lambda v: v.findings, tooltip=lambda v: v.findings),
        ], self)
        self.request_model = RowsModel([
            Column(self.tr("No."), lambda r: r.id, align_right=True),
            Column(self.tr("Raised"), lambda r: r.raised_on.isoformat()),
            Column(self.tr("Category"), lambda r: label_of(RequestCategory, r.category)),
            Column(self.tr("Status"), lambda r: label_of(RequestStatus, r.status)),
            Column(self.tr("Deadline"), lambda r: r.deadline.isoformat()),
            Column(self.tr("Request"), lambda r: r.description, tooltip=lambda r: r.description),
        ], self)
        self.visits_view = _table(self.visit_model, parent)
        self.requests_view = _table(self.request_model, parent)

    def load(self, household_id: int | None) -> None:
        with self.ctx.read() as session:
            visits = household_visits(session, household_id, limit=SHOWN) if household_id else []
            requests = household_requests(session, household_id, limit=SHOWN) if household_id else []
        self.visit_model.set_rows(visits)
        self.request_model.set_rows(requests)
        for view in (self.visits_view, self.requests_view):
            view.resizeColumnsToContents()
