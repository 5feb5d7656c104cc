"""Issue 11 item 11: every cell GridKeeper writes (xlsx and CSV, titles and data) is neutralised."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest

from gridkeeper.domain.cell_text import csv_cell, starts_like_formula
from gridkeeper.excel.problems import Problem, write_problem_report

ATTACKS = ["=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1+1", "\r=1+1", "=1+1"]
HARMLESS = ["-12.5", "+86 138 0013 8000", "+8613800138000", "-", "0451-86661234", "138 0013 8000", "(0451)86661234"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_text_is_neutralised_for_csv(text):
    assert starts_like_formula(text)
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_numbers_and_phones_typed_as_text_stay_as_typed(text):
    assert csv_cell(text) == text


def test_real_numbers_are_never_touched():
    assert csv_cell(-5) == -5 and csv_cell(-12.5) == -12.5


def test_problems_csv_neutralises_unknown_header_text_value_and_reason(tmp_path):
    path = tmp_path / "problems.csv"
    problems = [Problem(0, "=HYPERLINK(\"http://evil\")", "", "未知的列，已忽略"),
                Problem(5, "+cmd|' /C calc'!A0", "@SUM(A1)", "\t=evil()"),
                Problem(6, "电话", "+86 138 0013 8000", "格式不对")]
    write_problem_report(path, problems)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(starts_like_formula(cell) for cell in cells), cells
    assert rows[1][1] == "'=HYPERLINK(\"http://evil\")"
    assert rows[2][1:] == ["'+cmd|' /C calc'!A0", "'@SUM(A1)", "'\t=evil()"]
    assert rows[3][2] == "+86 138 0013 8000"  # a phone stays readable


def test_a_community_named_like_a_formula_is_text_in_the_ledger_title(tmp_path):
    from gridkeeper.reports.xlsx import write_ledger_xlsx

    path = tmp_path / "ledger.xlsx"
    write_ledger_xlsx(path, title="=HYPERLINK(\"http://evil\")走访台账", unit="=1+1", period="+2026",
                      header=["序号", "=SUM(A1)"], rows=[[1, "@x"], [-3, "-5"]])
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value.startswith("=HYPERLINK") and ws["A1"].data_type == "s" and ws["A1"].quotePrefix
    assert ws["A2"].value == "填报单位：=1+1"
    assert ws["B3"].data_type == "s" and ws["B3"].quotePrefix
    assert ws["A5"].value == -3 and ws["A5"].data_type == "n"  # a negative number stays a number


def test_audit_csv_export_is_neutralised(session, place, tmp_path):
    from gridkeeper.services.audit_log import export_csv
    from gridkeeper.services.households import create_household
    from gridkeeper.services.people import HouseholdInput

    create_household(session, HouseholdInput(unit_id=place["unit"], room="301", notes="=HYPERLINK(\"x\")"))
    session.commit()
    path = tmp_path / "audit.csv"
    export_csv(session, path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(starts_like_formula(cell) for cell in cells)
