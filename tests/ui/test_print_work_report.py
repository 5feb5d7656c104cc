"""The Print & export section makes the monthly work report and the annual summary: month or year, scope,
typed notes, through the same print job as the ledgers."""

from __future__ import annotations

from datetime import date

import pytest

from tests.reports.printed import flat, pages_text


@pytest.fixture
def section(print_section):
    return print_section


def _choose(section, document: str, grid):
    section.document.setCurrentIndex(section.document.findData(document))
    section.grid.setCurrentIndex(section.grid.findData(grid))


def test_monthly_report_with_typed_notes(finish, qtbot, section, tmp_path):
    _choose(section, "report:monthly", "FK-01")
    assert not section.month.isHidden() and section.year.isHidden() and not section.notes.isHidden()
    assert section.full.isHidden() and section.save_xlsx.isHidden()
    section.notes.setPlainText("组织幸福家园消防演练一次。\n走访独居老人 12 户。")
    job = section.job()
    assert job.document == "report:monthly" and job.month == date(2026, 11, 1) and "消防演练" in job.notes
    assert section.suggested_name(".pdf") == "福康社区第一网格月度工作报告-2026-11.pdf"
    out = tmp_path / "monthly.pdf"
    section.save_to(out)
    assert finish(qtbot, section) == "done"
    text = flat("".join(pages_text(out)))
    assert "福康社区第一网格月度工作报告（2026年11月）" in text and "组织幸福家园消防演练一次" in text


def test_annual_summary_for_the_community(finish, qtbot, section):
    _choose(section, "report:annual", None)
    assert section.month.isHidden() and not section.year.isHidden()
    section.year.setValue(2026)
    assert section.job().report_year == 2026 and section.job().grid_code is None
    section.generate_preview()
    assert finish(qtbot, section) == "done"
    assert section.pdf.pageCount() >= 3
    assert "2026年度工作总结" in section.status.text()


def test_notes_of_another_document_are_not_carried(section):
    _choose(section, "report:monthly", "FK-01")
    section.notes.setPlainText("本月重点")
    _choose(section, "ledger:visits", "FK-01")
    assert section.notes.isHidden() and section.job().notes == ""
