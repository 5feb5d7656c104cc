"""安全隐患 Safety hazards: the places a steward inspects (inspect one with its checklist), and the hazards
by status with days left or overdue, each step asking for what it needs, the rectification notice printed."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabBar,
                               QTabWidget, QVBoxLayout, QWidget)

from gridkeeper.domain.hazard_flow import allowed_next
from gridkeeper.domain.hazards import HazardLevel, HazardStatus, PlaceKind
from gridkeeper.domain.enums import label_of
from gridkeeper.services.hazard_lists import HAZARD_TABS, tab_counts, tab_hazards
from gridkeeper.services.hazards import days_left, history, is_overdue, where_found
from gridkeeper.services.safety_places import delete_place, list_places, place_addresses
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyPlace
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.errors import show_error
from gridkeeper.ui.hazards.dialogs import (ChecklistDialog, HazardEditDialog, HazardStepDialog, InspectionDialog,
                                          PlaceDialog)
from gridkeeper.ui.operations import perform
from gridkeeper.ui.widgets import deadlines, forms
from gridkeeper.ui.widgets.deadlines import BACKGROUND, FOREGROUND, Wording, days_html, days_text
from gridkeeper.ui.widgets.step_detail import StepDetail
from gridkeeper.ui.widgets.tables import list_view
from gridkeeper.ui.widgets.list_head import list_head, list_over_detail, section_layout
from gridkeeper.ui.widgets.table_model import RED, Column, PagedRowsModel, RowsModel

H = HazardStatus
FILTER_DELAY_MS = 250


def urgency(hazard: SafetyHazard, today) -> str:
    return deadlines.urgency(days_left(hazard, today))


def save_notice_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save a notice (tests replace this function)."""
    folder = QSettings().value("print/folder", "") or ""
    name = str(Path(folder) / suggested) if folder else suggested
    chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("HazardsPage", "Save the rectification notice"),
                                            name, QCoreApplication.translate("HazardsPage", "PDF files (*.pdf)"))
    if not chosen:
        return None
    QSettings().setValue("print/folder", str(Path(chosen).parent))
    return Path(chosen).with_suffix(".pdf")


def open_places_file(parent: QWidget) -> Path | None:
    """Which spreadsheet of places to import (tests replace this function)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("PlacesPage", "Import places"), "",
        QCoreApplication.translate("PlacesPage", "Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
    return Path(chosen) if chosen else None


@dataclass
class HazardRow:
    hazard: SafetyHazard
    where: str


class PlacesPage(QWidget):
    """The places in scope, by kind and a piece of name; new, edit, remove, inspect."""

    inspected = Signal(int)  # a hazard id found by the inspection just recorded (or 0)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in PlaceKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: name, address or person in charge"))
        self.filter_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        self.model = RowsModel([
            Column(self.tr("Name"), lambda r: r[0].name),
            Column(self.tr("Kind"), lambda r: label_of(PlaceKind, r[0].kind)),
            Column(self.tr("Address"), lambda r: r[1]),
            Column(self.tr("Person in charge"), lambda r: r[0].person_in_charge),
            Column(self.tr("Phone"), lambda r: r[0].phone),
            Column(self.tr("Last inspected"), lambda r: r[0].last_inspected_on.isoformat() if r[0].last_inspected_on
                   else self.tr("never")),
        ], self)
        self.table = list_view(self.model, self)
        self.table.doubleClicked.connect(lambda _i: self.inspect())
        self.count_label = QLabel(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New place…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Remove"), self)
        self.checklist_button = QPushButton(self.tr("Checklists…"), self)
        self.checklist_button.setToolTip(self.tr("The items inspected at each kind of place"))
        self.checklist_button.clicked.connect(lambda: self.edit_checklists())
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Import places from a spreadsheet (店名、业态、地址、经营者、电话 …)"))
        self.import_button.clicked.connect(lambda: self.import_places())
        self.inspect_button = QPushButton(self.tr("Inspect…"), self)
        self.inspect_button.setToolTip(self.tr("Record an inspection of the selected place with its checklist"))
        self.building_button = QPushButton(self.tr("Inspect a building…"), self)
        self.building_button.setToolTip(self.tr("Record an inspection of a whole building's shared spaces "
                                                "(stairwells, basement, bike shed) with the building checklist"))
        self.building_button.clicked.connect(lambda: self.inspect_building())
        self.new_button.clicked.connect(lambda: self.new_place())
        self.edit_button.clicked.connect(lambda: self.edit_place())
        self.delete_button.clicked.connect(lambda: self.remove_place())
        self.inspect_button.clicked.connect(lambda: self.inspect())
        for button in (self.inspect_button, self.building_button, self.new_button, self.edit_button, self.delete_button,
                       self.import_button, self.checklist_button):
            button.setEnabled(not ctx.read_only)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        section_layout(self, [list_head([self.kind, self.filter_edit], stretch=self.filter_edit), buttons], self.table)

    def refresh(self) -> None:
        self._timer.stop()
        with self.ctx.read() as session:
            places = list_places(session, scope=self.ctx.scope, kind=self.kind.currentData() or None,
                                 text=self.filter_edit.text())
            addresses = place_addresses(session, places)
        rows = [(p, addresses.get(p.id, "")) for p in places]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{0} places").format(len(rows)))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 260))

    def selected(self) -> SafetyPlace | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row[0] if row else None

    def select_place(self, place_id: int) -> None:
        for n, (place, _) in enumerate(self.model.rows()):
            if place.id == place_id:
                self.table.selectRow(n)
                return

    def new_place(self) -> SafetyPlace | None:
        dialog = PlaceDialog(self.ctx, self)
        place = dialog.result_value if forms.accepted(dialog) else None
        if place:
            self.refresh()
            self.select_place(place.id)
        return place

    def edit_place(self) -> SafetyPlace | None:
        place = self.selected()
        if place is None:
            return None
        dialog = PlaceDialog(self.ctx, self, place=place)
        saved = dialog.result_value if forms.accepted(dialog) else None
        if saved:
            self.refresh()
            self.select_place(saved.id)
        return saved

    def remove_place(self) -> bool:
        place = self.selected()
        if place is None or not forms.confirm(self, self.tr("Move “{0}” to the recycle bin?").format(place.name)):
            return False
        # a service's refusal (it has inspections) or a full disk is shown, nothing changes
        return perform(self, self.ctx, lambda session: delete_place(session, place.id),
                       changes=Change.HAZARDS) is not None

    def edit_checklists(self) -> bool:
        dialog = ChecklistDialog(self.ctx, self)
        done = forms.accepted(dialog)
        return done

    def import_places(self, path: Path | None = None) -> int:
        """Check a spreadsheet of places; with no errors and the user's yes, import it all (else nothing)."""
        from gridkeeper.excel.places import check_places, write_places
        from gridkeeper.excel.problems import ImportConflict

        path = path or open_places_file(self)
        if path is None:
            return 0
        grid = None
        if self.ctx.scope.grid_id:
            with self.ctx.read() as session:
                from gridkeeper.storage.models import Grid

                grid = session.get(Grid, self.ctx.scope.grid_id).code
        try:
            with self.ctx.read() as session:
                checked = check_places(session, path, grid_code=grid)
        except Exception as exc:  # an unreadable file: nothing written
            show_error(self, exc)
            return 0
        lines = [p.describe() for p in checked.problems[:15]]
        if len(checked.problems) > 15:
            lines.append(self.tr("…and {0} more").format(len(checked.problems) - 15))
        if checked.errors:
            show_error(self, "\n".join([*lines, "", checked.summary(dry_run=True)]))
            return 0
        if not checked.rows or not forms.confirm(self, "\n".join([*lines, checked.summary(dry_run=True)])):
            return 0
        # a row in someone else's grid, or a full disk: shown, nothing written. Places changed on another PC
        # since the check: said row by row, nothing written, and the file is checked again at once.
        again: list[ImportConflict] = []
        done = perform(self, self.ctx, lambda session: write_places(session, checked), changes=Change.HAZARDS,
                       on_error=lambda exc: isinstance(exc, ImportConflict) and not again.append(exc))
        if again:
            show_error(self, again[0])
            return self.import_places(path)
        return done.value.added + done.value.updated if done else 0

    def inspect(self, place: SafetyPlace | None = None):
        place = place or self.selected()
        if place is None or self.ctx.read_only:
            return None
        return self._inspect(InspectionDialog(self.ctx, place, self))

    def inspect_building(self, building_id: int | None = None):
        """Inspect a building's shared spaces as a whole (the building chosen in the dialog; the scope's first)."""
        if self.ctx.read_only:
            return None
        return self._inspect(InspectionDialog(self.ctx, None, self, building_id=building_id))

    def _inspect(self, dialog: InspectionDialog):
        result = dialog.result_value if forms.accepted(dialog) else None
        if result:
            _, found = result
            self.inspected.emit(found[0].id if found else 0)
        return result


class HazardsPage(QWidget):
    """Hazards by tab (open, overdue, each status, all), the selected one's details, history and next steps."""

    open_household = Signal(int)  # a hazard found on a visit: its household

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current: SafetyHazard | None = None
        self.counts: dict[str, int] = {}
        self.tabs = QTabBar(self)
        self.tabs.setExpanding(False)
        for key in HAZARD_TABS:
            self.tabs.addTab(self._tab_label(key))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter: hazard, place, responsible person or No."))
        self.filter_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        today = ctx.today
        colour = lambda r: FOREGROUND.get(urgency(r.hazard, today()))  # noqa: E731
        shade = lambda r: BACKGROUND.get(urgency(r.hazard, today()))  # noqa: E731
        self.model = PagedRowsModel([
            Column(self.tr("No."), lambda r: r.hazard.id, align_right=True),
            Column(self.tr("Found"), lambda r: r.hazard.found_on.isoformat()),
            Column(self.tr("Place"), lambda r: r.where, tooltip=lambda r: r.where),
            Column(self.tr("Hazard"), lambda r: self.what(r.hazard), tooltip=lambda r: self.what(r.hazard)),
            Column(self.tr("Level"), lambda r: label_of(HazardLevel, r.hazard.level),
                   foreground=lambda r: RED if r.hazard.level != HazardLevel.GENERAL else None),
            Column(self.tr("Status"), lambda r: label_of(H, r.hazard.status)),
            Column(self.tr("Deadline"), lambda r: r.hazard.deadline.isoformat()),
            Column(self.tr("Days left"), lambda r: self.days_text(r.hazard), foreground=colour, background=shade),
            Column(self.tr("Responsible"), lambda r: r.hazard.responsible_person),
        ], page_size=200, parent=self)
        self.table = list_view(self.model, self)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel(self)
        self._build_detail()
        section_layout(self, [list_head([self.tabs], stretch=self.tabs),
                              list_head([self.filter_edit], self.count_label, stretch=self.filter_edit)],
                       list_over_detail(self, self.table, self.detail))

    def _tab_label(self, key: str) -> str:
        names = {"open": self.tr("Open"), "overdue": self.tr("Overdue"), "all": self.tr("All")}
        return names.get(key) or H(key).label

    @staticmethod
    def what(hazard: SafetyHazard) -> str:
        return "：".join(p for p in (hazard.item, hazard.description) if p)

    def days_text(self, hazard: SafetyHazard) -> str:
        today = self.ctx.today()
        return days_text(days_left(hazard, today), is_overdue(hazard, today), self.wording)

    def _build_detail(self) -> None:
        self.wording = Wording(self.tr("late"), lambda n: self.tr("%n day(s) left", "", n))
        self.detail = StepDetail(self.tr("Hazard"), H, self, step_title=self.tr("Step"), actor_title=self.tr("By"))
        self.detail_text, self.history_model = self.detail.text, self.detail.history_model
        self.step_buttons: dict[HazardStatus, QPushButton] = self.detail.step_buttons(
            [(H.NOTIFIED, self.tr("Notify (print notice)…")), (H.RECTIFIED, self.tr("Rectified…")),
             (H.CLOSED, self.tr("Re-inspected, close…")), (H.ESCALATED, self.tr("Escalate…"))],
            lambda target: self.advance(target))
        buttons = self.detail.buttons
        self.correct_button = QPushButton(self.tr("Correct…"), self.detail)
        self.correct_button.setToolTip(self.tr("Correct what was recorded: item, level, deadline, who is responsible"))
        self.correct_button.clicked.connect(lambda: self.correct())
        self.notice_button = QPushButton(self.tr("Print notice…"), self.detail)
        self.notice_button.clicked.connect(lambda: self.print_notice())
        self.household_button = QPushButton(self.tr("Open household"), self.detail)
        self.household_button.clicked.connect(
            lambda: self.current and self.current.household_id and self.open_household.emit(self.current.household_id))
        buttons.addStretch(1)
        buttons.addWidget(self.household_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.notice_button)

    def set_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(HAZARD_TABS.index(key))
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        key, text, today, scope = HAZARD_TABS[max(0, self.tabs.currentIndex())], self.filter_edit.text(), \
            self.ctx.today(), self.ctx.scope
        with self.ctx.read() as session:
            self.counts = tab_counts(session, today=today, scope=scope, text=text)
        for index, tab in enumerate(HAZARD_TABS):
            self.tabs.setTabText(index, f"{self._tab_label(tab)} ({self.counts[tab]})")

        def page(offset: int, limit: int) -> list[HazardRow]:
            with self.ctx.read() as session:
                found = tab_hazards(session, key, today=today, scope=scope, text=text, limit=limit, offset=offset)
                where = where_found(session, found)
            return [HazardRow(h, where.get(h.id, "")) for h in found]

        self.model.set_source(page)
        self.count_label.setText(self.tr("{0} hazards").format(self.counts[key]))
        self.table.resizeColumnsToContents()
        for column, width in ((2, 240), (3, 280)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        current = self.current.id if self.current else None
        if current not in {row.hazard.id for row in self.model.rows()}:
            current = self.model.row_at(0).hazard.id if self.model.rowCount() else None
        self.show_hazard(current)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self.show_hazard(row.hazard.id if row else None, select=False)

    def show_hazard(self, hazard_id: int | None, *, select: bool = True) -> None:
        with self.ctx.read() as session:
            hazard = session.get(SafetyHazard, hazard_id) if hazard_id else None
            events = history(session, hazard.id) if hazard else []
            where = where_found(session, [hazard]).get(hazard.id, "") if hazard else ""
        self.current = hazard
        self.history_model.set_rows(events)
        status = H(hazard.status) if hazard else None
        allowed = allowed_next(status) if status else frozenset()
        for target, button in self.step_buttons.items():
            button.setEnabled(target in allowed and not self.ctx.read_only)
        # Sent back after a failed re-inspection: the notify button says so.
        self.step_buttons[H.NOTIFIED].setText(self.tr("Failed re-inspection, notify again…") if status == H.RECTIFIED
                                              else self.tr("Notify (print notice)…"))
        self.notice_button.setEnabled(hazard is not None)
        self.correct_button.setEnabled(hazard is not None and status != H.CLOSED and not self.ctx.read_only)
        self.household_button.setVisible(bool(hazard and hazard.household_id))
        if hazard is None:
            self.detail.setTitle(self.tr("Hazard"))
            self.detail_text.setText(self.tr("Choose a hazard in the list to see its history and next step."))
            return
        self.detail.setTitle(self.tr("Hazard #{0} · {1}").format(hazard.id, status.label))
        esc = html.escape
        lines = [f"<b>{esc(where)}</b>",
                 f"{esc(self.what(hazard))}（{label_of(HazardLevel, hazard.level)}）",
                 esc(self.tr("Found {0}, deadline {1}").format(hazard.found_on, hazard.deadline)) + self._days_html(hazard)]
        extra = ((hazard.responsible_person, self.tr("Responsible: {0}")),
                 (hazard.rectification, self.tr("Rectification: {0}")),
                 (hazard.reinspected_by, self.tr("Re-inspected by: {0}")),
                 (f"{hazard.escalated_to}：{hazard.escalation_reason}" if hazard.escalated_to else "",
                  self.tr("Escalated: {0}")))
        lines += [esc(template.format(value)) for value, template in extra if value]
        self.detail_text.setText("<br>".join(lines))
        if select:
            for n, row in enumerate(self.model.rows()):
                if row.hazard.id == hazard.id:
                    self.table.selectRow(n)
                    break

    def _days_html(self, hazard: SafetyHazard) -> str:
        return days_html(self.days_text(hazard), urgency(hazard, self.ctx.today()))

    def make_step_dialog(self, target: HazardStatus) -> HazardStepDialog:
        return HazardStepDialog(self.ctx, self.current, target, self)

    def advance(self, target: HazardStatus) -> bool:
        """Ask for what the step needs and take it (printing the notice when notifying); True when it moved."""
        if self.current is None or self.ctx.read_only:
            return False
        hazard_id = self.current.id
        dialog = self.make_step_dialog(target)
        done = forms.accepted(dialog)
        wants_notice = done and dialog.wants_notice
        if done:
            self.show_hazard(hazard_id)
            if wants_notice:
                self.print_notice()
        return done

    def correct(self) -> bool:
        """Correct the selected hazard as recorded (a closed one is kept as it was closed); True when saved."""
        if self.current is None or self.ctx.read_only:
            return False
        hazard_id = self.current.id
        done = forms.accepted(HazardEditDialog(self.ctx, self.current, self))
        if done:
            self.show_hazard(hazard_id)
        return done

    def print_notice(self) -> Path | None:
        """Save the selected hazard's 整改通知单 as a PDF where the user chooses."""
        if self.current is None:
            return None
        from gridkeeper.reports.hazard_notice import write_hazard_notice

        path = save_notice_path(self, f"安全隐患整改通知单-{self.current.id}.pdf")
        if path is None:
            return None
        try:
            with self.ctx.read() as session:
                write_hazard_notice(session, self.current.id, path, today=self.ctx.today())
        except Exception as exc:  # an unwritable folder: say so, keep the hazard as it is
            show_error(self, exc)
            return None
        return path


class HazardsSection(QWidget):
    """Places and hazards in two tabs; an inspection that finds hazards shows them at once."""

    open_household = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.hazards = HazardsPage(ctx, self)
        self.places = PlacesPage(ctx, self)
        self.tabs.addTab(self.hazards, self.tr("Hazards"))
        self.tabs.addTab(self.places, self.tr("Places"))
        self.places.inspected.connect(self._inspected)
        self.hazards.open_household.connect(self.open_household)
        QVBoxLayout(self).addWidget(self.tabs)
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def refresh(self) -> None:
        self.hazards.refresh()
        self.places.refresh()

    def _data_changed(self, change: Change) -> None:
        if change.affects(Change.HAZARDS, Change.VISITS, Change.PLACES):
            self.refresh()

    def _inspected(self, hazard_id: int) -> None:
        if hazard_id:
            self.tabs.setCurrentWidget(self.hazards)
            self.hazards.set_tab("open")
            self.hazards.show_hazard(hazard_id)

    def show_hazard(self, hazard_id: int) -> None:
        """Bring one hazard to the front (Today's double-click)."""
        self.tabs.setCurrentWidget(self.hazards)
        self.hazards.set_tab("all" if not self.hazards.counts.get("open") else "open")
        self.hazards.show_hazard(hazard_id)
