"""`roster --building` prints one building's wall sheet; `checklist --not-visited` lists only the households
without a visit this month (what Print & export offers in the GUI)."""

from __future__ import annotations

from pypdf import PdfReader

from tests.reports.printed import run


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_roster_for_one_building(demo_db, tmp_path):
    db = demo_db[0]
    assert run("roster", "--db", db, "--grid", "FK-01", "--out", tmp_path / "all.pdf", "--today", "2026-11-20") == 0
    assert len(PdfReader(tmp_path / "all.pdf").pages) > 1
    assert run("roster", "--db", db, "--grid", "FK-01", "--building", "2号楼", "--out", tmp_path / "one.pdf",
               "--today", "2026-11-20") == 0
    assert len(PdfReader(tmp_path / "one.pdf").pages) == 1 and "2号楼" in _text(tmp_path / "one.pdf")
    assert run("roster", "--db", db, "--grid", "FK-01", "--building", "99号楼", "--out", tmp_path / "x.pdf") == 1


def test_checklist_of_households_not_visited_this_month(demo_db, tmp_path):
    db = demo_db[0]
    assert run("checklist", "--db", db, "--grid", "FK-01", "--not-visited", "--out", tmp_path / "c.pdf",
               "--today", "2026-11-20") == 0
    text = _text(tmp_path / "c.pdf")
    assert "11月未走访户" in text and "2026-11-" not in text.split("走访人")[0]
