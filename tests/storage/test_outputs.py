"""Issue 11 items 1 and 10: no output over the database, its companions, its backups or the input;
write-protected targets refused; files with personal data owner-only whatever the umask."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat

import pytest

from gridkeeper.cli import main
from gridkeeper.storage import outputs
from gridkeeper.services.database import open_database

ROSTER = "小区,楼栋,单元,房号,姓名,与户主关系,身份证号,手机\n幸福家园,7号楼,2单元,301,王建国,户主,110101195003070015,13800138000\n"

pytestmark = pytest.mark.sqlite_only  # outputs never overwrite the database *file* and its companions


@pytest.fixture
def db(demo_db, tmp_path):
    target = tmp_path / "b.db"
    shutil.copy(demo_db[0], target)
    return target


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


@contextlib.contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def test_import_report_over_the_database_is_refused_before_importing(db, roster, capsys):
    before = db.read_bytes()
    assert main(["import", str(roster), "--db", str(db), "--grid", "FK-01", "--report", str(db)]) == 1
    err = capsys.readouterr().err
    assert "数据库" in err and "Traceback" not in err
    assert db.read_bytes() == before


def test_import_report_over_the_roster_being_imported_is_refused(db, roster, capsys):
    assert main(["import", str(roster), "--db", str(db), "--grid", "FK-01", "--report", str(roster)]) == 1
    assert "正在读取" in capsys.readouterr().err
    assert roster.read_text(encoding="utf-8") == ROSTER


@pytest.mark.parametrize("argv", [
    ["ledger", "visits", "--month", "2026-11", "--out", "{db}"],
    ["roster", "--grid", "FK-01", "--out", "{db}"],
    ["checklist", "--grid", "FK-01", "--out", "{db}"],
    ["notice", "outage", "--grid", "FK-01", "--out", "{db}"],
    ["export-roster", "--out", "{db}"],
])
def test_out_over_a_database_named_like_a_document_is_refused(demo_db, tmp_path, capsys, argv):
    name = {"ledger": "d.pdf", "export-roster": "d.xlsx"}.get(argv[0], "d.pdf")
    db = tmp_path / name
    shutil.copy(demo_db[0], db)
    before = db.read_bytes()
    code = main([a.replace("{db}", str(db)) for a in argv] + ["--db", str(db)])
    assert code == 1
    assert "数据库" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_other_names_for_the_database_are_refused(db, tmp_path, capsys):
    link = tmp_path / "link.pdf"
    link.symlink_to(db)
    hard = tmp_path / "hard.pdf"
    os.link(db, hard)
    sub = tmp_path / "sub"
    sub.mkdir()
    dotted = sub / ".." / "b.db"
    for target in (link, hard, dotted):
        assert outputs.refusal(target) is not None, target
    before = db.read_bytes()
    assert main(["ledger", "visits", "--month", "2026-11", "--db", str(db), "--out", str(link)]) == 1
    assert db.read_bytes() == before and link.is_symlink()


def test_companions_and_backups_of_a_database_are_refused(db):
    engine = open_database(db).engine  # creates the lock; the daily backup makes the backups folder
    try:
        backups = sorted((db.parent / "b-backups").glob("*.db"))
        assert backups
        for target in (db.with_name("b.db-wal"), db.with_name("b.db-shm"), db.with_name("b.db.lock"),
                       backups[0], backups[0].parent / "new.pdf"):
            assert outputs.refusal(target) is not None, target
    finally:
        engine.dispose()
    # closed, the files are still a database's: a stray -wal or lock name is refused even then
    assert outputs.refusal(db.with_name("b.db-wal")) is not None
    assert outputs.refusal(db.parent / "b-backups" / "x.pdf") is not None


def test_the_open_database_is_protected_in_process_even_when_still_empty(tmp_path):
    path = tmp_path / "new.db"
    engine = open_database(path, create=True).engine
    try:
        with pytest.raises(outputs.OutputRefused):
            with outputs.atomic_write(path) as tmp:
                tmp.write_bytes(b"%PDF")
    finally:
        engine.dispose()


def test_write_protected_target_is_refused_not_replaced(db, tmp_path, capsys):
    target = tmp_path / "v.pdf"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    assert main(["ledger", "visits", "--month", "2026-11", "--db", str(db), "--out", str(target)]) == 1
    assert "只读" in capsys.readouterr().err
    assert target.read_bytes() == b"kept"
    with pytest.raises(outputs.OutputRefused):
        with outputs.atomic_write(target) as tmp:
            tmp.write_bytes(b"new")
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_gui_writers_use_the_same_guard(db, tmp_path):
    """The audit export and Print & export's save go through atomic_write: refused over the database."""
    from sqlmodel import Session

    from gridkeeper.reports.jobs import PrintJob, produce
    from gridkeeper.services import audit_log

    link = tmp_path / "visits.pdf"
    link.symlink_to(db)
    engine = open_database(db).engine
    before = db.read_bytes()
    try:
        with Session(engine) as session:
            with pytest.raises(outputs.OutputRefused):
                audit_log.export_csv(session, db.with_name("b.db-wal"))
            with pytest.raises(outputs.OutputRefused):
                produce(session, PrintJob("ledger:visits"), link)
    finally:
        engine.dispose()
    assert db.read_bytes() == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mask", [0o022, 0o002])
def test_personal_data_is_owner_only_whatever_the_umask(db, roster, tmp_path, capsys, mask):
    with umask(mask):
        assert main(["export-roster", "--db", str(db), "--full", "--out", str(tmp_path / "full.xlsx")]) == 0
        assert main(["export-roster", "--db", str(db), "--out", str(tmp_path / "masked.xlsx")]) == 0
        assert main(["ledger", "households", "--month", "2026-11", "--db", str(db),
                     "--out", str(tmp_path / "h.xlsx")]) == 0
        main(["import", str(roster), "--db", str(db), "--grid", "FK-01", "--dry-run",
              "--report", str(tmp_path / "problems.csv")])
        assert main(["backup", "--db", str(db), "--to", str(tmp_path / "usb")]) == 0
        assert main(["notice", "outage", "--grid", "FK-01", "--db", str(db), "--out", str(tmp_path / "n.pdf")]) == 0
    private = [tmp_path / "full.xlsx", tmp_path / "masked.xlsx", tmp_path / "h.xlsx", tmp_path / "problems.csv",
               *(tmp_path / "usb").glob("*.db"), *(tmp_path / "b-backups").glob("*.db")]
    assert len(private) >= 6
    for path in private:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "n.pdf").stat().st_mode) == 0o666 & ~mask  # a wall notice follows the umask


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_wall_sheet_follows_a_strict_umask(db, tmp_path):
    with umask(0o077):
        assert main(["notice", "outage", "--grid", "FK-01", "--db", str(db), "--out", str(tmp_path / "n.pdf")]) == 0
    assert stat.S_IMODE((tmp_path / "n.pdf").stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_database_is_owner_only(tmp_path):
    with umask(0o022):
        open_database(tmp_path / "new.db", create=True).dispose()
    assert stat.S_IMODE((tmp_path / "new.db").stat().st_mode) == 0o600
