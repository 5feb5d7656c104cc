"""打印与导出 Print & export: pick a document, scope and period, preview it, print it or save it as PDF/xlsx."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)
from sqlmodel import select

from gridkeeper.reports import jobs
from gridkeeper.reports.jobs import DOCUMENTS, PrintJob, file_name, print_document
from gridkeeper.reports.notices import list_templates
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.member_summary import recent_half_years
from gridkeeper.services.place_lists import buildings_in, grid_of
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Grid, Unit
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.operations import perform_in_background

BUILDING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


class PrintSection(QWidget):
    """The Print & export section; generation runs off the UI thread, the preview shows the real PDF."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._folder = tempfile.TemporaryDirectory(prefix="gridkeeper-print-")
        self.preview_path: Path | None = None
        self.task = None
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._shown_for: PrintJob | None = None  # the settings the preview on screen was made with
        self._build_controls()
        # Until a preview exists, the preview area says what to do instead of showing an empty grey box.
        self.hint = QLabel(self.tr("Choose the document, the scope and the period on the left, then press "
                                   "Preview.\nNothing is printed or saved until you ask."), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555; font-size: 15px;")
        self.preview_area = QStackedWidget(self)
        self.preview_area.addWidget(self.hint)
        self.preview_area.addWidget(self._viewer())
        layout = QHBoxLayout(self)
        layout.addWidget(self.controls, 0)
        layout.addWidget(self.preview_area, 1)
        self.refresh()
        self.follow_scope(ctx.scope)
        ctx.data_changed.connect(lambda change: change.affects(Change.PLACES) and self.refresh())
        ctx.scope_changed.connect(self.follow_scope)
        self._watch_settings()

    def _viewer(self) -> QWidget:
        """The PDF view with zoom buttons above it."""
        page = QWidget(self)
        bar = QHBoxLayout()
        self.zoom_out = QPushButton(self.tr("Zoom out"), page)
        self.zoom_in = QPushButton(self.tr("Zoom in"), page)
        self.fit_width = QPushButton(self.tr("Fit width"), page)
        self.zoom_label = QLabel(page)
        self.zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_out.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width.clicked.connect(self.zoom_to_width)
        for widget in (self.zoom_out, self.zoom_in, self.fit_width, self.zoom_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.view, 1)
        self._show_zoom()
        return page

    def zoom_by(self, factor: float) -> None:
        """Zoom from what is shown now (the fitted width, the first time) by `factor`, within 25%–400%."""
        current = self._fitted_zoom() if self.view.zoomMode() != QPdfView.ZoomMode.Custom else self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * factor)))
        self._show_zoom()

    def zoom_to_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _fitted_zoom(self) -> float:
        """The zoom factor that fitting the page width amounts to (QPdfView keeps it to itself)."""
        if self.pdf.pageCount() == 0:
            return 1.0
        points = self.pdf.pagePointSize(0).width()
        pixels = points * self.view.logicalDpiX() / 72
        return max(MIN_ZOOM, (self.view.viewport().width() - 2 * self.view.documentMargins().left()) / pixels)

    def _show_zoom(self) -> None:
        fitted = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.zoom_label.setText(f"{self._fitted_zoom() if fitted else self.view.zoomFactor():.0%}")

    # ------------------------------------------------------------ controls

    def _build_controls(self) -> None:
        self.controls = QWidget(self)
        self.controls.setMaximumWidth(340)
        self.document = QComboBox(self)
        for key, name in DOCUMENTS.items():
            self.document.addItem(name, key)
        self.grid = QComboBox(self)
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        today = self.ctx.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.half = QComboBox(self)
        for half in recent_half_years(today):
            text = self.tr("{0}, first half") if half.half == 1 else self.tr("{0}, second half")
            self.half.addItem(text.format(half.year), f"{half.year}-H{half.half}")
        self.full = QCheckBox(self.tr("Show full ID numbers and phone numbers"), self)
        self.full.setToolTip(self.tr("Off by default: ID numbers and phones are printed masked."))
        self.a3 = QCheckBox(self.tr("A3 paper"), self)
        self.due_only = QCheckBox(self.tr("Only households due for a visit"), self)
        self.unvisited = QCheckBox(self.tr("Only households not visited this month"), self)
        self.building = QComboBox(self)
        self.buildings = QLineEdit(self)
        self.buildings.setPlaceholderText(self.tr("e.g. 3-7 (blank: every building)"))
        self.template = QComboBox(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Notable work of the period, printed on the report's last page "
                                              "(blank: ruled lines to write on)"))
        self.notes.setMinimumHeight(90)
        self.edit_template = QPushButton(self.tr("Edit template…"), self)
        self.edit_template.clicked.connect(self._edit_template)
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document)
        form.addRow(self.tr("Scope"), self.grid)
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Half-year"), self.half)
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Buildings"), self.buildings)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Notable work"), self.notes)
        self._form = form
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_pdf = QPushButton(self.tr("Save as PDF…"), self)
        self.save_xlsx = QPushButton(self.tr("Save as Excel…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        box = QVBoxLayout(self.controls)
        box.addLayout(form)
        for widget in (self.edit_template, self.full, self.a3, self.due_only, self.unvisited, self.preview_button,
                       self.print_button, self.save_pdf, self.save_xlsx, self.status):
            box.addWidget(widget)
        box.addStretch(1)
        self.preview_button.clicked.connect(self.generate_preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf.clicked.connect(lambda: self._ask_save(".pdf"))
        self.save_xlsx.clicked.connect(lambda: self._ask_save(".xlsx"))
        self.document.currentIndexChanged.connect(self._update_visibility)
        self.grid.currentIndexChanged.connect(lambda _i: self._load_buildings())

    def refresh(self) -> None:
        """Reload grids and templates (after places change or a template is saved)."""
        current = self.grid.currentData()
        self._grid_ids: dict[int, str] = {}
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("Whole community"), None)
        with self.ctx.read() as session:
            for grid in session.exec(select(Grid).order_by(Grid.code)):
                self.grid.addItem(f"{grid.code} {grid.name}", grid.code)
                self._grid_ids[grid.id] = grid.code
        index = self.grid.findData(current)
        self.grid.setCurrentIndex(index if index >= 0 else min(1, self.grid.count() - 1))
        self.grid.blockSignals(False)
        self._load_buildings()
        self._load_templates()
        self._update_visibility()

    def _load_buildings(self, choose: int | None = None) -> None:
        """The chosen grid's buildings (by name, as the documents print them); `choose` is a building id."""
        keep = choose or self.building.currentData(BUILDING_ID_ROLE)
        self.building.blockSignals(True)
        self.building.clear()
        self.building.addItem(self.tr("Every building of the grid"), "")
        grid_id = next((gid for gid, code in self._grid_ids.items() if code == self.grid.currentData()), None)
        if grid_id is not None:
            with self.ctx.read() as session:
                for building in buildings_in(session, Scope(grid_id=grid_id)):
                    self.building.addItem(building.label, building.label)
                    self.building.setItemData(self.building.count() - 1, building.id, BUILDING_ID_ROLE)
        found = self.building.findData(keep, BUILDING_ID_ROLE) if keep else -1
        self.building.setCurrentIndex(max(0, found))
        self.building.blockSignals(False)
        self._settings_changed()

    def follow_scope(self, scope: Scope) -> None:
        """Start from the place chosen in the tree: its grid, and its building when one is chosen."""
        with self.ctx.read() as session:
            grid_id = grid_of(session, scope)
            building_id = scope.building_id
            if scope.unit_id and not building_id:
                unit = session.get(Unit, scope.unit_id)
                building_id = unit.building_id if unit else None
        code = self._grid_ids.get(grid_id) if grid_id else None
        self.grid.blockSignals(True)
        if scope.is_all:
            self.grid.setCurrentIndex(0)  # 全社区
        elif code:
            self.grid.setCurrentIndex(max(0, self.grid.findData(code)))
        self.grid.blockSignals(False)
        self._load_buildings(choose=building_id or -1)

    def _load_templates(self, select_name: str | None = None) -> None:
        self.template.clear()
        for template in list_templates():
            self.template.addItem(template.label + (self.tr(" (mine)") if template.user else ""), template)
            if template.name == select_name:
                self.template.setCurrentIndex(self.template.count() - 1)

    def _edit_template(self) -> None:
        from gridkeeper.ui.sections.notice_editor import NoticeEditor

        template = self.template.currentData()
        if template is None:
            return
        dialog = NoticeEditor(template, self)
        result = dialog.exec()
        if result:
            self._load_templates(dialog.saved.name if dialog.saved else template.name)

    def _update_visibility(self) -> None:
        """Only the options the chosen document uses (reports.jobs.OPTIONS says which)."""
        job = PrintJob(self.document.currentData() or "")
        widgets = {jobs.MONTH: [self.month], jobs.YEAR: [self.year], jobs.HALF: [self.half],
                   jobs.BUILDING: [self.building], jobs.UNVISITED: [self.unvisited], jobs.BUILDINGS: [self.buildings],
                   jobs.TEMPLATE: [self.template, self.edit_template], jobs.A3: [self.a3],
                   jobs.DUE_ONLY: [self.due_only], jobs.FULL: [self.full], jobs.XLSX: [self.save_xlsx],
                   jobs.NOTES: [self.notes]}
        shown = {widget: job.uses(option) for option, group in widgets.items() for widget in group}
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self._form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def job(self) -> PrintJob:
        """What the controls say should be printed."""
        picked = self.month.date()
        return PrintJob(self.document.currentData(), grid_code=self.grid.currentData(),
                        month=date(picked.year(), picked.month(), 1), half=self.half.currentData() or "",
                        full=self.full.isVisible() and self.full.isChecked(), a3=self.a3.isChecked(),
                        building=(self.building.currentData() or "") if self.building.isVisibleTo(self) else "",
                        due_only=self.due_only.isChecked(),
                        unvisited_this_month=self.unvisited.isVisibleTo(self) and self.unvisited.isChecked(),
                        template=self.template.currentData(), buildings=self.buildings.text().strip(),
                        today=self.ctx.today(), notes=self.notes.toPlainText() if self.notes.isVisibleTo(self) else "",
                        year=self.year.value())

    # ------------------------------------------------------------ work

    def _run(self, job: PrintJob, path: Path, on_done) -> None:
        """Write `job` to `path` in a worker; `on_done(description)` on the UI thread."""
        def work(session, progress):
            progress(0, 0)
            return str(print_document(session, job, path))

        self.status.setText(self.tr("Generating…"))
        self.task = perform_in_background(self, self.ctx, work, on_done=on_done,
                                          label=self.tr("Generating the document…"),
                                          on_error=lambda exc: self.status.setText("") or False)

    def generate_preview(self) -> None:
        """Generate into a temporary PDF and show it."""
        self.pdf.close()
        self._previews = getattr(self, "_previews", 0) + 1
        path = Path(self._folder.name) / f"preview-{self._previews}.pdf"
        job = self.job()
        self._run(job, path, lambda what: self._show(path, what, job))

    def _show(self, path: Path, what: str, job: PrintJob | None = None) -> None:
        if job is not None and job != self.job():
            return  # the settings changed while it was being made: it would show the wrong document
        self.preview_path = path
        self._shown_for = self.job()
        self.pdf.load(str(path))
        self.preview_area.setCurrentWidget(self.view.parentWidget())
        self._show_zoom()
        self.status.setText(self.tr("Preview: {0} ({1} pages)").format(what, self.pdf.pageCount()))

    def _watch_settings(self) -> None:
        """Any change of document, scope, period or option makes the preview on screen stale."""
        for box in (self.document, self.grid, self.half, self.building, self.template):
            box.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.month.dateChanged.connect(lambda _d: self._settings_changed())
        self.buildings.textChanged.connect(lambda _t: self._settings_changed())
        self.notes.textChanged.connect(self._settings_changed)
        self.year.valueChanged.connect(lambda _y: self._settings_changed())
        for box in (self.full, self.a3, self.due_only, self.unvisited):
            box.toggled.connect(lambda _on: self._settings_changed())

    def _settings_changed(self) -> None:
        if self._shown_for is None or self._shown_for == self.job():
            return
        self.pdf.close()
        self.preview_path = self._shown_for = None
        self.hint.setText(self.tr("The settings changed since the last preview. Press Preview to see the "
                                  "document as it is now."))
        self.preview_area.setCurrentWidget(self.hint)
        self.status.setText("")

    def save_to(self, path: Path) -> None:
        """Save the chosen document at `path` (.pdf or .xlsx); without dialogs (tests call it)."""
        self._run(self.job(), Path(path), lambda what: self.status.setText(
            self.tr("Saved {0} to {1}").format(what, path)))

    def suggested_name(self, suffix: str) -> str:
        """The file name the save dialog offers: 福康社区第三网格走访台账-2026-11.pdf."""
        try:
            with self.ctx.read() as session:
                return file_name(session, self.job(), suffix)
        except ServiceError:
            return f"{self.document.currentText()}{suffix}"

    def _ask_save(self, suffix: str) -> None:
        kind = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        folder = QSettings().value("print/folder", "") or ""
        name = str(Path(folder) / self.suggested_name(suffix)) if folder else self.suggested_name(suffix)
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), name, kind)
        if chosen:
            QSettings().setValue("print/folder", str(Path(chosen).parent))
        if chosen:
            self.save_to(Path(chosen).with_suffix(suffix))

    def print_document(self) -> None:
        """Print the previewed PDF (generating it first if needed) through the system print dialog."""
        if self.preview_path is None or self.pdf.pageCount() == 0:
            self._run(self.job(), Path(self._folder.name) / "print.pdf",
                      lambda what: (self._show(Path(self._folder.name) / "print.pdf", what), self._print_pdf()))
            return
        self._print_pdf()

    def _print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        first = self.pdf.pagePointSize(0)
        if first.width() > first.height():
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        print_pages(self.pdf, printer)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.pdf.close()
        self._folder.cleanup()
        super().closeEvent(event)


def print_pages(pdf: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page of `pdf` onto `printer` at its resolution; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(pdf.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = pdf.pagePointSize(page).toSize().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image: QImage = pdf.render(page, QSize(size.width(), size.height()))
            painter.drawImage(target.topLeft(), image)
    finally:
        painter.end()
    return pdf.pageCount()
