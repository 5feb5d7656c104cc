"""Pieces every printed document shares: styles, ledger tables, page numbers, atomic PDF output."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from gridkeeper.reports.fonts import FONT, FONT_BOLD, register_fonts
from gridkeeper.storage import outputs

CELL_SIZE = 9
CELL_LEADING = 11.5
CELL_PAD_X = 3
CELL_PAD_Y = 2
MIN_SHRUNK_SIZE = 6.5
HEADER_FILL = colors.HexColor("#E4E4E4")
TOTALS_FILL = colors.HexColor("#F2F2F2")
DEFAULT_MARGINS = (15 * mm, 12 * mm, 16 * mm, 12 * mm)  # top, right, bottom, left
BLANK = "\u3000" * 6  # room to sign by hand

# Control characters other than newline would print as missing-glyph boxes (and some upset
# the Paragraph parser); tabs and carriage returns become plain spacing.
_CLEAN = {c: None for c in range(32) if c not in (9, 10, 13)} | {9: " ", 13: None, 127: None}


# ReportLab's CJK wrapping keeps Japanese closing marks off the start of a line but not most
# Chinese full-width ones, so a cell line could begin with "，". Marks listed here hang at the
# end of the line instead; they all sit in the left of their em box, so the ink stays in the cell.
_CHINESE_NO_LINE_START = "，。、；：！？）》〉」』】〕”’"


def _keep_chinese_punctuation_off_line_starts() -> None:
    """Add Chinese closing punctuation to the characters ReportLab will not start a line with."""
    for module in (rl_textsplit, rl_paragraph):  # single-run and mixed-run paragraphs each look here
        known = module.ALL_CANNOT_START
        module.ALL_CANNOT_START = known + "".join(c for c in _CHINESE_NO_LINE_START if c not in known)


_keep_chinese_punctuation_off_line_starts()


# ---------------------------------------------------------------- files


# atomic_write: the one writer every document uses (checks the target, owner-only for personal data).
atomic_write = outputs.atomic_write


# ---------------------------------------------------------------- canvas and document


class NumberedCanvas(canvas.Canvas):
    """A canvas that holds every page until the end, then stamps `第 X 页 共 Y 页` in each footer."""

    def __init__(self, *args, footer_y: float = 8 * mm, **kwargs) -> None:
        """Create the canvas; `footer_y` is the baseline of the page number above the paper's edge."""
        super().__init__(*args, **kwargs)
        self._footer_y = footer_y
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        """Keep the finished page's state instead of writing it out now."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Write every kept page with its footer, now that the total is known, then the file."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        """Centre the page number at the bottom of the current page."""
        self.saveState()
        self.setFont(FONT, 9)
        self.drawCentredString(self._pagesize[0] / 2, self._footer_y, f"第 {self._pageNumber} 页 共 {total} 页")
        self.restoreState()


def build_pdf(
    path: str | os.PathLike[str],
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = A4,
    title: str,
    author: str = "GridKeeper",
    subject: str = "",
    margins: tuple[float, float, float, float] = DEFAULT_MARGINS,
    invariant: bool = False,
) -> int:
    """Lay out `story` with page numbers and write it atomically to `path` (margins: top, right, bottom, left);
    returns the number of pages."""
    register_fonts()
    top, right, bottom, left = margins
    with atomic_write(path) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=pagesize,
            topMargin=top,
            rightMargin=right,
            bottomMargin=bottom,
            leftMargin=left,
            title=title,
            author=author,
            subject=subject,
            creator="GridKeeper",
            lang="zh-CN",
            initialFontName=FONT,  # a bare canvas.drawString then still prints Chinese
            displayDocTitle=True,
            invariant=1 if invariant else 0,
        )
        doc.build(story, canvasmaker=functools.partial(NumberedCanvas, footer_y=bottom / 2))
    return doc.page


# ---------------------------------------------------------------- styles and text


def paragraph_styles() -> dict[str, ParagraphStyle]:
    """Fresh paragraph styles in the Chinese font: title, subtitle, body, cell, cell_header, meta."""
    register_fonts()
    base = dict(fontName=FONT, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", **base | {"fontName": FONT_BOLD}, fontSize=18, leading=24,
                                alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", **base, fontSize=12, leading=16, alignment=TA_CENTER, spaceAfter=4),
        "body": ParagraphStyle("body", **base, fontSize=11, leading=17),
        "meta": ParagraphStyle("meta", **base, fontSize=10, leading=14),
        "cell": ParagraphStyle("cell", **base, fontSize=CELL_SIZE, leading=CELL_LEADING),
        "cell_header": ParagraphStyle("cell_header", **base | {"fontName": FONT_BOLD}, fontSize=CELL_SIZE,
                                      leading=CELL_LEADING, alignment=TA_CENTER),
    }


def clean_text(value: object) -> str:
    """A cell value as printable text: None is blank, control characters go."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text if text.isprintable() else text.translate(_CLEAN)


def markup(text: str) -> str:
    """Paragraph markup that prints `text` literally (escapes <, >, & and keeps line breaks)."""
    return escape(text).replace("\n", "<br/>")


# ---------------------------------------------------------------- ledger pieces


class _CellFitter:
    """Decides, per cell, whether a plain string fits its column or needs a Paragraph."""

    def __init__(self, col_widths: Sequence[float], wrap_cols: set[int] | None) -> None:
        """Remember usable widths and which columns may wrap (None: all of them)."""
        self.room = [w - 2 * CELL_PAD_X for w in col_widths]
        self.wrap_cols = wrap_cols
        self.styles = paragraph_styles()
        self._widths: dict[tuple[str, str], float] = {}
        self._shrunk: dict[tuple[str, float], ParagraphStyle] = {}

    def width(self, text: str, font: str) -> float:
        """Widest line of `text` at cell size, cached (ledgers repeat the same values a lot)."""
        key = (text, font)
        found = self._widths.get(key)
        if found is None:
            found = max(stringWidth(line, font, CELL_SIZE) for line in text.split("\n"))
            self._widths[key] = found
        return found

    def fit(self, text: str, col: int, header: bool = False) -> str | Paragraph:
        """The cell as given when it fits, else a Paragraph that wraps (or shrinks, for no-wrap columns)."""
        font = FONT_BOLD if header else FONT
        wide = self.width(text, font)
        room = self.room[col]
        if wide <= room:
            return text
        base = self.styles["cell_header" if header else "cell"]
        if header or self.wrap_cols is None or col in self.wrap_cols:
            return Paragraph(markup(text), base)
        # IDs and phone numbers read best on one line: set them smaller, wrap only if that fails.
        size = max(MIN_SHRUNK_SIZE, int(CELL_SIZE * room / wide * 10) / 10)
        return Paragraph(markup(text), self._shrunk_style(base, size))

    def _shrunk_style(self, base: ParagraphStyle, size: float) -> ParagraphStyle:
        """A copy of `base` at a smaller size, made once per size."""
        key = (base.name, size)
        if key not in self._shrunk:
            self._shrunk[key] = ParagraphStyle(f"{base.name}-{size}", parent=base, fontSize=size,
                                               leading=CELL_LEADING * size / CELL_SIZE)
        return self._shrunk[key]


class LedgerTable(Flowable):
    """A ledger table laid out a page at a time: each page is a ReportLab Table with the header on top.

    A single Table re-measures all remaining rows at every page break (quadratic: 10,000 rows
    took 6.5 s, 20,000 four times that); this measures only the rows that can reach the page.
    """

    def __init__(self, header: list, body: list[list], col_widths: list[float], n_rows: int,
                 centred: set[int], start: int = 0) -> None:
        """Hold fitted cells; rows from `n_rows` on in `body` are totals; lay out from `start`."""
        super().__init__()
        self.hAlign = "CENTER"
        self.repeatRows = 1
        self._header, self._body, self._col_widths = header, body, col_widths
        self._n_rows, self._centred, self._start = n_rows, centred, start
        self._table: Table | None = None
        self._table_for = -1.0

    def _window(self, avail_height: float) -> Table:
        """A Table of the header and just enough following rows to overflow `avail_height`."""
        if self._table is not None and self._table_for == avail_height:
            return self._table  # the frame asks to wrap, then to split, at the same height
        # No row is shorter than one shrunk line plus padding, so this many rows always overflow.
        shortest = CELL_LEADING * MIN_SHRUNK_SIZE / CELL_SIZE + 2 * CELL_PAD_Y + 1
        stop = min(len(self._body), self._start + int(avail_height / shortest) + 2)
        table = Table([self._header, *self._body[self._start:stop]], colWidths=self._col_widths, repeatRows=1)
        table.setStyle(_ledger_style(self._start, stop, self._n_rows, self._centred))
        self._table, self._table_for = table, avail_height
        return table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Measure the window of rows that this frame could show."""
        self.width, self.height = self._window(availHeight).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The rows that fit here as a Table, then a LedgerTable for the rest."""
        parts = self._window(availHeight).split(availWidth, availHeight)
        if not parts and getattr(getattr(self, "_frame", None), "_atTop", False):
            return self._split_tall_row(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        shown = parts[0]._nrows - 1  # the header is not a body row
        rest = LedgerTable(self._header, self._body, self._col_widths, self._n_rows, self._centred,
                           self._start + shown)
        return [parts[0], rest]

    def _split_tall_row(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split a row taller than a whole page across pages rather than fail the ledger."""
        first = Table([self._header, self._body[self._start]], colWidths=self._col_widths, repeatRows=1,
                      splitInRow=1)
        first.setStyle(_ledger_style(self._start, self._start + 1, self._n_rows, self._centred))
        parts = first.split(avail_width, avail_height)
        if len(parts) < 2:
            return parts
        rest_of_row = parts[1]._cellvalues[1]  # row 0 is the repeated header
        body = [rest_of_row, *self._body[self._start + 1:]]  # rare, so copying the tail is fine
        return [parts[0], LedgerTable(self._header, body, self._col_widths, self._n_rows - self._start,
                                      self._centred)]

    def draw(self) -> None:
        """Draw the window measured by the last wrap (it holds every remaining row by then)."""
        assert self._table is not None, "wrap() before draw()"
        self._table.drawOn(self.canv, 0, 0)


def ledger_table(
    header: list[str],
    rows: list[list[str]],
    col_widths: list[float],
    *,
    wrap_cols: set[int] | None = None,
    totals: list[list[str]] | None = None,
    align_center: set[int] | None = None,
) -> LedgerTable:
    """A gridded table with a bold shaded header repeated on every page; long text wraps in its column.

    `wrap_cols` names the columns whose long text may wrap onto more lines (default: every
    column); long text elsewhere (ID numbers, phones) is set smaller to stay on one line.
    `totals` rows go last in bold; `align_center` columns (e.g. 序号) are centred.
    """
    if len(header) != len(col_widths):
        raise ValueError(f"{len(header)} header cells but {len(col_widths)} column widths")
    register_fonts()
    fitter = _CellFitter(col_widths, wrap_cols)
    ncols = len(header)
    head = [fitter.fit(clean_text(h), c, header=True) for c, h in enumerate(header)]
    body: list[list[str | Paragraph]] = []
    for row in (*rows, *(totals or [])):
        if len(row) != ncols:
            raise ValueError(f"row has {len(row)} cells, the header has {ncols}: {row!r}")
        body.append([fitter.fit(clean_text(v), c) for c, v in enumerate(row)])
    return LedgerTable(head, body, list(col_widths), len(rows), set(align_center or ()))


def _ledger_style(start: int, stop: int, n_rows: int, centred: set[int]) -> TableStyle:
    """Grid, fonts, padding and shading for a window of body rows start..stop (totals from n_rows)."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y + 1),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
    ]
    commands += [("ALIGN", (c, 1), (c, -1), "CENTER") for c in sorted(centred)]
    if stop > n_rows:  # window row i + 1 holds body row start + i
        first_total = max(n_rows, start) - start + 1
        commands += [
            ("FONTNAME", (0, first_total), (-1, -1), FONT_BOLD),
            ("BACKGROUND", (0, first_total), (-1, -1), TOTALS_FILL),
        ]
    return TableStyle(commands)


def _two_part_line(left: str, right: str, style: ParagraphStyle) -> Table:
    """A borderless full-width row: `left` flush left, `right` flush right."""
    left_style = ParagraphStyle(f"{style.name}-left", parent=style, alignment=TA_LEFT)
    right_style = ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)
    line = Table([[Paragraph(markup(left), left_style), Paragraph(markup(right), right_style)]],
                 colWidths=["50%", "50%"])
    line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return line


def ledger_heading(title: str, unit: str, period: str) -> list[Flowable]:
    """Centred bold title, then `填报单位：…` on the left and `统计时间：…` on the right."""
    styles = paragraph_styles()
    return [
        Paragraph(markup(title), styles["title"]),
        _two_part_line(f"填报单位：{unit}", f"统计时间：{period}", styles["meta"]),
        Spacer(1, 2 * mm),
    ]


def signature_block(*, filled_by: str = "", reviewed_by: str = "", filled_on: str = "") -> list[Flowable]:
    """The `填表人：　审核人：　填表日期：` line under a ledger, blanks left for hand-writing."""
    style = paragraph_styles()["meta"]
    cells = [
        Paragraph(markup(f"{label}：{value or BLANK}"), style)
        for label, value in (("填表人", filled_by), ("审核人", reviewed_by), ("填表日期", filled_on))
    ]
    line = Table([cells], colWidths=["33%", "33%", "34%"])
    # The table's own font too: otherwise ReportLab names Helvetica in the PDF (referenced, never embedded).
    line.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return [Spacer(1, 5 * mm), line]
