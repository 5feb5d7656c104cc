"""The roster import wizard: choose a file → check the header and column mapping → preview problems → import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QSplitter, QTableView, QTableWidget,
                               QVBoxLayout, QWizard, QWizardPage)
from sqlmodel import select

from gridkeeper.excel import cells
from gridkeeper.excel.columns import FIELDS, HEADER_SEARCH_ROWS, TENANT_LIST_KEYS, build_header
from gridkeeper.excel.importer import ImportResult, Roster, import_roster, open_roster, summary_lines
from gridkeeper.excel.problems import ImportConflict, Problem
from gridkeeper.storage.models import Grid
from gridkeeper.ui.widgets.table_model import AMBER_BG, RED, RED_BG
from gridkeeper.ui.errors import report_failure
from gridkeeper.ui.operations import Change, perform_in_background
from gridkeeper.ui.worker import run_in_background

FILE_FILTER = QT_TRANSLATE_NOOP("FilePage", "Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)")


def _stage_reporter(progress):
    """Adapts the importer's progress(done, total, stage) to the worker's progress and label."""
    seen: list[str] = []

    def report(done: int, total: int, stage: str) -> None:
        if not seen or seen[-1] != stage:
            seen.append(stage)
            progress.message(stage + "…")
        progress(done, total)

    return report


class SheetModel(QAbstractTableModel):
    """The sheet's rows from the header down; problem cells coloured, the reason as tooltip."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.roster: Roster | None = None
        self.cell_problems: dict[tuple[int, int], list[Problem]] = {}
        self.row_problems: dict[int, list[Problem]] = {}

    def set_data(self, roster: Roster, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.roster = roster
        names = roster.header.names
        self.cell_problems, self.row_problems = {}, {}
        for problem in problems:
            if problem.row <= roster.header.row:
                continue
            column = names.index(problem.column) if problem.column in names else -1
            self.cell_problems.setdefault((problem.row, column), []).append(problem)
            self.row_problems.setdefault(problem.row, []).append(problem)
        self.endResetModel()

    def _rows(self) -> list[list]:
        return self.roster.sheet.rows[self.roster.header.index + 1:] if self.roster else []

    def excel_row(self, row: int) -> int:
        return self.roster.header.index + 2 + row

    def model_row(self, excel_row: int) -> int:
        return excel_row - self.roster.header.index - 2

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.roster else len(self.roster.header.names)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not self.roster:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.roster.header.names[section] or f"({section + 1})"
        return str(self.excel_row(section))  # the row number the user sees in Excel

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows()[index.row()]
        excel_row = self.excel_row(index.row())
        problems = self.cell_problems.get((excel_row, index.column()), [])
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.shown(row[index.column()]) if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return RED_BG if any(p.is_error for p in problems) else AMBER_BG
        if role == Qt.ItemDataRole.ForegroundRole and any(p.is_error for p in problems):
            return RED
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p.reason for p in problems or self.row_problems.get(excel_row, [])) or None
        return None


class FilePage(QWizardPage):
    """Step 1: the file and the grid to import into."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(self.tr("An Excel, WPS or CSV file with one row per household or one row per person."))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        self.grid_box = QComboBox()
        self.grid_box.setEditable(True)
        with wizard.ctx.read() as session:
            for grid in session.exec(select(Grid).order_by(Grid.code)):
                self.grid_box.addItem(f"{grid.code} {grid.name}", grid.code)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Import into grid"), self.grid_box)
        if self.grid_box.count() == 0:
            form.addRow(QLabel(self.tr("There is no grid yet: create one first in the place tree on the left "
                                       "(right-click the community), then import into it.")))
        self.path_edit.textChanged.connect(self.completeChanged)

    def grid_code(self) -> str:
        index = self.grid_box.currentIndex()
        text = self.grid_box.currentText().strip()
        if index >= 0 and self.grid_box.itemText(index) == text:
            return self.grid_box.itemData(index)
        return text.split(" ")[0]

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the roster file"), "", self.tr(FILE_FILTER))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        if not self.grid_code():
            QMessageBox.warning(self, self.tr("Import"), self.tr("Please enter the grid to import into."))
            return False
        if self.grid_box.findData(self.grid_code()) < 0:
            # Never a grid named after its code: the name is printed on every ledger.
            QMessageBox.warning(self, self.tr("Import"), self.tr(
                "There is no grid {0}. Create it in the place tree first (right-click the community → New grid), "
                "with the name to print on ledgers, then import into it.").format(self.grid_code()))
            return False
        path = Path(self.path_edit.text().strip())
        if self.wiz.roster is not None and self.wiz.roster.path == path:
            return True
        self.wiz.load_file(path)
        return False  # the wizard moves on once the file has been read


class MappingPage(QWizardPage):
    """Step 2: the header row found and what each column imports as (both correctable)."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Header and columns"))
        self.setSubTitle(self.tr("Check which row holds the column names and what each column is."))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, HEADER_SEARCH_ROWS)
        self.header_row.valueChanged.connect(self._row_changed)
        self.layout_label = QLabel()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Imports as")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        form.addRow(self.tr("Header row (as numbered in Excel)"), self.header_row)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.layout_label)
        box.addWidget(self.table)

    def initializePage(self) -> None:
        header = self.wiz.roster.header
        self.header_row.blockSignals(True)
        self.header_row.setValue(header.row)
        self.header_row.blockSignals(False)
        self._fill(header.names, header.mapping)

    def _row_changed(self, value: int) -> None:
        rows = self.wiz.roster.sheet.rows
        if value - 1 < len(rows):
            header = build_header(rows, value - 1)
            self._fill(header.names, header.mapping)

    def _fill(self, names: list[str], mapping: dict[int, str]) -> None:
        self.table.setRowCount(len(names))
        for column, name in enumerate(names):
            self.table.setItem(column, 0, _item(name or f"({column + 1})"))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for key, (label, _names) in FIELDS.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, ""))))
            combo.currentIndexChanged.connect(self._update_layout_label)
            self.table.setCellWidget(column, 1, combo)
        self._update_layout_label()

    def mapping(self) -> dict[int, str]:
        chosen: dict[int, str] = {}
        for column in range(self.table.rowCount()):
            key = self.table.cellWidget(column, 1).currentData()
            if key and key not in chosen.values():
                chosen[column] = key
        return chosen

    def _update_layout_label(self) -> None:
        chosen = set(self.mapping().values())  # a tenant list (房东, 租期, 居住证号 …) is one row per tenant
        per_person = "relation" in chosen or bool(chosen & TENANT_LIST_KEYS)
        self.layout_label.setText(self.tr("Layout: one row per person, grouped into households by address")
                                  if per_person else self.tr("Layout: one row per household (the head of household)"))

    def validatePage(self) -> bool:
        if self.wiz.advancing:
            return True
        roster = self.wiz.roster.with_mapping(self.header_row.value() - 1, self.mapping())
        blocking = [p for p in roster.header.problems if p.is_error]
        if blocking:
            QMessageBox.warning(self, self.tr("Import"), "\n".join(p.describe() for p in blocking))
            return False
        self.wiz.checked_roster = roster
        self.wiz.check()
        return False  # moves on once the rows have been checked


class PreviewPage(QWizardPage):
    """Step 3: every row with problem cells highlighted; the problems listed with their reasons."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = SheetModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                                 self.tr("Problem")])
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.cellClicked.connect(self._go_to_problem)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.problems)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(splitter)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import valid rows"))

    def show_result(self, roster: Roster, result: ImportResult) -> None:
        self.model.set_data(roster, result.problems)
        shown = result.problems[:2000]  # the sheet view shows them all; the list is for reading
        self.problems.setRowCount(len(shown))
        for n, problem in enumerate(shown):
            reason = problem.reason if problem.is_error else self.tr("Note: {0}").format(problem.reason)
            for c, value in enumerate((str(problem.row or ""), problem.column, problem.value, reason)):
                self.problems.setItem(n, c, _item(value))
        # Whole ID numbers and reasons, not "1101051953…"; measured on a sample of rows (rosters can be long).
        self.view.horizontalHeader().setResizeContentsPrecision(200)
        self.view.resizeColumnsToContents()
        self.problems.resizeColumnsToContents()
        lines = summary_lines(result, dry_run=True)
        if result.errors:
            lines.append(self.tr("Rows with errors (red) are skipped; fix them in the file and import it again."))
        self.summary.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        result = self.wiz.preview
        return bool(result and result.rows_imported)

    def _go_to_problem(self, row: int, _column: int) -> None:
        problem = self.wiz.preview.problems[row]
        if problem.row > self.model.roster.header.row:
            names = self.model.roster.header.names
            column = names.index(problem.column) if problem.column in names else 0
            self.view.setCurrentIndex(self.model.index(self.model.model_row(problem.row), column))

    def validatePage(self) -> bool:
        if self.wiz.result is not None:
            return True  # QWizard.accept() asks again once the import is done
        self.wiz.run_import()
        return False  # the wizard closes once the import has been written


class ImportWizard(QWizard):
    """Import a household roster into the open database; everything is one transaction."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.roster: Roster | None = None
        self.checked_roster: Roster | None = None
        self.preview: ImportResult | None = None
        self.result: ImportResult | None = None
        # Held so the finished task is freed here on the UI thread, not by the worker thread that
        # drops its last reference (a QObject destroyed off its thread crashes PySide).
        self._task = None
        self.advancing = False  # set while moving on after background work that a page waited for
        self.setWindowTitle(self.tr("Import household roster"))
        self.resize(960, 680)
        self.file_page, self.mapping_page, self.preview_page = FilePage(self), MappingPage(self), PreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        if ctx.read_only:
            self.file_page.setEnabled(False)

    def load_file(self, path: Path) -> None:
        def done(roster: Roster) -> None:
            self.roster, self.preview = roster, None
            self.next()

        self._task = run_in_background(self, lambda _progress: open_roster(path), on_done=done,
                          label=self.tr("Reading the file…"), cancellable=False)

    def check(self, *, advance: bool = True) -> None:
        """Check the rows (a trial write, rolled back) and show the preview; `advance`: move on to it."""
        roster, grid = self.checked_roster, self.file_page.grid_code()

        def work(session, progress):  # a trial write, rolled back by the importer
            return import_roster(session, roster, grid_code=grid, dry_run=True, skip_invalid=True,
                                 today=self.ctx.today(), progress=_stage_reporter(progress))

        def done(result: ImportResult) -> None:
            self.preview = result
            self.preview_page.show_result(roster, result)
            if not advance:
                return
            self.advancing = True
            try:
                self.next()
            finally:
                self.advancing = False

        self._task = perform_in_background(self, self.ctx, work, on_done=done, label=self.tr("Checking the rows…"))

    def run_import(self) -> None:
        roster, grid = self.checked_roster, self.file_page.grid_code()
        checked = self.preview.versions if self.preview else None  # what the preview was checked against

        def work(session, progress):  # committed when it returns, nothing kept if it fails part-way
            return import_roster(session, roster, grid_code=grid, skip_invalid=True, today=self.ctx.today(),
                                 progress=_stage_reporter(progress), before_write=self._backup,
                                 checked_versions=checked)

        def changed_meanwhile(exc: BaseException) -> bool:
            """Records changed on another PC since the check: nothing was imported. Say which rows, then check
            again so the preview compares the file with what is saved now; Import once it looks right."""
            if not isinstance(exc, ImportConflict):
                return False
            report_failure(self, exc)
            self.check(advance=False)
            return True

        def done(result: ImportResult) -> None:
            self.result = result
            QMessageBox.information(self, self.tr("Import finished"), "\n".join(summary_lines(result)))
            self.accept()

        self._task = perform_in_background(self, self.ctx, work, changes=Change.EVERYTHING, on_done=done,
                                           on_error=changed_meanwhile, label=self.tr("Importing…"))

    def _backup(self) -> None:
        """A verified backup first, when the database is a file and this build has backups."""
        if not self.ctx.db_path:
            return
        try:
            from gridkeeper.storage import backup
        except ImportError:
            return
        backup.backup_before(self.ctx.db_path, "import")


def _item(text: str):
    from PySide6.QtWidgets import QTableWidgetItem

    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
