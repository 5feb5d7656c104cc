"""The household editor: the household's fields, its residents inline, errors shown beside what is wrong."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from gridkeeper.domain.enums import HousingUse
from gridkeeper.services import households as household_service
from gridkeeper.services import trash
from gridkeeper.services.errors import Duplicate, ValidationFailed
from gridkeeper.services.geography import place_tree
from gridkeeper.services.people import HouseholdInput
from gridkeeper.storage.models import Household
from gridkeeper.ui.households.residents_table import FIELD_COLUMNS, ID_NUMBER, NAME, ResidentsTable

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #7a4d00; background: #fff4d6; padding: 4px;"
_ROW_FIELD = re.compile(r"^第(\d+)位居民的(.+)$")


def unit_choices(session) -> list[tuple[int, str]]:
    """(unit id, "FK-03 幸福家园 7号楼 2单元") for every unit, in tree order."""
    out = []
    for grid in place_tree(session):
        code = grid.label.split(" ")[0]
        for compound in grid.children:
            for building in compound.children:
                out += [(unit.id, f"{code} {compound.label} {building.label} {unit.label}") for unit in building.children]
    return out


class HouseholdEditor(QDialog):
    """Create or edit one household with its residents; `saved(id)` and `deleted(id)` tell the window."""

    saved = Signal(int)
    deleted = Signal(int)

    def __init__(self, ctx, household_id: int | None = None, *, unit_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.setWindowTitle(self.tr("Household") if household_id else self.tr("New household"))
        self.resize(1060, 620)
        self._build()
        self._load(unit_id)

    # -- layout ----------------------------------------------------------------------------------
    def _field(self, form: QFormLayout, label: str, widget: QWidget) -> QLabel:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(box)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        form.addRow(label, box)
        return error

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.room = QLineEdit(self)
        self.room.setPlaceholderText(self.tr("e.g. 301"))
        self.use = QComboBox(self)
        for use in HousingUse:
            self.use.addItem(use.label, use.value)
        self.phone = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(54)
        self.errors = {
            "单元": self._field(form, self.tr("Unit"), self.unit),
            "房号": self._field(form, self.tr("Room"), self.room),
            "房屋用途": self._field(form, self.tr("Housing use"), self.use),
            "户联系电话": self._field(form, self.tr("Household phone"), self.phone),
            "备注": self._field(form, self.tr("Notes"), self.notes),
        }
        layout.addLayout(form)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("<b>Residents</b> (double-click the care tags cell to choose tags)"), self))
        heading.addStretch(1)
        self.add_button = QPushButton(self.tr("Add resident"), self)
        self.remove_button = QPushButton(self.tr("Remove resident"), self)
        heading.addWidget(self.add_button)
        heading.addWidget(self.remove_button)
        layout.addLayout(heading)
        self.residents = ResidentsTable(self)
        layout.addWidget(self.residents, 1)
        self.resident_errors = QLabel(self)
        self.resident_errors.setStyleSheet(ERROR_STYLE)
        self.resident_errors.setWordWrap(True)
        self.resident_errors.hide()
        layout.addWidget(self.resident_errors)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self._build_buttons(layout)
        self.add_button.clicked.connect(lambda: self.residents.add_resident())
        self.remove_button.clicked.connect(self._remove_resident)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.delete_button = self.buttons.addButton(self.tr("Delete household…"),
                                                    QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setVisible(self.household_id is not None)
        self.create_place_button = self.buttons.addButton(self.tr("Create a building…"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
        self.create_place_button.hide()
        self.create_place_button.clicked.connect(self.create_places)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.unit, self.room)
        self.setTabOrder(self.room, self.use)
        self.setTabOrder(self.use, self.phone)
        self.setTabOrder(self.phone, self.notes)
        self.setTabOrder(self.notes, self.residents)

    def _load(self, unit_id: int | None) -> None:
        with self.ctx.read() as session:
            for uid, label in unit_choices(session):
                self.unit.addItem(label, uid)
            household = session.get(Household, self.household_id) if self.household_id else None
            if household:
                people = household_service.household_residents(session, household.id)
                tags = household_service.resident_tags(session, [p.id for p in people])
        if household:
            unit_id = household.unit_id
            self.room.setText(household.room)
            self.use.setCurrentIndex(max(0, self.use.findData(str(household.housing_use))))
            self.phone.setText(household.phone)
            self.notes.setPlainText(household.notes)
            for person in people:
                self.residents.add_resident(person, tags.get(person.id, []))
        else:
            self.residents.add_resident()
        unit_id = unit_id or self.ctx.scope.unit_id
        self.unit.setCurrentIndex(self.unit.findData(unit_id) if unit_id else -1)
        self.create_place_button.setVisible(self.unit.count() == 0)
        if self.unit.count() == 0:  # not a dead end: say what to create first, and offer it
            self.notice.setText(self.tr(
                "There is no unit to register a household in yet. Households live in units of buildings: create "
                "a compound and a building first (its units and rooms can be laid out in one step)."))
            self.notice.setStyleSheet(WARNING_STYLE)
            self.notice.show()

    def create_places(self) -> None:
        """Set up the community or create a building from here, then offer its units."""
        from gridkeeper.ui.setup_wizard import MANUAL, follow_choice, run_setup_if_needed

        window = self.parent()
        if window is None or not hasattr(window, "place_actions"):
            return
        if not run_setup_if_needed(window):
            follow_choice(window, MANUAL)
        with self.ctx.read() as session:
            choices = unit_choices(session)
        self.unit.clear()
        for uid, label in choices:
            self.unit.addItem(label, uid)
        self.unit.setCurrentIndex(0 if choices else -1)
        self.create_place_button.setVisible(not choices)
        self.notice.setVisible(not choices)

    def _remove_resident(self) -> None:
        row = self.residents.currentRow()
        if row >= 0:
            self.residents.removeRow(row)

    # -- saving ----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.resident_errors.hide()
        self.notice.hide()
        self.residents.clear_marks()

    def show_error(self, field: str, reason: str) -> None:
        label = self.errors.get(field)
        if label is None:
            self._resident_error(field, reason)
            return
        label.setText(reason)
        label.show()

    def _resident_error(self, field: str, reason: str) -> None:
        match = _ROW_FIELD.match(field)
        if match:
            row, column = int(match[1]) - 1, FIELD_COLUMNS.get(match[2], NAME)
            self.residents.mark(row, column, reason)
            text = self.tr("Resident {0}, {1}: {2}").format(row + 1, match[2], reason)
        else:
            for row in range(self.residents.rowCount()):
                name = self.residents.text(row, NAME)
                if name and name in reason:
                    self.residents.mark(row, FIELD_COLUMNS.get(field, ID_NUMBER), reason)
            text = f"{field}：{reason}"
        old = self.resident_errors.text()
        self.resident_errors.setText(f"{old}\n{text}" if not self.resident_errors.isHidden() and old else text)
        self.resident_errors.show()

    def household_input(self) -> HouseholdInput | None:
        if self.unit.currentIndex() < 0 or self.unit.currentData() is None or \
                self.unit.currentText() != self.unit.itemText(self.unit.currentIndex()):
            self.show_error("单元", self.tr("Choose the unit from the list"))
            return None
        return HouseholdInput(unit_id=int(self.unit.currentData()), room=self.room.text(),
                              housing_use=self.use.currentData(), phone=self.phone.text(),
                              notes=self.notes.toPlainText())

    def save(self) -> bool:
        """Validate and save in one transaction; on any error nothing is saved and the fields say why."""
        self.clear_errors()
        data = self.household_input()
        residents, unreadable = self.residents.residents()
        for row, column, reason in unreadable:
            self._resident_error(f"第{row + 1}位居民的出生日期", reason)
        if data is None or unreadable:
            return False
        try:
            with self.ctx.write() as session:
                if self.household_id is None:
                    result = household_service.create_household(session, data, residents, today=self.ctx.today())
                else:
                    result = household_service.update_household(session, self.household_id, data, residents,
                                                                today=self.ctx.today())
                saved_id, resident_ids = result.household.id, [r.id for r in result.residents]
        except ValidationFailed as exc:
            for error in exc.errors:
                self.show_error(error.field, error.reason)
            return False
        except Duplicate as exc:
            self.show_error("房号", str(exc))
            return False
        self._after_save(saved_id, resident_ids, result.warnings)
        return True

    def _after_save(self, saved_id: int, resident_ids: list[int], warnings) -> None:
        self.household_id = saved_id
        for row, resident_id in enumerate(resident_ids):
            self.residents.item(row, NAME).setData(Qt.ItemDataRole.UserRole, resident_id)
        self.delete_button.setVisible(True)
        self.setWindowTitle(self.tr("Household"))
        self.ctx.notify("households")
        self.saved.emit(saved_id)
        if warnings:
            # Worth checking, not blocking: the household is saved; the dialog stays open to show them.
            lines = "\n".join(str(w) for w in warnings)
            self.notice.setText(self.tr("Saved. Please check:\n{0}").format(lines))
            self.notice.setStyleSheet(WARNING_STYLE)
            self.notice.show()
            return
        self.accept()

    def delete(self) -> bool:
        """Ask, then move the household into the recycle bin."""
        if self.household_id is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete household"),
            self.tr("Delete this household with its residents, visits and requests?\n"
                    "It can be restored from the recycle bin."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        with self.ctx.write() as session:
            trash.delete_household(session, self.household_id)
        self.ctx.notify("households")
        self.deleted.emit(self.household_id)
        self.accept()
        return True
