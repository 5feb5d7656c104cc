"""`gridkeeper search QUERY --db PATH [--grid CODE] [--limit N] [--json]`: ranked hits and the total."""

from __future__ import annotations

import json
import sqlite3

import pytest

from gridkeeper.cli import main
from gridkeeper.storage.engine import open_database

pytestmark = pytest.mark.sqlite_only  # the SQLite demo file and its writer lock


def _someone(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute(
            "SELECT r.name_initials, r.name, g.code, r.household_id FROM resident r JOIN household h ON h.id = r.household_id"
            " JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id JOIN grid g ON g.id = b.grid_id"
            " WHERE length(r.name_initials) = 2 ORDER BY r.id DESC LIMIT 1").fetchone()


def test_json_gives_total_and_ranks_the_chosen_grid_first(demo_db, capsys):
    path, _counts = demo_db
    initials, name, grid, household_id = _someone(path)
    assert main(["search", initials[0], "--db", str(path), "--grid", grid, "--limit", "5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["shown"] == 5 == len(out["hits"]) and out["total"] == out["people"] > 5
    assert all(h["grid"] == grid and h["nearby"] for h in out["hits"])  # a one-letter query: the grid first
    assert main(["search", name, "--db", str(path), "--grid", grid, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["hits"][0]["household_id"] == household_id and out["hits"][0]["matched"] == "姓名"


def test_text_says_how_many_and_works_while_the_app_holds_the_file(demo_db, capsys):
    path, _counts = demo_db
    initials, _name, _grid, _id = _someone(path)
    holder = open_database(path)  # the GUI has it open (writer's lock)
    try:
        assert main(["search", initials[0], "--db", str(path), "--limit", "3"]) == 0
    finally:
        holder.dispose()
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("共 ") and lines[-1].endswith("显示前 3 人")


def test_bad_grid_and_limit_are_one_line_errors(demo_db, capsys):
    path, _counts = demo_db
    assert main(["search", "wjh", "--db", str(path), "--grid", "NOPE"]) == 1
    assert "NOPE" in capsys.readouterr().err
    assert main(["search", "wjh", "--db", str(path), "--limit", "0"]) == 2
    assert main(["search", "zzzzzz", "--db", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "没有找到"
