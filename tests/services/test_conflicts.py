"""Several people at once: an edit based on an older version is refused with who/when and both versions;
two dispatches of one request give one dispatch. Runs on SQLite and on the PostgreSQL test server."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from gridkeeper.services import households as hh
from gridkeeper.services import members, requests
from gridkeeper.services.errors import EditConflict, ServiceError
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage import audit
from gridkeeper.storage.models import Household, Resident
from gridkeeper.storage.session import unit_of_work

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
    from gridkeeper.storage.server import open_server

    request_id = _request(engine, household[0])
    second_engine = open_server(engine.url).engine
    first_holds_lock, results = threading.Event(), {}

    def first():
        with unit_of_work(engine) as session:
            requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="李晓燕")
            first_holds_lock.set()
            time.sleep(0.8)  # still uncommitted while the second presses 派单
        results["first"] = "ok"

    def second():
        first_holds_lock.wait(10)
        try:
            with unit_of_work(second_engine) as session:
                requests.advance(session, request_id, "dispatched", dispatched_to="社区工作站", actor="王敏")
            results["second"] = "ok"
        except ServiceError as exc:
            results["second"] = str(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    second_engine.dispose()
    assert results["first"] == "ok"
    assert "李晓燕" in results["second"] and "已派单" in results["second"]
    with Session(engine) as session:
        assert [e.to_status for e in requests.history(session, request_id)].count("dispatched") == 1


def test_conflict_names_the_last_audited_change(engine, household):
    from gridkeeper.services.conflicts import last_change

    with Session(engine) as session:
        who, when = last_change(session, "household", household[0])
    assert who == audit.actor_of(Session(engine)) and when[:4].isdigit()
