"""Several people at once: an edit based on an older version is refused with who/when and both versions;
two dispatches of one request give one dispatch. Runs on SQLite and on the PostgreSQL test server."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, select

from gridkeeper.services import households as hh
from gridkeeper.services import members, requests
from gridkeeper.services.errors import EditConflict, ServiceError
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage import audit
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.session import unit_of_work
from tests.db_support import two_pcs_at_once

TODAY = date(2026, 11, 20)


@pytest.fixture
def household(engine, place):
    with unit_of_work(engine) as session:
        saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301", phone="13904510001"),
                                    [ResidentInput(name="王建华", is_head=True)], today=TODAY)
    return saved.household.id, saved.residents[0].id


def _opened(engine, model, record_id):
    """What a form shows: the record read in its own short session (the version travels with the form)."""
    with Session(engine) as session:
        return session.get(model, record_id)


def test_second_saver_of_a_household_is_told_who_and_sees_both(engine, place, household):
    household_id, _ = household
    mine = _opened(engine, Household, household_id)
    theirs = _opened(engine, Household, household_id)
    assert mine.version == theirs.version == 1
    with unit_of_work(engine) as session:  # the first PC saves
        session.info["actor"] = "李晓燕"
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="独居老人",
                                                                  version=theirs.version))
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:  # the second PC saves later
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="新装了门铃",
                                                                  version=mine.version))
    conflict = caught.value
    assert conflict.changed_by == "李晓燕" and conflict.changed_at
    assert "李晓燕" in str(conflict) and "没有保存" in str(conflict)
    assert conflict.theirs["notes"] == "独居老人" and conflict.yours["notes"] == "新装了门铃"
    assert (conflict.opened_version, conflict.current_version) == (1, 2)
    assert _opened(engine, Household, household_id).notes == "独居老人"  # nothing overwritten
    with unit_of_work(engine) as session:  # choosing "keep mine" = saving again on the current version
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="新装了门铃",
                                                                  version=conflict.current_version))
    assert _opened(engine, Household, household_id).notes == "新装了门铃"


def test_resident_and_member_edits_check_their_versions(engine, place, household):
    household_id, resident_id = household
    opened = _opened(engine, Resident, resident_id)
    with unit_of_work(engine) as session:
        hh.update_resident(session, resident_id, ResidentInput(name="王建华", phone="13904510002", is_head=True,
                                                               version=opened.version))
    with pytest.raises(EditConflict, match="居民"), unit_of_work(engine) as session:
        hh.update_resident(session, resident_id, ResidentInput(name="王建国", is_head=True, version=opened.version))
    with unit_of_work(engine) as session:
        member = members.register_member(session, members.MemberInput(name="赵丽", grid_id=place["grid"],
                                                                      registered_on=TODAY))
    with unit_of_work(engine) as session:
        members.update_member(session, member.id, members.MemberInput(name="赵丽", grid_id=place["grid"],
                                                                      registered_on=TODAY, post="楼道清扫", version=1))
    with pytest.raises(EditConflict, match="在职党员"), unit_of_work(engine) as session:
        members.update_member(session, member.id, members.MemberInput(name="赵丽", grid_id=place["grid"],
                                                                      registered_on=TODAY, post="助老", version=1))


def test_a_stale_object_changes_no_row(engine, household):
    """Between reading and writing inside one save, the UPDATE checks the version too."""
    household_id, _ = household
    session = Session(engine, expire_on_commit=False)
    stale = session.get(Household, household_id)
    session.commit()  # end the read (a server connection goes back to the pool)
    with unit_of_work(engine) as other:
        other.get(Household, household_id).notes = "先存的"
    stale.notes = "后存的"
    session.add(stale)
    with pytest.raises(StaleDataError):
        session.commit()
    session.rollback()
    session.close()
    assert _opened(engine, Household, household_id).notes == "先存的"


def _request(engine, household_id):
    with unit_of_work(engine) as session:
        return requests.raise_request(session, requests.RequestInput(household_id=household_id, description="楼上漏水"),
                                      today=TODAY).id


def test_dispatching_twice_gives_one_dispatch_and_says_who(engine, household):
    request_id = _request(engine, household[0])
    with unit_of_work(engine) as session:
        requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="李晓燕")
    with pytest.raises(ServiceError, match="李晓燕") as caught, unit_of_work(engine) as session:
        requests.advance(session, request_id, "dispatched", dispatched_to="社区工作站", actor="王敏")
    assert "已派单" in str(caught.value)
    with Session(engine) as session:
        steps = [e.to_status for e in requests.history(session, request_id)]
    assert steps.count("dispatched") == 1


def test_two_connections_dispatching_at_once_on_a_server(engine, household, db_kind):
    """Two PCs press 派单 at the same moment: the row lock makes the second wait, then refuses it."""
    if db_kind != "postgresql":
        pytest.skip("SQLite has one writer (the file lock): two PCs cannot write at once")
    request_id = _request(engine, household[0])
    results = two_pcs_at_once(
        engine,
        lambda s: requests.advance(s, request_id, "dispatched", dispatched_to="南方物业公司", actor="李晓燕"),
        lambda s: requests.advance(s, request_id, "dispatched", dispatched_to="社区工作站", actor="王敏"))
    assert results["first"] == "ok"
    assert "李晓燕" in results["second"] and "已派单" in results["second"]
    with Session(engine) as session:
        assert [e.to_status for e in requests.history(session, request_id)].count("dispatched") == 1


def test_conflict_names_the_last_audited_change(engine, household):
    from gridkeeper.services.conflicts import last_change

    with Session(engine) as session:
        who, when = last_change(session, "household", household[0])
    assert who == audit.actor_of(Session(engine)) and when[:4].isdigit()


# --- every versioned record a form edits --------------------------------------------------------------

def test_care_tags_alone_are_an_edit_of_the_resident(engine, place, household):
    """Only the tags changed on the first PC: the resident's version still moves on, so the second PC's
    older form is told (and sees the tags), instead of silently writing its own tags over them."""
    household_id, resident_id = household
    opened = _opened(engine, Resident, resident_id)
    with unit_of_work(engine) as session:
        hh.update_resident(session, resident_id, ResidentInput(name="王建华", is_head=True, tags=["living_alone"],
                                                               version=opened.version))
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        hh.update_resident(session, resident_id, ResidentInput(name="王建华", is_head=True, phone="13904510009",
                                                               version=opened.version))
    conflict = caught.value
    assert conflict.table == "resident" and conflict.record_id == resident_id
    assert conflict.theirs["tags"] == ["living_alone"] and conflict.yours["tags"] == []


def test_a_resident_added_elsewhere_is_kept_and_moves_the_household_on(engine, place, household):
    household_id, resident_id = household
    opened = _opened(engine, Household, household_id)
    with unit_of_work(engine) as session:  # another PC adds a resident
        session.info["actor"] = "李晓燕"
        hh.add_resident(session, household_id, ResidentInput(name="王小明", relation="子"), today=TODAY)
    mine = [ResidentInput(name="王建华", is_head=True, id=resident_id, version=1)]
    data = HouseholdInput(unit_id=place["unit"], room="301", notes="新装了门铃", version=opened.version)
    with pytest.raises(EditConflict, match="住户") as caught, unit_of_work(engine) as session:
        hh.update_household(session, household_id, data, mine, today=TODAY, shown={resident_id})
    assert caught.value.changed_by == "李晓燕"  # who added the resident, not who last edited the household
    data.version = opened.version + 1  # keep mine: save again over the current version
    with unit_of_work(engine) as session:
        hh.update_household(session, household_id, data, mine, today=TODAY, shown={resident_id})
    with Session(engine) as session:
        assert sorted(r.name for r in hh.household_residents(session, household_id)) == ["王小明", "王建华"]
        assert session.get(Household, household_id).notes == "新装了门铃"


def test_a_leader_post_taken_meanwhile_is_a_conflict(engine, place):
    from gridkeeper.services import leaders
    from gridkeeper.storage.models import LeaderAssignment

    def appoint(name, opened):
        with unit_of_work(engine) as session:
            return leaders.assign_leader(session, leaders.LeaderInput(
                role="unit", scope_id=place["unit"], person_name=name, person_phone="13904510001",
                opened=opened), today=TODAY).id

    first = appoint("赵大爷", (None, None))  # both PCs saw the post vacant; the first appoints
    with pytest.raises(EditConflict) as caught:
        appoint("钱阿姨", (None, None))
    conflict = caught.value
    assert conflict.record_id == first and conflict.theirs["person_name"] == "赵大爷"
    assert conflict.yours["person_name"] == "钱阿姨"
    with Session(engine) as session:
        assert leaders.current_leader(session, "unit", place["unit"]).person_name == "赵大爷"
    # keep mine: appoint again over the holder now
    second = appoint("钱阿姨", (conflict.record_id, conflict.current_version))
    with Session(engine) as session:
        assert leaders.current_leader(session, "unit", place["unit"]).id == second
        assert session.get(LeaderAssignment, first).ended_on == TODAY
    # one PC ends the term while the other still shows the holder: ending or appointing is a conflict
    shown = _opened(engine, LeaderAssignment, second)
    with unit_of_work(engine) as session:
        leaders.end_term(session, second, on=TODAY, expected_version=shown.version)
    with pytest.raises(EditConflict, match="三长"), unit_of_work(engine) as session:
        leaders.end_term(session, second, on=TODAY, expected_version=shown.version)
    with pytest.raises(EditConflict) as caught:
        appoint("孙师傅", (second, shown.version))
    assert caught.value.theirs["ended_on"] == TODAY.isoformat()


def test_withdrawing_and_request_steps_check_the_version_shown(engine, place, household):
    with unit_of_work(engine) as session:
        member_id = members.register_member(session, members.MemberInput(name="赵丽", grid_id=place["grid"],
                                                                         registered_on=TODAY)).id
    with unit_of_work(engine) as session:
        members.update_member(session, member_id, members.MemberInput(name="赵丽", grid_id=place["grid"],
                                                                      registered_on=TODAY, post="助老", version=1))
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        members.withdraw_member(session, member_id, on=TODAY, expected_version=1)
    assert caught.value.yours["status"] == "withdrawn" and caught.value.theirs["post"] == "助老"
    request_id = _request(engine, household[0])
    with unit_of_work(engine) as session:  # dispatched on one PC (version 2) while the other shows version 1
        requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="李晓燕")
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        requests.advance(session, request_id, "in_progress", dispatched_to="社区工作站", expected_version=1)
    assert caught.value.theirs["dispatched_to"] == "南方物业公司" and caught.value.yours["status"] == "in_progress"
    with unit_of_work(engine) as session:  # keep mine: the step again, on the current version
        requests.advance(session, request_id, "in_progress", expected_version=caught.value.current_version)


def test_logging_a_visit_is_not_an_edit_of_the_household(engine, place, household):
    """The last-visit date follows the visits: a steward with the household open is not told of a conflict
    because someone logged a visit meanwhile (the date is still kept, and audited)."""
    from gridkeeper.services import visits
    from gridkeeper.storage.models import AuditEntry

    household_id, _ = household
    opened = _opened(engine, Household, household_id)
    with unit_of_work(engine) as session:
        visits.record_visit(session, visits.VisitInput(household_id=household_id, visited_on=TODAY,
                                                       visitor_name="李晓燕"), today=TODAY)
    now = _opened(engine, Household, household_id)
    assert now.last_visit_on == TODAY and now.version == opened.version
    with unit_of_work(engine) as session:  # the form opened before the visit saves without a conflict
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="门铃",
                                                                  version=opened.version))
    with Session(engine) as session:
        changes = session.exec(select(AuditEntry.after).where(AuditEntry.entity == "household",
                                                              AuditEntry.action == "update")).all()
    assert any("last_visit_on" in (after or "") for after in changes)


def test_removing_a_resident_changed_elsewhere_is_a_conflict(engine, place, household):
    """The form removes a resident another PC changed meanwhile: refused (nothing removed) with who changed
    what; removing again over the version saved now ("keep mine") goes through."""
    household_id, resident_id = household
    with unit_of_work(engine) as session:
        kept = hh.add_resident(session, household_id, ResidentInput(name="王小明", relation="子女"), today=TODAY)
    opened = _opened(engine, Household, household_id)
    shown = {resident_id: 1, kept.id: kept.version}
    with unit_of_work(engine) as session:  # the other PC changes 王建华's phone
        session.info["actor"] = "王敏"
        hh.update_resident(session, resident_id, ResidentInput(name="王建华", phone="13904519999", is_head=True,
                                                               version=1))
    mine = [ResidentInput(name="王小明", relation="户主", is_head=True, id=kept.id, version=kept.version)]
    data = HouseholdInput(unit_id=place["unit"], room="301", notes="户主变更", version=opened.version)
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        hh.update_household(session, household_id, data, mine, today=TODAY, shown=shown)
    conflict = caught.value
    assert conflict.removing and conflict.table == "resident" and conflict.record_id == resident_id
    assert conflict.changed_by == "王敏" and conflict.theirs["phone"] == "13904519999"
    assert "您要删除的居民“王建华”" in str(conflict) and "没有删除" in str(conflict)
    with Session(engine) as session:  # nothing of the refused save was kept
        assert sorted(r.name for r in hh.household_residents(session, household_id)) == ["王小明", "王建华"]
        assert session.get(Household, household_id).notes == ""
    shown[resident_id] = conflict.current_version  # keep mine: remove over the version saved now
    with unit_of_work(engine) as session:
        hh.update_household(session, household_id, data, mine, today=TODAY, shown=shown)
    with Session(engine) as session:
        assert [r.name for r in hh.household_residents(session, household_id)] == ["王小明"]


def test_deleting_one_resident_checks_the_version_shown(engine, household):
    household_id, resident_id = household
    with unit_of_work(engine) as session:
        hh.update_resident(session, resident_id, ResidentInput(name="王建华", phone="13904519999", is_head=True))
    with pytest.raises(EditConflict, match="没有删除"), unit_of_work(engine) as session:
        hh.delete_resident(session, resident_id, expected_version=1)
    assert _opened(engine, Resident, resident_id) is not None
    with unit_of_work(engine) as session:
        hh.delete_resident(session, resident_id, expected_version=2)
    assert _opened(engine, Resident, resident_id) is None


def test_a_conflict_names_records_not_their_numbers(engine, place, household):
    """A household moved to another unit on one PC: the conflict names it by its address and both units by
    their grid, compound, building and unit (the dialog shows these, never a record number)."""
    from gridkeeper.services import geography as geo

    household_id, _ = household
    with unit_of_work(engine) as session:
        other_unit = geo.create_unit(session, building_id=place["building"], label="3单元").id
    with unit_of_work(engine) as session:
        hh.update_household(session, household_id, HouseholdInput(unit_id=other_unit, room="301", version=1))
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="x",
                                                                  version=1))
    conflict = caught.value
    assert conflict.name == "幸福家园7号楼3单元301" and "住户“幸福家园7号楼3单元301”" in str(conflict)
    assert conflict.names[("unit_id", other_unit)] == "FK-03 幸福家园 7号楼 3单元"
    assert conflict.names[("unit_id", place["unit"])] == "FK-03 幸福家园 7号楼 2单元"


def test_withdrawing_several_members_withdraws_those_not_in_conflict(engine, place):
    with unit_of_work(engine) as session:
        ids = [members.register_member(session, members.MemberInput(name=name, grid_id=place["grid"],
                                                                    registered_on=TODAY)).id for name in ("赵丽", "钱进")]
    with unit_of_work(engine) as session:  # another PC changes 钱进
        members.update_member(session, ids[1], members.MemberInput(name="钱进", grid_id=place["grid"],
                                                                   registered_on=TODAY, post="助老", version=1))
    with unit_of_work(engine) as session:
        done = members.withdraw_members(session, {ids[0]: 1, ids[1]: 1}, on=TODAY)
    assert [m.id for m in done.withdrawn] == [ids[0]]
    assert [(c.record_id, c.name, c.current_version) for c in done.conflicts] == [(ids[1], "钱进", 2)]
    with Session(engine) as session:
        assert [session.get(members.Member, i).status for i in ids] == ["withdrawn", "active"]


def test_deleting_a_household_changed_elsewhere_is_a_conflict(engine, place, household):
    from gridkeeper.services import trash

    household_id, _ = household
    opened = _opened(engine, Household, household_id)
    with unit_of_work(engine) as session:
        session.info["actor"] = "王敏"
        hh.update_household(session, household_id, HouseholdInput(unit_id=place["unit"], room="301", notes="独居老人",
                                                                  version=opened.version))
    with pytest.raises(EditConflict) as caught, unit_of_work(engine) as session:
        trash.delete_household(session, household_id, expected_version=opened.version)
    assert caught.value.removing and "您要删除的住户“幸福家园7号楼2单元301”" in str(caught.value)
    assert _opened(engine, Household, household_id) is not None
    with unit_of_work(engine) as session:  # keep mine: deleted over the version saved now
        trash.delete_household(session, household_id, expected_version=caught.value.current_version)
    assert _opened(engine, Household, household_id) is None
