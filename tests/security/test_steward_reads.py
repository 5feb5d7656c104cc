"""Issue 11 item 8: a steward reads and exports their own grids only (an administrator sees all);
one place (services/visibility.py) decides, for the CLI and the services the GUI uses."""

from __future__ import annotations

import json
import sqlite3

import openpyxl
import pytest
from sqlmodel import Session

from gridkeeper.cli import main
from gridkeeper.services import accounts


def _households(db, grid_code=None) -> int:
    sql = ("SELECT COUNT(*) FROM household h JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id "
           "JOIN grid g ON g.id = b.grid_id" + (" WHERE g.code = ?" if grid_code else ""))
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, (grid_code,) if grid_code else ()).fetchone()[0]


def test_the_fixture_has_two_grids(accounts_db):
    assert 0 < _households(accounts_db, "FK-01") < _households(accounts_db)


def test_steward_full_export_of_the_community_holds_only_their_grid(accounts_db, as_steward, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    assert main(["export-roster", "--full", "--out", str(out), "--db", accounts_db, *as_steward]) == 0
    assert f"已导出 {_households(accounts_db, 'FK-01')} 户" in capsys.readouterr().out
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    with sqlite3.connect(accounts_db) as conn:
        other = {r[0] for r in conn.execute("SELECT r.name FROM resident r JOIN household h ON h.id = r.household_id "
                                            "JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id "
                                            "JOIN grid g ON g.id = b.grid_id WHERE g.code = 'FK-02'")}
        mine = {r[0] for r in conn.execute("SELECT r.name FROM resident r JOIN household h ON h.id = r.household_id "
                                           "JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id "
                                           "JOIN grid g ON g.id = b.grid_id WHERE g.code = 'FK-01'")}
    names = {row[8] for row in rows}
    assert names - {None, ""} <= mine and not (names & (other - mine))


@pytest.mark.parametrize("command", [
    ["export-roster", "--grid", "FK-02", "--out", "{tmp}/x.xlsx"],
    ["ledger", "households", "--month", "2026-11", "--grid", "FK-02", "--out", "{tmp}/l.xlsx"],
    ["ledger", "visits", "--month", "2026-11", "--grid", "FK-02", "--out", "{tmp}/l.pdf"],
    ["ledger", "members", "--half", "2026-H2", "--grid", "FK-02", "--feedback-sheets", "--out", "{tmp}/f.pdf"],
    ["checklist", "--grid", "FK-02", "--out", "{tmp}/c.pdf"],
    ["roster", "--grid", "FK-02", "--out", "{tmp}/r.pdf"],
    ["report", "monthly", "--month", "2026-11", "--grid", "FK-02", "--out", "{tmp}/m.pdf"],
    ["report", "annual", "--year", "2026", "--grid", "FK-02", "--out", "{tmp}/a.pdf"],
])
def test_steward_is_refused_another_grid(accounts_db, as_steward, tmp_path, capsys, command):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    assert main([*args, "--db", accounts_db, *as_steward]) == 1
    assert "自己负责的网格" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".xlsx")]


def test_steward_ledger_without_a_grid_is_their_grid(accounts_db, as_steward, tmp_path):
    out = tmp_path / "h.xlsx"
    assert main(["ledger", "households", "--month", "2026-11", "--out", str(out), "--db", accounts_db,
                 *as_steward]) == 0
    title = openpyxl.load_workbook(out).active["A1"].value
    assert "第一网格" in title


def test_steward_work_report_is_their_grid(accounts_db, as_steward, tmp_path):
    import pdfplumber

    out = tmp_path / "m.pdf"
    assert main(["report", "monthly", "--month", "2026-11", "--out", str(out), "--db", accounts_db, *as_steward]) == 0
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "第一网格月度工作报告" in text and f"住户 {_households(accounts_db, 'FK-01'):,} 户" in text
    assert "FK-02" not in text  # neither in the charts nor in the lists


def test_stats_follow_the_readers_grids(accounts_db, as_steward, capsys, monkeypatch):
    from tests.security.conftest import ADMIN_PASSWORD

    assert main(["stats", "--json", "--db", accounts_db, *as_steward]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert mine["households"] == _households(accounts_db, "FK-01") and mine["grids"] == 1
    monkeypatch.setenv("GRIDKEEPER_PASSWORD", ADMIN_PASSWORD)
    assert main(["stats", "--json", "--db", accounts_db, "--user", "admin"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert everything["households"] == _households(accounts_db) and everything["grids"] == 2
    assert all(mine[k] <= everything[k] for k in mine)
    assert mine["residents"] < everything["residents"] and mine["visits"] < everything["visits"]


@pytest.fixture
def steward_engine(accounts_db):
    from gridkeeper.services.database import open_database

    engine = open_database(accounts_db).engine
    with Session(engine) as session:
        accounts.sign_in(engine, accounts.find_account(session, "steward"))
    yield engine
    engine.dispose()


def test_gui_lists_search_and_requests_follow_the_stewards_grids(steward_engine, accounts_db):
    from gridkeeper.services.household_list import household_ids
    from gridkeeper.services.request_lists import tab_counts
    from gridkeeper.services.search import search
    from gridkeeper.services.visits import list_visits
    from tests.conftest import TODAY

    with sqlite3.connect(accounts_db) as conn:
        other_name = conn.execute("SELECT r.name FROM resident r JOIN household h ON h.id = r.household_id "
                                  "JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id "
                                  "JOIN grid g ON g.id = b.grid_id WHERE g.code = 'FK-02' AND r.name NOT IN "
                                  "(SELECT r2.name FROM resident r2 JOIN household h2 ON h2.id = r2.household_id "
                                  "JOIN unit u2 ON u2.id = h2.unit_id JOIN building b2 ON b2.id = u2.building_id "
                                  "WHERE b2.grid_id = (SELECT id FROM grid WHERE code = 'FK-01')) LIMIT 1").fetchone()[0]
    with Session(steward_engine) as session:
        assert len(household_ids(session)) == _households(accounts_db, "FK-01")
        assert search(session, other_name) == []
        visits = list_visits(session, limit=None)
        assert visits and len(visits) < 10**6
        total = sum(tab_counts(session, today=TODAY).values())
    accounts.sign_in(steward_engine, None)  # signed out (or an administrator): everything
    with Session(steward_engine) as session:
        assert len(household_ids(session)) == _households(accounts_db)
        assert search(session, other_name)
        assert len(list_visits(session, limit=None)) > len(visits)
        assert sum(tab_counts(session, today=TODAY).values()) > total



def test_steward_boards_cover_their_own_grids(accounts_db, monkeypatch, capsys):
    """The grid scoreboard lists a steward's own grid (their total is 合计, not the community's); the 红黑榜
    counts the requests of their grids only."""
    from tests.security.conftest import ADMIN_PASSWORD, STEWARD_PASSWORD

    def board(kind, user, password):
        monkeypatch.setenv("GRIDKEEPER_PASSWORD", password)
        assert main(["board", kind, "--period", "2026-11", "--json", "--today", "2026-11-20", "--db", accounts_db,
                     "--user", user]) == 0
        return json.loads(capsys.readouterr().out)

    mine, everyone = board("grids", "steward", STEWARD_PASSWORD), board("grids", "admin", ADMIN_PASSWORD)
    assert [g["grid"] for g in mine["grids"]] == ["FK-01"] and mine["total"]["name"] == "合计"
    assert sorted(g["grid"] for g in everyone["grids"]) == ["FK-01", "FK-02"] and everyone["total"]["name"] == "全社区"
    assert mine["total"]["households"] == _households(accounts_db, "FK-01") < everyone["total"]["households"]
    received = lambda data: sum(row["received"] for row in [*data["ranked"], *data["too_few"]])  # noqa: E731
    assert received(board("property", "steward", STEWARD_PASSWORD)) <= received(board("property", "admin",
                                                                                      ADMIN_PASSWORD))
