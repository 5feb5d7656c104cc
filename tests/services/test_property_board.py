"""The red and black list of property companies against the hand-worked community (tests/services/board_fixture.py)."""

from __future__ import annotations

import pytest

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.period import parse_period
from gridkeeper.domain.property_ranking import Thresholds
from gridkeeper.services import accounts
from gridkeeper.services.property_board import property_board, set_thresholds, thresholds
from tests.services import board_fixture
from tests.services.board_fixture import LONGJIANG, NANFANG, TODAY, WEIJIE
from tests.services.statement_counter import counting_statements

NOVEMBER = parse_period("2026-11")


@pytest.fixture
def community(session):
    return board_fixture.build(session)


def test_companies_figures_and_lists(session, community):
    board = property_board(session, period=NOVEMBER, today=TODAY)
    rows = {row.name: row for row in [*board.ranked, *board.too_few]}
    nanfang, weijie, longjiang = rows[NANFANG], rows[WEIJIE], rows[LONGJIANG]
    assert (nanfang.figures.received, nanfang.figures.on_time_percent, nanfang.figures.average_days,
            nanfang.figures.overdue_now, nanfang.figures.satisfaction_percent, nanfang.households) == (10, 80.0, 5.0, 0, 80.0, 10)
    # 5 property requests and the pipes one dispatched to 伟捷 by name (still open, past its deadline).
    assert (weijie.figures.received, weijie.figures.on_time_percent, weijie.figures.average_days,
            weijie.figures.overdue_now, weijie.figures.satisfaction_percent, weijie.households) == (6, 83.3, 2.0, 1, 100.0, 6)
    # 龙苑's request and 老街's parking request dispatched to 龙江 by name: two, too few to judge.
    assert (longjiang.figures.received, longjiang.figures.on_time_percent, longjiang.households) == (2, 50.0, 4)
    assert [row.name for row in board.ranked] == [WEIJIE, NANFANG]
    assert [row.rank for row in board.ranked] == [1, 2]
    assert [row.name for row in board.red] == [WEIJIE]
    assert [row.name for row in board.black] == [NANFANG]  # satisfaction 80 % < 85 %
    assert [row.name for row in board.too_few] == [LONGJIANG] and longjiang.rank is None
    assert nanfang.compounds == ["幸福家园"] and board.community == "福康社区居民委员会"


def test_thresholds_move_companies_between_lists(session, community):
    lenient = Thresholds(on_time_below=70, satisfaction_below=75, min_requests=2, red_count=1)
    board = property_board(session, period=NOVEMBER, today=TODAY, rules=lenient)
    assert [row.name for row in board.ranked] == [WEIJIE, NANFANG, LONGJIANG]
    assert [row.name for row in board.red] == [WEIJIE]
    assert [row.name for row in board.black] == [LONGJIANG] and board.too_few == []
    assert "不足2件" in board.thresholds.basis() and "低于70%" in board.thresholds.basis()


def test_thresholds_are_kept_and_checked(session):
    assert thresholds(session) == Thresholds()
    set_thresholds(session, Thresholds(on_time_below=90, satisfaction_below=90, min_requests=3, red_count=2))
    assert thresholds(session).min_requests == 3
    with pytest.raises(ValueRuleError, match="满意度下限") as caught:
        Thresholds(satisfaction_below=120)
    assert caught.value.field == "satisfaction_below"
    assert str(caught.value) == "满意度下限：应在 0 到 100 之间，实际为 120"


def test_a_handful_of_queries_whatever_the_number_of_companies(session, engine, community):
    with counting_statements(engine) as statements:
        property_board(session, period=NOVEMBER, today=TODAY)
    assert len(statements) <= 4, statements


def test_a_steward_sees_the_companies_of_their_own_grids(session, engine, community):
    accounts.create_account(session, "admin", "admin-pass-1", role="administrator")
    steward = accounts.create_account(session, "zhangwei", "steward-pass-1", grid_codes=["FK-01"])
    session.commit()
    accounts.sign_in(engine, steward)
    board = property_board(session, period=NOVEMBER, today=TODAY)
    assert [row.name for row in [*board.ranked, *board.too_few]] == [NANFANG]


def test_a_request_dispatched_to_a_company_by_name_counts_for_that_company(session, community):
    """Named dispatch wins over the compound's company; an unnamed one goes to the compound's company."""
    from datetime import date

    from tests.services.board_fixture import _request

    xingfu = community["places"]["幸福家园"]["households"]
    _request(session, xingfu[3], date(2026, 11, 12), days=1, rating="satisfied", target="property_company", to=WEIJIE)
    _request(session, xingfu[4], date(2026, 11, 12), category="pipes", days=1, rating="satisfied",
             target="property_company", to="物业维修班")
    _request(session, xingfu[5], date(2026, 11, 12), category="noise", days=1, rating="satisfied",
             target="community", to=WEIJIE)  # dispatched to the community: no company's business
    session.commit()
    rows = {row.name: row for row in property_board(session, period=NOVEMBER, today=TODAY).ranked}
    assert rows[WEIJIE].figures.received == 7 and rows[NANFANG].figures.received == 11
