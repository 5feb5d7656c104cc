"""Place lists, leader posts and candidates, visitor choices and half-year totals used by the work sections."""

from __future__ import annotations

from datetime import date

from gridkeeper.domain.enums import LeaderRole, PoliticalStatus, VisitorKind
from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.leader_posts import candidates, posts
from gridkeeper.services.leaders import LeaderInput, assign_leader
from gridkeeper.services.member_summary import HalfYear, half_year_of, recent_half_years, totals_by_grid
from gridkeeper.services.members import MemberInput, record_service, register_member, service_totals
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.place_lists import buildings_in, grid_of, household_place, rooms_of, units_of
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.services.visitors import visitor_choices, visitor_names

TODAY = date(2026, 11, 20)


def _household(session, unit_id, room, name, party=False):
    status = PoliticalStatus.PARTY_MEMBER if party else PoliticalStatus.MASSES
    saved = create_household(session, HouseholdInput(unit_id=unit_id, room=room),
                             [ResidentInput(name=name, is_head=True, political_status=status, phone="13904510011")])
    return saved.household.id


def test_place_lists_follow_scope(session, place):
    geo.create_unit(session, building_id=place["building"], label="10单元")
    geo.create_unit(session, building_id=place["building"], label="3单元")
    hid = _household(session, place["unit"], "301", "王建华")
    _household(session, place["unit"], "1101", "张三")
    _household(session, place["unit"], "201", "李四")
    assert [b.label for b in buildings_in(session, Scope(grid_id=place["grid"]))] == ["幸福家园7号楼"]
    assert [u.label for u in units_of(session, place["building"])] == ["2单元", "3单元", "10单元"]
    assert [r.label for r in rooms_of(session, place["unit"])] == ["201", "301", "1101"]
    assert household_place(session, hid).unit_id == place["unit"]
    assert grid_of(session, Scope(unit_id=place["unit"])) == place["grid"]
    assert grid_of(session, EVERYWHERE) is None


def test_posts_show_holders_and_vacancies(session, place):
    _household(session, place["unit"], "301", "王建华", party=True)
    _household(session, place["unit"], "302", "赵敏")
    leader = assign_leader(session, LeaderInput(role=LeaderRole.BUILDING, scope_id=place["building"],
                                                person_name="刘德全", person_phone="13904510099"), today=TODAY)
    found = posts(session, EVERYWHERE)
    assert [(p.role, p.vacant) for p in found] == [(LeaderRole.GRID, True), (LeaderRole.BUILDING, False),
                                                   (LeaderRole.UNIT, True)]
    assert found[1].leader.id == leader.id and found[2].label == "幸福家园7号楼2单元"
    assert [p.role for p in posts(session, Scope(unit_id=place["unit"]))] == [LeaderRole.UNIT]
    assert [p.role for p in posts(session, Scope(building_id=place["building"]))] == [LeaderRole.BUILDING,
                                                                                      LeaderRole.UNIT]
    people = candidates(session, LeaderRole.BUILDING, place["building"])
    assert [c.name for c in people] == ["王建华", "赵敏"] and people[0].is_party_member
    assert [c.name for c in candidates(session, LeaderRole.UNIT, place["unit"], "zm")] == ["赵敏"]


def test_visitor_choices_and_names(session, place):
    hid = _household(session, place["unit"], "301", "王建华")
    assign_leader(session, LeaderInput(role=LeaderRole.UNIT, scope_id=place["unit"], person_name="刘德全",
                                       person_phone="13904510099"), today=TODAY)
    register_member(session, MemberInput(name="陈志强", grid_id=place["grid"], registered_on=TODAY))
    choices = visitor_choices(session, place["grid"])
    assert [(c.kind, c.name) for c in choices] == [(VisitorKind.STEWARD, "李晓燕"), (VisitorKind.LEADER, "刘德全"),
                                                   (VisitorKind.MEMBER, "陈志强")]
    record_visit(session, VisitInput(household_id=hid, visited_on=TODAY, visitor_name="李晓燕"), today=TODAY)
    assert visitor_names(session, start=date(2026, 11, 1), end=date(2026, 12, 1)) == ["李晓燕"]
    assert visitor_names(session, start=date(2026, 12, 1)) == []


def test_half_years_and_grid_totals(session, place):
    assert half_year_of(TODAY) == HalfYear(2026, 2)
    assert [str(h.start) for h in recent_half_years(TODAY, 3)] == ["2026-07-01", "2026-01-01", "2025-07-01"]
    a = register_member(session, MemberInput(name="陈志强", grid_id=place["grid"], registered_on=TODAY))
    register_member(session, MemberInput(name="周婷", grid_id=place["grid"], registered_on=TODAY))
    record_service(session, member_ids=[a.id], held_on=TODAY, title="清扫楼道", hours=2, points=5)
    period = half_year_of(TODAY)
    [total] = totals_by_grid(service_totals(session, start=period.start, end=period.end))
    assert (total.members, total.serving, total.services, total.hours, total.points) == (2, 1, 1, 2.0, 5)


def test_list_members_hides_withdrawn(session, place):
    from gridkeeper.services.member_summary import list_members
    from gridkeeper.services.members import withdraw_member

    a = register_member(session, MemberInput(name="陈志强", grid_id=place["grid"], registered_on=TODAY))
    register_member(session, MemberInput(name="周婷", grid_id=place["grid"], registered_on=TODAY))
    withdraw_member(session, a.id, on=TODAY)
    assert [m.name for m in list_members(session, grid_id=place["grid"])] == ["周婷"]
    assert len(list_members(session, include_withdrawn=True)) == 2


def test_vacant_only_posts(session, place):
    assign_leader(session, LeaderInput(role=LeaderRole.UNIT, scope_id=place["unit"], person_name="刘德全",
                                       person_phone="13904510099"), today=TODAY)
    assert [p.role for p in posts(session, EVERYWHERE, vacant_only=True)] == [LeaderRole.GRID, LeaderRole.BUILDING]
