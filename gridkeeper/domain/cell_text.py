"""Text that goes into a spreadsheet cell GridKeeper writes, kept from being run as a formula.

Excel, WPS and LibreOffice treat a cell that starts with = + - @ (and a leading tab or carriage
return, which they strip first) as a formula: `=HYPERLINK(…)` or `+cmd|' /c calc'!A1` in an
imported file's header, a community name or a note would run when the ledger or the problems
report is opened (OWASP "CSV injection"). Every cell written to .xlsx or .csv goes through here.

In .xlsx every such text is stored as a string cell marked "quote prefix": shown exactly as typed
(`+86 138 0013 8000`, `-12.5` stay readable), and still text when someone edits the cell. CSV has
no such mark, so there text that starts like a formula gets a leading apostrophe (what Excel
itself shows to keep text as text) — except numbers and phone numbers typed as text (`-12.5`,
`+86 138 0013 8000`), which cannot call anything (no letters, no `|`, `!`, `"`) and are written
unchanged. Real numbers (int/float) are never touched: a negative amount stays a number.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A number or phone as text: sign, digits, spaces, dots, dashes, parentheses, nothing that names or calls.
_NUMBER_OR_PHONE = re.compile(r"-|[+\-]?[\d\s().\-]*\d[\d\s().\-]*")


def starts_like_formula(value: str) -> bool:
    """True if a spreadsheet could take `value` for a formula (or strip into one)."""
    return value.startswith(FORMULA_START) and not _NUMBER_OR_PHONE.fullmatch(value)


def xlsx_needs_quote(value: str) -> bool:
    """True for text an .xlsx cell must store as a quote-prefixed string (never as a formula)."""
    return value.startswith(FORMULA_START)


def csv_cell(value: object) -> object:
    """The value to write into a CSV cell: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and starts_like_formula(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    """A CSV row with every cell neutralised (use with csv.writer.writerow)."""
    return [csv_cell(v) for v in values]


MAX_CELL_CHARS = 32767  # Excel's limit on one cell's text
