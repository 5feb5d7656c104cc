"""在职党员 Members: registered in-service members with their half-year service, totals per grid, record service."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from gridkeeper.domain.enums import MemberStatus
from gridkeeper.services.member_summary import GridTotal, HalfYear, list_members, recent_half_years, totals_by_grid
from gridkeeper.services.members import ServiceTotal, service_totals, withdraw_members
from gridkeeper.services.place_lists import grid_of, grids
from gridkeeper.storage.models import Member
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.conflict_dialog import KEEP_MINE, choose
from gridkeeper.ui.operations import Change, perform
from gridkeeper.ui.sections.member_dialogs import MemberDialog, ServiceDialog
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, section_layout
from gridkeeper.ui.widgets.table_model import AMBER_BG, Column, RowsModel
from gridkeeper.ui.widgets.tables import MANY, list_view


@dataclass
class MemberRow:
    member: Member
    total: ServiceTotal | None
    grid: str

    @property
    def services(self) -> int:
        return self.total.services if self.total else 0


def _hours(value: float) -> str:
    return f"{value:g}"


class MembersSection(QWidget):
    """Register and withdraw members, record one activity for many, and see the half-year's service."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._grid_labels: dict[int, str] = {}
        self.period = QComboBox(self)
        for half in recent_half_years(ctx.today()):
            self.period.addItem(self.half_label(half), half)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.show_withdrawn = QCheckBox(self.tr("Show withdrawn"), self)
        self.show_withdrawn.toggled.connect(lambda _on: self.refresh())
        self.count_label = QLabel(self)
        self.buttons = {}
        for key, text, slot in (("register", self.tr("Register…"), self.register),
                                ("edit", self.tr("Edit…"), self.edit_selected),
                                ("withdraw", self.tr("Withdraw…"), self.withdraw_selected),
                                ("service", self.tr("Record service…"), self.record_service)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, s=slot: s())
            button.setEnabled(not ctx.read_only)
            self.buttons[key] = button
        self.buttons["service"].setToolTip(self.tr("One activity for many members at once"))
        idle = lambda r: AMBER_BG if not r.services and r.member.status == MemberStatus.ACTIVE else None  # noqa: E731
        self.model = RowsModel([
            Column(self.tr("Name"), lambda r: r.member.name),
            Column(self.tr("Phone"), lambda r: r.member.phone),
            Column(self.tr("Employer"), lambda r: r.member.employer),
            Column(self.tr("Own Party organisation"), lambda r: r.member.party_org),
            Column(self.tr("Grid"), lambda r: r.grid),
            Column(self.tr("Claimed post"), lambda r: r.member.post),
            Column(self.tr("Registered"), lambda r: r.member.registered_on.isoformat()),
            Column(self.tr("Status"), lambda r: MemberStatus(r.member.status).label),
            Column(self.tr("Services"), lambda r: r.services, background=idle, align_right=True),
            Column(self.tr("Hours"), lambda r: _hours(r.total.hours if r.total else 0), background=idle,
                   align_right=True),
            Column(self.tr("Points"), lambda r: r.total.points if r.total else 0, background=idle, align_right=True),
        ], self)
        self.grid_model = RowsModel([
            Column(self.tr("Grid"), lambda g: self._grid_labels.get(g.grid_id, "") if g.grid_id else self.tr("Total")),
            Column(self.tr("Members"), lambda g: g.members, align_right=True),
            Column(self.tr("Served"), lambda g: g.serving, align_right=True),
            Column(self.tr("Services"), lambda g: g.services, align_right=True),
            Column(self.tr("Hours"), lambda g: _hours(g.hours), align_right=True),
            Column(self.tr("Points"), lambda g: g.points, align_right=True),
        ], self)
        self.table, self.grid_table = self._view(self.model), self._view(self.grid_model)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self._layout()
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(lambda change: change.affects(Change.MEMBERS, Change.PLACES) and self.refresh())
        self.refresh()

    def half_label(self, half: HalfYear) -> str:
        return (self.tr("{0}, first half") if half.half == 1 else self.tr("{0}, second half")).format(half.year)

    def _view(self, model) -> QTableView:
        return list_view(model, self, selection=MANY, stretch_last=False)

    def _layout(self) -> None:
        bar = list_head([QLabel(self.tr("Service in"), self), self.period, self.show_withdrawn], self.count_label,
                        list(self.buttons.values()))
        per_grid = QGroupBox(self.tr("Totals per grid"), self)
        QVBoxLayout(per_grid).addWidget(self.grid_table)
        section_layout(self, [bar], list_over_detail(self, self.table, per_grid, detail_share=1))

    def chosen_half(self) -> HalfYear:
        return self.period.currentData()

    def grid_id(self) -> int | None:
        with self.ctx.read() as session:
            return grid_of(session, self.ctx.scope)

    def refresh(self) -> None:
        half, grid_id = self.chosen_half(), self.grid_id()
        with self.ctx.read() as session:
            self._grid_labels = {g.id: f"{g.code} {g.name}" for g in grids(session)}
            members = list_members(session, grid_id=grid_id, include_withdrawn=self.show_withdrawn.isChecked())
            totals = service_totals(session, start=half.start, end=half.end, grid_id=grid_id)
        by_member = {t.member_id: t for t in totals}
        rows = [MemberRow(m, by_member.get(m.id), self._grid_labels.get(m.grid_id, "")) for m in members]
        self.model.set_rows(rows)
        active_ids = {m.id for m in members if m.status == MemberStatus.ACTIVE}
        active = [t for t in totals if t.member_id in active_ids]
        per_grid = totals_by_grid(active)
        if len(per_grid) > 1:
            per_grid.append(GridTotal(0, *(sum(getattr(g, f) for g in per_grid)
                                           for f in ("members", "serving", "services", "hours", "points"))))
        self.grid_model.set_rows(per_grid)
        idle = sum(1 for r in rows if not r.services and r.member.status == MemberStatus.ACTIVE)
        self.count_label.setText(self.tr("{0} members, {1} without service this half-year").format(len(rows), idle))
        for view in (self.table, self.grid_table):
            view.resizeColumnsToContents()

    def selected_members(self) -> list[Member]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).member for r in rows]

    # --- actions ---------------------------------------------------------------------------
    def make_member_dialog(self, member: Member | None = None) -> MemberDialog:
        return MemberDialog(self.ctx, self, member=member, grid_id=self.grid_id())

    def make_service_dialog(self) -> ServiceDialog:
        chosen = {m.id for m in self.selected_members() if m.status == MemberStatus.ACTIVE}
        return ServiceDialog(self.ctx, self, grid_id=self.grid_id(), checked=chosen)

    def _run(self, dialog) -> bool:
        if self.ctx.read_only:
            dialog.deleteLater()
            return False
        done = forms.accepted(dialog)
        return done

    def register(self) -> bool:
        return self._run(self.make_member_dialog())

    def edit_selected(self) -> bool:
        chosen = self.selected_members()
        return self._run(self.make_member_dialog(chosen[0])) if chosen else False

    def record_service(self) -> bool:
        return self._run(self.make_service_dialog())

    def withdraw_selected(self) -> bool:
        """Withdraw the chosen members. Those someone else changed since the list showed them are not
        withdrawn with the others unseen: each is shown in the conflict dialog, by name, to keep mine
        (withdraw it all the same) or use theirs (it stays on the register as they saved it)."""
        chosen = [m for m in self.selected_members() if m.status == MemberStatus.ACTIVE]
        if not chosen or self.ctx.read_only:
            return False
        names = "、".join(m.name for m in chosen)
        if not forms.confirm(self, self.tr("Withdraw {0} from the community's register today?").format(names)):
            return False
        today = self.ctx.today()
        shown = {m.id: m.version for m in chosen}
        withdrawn = 0
        while shown:  # the members nobody changed are withdrawn; then each conflict is settled on its own
            done = perform(self, self.ctx, lambda session, ask=dict(shown): withdraw_members(session, ask, on=today),
                           changes=Change.MEMBERS)
            if done is None:
                break
            withdrawn += len(done.value.withdrawn)
            shown = {conflict.record_id: conflict.current_version for conflict in done.value.conflicts
                     if conflict.current_version is not None and choose(self, conflict) == KEEP_MINE}
        return withdrawn > 0
