"""Excel ledgers: print setup, frozen header, literal text for formulas, IDs and phones."""

from __future__ import annotations

import time
import zipfile

import openpyxl
import pytest

from gridkeeper.reports import xlsx
from gridkeeper.reports.xlsx import display_width, write_ledger_xlsx

HEADER = ["序号", "姓名", "公民身份号码", "联系电话", "备注"]
TRICKY = ["=1+1", "+86 138", "-5", "@SUM(A1)", "\t=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"]


def _write(path, rows, **kwargs):
    """Write a small ledger with the standard heading."""
    write_ledger_xlsx(path, title="福康社区2026年11月入户走访台账", unit="福康社区居民委员会", period="2026年11月",
                      header=HEADER, rows=rows, **kwargs)


@pytest.fixture
def sheet(tmp_path):
    """A ledger with formula-looking notes, an ID, an int phone and a totals row, reloaded."""
    rows = [[i + 1, "王建华", "11010519491231002X", 13800138000, note] for i, note in enumerate(TRICKY)]
    rows.append([len(rows) + 1, "赵秀英", "110105194912310021", "0451-86661234", "独居\x07老人"])
    path = tmp_path / "ledger.xlsx"
    _write(path, rows, totals=[["合计", "", "", "", f"{len(rows)} 户"]])
    return path, openpyxl.load_workbook(path).active


def test_header_frozen_and_printed_on_every_page(sheet):
    _, ws = sheet
    assert ws.freeze_panes == "A4"
    assert ws.print_title_rows == "$3:$3"
    assert [c.value for c in ws[3]] == HEADER
    assert all(c.font.b for c in ws[3])
    assert all(c.border.bottom.style == "thin" for c in ws[3])


def test_a4_landscape_fit_to_width(sheet):
    _, ws = sheet
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_title_and_unit_rows(sheet):
    _, ws = sheet
    assert ws["A1"].value == "福康社区2026年11月入户走访台账" and ws["A1"].font.b
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A1:E1" in merged
    assert ws["A2"].value == "填报单位：福康社区居民委员会"
    assert ws["D2"].value == "统计时间：2026年11月"


def test_formula_looking_text_stays_literal(sheet):
    path, ws = sheet
    for row, text in enumerate(TRICKY, start=4):
        cell = ws.cell(row=row, column=5)
        assert cell.value == text and cell.data_type == "s", (row, cell.value)
        assert cell.quotePrefix
    with zipfile.ZipFile(path) as zf:
        assert "<f>" not in zf.read("xl/worksheets/sheet1.xml").decode()


def test_ids_and_phones_are_text(sheet):
    _, ws = sheet
    assert ws["C4"].value == "11010519491231002X" and ws["C4"].data_type == "s"
    assert ws["C10"].value == "110105194912310021" and ws["C10"].data_type == "s"
    assert ws["D4"].value == "13800138000" and ws["D4"].data_type == "s"
    assert ws["D10"].value == "0451-86661234"
    assert ws["C10"].number_format == "@"
    assert ws["A4"].value == 1 and ws["A4"].data_type == "n"


def test_control_characters_dropped_and_totals_bold(sheet):
    _, ws = sheet
    assert ws["E10"].value == "独居老人"
    assert ws["A11"].value == "合计" and ws["A11"].font.b


def test_widths_count_chinese_double():
    assert display_width("王建华") == 6
    assert display_width("7号楼") == 5
    assert display_width("ab\n福康社区") == 8


def test_column_widths_fit_content(sheet):
    _, ws = sheet
    assert ws.column_dimensions["C"].width == len("11010519491231002X") + 2
    assert ws.column_dimensions["B"].width == 8  # 姓名/王建华: six units plus two


def test_given_widths_are_used(tmp_path):
    path = tmp_path / "w.xlsx"
    _write(path, [[1, "李娜", "", "", ""]], col_widths_chars=[5, 10, 20, 14, 30])
    ws = openpyxl.load_workbook(path).active
    assert [ws.column_dimensions[c].width for c in "ABCDE"] == [5, 10, 20, 14, 30]


def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    real_save = xlsx.Workbook.save

    def save_then_fail(self, filename):
        real_save(self, filename)
        raise OSError("disk full")

    monkeypatch.setattr(xlsx.Workbook, "save", save_then_fail)
    with pytest.raises(OSError, match="disk full"):
        _write(tmp_path / "ledger.xlsx", [[1, "李娜", "", "", ""]])
    assert list(tmp_path.iterdir()) == []


def test_file_open_elsewhere_keeps_old_copy_and_no_temp(tmp_path, monkeypatch):
    """On Windows, replacing a file Excel has open fails: the old file stays, the temp goes."""
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "in use", str(dst))

    monkeypatch.setattr("gridkeeper.reports.layout.os.replace", locked)
    with pytest.raises(PermissionError):
        _write(path, [[1, "李娜", "", "", ""]])
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.xlsx"]


def test_rows_must_match_the_header(tmp_path):
    with pytest.raises(ValueError):
        _write(tmp_path / "bad.xlsx", [[1, "李娜"]])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_ten_thousand_rows_under_three_seconds(tmp_path):
    rows = [[i, "王建华", "11010519491231002X", "13800138000", "入户走访，情况正常" if i % 3 else "=1+1"]
            for i in range(1, 10_001)]
    started = time.process_time()  # CPU time: other processes may share the machine
    _write(tmp_path / "big.xlsx", rows)
    assert time.process_time() - started < 6  # about 2 s here; a cell-by-cell styled write took far longer
    wb = openpyxl.load_workbook(tmp_path / "big.xlsx", read_only=True)
    assert sum(1 for _ in wb.active.iter_rows(values_only=True)) == 10_003
    wb.close()
