"""Dialogs of the safety-hazard register: a place, an inspection with its checklist, a hazard found on a
visit, and each step of a hazard asking for what it needs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                               QScrollArea, QWidget)
from sqlmodel import select

from gridkeeper.domain.fields import item_field
from gridkeeper.domain.hazard_flow import needs_reason
from gridkeeper.domain.hazards import DEFAULT_DEADLINE_DAYS, HazardLevel, HazardStatus, PlaceKind
from gridkeeper.services.geography import get
from gridkeeper.services.hazards import (HazardInput, InspectionInput, advance, record_from_visit, record_inspection,
                                        update_hazard)
from gridkeeper.services.safety_places import (PlaceInput, buildings_to_inspect, checklist_for, create_place,
                                               update_place)
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyPlace
from gridkeeper.storage.models import Building, Compound, Grid
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of, error_label, past_date_edit

H = HazardStatus
ESCALATE_TO = ("街道办事处", "消防救援站", "街道安监办", "燃气公司", "供电公司")
HAZARD_FIELDS = ("hazard_content", "level", "deadline", "responsible_phone")  # what a hazard's errors name


def level_combo(parent: QWidget, value: str = HazardLevel.GENERAL.value) -> QComboBox:
    combo = QComboBox(parent)
    for level in HazardLevel:
        combo.addItem(level.label, level.value)
    combo.setCurrentIndex(combo.findData(value))
    return combo


class PlaceDialog(FormDialog):
    """Register or edit a place: name, kind, grid and building (or a street address), person in charge."""

    changes = Change.HAZARDS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, place: SafetyPlace | None = None):
        title = self.tr("Edit place") if place else self.tr("New place")
        super().__init__(ctx, title, parent)
        self.ctx, self.place = ctx, place
        self.version = place.version if place else None  # someone else's save meanwhile is a conflict to settle
        self.name = QLineEdit(place.name if place else "", self)
        self.kind = QComboBox(self)
        for kind in PlaceKind:
            self.kind.addItem(kind.label, kind.value)
        self.grid = QComboBox(self)
        self.building = QComboBox(self)
        with ctx.read() as session:
            grids = list(session.exec(select(Grid).order_by(Grid.code)))
            self._buildings = list(session.exec(select(Building.id, Building.grid_id, Compound.name, Building.label)
                                                .join(Compound, Compound.id == Building.compound_id)
                                                .order_by(Building.grid_id, Compound.name, Building.sort_no)))
        for grid in grids:
            self.grid.addItem(f"{grid.code} {grid.name}", grid.id)
        self.grid.currentIndexChanged.connect(lambda _i: self._fill_buildings())
        self.address = QLineEdit(place.address if place else "", self)
        self.address.setPlaceholderText(self.tr("Street frontage (幸福路12号), or where in the building"))
        self.person = QLineEdit(place.person_in_charge if place else "", self)
        self.phone = QLineEdit(place.phone if place else "", self)
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Kind"), self.kind, "kind")
        self.add_row(self.tr("Grid"), self.grid, "grid_id")
        self.add_row(self.tr("Building"), self.building, "building_id")
        self.add_row(self.tr("Address"), self.address, "address")
        self.add_row(self.tr("Person in charge"), self.person)
        self.add_row(self.tr("Phone"), self.phone, "phone")
        grid_id = place.grid_id if place else (ctx.scope.grid_id or (grids[0].id if grids else None))
        self.grid.setCurrentIndex(max(0, self.grid.findData(grid_id)))
        self._fill_buildings()
        if place:
            self.kind.setCurrentIndex(self.kind.findData(PlaceKind(place.kind).value))
            self.building.setCurrentIndex(max(0, self.building.findData(place.building_id or 0)))
        elif ctx.scope.building_id:
            self.building.setCurrentIndex(max(0, self.building.findData(ctx.scope.building_id)))

    def _fill_buildings(self) -> None:
        self.building.clear()
        self.building.addItem(self.tr("(none: a street frontage)"), 0)
        for building_id, grid_id, compound, label in self._buildings:
            if grid_id == self.grid.currentData():
                self.building.addItem(f"{compound}{label}", building_id)

    def save(self, session) -> SafetyPlace:
        data = PlaceInput(name=self.name.text(), kind=self.kind.currentData(), grid_id=self.grid.currentData(),
                          building_id=self.building.currentData() or None, address=self.address.text(),
                          person_in_charge=self.person.text(), phone=self.phone.text())
        if self.place:
            place = update_place(session, self.place.id, data, expected_version=self.version)
        else:
            place = create_place(session, data)
        return place


class ChecklistRow:
    """One checklist item: problem found?, level, what exactly, deadline (follows the level until edited), and
    under them the reason the service gave for this hazard (grid rows `row` and `row + 1`)."""

    def __init__(self, grid: QGridLayout, row: int, item: str, found_on, parent: QWidget):
        self.item, self.found_on = item, found_on
        self.found = QCheckBox(item, parent)
        self.level = level_combo(parent)
        self.description = QLineEdit(parent)
        self.description.setPlaceholderText(QCoreApplication.translate("InspectionDialog", "What exactly (optional)"))
        self.deadline = date_edit(found_on + timedelta(days=DEFAULT_DEADLINE_DAYS[HazardLevel.GENERAL]), parent)
        self.level.currentIndexChanged.connect(lambda _i: self.follow_level())
        self.found.toggled.connect(self._enable)
        for column, widget in enumerate((self.found, self.level, self.description, self.deadline)):
            grid.addWidget(widget, row, column)
        self.error = error_label(parent)
        grid.addWidget(self.error, row + 1, 0, 1, 4)
        self._enable(False)

    def follow_level(self, found_on=None) -> None:
        self.found_on = found_on or self.found_on
        level = HazardLevel(self.level.currentData())
        self.deadline.setDate(self.found_on + timedelta(days=DEFAULT_DEADLINE_DAYS[level]))

    def _enable(self, on: bool) -> None:
        for widget in (self.level, self.description, self.deadline):
            widget.setEnabled(on)

    def hazard(self) -> HazardInput | None:
        if not self.found.isChecked():
            return None
        return HazardInput(item=self.item, description=self.description.text(), level=self.level.currentData(),
                           deadline=date_of(self.deadline))


class InspectionDialog(FormDialog):
    """Inspect a place, or a whole building's shared spaces (楼道、地下室、电动车棚: `place` None): the date, who
    inspected, the checklist of that kind of place or of buildings (tick what is wrong), any other hazard."""

    changes = Change.HAZARDS

    def __init__(self, ctx: AppContext, place: SafetyPlace | None, parent: QWidget | None = None, *,
                 building_id: int | None = None):
        title = self.tr("Inspect {0}").format(place.name) if place else self.tr("Inspect a building")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(760)
        self.ctx, self.place = ctx, place
        self.building = None
        with ctx.read() as session:
            self.items = checklist_for(session, place.kind if place else None)
            if place:
                steward = get(session, Grid, place.grid_id).steward_name
            else:
                buildings = buildings_to_inspect(session, ctx.scope)
                stewards = {grid.id: grid.steward_name for grid in session.exec(select(Grid))}
        if place is None:
            self.building = QComboBox(self)
            for choice in buildings:
                last = (self.tr("last inspected {0}").format(choice.last_inspected_on.isoformat())
                        if choice.last_inspected_on else self.tr("never inspected"))
                self.building.addItem(f"{choice.name}（{last}）", choice.id)
            self.building.setCurrentIndex(max(0, self.building.findData(building_id or ctx.scope.building_id or 0)))
            chosen = next((b for b in buildings if b.id == self.building.currentData()), None)
            steward = stewards.get(chosen.grid_id, "") if chosen else ""
        self.on = past_date_edit(ctx.today(), self)
        self.inspectors = QLineEdit(ctx.user or steward, self)
        self.inspectors.setPlaceholderText(self.tr("Who inspected, e.g. 李晓燕、张伟"))
        box = QGroupBox(self.tr("Checklist: tick each item where a hazard was found"), self)
        grid = QGridLayout(box)
        for column, text in enumerate((self.tr("Item"), self.tr("Level"), self.tr("What exactly"),
                                       self.tr("Deadline"))):
            grid.addWidget(QLabel(f"<b>{text}</b>", box), 0, column)
        self.rows = [ChecklistRow(grid, 2 * n + 1, item, ctx.today(), box) for n, item in enumerate(self.items)]
        self.other = QLineEdit(box)
        self.other.setPlaceholderText(self.tr("Another hazard not on the list (optional)"))
        self.other_level = level_combo(box)
        self.other_error = error_label(box)
        last = 2 * len(self.rows) + 1
        grid.addWidget(self.other, last, 0, 1, 3)
        grid.addWidget(self.other_level, last, 3)
        grid.addWidget(self.other_error, last + 1, 0, 1, 4)
        grid.setRowStretch(last + 2, 1)  # room to spare goes below the list, not between its rows
        scroll = QScrollArea(self)
        scroll.setWidget(box)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(min(520, 60 + 36 * len(self.rows)))
        self.on.dateChanged.connect(lambda _d: [row.follow_level(date_of(self.on)) for row in self.rows])
        if place:
            self.add_row(self.tr("Place"), QLabel(f"{place.name}（{PlaceKind(place.kind).label}）", self))
        else:
            self.add_row(self.tr("Building"), self.building, "inspection_target")
        self.add_row(self.tr("Date"), self.on, "inspected_on")
        self.add_row(self.tr("Inspectors"), self.inspectors, "inspectors")
        self.form.addRow(scroll)

    def row_for(self, item: str) -> ChecklistRow:
        return next(row for row in self.rows if row.item == item)

    def _hazards(self) -> list[HazardInput]:
        """The hazards ticked (and the other one written), each one's errors placed under its own row: the
        service names the Nth hazard's fields "hazards.N.deadline" when there are several, plain when one."""
        found = [(row.hazard(), row.error) for row in self.rows if row.found.isChecked()]
        if self.other.text().strip():
            found.append((HazardInput(description=self.other.text(), level=self.other_level.currentData()),
                          self.other_error))
        for number, (_hazard, label) in enumerate(found, start=1):
            for name in HAZARD_FIELDS:
                self.errors.add(item_field("hazards", number, name) if len(found) > 1 else name, label)
        return [hazard for hazard, _label in found]

    def save(self, session):
        hazards = self._hazards()
        data = InspectionInput(inspected_on=date_of(self.on), inspectors=self.inspectors.text(),
                               place_id=self.place.id if self.place else None,
                               building_id=self.building.currentData() if self.building else None,
                               checked_items=self.items, hazards=hazards)
        inspection, found = record_inspection(session, data, today=self.ctx.today(), actor=self.ctx.user)
        return inspection, found


class VisitHazardDialog(FormDialog):
    """A hazard found on a 安全检查 visit (in the flat or its stairwell), recorded straight from the visit."""

    changes = Change.HAZARDS

    def __init__(self, ctx: AppContext, visit_id: int, parent: QWidget | None = None, *, description: str = ""):
        super().__init__(ctx, self.tr("Record a hazard from this visit"), parent)
        self.ctx, self.visit_id = ctx, visit_id
        self.item = QComboBox(self)
        self.item.setEditable(True)
        with ctx.read() as session:
            self.item.addItems(checklist_for(session, None))
        self.item.setCurrentText("")
        self.description = QLineEdit(description, self)
        self.level = level_combo(self)
        self.responsible = QLineEdit(self)
        self.responsible.setPlaceholderText(self.tr("Who must put it right (the household, the property company…)"))
        self.add_row(self.tr("Item"), self.item, "hazard_content")
        self.add_row(self.tr("What exactly"), self.description)
        self.add_row(self.tr("Level"), self.level, "level")
        self.add_row(self.tr("Responsible"), self.responsible)

    def save(self, session) -> SafetyHazard:
        data = HazardInput(item=self.item.currentText(), description=self.description.text(),
                           level=self.level.currentData(), responsible_person=self.responsible.text())
        hazard = record_from_visit(session, self.visit_id, data, actor=self.ctx.user)
        return hazard


class HazardEditDialog(FormDialog):
    """Correct a hazard as recorded (a wrong item or level, a deadline agreed later, another person
    responsible); its status moves only by its steps. The history says what was corrected."""

    changes = Change.HAZARDS

    def __init__(self, ctx: AppContext, hazard: SafetyHazard, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Correct hazard #{0}").format(hazard.id), parent)
        self.ctx, self.hazard = ctx, hazard
        self.version = hazard.version  # someone else's save meanwhile is a conflict to settle
        with ctx.read() as session:
            place = get(session, SafetyPlace, hazard.place_id) if hazard.place_id else None
            items = checklist_for(session, place.kind if place else None)
        self.item = QComboBox(self)
        self.item.setEditable(True)
        self.item.addItems(items if hazard.item in items or not hazard.item else [hazard.item, *items])
        self.item.setCurrentText(hazard.item)
        self.description = QLineEdit(hazard.description, self)
        self.level = level_combo(self, str(hazard.level))
        self.deadline = date_edit(hazard.deadline, self)
        self.responsible = QLineEdit(hazard.responsible_person, self)
        self.phone = QLineEdit(hazard.responsible_phone, self)
        self.requirement = QPlainTextEdit(hazard.requirement, self)
        self.requirement.setTabChangesFocus(True)
        self.requirement.setMaximumHeight(70)
        found = QLabel(self.tr("Found {0}; status {1}").format(hazard.found_on.isoformat(), H(hazard.status).label),
                       self)
        self.add_row(self.tr("Found"), found)
        self.add_row(self.tr("Item"), self.item, "hazard_content")
        self.add_row(self.tr("What exactly"), self.description)
        self.add_row(self.tr("Level"), self.level, "level")
        self.add_row(self.tr("Deadline"), self.deadline, "deadline")
        self.add_row(self.tr("Responsible"), self.responsible)
        self.add_row(self.tr("Phone"), self.phone, "responsible_phone")
        self.add_row(self.tr("Requirement"), self.requirement)

    def save(self, session) -> SafetyHazard:
        data = HazardInput(item=self.item.currentText(), description=self.description.text(),
                           level=self.level.currentData(), deadline=date_of(self.deadline),
                           responsible_person=self.responsible.text(), responsible_phone=self.phone.text(),
                           requirement=self.requirement.toPlainText())
        return update_hazard(session, self.hazard.id, data, expected_version=self.version, actor=self.ctx.user)


class HazardStepDialog(FormDialog):
    """One step of the loop: notify (date, deadline), rectified (what was done), close (who re-inspected),
    escalate (to whom, why); sending back after a failed re-inspection or skipping the notice asks why."""

    changes = Change.HAZARDS

    def __init__(self, ctx: AppContext, hazard: SafetyHazard, target: HazardStatus, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Hazard #{0}: {1}").format(hazard.id, target.label), parent)
        self.ctx, self.hazard, self.target = ctx, hazard, target
        self.version = hazard.version  # someone else's save meanwhile is a conflict to settle
        current = H(hazard.status)
        what = "：".join(p for p in (hazard.item, hazard.description) if p)
        summary = QLabel(self.tr("{0} → {1}: {2}").format(current.label, target.label, what), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)
        self.deadline = self.rectification = self.reinspected_by = self.escalated_to = self.reason = None
        self.print_notice = None
        if target == H.NOTIFIED:
            later = max(hazard.deadline, ctx.today() + timedelta(days=DEFAULT_DEADLINE_DAYS[HazardLevel(hazard.level)])) \
                if current == H.RECTIFIED else hazard.deadline
            self.deadline = date_edit(later, self)
            self.add_row(self.tr("Deadline"), self.deadline, "deadline")
            self.print_notice = QCheckBox(self.tr("Print the rectification notice (整改通知单) now"), self)
            self.print_notice.setChecked(True)
            self.form.addRow(self.print_notice)
        if target == H.RECTIFIED:
            self.rectification = QPlainTextEdit(self)
            self.rectification.setTabChangesFocus(True)
            self.rectification.setPlaceholderText(self.tr("What was done, e.g. 已清理楼道堆物"))
            self.rectification.setMinimumHeight(60)
            self.add_row(self.tr("Rectification"), self.rectification, "rectification")
        if target == H.CLOSED:
            self.reinspected_by = QLineEdit(ctx.user, self)
            self.add_row(self.tr("Re-inspected by"), self.reinspected_by, "reinspected_by")
        if target == H.ESCALATED:
            self.escalated_to = QComboBox(self)
            self.escalated_to.setEditable(True)
            self.escalated_to.addItems(ESCALATE_TO)
            self.add_row(self.tr("Escalate to"), self.escalated_to, "escalated_to")
        if needs_reason(current, target):
            self.reason = QLineEdit(self)
            self.reason.setPlaceholderText(self.tr("Required: why this step is taken"))
            self.add_row(self.tr("Reason"), self.reason, "reason")
        self.on = past_date_edit(ctx.today(), self)
        self.add_row(self.tr("Date"), self.on, "step_on")

    def save(self, session) -> SafetyHazard:
        values = dict(
            reason=self.reason.text() if self.reason else "",
            deadline=date_of(self.deadline) if self.deadline else None,
            rectification=self.rectification.toPlainText() if self.rectification else "",
            reinspected_by=self.reinspected_by.text() if self.reinspected_by else "",
            escalated_to=self.escalated_to.currentText() if self.escalated_to else "")
        hazard = advance(session, self.hazard.id, self.target, on=date_of(self.on), actor=self.ctx.user,
                         expected_version=self.version, **values)
        return hazard

    @property
    def wants_notice(self) -> bool:
        return bool(self.print_notice and self.print_notice.isChecked())


class ChecklistDialog(FormDialog):
    """Configure the checklist of each kind of place (one item a line; empty restores the usual items).
    Community-wide settings: an administrator's job (a steward is told so when saving)."""

    changes = Change.SETTINGS

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Inspection checklists"), parent)
        self.kind = QComboBox(self)
        for kind in PlaceKind:
            self.kind.addItem(kind.label, kind.value)
        self.items = QPlainTextEdit(self)
        self.items.setMinimumHeight(220)
        self.items.setPlaceholderText(self.tr("One item a line; leave empty to use the usual items"))
        with ctx.read() as session:
            from gridkeeper.services.safety_places import checklists

            self._lists = checklists(session)
        self._shown = self.kind.currentData()
        self.items.setPlainText("\n".join(self._lists[self._shown]))
        self.kind.currentIndexChanged.connect(lambda _i: self._switch())
        self.add_row(self.tr("Kind of place"), self.kind)
        self.add_row(self.tr("Items"), self.items, "item")

    def _switch(self) -> None:
        self._lists[self._shown] = self.items.toPlainText().splitlines()
        self._shown = self.kind.currentData()
        self.items.setPlainText("\n".join(self._lists[self._shown]))

    def save(self, session) -> dict[str, list[str]]:
        from gridkeeper.services.safety_places import set_checklist

        self._lists[self._shown] = self.items.toPlainText().splitlines()
        return {kind: set_checklist(session, kind, items) for kind, items in self._lists.items()}
