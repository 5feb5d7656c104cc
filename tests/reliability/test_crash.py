"""Promise 1: a crash never leaves a half-saved record (SIGKILL a writer at random moments)."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gridkeeper.storage.audit import chain_problems
from gridkeeper.services.database import open_database

WRITER = Path(__file__).with_name("crash_writer.py")
CRASHES = 24
TAG = re.compile(r"^r(\d+)b(\d+)n(\d+)p(\d+)")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _kill_while_writing(writers: subprocess.Popen, run: int, rng: random.Random, errors: Path) -> None:
    """Start writer number `run` (a new process forked by `writers`), let it write for a random moment
    and SIGKILL it; it must have been still writing when killed."""
    writers.stdin.write(f"{run}\n")
    writers.stdin.flush()
    ready = writers.stdout.readline().split()
    assert ready[:1] == ["ready"], errors.read_text()
    pid = int(ready[1])
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(pid, signal.SIGKILL)
    gone = writers.stdout.readline().split()
    assert gone[:1] == ["gone"], errors.read_text()
    status = int(gone[1])
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, errors.read_text()


def _batches_complete(db: Path) -> int:
    """Every batch is all there or not there at all; returns how many batches are stored."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        settings: dict[str, int] = {}
        for (key,) in conn.execute("SELECT key FROM setting"):
            if match := TAG.match(key):
                settings[match.group(0)] = settings.get(match.group(0), 0) + 1
        households = dict(conn.execute(
            "SELECT h.notes, COUNT(r.id) FROM household h LEFT JOIN resident r ON r.household_id = h.id "
            "WHERE h.notes LIKE 'r%' GROUP BY h.id").fetchall())
        assert set(settings) == set(households), "a batch's settings and household were split"
        for tag, count in settings.items():
            _, _, size, people = map(int, TAG.match(tag).groups())
            assert count == size, f"{tag}: {count} of {size} rows"
            assert households[tag] == people, f"{tag}: {households[tag]} of {people} residents"
        assert chain_problems(conn) == []
        return len(settings)
    finally:
        conn.close()


def test_sigkill_at_random_moments_never_leaves_half_a_batch(tmp_path):
    db, errors = tmp_path / "crash.db", tmp_path / "writers.err"
    rng = random.Random(20261122)
    stored = []
    with errors.open("w") as stderr:
        writers = subprocess.Popen([sys.executable, str(WRITER), "--fork", str(db)], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        for run in range(1, CRASHES + 1):
            _kill_while_writing(writers, run, rng, errors)
            stored.append(_batches_complete(db))
    finally:
        writers.stdin.close()
        writers.wait(timeout=60)
        writers.stdout.close()
    assert stored[-1] > stored[0] > 0  # the writers really wrote between kills
    engine = open_database(db).engine  # the app reopens it: stale lock taken over, quick_check passes
    engine.dispose()


def test_engine_uses_wal_and_full_sync(tmp_path):
    engine = open_database(tmp_path / "sync.db", create=True).engine
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
