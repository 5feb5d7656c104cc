"""The Boards section (考核评比): pick a period, see the grids and the property companies ranked, save them."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from gridkeeper.domain.period import parse_period
from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.services.changes import Change
from gridkeeper.services.property_board import thresholds
from tests.reports.printed import flat, pages_text
from tests.services.board_fixture import LONGJIANG, NANFANG, WEIJIE


@pytest.fixture
def section(qtbot, database, app_font):
    from sqlmodel import Session

    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.sections.boards import BoardsSection
    from tests.services import board_fixture

    with Session(database.engine) as session:
        board_fixture.build(session)
    widget = BoardsSection(AppContext(database, today=board_fixture.TODAY))
    qtbot.addWidget(widget)
    return widget


def _cells(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_month_just_closed_is_shown_first_and_a_period_can_be_picked(section):
    assert section.current_period() == parse_period("2026-10")  # for the monthly meeting in November
    section.choose_period(parse_period("2026-11"))
    assert section.current_period() == parse_period("2026-11")
    assert "2026年11月" in section.heading.text() and "2026年10月" in section.heading.text()
    assert _cells(section.grid_model, 1) == ["FK-02 第二网格", "FK-01 第一网格", "全社区"]
    assert _cells(section.grid_model, 4)[1] == "50.0%  ↑16.7"
    assert section.grid_model.data(section.grid_model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is not None
    section.choose_period(parse_period("2026-Q4"))
    assert section.grids.period.text == "2026-Q4"


def test_companies_ranked_with_their_lists_and_thresholds(section):
    section.choose_period(parse_period("2026-11"))
    section.tabs.setCurrentIndex(1)
    assert _cells(section.company_model, 1) == [WEIJIE, NANFANG, LONGJIANG]
    assert _cells(section.company_model, 2) == ["Red list", "Black list", "Too few to rank"]
    grids = section.grids
    section.min_requests.setValue(2)  # the figures follow the rule at once
    assert _cells(section.company_model, 2)[2] == "Black list"
    assert section.grids is grids  # the grids do not depend on it: not read again
    section.keep_thresholds()
    with section.ctx.read() as session:
        assert thresholds(session) == Thresholds(min_requests=2)


def test_saving_both_boards(section, tmp_path):
    section.choose_period(parse_period("2026-11"))
    section.save_to(tmp_path / "grids.pdf")
    assert "网格工作考核情况表" in flat(pages_text(tmp_path / "grids.pdf")[0])
    section.tabs.setCurrentIndex(1)
    section.save_to(tmp_path / "board.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "board.xlsx").active.iter_rows(min_row=4, values_only=True))
    assert [row[1] for row in rows[:3]] == [WEIJIE, NANFANG, LONGJIANG]
    assert section.suggested_name(".pdf") == "福康社区居民委员会物业服务企业红黑榜-2026-11.pdf"


def test_a_change_elsewhere_refreshes_when_the_section_is_next_shown(section):
    section.choose_period(parse_period("2026-11"))
    with section.ctx.write() as session:
        from gridkeeper.services import geography as geo

        geo.update_grid(session, geo.grid_by_code(session, "FK-01").id, name="第一网格", steward_name="王芳")
    section.ctx.notify(Change.PLACES)
    assert section._stale and "张伟" in _cells(section.grid_model, 2)  # hidden: not read again yet
    section.show()
    assert not section._stale and "王芳" in _cells(section.grid_model, 2)
