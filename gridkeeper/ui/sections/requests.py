"""诉求 Requests: the closed loop by status, days left or overdue highlighted, history, next-step buttons."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabBar, QWidget

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, Rating, RequestCategory, RequestStatus, label_of
from gridkeeper.domain.request_flow import allowed_next
from gridkeeper.services.dispute_requests import can_become_dispute
from gridkeeper.services.addresses import HouseholdSummary, summaries
from gridkeeper.services.request_lists import REQUEST_TABS, tab_counts, tab_requests
from gridkeeper.services.requests import days_left, history, is_overdue
from gridkeeper.storage.models import ResidentRequest
from gridkeeper.ui.background_read import BackgroundRead
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.sections.request_dialogs import NewRequestDialog, TransitionDialog
from gridkeeper.ui.widgets import deadlines, forms
from gridkeeper.ui.widgets.deadlines import BACKGROUND, FOREGROUND, Wording, days_html, days_text
from gridkeeper.ui.widgets.step_detail import StepDetail
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, new_button, section_layout
from gridkeeper.ui.widgets.table_model import Column, PagedRowsModel
from gridkeeper.ui.widgets.tables import list_view

S = RequestStatus
FILTER_DELAY_MS = 250


@dataclass
class RequestRow:
    request: ResidentRequest
    place: HouseholdSummary | None

    @property
    def address(self) -> str:
        return self.place.address if self.place else ""

    @property
    def head(self) -> str:
        return self.place.head_name if self.place else ""


PAGE = 200


def request_rows(session, key: str, *, today: date, scope, text: str, limit: int, offset: int) -> list[RequestRow]:
    """A page of one tab's requests with their households' addresses and heads (no widgets)."""
    found = tab_requests(session, key, today=today, scope=scope, text=text, limit=limit, offset=offset)
    places = {s.id: s for s in summaries(session, sorted({r.household_id for r in found}))}
    return [RequestRow(r, places.get(r.household_id)) for r in found]


def urgency(request: ResidentRequest, today: date) -> str:
    """"overdue", "soon" (due within two days) or ""."""
    return deadlines.urgency(days_left(request, today))


class RequestsSection(QWidget):
    """Requests in the selected scope, filtered by status; the selected one's details, history and next steps."""

    open_household = Signal(int)
    open_dispute = Signal(int)  # a 邻里纠纷 request turned into a dispute: show it
    FILTERS = REQUEST_TABS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.counts: dict[str, int] = {}
        self.current: ResidentRequest | None = None
        self.tabs = QTabBar(self)
        for key in self.FILTERS:
            self.tabs.addTab(self._filter_label(key))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: request, address, head, handled by or No."))
        self.filter_edit.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.model = PagedRowsModel(self._columns(), page_size=PAGE, parent=self)
        self.reader = BackgroundRead(self, ctx)  # counts and the first page are read in a worker thread
        self.table = list_view(self.model, self, stretch_last=False)
        self.tabs.setExpanding(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.count_label = QLabel(self)
        self.new_button = new_button(self, self.tr("New request…"), self.tr("Record a resident's request (Ctrl+N)"),
                                     lambda: self.new_request(), read_only=ctx.read_only)
        self._build_detail()
        self._layout()
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def _filter_label(self, key: str) -> str:
        names = {"open": self.tr("Open"), "overdue": self.tr("Overdue"), "all": self.tr("All")}
        return names.get(key) or S(key).label

    def _columns(self) -> list[Column]:
        today = self.ctx.today
        colour = lambda r: FOREGROUND.get(urgency(r.request, today()))  # noqa: E731
        shade = lambda r: BACKGROUND.get(urgency(r.request, today()))  # noqa: E731
        return [
            Column(self.tr("No."), lambda r: r.request.id, align_right=True),
            Column(self.tr("Raised"), lambda r: r.request.raised_on.isoformat()),
            Column(self.tr("Household"), lambda r: r.address),
            Column(self.tr("Head"), lambda r: r.head),
            Column(self.tr("Category"), lambda r: label_of(RequestCategory, r.request.category)),
            Column(self.tr("Request"), lambda r: r.request.description, tooltip=lambda r: r.request.description),
            Column(self.tr("Status"), lambda r: label_of(S, r.request.status)),
            Column(self.tr("Handled by"), lambda r: r.request.dispatched_to),
            Column(self.tr("Deadline"), lambda r: r.request.deadline.isoformat()),
            Column(self.tr("Days left"), lambda r: self.days_text(r.request), foreground=colour, background=shade),
        ]

    def days_text(self, request: ResidentRequest) -> str:
        today = self.ctx.today()
        return days_text(days_left(request, today), is_overdue(request, today), self.wording)

    def _build_detail(self) -> None:
        self.wording = Wording(self.tr("late"), lambda n: self.tr("%n day(s) left", "", n))
        self.detail = StepDetail(self.tr("Request"), S, self, step_title=self.tr("Step"), actor_title=self.tr("By"),
                                 history_height=120)
        self.detail_text, self.history_model = self.detail.text, self.detail.history_model
        self.step_buttons: dict[RequestStatus, QPushButton] = self.detail.step_buttons(
            [(S.DISPATCHED, self.tr("Dispatch…")), (S.IN_PROGRESS, self.tr("Start handling…")),
             (S.RESOLVED, self.tr("Resolve…")), (S.RATED, self.tr("Follow-up and rating…")),
             (S.WITHDRAWN, self.tr("Withdraw…"))], lambda target: self.advance(target))
        buttons = self.detail.buttons
        self.reopen_button = QPushButton(self.tr("Reopen…"), self.detail)
        self.reopen_button.clicked.connect(lambda: self.advance(S.IN_PROGRESS))
        self.household_button = QPushButton(self.tr("Open household"), self.detail)
        self.household_button.clicked.connect(self._open_current_household)
        buttons.addWidget(self.reopen_button)
        self.dispute_button = QPushButton(self.tr("Turn into a dispute…"), self.detail)
        self.dispute_button.setToolTip(self.tr("Mediate this neighbour dispute in the dispute register; the "
                                               "request is closed and its history kept"))
        self.dispute_button.clicked.connect(lambda: self.turn_into_dispute())
        buttons.addWidget(self.dispute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.household_button)

    def _layout(self) -> None:
        # the tabs get the whole width: with their counts they are wide
        section_layout(self, [list_head([self.tabs], None, [self.new_button], stretch=self.tabs),
                              list_head([self.filter_edit, self.reader.label], self.count_label,
                                        stretch=self.filter_edit)],
                       list_over_detail(self, self.table, self.detail))

    # --- loading ---------------------------------------------------------------------------
    def set_filter(self, key: str) -> None:
        self.tabs.setCurrentIndex(self.FILTERS.index(key))
        self.refresh()

    def filter_text(self) -> str:
        return self.filter_edit.text().strip()

    def refresh(self) -> None:
        """Count every tab and reload the current one, for the scope and the filter text: read in the
        background (the last tab or filter asked for wins), shown when it comes."""
        self._filter_timer.stop()
        key, text, today, scope = self.FILTERS[max(0, self.tabs.currentIndex())], self.filter_text(), \
            self.ctx.today(), self.ctx.scope
        size = self.model.page_size

        def read(session) -> tuple[dict[str, int], list[RequestRow]]:
            return (tab_counts(session, today=today, scope=scope, text=text),
                    request_rows(session, key, today=today, scope=scope, text=text, limit=size, offset=0))

        def page(offset: int, limit: int) -> list[RequestRow]:  # the next pages, as the list is scrolled
            with self.ctx.read() as session:
                return request_rows(session, key, today=today, scope=scope, text=text, limit=limit, offset=offset)

        self.reader.start(read, lambda found: self._show_list(key, text, found[0], found[1], page))

    def _show_list(self, key: str, text: str, counts: dict[str, int], first: list[RequestRow], page) -> None:
        self.counts = counts
        for index, tab in enumerate(self.FILTERS):
            self.tabs.setTabText(index, f"{self._filter_label(tab)} ({self.counts[tab]})")
        self.model.set_source(lambda offset, limit: first if offset == 0 else page(offset, limit))
        self.count_label.setText(self.tr("{0} requests").format(self.counts[key]))
        self.table.resizeColumnsToContents()
        for column, width in ((2, 220), (5, 320)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        current = self.current.id if self.current else None
        if text and current not in {row.request.id for row in self.model.rows()}:
            current = None  # filtering: never show a request that does not match
        if current is None and self.model.rowCount():
            current = self.model.row_at(0).request.id  # the most urgent one, ready to act on
        self.show_request(current)

    def _data_changed(self, change: Change) -> None:
        if change.affects(Change.REQUESTS, Change.HOUSEHOLDS, Change.PLACES):
            self.refresh()

    # --- the selected request --------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self.show_request(row.request.id if row else None, select=False)

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.open_household.emit(row.request.household_id)

    def _open_current_household(self) -> None:
        if self.current:
            self.open_household.emit(self.current.household_id)

    def show_request(self, request_id: int | None, *, select: bool = True) -> None:
        """Show one request's details and history (and select its row if it is listed)."""
        with self.ctx.read() as session:
            request = session.get(ResidentRequest, request_id) if request_id else None
            events = history(session, request.id) if request else []
            place = summaries(session, [request.household_id])[0] if request else None
        self.current = request
        self.history_model.set_rows(events)
        self._show_detail(request, place)
        if request and select:
            for row, item in enumerate(self.model.rows()):
                if item.request.id == request.id:
                    self.table.selectRow(row)
                    break

    def _show_detail(self, request: ResidentRequest | None, place) -> None:
        status = S(request.status) if request else None
        allowed = allowed_next(status) if status else frozenset()
        reopening = status is not None and status not in OPEN_REQUEST_STATUSES  # 办理中 again, from the end
        for target, button in self.step_buttons.items():
            button.setEnabled(target in allowed and not (reopening and target == S.IN_PROGRESS)
                              and not self.ctx.read_only)
        self.reopen_button.setEnabled(reopening and S.IN_PROGRESS in allowed and not self.ctx.read_only)
        self.household_button.setEnabled(request is not None)
        self.dispute_button.setVisible(request is not None and request.category == RequestCategory.DISPUTE)
        self.dispute_button.setEnabled(request is not None and can_become_dispute(request) and not self.ctx.read_only)
        if request is None:
            self.detail.setTitle(self.tr("Request"))
            self.detail_text.setText(self.tr("Choose a request in the list to see its history and next step."))
            return
        self.detail.setTitle(self.tr("Request #{0} · {1}").format(request.id, status.label))
        esc = html.escape
        lines = [f"<b>{esc(place.head_name) if place else ''}</b>　{esc(place.address) if place else ''}",
                 f"{label_of(RequestCategory, request.category)}：{esc(request.description)}",
                 self.tr("Raised {0}, deadline {1}").format(request.raised_on, request.deadline)
                 + self._days_html(request)]
        extra = ((request.dispatched_to, self.tr("Handled by: {0}")), (request.feedback, self.tr("Feedback: {0}")),
                 (label_of(Rating, request.rating), self.tr("Rating: {0}")),
                 (request.withdrawn_reason, self.tr("Withdrawn: {0}")))
        lines += [esc(template.format(value)) for value, template in extra if value]
        self.detail_text.setText("<br>".join(lines))

    def _days_html(self, request: ResidentRequest) -> str:
        return days_html(self.days_text(request), urgency(request, self.ctx.today()))

    # --- actions ---------------------------------------------------------------------------
    def make_transition_dialog(self, target: RequestStatus) -> TransitionDialog:
        return TransitionDialog(self.ctx, self.current, target, self)

    def advance(self, target: RequestStatus) -> bool:
        """Ask for what the step needs and take it; True when the request moved."""
        if self.current is None or self.ctx.read_only:
            return False
        request_id = self.current.id
        dialog = self.make_transition_dialog(target)
        done = forms.accepted(dialog)
        if done:
            self.show_request(request_id)
        return done

    def make_dispute_dialog(self):
        from gridkeeper.ui.sections.dispute_dialogs import FromRequestDialog

        return FromRequestDialog(self.ctx, self.current, self)

    def turn_into_dispute(self):
        """转为矛盾纠纷: the dispute is registered, the request closed; the dispute is shown."""
        if self.current is None or self.ctx.read_only or not can_become_dispute(self.current):
            return None
        request_id = self.current.id
        dialog = self.make_dispute_dialog()
        dispute = dialog.result_value if forms.accepted(dialog) else None
        if dispute:
            self.show_request(request_id)
            self.open_dispute.emit(dispute.id)
        return dispute

    def make_new_request_dialog(self, **prefill) -> NewRequestDialog:
        return NewRequestDialog(self.ctx, self, **prefill)

    def new_request(self, **prefill) -> ResidentRequest | None:
        if self.ctx.read_only:
            return None
        dialog = self.make_new_request_dialog(**prefill)
        done = forms.accepted(dialog)
        request = dialog.result_value if done else None
        if request:
            self.show_request(request.id)
        return request
