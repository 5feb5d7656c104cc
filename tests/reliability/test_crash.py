"""Promise 1: a crash never leaves a half-saved record (SIGKILL a writer at random moments)."""

from __future__ import annotations

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


def _kill_while_writing(db: Path, run: int, rng: random.Random) -> None:
    child = subprocess.Popen([sys.executable, str(WRITER), str(db), str(run)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))
        assert child.poll() is None, child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()


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
    db = tmp_path / "crash.db"
    rng = random.Random(20261122)
    stored = []
    for run in range(1, CRASHES + 1):
        _kill_while_writing(db, run, rng)
        stored.append(_batches_complete(db))
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
