"""Dialogs of the request loop: a new request (pre-filled from a visit), and each step asking for what it needs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
                               QWidget)

from gridkeeper.domain.enums import DispatchTarget, Rating, RequestCategory, RequestStatus
from gridkeeper.domain.request_flow import DEFAULT_DEADLINE_DAYS, LOOP
from gridkeeper.services.requests import RequestInput, advance, raise_request
from gridkeeper.storage.models import Building, Compound, Household, ResidentRequest, Unit
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of, past_date_edit, required
from gridkeeper.ui.widgets.household_picker import HouseholdPicker

S = RequestStatus


def needs_reason(current: RequestStatus, target: RequestStatus) -> bool:
    """Withdrawing, skipping a step or reopening must say why (the loop refuses otherwise)."""
    if target == S.WITHDRAWN:
        return True
    if current in LOOP and target in LOOP:
        step = LOOP.index(target) - LOOP.index(current)
        return step != 1
    return True


class NewRequestDialog(FormDialog):
    """Record a request; the deadline follows the raised date (+7 days) until it is changed by hand."""

    changes = Change.REQUESTS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, household_id: int = 0,
                 source_visit_id: int | None = None, description: str = ""):
        super().__init__(ctx, self.tr("New request"), parent)
        self.ctx, self.source_visit_id = ctx, source_visit_id
        self.picker = HouseholdPicker(ctx, self)
        self.category = QComboBox(self)
        for category in RequestCategory:
            self.category.addItem(category.label, category.value)
        self.category.setCurrentIndex(self.category.findData(RequestCategory.OTHER.value))
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the resident asks for, in their words"))
        self.description.setPlainText(description)
        self.description.setMinimumHeight(80)
        self.raised_on = past_date_edit(ctx.today(), self)
        self.deadline = date_edit(ctx.today() + timedelta(days=DEFAULT_DEADLINE_DAYS), self)
        self._deadline_touched = False
        self.raised_on.dateChanged.connect(self._follow_raised)
        self.deadline.editingFinished.connect(self._touch_deadline)
        self.add_row(self.tr("Household"), self.picker, "household_id")
        self.add_row(self.tr("Category"), self.category, "category")
        self.add_row(self.tr("Request"), self.description, "description")
        self.add_row(self.tr("Raised on"), self.raised_on, "raised_on")
        self.add_row(self.tr("Deadline"), self.deadline, "deadline")
        if household_id:
            self.picker.set_household(household_id)
            self.category.setFocus()

    def _touch_deadline(self) -> None:
        default = date_of(self.raised_on) + timedelta(days=DEFAULT_DEADLINE_DAYS)
        self._deadline_touched = date_of(self.deadline) != default

    def _follow_raised(self) -> None:
        if not self._deadline_touched:
            target = date_of(self.raised_on) + timedelta(days=DEFAULT_DEADLINE_DAYS)
            self.deadline.setDate(target)

    def save(self, session) -> ResidentRequest:
        if not self.picker.household_id:
            raise required("household_id", self.tr("Choose the household the request comes from"))
        data = RequestInput(household_id=self.picker.household_id, description=self.description.toPlainText(),
                            category=self.category.currentData(), raised_on=date_of(self.raised_on),
                            deadline=date_of(self.deadline), source_visit_id=self.source_visit_id)
        return raise_request(session, data, today=self.ctx.today(), actor=self.ctx.user)


class TransitionDialog(FormDialog):
    """One step of the loop: dispatch (to whom), resolve (feedback), rate (the resident's rating), withdraw or
    reopen (why); a skipped step asks for the reason too."""

    changes = Change.REQUESTS

    def __init__(self, ctx: AppContext, request: ResidentRequest, target: RequestStatus,
                 parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Request #{0}: {1}").format(request.id, target.label), parent)
        self.ctx, self.request, self.target = ctx, request, target
        self.version = request.version  # someone else's step meanwhile is a conflict, not overwritten
        current = RequestStatus(request.status)
        summary = QLabel(self.tr("{0} → {1}: {2}").format(current.label, target.label, request.description), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)
        self.dispatch_kind = self.dispatched_to = self.feedback = self.rating_group = self.reason = None
        self.comment = None
        if target == S.DISPATCHED or (target in (S.IN_PROGRESS, S.RESOLVED) and not request.dispatched_to):
            self._dispatch_rows()
        if target == S.RESOLVED:
            self.feedback = QPlainTextEdit(request.feedback or "", self)
            self.feedback.setTabChangesFocus(True)
            self.feedback.setPlaceholderText(self.tr("What was done, and the result"))
            self.feedback.setMinimumHeight(70)
            self.add_row(self.tr("Feedback"), self.feedback, "feedback")
        if target == S.RATED:
            self._rating_row()
            self.comment = QPlainTextEdit(self)
            self.comment.setTabChangesFocus(True)
            self.comment.setPlaceholderText(self.tr("What the resident said at the follow-up (optional)"))
            self.comment.setMinimumHeight(60)
            self.add_row(self.tr("Follow-up comment"), self.comment, "comment")
        if needs_reason(current, target):
            self.reason = QLineEdit(self)
            self.reason.setPlaceholderText(self.tr("Required: why this step is taken"))
            self.add_row(self.tr("Reason"), self.reason, "reason")
        self.on = past_date_edit(ctx.today(), self)
        self.add_row(self.tr("Date"), self.on)

    def _dispatch_rows(self) -> None:
        self.dispatch_kind = QComboBox(self)
        for kind in DispatchTarget:
            self.dispatch_kind.addItem(kind.label, kind.value)
        self.dispatched_to = QComboBox(self)
        self.dispatched_to.setEditable(True)
        self.dispatched_to.lineEdit().setPlaceholderText(self.tr("Company, office or person"))
        company = self._property_company()
        if company:
            self.dispatched_to.addItem(company)
        self.dispatched_to.setCurrentText(company)
        self.add_row(self.tr("Dispatch to"), self.dispatch_kind)
        self.add_row(self.tr("Handled by"), self.dispatched_to, "dispatched_to")

    def _property_company(self) -> str:
        with self.ctx.read() as session:
            household = session.get(Household, self.request.household_id)
            unit = session.get(Unit, household.unit_id) if household else None
            building = session.get(Building, unit.building_id) if unit else None
            compound = session.get(Compound, building.compound_id) if building else None
        return compound.property_company if compound else ""

    def _rating_row(self) -> None:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.rating_group = QButtonGroup(self)
        for number, rating in enumerate(Rating):
            button = QRadioButton(rating.label, box)
            button.setProperty("rating", rating.value)
            self.rating_group.addButton(button, number)
            row.addWidget(button)
        row.addStretch(1)
        self.add_row(self.tr("Resident's rating"), box, "rating")

    def set_rating(self, rating: Rating) -> None:
        self.rating_group.button(list(Rating).index(rating)).setChecked(True)

    def save(self, session) -> ResidentRequest:
        checked = self.rating_group.checkedButton() if self.rating_group else None
        values = dict(
            reason=self.reason.text() if self.reason else "",
            dispatched_to=self.dispatched_to.currentText() if self.dispatched_to else "",
            dispatch_target=self.dispatch_kind.currentData() if self.dispatch_kind else None,
            feedback=self.feedback.toPlainText() if self.feedback else "",
            rating=checked.property("rating") if checked else None,
            comment=self.comment.toPlainText() if self.comment else "")
        return advance(session, self.request.id, self.target, on=date_of(self.on), actor=self.ctx.user,
                       expected_version=self.version, **values)
