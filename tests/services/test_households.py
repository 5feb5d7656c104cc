"""Households and residents: validation per field, duplicates, edits, delete and restore."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from gridkeeper.services import households as hh
from gridkeeper.services import trash
from gridkeeper.services.errors import Duplicate, ValidationFailed
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.models import Household, Resident, ResidentTag
from tests.conftest import TODAY

HEAD = ResidentInput(name=" 赵 秀兰 ", id_number="11010519491231002x", relation="户主", phone="138-1234-5678",
                     tags=["独居老人", "高龄"], political_status="中共党员")


def _count(session, model):
    return session.exec(select(func.count()).select_from(model)).one()


def test_create_household_normalises_everything(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="３０１室", housing_use="出租"),
                                [HEAD], today=TODAY)
    session.commit()
    household, (resident,) = saved.household, saved.residents
    assert (household.room, household.room_key, household.floor, household.housing_use) == ("３０１室", "301", 3, "rented")
    assert resident.name == "赵秀兰" and resident.name_initials == "zxl"
    assert resident.id_number == "11010519491231002X" and resident.id_reversed == "X20013219491501011"
    assert resident.birth_date == date(1949, 12, 31) and resident.gender == "female"
    assert resident.phone == "13812345678" and resident.is_head
    assert sorted(hh.resident_tags(session, [resident.id])[resident.id]) == ["aged_80", "living_alone"]


def test_every_bad_field_is_named_and_nothing_is_saved(session, place):
    bad = [ResidentInput(name="", id_number="110105194912310021", phone="12345", tags=["外星人"])]
    with pytest.raises(ValidationFailed) as caught:
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="", phone="abc"), bad, today=TODAY)
    fields = {(e.field, e.table) for e in caught.value.errors}
    assert {("room", "household"), ("phone", "household"), ("residents.1.name", "")} <= fields  # all at once
    assert "房号：不能为空" in str(caught.value) and "户联系电话：“abc”不是有效的手机号" in str(caught.value)
    session.rollback()
    with pytest.raises(ValidationFailed) as caught:
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="302"), bad, today=TODAY)
    by_field = caught.value.by_field()
    assert "校验位" in by_field["residents.1.id_number"]
    assert {"residents.1.name", "residents.1.phone", "residents.1.tags"} <= set(by_field)
    for said in ("第1位居民的身份证号：校验位", "第1位居民的姓名：不能为空", "第1位居民的联系电话：“12345”",
                 "第1位居民的关爱标签：“外星人”"):
        assert said in str(caught.value)
    session.rollback()
    assert _count(session, Household) == 0 and _count(session, Resident) == 0


def test_birth_date_must_agree_with_id_number(session, place):
    wrong = ResidentInput(name="赵秀兰", id_number="11010519491231002X", birth_date=date(1950, 1, 1))
    with pytest.raises(ValidationFailed, match="出生日期与身份证号不一致"):
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [wrong], today=TODAY)


def test_duplicates_are_refused(session, place):
    hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [HEAD], today=TODAY)
    session.commit()
    with pytest.raises(Duplicate, match="301"):
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301室"), [], today=TODAY)
    session.rollback()
    with pytest.raises(ValidationFailed, match="重复"):
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="302"), [HEAD], today=TODAY)
    session.rollback()
    twins = [ResidentInput(name="甲", id_number="440524188001010014"), ResidentInput(name="乙", id_number="440524188001010014")]
    with pytest.raises(ValidationFailed, match="与第1位居民重复"):
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="303"), twins, today=TODAY)


def test_update_replaces_resident_list(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [HEAD, ResidentInput(name="孙小明", relation="子女")], today=TODAY)
    session.commit()
    head = saved.residents[0]
    edited = ResidentInput(name="赵秀兰", id_number=head.id_number, relation="户主", tags=["空巢"], id=head.id)
    result = hh.update_household(session, saved.household.id,
                                 HouseholdInput(unit_id=place["unit"], room="301", housing_use="自住", notes="新备注"),
                                 [edited, ResidentInput(name="钱多多", relation="配偶")], today=TODAY)
    session.commit()
    names = [r.name for r in hh.household_residents(session, saved.household.id)]
    assert names == ["赵秀兰", "钱多多"]
    assert result.household.notes == "新备注"
    assert session.exec(select(ResidentTag.tag)).all() == ["empty_nest"]


def test_delete_and_restore_brings_everything_back(session, place):
    from gridkeeper.services import requests, visits

    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [HEAD], today=TODAY)
    visit = visits.record_visit(session, visits.VisitInput(household_id=saved.household.id, visited_on=TODAY),
                                today=TODAY)
    requests.raise_request(session, requests.RequestInput(household_id=saved.household.id, description="漏水",
                                                          source_visit_id=visit.id), today=TODAY)
    session.commit()
    record = trash.delete_household(session, saved.household.id)
    session.commit()
    assert _count(session, Household) == 0 and _count(session, Resident) == 0
    assert [r.label for r in trash.deleted_records(session)] == [record.label]
    assert trash.restore(session, record.id).kind == "household"
    session.commit()
    restored = session.get(Household, saved.household.id)
    assert restored.last_visit_on == TODAY
    assert [r.name for r in hh.household_residents(session, restored.id)] == ["赵秀兰"]
    assert len(requests.history(session, 1)) == 1
    assert trash.deleted_records(session) == []


def test_restore_refused_when_room_reused(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [], today=TODAY)
    session.commit()
    record = trash.delete_household(session, saved.household.id)
    hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"), [], today=TODAY)
    session.commit()
    with pytest.raises(Duplicate, match="不能恢复"):
        trash.restore(session, record.id)


def test_hostile_text_is_stored_exactly(session, place):
    notes = "'); DROP TABLE household; --\x00\x07 <b>&amp;</b> " + "长" * 5000
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301", notes=notes), [], today=TODAY)
    session.commit()
    session.expire_all()
    stored = notes if session.get_bind().dialect.name == "sqlite" else notes.replace("\x00", "")  # a server's text holds no NUL
    assert session.get(Household, saved.household.id).notes == stored
