"""Promise 7: every change writes a hash-chained audit row (who, when, what, before, after);
an edited row fails `gridkeeper check`, as do the logical problems of promise 4."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlmodel import Session, delete, select, update

from gridkeeper.cli import main
from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household, update_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.trash import delete_household, restore
from gridkeeper.storage import audit
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import AuditEntry, Household, ResidentTag, Setting
from gridkeeper.storage.session import unit_of_work
from tests.db_support import execute_sql, query_rows

ID_NUMBER = "11010519491231002X"


def entries(session) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).order_by(AuditEntry.id)))


def chain_ok(engine) -> list[str]:
    raw = engine.raw_connection()
    try:
        return audit.chain_problems(raw.driver_connection)
    finally:
        raw.close()


def test_create_update_delete_restore_each_write_rows(engine, session, place):
    audit.set_actor(engine, "李晓燕")
    start = len(entries(session))
    saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                             [ResidentInput(name="王建华", id_number=ID_NUMBER, tags=["living_alone"])])
    session.commit()
    update_household(session, saved.household.id, HouseholdInput(unit_id=place["unit"], room="301", phone="13904510003"))
    session.commit()
    record = delete_household(session, saved.household.id)
    session.commit()
    restore(session, record.id)
    session.commit()
    rows = entries(session)[start:]
    kinds = [(r.action, r.entity) for r in rows]
    assert ("create", "household") in kinds and ("create", "resident") in kinds
    change = next(r for r in rows if r.action == "update" and r.entity == "household")
    assert json.loads(change.before) == {"phone": ""} and json.loads(change.after) == {"phone": "13904510003"}
    gone = next(r for r in rows if r.action == "delete" and r.entity == "resident")
    assert json.loads(gone.before)["id_number"] == ID_NUMBER and gone.after == ""
    assert all(r.actor == "李晓燕" for r in rows)
    assert chain_ok(engine) == []
    audit.set_actor(engine, None)


def test_expired_objects_still_record_their_old_value(engine, place):
    with Session(engine) as session:  # expire_on_commit=True: old values are not kept in memory
        saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="402"))
        session.commit()
        saved.household.notes = "新备注"
        session.commit()
        last = entries(session)[-1]
    assert json.loads(last.before) == {"notes": ""} and json.loads(last.after) == {"notes": "新备注"}


def test_bulk_update_and_delete_are_audited_row_by_row(session, place):
    saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="501"),
                             [ResidentInput(name="赵丽", tags=["empty_nest", "disabled"])])
    session.commit()
    session.exec(update(Household).where(Household.id == saved.household.id).values(phone="0451-86123456"))
    session.exec(delete(ResidentTag).where(ResidentTag.resident_id == saved.residents[0].id))
    session.commit()
    rows = entries(session)
    assert [r.entity for r in rows[-3:]] == ["household", "residenttag", "residenttag"]
    assert json.loads(rows[-3].after) == {"phone": "0451-86123456"}


def test_record_event_for_exports_with_full_id_numbers(engine, session):
    audit.record_event(session, "export", "走访台账 2026-11（含完整身份证号）", {"rows": 37, "file": "x.pdf"})
    session.commit()
    last = entries(session)[-1]
    assert (last.action, last.summary, json.loads(last.after)["rows"]) == ("export", "走访台账 2026-11（含完整身份证号）", 37)
    assert chain_ok(engine) == []


def test_a_failed_action_leaves_no_audit_row(session, place):
    before = len(entries(session))
    with pytest.raises(Exception):
        create_household(session, HouseholdInput(unit_id=place["unit"], room="601"), [ResidentInput(name="")])
    session.rollback()
    assert len(entries(session)) == before


@pytest.fixture
def db(demo_copy):
    return demo_copy


def test_demo_data_is_logically_clean_and_audited_in_summary(db, demo_db, capsys):
    assert main(["check", "--db", str(db)]) == 0
    summary = dict(query_rows(db, "SELECT entity, summary FROM audit_entry WHERE action = 'bulk_create'"))
    assert str(demo_db[1]["household"]) in summary["household"]


TAMPERING = {
    "edited audit row": "UPDATE audit_entry SET actor = '别人' WHERE id = 3",
    "deleted audit row": "DELETE FROM audit_entry WHERE id = 2",
    "duplicate ID number": "UPDATE resident SET id_number = (SELECT id_number FROM resident WHERE id_number != '' "
                           "LIMIT 1) WHERE id = (SELECT MAX(id) FROM resident WHERE id_number != '')",
    "bad check digit": "UPDATE resident SET id_number = substr(id_number, 1, 17) || "
                       "CASE substr(id_number, 18) WHEN '0' THEN '1' ELSE '0' END WHERE id = 1",
    "visit of nothing": "UPDATE visit SET household_id = 999999 WHERE id = 1",
    "last visit date": "UPDATE household SET last_visit_on = '1999-01-01' WHERE id = 2",
}


@pytest.mark.parametrize("sql", TAMPERING.values(), ids=TAMPERING.keys())
def test_check_finds_tampering_and_logical_problems(db, sql, capsys):
    if "999999" in sql and not isinstance(db, Path):  # a server enforces foreign keys: the tampering is refused
        from sqlalchemy.exc import IntegrityError

        with pytest.raises(IntegrityError):
            execute_sql(db, sql)
        return
    execute_sql(db, sql)
    assert main(["check", "--db", str(db)]) == 1
    assert "发现" in capsys.readouterr().out


def test_audit_keeps_an_orm_import_fast(engine, place):
    started = time.process_time()  # CPU time: other processes may share the machine
    with unit_of_work(engine) as session:
        session.add_all(Setting(key=f"k{i}", value="v") for i in range(5000))
    elapsed = time.process_time() - started
    with Session(engine) as session:
        assert len(entries(session)) >= 5000
    # About 0.5 s on SQLite, 1-2 s on a server (one round trip per batch): one audit row per record is affordable.
    assert elapsed < (5 if engine.dialect.name == "sqlite" else 10)
    assert chain_ok(engine) == []
