"""Errors are keyed by field name and read by people as the field's Chinese label (domain.fields)."""

from __future__ import annotations

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.fields import field_label


def test_an_error_keeps_the_field_name_and_reads_as_its_label():
    error = ValueRuleError("visited_on", "不能为空")
    assert error.field == "visited_on" and error.reason == "不能为空"
    assert str(error) == "走访日期：不能为空"


def test_a_name_means_what_its_table_says_and_an_unknown_key_shows_as_it_is():
    assert field_label("ended_on") == "卸任日期" and field_label("ended_on", "tenancy") == "结束日期"
    assert field_label("没有这个字段") == "没有这个字段"  # a key with no label shows as it is


def test_the_visit_and_leader_services_report_field_names(session, place):
    import pytest

    from gridkeeper.domain.enums import LeaderRole
    from gridkeeper.services.errors import ValidationFailed
    from gridkeeper.services.leaders import LeaderInput, assign_leader
    from gridkeeper.services.visits import VisitInput, record_visit
    from tests.conftest import TODAY

    with pytest.raises(ValidationFailed) as visit:
        record_visit(session, VisitInput(household_id=1, visited_on=None, visitor_name="李晓燕"), today=TODAY)
    assert [e.field for e in visit.value.errors] == ["visited_on"] and "走访日期：不能为空" in str(visit.value)
    with pytest.raises(ValidationFailed) as leader:
        assign_leader(session, LeaderInput(role=LeaderRole.UNIT, scope_id=place["unit"], person_name=""),
                      today=TODAY)
    assert [e.field for e in leader.value.errors] == ["person_name", "person_phone"]


def test_an_item_of_a_list_is_keyed_by_its_number_and_read_as_before():
    from gridkeeper.domain.fields import item_field, split_item_field

    key = item_field("residents", 2, "id_number")
    assert key == "residents.2.id_number" and split_item_field(key) == ("residents", 2, "id_number")
    assert str(ValueRuleError(key, "校验位应为X")) == "第2位居民的身份证号：校验位应为X"
    assert field_label("residents.1.phone") == "第1位居民的联系电话"
    assert field_label(item_field("grids", 3, "name"), "grid") == "第3个网格的网格名称"
    assert split_item_field("id_number") is None and split_item_field("notes.2.x") is None


def test_a_household_phone_reads_as_the_household_s():
    assert str(ValueRuleError("phone", "格式不对", "household")) == "户联系电话：格式不对"
    assert str(ValueRuleError("phone", "格式不对")) == "联系电话：格式不对"


def test_the_household_services_report_field_names(session, place):
    import pytest

    from gridkeeper.services import households as hh
    from gridkeeper.services.errors import ValidationFailed
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from tests.conftest import TODAY

    people = [ResidentInput(name="王芳"), ResidentInput(name="", gender="未知")]
    with pytest.raises(ValidationFailed) as caught:
        hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="", housing_use="别墅"), people,
                            today=TODAY)
    assert [(e.field, e.table) for e in caught.value.errors] == [  # the household's and its residents' at once
        ("room", "household"), ("housing_use", "household"), ("residents.2.name", ""), ("residents.2.gender", "")]
    assert str(caught.value).startswith("房号：不能为空；房屋用途：“别墅”不是可选的值")
    assert "；第2位居民的姓名：不能为空；第2位居民的性别：“未知”" in str(caught.value)
