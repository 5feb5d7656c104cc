"""A ledger's content written as an A4 landscape PDF or an xlsx workbook with the same columns."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from gridkeeper.reports.layout import build_pdf, ledger_heading, ledger_table, signature_block
from gridkeeper.reports.ledger_data import LedgerData
from gridkeeper.reports.xlsx import write_ledger_xlsx

FORMATS = (".pdf", ".xlsx")
LANDSCAPE_MARGINS = (14 * mm, 12 * mm, 14 * mm, 12 * mm)  # top, right, bottom, left: 273 mm of table width


def output_format(path: str | os.PathLike[str]) -> str:
    """".pdf" or ".xlsx" from the file name; ValueError for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"输出文件“{Path(path).name}”的扩展名应为 .pdf 或 .xlsx")
    return suffix


def ledger_story(data: LedgerData) -> list:
    """Heading, the table (header on every page, totals last) and the signature line."""
    table = ledger_table(data.header, data.rows, [w * mm for w in data.widths_mm], wrap_cols=data.wrap_cols,
                         totals=data.totals, align_center=data.centre_cols)
    return [*ledger_heading(data.title, data.unit, data.period), table, *signature_block()]


def write_ledger_pdf(data: LedgerData, path: str | os.PathLike[str], *, invariant: bool = False) -> None:
    """The ledger as an A4 landscape PDF, written atomically."""
    build_pdf(path, ledger_story(data), pagesize=landscape(A4), title=data.title, subject=data.period,
              margins=LANDSCAPE_MARGINS, invariant=invariant)


def xlsx_widths(data: LedgerData) -> list[int]:
    """Spreadsheet column widths in characters, proportional to the PDF's (about 2 mm a character)."""
    return [max(4, min(50, round(w / 2.1))) for w in data.widths_mm]


def write_ledger_xlsx_file(data: LedgerData, path: str | os.PathLike[str]) -> None:
    """The ledger as a one-sheet workbook with the same columns as the PDF."""
    write_ledger_xlsx(path, title=data.title, unit=data.unit, period=data.period, header=data.header,
                      rows=data.rows, col_widths_chars=xlsx_widths(data), totals=data.totals)


def write_ledger(data: LedgerData, path: str | os.PathLike[str]) -> None:
    """PDF or xlsx by the extension of `path`."""
    if output_format(path) == ".xlsx":
        write_ledger_xlsx_file(data, path)
    else:
        write_ledger_pdf(data, path)
