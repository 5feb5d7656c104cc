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
def section(qtbot, threaded_ctx):
    """The section over a database file: its reads run in a worker thread, as in the app."""
    from sqlmodel import Session

    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.sections.boards import BoardsSection
    from tests.services import board_fixture

    with Session(threaded_ctx.engine) as session:
        board_fixture.build(session)
    widget = BoardsSection(AppContext(threaded_ctx.database, today=board_fixture.TODAY))
    qtbot.addWidget(widget)
    counted(qtbot, widget)
    return widget


def counted(qtbot, section) -> None:
    """Wait for the boards read in the background."""
    qtbot.waitUntil(lambda: not section.reader.loading(), timeout=20000)


def _cells(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_month_just_closed_is_shown_first_and_a_period_can_be_picked(qtbot, section):
    assert section.current_period() == parse_period("2026-10")  # for the monthly meeting in November
    section.choose_period(parse_period("2026-11"))
    counted(qtbot, section)
    assert section.current_period() == parse_period("2026-11")
    assert "2026年11月" in section.heading.text() and "2026年10月" in section.heading.text()
    assert _cells(section.grid_model, 1) == ["FK-02 第二网格", "FK-01 第一网格", "全社区"]
    assert _cells(section.grid_model, 4)[1] == "50.0%  ↑16.7"
    assert section.grid_model.data(section.grid_model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is not None
    section.choose_period(parse_period("2026-Q4"))
    counted(qtbot, section)
    assert section.grids.period.text == "2026-Q4"


def test_companies_ranked_with_their_lists_and_thresholds(qtbot, section):
    section.choose_period(parse_period("2026-11"))
    counted(qtbot, section)
    section.tabs.setCurrentIndex(1)
    assert _cells(section.company_model, 1) == [WEIJIE, NANFANG, LONGJIANG]
    assert _cells(section.company_model, 2) == ["Red list", "Black list", "Too few to rank"]
    grids = section.grids
    section.min_requests.setValue(2)  # the figures follow the rule at once
    counted(qtbot, section)
    assert _cells(section.company_model, 2)[2] == "Black list"
    assert section.grids is grids  # the grids do not depend on it: not read again
    section.keep_thresholds()
    with section.ctx.read() as session:
        assert thresholds(session) == Thresholds(min_requests=2)


def test_saving_both_boards(qtbot, section, tmp_path):
    section.choose_period(parse_period("2026-11"))
    counted(qtbot, section)
    section.save_to(tmp_path / "grids.pdf")
    assert "网格工作考核情况表" in flat(pages_text(tmp_path / "grids.pdf")[0])
    section.tabs.setCurrentIndex(1)
    section.save_to(tmp_path / "board.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "board.xlsx").active.iter_rows(min_row=4, values_only=True))
    assert [row[1] for row in rows[:3]] == [WEIJIE, NANFANG, LONGJIANG]
    assert section.suggested_name(".pdf") == "福康社区居民委员会物业服务企业红黑榜-2026-11.pdf"


def test_a_change_elsewhere_refreshes_when_the_section_is_next_shown(qtbot, section):
    section.choose_period(parse_period("2026-11"))
    counted(qtbot, section)
    with section.ctx.write() as session:
        from gridkeeper.services import geography as geo

        geo.update_grid(session, geo.grid_by_code(session, "FK-01").id, name="第一网格", steward_name="王芳")
    section.ctx.notify(Change.PLACES)
    assert section._stale and "张伟" in _cells(section.grid_model, 2)  # hidden: not read again yet
    section.show()
    counted(qtbot, section)
    assert not section._stale and "王芳" in _cells(section.grid_model, 2)


# -- read in the background: the window never waits for the figures ---------------------------------------


@pytest.fixture
def slow_board(monkeypatch):
    """The grid scoreboard held until the test lets it go, per period asked for."""
    import threading

    from gridkeeper.ui.sections import boards

    gates: dict[str, threading.Event] = {}
    real = boards.grid_scoreboard

    def held(session, *, period, today):
        gates.setdefault(period.text, threading.Event()).wait(20)
        return real(session, period=period, today=today)

    monkeypatch.setattr(boards, "grid_scoreboard", held)
    return lambda text: gates.setdefault(text, threading.Event())


def test_the_section_shows_it_is_counting_then_the_figures(qtbot, section, slow_board):
    section.show()
    section.choose_period(parse_period("2026-11"))
    assert section.reader.loading() and section.reader.label.isVisible()
    assert section.reader.label.text() == "Counting…"  # 正在统计… in Chinese
    assert section.grids.period.text == "2026-10"  # the window answers meanwhile, showing what it had
    slow_board("2026-11").set()
    counted(qtbot, section)
    assert not section.reader.label.isVisible()
    assert section.grids.period.text == "2026-11"
    assert _cells(section.grid_model, 1) == ["FK-02 第二网格", "FK-01 第一网格", "全社区"]


def test_a_quick_second_choice_wins_over_the_first_still_running(qtbot, section, slow_board):
    section.choose_period(parse_period("2026-09"))
    first = section.reader._task
    section.choose_period(parse_period("2026-11"))  # the steward changes their mind at once
    slow_board("2026-11").set()
    counted(qtbot, section)
    assert section.grids.period.text == "2026-11"
    slow_board("2026-09").set()  # the first answers late ...
    assert first.wait(20000)
    qtbot.wait(50)
    assert section.grids.period.text == "2026-11"  # ... and is dropped
    assert "2026年11月" in section.heading.text()


def test_a_failing_read_reaches_the_user(qtbot, section, monkeypatch):
    from gridkeeper.services.errors import ServiceError
    from gridkeeper.ui import errors
    from gridkeeper.ui.sections import boards

    shown: list[str] = []
    monkeypatch.setattr(errors, "_box", lambda _parent, _title, text: shown.append(text))

    def refused(session, **_kw):
        raise ServiceError("无权查看这些网格")

    monkeypatch.setattr(boards, "grid_scoreboard", refused)
    section.choose_period(parse_period("2026-11"))
    counted(qtbot, section)
    assert shown == ["无权查看这些网格"]
    assert not section.reader.label.isVisible()
    section.ask_save(".pdf")  # the figures shown are not the period chosen: not saved as if they were
    assert shown[1] == "The figures are still being counted: try again in a moment."


def test_reading_both_boards_takes_a_handful_of_statements(qtbot, section):
    from sqlalchemy import Engine, event

    seen: list[str] = []
    listener = lambda *args: seen.append(args[2])  # noqa: E731
    engine = Engine  # every engine: the worker reads on its own
    event.listen(engine, "before_cursor_execute", listener)
    try:
        section.choose_period(parse_period("2026-11"))
        counted(qtbot, section)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert 0 < len(seen) <= 20
