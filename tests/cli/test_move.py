"""`gridkeeper move`: a file onto a server and back, every table's count and the audit chain verified."""

from __future__ import annotations

import json
import sqlite3

import pytest

from gridkeeper.cli import main
from gridkeeper.storage.move import tables
from tests.db_support import execute_sql, query_rows


def _counts(db) -> dict[str, int]:
    return {t.name: query_rows(db, f'SELECT COUNT(*) FROM "{t.name}"')[0][0] for t in tables()}


@pytest.fixture
def small_demo(tmp_path, capsys):
    path = tmp_path / "office.db"
    assert main(["demo", "--db", str(path), "--households", "150", "--seed", "4", "--today", "2026-11-20"]) == 0
    capsys.readouterr()
    return path


def test_move_to_a_server_and_back_keeps_every_row(small_demo, pg_databases, tmp_path, capsys):
    server = pg_databases.create(migrated=False)
    before = _counts(small_demo)
    assert main(["move", "--db", str(small_demo), "--to", server, "--json"]) == 0
    reported = json.loads(capsys.readouterr().out)
    assert reported["counts"] == before and reported["audit_chain_problems"] == []
    assert _counts(server) == before
    assert main(["check", "--db", server]) == 0  # the copied chain verifies on the server
    capsys.readouterr()
    home = tmp_path / "home.db"
    assert main(["move", "--db", server, "--to", str(home)]) == 0
    assert "行数与原数据库逐一核对一致" in capsys.readouterr().out
    assert _counts(home) == before
    assert main(["check", "--db", str(home)]) == 0
    # The same rows, column for column (ids kept, so the audit hashes still chain).
    for table in ("household", "resident", "audit_entry"):
        sql = f'SELECT * FROM "{table}" ORDER BY id'
        assert query_rows(home, sql) == query_rows(small_demo, sql)
    # New records on the server continue after the copied ids (its sequences were moved on).
    execute_sql(server, "INSERT INTO setting (key, value) VALUES ('after_move', '1')")
    execute_sql(server, "INSERT INTO community (name, subdistrict, hotline, supervision_phone) VALUES ('新社区', '', '', '')")
    assert query_rows(server, "SELECT MAX(id) FROM community")[0][0] == before["community"] + 1


def test_move_refuses_a_target_that_is_not_empty(small_demo, pg_databases, tmp_path, capsys):
    server = pg_databases.create(migrated=False)
    assert main(["move", "--db", str(small_demo), "--to", server]) == 0
    capsys.readouterr()
    counts = _counts(server)
    assert main(["move", "--db", str(small_demo), "--to", server]) == 1
    err = capsys.readouterr().err
    assert "不是空的" in err and err.count("\n") == 1
    assert _counts(server) == counts  # nothing added twice
    assert main(["move", "--db", server, "--to", str(small_demo)]) == 1
    assert "已经存在" in capsys.readouterr().err


def test_move_into_a_file_rolls_back_on_a_broken_copy(small_demo, tmp_path, monkeypatch, capsys):
    """Any count that does not match undoes the whole move and leaves no new file."""
    from gridkeeper.storage import move

    real = move.row_counts
    calls = []

    def short_by_one(conn):
        counts = real(conn)
        calls.append(1)
        if len(calls) == 3:  # source, emptiness check, then the copy: pretend one visit went missing
            counts["visit"] -= 1
        return counts

    monkeypatch.setattr(move, "row_counts", short_by_one)
    target = tmp_path / "copy.db"
    assert main(["move", "--db", str(small_demo), "--to", str(target)]) == 1
    assert "行数与原数据库不一致，已全部撤销" in capsys.readouterr().err
    assert not target.exists()


def test_move_file_to_file_keeps_the_chain(small_demo, tmp_path, capsys):
    target = tmp_path / "snapshot.db"
    assert main(["move", "--db", str(small_demo), "--to", str(target)]) == 0
    assert _counts(target) == _counts(small_demo)
    with sqlite3.connect(target) as conn:
        from gridkeeper.storage.audit import chain_problems

        assert chain_problems(conn) == []
