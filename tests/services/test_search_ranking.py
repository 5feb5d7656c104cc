"""Search ranked by where the steward works: place, then kind of match, then recent work, with the total."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gridkeeper.services import geography as geo
from gridkeeper.services import households as hh
from gridkeeper.services import requests as req
from gridkeeper.services import visits
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import Scope
from gridkeeper.services.search import PLACE_ELSEWHERE, PLACE_HERE, PLACE_NEAR, find, matches, nearby
from tests.conftest import TODAY


@pytest.fixture
def town(session):
    """Two grids: FK-01 (阳光花园 1号楼, 2号楼) and FK-02 (幸福家园 7号楼); unit 1 in each building."""
    geo.ensure_community(session, name="福康社区居民委员会")
    g1 = geo.create_grid(session, code="FK-01", name="第一网格")
    g2 = geo.create_grid(session, code="FK-02", name="第二网格")
    sun = geo.create_compound(session, name="阳光花园")
    joy = geo.create_compound(session, name="幸福家园")
    units = {}
    for grid, compound, label in ((g1, sun, "1号楼"), (g1, sun, "2号楼"), (g2, joy, "7号楼")):
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label=label)
        units[label] = geo.create_unit(session, building_id=building.id, label="2单元")
    session.commit()
    made: dict[str, int] = {}

    def home(label: str, room: str, *people: tuple) -> int:
        saved = hh.create_household(session, HouseholdInput(unit_id=units[label].id, room=room),
                                    [ResidentInput(name=n, id_number=i, phone=p) for n, i, p in people], today=TODAY)
        session.commit()
        made[f"{label}-{room}"] = saved.household.id
        return saved.household.id

    home("7号楼", "301", ("王建华", "11010519491231002X", "13812345678"))
    home("7号楼", "302", ("李建华", "", "13900005678"))
    home("7号楼", "303", ("王建华明", "", "13956781111"))
    home("1号楼", "101", ("王建华", "", "13700001111"))
    home("1号楼", "102", ("张建华", "", "13856781234"))
    home("2号楼", "301", ("吴建辉", "", ""))
    home("2号楼", "302", ("王建", "", ""))
    return {"units": units, "households": made, "grids": (g1.id, g2.id),
            "buildings": {k: u.building_id for k, u in units.items()}, "compounds": (sun.id, joy.id)}


def names(result):
    return [(h.title, h.address) for h in result.hits]


def test_whole_name_before_given_name_before_prefix_everywhere(session, town):
    result = find(session, "王建华")
    assert [h.title for h in result.hits] == ["王建华", "王建华", "王建华明"]
    assert [h.matched for h in result.hits] == ["姓名", "姓名", "姓名开头"]
    given = find(session, "建华")
    assert [h.title for h in given.hits] == ["张建华", "李建华", "王建华", "王建华", "王建华明"]  # then name order
    assert [h.matched for h in given.hits] == ["名字"] * 4 + ["名字开头"] and given.people == 5


def test_selected_building_then_its_grid_then_elsewhere(session, town):
    b1 = town["buildings"]["1号楼"]
    near = nearby(session, Scope(building_id=b1), today=TODAY)
    result = find(session, "王建", near=near)
    # 1号楼's 王建华 (here), 2号楼's 王建 (same grid), then 7号楼's (elsewhere) — place beats kind of match.
    assert names(result)[:2] == [("王建华", "阳光花园1号楼2单元101"), ("王建", "阳光花园2号楼2单元302")]
    assert [h.place for h in result.hits] == [PLACE_HERE, PLACE_NEAR, PLACE_ELSEWHERE, PLACE_ELSEWHERE]
    assert [h.title for h in result.hits[2:]] == ["王建华", "王建华明"]
    assert result.hits[1].matched == "姓名" and result.hits[0].matched == "姓名开头"
    assert result.people == 4 and not result.capped


def test_a_stewards_own_grids_come_first_when_nothing_is_selected(session, town):
    g2 = town["grids"][1]
    result = find(session, "王建华", near=nearby(session, Scope(), own_grid_ids=[g2], today=TODAY))
    assert result.hits[0].address == "幸福家园7号楼2单元301" and result.hits[0].nearby
    assert not result.hits[-1].nearby


def test_all_initials_before_a_prefix_of_them(session, town):
    result = find(session, "wj")
    assert result.hits[0].title == "王建" and result.hits[0].matched == "拼音首字母"
    assert {h.matched for h in result.hits[1:]} == {"首字母开头"}
    assert result.people == 5  # 王建, 王建华 ×2, 王建华明, 吴建辉
    assert [h.title for h in find(session, "wjh").hits][-1] == "王建华明"  # wjhm: a prefix


def test_recent_visit_or_open_request_ranks_higher(session, town):
    made = town["households"]

    def ranked():
        return [h.household_id for h in find(session, "建华", near=nearby(session, today=TODAY)).hits]

    assert ranked()[:4] == [made["1号楼-102"], made["7号楼-302"], made["1号楼-101"], made["7号楼-301"]]  # 张 李 王 王
    visits.record_visit(session, visits.VisitInput(household_id=made["7号楼-301"], visited_on=TODAY - timedelta(days=3)),
                        today=TODAY)
    visits.record_visit(session, visits.VisitInput(household_id=made["1号楼-101"], visited_on=TODAY - timedelta(days=60)),
                        today=TODAY)  # not recent: no lift
    session.commit()
    assert ranked()[:4] == [made["7号楼-301"], made["1号楼-102"], made["7号楼-302"], made["1号楼-101"]]
    req.raise_request(session, req.RequestInput(household_id=made["7号楼-302"], description="楼道灯不亮"), today=TODAY)
    session.commit()
    assert ranked()[:4] == [made["7号楼-302"], made["7号楼-301"], made["1号楼-102"], made["1号楼-101"]]
    assert ranked()[4] == made["7号楼-303"]  # a given name that only starts so stays below, visited or not


def test_the_total_is_given_and_the_cap_is_never_silent(session, town):
    result = find(session, "王", limit=2)
    assert len(result.hits) == 2 and result.people == 4 and result.capped
    ranked, people, households, _ = matches(session, "王")
    assert len(ranked) == people == 4 and households == 0


def test_id_and_phone_tails_rank_over_numbers_that_only_start_or_contain(session, town):
    g2 = town["grids"][1]
    near = nearby(session, Scope(grid_id=g2), today=TODAY)
    result = find(session, "5678", near=near)
    assert [(h.title, h.matched) for h in result.hits] == [
        ("李建华", "电话尾号"), ("王建华", "电话尾号"),  # 13900005678, 13812345678: they end so
        ("王建华明", "号码含")]                          # 13956781111 only contains it (searched near only)
    assert result.people == 3 and result.nearby_only
    by_title = {h.title: h.matched for h in result.hits}
    tails = find(session, "尾号5678")
    assert {h.title for h in tails.hits} == {"李建华", "王建华"}
    assert all(h.matched == "电话尾号" for h in tails.hits)
    # 张建华's 13856781234 contains 5678 too but lives in FK-01, away from the selected grid.
    assert "张建华" not in by_title
    assert find(session, "002X").hits[0].matched == "身份证尾号"
    assert find(session, "1385678").hits[0].title == "张建华"  # a phone prefix


def test_compound_and_building_names_list_their_households(session, town):
    building = find(session, "阳光花园1号楼")
    assert [h.address for h in building.hits] == ["阳光花园1号楼2单元101", "阳光花园1号楼2单元102"]
    assert building.households == 2 and building.people == 0 and {h.matched for h in building.hits} == {"楼栋"}
    compound = find(session, "阳光花园")
    assert compound.households == 4 and {h.kind for h in compound.hits} == {"household"}
    assert find(session, "阳光花园 2号楼2单元302").hits[0].title == "王建"


def test_an_address_in_the_selected_compound_first(session, town):
    sun, joy = town["compounds"]
    g1b2 = town["units"]["2号楼"]
    hh.create_household(session, HouseholdInput(unit_id=g1b2.id, room="303"), [ResidentInput(name="赵一")], today=TODAY)
    session.commit()
    assert find(session, "7-2-301").hits[0].address == "幸福家园7号楼2单元301"
    near = nearby(session, Scope(compound_id=sun), today=TODAY)
    result = find(session, "2-2-30", near=near)  # rooms 301, 302, 303 of 2号楼 start with 30
    assert [h.address for h in result.hits] == [f"阳光花园2号楼2单元{r}" for r in ("301", "302", "303")]
    assert all(h.nearby for h in result.hits)


def test_within_restricts_and_kinds_choose(session, town):
    b7 = town["buildings"]["7号楼"]
    result = find(session, "建华", within=Scope(building_id=b7))
    assert {h.title for h in result.hits} == {"王建华", "李建华", "王建华明"} and result.people == 3
    assert find(session, "阳光花园", kinds=("resident",)).total == 0


@pytest.mark.parametrize("typed", ["", "  ", "%", "_", "'; DROP TABLE resident; --", "尾号", "xyzq", "7-0-301"])
def test_nonsense_finds_nothing_quietly(session, town, typed):
    result = find(session, typed)
    assert result.total == 0 and result.hits == []


def test_leader_candidates_use_the_same_ranking_within_the_post(session, town):
    from gridkeeper.domain.enums import LeaderRole
    from gridkeeper.services.leader_posts import candidates

    b7 = town["buildings"]["7号楼"]
    assert [c.name for c in candidates(session, LeaderRole.BUILDING, b7, "建华")] == ["李建华", "王建华", "王建华明"]
    assert [c.name for c in candidates(session, LeaderRole.BUILDING, b7, "wjh")] == ["王建华", "王建华明"]
    assert [c.room for c in candidates(session, LeaderRole.GRID, town["grids"][0], "王建华")] == ["101"]
    assert [c.name for c in candidates(session, LeaderRole.BUILDING, b7, "5678")] == ["李建华", "王建华", "王建华明"]


def test_a_steward_finds_and_counts_only_their_own_grids(session, town):
    from gridkeeper.services.accounts import CurrentUser

    g2 = town["grids"][1]
    session.info["user"] = CurrentUser("steward", "steward", frozenset({g2}))
    try:
        result = find(session, "建华")
        assert {h.address[:4] for h in result.hits} == {"幸福家园"} and result.people == 3
        assert find(session, "阳光花园").total == 0 and find(session, "1-2-101").total == 0
    finally:
        session.info.pop("user")
    assert find(session, "建华").people == 5
