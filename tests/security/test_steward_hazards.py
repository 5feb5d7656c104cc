"""A steward and the safety-hazard register from the command line: another grid's ledger and notices are
refused, their own ledger holds their grid's hazards only, the stats count their grid's register."""

from __future__ import annotations

import json
import sqlite3

import openpyxl

from gridkeeper.cli import main


def _hazard_of(db, grid_code: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select h.id from safety_hazard h join grid g on g.id = h.grid_id where g.code = ? "
                            "order by h.id limit 1", (grid_code,)).fetchone()[0]


def test_steward_cannot_print_another_grids_notice_or_ledger(accounts_db, as_steward, tmp_path, capsys):
    theirs = _hazard_of(accounts_db, "FK-02")
    out = tmp_path / "n.pdf"
    assert main(["hazard-notice", str(theirs), "--out", str(out), "--db", accounts_db, *as_steward]) == 1
    assert "自己负责的网格" in capsys.readouterr().err and not out.exists()
    assert main(["ledger", "hazards", "--month", "2026-11", "--grid", "FK-02", "--out", str(tmp_path / "l.xlsx"),
                 "--db", accounts_db, *as_steward]) == 1
    mine = _hazard_of(accounts_db, "FK-01")
    assert main(["hazard-notice", str(mine), "--out", str(out), "--db", accounts_db, *as_steward]) == 0


def test_steward_ledger_and_stats_hold_their_grid_only(accounts_db, as_steward, tmp_path, capsys):
    out = tmp_path / "h.xlsx"
    assert main(["ledger", "hazards", "--month", "2026-11", "--out", str(out), "--db", accounts_db,
                 *as_steward]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert "第一网格" in sheet["A1"].value
    capsys.readouterr()
    assert main(["stats", "--json", "--db", accounts_db, *as_steward]) == 0
    mine = json.loads(capsys.readouterr().out)
    with sqlite3.connect(accounts_db) as conn:
        places = conn.execute("select count(*) from safety_place p join grid g on g.id = p.grid_id "
                              "where g.code = 'FK-01'").fetchone()[0]
    assert mine["places"] == places > 0
