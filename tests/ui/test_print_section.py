"""The Print & export section: masked by default, preview of the real PDF, saving PDF and xlsx, template editor."""

from __future__ import annotations


import pytest

from gridkeeper.reports import notices


@pytest.fixture
def section(print_section):
    return print_section


def _choose(section, document: str, grid: str = "FK-01"):
    section.document.setCurrentIndex(section.document.findData(document))
    section.grid.setCurrentIndex(section.grid.findData(grid))


def test_full_values_off_by_default_and_options_follow_the_document(section):
    assert not section.full.isChecked()
    _choose(section, "ledger:visits")
    assert not section.full.isHidden() and not section.save_xlsx.isHidden() and section.half.isHidden()
    _choose(section, "ledger:members")
    assert not section.half.isHidden() and section.month.isHidden()
    _choose(section, "roster")
    assert section.full.isHidden() and section.save_xlsx.isHidden() and not section.a3.isHidden()
    job = section.job()
    assert job.document == "roster" and job.grid_code == "FK-01" and not job.full


def test_preview_shows_the_generated_pdf(finish, qtbot, section):
    _choose(section, "ledger:visits")
    section.generate_preview()
    assert finish(qtbot, section) == "done"
    assert section.pdf.pageCount() >= 1
    assert "福康社区第一网格走访台账（2026年11月）" in section.status.text()


def test_save_ledger_as_xlsx_and_roster_as_pdf(finish, qtbot, section, tmp_path):
    from openpyxl import load_workbook

    _choose(section, "ledger:households")
    section.save_to(tmp_path / "households.xlsx")
    assert finish(qtbot, section) == "done"
    header = [c.value for c in load_workbook(tmp_path / "households.xlsx").active[3]]
    assert header[0] == "序号" and "户主身份证号" in header
    _choose(section, "roster")
    section.save_to(tmp_path / "roster.pdf")
    assert finish(qtbot, section) == "done"
    assert (tmp_path / "roster.pdf").stat().st_size > 0


def test_notice_editor_saves_a_user_template(qtbot):
    from gridkeeper.ui.sections.notice_editor import NoticeEditor

    dialog = NoticeEditor(notices.load_template("outage"))
    qtbot.addWidget(dialog)
    dialog.title.setText("紧急停水通知")
    assert dialog.save()
    saved = notices.load_template("outage_mine")
    assert saved.user and saved.title == "紧急停水通知"
    assert (notices.user_dir() / "outage_mine.json").is_file()
