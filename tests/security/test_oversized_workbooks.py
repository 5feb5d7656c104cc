"""Issue 11 item 14: a tiny workbook that declares (or really has) a huge grid, or a zip bomb, is
refused with one plain line before the reader allocates it — the CLI and the import wizard survive."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from gridkeeper.excel import limits
from gridkeeper.excel.problems import RosterFileError
from gridkeeper.excel.reader import read_sheet

ROOT = Path(__file__).resolve().parents[2]
HEADER = ["小区", "楼栋", "单元", "房号", "姓名"]


def _workbook(path: Path, far_cell: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["幸福家园", "1", "1", "101", "王建华"])
    if far_cell:
        sheet[far_cell] = "x"
    book.save(path)
    return path


def _rewrite(path: Path, member: str, change) -> None:
    """Rewrite one member of a zip (e.g. to make the sheet's dimension lie)."""
    with zipfile.ZipFile(path) as old:
        items = [(info, old.read(info.filename)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info, data in items:
            new.writestr(info.filename, change(data) if info.filename == member else data)


def _cell_at_xfd1048576(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "far.xlsx", "XFD1048576")


def _lying_dimension(tmp_path: Path) -> Path:
    path = _workbook(tmp_path / "lying.xlsx", "XFD1048576")
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b'ref="A1:XFD1048576"', b'ref="A1:E2"'))
    return path


def _cell_at_aaa60000(tmp_path: Path) -> Path:
    return _workbook(tmp_path / "aaa.xlsx", "AAA60000")


def _zip_bomb(tmp_path: Path) -> Path:
    path = _workbook(tmp_path / "bomb.xlsx")
    filler = b"<!--" + b" " * (101 * 2**20) + b"-->"
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"<sheetData>", filler + b"<sheetData>", 1))
    return path


def _ratio_bomb(tmp_path: Path) -> Path:
    path = _workbook(tmp_path / "ratio.xlsx")
    filler = b"<!--" + b" " * (20 * 2**20) + b"-->"
    _rewrite(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b"<sheetData>", filler + b"<sheetData>", 1))
    return path


def _ods_repeated(tmp_path: Path) -> Path:
    content = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               b'<office:body><office:spreadsheet><table:table table:name="S">'
               b'<table:table-row>' + b"".join(b'<table:table-cell office:value-type="string"><text:p>' + h.encode()
                                               + b"</text:p></table:table-cell>" for h in HEADER) + b"</table:table-row>"
               b'<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
               b'table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
               b"</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
               b"</office:document-content>")
    path = tmp_path / "repeated.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                   b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                   b'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                   b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   b"</manifest:manifest>")
    return path


HOSTILE = [_cell_at_xfd1048576, _lying_dimension, _cell_at_aaa60000, _zip_bomb, _ratio_bomb, _ods_repeated]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Each hostile file, made once for the module."""
    folder = tmp_path_factory.mktemp("hostile")
    return {make.__name__.strip("_"): make(folder) for make in HOSTILE}


@pytest.mark.parametrize("name", [f.__name__.strip("_") for f in HOSTILE])
def test_hostile_workbook_is_refused_before_it_is_read(hostile, name):
    path = hostile[name]
    assert path.stat().st_size < 2 * 2**20
    with pytest.raises(RosterFileError, match="太大，不像一份花名册"):
        limits.check_workbook_size(path)


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))


@pytest.mark.parametrize("name", ["cell_at_xfd1048576"])
def test_cli_import_says_one_plain_line_and_survives(hostile, tmp_path, name):
    """In a child process with 3 GB of address space: the reader must not even try."""
    path = hostile[name]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "gridkeeper", "import", str(path), "--grid", "FK-01", "--dry-run",
                           "--db", str(tmp_path / "none.db")], capture_output=True, text=True, env=env,
                          timeout=120, preexec_fn=_limit_memory)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "太大" in lines[0] and "Traceback" not in done.stderr


def test_an_ordinary_roster_passes(tmp_path):
    path = _workbook(tmp_path / "ok.xlsx")
    limits.check_workbook_size(path)
    assert read_sheet(path).rows[1][4] == "王建华"


def test_formatting_far_away_without_a_value_is_not_a_reason_to_refuse(tmp_path):
    path = _workbook(tmp_path / "styled.xlsx")
    _rewrite(path, "xl/worksheets/sheet1.xml",
             lambda d: d.replace(b"</sheetData>", b'<row r="900000"><c r="ZZ900000" s="0"/></row></sheetData>'))
    limits.check_workbook_size(path)


def test_a_csv_cell_over_the_csv_module_limit_is_a_plain_row_problem(tmp_path, engine):
    from tests.excel.roster_helpers import imported

    path = tmp_path / "long.csv"
    long_note = "很长" * 70_000  # 140,000 characters: over Python's csv limit of 131,072
    path.write_text(f"小区,楼栋,单元,房号,姓名,备注\n幸福家园,1,1,101,王建华,{long_note}\n幸福家园,1,1,102,李四,\n",
                    encoding="utf-8")
    result = imported(engine, path, grid_code="FK-01", dry_run=True)
    assert [(p.row, p.column) for p in result.errors] == [(2, "备注")]
    assert "过长" in result.errors[0].reason and "32,767" in result.errors[0].reason
    assert result.data_rows == 2


def test_the_import_wizard_shows_the_refusal(tmp_path):
    """The wizard reads through open_roster too: the same plain message, no crash."""
    from gridkeeper.excel.importer import open_roster

    with pytest.raises(RosterFileError, match="太大"):
        open_roster(_cell_at_xfd1048576(tmp_path))
