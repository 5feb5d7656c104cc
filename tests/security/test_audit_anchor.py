"""Issue 11 item 9: the audit chain's head is kept outside the database; cutting the newest rows or
rewriting the whole history (with every hash recomputed) is reported on open and by `check`."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from gridkeeper.cli import main
from gridkeeper.storage import audit, audit_anchor
from gridkeeper.services.database import open_database
from gridkeeper.storage.session import unit_of_work


@pytest.fixture
def db(demo_db, tmp_path):
    """A copy of the demo database, opened once (anchored) and given a few audited changes."""
    path = tmp_path / "grid.db"
    shutil.copy(demo_db[0], path)
    database = open_database(path)
    for n in range(3):
        with unit_of_work(database.engine) as session:
            audit.record_event(session, "print", f"打印第{n}次")
    database.dispose()
    return path


def _rows(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT id, hash FROM audit_entry ORDER BY id").fetchall()


def test_every_commit_moves_the_anchor_to_the_new_head(db):
    last_id, last_hash = _rows(db)[-1]
    anchor = audit_anchor.anchored(db)
    assert (anchor.last_id, anchor.last_hash, anchor.count) == (last_id, last_hash, len(_rows(db)))


def test_deleting_the_newest_rows_is_reported_by_check_and_on_open(db, capsys):
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM audit_entry WHERE id > (SELECT MAX(id) - 2 FROM audit_entry)")
    assert main(["check", "--db", str(db)]) == 1
    assert "审计记录被截短" in capsys.readouterr().out
    database = open_database(db)
    try:
        assert any("审计记录被截短" in w for w in database.warnings)
    finally:
        database.dispose()
    with sqlite3.connect(db) as conn:  # the finding is itself in the trail, and anchored
        assert conn.execute("SELECT COUNT(*) FROM audit_entry WHERE action = 'anchor'").fetchone()[0] == 1
    assert main(["check", "--db", str(db)]) == 0


def test_rewriting_the_history_with_recomputed_hashes_is_reported(db, capsys):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_entry SET summary = '无事发生' WHERE id = 1")
        prev = ""
        columns = ("id", *audit.HASHED_FIELDS)
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM audit_entry ORDER BY id").fetchall():
            entry = dict(zip(columns, row))
            new_hash = audit.entry_hash(prev, entry)
            conn.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new_hash, entry["id"]))
            prev = new_hash
        assert not audit.chain_problems(conn)  # the chain alone is fooled
    assert main(["check", "--db", str(db), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any(p["kind"] == "audit_anchor" and "改写" in p["message"] for p in report["logical"])


def test_a_restore_rewinds_the_trail_on_purpose_and_is_not_reported(db, capsys):
    assert main(["backup", "--db", str(db)]) == 0
    database = open_database(db)
    with unit_of_work(database.engine) as session:
        audit.record_event(session, "print", "备份之后")
    database.dispose()
    assert main(["restore", "latest", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 0, capsys.readouterr().out


def test_a_read_only_open_reports_without_writing(db):
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)")
    before = _rows(db)
    database = open_database(db, read_only=True)
    try:
        assert any("审计记录被截短" in w for w in database.warnings)
    finally:
        database.dispose()
    assert _rows(db) == before
