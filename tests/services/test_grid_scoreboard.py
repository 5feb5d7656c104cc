"""The grid scoreboard against the hand-worked community (tests/services/board_fixture.py)."""

from __future__ import annotations

import pytest

from gridkeeper.domain.period import parse_period
from gridkeeper.services import accounts
from gridkeeper.services.grid_scoreboard import grid_scoreboard
from tests.services import board_fixture
from tests.services.board_fixture import TODAY
from tests.services.statement_counter import counting_statements

NOVEMBER = parse_period("2026-11")


@pytest.fixture
def community(session):
    return board_fixture.build(session)


def _figures(line):
    f = line.current
    return (f.households, f.visited, f.coverage_percent, f.care_households, f.care_on_cadence, f.care_percent,
            f.on_time_percent, f.satisfaction_percent, f.hazards_percent, f.posts, f.vacant_posts, f.service_hours,
            f.score)


def test_each_grid_against_hand_figures(session, community):
    board = grid_scoreboard(session, period=NOVEMBER, today=TODAY)
    assert [line.code for line in board.lines] == ["FK-02", "FK-01"]  # 68.9 before 63.3
    fk2, fk1 = board.lines
    assert _figures(fk1) == (12, 6, 50.0, 3, 2, 66.7, 75.0, 75.0, 50.0, 5, 3, 3.5, 63.3)
    assert _figures(fk2) == (10, 9, 90.0, 1, 0, 0.0, 85.7, 100.0, None, 5, 4, 2.0, 68.9)
    assert (fk1.steward, fk1.rank, fk2.rank) == ("张伟", 2, 1)


def test_previous_period_and_trend(session, community):
    board = grid_scoreboard(session, period=NOVEMBER, today=TODAY)
    fk2, fk1 = board.lines
    before = fk1.previous
    assert (before.visited, before.coverage_percent, before.care_on_cadence, before.vacant_posts,
            before.service_hours) == (4, 33.3, 1, 4, 4.0)
    assert (before.requests.received, before.on_time_percent, before.satisfaction_percent) == (1, 100.0, 0.0)
    assert (before.hazards_due, before.hazards_percent, before.score) == (1, 100.0, 53.3)
    assert (fk2.previous.coverage_percent, fk2.previous.care_percent, fk2.previous.on_time_percent,
            fk2.previous.vacant_posts, fk2.previous.score) == (10.0, 100.0, None, 3, 55.0)
    trend = fk1.trend()
    assert (trend["coverage_percent"], trend["care_percent"], trend["hazards_percent"], trend["vacant_posts"],
            trend["service_hours"]) == (16.7, 33.4, -50.0, -1, -0.5)
    assert fk2.trend()["on_time_percent"] is None


def test_the_community_line_adds_counts_not_percentages(session, community):
    total = grid_scoreboard(session, period=NOVEMBER, today=TODAY).total
    f = total.current
    assert (total.name, f.households, f.visited, f.coverage_percent, f.care_percent) == ("全社区", 22, 15, 68.2, 50.0)
    assert (f.on_time_percent, f.satisfaction_percent, f.hazards_percent, f.posts, f.vacant_posts, f.service_hours
            ) == (78.9, 83.3, 50.0, 10, 7, 5.5)
    assert (total.previous.visited, total.previous.coverage_percent, total.previous.service_hours) == (5, 22.7, 4.0)


def test_a_quarter_and_json_keys(session, community):
    board = grid_scoreboard(session, period=parse_period("2026-Q4"), today=TODAY)
    data = board.as_dict()
    assert data["previous_period"] == "2026-Q3" and [g["grid"] for g in data["grids"]] == ["FK-02", "FK-01"]
    fk1 = data["grids"][1]
    assert fk1["visited"] == 7 and fk1["service_hours"] == 7.5 and fk1["previous"]["service_hours"] == 10.0
    assert set(fk1) >= {"grid", "name", "steward", "rank", "coverage_percent", "care_percent", "on_time_percent",
                        "satisfaction_percent", "hazards_percent", "vacant_posts", "service_hours", "score", "previous", "trend"}
    assert data["total"]["name"] == "全社区"


def test_a_handful_of_queries_whatever_the_number_of_grids(session, engine, community):
    with counting_statements(engine) as statements:
        grid_scoreboard(session, period=NOVEMBER, today=TODAY)
    assert len(statements) <= 11, statements


def test_a_steward_sees_their_own_grids(session, engine, community):
    accounts.create_account(session, "admin", "admin-pass-1", role="administrator")
    steward = accounts.create_account(session, "lixy", "steward-pass-1", grid_codes=["FK-02"])
    session.commit()
    accounts.sign_in(engine, steward)
    board = grid_scoreboard(session, period=NOVEMBER, today=TODAY)
    assert [line.code for line in board.lines] == ["FK-02"]
    assert (board.total.name, board.total.current.households) == ("合计", 10)
