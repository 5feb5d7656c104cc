"""Issue 11 item 7: with accounts on, every command that reads or copies resident data signs in;
a backup is audited; `check` masks ID numbers."""

from __future__ import annotations

import sqlite3

import pytest

from gridkeeper.cli import main

# Every command that reads residents' data, with the arguments it needs (output files under {tmp}).
READING = [
    ["stats"],
    ["check"],
    ["backup"],
    ["backup", "--to", "{tmp}/copies"],
    ["ledger", "households", "--month", "2026-11", "--out", "{tmp}/l.xlsx"],
    ["export-roster", "--out", "{tmp}/r.xlsx"],
    ["roster", "--grid", "FK-01", "--out", "{tmp}/w.pdf"],
    ["checklist", "--grid", "FK-01", "--out", "{tmp}/c.pdf"],
    ["notice", "outage", "--grid", "FK-01", "--out", "{tmp}/n.pdf"],
    ["import", "{tmp}/roster.csv", "--grid", "FK-01", "--dry-run"],
    ["account", "list"],
    ["search", "wjh"],
    ["report", "monthly", "--month", "2026-11", "--out", "{tmp}/m.pdf"],
    ["report", "annual", "--year", "2026", "--out", "{tmp}/a.pdf"],
    ["board", "property", "--period", "2026-11", "--out", "{tmp}/p.pdf"],
    ["board", "grids", "--period", "2026-11", "--out", "{tmp}/g.xlsx"],
]


def _args(command, db, tmp_path):
    (tmp_path / "roster.csv").write_text("小区,楼栋,单元,房号,姓名\n幸福家园,1,1,101,王建华\n", encoding="utf-8")
    return [a.replace("{tmp}", str(tmp_path)) for a in command] + ["--db", db]


def _audit_rows(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_every_reading_command_signs_in(accounts_db, tmp_path, capsys, command):
    assert main(_args(command, accounts_db, tmp_path)) == 2
    assert "--user" in capsys.readouterr().err
    assert not (tmp_path / "copies").exists()
    assert not any(tmp_path.glob("*.xlsx")) and not any(tmp_path.glob("*.pdf"))


def test_backup_is_audited_and_copying_it_away_is_for_administrators(accounts_db, tmp_path, monkeypatch, capsys):
    from tests.security.conftest import ADMIN_PASSWORD, STEWARD_PASSWORD

    before = _audit_rows(accounts_db)
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", STEWARD_PASSWORD)
    assert main(["backup", "--db", accounts_db, "--user", "steward", "--to", str(tmp_path / "usb")]) == 1
    assert "管理员" in capsys.readouterr().err and not (tmp_path / "usb").exists()
    assert main(["backup", "--db", accounts_db, "--user", "steward"]) == 0
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", ADMIN_PASSWORD)
    assert main(["backup", "--db", accounts_db, "--user", "admin", "--to", str(tmp_path / "usb")]) == 0
    with sqlite3.connect(accounts_db) as conn:
        rows = conn.execute("SELECT actor, action, summary FROM audit_entry ORDER BY id DESC LIMIT 2").fetchall()
    assert _audit_rows(accounts_db) == before + 2
    assert [r[0] for r in rows] == ["admin", "steward"] and all(r[1] == "export" for r in rows)
    assert str(tmp_path / "usb") in rows[0][2]
    assert main(["check", "--db", accounts_db, "--user", "admin"]) == 0  # the chain is intact


def test_backup_is_audited_while_the_app_has_the_database_open(accounts_db, as_admin):
    from gridkeeper.services.database import open_database

    engine = open_database(accounts_db).engine  # holds the writer lock, as the GUI does
    try:
        before = _audit_rows(accounts_db)
        assert main(["backup", "--db", accounts_db, *as_admin]) == 0
        assert _audit_rows(accounts_db) == before + 1
    finally:
        engine.dispose()


def test_check_masks_id_numbers(accounts_db, as_admin, capsys):
    with sqlite3.connect(accounts_db) as conn:
        a, b = conn.execute("SELECT id, id_number FROM resident WHERE id_number != '' LIMIT 2").fetchall()
        conn.execute("UPDATE resident SET id_number = ? WHERE id = ?", (a[1], b[0]))
    capsys.readouterr()
    assert main(["check", "--db", accounts_db, *as_admin]) == 1
    out = capsys.readouterr().out
    assert "身份证号" in out and a[1] not in out
    assert f"{a[1][:6]}********{a[1][-4:]}" in out
