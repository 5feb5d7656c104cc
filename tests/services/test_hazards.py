"""The safety-hazard register without Qt: places, inspections with their checklist, hazards through the loop
(found → notified → rectified → closed, or escalated), from a 安全检查 visit, per-grid figures, stewards'
grids, the audit trail; on SQLite and the PostgreSQL test server."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from gridkeeper.domain.hazards import HazardStatus as H
from gridkeeper.services import geography as geo
from gridkeeper.services import hazards, safety_places, visits
from gridkeeper.services import households as hh
from gridkeeper.services.accounts import CurrentUser, PermissionDenied
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.hazard_figures import hazard_counts, rectification_by_grid
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import Scope
from gridkeeper.storage.hazard_models import SafetyHazard
from gridkeeper.storage.models import AuditEntry
from gridkeeper.storage.session import unit_of_work
from tests.conftest import TODAY
from tests.db_support import two_pcs_at_once


@pytest.fixture
def shop(session, place):
    saved = safety_places.create_place(session, safety_places.PlaceInput(
        name="老王小吃", kind="小餐饮", grid_id=place["grid"], address="幸福路12号", person_in_charge="王建国",
        phone="13904510011"))
    session.commit()
    return saved


def _inspect(session, shop, *hazard_inputs, on=TODAY - timedelta(days=10)):
    return hazards.record_inspection(session, hazards.InspectionInput(
        inspected_on=on, inspectors="李晓燕、张伟", place_id=shop.id,
        checked_items=safety_places.checklist_for(session, shop.kind), hazards=list(hazard_inputs)), today=TODAY)


def test_place_needs_name_kind_and_an_address_or_building(session, place):
    with pytest.raises(ValidationFailed) as caught:
        safety_places.create_place(session, safety_places.PlaceInput(name=" ", kind="大商场", grid_id=place["grid"],
                                                                     phone="12345"))
    fields = caught.value.by_field()
    assert {"name", "kind", "phone", "address"} <= set(fields)
    assert "小商店" in fields["kind"]
    shown = str(caught.value)  # read by their labels, as before
    assert "场所名称：不能为空" in shown and "场所类别：" in shown and "联系电话：" in shown and "地址：没有选楼栋" in shown
    stairs = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼2单元楼道", kind="楼道",
                                                                          building_id=place["building"]))
    assert stairs.grid_id == place["grid"]
    assert safety_places.place_address(session, stairs) == "幸福家园7号楼"


def test_inspection_records_checklist_and_hazards_with_default_deadlines(session, shop):
    inspection, found = _inspect(session, shop, hazards.HazardInput(item="燃气泄漏隐患", level="较大"),
                                 hazards.HazardInput(item="灭火器缺失或过期", description="两具灭火器过期"))
    session.commit()
    assert "违规使用明火" in hazards.checked_items(inspection)
    gas, extinguisher = found
    assert gas.deadline == gas.found_on + timedelta(days=15) and extinguisher.deadline == gas.found_on + timedelta(days=7)
    assert gas.responsible_person == "王建国" and gas.responsible_phone == "13904510011"
    assert "燃气公司" in gas.requirement
    assert shop.last_inspected_on == TODAY - timedelta(days=10)
    assert [e.to_status for e in hazards.history(session, gas.id)] == ["found"]


def test_bad_hazard_is_named_by_its_number(session, shop):
    with pytest.raises(ValidationFailed) as caught:
        _inspect(session, shop, hazards.HazardInput(item="楼道堆物"), hazards.HazardInput(level="特别重大"))
    assert {"hazards.2.hazard_content", "hazards.2.level"} <= set(caught.value.by_field())
    assert "第2条隐患：隐患内容：请选择检查项或写明隐患情况" in str(caught.value)
    assert "第2条隐患：隐患等级：" in str(caught.value)
    with pytest.raises(ValidationFailed) as caught:
        _inspect(session, shop, hazards.HazardInput(item="楼道堆物", deadline=TODAY - timedelta(days=11)))
    assert [(e.field, str(e)) for e in caught.value.errors] == [("deadline", "整改期限：不能早于发现日期")]
    with pytest.raises(ValidationFailed) as caught:
        _inspect(session, shop, hazards.HazardInput(item="楼道堆物"),
                 hazards.HazardInput(item="电线私拉乱接", deadline=TODAY - timedelta(days=11)))
    assert [(e.field, str(e)) for e in caught.value.errors] == [
        ("hazards.2.deadline", "第2条隐患：整改期限：不能早于发现日期")]
    with pytest.raises(ValidationFailed, match="检查日期") as caught:
        _inspect(session, shop, on=TODAY + timedelta(days=1))
    assert list(caught.value.by_field()) == ["inspected_on"]


def test_hazard_goes_round_the_loop_with_history(session, shop):
    _, (hazard,) = _inspect(session, shop, hazards.HazardInput(item="消防通道堵塞"))
    found_on = hazard.found_on
    hazards.advance(session, hazard.id, "notified", on=found_on, actor="李晓燕")
    with pytest.raises(ValidationFailed, match="整改情况"):
        hazards.advance(session, hazard.id, "rectified", on=found_on + timedelta(days=3))
    hazards.advance(session, hazard.id, "rectified", on=found_on + timedelta(days=3), rectification="已清理杂物")
    with pytest.raises(ValidationFailed, match="复查人"):
        hazards.advance(session, hazard.id, "closed")
    hazards.advance(session, hazard.id, "closed", on=found_on + timedelta(days=4), reinspected_by="李晓燕")
    steps = [(e.from_status, e.to_status) for e in hazards.history(session, hazard.id)]
    assert steps == [(None, "found"), ("found", "notified"), ("notified", "rectified"), ("rectified", "closed")]
    assert hazards.days_taken(hazard) == 3 and not hazards.is_overdue(hazard, TODAY)
    with pytest.raises(ServiceError, match="销号"):
        hazards.advance(session, hazard.id, "notified", reason="又堵了")


def test_failed_reinspection_sends_back_with_new_deadline_and_escalation_needs_whom_and_why(session, shop):
    _, (first, second) = _inspect(session, shop, hazards.HazardInput(item="电线私拉乱接"),
                                  hazards.HazardInput(item="违规住人/三合一场所", level="重大"))
    hazards.advance(session, first.id, "notified", on=first.found_on)
    hazards.advance(session, first.id, "rectified", on=first.found_on + timedelta(days=2), rectification="已拆除")
    with pytest.raises(ServiceError, match="复查不合格"):
        hazards.advance(session, first.id, "notified")
    new_deadline = TODAY + timedelta(days=5)
    hazards.advance(session, first.id, "notified", reason="复查时仍有飞线", deadline=new_deadline, on=TODAY)
    assert first.deadline == new_deadline and first.rectified_on is None and hazards.days_left(first, TODAY) == 5
    with pytest.raises(ServiceError, match="原因"):
        hazards.advance(session, second.id, "escalated", escalated_to="消防救援站")
    with pytest.raises(ValidationFailed, match="上报单位"):
        hazards.advance(session, second.id, "escalated", reason="拒不整改")
    hazards.advance(session, second.id, "escalated", reason="拒不整改", escalated_to="新华街道办事处", on=TODAY)
    assert second.escalated_to == "新华街道办事处" and hazards.days_left(second, TODAY) is None
    hazards.advance(session, second.id, "closed", reinspected_by="张伟", on=TODAY)
    assert second.rectified_on == TODAY


def test_visit_of_kind_safety_records_a_hazard(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [ResidentInput(name="王建华")], today=TODAY)
    routine = visits.record_visit(session, visits.VisitInput(household_id=saved.household.id, visited_on=TODAY),
                                  today=TODAY)
    with pytest.raises(ServiceError, match="安全检查"):
        hazards.record_from_visit(session, routine.id, hazards.HazardInput(item="燃气泄漏隐患"))
    safety = visits.record_visit(session, visits.VisitInput(household_id=saved.household.id, visited_on=TODAY,
                                                            kind="安全检查", findings="燃气软管老化"), today=TODAY)
    hazard = hazards.record_from_visit(session, safety.id, hazards.HazardInput(item="燃气泄漏隐患",
                                                                               description="燃气软管老化开裂"))
    assert (hazard.household_id, hazard.building_id, hazard.grid_id) == (saved.household.id, place["building"],
                                                                         place["grid"])
    assert hazards.list_hazards(session, scope=Scope(building_id=place["building"])) == [hazard]


def test_overdue_and_lists_by_status(session, shop):
    _, (late, fresh) = _inspect(session, shop, hazards.HazardInput(item="楼道堆物", deadline=TODAY - timedelta(days=2)),
                                hazards.HazardInput(item="消防通道堵塞", deadline=TODAY + timedelta(days=1)))
    assert hazards.list_hazards(session, overdue_on=TODAY) == [late]
    assert hazards.list_hazards(session, due_by=TODAY + timedelta(days=1)) == [late, fresh]
    assert hazards.is_overdue(late, TODAY) and hazards.days_left(late, TODAY) == -2
    hazards.advance(session, late.id, "rectified", reason="当场整改", rectification="已清理", on=TODAY)
    assert hazards.is_overdue(late, TODAY)  # rectified after its deadline
    assert hazards.list_hazards(session, statuses=["rectified"]) == [late]
    assert hazards.list_hazards(session, overdue_on=TODAY) == []


def test_rectified_on_time_per_grid_and_counts(session, place, shop):
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    kiosk = safety_places.create_place(session, safety_places.PlaceInput(name="便民超市", kind="小商店",
                                                                         grid_id=other.id, address="和平路3号"))
    _, (a, b, c) = _inspect(session, shop, hazards.HazardInput(item="楼道堆物", deadline=date(2026, 11, 5)),
                            hazards.HazardInput(item="消防通道堵塞", deadline=date(2026, 11, 8)),
                            hazards.HazardInput(item="电线私拉乱接", deadline=date(2026, 12, 3)),
                            on=date(2026, 11, 1))
    _inspect(session, kiosk, hazards.HazardInput(item="灭火器缺失或过期", deadline=date(2026, 11, 9)),
             on=date(2026, 11, 2))
    hazards.advance(session, a.id, "notified", on=date(2026, 11, 1))
    hazards.advance(session, a.id, "rectified", rectification="已清理", on=date(2026, 11, 5))
    hazards.advance(session, b.id, "notified", on=date(2026, 11, 1))
    hazards.advance(session, b.id, "rectified", rectification="已清理", on=date(2026, 11, 12))
    figures = rectification_by_grid(session, date(2026, 11, 1), date(2026, 12, 1))
    assert (figures[place["grid"]].due, figures[place["grid"]].on_time) == (2, 1)
    assert figures[place["grid"]].rate == 0.5
    assert (figures[other.id].due, figures[other.id].on_time) == (1, 0)
    counts = hazard_counts(session, today=TODAY)
    assert counts == {"places": 2, "inspections": 2, "hazards_open": 4, "hazards_overdue": 1}


def test_steward_writes_and_reads_only_own_grids(engine, place):
    with unit_of_work(engine) as session:
        other = geo.create_grid(session, code="FK-04", name="第四网格")
        theirs = safety_places.create_place(session, safety_places.PlaceInput(name="便民超市", kind="小商店",
                                                                              grid_id=other.id, address="和平路3号"))
        mine = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼楼道", kind="楼道",
                                                                            building_id=place["building"]))
        _, (hazard,) = _inspect(session, theirs, hazards.HazardInput(item="楼道堆物"))
    steward = CurrentUser("lixy", "steward", frozenset({place["grid"]}))
    with Session(engine) as session:
        session.info["user"] = steward
        assert [p.id for p in safety_places.list_places(session)] == [mine.id]
        assert hazards.list_hazards(session) == [] and hazard_counts(session, today=TODAY)["places"] == 1
    with pytest.raises(PermissionDenied), unit_of_work(engine) as session:
        session.info["user"] = steward
        hazards.advance(session, hazard.id, "notified", on=TODAY)
    with pytest.raises(PermissionDenied), unit_of_work(engine) as session:
        session.info["user"] = steward
        _inspect(session, theirs, hazards.HazardInput(item="楼道堆物"))
    with unit_of_work(engine) as session:
        session.info["user"] = steward
        _inspect(session, mine, hazards.HazardInput(item="楼道堆物"))


def test_writes_are_audited(engine, place):
    with unit_of_work(engine) as session:
        stairs = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼楼道", kind="楼道",
                                                                              building_id=place["building"]))
        _, (hazard,) = _inspect(session, stairs, hazards.HazardInput(item="楼道堆物"))
    with unit_of_work(engine) as session:
        hazards.advance(session, hazard.id, "notified", on=TODAY)
    with Session(engine) as session:
        entities = {e.entity for e in session.exec(select(AuditEntry))}
    assert {"safety_place", "safety_inspection", "safety_hazard", "safety_hazard_event"} <= entities


def test_place_with_history_is_kept_and_unused_place_goes_to_the_bin(session, shop, place):
    _inspect(session, shop)
    with pytest.raises(ServiceError, match="不能删除"):
        safety_places.delete_place(session, shop.id)
    spare = safety_places.create_place(session, safety_places.PlaceInput(name="车棚", kind="电动车棚",
                                                                         building_id=place["building"]))
    session.commit()
    session.expunge_all()  # as the GUI deletes it: read back from the database, its kind a plain code
    record = safety_places.delete_place(session, spare.id)
    assert record.kind == "safety_place" and record.label == "车棚（电动车棚）"
    assert [p.name for p in safety_places.list_places(session)] == ["老王小吃"]
    from gridkeeper.services import trash

    assert trash.restore_any(session, record.id).kind == "safety_place"
    assert sorted(p.name for p in safety_places.list_places(session)) == ["老王小吃", "车棚"]


def test_checklists_are_configurable(session, place):
    assert "燃气泄漏隐患" in safety_places.checklist_for(session, "小餐饮")
    assert safety_places.set_checklist(session, "小餐饮", ["油烟管道未清洗", " ", "油烟管道未清洗", "燃气泄漏隐患"]) == [
        "油烟管道未清洗", "燃气泄漏隐患"]
    assert safety_places.set_checklist(session, "小餐饮", []) == safety_places.checklist_for(session, "restaurant")
    assert "违规使用明火" in safety_places.checklist_for(session, "restaurant")


def test_closing_twice_gives_one_closing_and_says_who(engine, place):
    with unit_of_work(engine) as session:
        stairs = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼楼道", kind="楼道",
                                                                              building_id=place["building"]))
        _, (hazard,) = _inspect(session, stairs, hazards.HazardInput(item="楼道堆物"))
        hazards.advance(session, hazard.id, "rectified", reason="当场整改", rectification="已清理", on=TODAY)
    with unit_of_work(engine) as session:
        hazards.advance(session, hazard.id, "closed", reinspected_by="李晓燕", actor="李晓燕", on=TODAY)
    with pytest.raises(ServiceError, match="李晓燕"), unit_of_work(engine) as session:
        hazards.advance(session, hazard.id, "closed", reinspected_by="王敏", actor="王敏", on=TODAY)
    with Session(engine) as session:
        assert [e.to_status for e in hazards.history(session, hazard.id)].count("closed") == 1


def test_two_connections_closing_at_once_on_a_server(engine, place, db_kind):
    """Two PCs press 销号 at the same moment: the row lock makes the second wait, then refuses it."""
    if db_kind != "postgresql":
        pytest.skip("SQLite has one writer (the file lock): two PCs cannot write at once")
    with unit_of_work(engine) as session:
        stairs = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼楼道", kind="楼道",
                                                                              building_id=place["building"]))
        _, (hazard,) = _inspect(session, stairs, hazards.HazardInput(item="楼道堆物"))
        hazards.advance(session, hazard.id, "rectified", reason="当场整改", rectification="已清理", on=TODAY)
    results = two_pcs_at_once(
        engine, lambda s: hazards.advance(s, hazard.id, "closed", reinspected_by="李晓燕", actor="李晓燕", on=TODAY),
        lambda s: hazards.advance(s, hazard.id, "closed", reinspected_by="王敏", actor="王敏", on=TODAY))
    assert results["first"] == "ok" and "李晓燕" in results["second"]
    with Session(engine) as session:
        assert session.get(SafetyHazard, hazard.id).reinspected_by == "李晓燕"


def test_register_follows_the_geography(session, place):
    from gridkeeper.services import place_edit, trash

    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [ResidentInput(name="王建华")], today=TODAY)
    visit = visits.record_visit(session, visits.VisitInput(household_id=saved.household.id, visited_on=TODAY,
                                                           kind="安全检查"), today=TODAY)
    from_visit = hazards.record_from_visit(session, visit.id, hazards.HazardInput(item="燃气泄漏隐患"))
    stairs = safety_places.create_place(session, safety_places.PlaceInput(name="7号楼楼道", kind="楼道",
                                                                          building_id=place["building"]))
    _, (hazard,) = _inspect(session, stairs, hazards.HazardInput(item="楼道堆物"))
    session.commit()
    trash.delete_household(session, saved.household.id)
    session.commit()
    session.refresh(from_visit)
    assert (from_visit.household_id, from_visit.visit_id, from_visit.building_id) == (None, None, place["building"])
    assert "安全隐患台账" in place_edit.why_not_deletable(session, "building", place["building"])
    other = geo.create_grid(session, code="FK-04", name="第四网格")
    place_edit.move_building(session, place["building"], grid_id=other.id)
    session.commit()
    for row in (stairs, hazard, from_visit):
        session.refresh(row)
        assert row.grid_id == other.id
    assert {e.grid_id for e in hazards.history(session, hazard.id)} == {other.id}


def test_correcting_a_hazard_keeps_what_changed_in_its_history_and_a_closed_one_stays(session, shop):
    from gridkeeper.services.errors import EditConflict

    _, (hazard,) = _inspect(session, shop, hazards.HazardInput(item="楼道堆物", level="一般"))
    shown = hazard.version
    corrected = hazards.update_hazard(session, hazard.id, hazards.HazardInput(
        item="消防通道堵塞", description="后门堆放纸箱", level="较大", deadline=TODAY + timedelta(days=3),
        responsible_person="王建国", responsible_phone="13904510011", requirement=hazard.requirement),
        expected_version=shown, actor="李晓燕")
    session.commit()
    assert (corrected.item, corrected.level, corrected.deadline, corrected.status) == (
        "消防通道堵塞", "serious", TODAY + timedelta(days=3), H.FOUND)
    last = hazards.history(session, hazard.id)[-1]
    assert (last.from_status, last.to_status, last.actor) == (H.FOUND, H.FOUND, "李晓燕")
    assert last.note == ("更正：检查项 楼道堆物→消防通道堵塞；隐患情况 （空）→后门堆放纸箱；隐患等级 一般→较大；"
                         f"整改期限 {hazard.found_on + timedelta(days=7)}→{TODAY + timedelta(days=3)}")
    audited = session.exec(select(AuditEntry).where(AuditEntry.entity == "safety_hazard",
                                                    AuditEntry.action == "update")).all()
    assert audited and "serious" in audited[-1].after
    with pytest.raises(EditConflict):  # saved over a version someone else changed meanwhile
        hazards.update_hazard(session, hazard.id, hazards.HazardInput(item="楼道堆物"), expected_version=shown)
    session.rollback()
    with pytest.raises(ValidationFailed) as caught:
        hazards.update_hazard(session, hazard.id, hazards.HazardInput(item="", description=" "))
    assert set(caught.value.by_field()) == {"hazard_content"}
    session.rollback()
    hazards.advance(session, hazard.id, H.NOTIFIED, on=TODAY)
    hazards.advance(session, hazard.id, H.RECTIFIED, on=TODAY, rectification="已清理纸箱")
    hazards.advance(session, hazard.id, H.CLOSED, on=TODAY, reinspected_by="张伟")
    session.commit()
    with pytest.raises(ServiceError, match="已复查销号"):
        hazards.update_hazard(session, hazard.id, hazards.HazardInput(item="楼道堆物"))


def test_a_whole_building_is_inspected_and_listed_with_its_last_inspection(session, place):
    other = geo.create_grid(session, code="FK-05", name="第五网格")
    compound = geo.create_compound(session, name="阳光小区")
    far = geo.create_building(session, grid_id=other.id, compound_id=compound.id, label="1号楼")
    session.commit()
    before = safety_places.buildings_to_inspect(session)
    assert [(b.name, b.last_inspected_on) for b in before] == [("幸福家园7号楼", None), ("阳光小区1号楼", None)]
    assert [b.id for b in safety_places.buildings_to_inspect(session, Scope(grid_id=place["grid"]))] == [place["building"]]
    items = safety_places.checklist_for(session, None)
    inspection, (found,) = hazards.record_inspection(session, hazards.InspectionInput(
        inspected_on=TODAY - timedelta(days=2), inspectors="李晓燕", building_id=place["building"], checked_items=items,
        hazards=[hazards.HazardInput(item="电动车入户/飞线充电", description="3单元一楼飞线充电")]), today=TODAY)
    session.commit()
    assert inspection.place_id is None and inspection.grid_id == place["grid"] and found.building_id == place["building"]
    assert hazards.where_found(session, [found]) == {found.id: "幸福家园7号楼"}
    after = {b.id: b.last_inspected_on for b in safety_places.buildings_to_inspect(session)}
    assert after == {place["building"]: TODAY - timedelta(days=2), far.id: None}
