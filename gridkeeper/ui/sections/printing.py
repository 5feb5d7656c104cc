"""打印与导出 Print & export: pick a document, scope and period, preview it, print it or save it as PDF/xlsx."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget)
from sqlmodel import select

from gridkeeper.reports.jobs import DOCUMENTS, PrintJob, audit_full_values, produce
from gridkeeper.reports.notices import list_templates
from gridkeeper.services.member_summary import recent_half_years
from gridkeeper.storage.models import Grid
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.worker import run_in_background


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
        self._build_controls()
        # Until a preview exists, the preview area says what to do instead of showing an empty grey box.
        self.hint = QLabel(self.tr("Choose the document, the scope and the period on the left, then press "
                                   "Preview.\nNothing is printed or saved until you ask."), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555; font-size: 15px;")
        self.preview_area = QStackedWidget(self)
        self.preview_area.addWidget(self.hint)
        self.preview_area.addWidget(self.view)
        layout = QHBoxLayout(self)
        layout.addWidget(self.controls, 0)
        layout.addWidget(self.preview_area, 1)
        self.refresh()
        ctx.data_changed.connect(lambda kind: kind in ("places", "*") and self.refresh())

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
        self.building = QLineEdit(self)
        self.building.setPlaceholderText(self.tr("e.g. 7号楼 (blank: whole grid)"))
        self.buildings = QLineEdit(self)
        self.buildings.setPlaceholderText(self.tr("e.g. 3-7 (blank: every building)"))
        self.template = QComboBox(self)
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
        self._form = form
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_pdf = QPushButton(self.tr("Save as PDF…"), self)
        self.save_xlsx = QPushButton(self.tr("Save as Excel…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        box = QVBoxLayout(self.controls)
        box.addLayout(form)
        for widget in (self.edit_template, self.full, self.a3, self.due_only, self.preview_button,
                       self.print_button, self.save_pdf, self.save_xlsx, self.status):
            box.addWidget(widget)
        box.addStretch(1)
        self.preview_button.clicked.connect(self.generate_preview)
        self.print_button.clicked.connect(self.print_document)
        self.save_pdf.clicked.connect(lambda: self._ask_save(".pdf"))
        self.save_xlsx.clicked.connect(lambda: self._ask_save(".xlsx"))
        self.document.currentIndexChanged.connect(self._update_visibility)

    def refresh(self) -> None:
        """Reload grids and templates (after places change or a template is saved)."""
        current = self.grid.currentData()
        self.grid.clear()
        self.grid.addItem(self.tr("Whole community"), None)
        with self.ctx.read() as session:
            for grid in session.exec(select(Grid).order_by(Grid.code)):
                self.grid.addItem(f"{grid.code} {grid.name}", grid.code)
        index = self.grid.findData(current)
        self.grid.setCurrentIndex(index if index >= 0 else min(1, self.grid.count() - 1))
        self._load_templates()
        self._update_visibility()

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
        doc = self.document.currentData() or ""
        job = PrintJob(doc)
        shown = {self.month: not job.uses_half_year and doc not in ("roster", "notice", "checklist"),
                 self.half: job.uses_half_year, self.building: doc == "checklist",
                 self.buildings: doc == "notice", self.template: doc == "notice",
                 self.edit_template: doc == "notice", self.a3: doc == "roster", self.due_only: doc == "checklist",
                 self.full: doc.startswith("ledger:") or doc == "feedback", self.save_xlsx: job.can_export_xlsx()}
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
                        building=self.building.text().strip(), due_only=self.due_only.isChecked(),
                        template=self.template.currentData(), buildings=self.buildings.text().strip(),
                        today=self.ctx.today())

    # ------------------------------------------------------------ work

    def _run(self, job: PrintJob, path: Path, on_done) -> None:
        """Write `job` to `path` in a worker; `on_done(description)` on the UI thread."""
        engine = self.ctx.engine

        def work(progress):
            from sqlmodel import Session

            progress(0, 0)
            with Session(engine) as session:
                what = produce(session, job, path)
                audit_full_values(session, job, what, path)
                session.commit()
            return what

        self.status.setText(self.tr("Generating…"))
        self.task = run_in_background(self, work, on_done=on_done, label=self.tr("Generating the document…"),
                                      on_error=lambda exc: self.status.setText("") or False)

    def generate_preview(self) -> None:
        """Generate into a temporary PDF and show it."""
        self.pdf.close()
        path = Path(self._folder.name) / f"preview-{id(self)}-{self.document.currentIndex()}.pdf"
        self._run(self.job(), path, lambda what: self._show(path, what))

    def _show(self, path: Path, what: str) -> None:
        self.preview_path = path
        self.pdf.load(str(path))
        self.preview_area.setCurrentWidget(self.view)
        self.status.setText(self.tr("Preview: {0} ({1} pages)").format(what, self.pdf.pageCount()))

    def save_to(self, path: Path) -> None:
        """Save the chosen document at `path` (.pdf or .xlsx); without dialogs (tests call it)."""
        self._run(self.job(), Path(path), lambda what: self.status.setText(
            self.tr("Saved {0} to {1}").format(what, path)))

    def _ask_save(self, suffix: str) -> None:
        kind = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        name = f"{self.document.currentText()}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), name, kind)
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
