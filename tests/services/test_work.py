"""Visits, requests through the loop, leaders and vacancies, members and their service."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gridkeeper.domain.enums import LeaderRole, RequestStatus
from gridkeeper.services import households as hh
from gridkeeper.services import leaders, members, requests, visits
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.models import Household
from tests.conftest import TODAY


@pytest.fixture
def household(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [ResidentInput(name="王建华", id_number="440524188001010014", phone="13800001111",
                                               political_status="中共党员")], today=TODAY)
    session.commit()
    return saved


def test_visits_keep_last_visit_date(session, household):
    hid = household.household.id
    first = visits.record_visit(session, visits.VisitInput(household_id=hid, visited_on=date(2026, 11, 1)), today=TODAY)
    second = visits.record_visit(session, visits.VisitInput(household_id=hid, visited_on=date(2026, 11, 10),
                                                            kind="关爱探访", anyone_home=False), today=TODAY)
    assert session.get(Household, hid).last_visit_on == date(2026, 11, 10)
    visits.delete_visit(session, second.id)
    assert session.get(Household, hid).last_visit_on == date(2026, 11, 1)
    visits.update_visit(session, first.id, visits.VisitInput(household_id=hid, visited_on=date(2026, 11, 5)), today=TODAY)
    assert session.get(Household, hid).last_visit_on == date(2026, 11, 5)
    assert [v.id for v in visits.list_visits(session, start=date(2026, 11, 1), end=date(2026, 12, 1))] == [first.id]


def test_visit_in_the_future_is_refused(session, household):
    with pytest.raises(ValidationFailed, match="走访日期"):
        visits.record_visit(session, visits.VisitInput(household_id=household.household.id,
                                                       visited_on=TODAY + timedelta(days=1)), today=TODAY)


def test_request_goes_round_the_loop_with_history(session, household):
    hid = household.household.id
    request = requests.raise_request(session, requests.RequestInput(household_id=hid, description="楼上漏水",
                                                                    category="管道漏水"), today=TODAY)
    assert request.deadline == TODAY + timedelta(days=7) and request.status == RequestStatus.RECEIVED
    with pytest.raises(ValidationFailed, match="派给谁"):
        requests.advance(session, request.id, "dispatched")
    requests.advance(session, request.id, "dispatched", dispatched_to="南方物业公司", dispatch_target="物业公司")
    requests.advance(session, request.id, "in_progress")
    with pytest.raises(ValidationFailed, match="办理结果"):
        requests.advance(session, request.id, "resolved")
    requests.advance(session, request.id, "resolved", feedback="已维修", on=TODAY + timedelta(days=3))
    requests.advance(session, request.id, "rated", rating="满意", on=TODAY + timedelta(days=4))
    steps = [(e.from_status, e.to_status) for e in requests.history(session, request.id)]
    assert steps == [(None, "received"), ("received", "dispatched"), ("dispatched", "in_progress"),
                     ("in_progress", "resolved"), ("resolved", "rated")]
    assert not requests.is_overdue(request, TODAY + timedelta(days=30))
    with pytest.raises(ServiceError, match="不能再改"):
        requests.advance(session, request.id, "dispatched", dispatched_to="x")


def test_request_errors_are_keyed_by_field_name_and_read_as_before(session, household):
    hid = household.household.id
    with pytest.raises(ValidationFailed) as caught:
        requests.raise_request(session, requests.RequestInput(
            household_id=hid, description=" ", category="星际旅行", raised_on=TODAY + timedelta(days=2),
            deadline=TODAY), today=TODAY)
    assert [e.field for e in caught.value.errors] == ["description", "raised_on", "deadline", "category"]
    assert str(caught.value).startswith("诉求内容：不能为空；提出日期：不能晚于今天；办结期限：不能早于提出日期；诉求类别：")
    request = requests.raise_request(session, requests.RequestInput(household_id=hid, description="楼上漏水"),
                                     today=TODAY)
    steps = (("dispatched", "dispatched_to", "派单对象：派单时要写明派给谁", dict(dispatched_to="社区")),
             ("in_progress", "", "", {}),
             ("resolved", "feedback", "办理反馈：办结时要填写办理结果", dict(feedback="已答复")),
             ("rated", "rating", "满意度：回访时要记录居民的评价", dict(rating="满意")))
    for target, field, text, needed in steps:
        if field:
            with pytest.raises(ValidationFailed) as caught:
                requests.advance(session, request.id, target)
            assert caught.value.by_field().keys() == {field} and str(caught.value) == text
        requests.advance(session, request.id, target, **needed)


def test_skipping_or_withdrawing_needs_a_reason(session, household):
    hid = household.household.id
    request = requests.raise_request(session, requests.RequestInput(household_id=hid, description="咨询低保"), today=TODAY)
    with pytest.raises(ServiceError, match="跳过"):
        requests.advance(session, request.id, "resolved", feedback="已解答")
    requests.advance(session, request.id, "resolved", feedback="当场解答", reason="窗口当场办结")
    other = requests.raise_request(session, requests.RequestInput(household_id=hid, description="x"), today=TODAY)
    with pytest.raises(ServiceError, match="原因"):
        requests.advance(session, other.id, "withdrawn")
    requests.advance(session, other.id, "withdrawn", reason="居民自行解决")
    assert other.withdrawn_reason == "居民自行解决"


def test_overdue_and_due_lists(session, household):
    hid = household.household.id
    old = requests.raise_request(session, requests.RequestInput(household_id=hid, description="旧", raised_on=TODAY - timedelta(days=10)), today=TODAY)
    due = requests.raise_request(session, requests.RequestInput(household_id=hid, description="今", raised_on=TODAY - timedelta(days=7)), today=TODAY)
    requests.raise_request(session, requests.RequestInput(household_id=hid, description="新"), today=TODAY)
    assert [r.id for r in requests.list_requests(session, overdue_on=TODAY)] == [old.id]
    assert [r.id for r in requests.list_requests(session, due_by=TODAY)] == [old.id, due.id]
    assert requests.days_left(old, TODAY) == -3 and requests.is_overdue(old, TODAY)


def test_leader_assignment_replaces_and_vacancies(session, place, household):
    resident = household.residents[0]
    first = leaders.assign_leader(session, leaders.LeaderInput(role="楼栋长", scope_id=place["building"],
                                                               resident_id=resident.id), today=TODAY)
    assert (first.person_name, first.person_phone, first.is_party_member) == ("王建华", "13800001111", True)
    labels = [v.label for v in leaders.vacancies(session)]
    assert labels == ["第三网格网格长", "7号楼2单元单元长"]
    second = leaders.assign_leader(session, leaders.LeaderInput(role=LeaderRole.BUILDING, scope_id=place["building"],
                                                                person_name="刘桂兰", person_phone="0451-86123456"),
                                   today=TODAY)
    assert first.ended_on == TODAY and leaders.current_leader(session, LeaderRole.BUILDING, place["building"]).id == second.id
    with pytest.raises(ValidationFailed, match="电话"):
        leaders.assign_leader(session, leaders.LeaderInput(role="单元长", scope_id=place["unit"], person_name="无电话"))
    leaders.end_term(session, second.id, on=TODAY)
    assert "7号楼楼栋长" in [v.label for v in leaders.vacancies(session)]


def test_one_activity_for_many_members(session, place):
    ids = [members.register_member(session, members.MemberInput(name=n, grid_id=place["grid"], registered_on=date(2026, 3, 1),
                                                                phone="13800001111")).id for n in ("甲", "乙", "丙")]
    members.record_service(session, member_ids=ids[:2], held_on=date(2026, 9, 6), title="周末环境清洁", hours=2, points=5)
    totals = {t.name: (t.services, t.hours, t.points)
              for t in members.service_totals(session, start=date(2026, 7, 1), end=date(2027, 1, 1))}
    assert totals == {"甲": (1, 2.0, 5), "乙": (1, 2.0, 5), "丙": (0, 0.0, 0)}
    with pytest.raises(ValidationFailed) as caught:
        members.record_service(session, member_ids=[], held_on=TODAY + timedelta(days=1), title="", hours=30,
                               points=-1, today=TODAY)
    assert [e.field for e in caught.value.errors] == ["title", "member_ids", "hours", "points", "held_on"]
    assert str(caught.value) == ("活动内容：不能为空；参加党员：至少选择一人；服务时长：应在0到24小时之间；积分：不能为负数；"
                                 "活动日期：不能晚于今天")
    with pytest.raises(ValidationFailed) as caught:
        members.register_member(session, members.MemberInput(name=" ", grid_id=place["grid"], registered_on=None,
                                                             phone="12345", gender="不详"))
    assert [e.field for e in caught.value.errors] == ["name", "phone", "registered_on", "gender"]
    assert str(caught.value).startswith("姓名：不能为空；联系电话：“12345”不是有效的手机号或带区号的座机号；报到日期：不能为空；性别：")
    members.withdraw_member(session, ids[2], on=TODAY)
    with pytest.raises(ServiceError, match="找不到党员"):
        members.record_service(session, member_ids=[999], held_on=date(2026, 9, 6), title="x", hours=1)
