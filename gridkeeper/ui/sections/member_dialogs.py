"""Register (or edit) an in-service member, and record one service activity for many members at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSpinBox, QWidget)

from gridkeeper.domain.enums import Gender, MemberPost
from gridkeeper.services.member_summary import list_members
from gridkeeper.services.members import MemberInput, record_service, register_member, update_member
from gridkeeper.services.place_lists import grids
from gridkeeper.storage.models import Member, ServiceActivity
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of, past_date_edit
from gridkeeper.ui.widgets.household_picker import HouseholdPicker

SERVICE_CATEGORIES = ["组织建设", "法律咨询与援助", "助困扶残与就业援助", "社区治理", "健康医疗", "文化体育",
                      "安全宣传与治安巡逻", "其他"]


def grid_combo(ctx: AppContext, parent: QWidget, selected: int | None) -> QComboBox:
    box = QComboBox(parent)
    with ctx.read() as session:
        for grid in grids(session):
            box.addItem(f"{grid.code} {grid.name}", grid.id)
    box.setCurrentIndex(max(0, box.findData(selected)))
    return box


class MemberDialog(FormDialog):
    """An in-service member's registration: who, where they work, their Party organisation, grid and post."""

    changes = Change.MEMBERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, member: Member | None = None,
                 grid_id: int | None = None):
        title = self.tr("Edit member") if member else self.tr("Register an in-service member")
        super().__init__(ctx, title, parent)
        self.ctx, self.member = ctx, member
        self.name, self.phone = QLineEdit(self), QLineEdit(self)
        self.gender = QComboBox(self)
        self.gender.addItem("", "")
        for gender in Gender:
            self.gender.addItem(gender.label, gender.value)
        self.employer, self.job_title, self.party_org = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.employer.setPlaceholderText(self.tr("Where they work"))
        self.party_org.setPlaceholderText(self.tr("The Party branch they belong to at work"))
        self.home = HouseholdPicker(ctx, self)
        self.registered_on = date_edit(ctx.today(), self)
        self.grid = grid_combo(ctx, self, member.grid_id if member else grid_id)
        self.post = QComboBox(self)
        self.post.setEditable(True)
        self.post.addItem("")
        self.post.addItems(MemberPost.labels())
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Gender"), self.gender, "gender")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_row(self.tr("Employer"), self.employer)
        self.add_row(self.tr("Job title"), self.job_title)
        self.add_row(self.tr("Own Party organisation"), self.party_org)
        self.add_row(self.tr("Home (if living here)"), self.home)
        self.add_row(self.tr("Registered on"), self.registered_on, "registered_on")
        self.add_row(self.tr("Grid"), self.grid, "grid_id")
        self.add_row(self.tr("Claimed post"), self.post)
        if member:
            self._fill(member)

    def _fill(self, member: Member) -> None:
        self.version = member.version  # a save over someone else's newer one is a conflict
        self.grid.setCurrentIndex(max(0, self.grid.findData(member.grid_id)))
        self.name.setText(member.name)
        self.phone.setText(member.phone)
        self.gender.setCurrentIndex(max(0, self.gender.findData(member.gender or "")))
        self.employer.setText(member.employer)
        self.job_title.setText(member.job_title)
        self.party_org.setText(member.party_org)
        if member.household_id:
            self.home.set_household(member.household_id)
        self.registered_on.setDate(member.registered_on)
        self.post.setCurrentText(member.post)

    def save(self, session) -> Member:
        data = MemberInput(name=self.name.text(), grid_id=self.grid.currentData(),
                           registered_on=date_of(self.registered_on), phone=self.phone.text(),
                           gender=self.gender.currentData() or None, employer=self.employer.text(),
                           job_title=self.job_title.text(), party_org=self.party_org.text(),
                           household_id=self.home.household_id or None, post=self.post.currentText(),
                           version=self.version)
        return update_member(session, self.member.id, data) if self.member else register_member(session, data)

    def take_theirs(self, conflict) -> None:
        """Use their version: the dialog stays open and shows the member as saved now."""
        with self.ctx.read() as session:
            self.member = session.get(Member, self.member.id)
        self._fill(self.member)


class ServiceDialog(FormDialog):
    """One activity for many members: tick who took part, then date, activity, hours and points once."""

    changes = Change.MEMBERS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, grid_id: int | None = None,
                 checked: set[int] | None = None):
        super().__init__(ctx, self.tr("Record service"), parent)
        self.grid = grid_combo(ctx, self, grid_id)
        self.grid.currentIndexChanged.connect(lambda _i: self.load_members(set()))
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Filter by name"))
        self.find.textEdited.connect(self._filter)
        self.members = QListWidget(self)
        self.members.setMinimumHeight(180)
        picks = QWidget(self)
        row = QHBoxLayout(picks)
        row.setContentsMargins(0, 0, 0, 0)
        for text, state in ((self.tr("Tick all"), Qt.CheckState.Checked),
                            (self.tr("Tick none"), Qt.CheckState.Unchecked)):
            button = QPushButton(text, picks)
            button.clicked.connect(lambda _c=False, s=state: self.set_all(s))
            row.addWidget(button)
        row.addWidget(self.find, 1)
        self.held_on = past_date_edit(ctx.today(), self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("For example: weekend clean-up of the compound"))
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.addItems(SERVICE_CATEGORIES)
        self.category.setCurrentText("社区治理")
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(2)
        self.hours.setSuffix(self.tr(" h"))
        self.points = QSpinBox(self)
        self.points.setRange(0, 1000)
        self.points.setValue(2)
        self.add_row(self.tr("Grid"), self.grid)
        self.add_row(self.tr("Members"), picks)
        self.add_row("", self.members, "member_ids")
        self.add_row(self.tr("Date"), self.held_on, "held_on")
        self.add_row(self.tr("Activity"), self.title, "title")
        self.add_row(self.tr("Category"), self.category)
        self.add_row(self.tr("Hours each"), self.hours, "hours")
        self.add_row(self.tr("Points each"), self.points, "points")
        self.load_members(checked or set())

    def load_members(self, checked: set[int]) -> None:
        with self.ctx.read() as session:
            members = list_members(session, grid_id=self.grid.currentData())
        self.members.clear()
        for member in members:
            item = QListWidgetItem(f"{member.name}　{member.employer}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.id in checked else Qt.CheckState.Unchecked)
            self.members.addItem(item)

    def _filter(self, text: str) -> None:
        for row in range(self.members.count()):
            item = self.members.item(row)
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.members.count()):
            if not self.members.item(row).isHidden():
                self.members.item(row).setCheckState(state)

    def check(self, member_ids: set[int]) -> None:
        for row in range(self.members.count()):
            item = self.members.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in member_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def checked_ids(self) -> list[int]:
        return [self.members.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.members.count())
                if self.members.item(r).checkState() == Qt.CheckState.Checked]

    def save(self, session) -> ServiceActivity:
        return record_service(session, member_ids=self.checked_ids(), held_on=date_of(self.held_on),
                              title=self.title.text(), hours=self.hours.value(), points=self.points.value(),
                              category=self.category.currentText().strip(), grid_id=self.grid.currentData(),
                              today=self.ctx.today())
