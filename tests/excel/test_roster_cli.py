"""`gridkeeper import` and `gridkeeper export-roster`: exit codes, report file, summary, the kill test."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import select
from sqlmodel import Session

from benchmarks.import_roster import roster_rows, write_csv
from gridkeeper.cli import main
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Grid
from tests.excel.roster_helpers import counts, dump, fixture


@pytest.fixture
def db(tmp_path):
    """A database set up as the first-run wizard leaves it: the community and grid FK-03."""
    from gridkeeper.services.community_setup import CommunityDetails, GridDetails, set_up
    from gridkeeper.storage.session import unit_of_work

    path = tmp_path / "g.db"
    engine = open_database(path, create=True).engine
    with unit_of_work(engine) as session:
        set_up(session, CommunityDetails("福康社区居民委员会"), [GridDetails("FK-03", "第三网格")])
    engine.dispose()
    return path


def test_missing_grid_is_refused_plainly_unless_named(db, capsys, tmp_path):
    code, out, err = _run(capsys, "import", fixture("person", "xlsx"), "--db", db, "--grid", "FK-07", "--skip-invalid")
    assert code == 1 and "没有编码为 FK-07 的网格（现有网格：FK-03 第三网格）" in err and "--grid-name" in err
    code, out, err = _run(capsys, "import", fixture("person", "xlsx"), "--db", db, "--grid", "FK-07",
                          "--grid-name", "第七网格", "--skip-invalid")
    assert code == 0 and "名称“第七网格”" in out, out + err
    fresh = tmp_path / "fresh.db"
    code, out, err = _run(capsys, "import", fixture("person", "xlsx"), "--db", fresh, "--grid", "FK-03",
                          "--grid-name", "第三网格")
    assert code == 1 and "--community" in err and not fresh.exists()


def _run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_problems_import_nothing_and_exit_1(db, capsys, tmp_path):
    report = tmp_path / "problems.csv"
    code, out, _ = _run(capsys, "import", fixture("household", "xlsx"), "--db", db, "--grid", "FK-03",
                        "--report", report)
    assert code == 1 and "有错误，未导入任何数据" in out and "问题：7 个错误，2 个提醒" in out
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0] == ["row", "column", "value", "problem"] and len(lines) == 10
    assert lines[2] == ["7", "公民身份号码", "1.10105194912310E+17", "以数字格式保存，末几位已丢失，请改为文本格式重新录入"]
    assert lines[1][3].startswith("提醒：")
    engine = open_database(db).engine
    assert counts(engine)["Household"] == 0
    engine.dispose()


def test_skip_invalid_imports_valid_rows_and_exits_0(db, capsys):
    code, out, _ = _run(capsys, "import", fixture("person", "utf8.csv"), "--db", db, "--grid", "FK-03",
                        "--skip-invalid")
    assert code == 0
    assert "住户：新增 3 户，更新 0 户" in out and "居民：新增 4 人，更新 0 人" in out
    assert "数据行：共 8 行，导入 4 行，跳过 4 行（另有 2 个空行或合计行已忽略）" in out
    code, out, _ = _run(capsys, "import", fixture("person", "gbk.csv"), "--db", db, "--grid", "FK-03",
                        "--skip-invalid")
    assert code == 0 and "住户：新增 0 户，更新 0 户" in out and "居民：新增 0 人，更新 0 人" in out


def test_dry_run_writes_nothing(db, capsys):
    code, out, _ = _run(capsys, "import", fixture("person", "xls"), "--db", db, "--grid", "FK-03",
                        "--skip-invalid", "--dry-run")
    assert code == 0 and "住户：将新增 3 户" in out and "试运行：没有写入数据库" in out
    engine = open_database(db).engine
    assert counts(engine)["Household"] == 0 and counts(engine)["Grid"] == 1
    engine.dispose()


@pytest.mark.parametrize("name, message", [("missing.xlsx", "找不到文件"), ("notes.txt", "没有找到表头"),
                                           ("roster.pdf", "不支持的文件类型"), ("broken.xlsx", "文件已损坏")])
def test_unreadable_files_one_line_exit_1(db, capsys, tmp_path, name, message):
    if name != "missing.xlsx":
        (tmp_path / name).write_bytes("随便写的一些字\n".encode())
    code, out, err = _run(capsys, "import", tmp_path / name, "--db", db, "--grid", "FK-03")
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


def test_unusable_database_exits_3(capsys, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    code, _, err = _run(capsys, "import", fixture("household", "xlsx"), "--db", bad, "--grid", "FK-03")
    assert code == 3 and "不是 GridKeeper 数据库" in err


def test_import_backs_up_first(db, capsys):
    _run(capsys, "import", fixture("person", "xlsx"), "--db", db, "--grid", "FK-03", "--skip-invalid")
    from gridkeeper import paths

    assert list(paths.backups_dir(db).glob("*-import.db"))


def test_export_full_round_trip_and_masked_refused(capsys, demo_db, tmp_path):
    source, _counts = demo_db
    full, masked = tmp_path / "full.xlsx", tmp_path / "masked.xlsx"
    assert _run(capsys, "export-roster", "--db", source, "--full", "--out", full)[0] == 0
    code, out, _ = _run(capsys, "export-roster", "--db", source, "--out", masked)
    assert code == 0 and "已打码" in out
    original = open_database(source).engine
    fresh_path = tmp_path / "fresh.db"
    fresh = open_database(fresh_path, create=True).engine
    with Session(original) as session:
        codes = sorted(session.execute(select(Grid.code)).scalars())
    for code in codes:
        per_grid = tmp_path / f"{code}.xlsx"
        _run(capsys, "export-roster", "--db", source, "--grid", code, "--full", "--out", per_grid)
        code_, out, err = _run(capsys, "import", per_grid, "--db", fresh_path, "--grid", code,
                               "--grid-name", f"网格{code}", "--community", "福康社区")
        assert code_ == 0, out + err
    # Everything but the database ids and the grid names (imports name new grids 网格CODE).
    assert [r[1:] for r in dump(fresh)] == [r[1:] for r in dump(original)]
    code, out, _ = _run(capsys, "import", masked, "--db", fresh_path, "--grid", codes[0], "--dry-run")
    assert code == 1 and "是打码后的号码" in out
    original.dispose()
    fresh.dispose()


@pytest.mark.slow
def test_killed_mid_import_leaves_database_unchanged(db, tmp_path):
    roster = tmp_path / "big.csv"
    write_csv(roster, roster_rows(20_000))
    before_engine = open_database(db).engine
    before_counts, before_dump = counts(before_engine), dump(before_engine)
    before_engine.dispose()
    code = ("import sys; from gridkeeper.cli import main; "
            f"sys.exit(main(['import', {str(roster)!r}, '--db', {str(db)!r}, '--grid', 'FK-99', '--grid-name', '第九十九网格']))")
    child = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             env={**os.environ, "PYTHONPATH": os.getcwd()}, text=True)
    wal = db.with_name(db.name + "-wal")
    line = ""
    while "正在写入数据库" not in line:
        line = child.stderr.readline()
        assert line, "the import ended before it started writing"
    start = wal.stat().st_size if wal.exists() else 0
    deadline = time.monotonic() + 20
    while (not wal.exists() or wal.stat().st_size < start + 256 * 1024) and time.monotonic() < deadline:
        time.sleep(0.002)
    assert child.poll() is None, "the import finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stderr.close()
    assert wal.stat().st_size > start  # it really was writing
    engine = open_database(db).engine
    assert counts(engine) == before_counts and dump(engine) == before_dump
    engine.dispose()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
