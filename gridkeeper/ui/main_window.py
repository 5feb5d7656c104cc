"""The main window: section list and place tree on the left, the chosen section on the right, search on top."""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QSplitter,
                               QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from gridkeeper import __version__
from gridkeeper.services import trash
from gridkeeper.storage.models import Grid
from sqlmodel import select
from gridkeeper.ui import i18n
from gridkeeper.ui.nav_tree import PlaceTree
from gridkeeper.ui.place_menu import PlaceActions
from gridkeeper.ui.operations import Change, perform
from gridkeeper.ui.search_box import SearchBox
from gridkeeper.ui.sections import connect_today

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    module: str
    widget: str


SECTIONS = (
    SectionSpec("overview", QT_TRANSLATE_NOOP("MainWindow", "Overview"), "gridkeeper.ui.overview", "OverviewSection"),
    SectionSpec("today", QT_TRANSLATE_NOOP("MainWindow", "Today"), "gridkeeper.ui.sections.today", "TodaySection"),
    SectionSpec("households", QT_TRANSLATE_NOOP("MainWindow", "Households"), "gridkeeper.ui.households.section",
                "HouseholdsSection"),
    SectionSpec("leaders", QT_TRANSLATE_NOOP("MainWindow", "Leaders"), "gridkeeper.ui.sections.leaders",
                "LeadersSection"),
    SectionSpec("members", QT_TRANSLATE_NOOP("MainWindow", "Members"), "gridkeeper.ui.sections.members",
                "MembersSection"),
    SectionSpec("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"), "gridkeeper.ui.sections.visits", "VisitsSection"),
    SectionSpec("requests", QT_TRANSLATE_NOOP("MainWindow", "Requests"), "gridkeeper.ui.sections.requests",
                "RequestsSection"),
    SectionSpec("disputes", QT_TRANSLATE_NOOP("MainWindow", "Disputes"), "gridkeeper.ui.sections.disputes",
                "DisputesSection"),
    SectionSpec("hazards", QT_TRANSLATE_NOOP("MainWindow", "Safety hazards"), "gridkeeper.ui.hazards.section",
                "HazardsSection"),
    SectionSpec("printing", QT_TRANSLATE_NOOP("MainWindow", "Print & export"), "gridkeeper.ui.sections.printing",
                "PrintSection"),
    SectionSpec("boards", QT_TRANSLATE_NOOP("MainWindow", "Boards"), "gridkeeper.ui.sections.boards", "BoardsSection"),
    SectionSpec("rentals", QT_TRANSLATE_NOOP("MainWindow", "Rented housing"), "gridkeeper.ui.rentals.section",
                "RentalsSection"),
)
FIRST_SECTION = "today"


def section_shortcut(number: int) -> str:
    """Ctrl+1 … Ctrl+9 for the first nine sections, Ctrl+0 for the tenth, none after (the list still has them)."""
    return f"Ctrl+{number % 10}" if number <= 10 else ""


def available_sections() -> list[SectionSpec]:
    """The sections whose module is installed (others' sections appear once their module exists)."""
    return [spec for spec in SECTIONS if importlib.util.find_spec(spec.module) is not None]


class MainWindow(QMainWindow):
    """Owns navigation, search, the household editor and the remembered layout."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.specs = available_sections()
        self.pages: dict[str, QWidget] = {}
        self.editor = None
        self.setWindowTitle(self.tr("GridKeeper — community grid work") + (f" · {ctx.db_path.name}" if ctx.db_path else ""))
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self.statusBar().showMessage(self.tr("Database: {0}    Today: {1}").format(
            ctx.db_path or self.tr("in memory"), ctx.today().isoformat()))
        self.restore_layout()

    # -- layout ----------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Search"), self)
        bar.setObjectName("search_bar")
        bar.setMovable(False)
        self.search = SearchBox(self.ctx, bar)
        self.search.household_chosen.connect(self.open_household)
        bar.addWidget(self.search)
        self.scope_label = QLabel(bar)
        self.scope_label.setContentsMargins(16, 0, 8, 0)
        bar.addWidget(self.scope_label)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_body(self) -> None:
        self.splitter = QSplitter(self)
        left = QWidget(self.splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(4, 4, 0, 4)
        self.nav = QListWidget(left)
        self.nav.setObjectName("section_list")
        for number, spec in enumerate(self.specs, start=1):
            shortcut = section_shortcut(number)
            item = QListWidgetItem(f"{self.tr(spec.title)}    {shortcut}" if shortcut else self.tr(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.setFixedHeight(self.nav.sizeHintForRow(0) * len(self.specs) + 8)
        self.tree = PlaceTree(self.ctx, left)
        self.place_actions = PlaceActions(self.tree, self.ctx)
        column.addWidget(self.nav)
        column.addWidget(self.tree, 1)
        self.stack = QStackedWidget(self.splitter)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1100])
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.tree.scope_picked.connect(self._on_scope_picked)
        self.tree.path_renamed.connect(self.scope_label.setText)
        self.scope_label.setText(self.tree.path_label())
        self.setTabOrder(self.search, self.nav)
        self.setTabOrder(self.nav, self.tree)
        self.setTabOrder(self.tree, self.stack)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("New household"), QKeySequence.StandardKey.New, self.new_household)
        self._action(file_menu, self.tr("Recycle bin…"), None, self.open_recycle_bin)
        self._action(file_menu, self.tr("Import household roster…"), None, self.open_import_wizard)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit_menu, self.tr("Find…"), QKeySequence.StandardKey.Find, self.focus_search)
        self._action(edit_menu, self.tr("Delete household (Del in the list)"), None, self.delete_current_household)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, spec in enumerate(self.specs, start=1):
            shortcut = section_shortcut(number)
            self._action(view_menu, self.tr(spec.title), QKeySequence(shortcut) if shortcut else None,
                         lambda key=spec.key: self.show_section(key))
        view_menu.addSeparator()
        self._action(view_menu, self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        settings_menu = self.settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self._action(settings_menu, self.tr("Community details…"), None, self.place_actions.edit_community)
        self._action(settings_menu, self.tr("Dispute reminders…"), None, self.edit_dispute_settings)
        language_menu = settings_menu.addMenu(self.tr("Interface language"))
        group = QActionGroup(self)
        current = i18n.chosen_language()
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("User guide"), QKeySequence.StandardKey.HelpContents, self.open_guide)
        self._action(help_menu, self.tr("About GridKeeper"), None, self.about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    # -- sections --------------------------------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def page(self, key: str) -> QWidget:
        """The section's widget, created on first use."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget_class = getattr(importlib.import_module(spec.module), spec.widget)
            widget = widget_class(self.ctx)
            signal = getattr(widget, "open_household", None)
            if signal is not None:
                signal.connect(self.open_household)
            if key == "households":
                widget.new_household.connect(self.new_household)
                widget.delete_household.connect(self.delete_current_household)
                widget.restore_state(QSettings())
            if key == "today":
                connect_today(widget, self.show_section)
            if getattr(widget, "open_dispute", None) is not None and "disputes" in self.section_keys():
                widget.open_dispute.connect(lambda dispute_id: self.show_section("disputes").show_dispute(dispute_id))
            self.stack.addWidget(widget)
            self.pages[key] = widget
        return self.pages[key]

    def show_section(self, key: str) -> QWidget:
        row = self.section_keys().index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _on_nav_row
        return self.pages[key]

    def current_section(self) -> str:
        row = self.nav.currentRow()
        return self.specs[row].key if row >= 0 else ""

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        try:
            self.stack.setCurrentWidget(self.page(self.specs[row].key))
        except Exception as exc:  # a section that fails to load must not take the window down
            log.exception("section %s failed", self.specs[row].key)
            QMessageBox.warning(self, self.tr("Section unavailable"),
                                self.tr("This section could not be opened: {0}").format(exc))

    def show_own_grid(self) -> bool:
        """A steward signed in: start on their own grid (the first, if they keep several); True if moved."""
        from gridkeeper.services.accounts import signed_in
        from gridkeeper.services.scope import Scope

        user = signed_in(self.ctx.engine)
        if user is None or user.is_admin or not user.grid_ids:
            return False
        with self.ctx.read() as session:
            codes = {grid.id: grid.code for grid in session.exec(select(Grid).where(Grid.id.in_(user.grid_ids)))}
        return bool(codes) and self.tree.select_scope(Scope(grid_id=min(codes, key=codes.get)))

    def _on_scope_picked(self, scope, label: str) -> None:
        self.scope_label.setText(label)
        self.ctx.set_scope(scope)

    # -- actions ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def open_household(self, household_id: int | None = None, *, unit_id: int | None = None):
        """Open the household editor (non-blocking); returns it."""
        from gridkeeper.ui.households.editor import HouseholdEditor

        if self.editor is not None and self.editor.isVisible() and not self.editor.close():
            return self.editor  # the user chose to stay with unsaved changes
        self.editor = HouseholdEditor(self.ctx, household_id, unit_id=unit_id, parent=self)
        self.editor.log_visit.connect(self.start_visit)
        self.editor.open()
        return self.editor

    def start_visit(self, household_id: int) -> None:
        """Visits, with the quick entry set to this household."""
        if "visits" in self.section_keys():
            self.show_section("visits").start_visit(household_id)

    def edit_dispute_settings(self) -> bool:
        from gridkeeper.ui.sections.dispute_settings import edit_dispute_settings

        return edit_dispute_settings(self, self.ctx)

    def new_household(self):
        return self.open_household(None)

    def delete_current_household(self, household_id: int | None = None) -> bool:
        """Del in the household list: ask, then move the selected household to the recycle bin."""
        page = self.pages.get("households")
        if household_id is None and page is not None and self.stack.currentWidget() is page:
            household_id = page.current_household_id()
        if household_id is None:
            return False
        answer = QMessageBox.question(self, self.tr("Delete household"), self.tr(
            "Delete this household with its residents, visits and requests?\nIt can be restored from the recycle bin."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return perform(self, self.ctx, lambda session: trash.delete_household(session, household_id),
                       changes=Change.HOUSEHOLDS) is not None

    def open_recycle_bin(self):
        from gridkeeper.ui.households.recycle_bin import RecycleBin

        self.recycle_bin = RecycleBin(self.ctx, self)
        self.recycle_bin.open()
        return self.recycle_bin

    def open_import_wizard(self):
        from gridkeeper.ui.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.ctx, self)
        self.import_wizard.open()
        return self.import_wizard

    def open_guide(self):
        """帮助 › 使用说明 (F1), beside the window so the steward can follow it while working."""
        from gridkeeper.ui.help_guide import GuideWindow

        self.guide = GuideWindow(self)
        self.guide.show()
        return self.guide

    def refresh(self) -> None:
        self.tree.reload()
        self.ctx.notify(Change.EVERYTHING)

    def choose_language(self, code: str) -> None:
        i18n.save_language(code)
        QMessageBox.information(self, self.tr("Interface language"),
                                self.tr("The new language is used from the next start of GridKeeper."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About GridKeeper"), self.tr(
            "GridKeeper {0}\nOffline desk software for community grid stewards.").format(__version__))

    # -- remembered layout -----------------------------------------------------------------------
    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        self._splitter_state = settings.value("main/splitter")
        last = settings.value("main/section", FIRST_SECTION)
        keys = self.section_keys()
        self.show_section(last if last in keys else (FIRST_SECTION if FIRST_SECTION in keys else keys[0]))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/section", self.current_section())
        if "households" in self.pages:
            self.pages["households"].save_state(settings)
        settings.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Restored once the window has its real size, or QSplitter squeezes the saved widths.
        state, self._splitter_state = getattr(self, "_splitter_state", None), None
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        self.save_layout()
        super().closeEvent(event)
