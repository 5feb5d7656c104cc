"""Promise 4: a damaged file is detected on open, reported in plain words with a way out
(restore the newest good backup, or open read-only), never silently used or overwritten."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from gridkeeper.cli import main
from gridkeeper.storage import backup
from gridkeeper.services.database import open_database
from gridkeeper.storage.errors import DatabaseUnusable
from gridkeeper.storage.integrity import DatabaseDamaged

PAGE = 4096


def random_bytes(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(path.stat().st_size))


def truncate(fraction: float):
    def damage(path: Path, _rng) -> None:
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction) // PAGE * PAGE + 100])
    damage.__name__ = f"truncate_{fraction}"
    return damage


def flip_page(page_index: int):
    """Flip the bits of a b-tree page's header (page type, cell count, cell pointers)."""
    def damage(path: Path, _rng) -> None:
        pages = btree_pages(path)
        with open(path, "r+b") as handle:
            offset = PAGE * (pages[page_index % len(pages)] - 1)
            handle.seek(offset)
            header = handle.read(16)
            handle.seek(offset)
            handle.write(bytes(b ^ 0xFF for b in header))
    damage.__name__ = f"flip_page_{page_index}"
    return damage


def btree_pages(path: Path) -> list[int]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        roots = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 1")]
    finally:
        conn.close()
    return sorted(roots)


CORRUPTIONS = [random_bytes, truncate(0.5), truncate(0.1), truncate(0.9),
               flip_page(0), flip_page(3), flip_page(7), flip_page(12), flip_page(20), flip_page(33)]


@pytest.fixture
def db(demo_db, tmp_path):
    target = tmp_path / "community.db"
    shutil.copy(demo_db[0], target)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("damage", CORRUPTIONS, ids=lambda d: d.__name__)
def test_damage_is_reported_with_a_way_out_and_nothing_is_overwritten(damage, db, capsys):
    good = backup.make_backup(db, now=datetime(2026, 11, 21, 18, 0))
    damage(db, random.Random(7))
    damaged = digest(db)
    with pytest.raises(DatabaseUnusable) as caught:
        open_database(db)
    message = str(caught.value)
    if isinstance(caught.value, DatabaseDamaged):
        assert good.path.name in message and "--read-only" in message and "gridkeeper restore" in message
    assert not db.with_name(db.name + ".lock").exists()
    assert main(["account", "lock", "5", "--db", str(db)]) == 3  # a command that writes checks first
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("gridkeeper: ")
    # A command that only reads does not check the whole file first (that is `check`'s job and the
    # writer's): it reads what it can, or stops with one line if it meets the damage.
    assert main(["stats", "--db", str(db)]) in (0, 3)
    assert "Traceback" not in capsys.readouterr().err
    assert main(["check", "--db", str(db)]) == 3
    assert digest(db) == damaged  # never overwritten
    assert backup.list_backups(db) == [good]  # no backup of the damaged file was made
    assert main(["restore", "latest", "--db", str(db)]) == 0
    assert main(["check", "--db", str(db)]) == 0
    assert backup.record_counts(db) == good.counts()
    kept = list(db.parent.glob("community-backups/damaged-*.db"))
    assert kept and digest(kept[0]) == damaged  # the damaged file is kept, not destroyed


def test_read_only_open_of_a_damaged_file_reads_what_it_can(db, capsys):
    truncate(0.9)(db, None)
    code = main(["stats", "--db", str(db), "--read-only"])
    err = capsys.readouterr().err
    assert code in (0, 3) and "Traceback" not in err
    if code == 3:
        assert "损坏" in err


def test_quick_check_runs_on_every_open(db, monkeypatch):
    from gridkeeper.storage import integrity

    calls = []
    monkeypatch.setattr(integrity, "quick_problems", lambda engine: calls.append(engine) or [])
    open_database(db).dispose()
    assert len(calls) == 1
