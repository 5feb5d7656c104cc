"""Search by every key a steward types; coverage, care schedule and headline figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, func, select

from gridkeeper.domain.care import VisitFrequency
from gridkeeper.services import coverage, geography, household_list, search, settings, stats, visits
from gridkeeper.services import households as hh
from gridkeeper.services.household_list import HouseholdFilter
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import Scope
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Visit
from tests.conftest import TODAY


@pytest.fixture
def street(session, place):
    people = [("301", "张三丰", "11010519491231002X", "13812345678", ["独居老人"]),
              ("302", "单雄信", "440524188001010014", "13900002222", []),
              ("1201", "王建华", "", "0451-86123456", ["低保"])]
    ids = {}
    for room, name, id_number, phone, tags in people:
        saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room=room),
                                    [ResidentInput(name=name, id_number=id_number, phone=phone, tags=tags)], today=TODAY)
        ids[name] = saved.household.id
    session.commit()
    return ids


@pytest.mark.parametrize("typed, expected", [
    ("zsf", "张三丰"), ("ZSF", "张三丰"), ("sxx", "单雄信"), ("shanx", "单雄信"), ("wjh", "王建华"),
    ("张三", "张三丰"), ("雄信", "单雄信"), ("138123", "张三丰"), ("002X", "张三丰"), ("002x", "张三丰"),
    ("0014", "单雄信"), ("11010519491231002X", "张三丰"),
])
def test_search_finds_resident(session, street, typed, expected):
    hits = search.search(session, typed)
    assert hits and hits[0].title == expected and hits[0].kind == "resident"
    assert hits[0].address == "幸福家园7号楼2单元" + {"张三丰": "301", "单雄信": "302", "王建华": "1201"}[expected]


@pytest.mark.parametrize("typed", ["7-2-301", "7号楼2单元301", "7栋二单元301室", "７#2-301"])
def test_search_by_address(session, street, typed):
    hits = search.search(session, typed)
    assert [h.household_id for h in hits] == [street["张三丰"]]


def test_search_handles_nothing_and_hostile(session, street):
    assert search.search(session, "") == [] and search.search(session, "   ") == []
    assert search.search(session, "%") == [] and search.search(session, "'; DROP TABLE resident; --") == []
    assert search.search(session, "xyzq") == []


def test_household_list_filters_and_sorts(session, street):
    ids = household_list.household_ids(session)
    assert ids == [street["张三丰"], street["单雄信"], street["王建华"]]  # floor order: 3, 3, 12
    assert household_list.household_ids(session, filters=HouseholdFilter(any_care=True)) == [street["张三丰"], street["王建华"]]
    assert household_list.household_ids(session, filters=HouseholdFilter(care_tag="低保")) == [street["王建华"]]
    visits.record_visit(session, visits.VisitInput(household_id=street["单雄信"], visited_on=TODAY), today=TODAY)
    not_visited = household_list.household_ids(session, filters=HouseholdFilter(not_visited_days=30), today=TODAY)
    assert street["单雄信"] not in not_visited and len(not_visited) == 2
    by_visit = household_list.household_ids(session, sort="last_visit", descending=True)
    assert by_visit[0] == street["单雄信"]


def test_care_schedule_and_configurable_frequency(session, street):
    visits.record_visit(session, visits.VisitInput(household_id=street["张三丰"], visited_on=TODAY - timedelta(days=8)),
                        today=TODAY)
    due = {d.household_id: d for d in coverage.care_schedule(session, today=TODAY)}
    assert set(due) == {street["张三丰"], street["王建华"]}
    alone = due[street["张三丰"]]
    assert (alone.interval_days, alone.overdue_days) == (7, 1)
    assert due[street["王建华"]].last_visit_on is None and due[street["王建华"]].overdue_days == 0
    settings.set_visit_frequency(session, VisitFrequency.from_dict({"tag_days": {"living_alone": 10}}))
    alone = {d.household_id: d for d in coverage.care_schedule(session, today=TODAY)}[street["张三丰"]]
    assert (alone.interval_days, alone.overdue_days) == (10, -2)
    with pytest.raises(ValueError):
        VisitFrequency.from_dict({"tag_days": {"living_alone": 0}})


def test_coverage_per_grid_and_unit(session, street):
    visits.record_visit(session, visits.VisitInput(household_id=street["张三丰"], visited_on=TODAY), today=TODAY)
    (row,) = coverage.coverage(session, since=coverage.month_start(TODAY))
    assert (row.label, row.households, row.visited, round(row.percent)) == ("FK-03", 3, 1, 33)
    assert coverage.coverage(session, since=TODAY, level="unit")[0].visited == 1
    assert sorted(coverage.not_visited_since(session, since=TODAY)) == sorted([street["单雄信"], street["王建华"]])


def test_place_tree_and_delete_rules(session, place, street):
    (grid,) = geography.place_tree(session)
    assert grid.label == "FK-03 第三网格"
    assert [c.label for c in grid.children] == ["幸福家园"]
    assert grid.children[0].children[0].children[0].label == "2单元"
    from gridkeeper.services.errors import ServiceError
    from gridkeeper.storage.models import Unit

    with pytest.raises(ServiceError, match="不能删除"):
        geography.delete_place(session, Unit, place["unit"])


def test_building_labels_are_one_place(session, place):
    from gridkeeper.services.errors import Duplicate

    for label in ("7栋", "7#", "７号楼", "7幢"):
        with pytest.raises(Duplicate):
            geography.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label=label)
        session.rollback()
    assert geography.find_or_create_building(session, grid_id=place["grid"], compound_id=place["compound"],
                                             label="7#").id == place["building"]


def test_stats_match_what_demo_generated(demo_db):
    path, counts = demo_db
    engine = open_database(path).engine
    with Session(engine) as session:
        figures = stats.headline(session, today=TODAY)
        visited = session.exec(select(func.count(func.distinct(Visit.household_id)))
                               .where(Visit.visited_on >= date(2026, 11, 1))).one()
    engine.dispose()
    for key, table in [("grids", "grid"), ("compounds", "compound"), ("buildings", "building"), ("units", "unit"),
                       ("households", "household"), ("residents", "resident"), ("visits", "visit"),
                       ("requests", "resident_request")]:
        assert figures[key] == counts[table], key
    assert figures["households"] == 600 and figures["visits"] > 3000
    assert 0 < figures["requests_overdue"] <= figures["requests_open"] < figures["requests"]
    assert figures["visited_this_month"] == visited
    assert 0 < figures["care_households"] < figures["households"]
    assert 0 < figures["leaders"] < counts["grid"] + counts["building"] + counts["unit"]
