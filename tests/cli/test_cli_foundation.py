"""The command-line contract: demo, stats --json, and errors as one line with the right exit code."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys

import pytest

from gridkeeper.cli import main

STATS_KEYS = {"grids", "compounds", "buildings", "units", "households", "residents", "leaders", "members", "visits",
              "requests", "requests_open", "requests_overdue", "care_households", "visited_this_month"}


def test_demo_then_stats_json(tmp_path, capsys):
    db = tmp_path / "x.db"
    assert main(["demo", "--db", str(db), "--households", "300", "--seed", "3", "--today", "2026-11-20"]) == 0
    assert "300 户" in capsys.readouterr().out
    assert main(["stats", "--db", str(db), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert STATS_KEYS <= set(figures) and figures["households"] == 300


def test_demo_is_deterministic_for_a_seed(tmp_path, capsys):
    outputs = []
    for name in ("a.db", "b.db"):
        main(["demo", "--db", str(tmp_path / name), "--households", "120", "--seed", "9", "--today", "2026-11-20"])
        main(["stats", "--db", str(tmp_path / name), "--json"])
        outputs.append(re.sub(r"（[\d.]+ 秒）", "", capsys.readouterr().out))  # the elapsed time varies
    assert outputs[0] == outputs[1]


def test_demo_refuses_a_database_with_households(tmp_path, capsys):
    db = tmp_path / "x.db"
    main(["demo", "--db", str(db), "--households", "10"])
    assert main(["demo", "--db", str(db), "--households", "10"]) == 1
    assert "已经有住户" in capsys.readouterr().err


@pytest.mark.parametrize("argv, code, words", [
    (["stats", "--db", "{tmp}/missing.db"], 3, "找不到数据库文件"),
    (["stats", "--db", "{tmp}/junk.db"], 3, "不是 GridKeeper 数据库"),
    (["stats", "--db", "{tmp}"], 3, "文件夹"),
    (["nonsense"], 2, "用法错误"),
    (["stats", "--bogus"], 2, "用法错误"),
    (["demo", "--db", "{tmp}/d.db", "--households", "many"], 2, "用法错误"),
    (["demo", "--db", "{tmp}/d.db", "--households", "0"], 2, "households"),
    (["demo", "--households", "5"], 2, "--db"),
])
def test_errors_are_one_line_with_exit_code(tmp_path, capsys, argv, code, words):
    (tmp_path / "junk.db").write_bytes(os.urandom(4096))
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_console_script_runs_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "gridkeeper", "stats", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_db_from_environment(tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.db"
    main(["demo", "--db", str(db), "--households", "20"])
    capsys.readouterr()
    monkeypatch.setenv("GRIDKEEPER_DB", str(db))
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["households"] == 20


@pytest.mark.parametrize("command", [["stats", "--json"], ["board", "property", "--period", "2026-11", "--json"]])
def test_options_before_the_command_are_kept(tmp_path, capsys, command):
    """`gridkeeper --db X COMMAND` means the same as `gridkeeper COMMAND --db X` (the command's own copy of the
    option used to overwrite the one given before it, so X was silently replaced by the default database)."""
    db = tmp_path / "before.db"
    main(["demo", "--db", str(db), "--households", "30", "--seed", "4", "--today", "2026-11-20"])
    capsys.readouterr()
    assert main(["--db", str(db), "--read-only", *command]) == 0
    before = capsys.readouterr().out
    assert main([*command, "--db", str(db), "--read-only"]) == 0
    assert json.loads(before) == json.loads(capsys.readouterr().out)
