"""The quick-entry form for visits: household, date (kept), visitor, kind, anyone home, findings; Enter saves."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from gridkeeper.domain.enums import VisitKind
from gridkeeper.services.addresses import summaries
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.place_lists import grid_of, household_place
from gridkeeper.services.visitors import VisitorChoice, visitor_choices
from gridkeeper.services.visits import VisitInput, record_visit, visits_on
from gridkeeper.storage.models import Visit
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.operations import Change, announce, perform
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.sections.visit_input import entered_visit, visitor_display, visitor_input
from gridkeeper.ui.widgets.forms import FieldErrors, add_row, error_label, past_date_edit
from gridkeeper.ui.widgets.household_picker import HouseholdPicker


class VisitForm(QWidget):
    """Built for entering a round's visits one after another: Save & next keeps date, visitor and kind."""

    visit_saved = Signal(object, bool)  # the Visit, and whether a request should be raised from it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.saved_count = 0
        self._choices: list[VisitorChoice] = []
        self._grid_id: int | None = -1
        self._kind_touched = False
        self._automatic = False  # True while the form itself fills the visitor box
        self.picker = HouseholdPicker(ctx, self)
        self.picker.household_changed.connect(self._household_changed)
        self.visited_on = past_date_edit(ctx.today(), self)
        self.visitor = QComboBox(self)
        self.visitor.setEditable(True)
        self.visitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.visitor.lineEdit().setPlaceholderText(self.tr("Steward, leader, member or any name"))
        self.visitor_note = QLabel(self)  # says so whenever the visitor is changed for the user
        self.visitor_note.setStyleSheet("color: #7a4d00;")
        self.visitor_note.setWordWrap(True)
        self.visitor_note.hide()
        self.visitor.currentTextChanged.connect(lambda _t: self._visitor_edited())
        self.kind = QComboBox(self)
        for kind in VisitKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.activated.connect(self._kind_chosen)
        self.anyone_home = QCheckBox(self.tr("Someone was home"), self)
        self.anyone_home.setChecked(True)
        self.findings = QLineEdit(self)
        self.findings.setPlaceholderText(self.tr("What was found, in one line"))
        self.raise_request = QCheckBox(self.tr("Raise a request from this visit"), self)
        # A 安全检查 visit can record a safety hazard straight away (services/hazards.record_from_visit).
        self.record_hazard = QCheckBox(self.tr("Record a safety hazard found on this visit"), self)
        self.record_hazard.setEnabled(False)
        self.hazard_wanted = False
        self.record_dispute = QCheckBox(self.tr("Register a dispute found on this visit"), self)
        self.dispute_wanted = False
        self.kind.currentIndexChanged.connect(
            lambda _i: self.record_hazard.setEnabled(self.kind.currentData() == VisitKind.SAFETY.value))
        self.save_button = QPushButton(self.tr("Save && next (Enter)"), self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(not ctx.read_only)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.start_next)
        self.status = QLabel(self)
        self.errors = FieldErrors(error_label(self))
        self._layout()
        self._load_visitors(None)
        chain = [*self.picker.places_in_tab_order(), self.visited_on]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)
        for first, second in ((self.visited_on, self.visitor), (self.visitor, self.kind),
                              (self.kind, self.anyone_home), (self.anyone_home, self.findings),
                              (self.findings, self.raise_request), (self.raise_request, self.save_button)):
            self.setTabOrder(first, second)

    def _layout(self) -> None:
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.errors, self.tr("Household"), self.picker, "household_id")
        add_row(form, self.errors, self.tr("Date"), self.visited_on, "visited_on")
        add_row(form, self.errors, self.tr("Visitor"), self.visitor, "visitor_name")
        form.addRow("", self.visitor_note)
        add_row(form, self.errors, self.tr("Kind"), self.kind, "visit_kind")
        form.addRow("", self.anyone_home)
        add_row(form, self.errors, self.tr("Findings"), self.findings, "走访情况")
        form.addRow("", self.raise_request)
        form.addRow("", self.record_hazard)
        form.addRow("", self.record_dispute)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.status, 1)
        form.addRow(self.errors.general)
        form.addRow(buttons)

    # --- visitor and kind follow the household ---------------------------------------------------
    def set_scope(self, scope) -> None:
        self.picker.set_scope(scope)
        if not self.picker.household_id:
            with self.ctx.read() as session:
                self._load_visitors(grid_of(session, scope))

    def _household_changed(self, household_id: int) -> None:
        if not household_id:
            return
        with self.ctx.read() as session:
            place = household_place(session, household_id)
        self._load_visitors(place.grid_id if place else None)
        if not self._kind_touched:
            care = self._has_care(household_id)
            self.kind.setCurrentIndex(self.kind.findData((VisitKind.CARE if care else VisitKind.ROUTINE).value))

    def _has_care(self, household_id: int) -> bool:
        with self.ctx.read() as session:
            found = summaries(session, [household_id])
        return bool(found and found[0].care_tags)

    def _kind_chosen(self) -> None:
        self._kind_touched = True

    def _load_visitors(self, grid_id: int | None) -> None:
        """The grid's steward, leaders and members; what was typed or chosen stays."""
        if grid_id == self._grid_id:
            return
        keep = self.visitor.currentText().strip()
        was_default = not keep or (self._choices and keep == self._display(self._choices[0]))
        self._grid_id = grid_id
        with self.ctx.read() as session:
            self._choices = visitor_choices(session, grid_id)
        self._automatic = True
        self.visitor.clear()
        for choice in self._choices:
            self.visitor.addItem(self._display(choice))
        if was_default:
            default = self.ctx.user or (self._display(self._choices[0]) if self._choices else "")
            match = next((self._display(c) for c in self._choices if c.name == default), default)
        else:
            match = keep
        self.visitor.setCurrentText(match)
        self._automatic = False
        if keep and match.split("（")[0] != keep.split("（")[0]:
            self.visitor_note.setText(self.tr("Visitor changed from {0} to {1} to match the grid. Choose another "
                                              "if that is not right.").format(keep, match))
            self.visitor_note.show()

    def _visitor_edited(self) -> None:
        """The user chose or typed a visitor: the note about an automatic change no longer applies."""
        if not self._automatic:
            self.visitor_note.hide()

    _display = staticmethod(visitor_display)

    def visitor_input(self) -> dict:
        return visitor_input(self.visitor.currentText(), self._choices)

    # --- saving ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> Visit | None:
        """Save the visit and get ready for the next one; errors stay next to their fields."""
        self.errors.clear()
        if self.ctx.read_only:
            return None

        try:
            data = entered_visit(self, self._choices)
        except ValidationFailed as exc:
            self.errors.show(exc)
            return None
        if not self._second_visit_confirmed(data):  # asked before the unit of work opens
            return None
        done = perform(self, self.ctx, lambda session: record_visit(session, data, today=self.ctx.today()),
                       on_invalid=self.errors.show)
        if done is None:
            return None
        visit = done.value
        self.saved_count += 1
        self.status.setText(self.tr("Saved: {0} (visits entered here: {1})")
                            .format(self.picker.chosen_text, self.saved_count))
        wants_request = self.raise_request.isChecked()
        self.hazard_wanted = self.record_hazard.isChecked() and self.record_hazard.isEnabled()
        self.dispute_wanted = self.record_dispute.isChecked()
        self.start_next()
        announce(self.ctx, Change.VISITS)
        self.visit_saved.emit(visit, wants_request)
        return visit

    def _second_visit_confirmed(self, data: VisitInput) -> bool:
        """A second visit to the same household on the same day is usually the same visit typed twice: ask."""
        with self.ctx.read() as session:
            earlier = visits_on(session, data.household_id, data.visited_on)
        if not earlier:
            return True
        who = "、".join(sorted({v.visitor_name for v in earlier}))
        return forms.confirm(self, self.tr("{0} was already visited on {1} (logged by {2}). Log another visit "
                                           "to this household on the same day?").format(
            self.picker.chosen_text or self.tr("This household"), data.visited_on.isoformat(), who))

    def start_next(self) -> None:
        """Empty the per-visit fields; date, visitor and (unless chosen automatically) kind stay."""
        self.errors.clear()
        self.picker.clear()
        self.findings.clear()
        self.anyone_home.setChecked(True)
        self.raise_request.setChecked(False)
        self.record_hazard.setChecked(False)
        self.record_dispute.setChecked(False)
        self.visitor_note.hide()
        self._kind_touched = False
        self.picker.search_edit.setFocus()
