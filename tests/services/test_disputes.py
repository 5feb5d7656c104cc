"""The dispute register without Qt: register, mediate, record the outcome, follow up, close; field-by-field
messages; a neighbour-dispute request turned into a dispute with its history; Today's lists; permissions,
visibility and audit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from gridkeeper.domain.dispute_flow import DisputeOutcome, DisputeSource, DisputeStatus
from gridkeeper.domain.enums import RequestStatus
from gridkeeper.services import accounts, dispute_lists, dispute_requests, disputes, requests, trash
from gridkeeper.services import geography as geo
from gridkeeper.services import households as hh
from gridkeeper.services.disputes import DisputeInput, PartyInput
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import Scope
from gridkeeper.storage.dispute_models import Dispute, DisputeParty
from gridkeeper.storage.models import AuditEntry
from gridkeeper.storage.session import unit_of_work
from tests.conftest import TODAY

S = DisputeStatus


@pytest.fixture
def people(session, place):
    upstairs = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="401"),
                                   [ResidentInput(name="王建华", id_number="440524188001010014", phone="13800001111")],
                                   today=TODAY)
    downstairs = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                     [ResidentInput(name="赵桂兰", phone="13900002222")], today=TODAY)
    session.commit()
    return {"upstairs": upstairs.household.id, "wang": upstairs.residents[0].id,
            "downstairs": downstairs.household.id, "zhao": downstairs.residents[0].id, **place}


def leak(people, **changes) -> DisputeInput:
    data = DisputeInput(subject="楼上漏水渗到楼下，双方为维修费用争执",
                        parties=[PartyInput(resident_id=people["wang"]), PartyInput(household_id=people["downstairs"])],
                        found_on=TODAY - timedelta(days=10), found_by="李晓燕", risk="中")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_register_takes_names_phones_and_grid_from_the_register(session, people):
    dispute = disputes.create_dispute(session, leak(people), today=TODAY, actor="李晓燕")
    assert dispute.status == S.REGISTERED and dispute.grid_id == people["grid"]
    assert dispute.household_id == people["upstairs"] and dispute.last_step_on == TODAY - timedelta(days=10)
    wang, zhao = disputes.parties(session, dispute.id)
    assert (wang.name, wang.phone, wang.household_id) == ("王建华", "13800001111", people["upstairs"])
    assert zhao.name == "赵桂兰" and zhao.address.endswith("7号楼2单元301")
    [line] = dispute_lists.history(session, dispute)
    assert line.to_label == "待调解" and "群众反映" in line.note and line.actor == "李晓燕"


def test_an_outside_party_needs_a_name_and_valid_numbers(session, people):
    dispute = disputes.create_dispute(session, leak(people, parties=[
        PartyInput(resident_id=people["wang"]),
        PartyInput(name="刘强", phone="13712345678", id_number="440524188001010014", address="外区装修公司")]),
        today=TODAY)
    outsider = disputes.parties(session, dispute.id)[1]
    assert (outsider.name, outsider.resident_id, outsider.household_id) == ("刘强", None, None)
    assert outsider.id_number == "440524188001010014" and outsider.address == "外区装修公司"


def test_every_field_problem_is_reported_at_once(session, people):
    with pytest.raises(ValidationFailed) as caught:
        disputes.create_dispute(session, DisputeInput(
            subject="  ", kind="打架", found_on=TODAY + timedelta(days=1),
            parties=[PartyInput(name=""), PartyInput(name="刘强", phone="12345", id_number="440524188001010015")]),
            today=TODAY)
    fields = caught.value.by_field()
    assert fields["subject"] == "不能为空"
    assert "可选：邻里、家庭/婚姻" in fields["kind"]
    assert fields["found_on"] == "不能晚于今天"
    assert "请填写姓名" in fields["parties.1"]
    assert "parties.2.phone" in fields and "校验位" in fields["parties.2.id_number"]
    assert "请选择纠纷所在的网格" in fields["grid_id"]
    read = str(caught.value)  # keyed by name, read by the same labels as ever
    for text in ("纠纷事由：不能为空", "纠纷类型：“打架”不是可选的纠纷类型（可选：邻里、家庭/婚姻", "发现日期：不能晚于今天",
                 "当事人1：请填写姓名", "当事人2电话：“12345”", "当事人2身份证号：", "所属网格：当事人都不是本社区住户时"):
        assert text in read
    with pytest.raises(ValidationFailed, match="当事人：至少登记一位当事人"):
        disputes.create_dispute(session, leak(people, parties=[]), today=TODAY)
    assert session.exec(select(Dispute)).first() is None  # nothing half-saved


def test_mediation_to_agreement_follow_up_and_close(session, people):
    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    with pytest.raises(ValidationFailed, match="还没有调解记录"):
        disputes.record_outcome(session, dispute.id, "调解成功", on=TODAY, today=TODAY)
    with pytest.raises(ValidationFailed) as caught:
        disputes.add_session(session, dispute.id, held_on=TODAY - timedelta(days=20), mediators=" ，", today=TODAY)
    assert set(caught.value.by_field()) == {"mediators", "held_on"}
    assert str(caught.value).startswith("调解人：请填写主持调解的人（多人用“、”分开）；调解日期：不能早于发现日期")
    disputes.add_session(session, dispute.id, held_on=TODAY - timedelta(days=6), mediators="李晓燕，张卫国",
                         agreed="物业先查漏点", today=TODAY)
    assert dispute.status == S.MEDIATING and dispute.last_step_on == TODAY - timedelta(days=6)
    second = disputes.add_session(session, dispute.id, held_on=TODAY - timedelta(days=2), mediators="李晓燕",
                                  agreed="王家承担维修费八成", today=TODAY)
    assert disputes.sessions(session, dispute.id)[0].mediators == "李晓燕、张卫国" and second.agreed
    disputes.record_outcome(session, dispute.id, DisputeOutcome.SUCCESS, on=TODAY - timedelta(days=1), today=TODAY)
    assert dispute.status == S.AWAITING_FOLLOW_UP and dispute.follow_up_due == TODAY + timedelta(days=14)
    with pytest.raises(ServiceError, match="请先“重新调解”"):
        disputes.add_session(session, dispute.id, held_on=TODAY, mediators="李晓燕", today=TODAY)
    with pytest.raises(ValidationFailed, match="协议没有履行时要写明情况"):
        disputes.record_follow_up(session, dispute.id, on=TODAY, held=False, today=TODAY)
    disputes.record_follow_up(session, dispute.id, on=TODAY, held=True, note="已修好，双方满意", today=TODAY)
    assert (dispute.status, dispute.closed_on, dispute.follow_up_held) == (S.CLOSED, TODAY, True)
    steps = [line.to_label for line in dispute_lists.history(session, dispute)]
    assert steps == ["待调解", "调解中", "调解中", "待回访", "已结案"]


def test_follow_up_not_held_mediates_again_and_outcomes_ask_what_they_need(session, people):
    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    disputes.add_session(session, dispute.id, held_on=TODAY - timedelta(days=5), mediators="李晓燕", today=TODAY)
    disputes.record_outcome(session, dispute.id, "部分达成", on=TODAY - timedelta(days=5), today=TODAY,
                            follow_up_due=TODAY - timedelta(days=1))
    disputes.record_follow_up(session, dispute.id, on=TODAY, held=False, note="维修费没有给", today=TODAY)
    assert dispute.status == S.MEDIATING and dispute.outcome is None and dispute.follow_up_due is None
    with pytest.raises(ValidationFailed) as caught:
        disputes.record_outcome(session, dispute.id, "转交相关部门", on=TODAY, today=TODAY)
    assert "转交给谁" in caught.value.by_field()["referred_to"]
    assert str(caught.value).startswith("转交单位：转交相关部门时要写明转交给谁")
    with pytest.raises(ValidationFailed, match="后续去向"):
        disputes.record_outcome(session, dispute.id, "未成功", on=TODAY, today=TODAY)
    disputes.record_outcome(session, dispute.id, "转交相关部门", referred_to="街道司法所", on=TODAY, today=TODAY)
    assert dispute.status == S.REFERRED and dispute.referred_to == "街道司法所"
    disputes.reopen_dispute(session, dispute.id, reason="司法所退回社区继续调解", on=TODAY)
    disputes.record_outcome(session, dispute.id, "未成功", note="引导当事人向法院起诉", on=TODAY, today=TODAY)
    assert (dispute.status, dispute.closed_on, dispute.follow_up_due) == (S.CLOSED, TODAY, None)


def test_closing_unmediated_needs_a_reason(session, people):
    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    with pytest.raises(ValidationFailed, match="结案原因"):
        disputes.close_dispute(session, dispute.id, on=TODAY, reason="", today=TODAY)
    disputes.close_dispute(session, dispute.id, on=TODAY, reason="双方已自行和解", today=TODAY)
    assert dispute.status == S.CLOSED
    with pytest.raises(ValidationFailed, match="请说明为什么重新调解"):
        disputes.reopen_dispute(session, dispute.id, reason=" ")


def test_follow_up_days_is_a_setting(session, people):
    from gridkeeper.services.settings import set_setting

    set_setting(session, disputes.FOLLOW_UP_DAYS_KEY, "30")
    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    disputes.add_session(session, dispute.id, held_on=TODAY, mediators="李晓燕", today=TODAY)
    disputes.record_outcome(session, dispute.id, "调解成功", on=TODAY, today=TODAY)
    assert dispute.follow_up_due == TODAY + timedelta(days=30)
    with pytest.raises(ValidationFailed, match="回访间隔天数：应为1到180天"):
        disputes.set_follow_up_days(session, 0)
    disputes.set_follow_up_days(session, 20)
    assert disputes.follow_up_days(session) == 20


def test_neighbour_request_becomes_a_dispute_keeping_its_history(session, people):
    request = requests.raise_request(session, requests.RequestInput(
        household_id=people["downstairs"], resident_id=people["zhao"], category="邻里纠纷",
        description="楼上装修噪音大，多次沟通无果。希望社区出面协调", raised_on=TODAY - timedelta(days=3)),
        today=TODAY, actor="李晓燕")
    requests.advance(session, request.id, "已派单", dispatched_to="网格员", actor="李晓燕", on=TODAY)
    noise = requests.raise_request(session, requests.RequestInput(household_id=people["downstairs"],
                                                                  category="噪音扰民", description="广场舞"),
                                   today=TODAY)
    with pytest.raises(ServiceError, match="只有“邻里纠纷”类诉求"):
        dispute_requests.dispute_from_request(session, noise.id, today=TODAY)
    dispute = dispute_requests.dispute_from_request(
        session, request.id, risk="中", found_by="李晓燕", other_parties=[PartyInput(resident_id=people["wang"])],
        today=TODAY, actor="李晓燕")
    assert (dispute.source, dispute.found_on, dispute.subject) == (
        DisputeSource.REQUEST, TODAY - timedelta(days=3), "楼上装修噪音大，多次沟通无果")
    assert [p.name for p in disputes.parties(session, dispute.id)] == ["赵桂兰", "王建华"]
    assert request.status == RequestStatus.RESOLVED and f"矛盾纠纷 #{dispute.id}" in request.feedback
    lines = dispute_lists.history(session, dispute)
    assert [(line.of_request, line.to_label) for line in lines] == [
        (True, "已受理"), (True, "已派单"), (False, "待调解"), (True, "已办结")]
    assert dispute_requests.dispute_of_request(session, request.id).id == dispute.id
    with pytest.raises(ServiceError, match=f"这条诉求已转为矛盾纠纷 #{dispute.id}"):
        dispute_requests.dispute_from_request(session, request.id, today=TODAY)


def test_deleting_a_household_keeps_its_disputes_readable(session, people):
    request = requests.raise_request(session, requests.RequestInput(
        household_id=people["downstairs"], resident_id=people["zhao"], category="邻里纠纷",
        description="楼上漏水"), today=TODAY, actor="李晓燕")
    dispute = dispute_requests.dispute_from_request(session, request.id, today=TODAY,
                                                    other_parties=[PartyInput(resident_id=people["wang"])])
    session.commit()
    trash.delete_household(session, people["downstairs"])
    session.commit()
    session.refresh(dispute)
    assert dispute.source_request_id is None and dispute.household_id is None
    assert [(p.name, p.household_id) for p in disputes.parties(session, dispute.id)] == [
        ("赵桂兰", None), ("王建华", people["upstairs"])]
    notes = [line.note for line in dispute_lists.history(session, dispute)]
    assert any(note.startswith(f"原诉求 #{request.id} 新→已受理") for note in notes)


def test_today_lists_stale_disputes_and_follow_ups_due(session, people):
    quiet = disputes.create_dispute(session, leak(people, found_on=TODAY - timedelta(days=9)), today=TODAY)
    fresh = disputes.create_dispute(session, leak(people, found_on=TODAY - timedelta(days=2)), today=TODAY)
    mediated = disputes.create_dispute(session, leak(people, found_on=TODAY - timedelta(days=30)), today=TODAY)
    disputes.add_session(session, mediated.id, held_on=TODAY - timedelta(days=20), mediators="李晓燕", today=TODAY)
    disputes.record_outcome(session, mediated.id, "调解成功", on=TODAY - timedelta(days=15), today=TODAY)
    assert [d.id for d in dispute_lists.stale(session, today=TODAY)] == [quiet.id]
    assert [d.id for d in dispute_lists.stale(session, today=TODAY, days=1)] == [quiet.id, fresh.id]
    dispute_lists.set_stale_days(session, 10)
    assert dispute_lists.stale(session, today=TODAY) == []
    with pytest.raises(ValidationFailed, match="1到365"):
        dispute_lists.set_stale_days(session, 0)
    assert [d.id for d in dispute_lists.follow_ups_due(session, today=TODAY)] == [mediated.id]
    dispute_lists.set_stale_days(session, 1)
    cut = dispute_lists.disputes_due(session, today=TODAY, limit=1)  # the quietest stale one, then the follow-up
    assert [(line.dispute.id, line.stale, line.days) for line in cut] == [(quiet.id, True, 9), (mediated.id, False, 0)]
    assert dispute_lists.due_count(session, today=TODAY) == 3
    dispute_lists.set_stale_days(session, 10)
    assert dispute_lists.follow_ups_due(session, today=TODAY - timedelta(days=1)) == []
    row = dispute_lists.rows(session, [mediated])[0]
    assert (row.parties_text, row.sessions, row.grid_code) == ("王建华、赵桂兰", 1, "FK-03")
    counts = dispute_lists.status_counts(session, scope=Scope(building_id=people["building"]))
    assert counts[S.REGISTERED] == 2 and counts[S.AWAITING_FOLLOW_UP] == 1


@pytest.fixture
def other_grid(session, people, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    grid = geo.create_grid(session, code="FK-04", name="第四网格")
    compound = geo.create_compound(session, name="康乐小区")
    building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="1号楼")
    unit = geo.create_unit(session, building_id=building.id, label="1单元")
    theirs = hh.create_household(session, HouseholdInput(unit_id=unit.id, room="101"),
                                 [ResidentInput(name="孙志明", phone="13600003333")], today=TODAY)
    session.commit()
    return {"grid": grid.id, "resident": theirs.residents[0].id}


def test_steward_writes_own_grid_reads_own_grid_and_it_is_audited(engine, session, people, other_grid):
    theirs = disputes.create_dispute(session, leak(people, grid_id=other_grid["grid"], household_id=None,
                                                   parties=[PartyInput(resident_id=other_grid["resident"])]),
                                     today=TODAY)
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-03"])
    session.commit()
    accounts.sign_in(engine, accounts.find_account(session, "李晓燕"))
    try:
        with unit_of_work(engine) as work:  # a party from the neighbouring grid is fine in her own dispute
            own = disputes.create_dispute(work, leak(people, parties=[
                PartyInput(resident_id=people["wang"]), PartyInput(resident_id=other_grid["resident"])]), today=TODAY)
            disputes.add_session(work, own.id, held_on=TODAY, mediators="李晓燕", today=TODAY, actor="李晓燕")
        with pytest.raises(accounts.PermissionDenied, match="只能修改自己负责的网格"), unit_of_work(engine) as work:
            disputes.add_session(work, theirs.id, held_on=TODAY, mediators="李晓燕", today=TODAY)
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
            disputes.create_dispute(work, leak(people, grid_id=other_grid["grid"]), today=TODAY)
        with pytest.raises(accounts.PermissionDenied), unit_of_work(engine) as work:
            disputes.add_party(work, theirs.id, PartyInput(name="外来人员"), today=TODAY)
        with unit_of_work(engine) as work:
            assert [d.id for d in dispute_lists.list_disputes(work)] == [own.id]
            assert dispute_lists.list_disputes(work, scope=Scope(grid_id=other_grid["grid"])) == []
            audited = work.exec(select(AuditEntry.entity).where(AuditEntry.actor == "李晓燕")).all()
        assert {"dispute", "dispute_party", "mediation_session", "dispute_event"} <= set(audited)
    finally:
        accounts.sign_in(engine, None)
    assert session.exec(select(DisputeParty).where(DisputeParty.dispute_id == theirs.id)).all()[0].name == "孙志明"


def test_a_moved_building_takes_its_disputes_and_a_place_with_disputes_stays(session, people):
    from gridkeeper.services import place_edit

    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    other = geo.create_grid(session, code="FK-05", name="第五网格")
    assert place_edit.why_not_deletable(session, "grid", other.id) is None
    outsiders = disputes.create_dispute(session, leak(people, grid_id=other.id, household_id=None,
                                                       parties=[PartyInput(name="刘强"), PartyInput(name="陈东")]),
                                        today=TODAY)
    assert "矛盾纠纷" in place_edit.why_not_deletable(session, "grid", other.id)
    place_edit.move_building(session, people["building"], grid_id=other.id, compound_id=people["compound"])
    session.refresh(dispute)
    assert dispute.grid_id == other.id and outsiders.grid_id == other.id


def test_a_dispute_registered_by_mistake_goes_to_the_bin_and_comes_back(session, people):
    from gridkeeper.services import dispute_trash

    mistake = disputes.create_dispute(session, leak(people), today=TODAY, actor="李晓燕")
    worked = disputes.create_dispute(session, leak(people), today=TODAY)
    disputes.add_session(session, worked.id, held_on=TODAY, mediators="李晓燕", today=TODAY)
    with pytest.raises(ServiceError, match="已经调解或有了结果"):
        dispute_trash.delete_dispute(session, worked.id)
    record = dispute_trash.delete_dispute(session, mistake.id)
    session.commit()
    assert session.get(Dispute, mistake.id) is None and record.label.startswith(f"矛盾纠纷 #{mistake.id}")
    assert session.exec(select(DisputeParty).where(DisputeParty.dispute_id == mistake.id)).all() == []
    assert trash.restore_any(session, record.id).kind == "dispute"
    session.commit()
    back = session.get(Dispute, mistake.id)
    assert back.subject == mistake.subject and back.found_on == TODAY - timedelta(days=10)
    assert [p.name for p in disputes.parties(session, back.id)] == ["王建华", "赵桂兰"]
    assert [line.to_label for line in dispute_lists.history(session, back)] == ["待调解"]


def test_a_party_is_removed_with_the_step_in_the_history_and_one_party_always_stays(session, people):
    dispute = disputes.create_dispute(session, leak(people), today=TODAY, actor="李晓燕")
    added = disputes.add_party(session, dispute.id, PartyInput(name="刘强", phone="13712345678"), today=TODAY,
                               actor="李晓燕")
    wang, zhao, liu = disputes.parties(session, dispute.id)
    assert liu.id == added.id
    disputes.remove_party(session, liu.id, reason="与本纠纷无关", actor="李晓燕", expected_version=dispute.version)
    disputes.remove_party(session, wang.id, actor="张伟")
    session.commit()
    assert [p.name for p in disputes.parties(session, dispute.id)] == ["赵桂兰"]
    notes = [(line.note, line.actor) for line in dispute_lists.history(session, dispute)][1:]
    assert notes == [("添加当事人：刘强", "李晓燕"), ("移除当事人：刘强（与本纠纷无关）", "李晓燕"),
                     ("移除当事人：王建华", "张伟")]
    with pytest.raises(ServiceError, match="至少要有一位当事人"):
        disputes.remove_party(session, zhao.id)
    session.rollback()
    assert [p.name for p in disputes.parties(session, dispute.id)] == ["赵桂兰"]
    deleted = session.exec(select(AuditEntry).where(AuditEntry.entity == "dispute_party",
                                                    AuditEntry.action == "delete")).all()
    assert sorted(entry.entity_id for entry in deleted) == sorted([str(liu.id), str(wang.id)])


def test_removing_a_party_from_a_dispute_someone_else_moved_on_is_a_conflict(session, people):
    from gridkeeper.services.errors import EditConflict

    dispute = disputes.create_dispute(session, leak(people), today=TODAY)
    shown = dispute.version
    disputes.record_outcome(session, dispute.id, "转交相关部门", on=TODAY, referred_to="街道综治中心", today=TODAY)
    session.commit()
    wang = disputes.parties(session, dispute.id)[0]
    with pytest.raises(EditConflict):
        disputes.remove_party(session, wang.id, expected_version=shown)
    session.rollback()
    assert len(disputes.parties(session, dispute.id)) == 2
