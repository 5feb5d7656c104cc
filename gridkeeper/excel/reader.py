"""Reading a spreadsheet file into rows of cell values: .xlsx/.xls/.ods with calamine, .csv with encoding detection."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from gridkeeper.excel.limits import MAX_FILE, check_workbook_size
from gridkeeper.excel.problems import RosterFileError

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}
SUPPORTED = "、".join(sorted(SPREADSHEET_SUFFIXES | {".csv"}))
# The order matters: UTF-8 (with or without BOM) is strict and rarely decodes GBK by accident.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class Sheet:
    """The cells of one sheet; rows[0] is Excel's row 1. Cells are str, float, int, bool, date or ''."""

    name: str
    rows: list[list[object]]
    encoding: str = ""


def read_sheet(path: str | Path) -> Sheet:
    """The first non-empty sheet of a workbook, or the rows of a CSV file."""
    path = Path(path)
    if not path.exists():
        raise RosterFileError(f"找不到文件：{path}")
    if path.is_dir():
        raise RosterFileError(f"{path} 是文件夹，不是表格文件")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES | SPREADSHEET_SUFFIXES:
        check_workbook_size(path)  # before anything is read whole: a 5 KB file can declare 512 GB of cells
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in SPREADSHEET_SUFFIXES:
        return _read_workbook(path)
    raise RosterFileError(f"不支持的文件类型“{path.suffix or '无扩展名'}”：请使用 {SUPPORTED} 文件")


def _read_workbook(path: Path) -> Sheet:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        first = None
        for index in range(len(workbook.sheet_names)):
            sheet = workbook.get_sheet_by_index(index)
            rows = [list(row) for row in sheet.to_python(skip_empty_area=False)]
            if any(any(_present(v) for v in row) for row in rows):
                _fill_merged_down(rows, sheet.merged_cell_ranges or [])
                return Sheet(sheet.name, rows)
            first = first or Sheet(sheet.name, [])
    except PermissionError as exc:
        raise RosterFileError(f"无法打开 {path.name}：没有读取权限（文件可能正在 Excel/WPS 中打开）") from exc
    except OSError as exc:
        raise RosterFileError(f"无法读取 {path.name}：{exc.strerror or exc}") from exc
    except Exception as exc:  # calamine raises its own types for damaged or mislabelled files
        raise RosterFileError(f"无法读取 {path.name}：文件已损坏或不是有效的{path.suffix}表格（{exc}）") from exc
    if first is None:
        raise RosterFileError(f"{path.name} 中没有工作表")
    raise RosterFileError(f"{path.name} 中的工作表都是空的")


def _fill_merged_down(rows: list[list[object]], ranges) -> None:
    """A cell merged down a column (one 楼栋 or 小区 cell spanning its households' rows) holds its value
    only in its top cell: give it to every row it spans, as the person reading the sheet sees it.
    Merges across columns (a title row, a wide 备注) are left alone: their value belongs to one column."""
    for (top, left), (bottom, right) in ranges:
        if left != right or bottom <= top or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row_index in range(top + 1, bottom + 1):
            if row_index >= len(rows):
                break  # calamine stops at the last row with a value: nothing below to fill
            row = rows[row_index]
            row.extend([""] * (left + 1 - len(row)))
            if not _present(row[left]):
                row[left] = value


def _read_csv(path: Path) -> Sheet:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(f"无法读取 {path.name}：{exc.strerror or exc}") from exc
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A cell may be as long as the file (the file is at most MAX_FILE); an over-long cell is then
        # reported on its row by the row checks, not as Python's "field larger than field limit".
        csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE))
        rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
        if not any(any(cell.strip() for cell in row) for row in rows):
            raise RosterFileError(f"{path.name} 是空文件")
        return Sheet(path.stem, rows, encoding)
    raise RosterFileError(f"无法识别 {path.name} 的文字编码：请另存为 UTF-8 或 GBK 编码的 CSV，或直接使用 .xlsx")


def _present(value: object) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))
