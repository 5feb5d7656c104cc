"""Issue 11 item 15: every command fed hostile argument values answers with exit 1 or 2 and one plain
line on stderr — no traceback, no "意外错误" (an exception nobody expected), no file left behind."""

from __future__ import annotations

import gc
import shutil
import sys

import pytest

from gridkeeper.cli import main

HUGE = "9" * 40
# (arguments, expected exit code); {db} is a copy of a small demo database, {tmp} a scratch folder.
HOSTILE = [
    (["export-roster", "--out", "/missing/dir/x.xlsx"], 1),
    (["export-roster", "--out", "{tmp}/x.pdf"], 1),
    (["export-roster", "--grid", "NOPE", "--out", "{tmp}/x.xlsx"], 1),
    (["ledger", "visits", "--month", "9999-12", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "visits", "--month", "0001-01", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "visits", "--month", f"{HUGE}-01", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "visits", "--month", "2026-11", "--today", "9999-12-31", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "members", "--half", "9999-H2", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "members", "--half", f"{HUGE}-H2", "--out", "{tmp}/l.pdf"], 2),
    (["ledger", "visits", "--month", "2026-11", "--grid", "\x00", "--out", "{tmp}/l.pdf"], 1),
    (["ledger", "visits", "--month", "2026-11", "--out", "/missing/dir/l.xlsx"], 1),
    (["ledger", "nothing", "--month", "2026-11", "--out", "{tmp}/l.pdf"], 2),
    (["roster", "--grid", "FK-01", "--today", "0000-00-00", "--out", "{tmp}/r.pdf"], 2),
    (["roster", "--grid", HUGE, "--out", "{tmp}/r.pdf"], 1),
    (["checklist", "--grid", "FK-01", "--building", "\u200b", "--out", "{tmp}/c.pdf"], 1),
    (["checklist", "--grid", "FK-01", "--today", "9999-12-31", "--out", "{tmp}/c.pdf"], 2),
    (["notice", "outage", "--grid", "FK-01", "--buildings", f"{HUGE}-{HUGE}9", "--out", "{tmp}/n.pdf"], 1),
    (["notice", "outage", "--grid", "FK-01", "--set", "=", "--out", "{tmp}/n.pdf"], 2),
    (["notice", "nothing-like-this", "--grid", "FK-01", "--out", "{tmp}/n.pdf"], 1),
    (["notice", "outage", "--grid", "FK-01", "--save-as", "../../etc/x", "--out", "{tmp}/n.pdf"], 1),
    (["notice", "outage", "--grid", "FK-01", "--today", "9999-12-31", "--out", "{tmp}/n.pdf"], 2),
    (["import", "{tmp}/missing.csv", "--grid", "FK-01"], 1),
    (["import", "{tmp}", "--grid", "FK-01"], 1),
    (["import", "{tmp}/roster.csv", "--grid", "FK-01", "--report", "/missing/dir/p.csv"], 1),
    (["import", "{tmp}/roster.csv", "--grid", "\x00"], 2),
    (["demo", "--households", "1000000", "--db", "{tmp}/new.db"], 2),
    (["demo", "--households", "0", "--db", "{tmp}/new.db"], 2),
    (["demo", "--households", "-5", "--db", "{tmp}/new.db"], 2),
    (["demo", "--households", "abc", "--db", "{tmp}/new.db"], 2),
    (["demo", "--households", HUGE, "--db", "{tmp}/new.db"], 2),
    (["demo", "--seed", "x", "--db", "{tmp}/new.db"], 2),
    (["demo", "--today", "9999-12-31", "--db", "{tmp}/new.db"], 2),
    (["account", "lock", HUGE], 1),
    (["account", "lock", "-1"], 1),
    (["account", "lock", "x"], 2),
    (["backup", "--to", "{tmp}/roster.csv"], 1),
    (["restore", "{tmp}/missing.db"], 1),
    (["stats", "--db", "{tmp}/missing.db"], 3),
    (["stats", "--db", "{tmp}"], 3),
]


@pytest.fixture(scope="module")
def small_db(demo_db):
    return demo_db[0]


def _fill(args, db, tmp_path):
    (tmp_path / "roster.csv").write_text("小区,楼栋,单元,房号,姓名\n幸福家园,1,1,101,王建华\n", encoding="utf-8")
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    return filled if "--db" in filled else [*filled, "--db", db]


@pytest.mark.parametrize("args, code", HOSTILE, ids=[" ".join(a[:3])[:40] for a, _ in HOSTILE])
def test_hostile_argument_gets_one_plain_line(small_db, tmp_path, capsys, args, code):
    db = tmp_path / "grid.db"
    shutil.copy(small_db, db)
    before = {p.name for p in tmp_path.iterdir()}
    unraisable = []
    old_hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        assert main(_fill(args, str(db), tmp_path)) == code
        gc.collect()
    finally:
        sys.unraisablehook = old_hook
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("gridkeeper: "), err
    assert "Traceback" not in err and "意外错误" not in err and "Error" not in err, err
    assert not unraisable, unraisable
    opened = {"grid-backups", "grid.db-wal", "grid.db-shm", "grid.db.commits"}  # the database opened normally (daily backup)
    left = {p.name for p in tmp_path.iterdir()} - before - {"roster.csv"} - opened
    assert not left, left  # nothing half-made: no output, no empty database



def test_a_huge_building_range_is_bounds_not_a_set():
    """`--buildings 1-99999999999` used to build a set of 10^11 numbers (memory without end)."""
    from gridkeeper.reports.notice_sheet import select_buildings
    from gridkeeper.reports.roster import BuildingCard

    cards = [BuildingCard(n, "幸福家园", f"{n}号楼", None) for n in (1, 5, 12)]
    assert [c.label for c in select_buildings(cards, "1-99999999999")] == ["1号楼", "5号楼", "12号楼"]
    assert [c.label for c in select_buildings(cards, f"{HUGE}-{HUGE}9, 5")] == ["5号楼"]
    assert [c.label for c in select_buildings(cards, "2-11")] == ["5号楼"]


def test_a_failed_report_after_a_committed_import_says_the_import_was_saved(small_db, tmp_path, capsys,
                                                                            monkeypatch):
    from gridkeeper.excel import problems

    db = tmp_path / "grid.db"
    shutil.copy(small_db, db)
    roster = tmp_path / "roster.csv"
    roster.write_text("小区,楼栋,单元,房号,姓名,身份证号\n新小区,1,1,101,王建华,123\n新小区,1,1,102,李四,\n",
                      encoding="utf-8")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(problems, "write_problem_report", disk_full)
    code = main(["import", str(roster), "--grid", "FK-09", "--grid-name", "第九网格", "--skip-invalid", "--report", str(tmp_path / "p.csv"),
                 "--db", str(db)])
    assert code == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("gridkeeper:")]
    assert len(err) == 1 and "导入已保存" in err[0] and "问题报告没有写成" in err[0]
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM resident WHERE name = '李四'").fetchone()[0] == 1


def test_an_xlsx_that_cannot_be_written_leaves_no_garbage_tracebacks(tmp_path, monkeypatch):
    from gridkeeper.reports import xlsx

    def refuse(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(xlsx, "atomic_write", refuse)
    unraisable = []
    old_hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        with pytest.raises(PermissionError):
            xlsx.write_ledger_xlsx(tmp_path / "x.xlsx", title="t", unit="u", period="p", header=["a"], rows=[[1]])
        gc.collect()
    finally:
        sys.unraisablehook = old_hook
    assert not unraisable


def test_a_failed_demo_leaves_no_file(tmp_path, monkeypatch, capsys):
    from gridkeeper.demo import generator

    def out_of_memory(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(generator, "generate", out_of_memory)
    db = tmp_path / "new.db"
    assert main(["demo", "--households", "50", "--db", str(db)]) == 1
    assert "内存不足" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_demo_keeps_the_previous_file(small_db, tmp_path):
    db = tmp_path / "grid.db"
    shutil.copy(small_db, db)
    before = db.read_bytes()
    assert main(["demo", "--households", "50", "--db", str(db)]) == 1  # it already has households
    assert db.read_bytes() == before
