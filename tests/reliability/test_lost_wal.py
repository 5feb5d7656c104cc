"""Issue 11 item 6: a truncated or deleted -wal silently drops committed transactions (SQLite cannot
tell); GridKeeper counts its commits inside the database and beside it, so `check` and the next open
say the last commits are missing and name the newest backup as the way back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from gridkeeper.cli import main
from gridkeeper.storage import backup, commit_log
from gridkeeper.services.database import open_database

WRITE_AND_CRASH = """
import os, sys
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Setting
from gridkeeper.storage.session import unit_of_work
engine = open_database(sys.argv[1]).engine
for n in range(3):  # three commits, each only in the -wal (no checkpoint before the crash)
    with unit_of_work(engine) as session:
        session.add(Setting(key=f"import-{n}", value="x" * 5000))
os._exit(0)  # killed: no checkpoint, the -wal keeps the commits
"""


@pytest.fixture
def crashed(demo_db, tmp_path):
    db = tmp_path / "community.db"
    shutil.copy(demo_db[0], db)
    open_database(db).dispose()  # the daily backup: the way back
    done = subprocess.run([sys.executable, "-c", WRITE_AND_CRASH, str(db)], capture_output=True, text=True,
                          timeout=120, env=os.environ | {"PYTHONPATH": os.getcwd()})
    assert done.returncode == 0, done.stderr
    wal = db.with_name(db.name + "-wal")
    assert wal.stat().st_size > 0
    return db, wal


def settings(db) -> set[str]:
    database = open_database(db, read_only=True)
    try:
        with database.engine.connect() as conn:
            return {row[0] for row in conn.exec_driver_sql("SELECT key FROM setting WHERE key LIKE 'import-%'")}
    finally:
        database.dispose()


def test_an_intact_wal_after_a_crash_is_not_reported(crashed, capsys):
    db, _wal = crashed
    assert main(["check", "--db", str(db)]) == 0
    assert settings(db) == {"import-0", "import-1", "import-2"}


@pytest.mark.parametrize("damage", ["truncated", "deleted"])
def test_a_truncated_or_deleted_wal_is_reported_with_the_newest_backup(crashed, capsys, damage):
    db, wal = crashed
    if damage == "truncated":
        with open(wal, "r+b") as handle:
            handle.truncate(wal.stat().st_size // 2)
    else:
        wal.unlink()
        db.with_name(db.name + "-shm").unlink(missing_ok=True)
    newest = backup.newest_good_backup(db)
    assert main(["check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "少了最后" in out and "-wal" in out and newest.path.name in out
    assert settings(db) < {"import-0", "import-1", "import-2"}  # SQLite dropped them without a word

    database = open_database(db)  # the next open says so too, and keeps saying it until a restore
    assert any("少了最后" in w for w in database.warnings)
    database.dispose()
    assert commit_log.lost_commits(db) is not None

    assert main(["restore", "latest", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
