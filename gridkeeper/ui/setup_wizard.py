"""The first run: a wizard that asks for the community and its grids, then offers the way in (import a roster,
enter compounds and buildings by hand, or look around in a separate demo file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWizard,
                               QWizardPage)

from gridkeeper.services.community_setup import (DISTRICT, GRID_CODE, GRID_NAME, HOTLINE, NAME, STEWARD,
                                                 STEWARD_PHONE, SUBDISTRICT, SUPERVISION, CommunityDetails,
                                                 GridDetails, checked_community, checked_grids, grid_field,
                                                 invented_names, needs_setup, set_up)
from gridkeeper.services.errors import ValidationFailed
from gridkeeper.services.geography import get_community
from gridkeeper.ui.context import Change
from gridkeeper.ui.operations import perform
from gridkeeper.ui.widgets.forms import FieldErrors, add_row, error_label

IMPORT, MANUAL, DEMO = "import", "manual", "demo"
GRID_COLUMNS = (GRID_CODE, GRID_NAME, STEWARD, STEWARD_PHONE)
ERROR_BG = QColor("#fde7e7")
DEMO_FILE = "网格管家演示数据.db"
DEMO_HOUSEHOLDS = 600


class CommunityPage(QWizardPage):
    """Step 1: the community as printed on every page, and its phones."""

    def __init__(self, ctx):
        super().__init__()
        self.setTitle(self.tr("Your community"))
        self.setSubTitle(self.tr("Welcome to GridKeeper. These details are printed on every ledger, notice and wall "
                                 "roster; all of them can be changed later (Settings › Community details)."))
        with ctx.read() as session:
            community = get_community(session)
        form = QFormLayout(self)
        self.errors = FieldErrors(error_label(self))
        self.name = QLineEdit(community.name if community else "")
        self.name.setPlaceholderText(self.tr("as printed, e.g. 福康社区居民委员会"))
        self.subdistrict = QLineEdit(community.subdistrict if community else "")
        self.subdistrict.setPlaceholderText(self.tr("e.g. 新华街道"))
        self.district = QLineEdit(community.district if community else "")
        self.district.setPlaceholderText(self.tr("e.g. 道里区"))
        self.hotline = QLineEdit(community.hotline if community else "")
        self.hotline.setPlaceholderText(self.tr("e.g. 0451-86123456"))
        self.supervision = QLineEdit(community.supervision_phone if community else "")
        self.supervision.setPlaceholderText(self.tr("e.g. 0451-86120000"))
        add_row(form, self.errors, self.tr("Community name"), self.name, NAME)
        add_row(form, self.errors, self.tr("Subdistrict (street)"), self.subdistrict, SUBDISTRICT)
        add_row(form, self.errors, self.tr("District"), self.district, DISTRICT)
        add_row(form, self.errors, self.tr("Service hotline"), self.hotline, HOTLINE)
        add_row(form, self.errors, self.tr("Supervision phone"), self.supervision, SUPERVISION)
        form.addRow(self.errors.general)

    def details(self) -> CommunityDetails:
        return CommunityDetails(self.name.text(), self.subdistrict.text(), self.district.text(), self.hotline.text(),
                                self.supervision.text())

    def validatePage(self) -> bool:
        self.errors.clear()
        try:
            checked_community(self.details())
        except ValidationFailed as exc:
            self.errors.show(exc)
            return False
        return True


class GridsPage(QWizardPage):
    """Step 2: the grids (code, name, steward and phone); saved with the community when leaving the page."""

    def __init__(self, wizard: "SetupWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Grids"))
        self.setSubTitle(self.tr("One row per grid. The code is short (FK-01); the name is printed on ledgers "
                                 "(第一网格). Grids can be added, renamed or removed later in the place tree."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Save and continue"))
        self.table = QTableWidget(0, len(GRID_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Grid code"), self.tr("Grid name"), self.tr("Steward"),
                                              self.tr("Steward's phone")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add, remove = QPushButton(self.tr("Add grid")), QPushButton(self.tr("Remove grid"))
        add.clicked.connect(lambda: self.add_grid())
        remove.clicked.connect(self.remove_grid)
        self.error_list = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error_list)
        self.add_grid()

    def add_grid(self, code: str = "", name: str = "", steward: str = "", phone: str = "") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((code, name, steward, phone)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)
        return row

    def remove_grid(self) -> None:
        if self.table.rowCount() > 1 and self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def grids(self) -> list[GridDetails]:
        """The rows typed, leaving out rows left completely empty."""
        rows = []
        for row in range(self.table.rowCount()):
            values = [(self.table.item(row, c).text() if self.table.item(row, c) else "") for c in range(4)]
            if any(v.strip() for v in values):
                rows.append(GridDetails(*values))
        return rows

    def cell_error(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.toolTip() if item else ""

    def _mark(self, exc: ValidationFailed | None) -> None:
        """Each wrong cell red with its reason as tooltip; all reasons listed under the table."""
        filled = [r for r in range(self.table.rowCount())
                  if any((self.table.item(r, c) and self.table.item(r, c).text().strip()) for c in range(4))]
        for row in range(self.table.rowCount()):
            for column in range(4):
                item = self.table.item(row, column)
                if item is None:  # (setItem on an item the table already owns only makes Qt warn)
                    item = QTableWidgetItem("")
                    self.table.setItem(row, column, item)
                item.setBackground(QBrush())
                item.setToolTip("")
        if exc is None:
            self.error_list.hide()
            return
        for error in exc.errors:
            for index, row in enumerate(filled):
                for column, name in enumerate(GRID_COLUMNS):
                    if error.field == grid_field(index, name):
                        self.table.item(row, column).setBackground(ERROR_BG)
                        self.table.item(row, column).setToolTip(error.reason)
        self.error_list.setText("\n".join(str(e) for e in exc.errors))
        self.error_list.show()

    def validatePage(self) -> bool:
        try:
            with self.wiz.ctx.read() as session:
                checked_grids(session, self.grids())
        except ValidationFailed as exc:
            self._mark(exc)
            return False
        self._mark(None)
        details, grids = self.wiz.community_page.details(), self.grids()
        return perform(self, self.wiz.ctx, lambda session: set_up(session, details, grids),
                       changes=Change.PLACES) is not None  # a failure is shown; nothing was saved


class NextStepPage(QWizardPage):
    """Step 3: how to fill the community in."""

    def __init__(self, wizard: "SetupWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("How do you want to start?"))
        self.setSubTitle(self.tr("The community and its grids are saved. Choose how to enter the households."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        self.options = {}
        for key, text, detail in (
                (IMPORT, self.tr("Import a household roster"),
                 self.tr("From the Excel, WPS or CSV list you already keep: the import checks every row first.")),
                (MANUAL, self.tr("Enter compounds and buildings by hand"),
                 self.tr("Create a compound and a building; its units and rooms are laid out in one step.")),
                (DEMO, self.tr("Look around in demo data first"),
                 self.tr("Opens a separate demo file ({0}) with made-up households; your community's data stays "
                         "untouched.").format(DEMO_FILE))):
            button = QRadioButton(text)
            note = QLabel(detail)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            self.group.addButton(button)
            self.options[key] = button
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)
        self.options[MANUAL].setChecked(True)

    def choice(self) -> str:
        return next(key for key, button in self.options.items() if button.isChecked())


class SetupWizard(QWizard):
    """Community → grids → the way in. `choice()` after it is accepted."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Set up GridKeeper"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(760, 560)
        self.community_page = CommunityPage(ctx)
        self.grids_page = GridsPage(self)
        self.next_page = NextStepPage(self)
        for page in (self.community_page, self.grids_page, self.next_page):
            self.addPage(page)

    def choice(self) -> str:
        return self.next_page.choice()


def demo_path(db_path: Path | None) -> Path:
    """The demo file: next to the community's own database, never the same file."""
    from gridkeeper import paths

    folder = db_path.parent if db_path else paths.default_db_path().parent
    return folder / DEMO_FILE


def open_demo(window) -> object:
    """Create (once) and open the demo file in a second window; says where it is."""
    from gridkeeper.demo.generator import generate
    from gridkeeper.services.database import open_database
    from gridkeeper.ui.context import AppContext

    path = demo_path(window.ctx.db_path)
    if not path.exists():
        engine = open_database(path, create=True).engine
        try:
            generate(engine, households=DEMO_HOUSEHOLDS, seed=1, today=window.ctx.today())
        finally:
            engine.dispose()
    # A window of the same kind as `window` (not ui.app's opener: that would import this module back).
    demo = type(window)(AppContext(open_database(path), today=window.ctx._today))
    demo.setWindowTitle(demo.windowTitle() + QCoreApplication.translate("SetupWizard", " — DEMO DATA"))
    from gridkeeper.ui.data_menu import install_data_menu

    install_data_menu(demo, demo.ctx)  # back up / check the demo file like any other
    window.demo_window = demo
    demo.show()
    QMessageBox.information(demo, QCoreApplication.translate("SetupWizard", "Demo data"), QCoreApplication.translate(
        "SetupWizard", "The demo data is in its own file:\n{0}\n\nNothing you do there touches your community's "
        "database ({1}). Close the demo window to go back to your own data.").format(path, window.ctx.db_path or ""))
    return demo


def follow_choice(window, choice: str):
    """What the last page chose: the import wizard, the new-building dialog, or the demo window."""
    if choice == IMPORT:
        return window.open_import_wizard()
    if choice == DEMO:
        return open_demo(window)
    actions = window.place_actions
    with window.ctx.read() as session:
        from sqlmodel import select

        from gridkeeper.storage.models import Compound, Grid

        has_compound = session.exec(select(Compound.id)).first() is not None
        first_grid = session.exec(select(Grid.id).order_by(Grid.code)).first()
    if not has_compound and not actions.new_compound():
        return None
    return actions.new_building(grid_id=first_grid)


def run_setup_if_needed(window) -> bool:
    """On an empty database, run the wizard over the main window; True when it was completed."""
    from gridkeeper.ui.widgets import forms

    if window.ctx.read_only:
        return False
    with window.ctx.read() as session:
        if not needs_setup(session):
            return False
    wizard = SetupWizard(window.ctx, window)
    window.setup_wizard = wizard
    if not forms.run_dialog(wizard):
        window.tree.reload()
        return False
    follow_choice(window, wizard.choice())
    return True


def on_opening(window) -> None:
    """When the window first shows: the setup wizard on an empty database, or the offer to replace names
    an earlier import made up."""
    if run_setup_if_needed(window) or window.ctx.read_only:
        return
    with window.ctx.read() as session:
        invented = invented_names(session)
    if invented:
        ask_for_real_names(window, invented)


def ask_for_real_names(window, invented: list[str]) -> bool:
    """An older import made up names that are printed on every ledger: offer to type the real ones."""
    from gridkeeper.ui.widgets import forms

    text = QCoreApplication.translate(
        "SetupWizard", "These names were made up by an earlier import and are printed on every ledger and notice:\n"
        "{0}\n\nEnter the community's real details now? (Grids are renamed in the place tree: select one, "
        "press F2.)").format("、".join(invented))
    if not forms.confirm(window, text):
        return False
    if any(name.startswith("社区") for name in invented):
        return window.place_actions.edit_community()
    return True


def offer_to_create(path: Path, parent=None, *, choose=None) -> bool:
    """`--db` names a file that does not exist: offer to create a new community database there.
    `choose(box, create_button)` replaces the click in tests."""
    title = QCoreApplication.translate("SetupWizard", "Database not found")
    text = QCoreApplication.translate(
        "SetupWizard", "There is no database at\n{0}\n\nCreate a new, empty community database there? A setup "
        "wizard then asks for the community and its grids.").format(path)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Close, parent)
    create = box.addButton(QCoreApplication.translate("SetupWizard", "Create the database"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(create)
    clicked = choose(box, create) if choose else (box.exec(), box.clickedButton())[1]
    return clicked is create
