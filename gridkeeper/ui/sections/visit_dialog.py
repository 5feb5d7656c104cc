"""Correct a logged visit: the quick-entry form's fields in a dialog, saved through update_visit."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from gridkeeper.domain.enums import VisitKind, VisitorKind
from gridkeeper.services.place_lists import household_place
from gridkeeper.services.visitors import VisitorChoice, visitor_choices
from gridkeeper.services.visits import VisitInput, update_visit
from gridkeeper.storage.models import Visit
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of, required
from gridkeeper.ui.widgets.household_picker import HouseholdPicker


def visitor_display(choice: VisitorChoice) -> str:
    """How a visitor reads in the drop-down: 李晓燕（网格员）."""
    return f"{choice.name}（{choice.role}）" if choice.role else choice.name


class EditVisitDialog(FormDialog):
    """The visit's household (re-pickable), date, visitor, kind, anyone home and findings; OK saves them."""

    changes = Change.VISITS

    def __init__(self, ctx: AppContext, visit: Visit, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Edit visit"), parent)
        self.ctx, self.visit = ctx, visit
        self._choices: list[VisitorChoice] = []
        self.picker = HouseholdPicker(ctx, self)
        self.visited_on = date_edit(visit.visited_on, self)
        self.visited_on.setMaximumDate(QDate(9999, 12, 31))  # a future date is refused with a reason, not clamped
        self.visitor = QComboBox(self)
        self.visitor.setEditable(True)
        self.visitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.visitor.lineEdit().setPlaceholderText(self.tr("Steward, leader, member or any name"))
        self.kind = QComboBox(self)
        for kind in VisitKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(str(visit.kind))))
        self.anyone_home = QCheckBox(self.tr("Someone was home"), self)
        self.anyone_home.setChecked(bool(visit.anyone_home))
        self.findings = QLineEdit(visit.findings or "", self)
        self.findings.setPlaceholderText(self.tr("What was found, in one line"))
        self.add_row(self.tr("Household"), self.picker, "住户")
        self.add_row(self.tr("Date"), self.visited_on, "走访日期")
        self.add_row(self.tr("Visitor"), self.visitor, "走访人")
        self.add_row(self.tr("Kind"), self.kind, "走访类型")
        self.form.addRow("", self.anyone_home)
        self.add_row(self.tr("Findings"), self.findings, "走访情况")
        self.picker.household_changed.connect(self._load_visitors)
        self.picker.set_household(visit.household_id)
        self.visitor.setCurrentText(self._current_visitor_text())
        self.findings.setFocus()

    def _load_visitors(self, household_id: int) -> None:
        """The chosen household's grid's steward, leaders and members; what is typed stays."""
        keep = self.visitor.currentText()
        with self.ctx.read() as session:
            place = household_place(session, household_id) if household_id else None
            self._choices = visitor_choices(session, place.grid_id if place else None)
        self.visitor.clear()
        for choice in self._choices:
            self.visitor.addItem(visitor_display(choice))
        self.visitor.setCurrentText(keep)

    def _current_visitor_text(self) -> str:
        visit = self.visit
        for choice in self._choices:
            if choice.name == visit.visitor_name and (choice.leader_id, choice.member_id) == \
                    (visit.leader_id, visit.member_id):
                return visitor_display(choice)
        return visit.visitor_name

    def visitor_input(self) -> dict:
        """Who visited: a listed person with their role, the visit's own visitor unchanged, or a typed name."""
        text = self.visitor.currentText().strip()
        for choice in self._choices:
            if text in (visitor_display(choice), choice.name):
                return dict(visitor_name=choice.name, visitor_kind=choice.kind, leader_id=choice.leader_id,
                            member_id=choice.member_id)
        if text == self.visit.visitor_name:
            return dict(visitor_name=text, visitor_kind=self.visit.visitor_kind, leader_id=self.visit.leader_id,
                        member_id=self.visit.member_id)
        return dict(visitor_name=text, visitor_kind=VisitorKind.STEWARD)

    def save(self, session) -> Visit:
        if not self.picker.household_id:
            raise required("住户", self.tr("Choose the household that was visited"))
        if not self.visitor.currentText().strip():
            raise required("走访人", self.tr("Who visited?"))
        data = VisitInput(household_id=self.picker.household_id, visited_on=date_of(self.visited_on),
                          kind=self.kind.currentData(), anyone_home=self.anyone_home.isChecked(),
                          findings=self.findings.text().strip(), **self.visitor_input())
        return update_visit(session, self.visit.id, data, today=self.ctx.today())
