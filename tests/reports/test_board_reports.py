"""The 红黑榜 poster and the scoreboard's printed cells, at sizes the hand-worked fixture does not reach."""

from __future__ import annotations

from datetime import date

from gridkeeper.domain.period import parse_period
from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.reports.property_poster import compounds_text, write_poster
from gridkeeper.reports.scoreboard import change_text
from gridkeeper.services.property_board import CompanyRow, PropertyBoard
from gridkeeper.services.request_performance import RequestPerformance
from tests.reports.printed import flat, pages_text


def test_a_company_serving_many_compounds_keeps_the_poster_on_one_readable_page(tmp_path):
    """The compounds are summed up (…等12个小区) rather than listed until the poster shrinks to fit."""
    names = [f"第{i}小区" for i in range(1, 13)]
    assert compounds_text(names) == "第1小区等12个小区"
    assert compounds_text(names[:2]) == "第1小区、第2小区"
    figures = RequestPerformance(received=40, resolved=40, on_time=36, days_taken=120, rated=40, satisfied=38)
    board = PropertyBoard(parse_period("2026-11"), date(2026, 11, 20), "福康社区", Thresholds(),
                          ranked=[CompanyRow(f"物业公司{i}", names, 3000, figures, 92.5, i,
                                             "red" if i <= 3 else "middle") for i in range(1, 9)])
    write_poster(board, tmp_path / "p.pdf")
    pages = pages_text(tmp_path / "p.pdf")
    text = flat(pages[0])
    assert len(pages) == 1 and "第1小区等12个" in text and "第12小区" not in text
    assert text.count("90.0%") == 3  # the three on the red list, and nobody else (not on a list: not printed)


def test_changes_read_as_arrows():
    assert (change_text(3.14), change_text(-2.0), change_text(0.0), change_text(None)) == ("↑3.14", "↓2", "持平", "")


def test_both_boards_from_the_print_section(session, tmp_path):
    """打印与导出 offers both boards for the month picked, as PDF or xlsx, named after the community."""
    import openpyxl

    from gridkeeper.reports.jobs import PrintJob, file_name, produce
    from tests.services import board_fixture

    board_fixture.build(session)
    grids = PrintJob("board:grids", grid_code="FK-01", month=date(2026, 11, 1), today=board_fixture.TODAY)
    assert str(produce(session, grids, tmp_path / "g.pdf")) == "网格工作考核情况表 2026年11月（2 个网格）"
    assert "FK-02第二网格" in flat(pages_text(tmp_path / "g.pdf")[0])  # the whole community, whatever grid is picked
    assert file_name(session, grids, ".pdf") == "福康社区居民委员会网格工作考核情况表-2026-11.pdf"
    property_ = PrintJob("board:property", month=date(2026, 11, 1), today=board_fixture.TODAY)
    assert property_.can_export_xlsx()
    assert str(produce(session, property_, tmp_path / "p.xlsx")) == "物业服务企业红黑榜 2026年11月（红榜 1 家，黑榜 1 家）"
    assert openpyxl.load_workbook(tmp_path / "p.xlsx").active["B4"].value == board_fixture.WEIJIE
