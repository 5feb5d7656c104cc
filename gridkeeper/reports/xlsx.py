"""Ledgers as Excel workbooks for the subdistrict office: styled, print-ready, written atomically."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Sequence
from copy import copy
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gridkeeper.domain.cell_text import xlsx_needs_quote
from gridkeeper.reports.layout import atomic_write

MAX_COL_WIDTH = 50  # Excel width units; longer text wraps
MIN_COL_WIDTH = 4
MAX_CELL_CHARS = 32767  # Excel refuses longer cell text
TITLE_ROW, META_ROW, HEADER_ROW = 1, 2, 3

# Strings of digits such as ID numbers, phones and house numbers: keep them as typed text.
_NUMBER_LIKE = re.compile(r"^[\d\s()+\-]*\d[\dXx\s()+\-]*$")
_LONG_INT = 10**10  # an int this large is a phone or ID, not an amount

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E4E4E4")
_TOTALS_FILL = PatternFill("solid", fgColor="F2F2F2")
_BODY_ALIGN = Alignment(vertical="center", wrap_text=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def display_width(value: object) -> int:
    """Width in Excel units of the longest line: CJK and other wide characters count 2."""
    text = "" if value is None else str(value)
    if text.isascii():
        return max(len(line) for line in text.split("\n"))
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in text.split("\n")
    )


def fitted_widths(header: Sequence[object], rows: Sequence[Sequence[object]]) -> list[int]:
    """Column widths that fit the header and every value, within MIN_COL_WIDTH..MAX_COL_WIDTH."""
    widths = [display_width(h) for h in header]
    seen: dict[object, int] = {}
    for row in rows:
        for c, value in enumerate(row):
            if value is None:
                continue
            width = seen.get(value)
            if width is None:
                width = seen[value] = display_width(value)
            if width > widths[c]:
                widths[c] = width
    return [max(MIN_COL_WIDTH, min(MAX_COL_WIDTH, w + 2)) for w in widths]


def sheet_title(title: str) -> str:
    """A legal worksheet name from a ledger title (31 characters, no []:*?/\\)."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "", title).strip("' ")
    return cleaned[:31] or "台账"


def write_ledger_xlsx(
    path: str | os.PathLike[str],
    *,
    title: str,
    unit: str,
    period: str,
    header: list[str],
    rows: list[list],
    col_widths_chars: list[int] | None = None,
    totals: list[list] | None = None,
) -> None:
    """Write a one-sheet ledger: title, unit and period, frozen header, rows, totals; A4 landscape."""
    ncols = len(header)
    for row in (*rows, *(totals or [])):
        if len(row) != ncols:
            raise ValueError(f"row has {len(row)} cells, the header has {ncols}: {row!r}")
    if col_widths_chars is not None and len(col_widths_chars) != ncols:
        raise ValueError(f"{len(col_widths_chars)} column widths for {ncols} columns")

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(title))
    _set_up_sheet(ws, ncols, col_widths_chars or fitted_widths(header, [*rows, *(totals or [])]))
    _write_heading(ws, ncols, title, unit, period)
    cells = _CellMaker(ws)
    ws.append([cells.cell(h, bold=True, fill=_HEADER_FILL, align=_CENTRE) for h in header])
    for row in rows:
        ws.append([cells.cell(v) for v in row])
    for row in totals or []:
        ws.append([cells.cell(v, bold=True, fill=_TOTALS_FILL) for v in row])
    try:
        with atomic_write(path) as tmp:
            wb.save(tmp)
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Workbook) -> None:
    """Stop a write-only workbook that was never saved (its sheets' row writers would otherwise print
    "I/O operation on closed file" tracebacks when garbage-collected)."""
    for ws in wb.worksheets:
        for part in (getattr(ws, "_rows", None), getattr(getattr(ws, "_writer", None), "xf", None)):
            if part is not None:
                try:
                    part.close()
                except Exception:  # the generator's own file is already closed: nothing to keep
                    pass


def _set_up_sheet(ws, ncols: int, widths: Sequence[float]) -> None:
    """Column widths, frozen header, print titles and page setup (before any row is written)."""
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[TITLE_ROW].height = 30
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as it takes
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def _write_heading(ws, ncols: int, title: str, unit: str, period: str) -> None:
    """Merged bold title row, then 填报单位 on the left and 统计时间 on the right."""
    last = get_column_letter(ncols)
    title_cell = _literal(WriteOnlyCell(ws, _text(title)))
    title_cell.font = Font(bold=True, size=16)
    title_cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.merged_cells.add(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    ws.append([title_cell])

    unit_text, period_text = _text(f"填报单位：{unit}"), _text(f"统计时间：{period}")
    if ncols < 2:
        ws.append([_literal(WriteOnlyCell(ws, f"{unit_text}　{period_text}"))])
        return
    split = (ncols + 1) // 2  # unit over the left half, period over the right
    left = _literal(WriteOnlyCell(ws, unit_text))
    right = _literal(WriteOnlyCell(ws, period_text))
    right.alignment = Alignment(horizontal="right")
    if split > 1:
        ws.merged_cells.add(f"A{META_ROW}:{get_column_letter(split)}{META_ROW}")
    if ncols - split > 1:
        ws.merged_cells.add(f"{get_column_letter(split + 1)}{META_ROW}:{last}{META_ROW}")
    ws.append([left, *[None] * (split - 1), right])


def _literal(cell: WriteOnlyCell) -> WriteOnlyCell:
    """A heading cell whose text can never be a formula (openpyxl takes any "=…" string for one)."""
    if isinstance(cell.value, str) and xlsx_needs_quote(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _text(value: str) -> str:
    """Text Excel will accept: no XML-illegal control characters, within the cell length limit."""
    if not value.isprintable():
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value[:MAX_CELL_CHARS]


class _CellMaker:
    """Makes the sheet's bordered cells, building each distinct style once."""

    def __init__(self, ws) -> None:
        """Cells for `ws`; style indexes are per workbook, so so is the cache."""
        self.ws = ws
        self._styles: dict[tuple, StyleArray] = {}

    def cell(self, value: object, *, bold: bool = False, fill: PatternFill | None = None,
             align: Alignment = _BODY_ALIGN) -> WriteOnlyCell:
        """A bordered cell holding `value`, with strings always stored as literal text."""
        value = _plain(value)
        cell = WriteOnlyCell(self.ws, value)
        number_format, quote = "General", False
        if isinstance(value, str):
            if xlsx_needs_quote(value):
                cell.data_type = "s"  # openpyxl took the "=" for a formula; store the characters
                quote = True  # and Excel keeps it text if someone edits the cell
            elif _NUMBER_LIKE.match(value):
                number_format = "@"
        elif isinstance(value, dt.datetime):
            number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, dt.date):
            number_format = "yyyy-mm-dd"
        key = (bold, fill, align, number_format, quote)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._style_array(*key)
        cell._style = copy(style)
        return cell

    def _style_array(self, bold: bool, fill: PatternFill | None, align: Alignment, number_format: str,
                     quote: bool) -> StyleArray:
        """The workbook's style indexes for one combination.

        Setting font, border and fill on each cell hashes every style object again: for 10,000
        rows that was three quarters of the time. Cells copy this array instead, as openpyxl's
        own worksheet copier does.
        """
        template = WriteOnlyCell(self.ws)
        template.border = _BORDER
        template.alignment = align
        template.number_format = number_format
        template.quotePrefix = quote
        if bold:
            template.font = Font(bold=True)
        if fill is not None:
            template.fill = fill
        return template._style


def _plain(value: object) -> object:
    """The value to store: long integers (phones, IDs) and anything unusual become text."""
    if value is None or isinstance(value, (float, Decimal, dt.date, dt.datetime)):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return str(value) if abs(value) >= _LONG_INT else value
    return _text(value if isinstance(value, str) else str(value))
