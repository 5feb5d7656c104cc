"""Backups on a server: pg_dump with the snapshot's row counts, pg_restore into an empty database proven by them."""

from __future__ import annotations

import json
import shutil

import pytest

from gridkeeper.cli import main
from gridkeeper.storage import server_backup
from tests.conftest import require_pg


def _tools_or_skip():
    try:
        server_backup.find_tool("pg_dump"), server_backup.find_tool("pg_restore")
    except server_backup.ServerBackupFailed as exc:
        if shutil.which("apt-get") and __import__("os").environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))


def test_dump_and_restore_into_an_empty_database(pg_databases, tmp_path, capsys):
    require_pg()
    _tools_or_skip()
    source = pg_databases.create(migrated=False)
    assert main(["demo", "--db", source, "--households", "60", "--seed", "3", "--today", "2026-11-20"]) == 0
    assert main(["backup", "--db", source, "--to", str(tmp_path)]) == 0
    assert "已备份" in capsys.readouterr().out
    dump = next(tmp_path.glob("*.dump"))
    saved = json.loads(server_backup.counts_file(dump).read_text(encoding="utf-8"))["counts"]
    assert saved["household"] == 60
    target = pg_databases.create(migrated=False)
    assert main(["restore", str(dump), "--db", target]) == 0
    assert "逐一核对一致" in capsys.readouterr().out
    assert main(["check", "--db", target]) == 0  # the audit chain came back whole
    capsys.readouterr()
    # Never over existing data: the restored database is no longer empty.
    assert main(["restore", str(dump), "--db", target]) == 1
    assert "不是空的" in capsys.readouterr().err
    # A dump whose counts do not match what comes back is refused before anyone switches to it.
    counts = json.loads(server_backup.counts_file(dump).read_text(encoding="utf-8"))
    counts["counts"]["visit"] += 1
    server_backup.counts_file(dump).write_text(json.dumps(counts), encoding="utf-8")
    assert main(["restore", str(dump), "--db", pg_databases.create(migrated=False)]) == 1
    assert "行数与备份不一致" in capsys.readouterr().err


def test_missing_tools_are_explained(monkeypatch):
    monkeypatch.setattr(server_backup.shutil, "which", lambda _name: None)
    monkeypatch.setattr(server_backup, "SEARCHED", ())
    with pytest.raises(server_backup.ServerBackupFailed, match="apt install postgresql-client"):
        server_backup.find_tool("pg_dump")
