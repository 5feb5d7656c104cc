"""How big a roster file may be, checked before a reader allocates anything.

A community roster has at most a few tens of thousands of rows and a few dozen columns. A 5 KB .xlsx
with one value at XFD1048576 would make the reader allocate a 16,384 × 1,048,576 grid (512 GB); a
1.5 MB zip bomb unpacks to gigabytes. So before python-calamine sees a workbook, its zip is looked
at (declared unpacked sizes and compression ratios, from the zip's directory: nothing is unpacked)
and each sheet's declared dimension and the cells that really hold a value are found by scanning
the sheet XML as a stream; a file beyond the limits below is refused with a message that says so.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from gridkeeper.excel.problems import RosterFileError

MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELLS = 10_000_000  # rows × columns of the used area: the grid the reader builds
MAX_UNPACKED = 100 * 2**20  # bytes, all members of an .xlsx/.ods together
MAX_FILE = 100 * 2**20  # bytes on disk: .csv, .xls
MAX_RATIO = 200  # a member that unpacks to more than 200 × its packed size is a zip bomb
RATIO_FLOOR = 2**20  # ... when it unpacks to more than 1 MB (tiny members compress as they like)
LIMITS_TEXT = f"花名册最多 {MAX_ROWS:,} 行、{MAX_COLUMNS} 列，解压后不超过 {MAX_UNPACKED // 2**20} MB"

_CHUNK = 4 * 2**20
_XLSX_CELL = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,4})(\d{1,8})\"[^>]*?(/?)>")
_XLSX_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{0,4})(\d{0,8}):?([A-Z]{0,4})(\d{0,8})\"")
_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="(\d+)"')
_REPEAT_COLUMNS = re.compile(rb'number-columns-repeated="(\d+)"')


def _too_big(path: Path, what: str) -> RosterFileError:
    return RosterFileError(f"{path.name} 太大，不像一份花名册（{what}）；{LIMITS_TEXT}。请删去多余的行列或拆分后再导入")


def column_number(letters: bytes | str) -> int:
    """A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(ch) - 64
    return number


def check_workbook_size(path: Path) -> None:
    """Refuse a spreadsheet whose declared or real size is beyond a roster's; RosterFileError."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports a missing or unreadable file in its own words
    if suffix in (".xls", ".csv", ".txt"):
        if size > MAX_FILE:
            raise _too_big(path, f"文件 {size / 2**20:.0f} MB")
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the reader says the file is damaged or not a workbook
    with archive:
        _check_zip(path, archive)
        if suffix == ".ods":
            _check_ods(path, archive)
        else:
            _check_xlsx(path, archive)


def _check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED:
        raise _too_big(path, f"解压后 {total / 2**20:.0f} MB")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_big(path, f"{info.filename} 压缩比 {info.file_size // max(info.compress_size, 1)}:1，像是“压缩炸弹”")


def _check_grid(path: Path, sheet: str, rows: int, columns: int, declared: bool) -> None:
    kind = "声明的" if declared else ""
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _too_big(path, f"工作表“{sheet}”{kind}范围为 {rows:,} 行 × {columns:,} 列")


def _stream(archive: zipfile.ZipFile, name: str):
    """The member's bytes in chunks that overlap by a little, so a tag is never cut in two."""
    tail = b""
    with archive.open(name) as handle:  # reads at most the declared size
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                cut = len(data)
            yield data[:cut]
            tail = data[cut:]
    if tail:
        yield tail


def _check_xlsx(path: Path, archive: zipfile.ZipFile) -> None:
    for name in archive.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        sheet = name.rsplit("/", 1)[-1].removesuffix(".xml")
        rows = columns = 0
        for chunk in _stream(archive, name):
            if rows == columns == 0 and (m := _XLSX_DIMENSION.search(chunk)):
                last_col, last_row = (m[3], m[4]) if m[3] else (m[1], m[2])
                _check_grid(path, sheet, int(last_row or 0), column_number(last_col or b""), declared=True)
            for col, row, empty in _XLSX_CELL.findall(chunk):
                if empty:  # <c r="…" s="…"/>: formatting only, no value
                    continue
                rows, columns = max(rows, int(row)), max(columns, column_number(col))
            _check_grid(path, sheet, rows, columns, declared=False)


def _check_ods(path: Path, archive: zipfile.ZipFile) -> None:
    if "content.xml" not in archive.namelist():
        return
    row = col = rows = columns = 0
    row_repeat = 1
    for chunk in _stream(archive, "content.xml"):
        for closing, tag, attrs, empty in _ODS_TAG.findall(chunk):
            if tag == b"table" and not closing:
                row = 0
            elif tag == b"table-row":
                if closing:
                    row += row_repeat
                    continue
                row_repeat = int(m[1]) if (m := _REPEAT_ROWS.search(attrs)) else 1
                col = 0
                if empty:
                    row += row_repeat
            elif not closing:  # a cell: repeated across columns; it counts when it holds a value
                repeat = int(m[1]) if (m := _REPEAT_COLUMNS.search(attrs)) else 1
                if b"value-type=" in attrs:
                    rows, columns = max(rows, row + row_repeat), max(columns, col + repeat)
                col += repeat
        _check_grid(path, "content", rows, columns, declared=False)
