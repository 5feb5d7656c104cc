"""Each screen's read sends a bounded number of statements, whatever the size of the community: on PostgreSQL
every statement is a round trip (counted with a SQLAlchemy event over the 600-household demo)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from gridkeeper.domain.period import parse_period
from gridkeeper.services.scope import EVERYWHERE
from tests.conftest import TODAY


def _statements(ctx, read) -> int:
    seen: list[str] = []
    listener = lambda *args: seen.append(args[2])  # noqa: E731
    event.listen(ctx.engine, "before_cursor_execute", listener)
    try:
        with ctx.read() as session:
            read(session)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", listener)
    return len(seen)


def _today(session):
    from gridkeeper.ui.sections.today import read_today

    return read_today(session, scope=EVERYWHERE, today=TODAY, everywhere="全社区")


def _overview(session):
    from gridkeeper.ui.overview import read_overview

    return read_overview(session, scope=EVERYWHERE, today=TODAY, everywhere="全社区")


def _requests(session):
    from gridkeeper.services.request_lists import tab_counts
    from gridkeeper.ui.sections.requests import request_rows

    tab_counts(session, today=TODAY, scope=EVERYWHERE, text="")
    return request_rows(session, "all", today=TODAY, scope=EVERYWHERE, text="", limit=200, offset=0)


def _visits(session):
    from gridkeeper.services.visitors import visitor_names
    from gridkeeper.ui.sections.visits import visit_rows

    visitor_names(session, scope=EVERYWHERE, start=date(2026, 11, 1), end=date(2026, 12, 1))
    return visit_rows(session, scope=EVERYWHERE, start=date(2026, 11, 1), end=date(2026, 12, 1), visitor="",
                      limit=200, offset=0)


def _boards(session):
    from gridkeeper.services.grid_scoreboard import grid_scoreboard
    from gridkeeper.services.property_board import property_board

    period = parse_period("2026-10")
    return grid_scoreboard(session, period=period, today=TODAY), property_board(session, period=period, today=TODAY)


# The bounds are today's counts (the same at 100,000 households: benchmarks/ui_reads.py), not a wish: Today
# and the Overview gather six registers' figures, a query or a few each.
@pytest.mark.parametrize(("screen", "read", "most"), [("today", _today, 32), ("overview", _overview, 35),
                                                      ("requests", _requests, 16), ("visits", _visits, 7),
                                                      ("boards", _boards, 15)])
def test_a_screens_read_sends_a_bounded_number_of_statements(demo_ctx, screen, read, most):
    assert 0 < _statements(demo_ctx, read) <= most, screen
