"""A past month's ledger shows each household's last visit as of that month's end, not today's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from gridkeeper.domain.enums import CareTag
from gridkeeper.reports.ledger_data import last_visits_before, month_period
from gridkeeper.reports.ledger_work import LedgerRequest, build_ledger
from gridkeeper.reports.ledgers import write_ledger
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visits import VisitInput, record_visit
from tests.conftest import TODAY
from tests.reports.printed import flat, pages_text

VISITS = {  # room → its visits
    "301": [date(2026, 9, 15), date(2026, 11, 5)],
    "302": [date(2026, 9, 2), date(2026, 10, 20)],  # 赵秀兰 lives alone (a care household)
    "401": [date(2026, 10, 8)],
}


@pytest.fixture
def visited(session, place):
    for room, name in (("301", "王建华"), ("302", "赵秀兰"), ("401", "陈志强")):
        extra = {"tags": [CareTag.LIVING_ALONE.value]} if room == "302" else {}
        home = create_household(session, HouseholdInput(unit_id=place["unit"], room=room),
                                [ResidentInput(name=name, is_head=True, **extra)]).household
        for day in VISITS[room]:
            record_visit(session, VisitInput(household_id=home.id, visited_on=day, visitor_name="李晓燕"), today=TODAY)
    session.commit()
    return place


def _last_visits(session, kind: str, month: date) -> dict[str, str]:
    data = build_ledger(session, LedgerRequest(kind, month_period(month), "FK-03", today=TODAY))
    column = data.header.index("最近走访")
    return {row[1][-3:]: row[column] for row in data.rows}


def test_households_ledger_as_of_the_months_end(session, visited):
    assert _last_visits(session, "households", date(2026, 9, 1)) == {"301": "2026-09-15", "302": "2026-09-02",
                                                                      "401": ""}
    assert _last_visits(session, "households", date(2026, 10, 1)) == {"301": "2026-09-15", "302": "2026-10-20",
                                                                       "401": "2026-10-08"}
    # The current month: Household.last_visit_on, which is exact.
    assert _last_visits(session, "households", date(2026, 11, 1)) == {"301": "2026-11-05", "302": "2026-10-20",
                                                                       "401": "2026-10-08"}


def test_care_ledger_due_and_overdue_as_of_the_months_end(session, visited):
    data = build_ledger(session, LedgerRequest("care", month_period(date(2026, 9, 1)), "FK-03", today=TODAY))
    (row,) = data.rows
    interval = int(row[5].strip("每天"))
    due = date(2026, 9, 2) + timedelta(days=interval)
    assert (row[6], row[7]) == ("2026-09-02", due.isoformat())
    late = (date(2026, 9, 30) - due).days
    assert row[8] == (f"超期{late}天" if late > 0 else "")
    assert _last_visits(session, "care", date(2026, 10, 1)) == {"302": "2026-10-20"}


def test_grouped_last_visits_follow_the_scope(session, visited):
    assert sorted(last_visits_before(session, EVERYWHERE, date(2026, 10, 1)).values()) == [date(2026, 9, 2),
                                                                                          date(2026, 9, 15)]
    assert last_visits_before(session, Scope(grid_id=visited["grid"] + 1), date(2026, 12, 1)) == {}


def test_pdf_and_xlsx_agree_on_a_past_month(session, visited, tmp_path):
    data = build_ledger(session, LedgerRequest("households", month_period(date(2026, 9, 1)), "FK-03", today=TODAY))
    write_ledger(data, tmp_path / "h.pdf")
    write_ledger(data, tmp_path / "h.xlsx")
    text = flat("".join(pages_text(tmp_path / "h.pdf")))
    cells = [str(v) for row in load_workbook(tmp_path / "h.xlsx").active.iter_rows(values_only=True) for v in row
             if v is not None]
    for shown in ("2026-09-15", "2026-09-02"):
        assert shown in text and shown in cells
    for later in ("2026-11-05", "2026-10-20", "2026-10-08"):  # visits after September appear in neither
        assert later not in text and later not in cells
    assert "截至2026年9月30日" in text
