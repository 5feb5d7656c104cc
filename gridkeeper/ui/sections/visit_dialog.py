"""Correct a logged visit: the quick-entry form's fields in a dialog, saved through update_visit."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from gridkeeper.domain.enums import VisitKind
from gridkeeper.services.place_lists import household_place
from gridkeeper.services.visitors import VisitorChoice, visitor_choices
from gridkeeper.services.visits import update_visit
from gridkeeper.storage.models import Visit
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.sections.visit_input import entered_visit, visitor_display, visitor_input
from gridkeeper.ui.widgets.forms import FormDialog, date_edit
from gridkeeper.ui.widgets.household_picker import HouseholdPicker


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
        self.add_row(self.tr("Household"), self.picker, "household_id")
        self.add_row(self.tr("Date"), self.visited_on, "visited_on")
        self.add_row(self.tr("Visitor"), self.visitor, "visitor_name")
        self.add_row(self.tr("Kind"), self.kind, "visit_kind")
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
        return visitor_input(self.visitor.currentText(), self._choices, own=self.visit)

    def save(self, session) -> Visit:
        data = entered_visit(self, self._choices, own=self.visit)
        return update_visit(session, self.visit.id, data, today=self.ctx.today())
