"""今日 Today: the first screen of the day — care visits due, requests due or overdue, vacant leader posts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from gridkeeper.domain.enums import RequestCategory, RequestStatus, label_of
from gridkeeper.services.addresses import HouseholdSummary, summaries
from gridkeeper.services.coverage import VisitDue, visits_due
from gridkeeper.services.dispute_lists import TODAY_LINES, DisputeDueRow, disputes_due, due_count
from gridkeeper.services.leader_posts import posts
from gridkeeper.services.place_lists import scope_name
from gridkeeper.services.requests import days_left, list_requests
from gridkeeper.storage.models import ResidentRequest
from gridkeeper.ui.background_read import BackgroundRead
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.hazards.today_box import HazardTodayBox
from gridkeeper.ui.rentals.today_box import RentalTodayBox
from gridkeeper.ui.widgets.deadlines import due_text
from gridkeeper.ui.widgets.household_picker import tag_labels
from gridkeeper.ui.widgets.table_model import AMBER, RED, Column, PagedRowsModel, RowsModel
from gridkeeper.ui.widgets.today_box import TodayBox


@dataclass
class DueRow:
    due: VisitDue
    place: HouseholdSummary | None


@dataclass
class RequestDueRow:
    request: ResidentRequest
    place: HouseholdSummary | None


@dataclass
class TodayLists:
    """Everything the section shows, read in a worker thread (no widgets)."""

    due: list[VisitDue]
    first_page: list[DueRow]  # the care list's first page with names and addresses (the rest read as scrolled)
    requests: list[RequestDueRow]
    vacant: list
    disputes: list[DisputeDueRow]
    disputes_total: int
    place: str
    hazards: list
    rentals: list


PAGE = 200


def due_rows(session, due: list[VisitDue]) -> list[DueRow]:
    """Addresses and names only for the rows being shown (thousands may be due in a large community)."""
    places = {s.id: s for s in summaries(session, [d.household_id for d in due])}
    return [DueRow(d, places.get(d.household_id)) for d in due]


def read_today(session, *, scope, today, everywhere: str) -> TodayLists:
    """Care visits due, requests due or overdue, vacant posts, disputes, hazards and rental reminders."""
    due = visits_due(session, today=today, scope=scope)
    first_page = due_rows(session, due[:PAGE])
    requests = list_requests(session, scope=scope, due_by=today, limit=None)
    places = {s.id: s for s in summaries(session, [r.household_id for r in requests])}
    disputes = disputes_due(session, today=today, scope=scope)
    disputes_total = len(disputes)
    if disputes_total >= TODAY_LINES:  # a list was cut at its limit: count them all
        disputes_total = due_count(session, today=today, scope=scope)
    return TodayLists(due=due, first_page=first_page, requests=[RequestDueRow(r, places.get(r.household_id)) for r in requests],
                      vacant=posts(session, scope, vacant_only=True), disputes=disputes,
                      disputes_total=disputes_total, place=scope_name(session, scope, everywhere=everywhere),
                      hazards=HazardTodayBox.read(session, scope=scope, today=today),
                      rentals=RentalTodayBox.read(session, scope=scope, today=today))




class TodaySection(QWidget):
    """What needs doing today in the selected scope; double-click a line to act on it."""

    open_household = Signal(int)
    open_request = Signal(int)
    open_dispute = Signal(int)
    assign_post = Signal(str, int)  # role, scope id
    open_hazard = Signal(int)
    open_rental = Signal(int)  # a rented flat's household id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.scope_label = QLabel(self)  # which grid or building these lists are for
        self.scope_label.setObjectName("scope_heading")
        self.scope_label.setFont(font)
        self.scope_label.setStyleSheet("color: #1f3b5c;")
        self.care_model = PagedRowsModel(self._care_columns(), page_size=PAGE, parent=self)
        self.request_model = RowsModel(self._request_columns(), self)
        self.vacancy_model = RowsModel([
            Column(self.tr("Post"), lambda p: p.role.label),
            Column(self.tr("Place"), lambda p: p.label),
        ], self)
        # a line double-clicked: its household opens, its request, its dispute; a vacant post asks whom to assign
        self.care_box, self.care_view = self._list(self.care_model,
                                                   lambda r: self.open_household.emit(r.due.household_id))
        self.request_box, self.request_view = self._list(self.request_model,
                                                         lambda r: self.open_request.emit(r.request.id))
        self.vacancy_box, self.vacancy_view = self._list(
            self.vacancy_model, lambda post: self.assign_post.emit(str(post.role.value), post.scope_id))
        self.dispute_model = RowsModel(self._dispute_columns(), self)
        self.dispute_box, self.dispute_view = self._list(self.dispute_model,
                                                         lambda r: self.open_dispute.emit(r.dispute.id))
        self.hazard_box = HazardTodayBox(self)
        self.hazard_box.open_hazard.connect(self.open_hazard)
        self.rental_box = RentalTodayBox(ctx, self)
        self.rental_box.open_rental.connect(self.open_rental)
        self.hint = QLabel(self.tr("Double-click a line: a household opens, a request opens, a vacant post "
                                   "asks whom to assign."), self)
        self.hint.setWordWrap(True)
        self.reader = BackgroundRead(self, ctx)  # the lists are read in a worker thread (a second at 100k)
        self._layout()
        follow = self.reader.refresh_when_shown(self.refresh)
        ctx.scope_changed.connect(follow)
        ctx.data_changed.connect(lambda change: change is not Change.SETTINGS and follow())
        follow()  # read once shown (a window built in a test, never shown, reads nothing)

    def _care_columns(self) -> list[Column]:
        urgent = lambda r: RED if r.due.overdue_days > 0 else AMBER  # noqa: E731
        return [
            Column(self.tr("Head"), lambda r: r.place.head_name if r.place else ""),
            Column(self.tr("Address"), lambda r: r.place.address if r.place else ""),
            Column(self.tr("Care"), lambda r: tag_labels(r.due.tags) or self.tr("migrants")),
            Column(self.tr("Last visit"), lambda r: r.due.last_visit_on.isoformat() if r.due.last_visit_on
                   else self.tr("never")),
            Column(self.tr("Every"), lambda r: self.tr("%n day(s)", "", r.due.interval_days), align_right=True),
            Column(self.tr("Due"), self._due_text, foreground=urgent),
        ]

    def _due_text(self, row: DueRow) -> str:
        if row.due.last_visit_on is None:
            return self.tr("never visited")
        return due_text(-row.due.overdue_days)

    def _request_columns(self) -> list[Column]:
        def due(r: RequestDueRow) -> str:
            return due_text(days_left(r.request, self.ctx.today()) or 0)
        return [
            Column(self.tr("No."), lambda r: r.request.id, align_right=True),
            Column(self.tr("Household"), lambda r: r.place.address if r.place else ""),
            Column(self.tr("Category"), lambda r: label_of(RequestCategory, r.request.category)),
            Column(self.tr("Status"), lambda r: label_of(RequestStatus, r.request.status)),
            Column(self.tr("Deadline"), due, foreground=lambda r: RED if r.request.deadline < self.ctx.today()
                   else AMBER),
            Column(self.tr("Request"), lambda r: r.request.description, tooltip=lambda r: r.request.description),
        ]

    def _dispute_columns(self) -> list[Column]:
        def need(r: DisputeDueRow) -> str:
            if r.stale:
                return self.tr("no session for %n day(s)", "", r.days)
            return self.tr("follow-up %n day(s) late", "", r.days) if r.days else self.tr("follow-up due today")
        return [
            Column(self.tr("No."), lambda r: r.dispute.id, align_right=True),
            Column(self.tr("Parties"), lambda r: r.parties, tooltip=lambda r: r.parties),
            Column(self.tr("Needs"), need, foreground=lambda r: RED if r.stale or r.days else AMBER),
            Column(self.tr("Dispute"), lambda r: r.dispute.subject, tooltip=lambda r: r.dispute.subject),
        ]

    def _list(self, model: RowsModel, open_row) -> tuple[TodayBox, QTableView]:
        box = TodayBox(self)
        box.show_list(model, open_row)
        return box, box.view

    def _layout(self) -> None:
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.request_box)
        lower.addWidget(self.vacancy_box)
        lower.addWidget(self.dispute_box)
        lower.addWidget(self.hazard_box)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 1)
        lower.setStretchFactor(2, 2)
        lower.setStretchFactor(3, 2)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.care_box)
        upper.addWidget(self.rental_box)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(24)
        top.addWidget(self.scope_label)
        top.addSpacing(24)
        top.addWidget(self.reader.label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        """Read the lists in the background (the last request wins) and show them when they come."""
        today, scope, everywhere = self.ctx.today(), self.ctx.scope, self.tr("Whole community")
        self.reader.start(lambda session: read_today(session, scope=scope, today=today, everywhere=everywhere),
                          lambda lists: self._show(lists, today))

    def _show(self, lists: TodayLists, today) -> None:
        due, first = lists.due, lists.first_page
        self.care_model.set_source(lambda offset, limit: first if offset == 0
                                   else self._due_page(due[offset:offset + limit]))
        self.request_model.set_rows(lists.requests)
        self.vacancy_model.set_rows(lists.vacant)
        self.dispute_model.set_rows(lists.disputes)
        self.hazard_box.show_rows(lists.hazards, today=today)
        self.rental_box.show_lines(lists.rentals)
        self.dispute_box.setTitle(self.tr("Disputes to mediate or follow up ({0})").format(lists.disputes_total))
        date_text = QLocale().toString(QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat)
        self.heading.setText(self.tr("Today, {0}").format(date_text))
        self.scope_label.setText(self.tr("Showing: {0}").format(lists.place))
        self.care_box.setTitle(self.tr("Care households due or overdue for a visit ({0})").format(len(due)))
        self.request_box.setTitle(self.tr("Requests due today or overdue ({0})").format(len(lists.requests)))
        self.vacancy_box.setTitle(self.tr("Vacant leader posts ({0})").format(len(lists.vacant)))
        for view in (self.care_view, self.request_view, self.vacancy_view, self.dispute_view):
            view.resizeColumnsToContents()
        self.care_view.setColumnWidth(1, min(self.care_view.columnWidth(1), 260))

    def _due_page(self, due: list[VisitDue]) -> list[DueRow]:
        """The next page of the care list, as the steward scrolls (a quick read on the UI thread)."""
        with self.ctx.read() as session:
            return due_rows(session, due)
