"""Request performance for a set of requests in a period, against figures worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from gridkeeper.domain.enums import RequestCategory
from gridkeeper.domain.period import parse_period
from gridkeeper.services.request_performance import RequestPerformance, performance_by, request_performance, tally
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Compound, ResidentRequest
from tests.services import board_fixture
from tests.services.board_fixture import NANFANG, TODAY

NOVEMBER = parse_period("2026-11")


@pytest.fixture
def community(session):
    return board_fixture.build(session)


def test_a_company_with_ten_requests_eight_on_time(session, community):
    figures = request_performance(session, period=NOVEMBER, today=TODAY, where=(
        Compound.property_company == NANFANG, ResidentRequest.category == RequestCategory.PROPERTY))
    assert (figures.received, figures.resolved, figures.on_time, figures.withdrawn) == (10, 10, 8, 1)
    assert figures.on_time_percent == 80.0
    assert figures.average_days == 5.0  # (2+3+4+5+6+7+1+2+9+11) / 10
    assert figures.overdue_now == 0
    assert (figures.rated, figures.satisfied, figures.satisfaction_percent) == (10, 8, 80.0)


def test_per_grid_and_the_community_in_one_pass(session, community):
    by_grid = performance_by(session, (Building.grid_id,), period=NOVEMBER, today=TODAY)
    fk1, fk2 = by_grid[community["grids"]["FK-01"]], by_grid[community["grids"]["FK-02"]]
    # FK-01: 10 + sanitation (on time, 1 day, 满意) + 老街 open not due + parking (9 days, late, 不满意).
    assert (fk1.received, fk1.resolved, fk1.on_time, fk1.overdue_now, fk1.withdrawn) == (13, 12, 9, 0, 1)
    assert (fk1.on_time_percent, fk1.average_days, fk1.satisfaction_percent) == (75.0, 5.0, 75.0)
    # FK-02: 5 on time in 2 days + one open past its deadline + 龙苑 (3 days, 基本满意).
    assert (fk2.received, fk2.resolved, fk2.on_time, fk2.overdue_now) == (7, 6, 6, 1)
    assert (fk2.on_time_percent, fk2.average_days, fk2.satisfaction_percent) == (85.7, 2.2, 100.0)
    whole = request_performance(session, period=NOVEMBER, today=TODAY)
    assert (whole.received, whole.on_time, whole.judged) == (20, 15, 19)
    assert (whole.on_time_percent, whole.average_days, whole.satisfaction_percent) == (78.9, 4.1, 83.3)


def test_scope_and_previous_period(session, community):
    fk2 = Scope(grid_id=community["grids"]["FK-02"])
    assert request_performance(session, period=NOVEMBER, today=TODAY, scope=fk2).received == 7
    october = request_performance(session, period=NOVEMBER.previous(), today=TODAY)
    assert (october.received, october.on_time, october.satisfaction_percent) == (1, 1, 0.0)
    assert request_performance(session, period=parse_period("2026-Q4"), today=TODAY).received == 21


def test_open_late_requests_count_against_the_rate_and_nothing_to_judge_is_none():
    today = date(2026, 11, 20)
    figures = tally([("resolved", date(2026, 11, 1), date(2026, 11, 8), date(2026, 11, 3), None),
                     ("in_progress", date(2026, 11, 1), date(2026, 11, 8), None, None),
                     ("received", date(2026, 11, 18), date(2026, 11, 25), None, None)], today=today)
    assert (figures.received, figures.judged, figures.on_time_percent, figures.overdue_now) == (3, 2, 50.0, 1)
    assert figures.satisfaction_percent is None
    empty = RequestPerformance()
    assert (empty.on_time_percent, empty.average_days, empty.satisfaction_percent) == (None, None, None)
    assert set(empty.as_dict()) >= {"received", "on_time_percent", "average_days", "overdue_now",
                                    "satisfaction_percent"}
