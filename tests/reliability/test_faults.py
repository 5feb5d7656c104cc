"""Promise 5: full disk, read-only file or folder, permission denied, I/O error — a clear message,
the failed action rolled back, nothing lost, and the app goes on working."""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from gridkeeper.cli.common import describe_error
from gridkeeper.storage import faults
from gridkeeper.storage.backup import record_counts

CHILD = Path(__file__).with_name("fault_child.py")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="rlimits and setuid are POSIX")


@pytest.fixture
def shared_dir():
    """A folder user `nobody` can reach (pytest's tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="gk-fault-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o777)
    shutil.rmtree(folder)


@pytest.fixture
def db(demo_db, shared_dir):
    target = shared_dir / "data" / "community.db"
    target.parent.mkdir()
    target.parent.chmod(0o777)
    shutil.copy(demo_db[0], target)
    target.chmod(0o644)  # a new database is owner-only (root's here); user nobody must be able to read it
    return target


def run_child(scenario: str, db: Path, home: Path) -> tuple[dict, str]:
    env = os.environ | {"GRIDKEEPER_HOME": str(home)}
    done = subprocess.run([sys.executable, str(CHILD), scenario, str(db)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def intact(db: Path, counts: dict) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("SELECT COUNT(*) FROM setting WHERE key LIKE 'big%'").fetchone() == (0,)
    conn.close()
    assert record_counts(db) == counts


def closed_cleanly(db: Path) -> None:
    """As the last GridKeeper leaves it: still in WAL mode, the log checkpointed, no -wal or -shm beside it."""
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


@posix_only
def test_file_size_limit_while_saving(db, shared_dir):
    counts = record_counts(db)
    result, _ = run_child("fsize-write", db, shared_dir)
    assert result["failed"] and result["still_reads"] and result["writes_after"]
    assert result["message"].startswith(faults.MESSAGES["disk_full"]) or result["message"].startswith(
        faults.MESSAGES["io_error"])
    assert faults.NOTHING_SAVED in result["message"]
    intact(db, counts)


@posix_only
def test_file_size_limit_while_backing_up_keeps_no_half_backup(db, shared_dir):
    result, stderr = run_child("fsize-backup", db, shared_dir)
    assert result["code"] == 1
    assert "备份失败" in stderr
    folder = db.parent / "community-backups"
    assert not folder.exists() or list(folder.iterdir()) == []


@posix_only
def test_read_only_file(db, shared_dir):
    counts = record_counts(db)
    db.chmod(0o444)
    result, _ = run_child("read-only-file", db, shared_dir)
    assert result["failed"] and result["still_reads"]
    assert result["message"].startswith(faults.MESSAGES["read_only"])
    db.chmod(0o644)
    intact(db, counts)


@posix_only
def test_read_only_folder(db, shared_dir):
    counts = record_counts(db)
    closed_cleanly(db)
    db.chmod(0o666)
    db.parent.chmod(0o555)
    result, stderr = run_child("read-only-folder", db, shared_dir)
    db.parent.chmod(0o777)
    assert not result["opened_for_writing"]
    assert "只读打开" in result["message"] and "没有权限" in result["message"]
    assert result["read_only_count"] == counts["households"]
    assert result["cli_code"] == 3 and "--read-only" in stderr
    # Issue 11 item 17: a cleanly closed database (no -shm) in a folder that cannot be written is read
    # (SQLite's immutable mode); the reading commands work and `check` does not call it damaged.
    assert result["stats_code"] == 0 and result["check_code"] == 0, stderr
    assert "损坏" not in stderr
    intact(db, counts)


@posix_only
def test_permission_denied(db, shared_dir):
    db.chmod(0o600)
    result, stderr = run_child("permission-denied", db, shared_dir)
    assert result["cli_code"] == 3
    assert faults.MESSAGES["permission"] in stderr


@pytest.mark.parametrize(("error", "kind"), [
    (sqlite3.OperationalError("database or disk is full"), "disk_full"),
    (sqlite3.OperationalError("disk I/O error"), "io_error"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
    (sqlite3.OperationalError("database is locked"), "locked"),
    (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
    (sqlite3.DatabaseError("file is not a database"), "corrupt"),
    (sqlite3.OperationalError("unable to open database file"), "cannot_open"),
    (OSError(errno.ENOSPC, "No space left on device", "/x.db"), "disk_full"),
    (OSError(errno.EFBIG, "File too large", "/x.db"), "disk_full"),
    (OSError(errno.EROFS, "Read-only file system", "/x.db"), "read_only"),
    (OSError(errno.EACCES, "Permission denied", "/x.db"), "permission"),
    (OSError(errno.EIO, "Input/output error", "/x.db"), "io_error"),
])
def test_every_storage_error_has_plain_words(error, kind):
    wrapped = OperationalError("INSERT ...", {}, error) if isinstance(error, sqlite3.Error) else error
    assert faults.explain(wrapped).kind == kind
    message, code = describe_error(wrapped)
    assert message.startswith(faults.MESSAGES[kind])
    assert code in (1, 3)


def test_other_errors_are_not_mistaken_for_storage_faults():
    assert faults.explain(ValueError("x")) is None
    assert faults.explain(sqlite3.IntegrityError("UNIQUE constraint failed")) is None

