"""The demo's bulk path (storage.bulk.insert_rows: DBAPI executemany on SQLite, COPY on a server) writes
exactly what the slow path through the session's audited INSERT writes — every table's stored rows, the
derived search columns, the audit trail's summary rows — and the row guards still decide."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, func, select

from gridkeeper.demo.generator import generate
from gridkeeper.domain.pinyin import name_initials
from gridkeeper.services import accounts
from gridkeeper.services import geography as geo
from gridkeeper.services.database import open_database
from gridkeeper.services.people import ResidentInput, resident_values
from gridkeeper.storage import bulk, engine as storage_engine
from gridkeeper.storage.models import AuditEntry, Building, Grid, Household, Member, Resident
from tests.conftest import TODAY

VOLATILE = {"audit_entry": {"at", "hash", "prev_hash"}}  # when it was written, and the chain over that


def _new_database(db_kind, request, tmp_path, name):
    if db_kind == "postgresql":
        return open_database(request.getfixturevalue("pg_databases").create(migrated=True))
    return open_database(tmp_path / f"{name}.db", create=True)


def stored_rows(engine) -> dict[str, list[tuple]]:
    """Every table's rows as the database holds them (raw driver values, no SQLAlchemy types), by key."""
    found = {}
    with engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            columns = [c["name"] for c in inspect(conn).get_columns(name) if c["name"] not in VOLATILE.get(name, ())]
            key = inspect(conn).get_pk_constraint(name)["constrained_columns"] or columns
            quoted = ", ".join(f'"{c}"' for c in columns)
            order = ", ".join(f'"{c}"' for c in key)
            found[name] = [tuple(row) for row in conn.exec_driver_sql(f'SELECT {quoted} FROM "{name}" ORDER BY {order}')]
    return found


def test_the_bulk_path_writes_what_the_orm_path_writes(db_kind, request, tmp_path):
    fast, slow = (_new_database(db_kind, request, tmp_path, name) for name in ("fast", "slow"))
    try:
        counts = generate(fast.engine, households=300, seed=3, today=TODAY)
        assert generate(slow.engine, households=300, seed=3, today=TODAY, through_session=True) == counts
        ours, reference = stored_rows(fast.engine), stored_rows(slow.engine)
        assert ours.keys() == reference.keys()
        for table in reference:  # table by table, so a difference names its table
            assert ours[table] == reference[table], table
        assert len(ours["household"]) == 300 and len(ours["visit"]) == counts["visit"] > 1000
        # The audit trail as before: one summary row per table written (batches of 20,000 rows), nothing per row.
        with Session(fast.engine) as session:
            trail = session.exec(select(AuditEntry.action, AuditEntry.entity, AuditEntry.after)
                                 .order_by(AuditEntry.id)).all()
        assert {action for action, _, _ in trail} == {"bulk_create"}
        assert {entity: after for _, entity, after in trail}["visit"] == f'{{"rows": {counts["visit"]}}}'
        assert len(trail) == sum(1 for n in counts.values() if n)
    finally:
        fast.dispose()
        slow.dispose()


def test_derived_search_columns_are_what_the_services_write(demo_db, db_kind):
    database = open_database(demo_db[0], read_only=True)
    try:
        with Session(database.engine) as session:
            residents = session.exec(select(Resident)).all()
            members = session.exec(select(Member)).all()
    finally:
        database.dispose()
    assert len(residents) > 1000
    for resident in residents:
        values, _ = resident_values(ResidentInput(name=resident.name, id_number=resident.id_number,
                                                  gender=resident.gender, birth_date=resident.birth_date,
                                                  phone=resident.phone), today=TODAY)
        stored = {k: getattr(resident, k) for k in ("given_name", "name_initials", "name_pinyin", "id_reversed",
                                                   "phone_reversed")}
        assert stored == {k: values[k] for k in stored}, resident.name
    assert all(m.name_initials == name_initials(m.name) for m in members)


def test_after_the_bulk_load_every_index_is_there_and_new_rows_fit(demo_copy):
    """The indexes (and on a server the foreign keys) dropped for the load were made again; a server's id
    sequences were moved past the ids the demo gave, so the next ordinary insert does not collide."""
    database = open_database(demo_copy)
    try:
        with database.engine.connect() as conn:
            for table in SQLModel.metadata.sorted_tables:
                made = {ix["name"] for ix in inspect(conn).get_indexes(table.name)}
                assert {ix.name for ix in table.indexes} <= made, table.name
                keys = {(tuple(fk["constrained_columns"]), fk["referred_table"])
                        for fk in inspect(conn).get_foreign_keys(table.name)}  # a server's were dropped for the load
                assert keys == {((fk.parent.name,), fk.column.table.name) for fk in table.foreign_keys}, table.name
        with Session(database.engine) as session:
            grid = geo.create_grid(session, code="FK-99", name="新网格")
            session.commit()
            assert grid.id == session.exec(select(func.max(Grid.id))).one() > 1
    finally:
        database.dispose()


# ---- The row guards on the bulk path -------------------------------------------------------------------

class CountingGuard:
    """A row guard that refuses rows of grid 2 and counts what it was asked."""

    def __init__(self, whole_table: bool | None):
        self.rows = self.tables = 0
        if whole_table is not None:
            self.allows_bulk = self._allows_bulk
        self.whole_table = whole_table

    def _allows_bulk(self, session, table):
        self.tables += 1
        return self.whole_table

    def __call__(self, session, table, before, after):
        self.rows += 1
        if after and after.get("grid_id") == 2:
            raise accounts.PermissionDenied("not yours")


def _buildings(count: int, grid_id: int) -> list[dict]:
    return [dict(grid_id=grid_id, compound_id=1, label=f"{n}号楼", key=str(n), sort_no=n, floors=6)
            for n in range(1, count + 1)]


@pytest.mark.parametrize("whole_table, rows_asked", [(True, 0), (False, 50), (None, 50)],
                         ids=["guard allows the whole table", "guard says no for the table", "guard without a bulk answer"])
def test_a_guard_is_asked_once_for_the_table_or_else_row_by_row(whole_table, rows_asked):
    guard = CountingGuard(whole_table)
    database = storage_engine.memory_database(row_guards=(guard,))
    try:
        with Session(database.engine) as session:
            geo.ensure_community(session, name="福康社区")
            for code in ("FK-01", "FK-02"):
                geo.create_grid(session, code=code, name=code)
            geo.create_compound(session, name="幸福家园")
            guard.rows = 0
            table = Building.__table__
            bulk.insert_rows(session, table, _buildings(50, 1))
            assert guard.rows == rows_asked and guard.tables == (0 if whole_table is None else 1)
            if whole_table:  # the guard answered for the whole table: nothing is asked row by row
                bulk.insert_rows(session, table, [dict(row, key=f"b{n}") for n, row in enumerate(_buildings(3, 2))])
            else:
                with pytest.raises(accounts.PermissionDenied):
                    bulk.insert_rows(session, table, [dict(row, key=f"b{n}") for n, row in enumerate(_buildings(3, 2))])
            summaries = session.exec(select(AuditEntry.summary).where(AuditEntry.action == "bulk_create")).all()
            assert "批量新增楼栋 50 条" in summaries
    finally:
        database.dispose()


def test_a_steward_cannot_fill_a_database_with_the_demo(engine, session, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    geo.ensure_community(session, name="福康社区")
    geo.create_grid(session, code="FK-01", name="第一网格")
    accounts.create_account(session, "admin", "secret1", role="administrator")
    accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-01"])
    session.commit()
    accounts.sign_in(engine, accounts.find_account(session, "李晓燕"))
    try:
        with pytest.raises(accounts.PermissionDenied):
            generate(engine, households=20, seed=1, today=TODAY)
    finally:
        accounts.sign_in(engine, None)
    with Session(engine) as check:
        assert check.exec(select(Household)).all() == []
    with engine.connect() as conn:  # the indexes and keys dropped for the load came back with the rollback
        assert {ix.name for ix in Resident.__table__.indexes} <= {ix["name"] for ix in inspect(conn).get_indexes("resident")}
        assert inspect(conn).get_foreign_keys("resident")


def test_bulk_rows_keep_awkward_text_as_an_insert_would(session, place):
    """Tabs, newlines, backslashes and COPY's \\N survive the bulk path; U+0000, which a server's text cannot
    hold, is dropped there as every other write drops it (SQLite keeps it), and a batch without it is sent
    through the driver's own dumper."""
    awkward = "7号楼\t\\N\n\\x00 \r末"
    rows = [dict(grid_id=place["grid"], compound_id=place["compound"], label=label, key=f"k{n}", sort_no=n, floors=6)
            for n, label in enumerate((awkward, awkward + "\x00NUL", "普通"))]
    bulk.insert_rows(session, Building.__table__, rows[:1] + rows[2:])  # no NUL in this batch
    bulk.insert_rows(session, Building.__table__, rows[1:2])
    session.commit()
    stored = dict(session.exec(select(Building.key, Building.label).where(Building.key.in_(["k0", "k1", "k2"]))).all())
    server = session.get_bind().dialect.name == "postgresql"
    assert stored == {"k0": awkward, "k1": awkward + ("NUL" if server else "\x00NUL"), "k2": "普通"}
