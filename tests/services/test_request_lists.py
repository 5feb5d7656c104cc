"""The requests list's tabs: text filter over description, address, head, handler and number; counts per tab."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.request_lists import REQUEST_TABS, tab_counts, tab_requests
from gridkeeper.services.requests import RequestInput, advance, raise_request
from gridkeeper.services.scope import Scope
from tests.conftest import TODAY


@pytest.fixture
def requests_made(session, place):
    """王建华 (幸福家园7号楼2单元301): a leak, dispatched to 南方物业公司; 赵秀兰 (302): noise, overdue;
    孙丽 in another grid's 阳光小区1号楼: a leak, closed (rated)."""
    homes = {}
    for room, name, unit_id in (("301", "王建华", place["unit"]), ("302", "赵秀兰", place["unit"])):
        saved = create_household(session, HouseholdInput(unit_id=unit_id, room=room),
                                 [ResidentInput(name=name, is_head=True)])
        homes[name] = saved.household.id
    grid = geo.create_grid(session, code="FK-04", name="第四网格")
    compound = geo.create_compound(session, name="阳光小区")
    building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="1号楼")
    unit = geo.create_unit(session, building_id=building.id, label="1单元")
    homes["孙丽"] = create_household(session, HouseholdInput(unit_id=unit.id, room="101"),
                                     [ResidentInput(name="孙丽", is_head=True)]).household.id
    made = {}
    for key, name, text, raised in (("leak", "王建华", "厨房水管漏水", TODAY), ("noise", "赵秀兰", "楼上噪音扰民",
                                    TODAY - timedelta(days=10)), ("other", "孙丽", "卫生间漏水", TODAY - timedelta(days=3))):
        made[key] = raise_request(session, RequestInput(household_id=homes[name], description=text, raised_on=raised),
                                  today=TODAY).id
    advance(session, made["leak"], "dispatched", dispatched_to="南方物业公司", on=TODAY)
    for step, extra in (("dispatched", {"dispatched_to": "社区居委会"}), ("in_progress", {}),
                        ("resolved", {"feedback": "已修好"}), ("rated", {"rating": "satisfied"})):
        advance(session, made["other"], step, on=TODAY, **extra)
    session.commit()
    made["grid4"] = grid.id
    return made


def _ids(found):
    return sorted(r.id for r in found)


def test_text_matches_description_address_head_handler_and_number(session, requests_made):
    r = requests_made
    search = lambda text: _ids(tab_requests(session, "all", today=TODAY, text=text))  # noqa: E731
    assert search("漏水") == sorted([r["leak"], r["other"]])
    assert search("幸福家园7号楼2单元302") == [r["noise"]]
    assert search("7号楼") == sorted([r["leak"], r["noise"]])
    assert search("赵秀兰") == [r["noise"]]
    assert search("南方物业") == [r["leak"]]
    assert search(f"#{r['other']}") == [r["other"]] and search(f"＃{r['noise']}") == [r["noise"]]
    assert r["noise"] in search(str(r["noise"]))  # a bare number: the request number (or an address with it)
    assert search("漏水 阳光") == [r["other"]]  # every word must match
    assert search("50%_") == [] and search("  ") == sorted([r["leak"], r["noise"], r["other"]])


def test_tabs_list_and_count_the_same(session, requests_made):
    r = requests_made
    counts = tab_counts(session, today=TODAY)
    assert list(counts) == REQUEST_TABS
    assert (counts["open"], counts["overdue"], counts["received"], counts["dispatched"], counts["rated"],
            counts["all"]) == (2, 1, 1, 1, 1, 3)
    for tab in REQUEST_TABS:
        assert len(tab_requests(session, tab, today=TODAY)) == counts[tab], tab
    assert _ids(tab_requests(session, "overdue", today=TODAY)) == [r["noise"]]
    # Open work: earliest deadline first; closed and all: newest first.
    assert [x.id for x in tab_requests(session, "open", today=TODAY)] == [r["noise"], r["leak"]]
    assert [x.id for x in tab_requests(session, "all", today=TODAY)] == [r["leak"], r["other"], r["noise"]]
    assert [x.id for x in tab_requests(session, "all", today=TODAY, limit=1, offset=1)] == [r["other"]]


def test_counts_follow_scope_and_text(session, requests_made, place):
    grid3 = tab_counts(session, today=TODAY, scope=Scope(grid_id=place["grid"]))
    assert (grid3["all"], grid3["open"], grid3["rated"]) == (2, 2, 0)
    grid4 = tab_counts(session, today=TODAY, scope=Scope(grid_id=requests_made["grid4"]), text="漏水")
    assert (grid4["all"], grid4["open"], grid4["rated"]) == (1, 0, 1)
    assert tab_counts(session, today=TODAY, text="漏水")["open"] == 1
    assert tab_counts(session, today=TODAY + timedelta(days=30))["overdue"] == 2
    with pytest.raises(ValueError):
        tab_requests(session, "nonsense", today=date(2026, 11, 20))
