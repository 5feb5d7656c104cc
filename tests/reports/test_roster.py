"""Wall rosters: one page per building of the grid, leaders and steward only, large type, A3 option."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A3, A4

from tests.reports.printed import embedded_fonts, pages_text, query, run

GRID_BUILDINGS = """select b.label from building b join grid g on g.id = b.grid_id where g.code = ?"""
LEADER = """select g.code, l.person_name, l.person_phone from leaderassignment l
            join building b on b.id = l.building_id join grid g on g.id = b.grid_id
            where l.role = 'building' and l.ended_on is null order by g.code limit 1"""


@pytest.fixture(scope="module")
def leader(demo_db):
    """A grid with a building leader in post: (grid code, leader name, phone)."""
    return query(demo_db[0], LEADER)[0]


@pytest.fixture(scope="module")
def roster(demo_db, leader, tmp_path_factory):
    db, _ = demo_db
    out = tmp_path_factory.mktemp("roster") / "roster.pdf"
    assert run("roster", "--db", db, "--grid", leader[0], "--today", "2026-11-20", "--out", out) == 0
    return out


def test_one_page_per_building_in_order(roster, demo_db, leader):
    db, _ = demo_db
    buildings = [r[0] for r in query(db, GRID_BUILDINGS, leader[0])]
    pages = pages_text(roster)
    assert len(pages) == len(buildings) > 0
    titles = [page.split("\n")[0] for page in pages]
    assert sorted(titles) == sorted(f"{label}楼栋长公示牌" for label in buildings)
    for page in pages:
        assert "网格员" in page and "社区服务热线：0451-86123456" in page and "监督电话" in page
        assert "福康社区居民委员会 2026年11月20日" in page or "福康社区居民委员会　2026年11月20日" in page


def test_no_resident_except_the_leaders_appears(roster, demo_db, leader):
    db, _ = demo_db
    leaders = {r[0] for r in query(db, "select person_name from leaderassignment where ended_on is null")}
    steward = {r[0] for r in query(db, "select steward_name from grid")}
    residents = {r[0] for r in query(db, """select r.name from resident r join household h on h.id = r.household_id
                                            join unit u on u.id = h.unit_id join building b on b.id = u.building_id
                                            join grid g on g.id = b.grid_id where g.code = ?""", leader[0])}
    text = "".join(pages_text(roster))
    for allowed in sorted(leaders | steward, key=len, reverse=True):  # 董华 is inside the leader 董华丽
        text = text.replace(allowed, "")
    shown = [name for name in residents - leaders - steward if name in text]
    assert not shown


def test_building_leader_name_is_large_and_phones_full(roster, leader):
    leader = leader[1:]
    with pdfplumber.open(roster) as pdf:
        for page in pdf.pages:
            if leader[0] in (page.extract_text() or ""):
                sizes = [c["size"] for c in page.chars if c["text"] == leader[0][0]]
                phone_sizes = [c["size"] for c in page.chars if c["text"] == leader[1][-1]]
                assert max(sizes) >= 28 and max(phone_sizes) >= 24
                assert leader[1] in page.extract_text()  # wall sheets show the leaders' phones whole
                break
        else:
            pytest.fail("building leader not on any page")
    assert all("NotoSansSC" in name and has_file for name, has_file in embedded_fonts(roster))


def test_a3_option(demo_db, tmp_path):
    db, _ = demo_db
    out = tmp_path / "a3.pdf"
    assert run("roster", "--db", db, "--grid", "FK-03", "--a3", "--out", out) == 0
    with pdfplumber.open(out) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (round(A3[0]), round(A3[1]))
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].width > A4[0]


def test_vacant_post_shows_steward(session, place, tmp_path):
    from gridkeeper.reports.roster import write_roster

    out = tmp_path / "vacant.pdf"
    assert write_roster(session, "FK-03", out) == 1
    text = pages_text(out)[0]
    assert "7号楼楼栋长公示牌" in text and "待补选" in text and "13904510003" in text
