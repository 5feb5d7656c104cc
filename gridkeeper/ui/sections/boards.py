"""考核评比 Boards: the grid scoreboard and the property companies' red and black list, for the monthly meeting."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSpinBox, QTableView, QTabWidget, QVBoxLayout, QWidget)

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.period import Period, recent_periods
from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.reports.property_poster import compounds_text, days, pct, write_property_board
from gridkeeper.reports.scoreboard import change_text, write_scoreboard
from gridkeeper.services.grid_scoreboard import GridLine, GridScoreboard, grid_scoreboard
from gridkeeper.services.property_board import CompanyRow, PropertyBoard, property_board, set_thresholds, thresholds
from gridkeeper.ui.background_read import BackgroundRead
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.errors import show_error
from gridkeeper.ui.operations import perform
from gridkeeper.ui.sections.printing import print_pages
from gridkeeper.ui.worker import run_in_background
from gridkeeper.ui.widgets.table_model import Column, RowsModel

PERIODS_SHOWN = {"month": 13, "quarter": 8, "year": 4}
RED_LIST_BG = QColor("#fdecea")
BLACK_LIST_BG = QColor("#e0e0e0")
TOTAL_BG = QColor("#f2f2f2")


def _rate(line: GridLine, key: str) -> str:
    value = getattr(line.current, key)
    if value is None:
        return "—"
    change = change_text(line.trend()[key])
    return f"{value:.1f}%  {change}" if change else f"{value:.1f}%"


def _count(line: GridLine, key: str) -> str:
    value = getattr(line.current, key)
    change = change_text(line.trend()[key])
    return f"{value:g}  {change}" if change else f"{value:g}"


class BoardsSection(QWidget):
    """Pick a period; see the grids ranked (the community last) and the property companies ranked; save
    either as PDF or Excel, or print it. Figures follow what the one signed in may read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.grids: GridScoreboard | None = None
        self.companies: PropertyBoard | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="gridkeeper-boards-")
        self._stale = False  # data changed while the section was hidden: refresh when it is shown
        self.reader = BackgroundRead(self, ctx)  # both boards are read in a worker thread (seconds at 100k)
        self._grids_pending = False  # a read of both boards has been asked for and not yet shown
        self.kind = QComboBox(self)
        for key, text in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year"))):
            self.kind.addItem(text, key)
        self.period = QComboBox(self)
        self.period.setMinimumContentsLength(12)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._grid_tab(), self.tr("Grid scoreboard"))
        self.tabs.addTab(self._company_tab(), self.tr("Property companies' red and black list"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:"), self))
        top.addWidget(self.kind)
        top.addWidget(self.period)
        top.addWidget(self.reader.label)
        top.addStretch(1)
        for text, slot in ((self.tr("Save as PDF…"), lambda: self.ask_save(".pdf")),
                           (self.tr("Save as Excel…"), lambda: self.ask_save(".xlsx")),
                           (self.tr("Print…"), self.print_board)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            top.addWidget(button)
        self.heading = QLabel(self)
        self.heading.setObjectName("scope_heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setStyleSheet("color: #1f3b5c;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._fill_periods()
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tabs.currentChanged.connect(lambda _i: self._show_heading())
        ctx.data_changed.connect(self._data_changed)

    # -- building the tabs --------------------------------------------------------------------------
    def _table(self, model: RowsModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        # Sized once per result (set_rows below), not on every layout pass: 400 grids' rows measured on each
        # tab switch took most of a second.
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setResizeContentsPrecision(100)  # measured from a sample of rows
        view.horizontalHeader().setStretchLastSection(True)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        return view

    def _grid_tab(self) -> QWidget:
        total = lambda line: TOTAL_BG if line.grid_id is None else None  # noqa: E731
        self.grid_model = RowsModel([
            Column(self.tr("Rank"), lambda l: l.rank or "", background=total),
            Column(self.tr("Grid"), lambda l: f"{l.code} {l.name}".strip(), background=total),
            Column(self.tr("Steward"), lambda l: l.steward, background=total),
            Column(self.tr("Households"), lambda l: l.current.households, background=total, align_right=True),
            *(Column(header, lambda l, k=key: _rate(l, k), background=total, align_right=True,
                     tooltip=lambda l, k=key: self._previous_tip(l, k))
              for key, header in (("coverage_percent", self.tr("Visit coverage")),
                                  ("care_percent", self.tr("Care households on cadence")),
                                  ("on_time_percent", self.tr("Requests on time")),
                                  ("satisfaction_percent", self.tr("Satisfaction")),
                                  ("hazards_percent", self.tr("Hazards rectified on time")))),
            Column(self.tr("Vacant posts"), lambda l: _count(l, "vacant_posts"), background=total, align_right=True),
            Column(self.tr("Service hours"), lambda l: _count(l, "service_hours"), background=total, align_right=True),
            Column(self.tr("Score"), lambda l: "—" if l.current.score is None else _count(l, "score"),
                   background=total, align_right=True),
        ], self)
        page = QWidget(self)
        box = QVBoxLayout(page)
        self.grid_view = self._table(self.grid_model)
        box.addWidget(self.grid_view, 1)
        self.grid_note = QLabel(self.tr("Arrows compare with the previous period. The score is the mean of the "
                                        "percentages a grid has; grids are ranked by it. Visit coverage: households "
                                        "visited in the period; care households on cadence: not past their visiting "
                                        "interval at the end of the period (today while it runs)."), page)
        self.grid_note.setWordWrap(True)
        self.grid_note.setStyleSheet("color: #555;")
        box.addWidget(self.grid_note)
        return page

    def _company_tab(self) -> QWidget:
        def shade(row: CompanyRow):
            return {"red": RED_LIST_BG, "black": BLACK_LIST_BG}.get(row.standing)

        standing = {"red": self.tr("Red list"), "black": self.tr("Black list"), "middle": "",
                    "too_few": self.tr("Too few to rank")}
        self.company_model = RowsModel([
            Column(self.tr("Rank"), lambda r: r.rank or "", background=shade),
            Column(self.tr("Property company"), lambda r: r.name, background=shade),
            Column(self.tr("List"), lambda r: standing[r.standing], background=shade),
            Column(self.tr("Compounds"), lambda r: compounds_text(r.compounds), background=shade,
                   tooltip=lambda r: "、".join(r.compounds)),
            Column(self.tr("Households"), lambda r: r.households, background=shade, align_right=True),
            Column(self.tr("Requests"), lambda r: r.figures.received, background=shade, align_right=True),
            Column(self.tr("On time"), lambda r: pct(r.figures.on_time_percent), background=shade, align_right=True),
            Column(self.tr("Average days"), lambda r: days(r.figures.average_days), background=shade,
                   align_right=True),
            Column(self.tr("Overdue now"), lambda r: r.figures.overdue_now, background=shade, align_right=True),
            Column(self.tr("Satisfaction"), lambda r: pct(r.figures.satisfaction_percent), background=shade,
                   align_right=True),
        ], self)
        page = QWidget(self)
        box = QVBoxLayout(page)
        rules = QHBoxLayout()
        self.on_time_below = self._spin(QDoubleSpinBox(page), 0, 100, self.tr(" %"))
        self.satisfaction_below = self._spin(QDoubleSpinBox(page), 0, 100, self.tr(" %"))
        self.min_requests = self._spin(QSpinBox(page), 1, 10_000, "")
        self.red_count = self._spin(QSpinBox(page), 1, 100, "")
        for text, spin in ((self.tr("Black list below on time"), self.on_time_below),
                           (self.tr("or satisfaction"), self.satisfaction_below),
                           (self.tr("Ranked from requests"), self.min_requests),
                           (self.tr("Red list places"), self.red_count)):
            rules.addWidget(QLabel(text, page))
            rules.addWidget(spin)
        self.save_rules = QPushButton(self.tr("Keep as the community's rule"), page)
        self.save_rules.clicked.connect(self.keep_thresholds)
        self.save_rules.setEnabled(not self.ctx.read_only)  # the thresholds still re-rank on screen
        rules.addWidget(self.save_rules)
        rules.addStretch(1)
        box.addLayout(rules)
        self.company_view = self._table(self.company_model)
        box.addWidget(self.company_view, 1)
        self.basis = QLabel(page)
        self.basis.setWordWrap(True)
        self.basis.setStyleSheet("color: #555;")
        box.addWidget(self.basis)
        with self.ctx.read() as session:
            self.show_thresholds(thresholds(session))
        for spin in (self.on_time_below, self.satisfaction_below, self.min_requests, self.red_count):
            spin.valueChanged.connect(lambda _v: self.refresh_companies())
        return page

    def _spin(self, spin, low: int, high: int, suffix: str):
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        if isinstance(spin, QDoubleSpinBox):
            spin.setDecimals(0)
        return spin

    def _previous_tip(self, line: GridLine, key: str) -> str:
        value = getattr(line.previous, key)
        shown = "—" if value is None else f"{value:.1f}%"
        return self.tr("{0}: {1}").format(self.current_period().previous().label, shown)

    # -- period and figures ---------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        kind = self.kind.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for period in recent_periods(kind, self.ctx.today(), PERIODS_SHOWN[kind]):
            self.period.addItem(period.label, period)
        self.period.setCurrentIndex(1 if kind == "month" else 0)  # the month just closed, for the meeting
        self.period.blockSignals(False)
        self.refresh()

    def choose_period(self, period: Period) -> None:
        """Show `period` (tests and the meeting's own pick)."""
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        index = self.period.findText(period.label)
        self.period.setCurrentIndex(index if index >= 0 else 0)

    def current_period(self) -> Period:
        return self.period.currentData()

    def current_thresholds(self) -> Thresholds:
        return Thresholds(on_time_below=self.on_time_below.value(), satisfaction_below=self.satisfaction_below.value(),
                          min_requests=self.min_requests.value(), red_count=self.red_count.value())

    def show_thresholds(self, rules: Thresholds) -> None:
        for spin, value in ((self.on_time_below, rules.on_time_below), (self.satisfaction_below, rules.satisfaction_below),
                            (self.min_requests, rules.min_requests), (self.red_count, rules.red_count)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def refresh(self) -> None:
        """Both boards for the chosen period, read in the background (seconds at 100,000 households: only
        when shown, see `_data_changed`); a newer request (another period) wins over one still running."""
        if not hasattr(self, "company_model") or self.period.count() == 0:
            return
        self._stale = False
        self._grids_pending = True
        period, today, rules = self.current_period(), self.ctx.today(), self.current_thresholds()

        def read(session):
            return (grid_scoreboard(session, period=period, today=today),
                    property_board(session, period=period, today=today, rules=rules))

        self.reader.start(read, self._show_boards)

    def refresh_companies(self) -> None:
        """The red and black list alone: what the thresholds change (both boards while the grids are still
        being read, since only the newest read is shown)."""
        if getattr(self, "_grids_pending", False):
            self.refresh()
            return
        period, today, rules = self.current_period(), self.ctx.today(), self.current_thresholds()
        self.reader.start(lambda session: property_board(session, period=period, today=today, rules=rules),
                          self._show_companies)

    def _show_boards(self, boards: tuple[GridScoreboard, PropertyBoard]) -> None:
        self._grids_pending = False
        self.grids = boards[0]
        self.grid_model.set_rows([*self.grids.lines, self.grids.total])
        self.grid_view.resizeColumnsToContents()
        self._show_companies(boards[1])

    def _show_companies(self, companies: PropertyBoard) -> None:
        self.companies = companies
        self.company_model.set_rows([*self.companies.ranked, *self.companies.too_few])
        self.company_view.resizeColumnsToContents()
        self.basis.setText(self.tr("Basis of the ranking: {0}").format(self.companies.thresholds.basis()))
        self._show_heading()

    def _data_changed(self, _change: Change) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_heading(self) -> None:
        if self.grids is None:
            return
        what = self.tr("Grid scoreboard") if self.tabs.currentIndex() == 0 else \
            self.tr("Property companies' red and black list")
        self.heading.setText(self.tr("{0} — {1}, compared with {2}").format(
            what, self.grids.period.label, self.grids.period.previous().label))

    def keep_thresholds(self) -> None:
        try:
            rules = self.current_thresholds()
        except ValueRuleError as exc:
            show_error(self, str(exc))
            return
        perform(self, self.ctx, lambda session: set_thresholds(session, rules), changes=Change.SETTINGS)

    # -- output ---------------------------------------------------------------------------------------
    def save_to(self, path: Path) -> None:
        """Write the board on the current tab to `path` (.pdf or .xlsx), without dialogs (tests call it)."""
        self._writer(path)()

    def _writer(self, path: Path) -> Callable[[], None]:
        """Writing the board shown to `path`, as a function without widgets or sessions (400 grids' PDF take
        seconds: the buttons run it in the background)."""
        if self.tabs.currentIndex() == 0:
            grids = self.grids
            return lambda: write_scoreboard(grids, path)
        with self.ctx.read() as session:
            from gridkeeper.services.geography import get_community

            community = get_community(session)
        companies, hotline = self.companies, community.hotline if community else ""
        return lambda: write_property_board(companies, path, hotline=hotline)

    def _counted(self) -> bool:
        """The figures shown are the period chosen (not still being counted); says so otherwise."""
        if self.reader.loading() or self.grids is None or self.grids.period != self.current_period():
            show_error(self, self.tr("The figures are still being counted: try again in a moment."))
            return False
        return True

    def suggested_name(self, suffix: str) -> str:
        what = "网格考核" if self.tabs.currentIndex() == 0 else "物业服务企业红黑榜"
        return f"{self.grids.community}{what}-{self.current_period().text}{suffix}"

    def ask_save(self, suffix: str) -> None:
        if not self._counted():
            return
        kind = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        folder = QSettings().value("print/folder", "") or ""
        name = str(Path(folder) / self.suggested_name(suffix)) if folder else self.suggested_name(suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), name, kind)
        if not chosen:
            return
        QSettings().setValue("print/folder", str(Path(chosen).parent))
        write = self._writer(Path(chosen).with_suffix(suffix))
        self.task = run_in_background(self, lambda _progress: write(), label=self.tr("Saving…"), cancellable=False)

    def print_board(self) -> None:
        if not self._counted():
            return
        path = Path(self._folder.name) / "board.pdf"
        write = self._writer(path)
        self.task = run_in_background(self, lambda _progress: write(), on_done=lambda _r: self._print_file(path),
                                      label=self.tr("Preparing the pages…"), cancellable=False)

    def _print_file(self, path: Path) -> None:
        document = QPdfDocument(self)
        document.load(str(path))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.tabs.currentIndex() == 0:
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            print_pages(document, printer)
        document.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._folder.cleanup()
        super().closeEvent(event)

