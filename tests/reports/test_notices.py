"""Notice templates and sheets: shipped templates, user copies, one page per building, GB/T 9704 layout."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from reportlab.lib.units import mm

from gridkeeper.reports import notices
from tests.reports.printed import flat, pages_text, query, run


def test_shipped_templates_have_every_field():
    names = {t.name: t for t in notices.list_templates()}
    assert {"meeting", "outage", "fire_safety", "policy"} <= set(names)
    assert {t.label for t in names.values()} >= {"会议通知", "停水停电通知", "消防安全检查通知", "政策宣传"}
    for template in names.values():
        assert template.title and template.body and template.time and template.place
    assert notices.load_template("停水停电通知").name == "outage"


def test_user_template_saved_as_a_file_and_overrides():
    edited = notices.load_template("outage").with_fields({"title": "紧急停水通知"})
    path = notices.save_template(edited)
    assert path.parent == notices.user_dir() and path.name == "outage.json"
    again = notices.load_template("outage")
    assert again.title == "紧急停水通知" and again.user
    assert notices.delete_user_template("outage")
    assert notices.load_template("outage").title == "停水停电通知"
    with pytest.raises(Exception, match="没有“color”"):
        edited.with_fields({"color": "red"})


def test_fill_and_official_date():
    assert notices.fill("{building}请于{time}到{place}{unknown}", {"building": "7号楼", "time": "明天",
                                                                   "place": "会议室"}) == "7号楼请于明天到会议室{unknown}"
    assert notices.official_date("", date(2026, 11, 2)) == "2026年11月2日"
    assert notices.official_date("2026-01-05", date(2026, 11, 2)) == "2026年1月5日"


@pytest.fixture(scope="module")
def outage(demo_db, tmp_path_factory):
    db, _ = demo_db
    out = tmp_path_factory.mktemp("notice") / "outage.pdf"
    code = run("notice", "outage", "--db", db, "--grid", "FK-01", "--set", "time=2026年11月25日8:00至18:00",
               "--today", "2026-11-22", "--out", out)
    assert code == 0
    return out


def test_one_page_per_building_with_its_leader(outage, demo_db):
    db, _ = demo_db
    buildings = query(db, """select b.label, l.person_name, l.person_phone from building b
                             join grid g on g.id = b.grid_id
                             left join leaderassignment l on l.building_id = b.id and l.ended_on is null
                                  and l.role = 'building'
                             where g.code = 'FK-01'""")
    pages = [flat(p) for p in pages_text(outage)]
    assert len(pages) == len(buildings)
    for label, leader, phone in buildings:
        page = next(p for p in pages if f"联系人：{label}楼栋长" in p)
        assert "2026年11月25日8:00至18:00" in page
        assert "福康社区居民委员会" in page and "2026年11月22日" in page
        if leader:
            assert leader in page and phone in page
        assert "社区服务热线0451-86123456" in page


def test_gbt_9704_layout(outage):
    with pdfplumber.open(outage) as pdf:
        page = pdf.pages[0]
        title = [c for c in page.chars if c["text"] == "停"][0]
        assert round(title["size"]) == 22
        assert title["top"] == pytest.approx(37 * mm, abs=6)  # top margin about 37 mm
        body = [c for c in page.chars if round(c["size"]) == 16]
        assert min(c["x0"] for c in body) == pytest.approx(28 * mm, abs=1)  # left margin about 28 mm
        date_chars = [c for c in page.chars if c["text"] == "日" and round(c["size"]) == 16]
        assert max(c["x1"] for c in date_chars) > page.width / 2  # issuer and date at the lower right


def test_buildings_option_and_unknown_template(demo_db, tmp_path):
    db, _ = demo_db
    out = tmp_path / "two.pdf"
    assert run("notice", "meeting", "--db", db, "--grid", "FK-01", "--buildings", "2-3", "--out", out) == 0
    pages = [flat(p) for p in pages_text(out)]
    assert len(pages) == 2 and "2号楼居民议事会" in pages[0] and "3号楼居民议事会" in pages[1]
    assert run("notice", "nosuch", "--db", db, "--grid", "FK-03", "--out", tmp_path / "x.pdf") == 1
    assert not (tmp_path / "x.pdf").exists()
