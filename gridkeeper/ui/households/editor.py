"""The household editor: the household's fields, its residents inline, errors shown beside what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget)

from gridkeeper.domain.enums import HousingUse
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.fields import field_label, item_field, split_item_field
from gridkeeper.services import households as household_service
from gridkeeper.services import trash
from gridkeeper.services.errors import Duplicate, EditConflict, ValidationFailed
from gridkeeper.services.geography import place_tree
from gridkeeper.services.people import HouseholdInput
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.server import ConnectionLost
from gridkeeper.ui.errors import ERROR_STYLE
from gridkeeper.ui.households.history import HouseholdRecord
from gridkeeper.ui.households.residents_table import FIELD_COLUMNS, ID_NUMBER, NAME, TAGS, TAGS_ROLE, ResidentsTable
from gridkeeper.ui.operations import Change, announce, perform, perform_edit
from gridkeeper.ui.rentals.flat_panel import FlatTenancy
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.forms import add_row
WARNING_STYLE = "color: #7a4d00; background: #fff4d6; padding: 4px;"


def unit_choices(session) -> list[tuple[int, str]]:
    """(unit id, "FK-03 幸福家园 7号楼 2单元") for every unit, in tree order."""
    out = []
    for grid in place_tree(session):
        code = grid.label.split(" ")[0]
        for compound in grid.children:
            for building in compound.children:
                out += [(unit.id, f"{code} {compound.label} {building.label} {unit.label}") for unit in building.children]
    return out


def ask_unsaved(parent: QWidget) -> str:
    """"save", "discard" or "cancel" for a window closed with unsaved changes (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("HouseholdEditor", "Unsaved changes"),
                      QCoreApplication.translate("HouseholdEditor",
                                                 "This household has changes that are not saved yet. Save them?"),
                      parent=parent)
    save = box.addButton(QCoreApplication.translate("HouseholdEditor", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("HouseholdEditor", "Don't save"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("HouseholdEditor", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    return {save: "save", discard: "discard"}.get(box.clickedButton(), "cancel")


class HouseholdEditor(QDialog):
    """Create or edit one household with its residents, see its visits and requests; `saved(id)`, `deleted(id)`
    and `log_visit(id)` (start a visit to it in the Visits section) tell the window."""

    saved = Signal(int)
    deleted = Signal(int)
    log_visit = Signal(int)

    def __init__(self, ctx, household_id: int | None = None, *, unit_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.version: int | None = None  # the version shown: a save over someone else's newer one is a conflict
        # The saved residents shown, with the version shown: only these can be removed here, and one changed on
        # another PC meanwhile is a conflict to settle, not removed unseen.
        self.shown_residents: dict[int, int | None] = {}
        self.setWindowTitle(self.tr("Household") if household_id else self.tr("New household"))
        self.resize(1060, 620)
        self._build()
        self._load(unit_id)
        self._clean = self.snapshot()

    # -- layout ----------------------------------------------------------------------------------
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
            "unit_id": add_row(form, None, self.tr("Unit"), self.unit),
            "room": add_row(form, None, self.tr("Room"), self.room),
            "housing_use": add_row(form, None, self.tr("Housing use"), self.use),
            "phone": add_row(form, None, self.tr("Household phone"), self.phone),
            "notes": add_row(form, None, self.tr("Notes"), self.notes),
        }
        layout.addLayout(form)
        self.tabs = QTabWidget(self)
        people = QWidget(self.tabs)
        self.tabs.addTab(people, self.tr("Residents"))
        self.record = HouseholdRecord(self.ctx, self.tabs)
        self.tabs.addTab(self.record.visits_view, self.tr("Visits"))
        self.tabs.addTab(self.record.requests_view, self.tr("Requests"))
        self.tenancy = FlatTenancy(self.ctx, self.tabs, show_address=False, before_write=self._settle_first,
                                   stacked=True)
        self.tenancy.changed.connect(self._tenancy_changed)
        self.tabs.addTab(self.tenancy, self.tr("Tenancy"))
        layout.addWidget(self.tabs, 1)
        self._build_residents(QVBoxLayout(people))
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self._build_buttons(layout)

    def _build_residents(self, layout: QVBoxLayout) -> None:
        layout.setContentsMargins(4, 4, 4, 4)
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
        self.visit_button = self.buttons.addButton(self.tr("Log a visit…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.visit_button.setToolTip(self.tr("Close this window and log a visit to this household in Visits"))
        self.request_button = self.buttons.addButton(self.tr("New request…"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.visit_button, self.request_button):
            button.setEnabled(self.household_id is not None and not self.ctx.read_only)
        self.visit_button.clicked.connect(self.start_visit)
        self.request_button.clicked.connect(self.new_request)
        self.save_button.clicked.connect(lambda: self.save())
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
        household = self._fill_saved() if self.household_id else None
        if household:
            unit_id = household.unit_id
            self.load_record()
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

    def _fill_saved(self) -> Household | None:
        """Show the household and its residents as saved now (on opening, and after "use their version")."""
        with self.ctx.read() as session:
            household = session.get(Household, self.household_id)
            if household is None:
                return None
            people = household_service.household_residents(session, household.id)
            tags = household_service.resident_tags(session, [p.id for p in people])
        self.version = household.version  # the version shown: a save over someone else's newer one is a conflict
        self.unit.setCurrentIndex(self.unit.findData(household.unit_id))
        self.room.setText(household.room)
        self.use.setCurrentIndex(max(0, self.use.findData(str(household.housing_use))))
        self.phone.setText(household.phone)
        self.notes.setPlainText(household.notes)
        self.residents.setRowCount(0)
        for person in people:
            self.residents.add_resident(person, tags.get(person.id, []))
        self.shown_residents = {person.id: person.version for person in people}
        return household

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

    def show_field_error(self, field: str, reason: str, table: str = "") -> None:
        """`reason` under the household's field, or on the resident's cell ("residents.2.id_number": row 2)."""
        label = self.errors.get(field)
        if label is None:
            self._resident_error(field, reason, table)
            return
        label.setText(reason)
        label.show()

    def _resident_error(self, field: str, reason: str, table: str = "") -> None:
        if item := split_item_field(field):
            _items, number, name = item
            self.residents.mark(number - 1, FIELD_COLUMNS.get(name, NAME), reason)
            text = self.tr("Resident {0}, {1}: {2}").format(number, field_label(name, table), reason)
        else:
            for row in range(self.residents.rowCount()):
                name = self.residents.text(row, NAME)
                if name and name in reason:
                    self.residents.mark(row, FIELD_COLUMNS.get(field, ID_NUMBER), reason)
            text = f"{field_label(field, table)}：{reason}"
        old = self.resident_errors.text()
        self.resident_errors.setText(f"{old}\n{text}" if not self.resident_errors.isHidden() and old else text)
        self.resident_errors.show()

    def household_input(self) -> HouseholdInput | None:
        if self.unit.currentIndex() < 0 or self.unit.currentData() is None or \
                self.unit.currentText() != self.unit.itemText(self.unit.currentIndex()):
            self.show_field_error("unit_id", self.tr("Choose the unit from the list"))
            return None
        return HouseholdInput(unit_id=int(self.unit.currentData()), room=self.room.text(),
                              housing_use=self.use.currentData(), phone=self.phone.text(),
                              notes=self.notes.toPlainText(), version=self.version)

    def save(self, *, close: bool = True) -> bool:
        """Validate and save in one transaction; on any error nothing is saved and the fields say why.
        The window closes after a clean save unless `close` is False."""
        self.clear_errors()
        data = self.household_input()
        residents, unreadable = self.residents.residents()
        for row, column, reason in unreadable:
            self._resident_error(item_field("residents", row + 1, "birth_date"), reason)
        if data is None or unreadable:
            return False

        def store(session):  # read again on each try: "keep my changes" moves the versions the form holds on
            data, (residents, _unreadable) = self.household_input(), self.residents.residents()
            try:
                if self.household_id is None:
                    result = household_service.create_household(session, data, residents, today=self.ctx.today())
                else:
                    result = household_service.update_household(session, self.household_id, data, residents,
                                                                today=self.ctx.today(), shown=self.shown_residents)
            except Duplicate as exc:  # the room is taken: said next to the room
                raise ValidationFailed([ValueRuleError("room", str(exc), "household")]) from exc
            session.flush()
            return (result.household.id, [(r.id, r.version) for r in result.residents], result.household.version,
                    result.warnings)

        lost: list[ConnectionLost] = []  # the server stopped: answered here, beside the fields, not in a box
        done = perform_edit(self, self.ctx, store, on_invalid=self._show_field_errors,
                            on_error=lambda exc: isinstance(exc, ConnectionLost) and not lost.append(exc),
                            keep_mine=self._keep_mine, take_theirs=self._take_theirs)
        if done is None:
            if lost:
                self._connection_lost(lost[0])
            return False
        saved_id, residents_saved, self.version, warnings = done.value
        self._after_save(saved_id, residents_saved, warnings, close)
        return True

    def _show_field_errors(self, exc: ValidationFailed) -> None:
        for error in exc.errors:
            self.show_field_error(error.field, error.reason, error.table)

    def _connection_lost(self, exc: ConnectionLost) -> None:
        """The server went away: say so in one sentence, keep every field as typed."""
        self.notice.setText(str(exc))
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.show()

    def _keep_mine(self, conflict: EditConflict) -> None:
        """Keep my changes: save again over the version saved meanwhile (of the household or that resident;
        a resident removed here is removed all the same)."""
        if conflict.table == "resident" and conflict.removing:
            self.shown_residents[conflict.record_id] = conflict.current_version
        elif conflict.table == "resident":
            self.residents.set_version(conflict.record_id, conflict.current_version)
        else:
            self.version = conflict.current_version

    def _take_theirs(self, conflict: EditConflict) -> None:
        """Use their version: the window shows the household and its residents as saved now; nothing typed
        here is saved. A resident removed here but changed elsewhere comes back as they saved it, and the
        rest of what was typed stays to be saved."""
        if conflict.table == "resident" and conflict.removing:
            self._restore_resident(conflict.record_id)
            return
        if self._fill_saved() is None:
            return
        self._clean = self.snapshot()

    def _restore_resident(self, resident_id: int) -> None:
        with self.ctx.read() as session:
            person = session.get(Resident, resident_id)
            if person is None:
                return
            tags = household_service.resident_tags(session, [resident_id]).get(resident_id, [])
        self.residents.add_resident(person, tags)
        self.shown_residents[resident_id] = person.version

    def _after_save(self, saved_id: int, residents_saved: list[tuple[int, int]], warnings, close: bool = True) -> None:
        self.household_id = saved_id
        for row, (resident_id, version) in enumerate(residents_saved):
            self.residents.set_saved(row, resident_id, version)
        self.shown_residents = dict(residents_saved)
        self._clean = self.snapshot()
        self.delete_button.setVisible(True)
        for button in (self.visit_button, self.request_button):
            button.setEnabled(not self.ctx.read_only)
        self.setWindowTitle(self.tr("Household"))
        announce(self.ctx, Change.HOUSEHOLDS)
        self.saved.emit(saved_id)
        if warnings:
            # Worth checking, not blocking: the household is saved; the dialog stays open to show them.
            lines = "\n".join(str(w) for w in warnings)
            self.notice.setText(self.tr("Saved. Please check:\n{0}").format(lines))
            self.notice.setStyleSheet(WARNING_STYLE)
            self.notice.show()
            return
        if close:
            self.accept()

    # -- the household's record, and leaving ------------------------------------------------------
    def load_record(self) -> None:
        """Reload the visits, requests and tenancy tabs (with their counts in the tab titles)."""
        self.record.load(self.household_id)
        self.tabs.setTabText(1, self.tr("Visits ({0})").format(self.record.visit_model.rowCount()))
        self.tabs.setTabText(2, self.tr("Requests ({0})").format(self.record.request_model.rowCount()))
        self.tenancy.show_flat(self.household_id)
        living = sum(1 for tenant in self.tenancy.tenant_model.rows() if not tenant.moved_out_on)
        self.tabs.setTabText(3, self.tr("Tenancy ({0})").format(living) if self.tenancy.tenancy or living
                             else self.tr("Tenancy"))

    def _settle_first(self) -> bool:
        """Before a lease or tenant is saved from the tenancy tab: the household's own unsaved changes are
        saved or discarded first (a lease marks the flat 出租, a tenant joins its residents)."""
        return self.household_id is not None and self.may_leave()

    def _tenancy_changed(self, _household_id: int) -> None:
        """A lease or tenant was saved: show the household as saved now (its use, its residents)."""
        if self._fill_saved() is not None:
            self._clean = self.snapshot()
        self.load_record()

    def snapshot(self) -> tuple:
        """Everything the user can change, to tell whether anything was changed since loading or saving."""
        rows = tuple(tuple(self.residents.text(r, c) for c in range(self.residents.columnCount()) if c != TAGS)
                     + tuple(self.residents.item(r, TAGS).data(TAGS_ROLE) or []) for r in range(self.residents.rowCount()))
        return (self.unit.currentText(), self.room.text(), self.use.currentData(), self.phone.text(),
                self.notes.toPlainText(), rows)

    def has_unsaved_changes(self) -> bool:
        return not self.ctx.read_only and self.snapshot() != self._clean

    def reject(self) -> None:
        """Esc, 关闭 and the window's close button: with unsaved changes, ask whether to save them first."""
        if self.may_leave():
            super().reject()

    def may_leave(self) -> bool:
        """True when nothing unsaved would be lost (saved now, discarded, or there was nothing)."""
        if not self.has_unsaved_changes():
            return True
        answer = ask_unsaved(self)
        if answer == "save":
            return self.save(close=False)
        return answer == "discard"

    def start_visit(self) -> None:
        """Leave this window (asking about unsaved changes) and log a visit to the household in Visits."""
        if self.household_id is None or not self.may_leave():
            return
        household_id = self.household_id
        self._clean = self.snapshot()  # answered already: closing must not ask again
        super().reject()
        self.log_visit.emit(household_id)

    def new_request(self):
        """Record a request from this household (the window stays open and lists it)."""
        from gridkeeper.ui.sections.request_dialogs import NewRequestDialog

        if self.household_id is None:
            return None
        dialog = NewRequestDialog(self.ctx, self, household_id=self.household_id)
        request = dialog.result_value if forms.accepted(dialog) else None
        if request is not None:
            self.load_record()
            self.tabs.setCurrentIndex(2)
        return request

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
        household_id = self.household_id

        def keep_mine(conflict: EditConflict) -> None:  # delete all the same, over the version saved now
            self.version = conflict.current_version

        # Changed on another PC since it was opened here: the conflict dialog first (use theirs: shown as saved).
        if perform_edit(self, self.ctx, lambda session: trash.delete_household(
                session, household_id, expected_version=self.version), changes=Change.HOUSEHOLDS,
                keep_mine=keep_mine, take_theirs=self._take_theirs) is None:
            return False
        self._clean = self.snapshot()
        self.deleted.emit(self.household_id)
        self.accept()
        return True
