"""矛盾纠纷 Disputes: the register by status, the chosen one's parties, sessions and history, and its next steps."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QTabBar, QWidget

from gridkeeper.domain.dispute_flow import (FOLLOW_UP_STATUSES, NOT_CLOSED, OPEN_DISPUTE_STATUSES, DisputeKind,
                                            DisputeRisk, DisputeStatus)
from gridkeeper.domain.enums import label_of
from gridkeeper.services import dispute_lists
from gridkeeper.services.dispute_lists import DisputeRow
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.sections.dispute_dialogs import NewDisputeDialog
from gridkeeper.ui.sections.dispute_view import DisputeView, DisputeWindow
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, new_button, section_layout
from gridkeeper.ui.widgets.tables import list_view
from gridkeeper.ui.widgets.table_model import AMBER, AMBER_BG, RED, RED_BG, Column, PagedRowsModel

S = DisputeStatus
TABS = ("open", *(s.value for s in DisputeStatus), "all")


@dataclass(frozen=True)
class Attention:
    """Why a dispute needs doing now: quiet for `days` days, or its follow-up due (late by `days`)."""

    kind: str  # "stale", "follow_up" or ""
    days: int = 0


def attention(dispute, today, stale_days: int) -> Attention:
    if dispute.status in OPEN_DISPUTE_STATUSES:
        quiet = (today - dispute.last_step_on).days
        return Attention("stale", quiet) if quiet >= stale_days else Attention("")
    if dispute.status in FOLLOW_UP_STATUSES and dispute.follow_up_due and dispute.follow_up_due <= today:
        return Attention("follow_up", (today - dispute.follow_up_due).days)
    return Attention("")


class DisputesSection(QWidget):
    """Disputes of the selected scope by status; the chosen one below; double-click opens it in a window."""

    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stale_days = 7
        self.counts: dict[str, int] = {}
        self.windows: list[DisputeWindow] = []
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        for key in TABS:
            self.tabs.addTab(self._tab_label(key))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.model = PagedRowsModel(self._columns(), page_size=200, parent=self)
        self.table = list_view(self.model, self, stretch_last=False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated.connect(self._double_clicked)
        self.count_label = QLabel(self)
        self.new_button = new_button(self, self.tr("New dispute…"),
                                     self.tr("Register a dispute found on a round or reported (Ctrl+N)"),
                                     lambda: self.new_dispute(), read_only=ctx.read_only)
        self.view = DisputeView(ctx, self)
        self.view.open_household.connect(self.open_household)
        self._layout()
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def _tab_label(self, key: str) -> str:
        names = {"open": self.tr("Not closed"), "all": self.tr("All")}
        return names.get(key) or S(key).label

    def _columns(self) -> list[Column]:
        def late(row: DisputeRow) -> bool | None:
            """True: stale or follow-up overdue (red); False: follow-up due today (amber); None: nothing."""
            need = attention(row.dispute, self.ctx.today(), self.stale_days)
            return None if not need.kind else need.kind == "stale" or need.days > 0

        def urgent(row: DisputeRow):
            flag = late(row)
            return None if flag is None else RED if flag else AMBER

        def shade(row: DisputeRow):
            flag = late(row)
            return None if flag is None else RED_BG if flag else AMBER_BG

        return [
            Column(self.tr("No."), lambda r: r.dispute.id, align_right=True),
            Column(self.tr("Found"), lambda r: r.dispute.found_on.isoformat()),
            Column(self.tr("Grid"), lambda r: r.grid_code),
            Column(self.tr("Parties"), lambda r: r.parties_text, tooltip=lambda r: r.parties_text),
            Column(self.tr("Kind"), lambda r: label_of(DisputeKind, r.dispute.kind)),
            Column(self.tr("Subject"), lambda r: r.dispute.subject, tooltip=lambda r: r.dispute.subject),
            Column(self.tr("Risk"), lambda r: label_of(DisputeRisk, r.dispute.risk),
                   foreground=lambda r: RED if r.dispute.risk == DisputeRisk.HIGH else None),
            Column(self.tr("Status"), lambda r: label_of(S, r.dispute.status)),
            Column(self.tr("Sessions"), lambda r: r.sessions, align_right=True),
            Column(self.tr("Needs"), self.needs_text, foreground=urgent, background=shade),
        ]

    def needs_text(self, row: DisputeRow) -> str:
        need = attention(row.dispute, self.ctx.today(), self.stale_days)
        if need.kind == "stale":
            return self.tr("no session for %n day(s)", "", need.days)
        if need.kind == "follow_up":
            return self.tr("follow-up %n day(s) late", "", need.days) if need.days else self.tr("follow-up due today")
        return ""

    def _layout(self) -> None:
        section_layout(self, [list_head([self.tabs], self.count_label, [self.new_button], stretch=self.tabs)],
                       list_over_detail(self, self.table, self.view))

    def current_tab(self) -> str:
        return TABS[max(0, self.tabs.currentIndex())]

    def set_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def refresh(self) -> None:
        key, scope = self.current_tab(), self.ctx.scope
        statuses = NOT_CLOSED if key == "open" else None if key == "all" else (S(key),)
        with self.ctx.read() as session:
            counts = dispute_lists.status_counts(session, scope=scope)
            self.stale_days = dispute_lists.stale_days(session)
        self.counts = {s.value: n for s, n in counts.items()}
        self.counts["open"] = sum(counts[s] for s in NOT_CLOSED)
        self.counts["all"] = sum(counts.values())
        for index, tab in enumerate(TABS):
            self.tabs.setTabText(index, f"{self._tab_label(tab)} ({self.counts[tab]})")

        def page(offset: int, limit: int) -> list[DisputeRow]:
            with self.ctx.read() as session:
                found = dispute_lists.list_disputes(session, scope=scope, statuses=statuses, limit=limit,
                                                    offset=offset)
                return dispute_lists.rows(session, found)

        self.model.set_source(page)
        self.count_label.setText(self.tr("{0} disputes").format(self.counts[key]))
        self.table.resizeColumnsToContents()
        for column, width in ((3, 200), (5, 320)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        current = self.view.dispute.id if self.view.dispute else None
        if current is None and self.model.rowCount():
            current = self.model.row_at(0).dispute.id
        self.show_dispute(current, switch_tab=False)

    def _data_changed(self, change: Change) -> None:
        if change.affects(Change.DISPUTES, Change.HOUSEHOLDS, Change.PLACES, Change.SETTINGS):
            self.refresh()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row:
            self.view.show_dispute(row.dispute.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row:
            self.open_window(row.dispute.id)

    def show_dispute(self, dispute_id: int | None, *, switch_tab: bool = True) -> None:
        """Show one dispute below the list (and select its row; from elsewhere, on the 'not closed' or
        'all' tab so it is listed)."""
        if switch_tab and dispute_id and self.current_tab() not in ("open", "all"):
            self.set_tab("all")
        self.view.show_dispute(dispute_id)
        for row, item in enumerate(self.model.rows()):
            if item.dispute.id == dispute_id:
                self.table.selectRow(row)
                break

    def open_window(self, dispute_id: int) -> DisputeWindow:
        """The dispute in a window of its own (non-blocking); the list follows what is done there (the
        dialogs announce "disputes" on the context)."""
        window = DisputeWindow(self.ctx, dispute_id, self)
        window.view.open_household.connect(self.open_household)
        window.finished.connect(lambda _r, w=window: self.windows.remove(w) if w in self.windows else None)
        self.windows.append(window)
        window.open()
        return window

    def make_new_dispute_dialog(self) -> NewDisputeDialog:
        return NewDisputeDialog(self.ctx, self)

    def new_dispute(self):
        if self.ctx.read_only:
            return None
        dialog = self.make_new_dispute_dialog()
        done = forms.accepted(dialog)
        dispute = dialog.result_value if done else None
        if dispute:
            self.show_dispute(dispute.id)
        return dispute
