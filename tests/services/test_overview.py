"""Overview figures: requests by status and category, on-time resolution, satisfaction, service hours."""

from __future__ import annotations

from datetime import date

from gridkeeper.services.overview import requests_by_category, requests_by_status, resolution, service_hours_by_month
from gridkeeper.storage.models import ResidentRequest

TODAY = date(2026, 11, 20)


def test_overview_figures_on_demo(demo_db):
    from sqlmodel import Session, func, select

    from gridkeeper.services.database import open_database

    engine = open_database(demo_db[0]).engine
    try:
        with Session(engine) as session:
            total = session.exec(select(func.count()).select_from(ResidentRequest)).one()
            by_status = requests_by_status(session)
            assert [label for label, _ in by_status][:3] == ["已受理", "已派单", "办理中"]
            assert sum(n for _, n in by_status) == total
            assert sum(n for _, n in requests_by_category(session)) == total
            figures = resolution(session)
            assert 0 < figures.on_time <= figures.resolved
            assert 0 <= figures.satisfied_percent <= 100
            hours = service_hours_by_month(session, today=TODAY)
            assert len(hours) == 12 and hours[0][0] == date(2025, 12, 1) and hours[-1][0] == date(2026, 11, 1)
            assert sum(h for _, h in hours) > 0
    finally:
        engine.dispose()


def test_empty_database_gives_zeros(session, place):
    assert all(n == 0 for _, n in requests_by_status(session))
    assert requests_by_category(session) == []
    assert resolution(session).on_time_percent == 0.0
    assert all(h == 0 for _, h in service_hours_by_month(session, today=TODAY, months=3))
