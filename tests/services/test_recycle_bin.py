"""The recycle bin gives back exactly what was deleted, links included, for every kind of record that can go
there: a digest of every table (but the audit trail and the bin, without edit counters) taken before the
deletion equals the one after the restore. Where a link cannot be tied back (the row was changed or
deleted meanwhile) the restore says so and leaves everything consistent; restoring twice, into a reused
room or under a parent that is itself in the bin is refused in plain words with nothing half-done."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services import dispute_requests, dispute_trash, disputes, hazards, leaders, members, place_edit
from gridkeeper.services import geography as geo
from gridkeeper.services import households as hh
from gridkeeper.services import rental_trash, rentals, requests, safety_places, tenants, trash, visits
from gridkeeper.services.changes import Change
from gridkeeper.services.disputes import DisputeInput, PartyInput
from gridkeeper.services.errors import Duplicate, ServiceError
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty
from gridkeeper.storage.hazard_models import SafetyHazard
from gridkeeper.storage.models import AuditEntry, LeaderAssignment, Member, ResidentRequest, Visit
from gridkeeper.storage.rental_models import Tenancy, Tenant
from tests.conftest import TODAY
from tests.db_support import table_digest

DAY = timedelta(days=1)


def _household(session, unit, room, *people, **details):
    return hh.create_household(session, HouseholdInput(unit_id=unit, room=room, **details), list(people), today=TODAY)


@pytest.fixture
def linked(session, place):
    """Household 301 with everything that can hang off it or point at it from elsewhere."""
    home = _household(session, place["unit"], "301",
                      ResidentInput(name="王建华", id_number="440524188001010014", phone="13800001111",
                                    political_status="中共党员"),
                      ResidentInput(name="赵秀兰", relation="配偶", tags=["独居老人", "高龄", "低保"]))
    wang, zhao = home.residents
    neighbour = _household(session, place["unit"], "401", ResidentInput(name="李桂芳", phone="13900002222"))
    rented = _household(session, place["unit"], "302", housing_use="空置")
    hid = home.household.id
    routine = visits.record_visit(session, visits.VisitInput(household_id=hid, visited_on=TODAY - 9 * DAY,
                                                             findings="厨房漏水"), today=TODAY)
    safety = visits.record_visit(session, visits.VisitInput(household_id=hid, visited_on=TODAY - 3 * DAY,
                                                            kind="安全检查"), today=TODAY)
    hazard = hazards.record_from_visit(session, safety.id, hazards.HazardInput(item="燃气软管老化"))
    leak = requests.raise_request(session, requests.RequestInput(household_id=hid, resident_id=wang.id,
                                                                 description="楼上漏水", source_visit_id=routine.id),
                                  today=TODAY, actor="李晓燕")
    noise = requests.raise_request(session, requests.RequestInput(
        household_id=hid, resident_id=zhao.id, category="邻里纠纷", description="楼上装修噪音"),
        today=TODAY - 2 * DAY, actor="李晓燕")
    from_request = dispute_requests.dispute_from_request(
        session, noise.id, today=TODAY, other_parties=[PartyInput(household_id=neighbour.household.id)])
    from_visit = disputes.create_dispute(session, DisputeInput(
        subject="漏水维修费用争执", parties=[PartyInput(resident_id=wang.id), PartyInput(resident_id=neighbour.residents[0].id)],
        found_on=TODAY - DAY, source_visit_id=routine.id, household_id=neighbour.household.id), today=TODAY)
    post = leaders.assign_leader(session, leaders.LeaderInput(role=LeaderRole.UNIT, scope_id=place["unit"],
                                                              resident_id=wang.id), today=TODAY)
    member = members.register_member(session, members.MemberInput(name="王建华", grid_id=place["grid"],
                                                                   registered_on=TODAY - 30 * DAY, household_id=hid))
    members.record_service(session, member_ids=[member.id], held_on=TODAY - DAY, title="楼道清扫", hours=2,
                           today=TODAY)
    lease = rentals.create_tenancy(session, rentals.TenancyInput(
        household_id=rented.household.id, landlord_resident_id=wang.id, landlord_name="王建华",
        lease_start=date(2026, 3, 1), lease_end=date(2027, 2, 28), rent_use="居住", tenant_count=1),
        today=TODAY).tenancy
    session.commit()
    return {"household": hid, "wang": wang.id, "zhao": zhao.id, "hazard": hazard.id, "post": post.id,
            "member": member.id, "lease": lease.id, "from_request": from_request.id, "from_visit": from_visit.id,
            "leak": leak.id, "noise": noise.id, "neighbour": neighbour.household.id, **place}


def _delete_then_restore(session, delete, *, after_delete=None) -> trash.Restored:
    before = table_digest(session)
    record = delete()
    session.commit()
    assert table_digest(session) != before
    if after_delete:
        after_delete()
        session.commit()
    restored = trash.restore_any(session, record.id)
    session.commit()
    session.expire_all()
    return before, restored


def test_a_household_comes_back_with_every_link(session, linked):
    before, restored = _delete_then_restore(session, lambda: trash.delete_household(session, linked["household"]))
    assert table_digest(session) == before
    assert restored.kind == "household" and restored.notes == []
    assert {Change.HOUSEHOLDS, Change.VISITS, Change.REQUESTS, Change.HAZARDS, Change.DISPUTES, Change.LEADERS,
            Change.MEMBERS, Change.RENTALS} <= restored.changes
    # the known fault (issue 14's note): the hazard found in the flat is the flat's again
    hazard = session.get(SafetyHazard, linked["hazard"])
    assert hazard.household_id == linked["household"] and hazard.visit_id is not None
    # the dispute's copy of its request's steps, written by the deletion, is gone again
    lines = session.exec(select(DisputeEvent.note).where(DisputeEvent.dispute_id == linked["from_request"])).all()
    assert not any(line.startswith("原诉求") for line in lines)
    assert session.get(Dispute, linked["from_request"]).source_request_id == linked["noise"]


def test_the_deletion_cut_the_links_and_the_audit_says_what_came_back(session, linked):
    record = trash.delete_household(session, linked["household"])
    session.commit()
    assert session.get(SafetyHazard, linked["hazard"]).household_id is None
    assert session.get(LeaderAssignment, linked["post"]).resident_id is None
    assert session.get(Member, linked["member"]).household_id is None
    assert session.get(Tenancy, linked["lease"]).landlord_resident_id is None
    assert session.get(Dispute, linked["from_visit"]).source_visit_id is None
    trash.restore_any(session, record.id)
    session.commit()
    [event] = session.exec(select(AuditEntry).where(AuditEntry.action == "restore")).all()
    assert event.summary == f"从回收站恢复住户 {record.label}" and event.entity == "household"


def test_restore_notes_a_hazard_moved_meanwhile_and_ties_back_the_rest(session, linked):
    def meanwhile():
        hazard = session.get(SafetyHazard, linked["hazard"])
        hazard.household_id = linked["neighbour"]
        session.add(hazard)
        leaders.end_term(session, linked["post"], on=TODAY)  # the post is filled by someone else meanwhile
        leaders.assign_leader(session, leaders.LeaderInput(role=LeaderRole.UNIT, scope_id=linked["unit"],
                                                           person_name="孙志强", person_phone="13700003333"),
                              today=TODAY)

    _, restored = _delete_then_restore(session, lambda: trash.delete_household(session, linked["household"]),
                                       after_delete=meanwhile)
    assert restored.notes == [f"安全隐患 #{linked['hazard']} 在删除后已被修改，未与住户“2单元 301”重新关联，请核对"]
    hazard = session.get(SafetyHazard, linked["hazard"])
    assert hazard.household_id == linked["neighbour"] and hazard.visit_id is None  # as the other PC left it
    ended = session.get(LeaderAssignment, linked["post"])
    assert ended.resident_id == linked["wang"] and ended.ended_on == TODAY  # history points at the person again
    assert leaders.current_leader(session, LeaderRole.UNIT, linked["unit"]).person_name == "孙志强"


def test_restoring_twice_is_refused_plainly(session, linked):
    record = trash.delete_household(session, linked["household"])
    session.commit()
    trash.restore_any(session, record.id)
    session.commit()
    before = table_digest(session)
    with pytest.raises(ServiceError, match="回收站里已没有这条记录"):
        trash.restore_any(session, record.id)
    session.rollback()
    assert table_digest(session) == before


def test_a_reused_room_refuses_and_keeps_the_bin(session, linked):
    record = trash.delete_household(session, linked["household"])
    _household(session, linked["unit"], "301室", ResidentInput(name="新住户"))
    session.commit()
    before = table_digest(session)
    with pytest.raises(Duplicate, match="房号 301 已登记了新的住户"):
        trash.restore_any(session, record.id)
    session.rollback()
    assert table_digest(session) == before and [r.id for r in trash.deleted_records(session)] == [record.id]
