"""Issue 10: commands that only read open the database read-only — no writer lock, no daily backup,
no migration — so they run while the app has the file open; --full exports still leave their audit
row (a short write); --read-only refuses what would write; a missing database is said plainly."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gridkeeper.cli import build_parser, main
from gridkeeper.storage import lock

pytestmark = pytest.mark.sqlite_only  # the SQLite file's writer lock; a server has none

# Every command that only reads, with the arguments it needs (outputs under {tmp}).
READING = [
    ["stats", "--json"],
    ["check"],
    ["ledger", "visits", "--month", "2026-11", "--out", "{tmp}/v.pdf"],
    ["ledger", "households", "--month", "2026-11", "--full", "--out", "{tmp}/h.xlsx"],
    ["roster", "--grid", "FK-01", "--out", "{tmp}/w.pdf"],
    ["checklist", "--grid", "FK-01", "--out", "{tmp}/c.pdf"],
    ["notice", "outage", "--grid", "FK-01", "--out", "{tmp}/n.pdf"],
    ["export-roster", "--out", "{tmp}/r.xlsx"],
    ["export-roster", "--full", "--out", "{tmp}/rf.xlsx"],
    ["board", "property", "--period", "2026-11", "--out", "{tmp}/p.pdf"],
    ["board", "grids", "--period", "2026-Q4", "--json", "--out", "{tmp}/g.xlsx"],
    ["report", "monthly", "--month", "2026-11", "--out", "{tmp}/m.pdf"],
]


@pytest.fixture
def db(demo_db, tmp_path) -> Path:
    """A private copy of the demo database with no backups yet."""
    path = tmp_path / "data" / "grid.db"
    path.parent.mkdir()
    shutil.copy(demo_db[0], path)
    return path


@pytest.fixture
def app_holding(db):
    """Another process holds the database as the GUI does: the writer lock and an open connection."""
    code = ("import sys, time; from gridkeeper.storage.engine import open_database; "
            "d = open_database(sys.argv[1]); c = d.engine.connect(); c.exec_driver_sql('SELECT 1'); "
            "print('ready', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "ready"
    assert lock.read_lock(db).pid == holder.pid
    yield holder
    holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def _argv(command, db, tmp_path):
    return [a.replace("{tmp}", str(tmp_path)) for a in command] + ["--db", str(db)]


def _audit_rows(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]


def _backups(db: Path) -> list[Path]:
    folder = db.parent / f"{db.stem}-backups"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_every_reading_command_is_registered_as_reading():
    parser = build_parser()
    for command in READING:
        args = parser.parse_args(_argv(command, "x.db", "t"))
        assert getattr(args, "reads_only", False), command
    for writing in (["import", "f.csv", "--grid", "G"], ["demo"], ["account", "add", "x"], ["restore", "latest"]):
        assert not getattr(parser.parse_args([*writing, "--db", "x.db"]), "reads_only", False), writing


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(a for a in c if "{tmp}" not in a and a != "--out"))
def test_reading_works_while_the_app_holds_the_database(db, tmp_path, app_holding, capsys, command):
    audit_before, backups_before = _audit_rows(db), _backups(db)  # the app made today's backup
    assert main(_argv(command, db, tmp_path)) == 0, capsys.readouterr().err
    assert lock.read_lock(db).pid == app_holding.pid  # the app's lock untouched
    assert _backups(db) == backups_before  # no backup from a reading command
    # A --full export leaves exactly one audit row (appended beside the app's session); others none.
    assert _audit_rows(db) == audit_before + ("--full" in command)
    if "--out" in command:
        assert Path(_argv(command, db, tmp_path)[command.index("--out") + 1]).stat().st_size > 0


def test_a_writing_command_is_still_refused_while_the_app_holds_the_database(db, app_holding, capsys):
    assert main(["account", "lock", "5", "--db", str(db)]) == 3
    assert str(app_holding.pid) in capsys.readouterr().err


def test_a_reading_command_leaves_nothing_behind(db, tmp_path):
    def beside():  # SQLite's own -wal/-shm index files may appear: they are not GridKeeper's
        return sorted(p.name for p in db.parent.iterdir() if not p.name.endswith(("-wal", "-shm")))

    before = beside()
    assert main(["stats", "--db", str(db)]) == 0
    assert main(["ledger", "visits", "--month", "2026-11", "--db", str(db), "--out", str(tmp_path / "v.pdf")]) == 0
    assert beside() == before  # no lock, no backup folder


def test_an_older_schema_is_upgraded_once_then_read(db, capsys):
    from gridkeeper.storage import migrate

    with sqlite3.connect(db) as conn:
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert head == migrate.head_revision()
    import alembic.command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db}")  # as an older GridKeeper left it: one migration behind
    alembic.command.downgrade(migrate.alembic_config(engine), "-1")
    engine.dispose()
    assert main(["stats", "--db", str(db), "--json"]) == 0, capsys.readouterr().err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    assert [p.name for p in _backups(db) if "migration" in p.name]  # upgraded the safe way, backup first
    assert not lock.lock_path(db).exists()


@pytest.mark.parametrize("command, words", [
    (["export-roster", "--full", "--out", "{tmp}/r.xlsx"], "审计"),
    (["ledger", "visits", "--month", "2026-11", "--full", "--out", "{tmp}/v.pdf"], "审计"),
    (["notice", "outage", "--grid", "FK-01", "--save-as", "mine", "--out", "{tmp}/n.pdf"], "模板"),
    (["import", "{tmp}/r.csv", "--grid", "FK-01"], "导入"),
    (["account", "add", "zhang"], "账号"),
], ids=["export-roster --full", "ledger --full", "notice --save-as", "import", "account add"])
def test_read_only_refuses_what_would_write_before_starting(db, tmp_path, capsys, command, words):
    (tmp_path / "r.csv").write_text("小区,楼栋,单元,房号,姓名\n幸福家园,1,1,101,王建华\n", encoding="utf-8")
    audit_before = _audit_rows(db)
    assert main([*_argv(command, db, tmp_path), "--read-only"]) == 2
    err = capsys.readouterr().err
    assert "--read-only" in err and words in err and "是只读的" not in err
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.pdf"))
    assert _audit_rows(db) == audit_before


def test_read_only_still_reads(db, tmp_path, capsys):
    assert main(["export-roster", "--read-only", "--db", str(db), "--out", str(tmp_path / "r.xlsx")]) == 0
    assert main(["import", str(tmp_path / "r.xlsx"), "--grid", "FK-01", "--dry-run", "--read-only",
                 "--db", str(db)]) in (0, 1)  # a dry run may report problems; it must not be refused
    assert "--read-only 表示" not in capsys.readouterr().err


def test_a_full_export_whose_audit_row_cannot_be_written_leaves_no_file(db, tmp_path, monkeypatch, capsys):
    from gridkeeper.cli import common
    from gridkeeper.cli.common import CliError

    def refuse(*_args, **_kwargs):
        try:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        except sqlite3.OperationalError as exc:
            raise CliError("已完成，但没能写入审计记录") from exc

    monkeypatch.setattr(common, "audit_outside_lock", refuse)
    out = tmp_path / "r.xlsx"
    assert main(["export-roster", "--full", "--db", str(db), "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "审计" in err and "已删除" in err
    assert not out.exists()


# ---- A database that does not exist ---------------------------------------------------------------

MISSING = [
    ["stats"], ["check"], ["backup"], ["account", "list"], ["account", "add", "zhang"],
    ["ledger", "visits", "--month", "2026-11", "--out", "{tmp}/v.pdf"],
    ["roster", "--grid", "FK-01", "--out", "{tmp}/w.pdf"],
    ["checklist", "--grid", "FK-01", "--out", "{tmp}/c.pdf"],
    ["notice", "outage", "--grid", "FK-01", "--out", "{tmp}/n.pdf"],
    ["export-roster", "--out", "{tmp}/r.xlsx"],
]


@pytest.mark.parametrize("command", MISSING, ids=lambda c: " ".join(c[:2]))
def test_a_missing_database_is_said_plainly_and_nothing_is_created(tmp_path, _isolated_home, capsys, command):
    shutil.rmtree(_isolated_home)
    db = tmp_path / "new.db"
    assert main(_argv(command, db, tmp_path)) == 3
    err = capsys.readouterr().err
    assert "找不到数据库文件" in err and str(db) in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # no database, lock, backup folder or output
    assert not _isolated_home.exists()  # not even the user data folder


def test_a_dry_run_import_checks_against_an_empty_database_and_creates_nothing(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("小区,楼栋,单元,房号,姓名,身份证号\n幸福家园,1,1,101,王建华,11010519491231002X\n"
                      "幸福家园,1,1,102,李四,123\n", encoding="utf-8")
    db = tmp_path / "new.db"
    code = main(["import", str(roster), "--db", str(db), "--grid", "FK-03", "--dry-run"])
    captured = capsys.readouterr()
    assert code == 1  # the file's own problem is reported, as against any database
    assert "身份证" in captured.out and "还不存在" in captured.err and "新建" in captured.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]  # no file, lock or backup
    assert main(["import", str(roster), "--db", str(db), "--grid", "FK-03", "--dry-run", "--skip-invalid"]) == 0
    assert "将新增 1 户" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.csv"]
