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
    assert field_label("纠纷事由") == "纠纷事由"  # a register not moved over yet keeps its label as the key


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
