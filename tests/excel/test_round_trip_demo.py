"""GridKeeper's own full export re-imports into a new database with no problems and identical contents;
two people of one name in a household are one person unless their ID numbers differ."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridkeeper.cli import main
from gridkeeper.demo.generator import generate
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.engine import open_database
from gridkeeper.storage.models import Resident
from tests.conftest import TODAY
from tests.excel.make_fixtures import id_number
from tests.excel.roster_helpers import brief, counts, imported, write_xlsx

HEADER = ["小区", "楼栋", "单元", "房号", "姓名", "与户主关系", "身份证号"]
TWIN_A, TWIN_B = id_number("11010520100101001"), id_number("11010520100101003")


def test_demo_export_full_reimports_unchanged(tmp_path, capsys):
    source, copy, roster = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "roster.xlsx"
    database = open_database(source, create=True)
    generate(database.engine, households=2000, seed=1, today=date(2026, 11, 20))
    database.dispose()
    assert main(["export-roster", "--db", str(source), "--full", "--out", str(roster)]) == 0
    assert main(["import", str(roster), "--db", str(copy), "--grid", "FK-01", "--grid-name", "第一网格",
                 "--community", "福康社区居民委员会"]) == 0
    out = capsys.readouterr().out
    assert "0 个错误，0 个提醒" in out and "跳过 0 行" in out, out
    before, after = open_database(source, read_only=True), open_database(copy, read_only=True)
    try:
        expected, got = counts(before.engine), counts(after.engine)
        assert expected.pop("Grid") == 8 and got.pop("Grid") == 1  # a roster file goes into the grid named
        assert got == expected and got["Household"] == 2000
        # Every household and person, with ID, phone and care tags (grid codes aside, as above).
        assert sorted(brief(after.engine), key=repr) == sorted(brief(before.engine), key=repr)
    finally:
        before.dispose()
        after.dispose()


def test_demo_families_never_share_a_name(tmp_path):
    database = open_database(tmp_path / "d.db", create=True)
    generate(database.engine, households=3000, seed=1, today=TODAY)
    with database.engine.connect() as conn:
        twins = conn.exec_driver_sql(
            "SELECT household_id, name FROM resident GROUP BY household_id, name HAVING count(*) > 1").all()
    database.dispose()
    assert twins == []


def test_demo_leaves_no_unit_empty():
    """A grid's quota used to run out just as a building's next unit was made (20 empty units at 100,000
    households, first at 18,750): a roster file cannot carry an empty unit, so the round trip lost them."""
    import random

    from gridkeeper.demo.generator import Demo, _places

    demo = Demo(random.Random(1), TODAY)
    _places(demo, 18_750)  # the places only: no people, visits or requests (fast)
    used = {h["unit_id"] for h in demo.rows["household"]}
    assert [u["id"] for u in demo.rows["unit"] if u["id"] not in used] == []


def _xlsx(path, rows):
    return write_xlsx(path, HEADER, rows)


def test_same_name_distinct_ids_are_two_people_with_a_warning(engine, place, tmp_path):
    path = _xlsx(tmp_path / "twins.xlsx", [["幸福家园", "7号楼", "2单元", "301", "王建华", "户主", ""],
                                           ["幸福家园", "7号楼", "2单元", "301", "王乐", "子女", TWIN_A],
                                           ["幸福家园", "7号楼", "2单元", "301", "王乐", "子女", TWIN_B]])
    result = imported(engine, path, grid_code="FK-03", today=TODAY)
    assert result.written and result.counts.residents_added == 3
    (warning,) = [p for p in result.problems if not p.is_error]
    assert warning.row == 4 and "同名但身份证号不同" in warning.reason
    again = imported(engine, path, grid_code="FK-03", today=TODAY)  # matched by ID: nothing new
    assert again.counts.residents_added == 0 and counts(engine)["Resident"] == 3


def test_same_name_once_with_and_once_without_id_is_one_person(engine, place, tmp_path):
    path = _xlsx(tmp_path / "dup.xlsx", [["幸福家园", "7号楼", "2单元", "301", "王乐", "户主", ""],
                                         ["幸福家园", "7号楼", "2单元", "301", "王乐", "户主", TWIN_A]])
    result = imported(engine, path, grid_code="FK-03", today=TODAY)
    (problem,) = result.problems
    assert problem.is_error and problem.row == 3 and "同一户中同一人" in problem.reason


def test_a_saved_person_is_not_overwritten_by_a_namesake_with_another_id(engine, session, place, tmp_path):
    create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                     [ResidentInput(name="王建华", is_head=True), ResidentInput(name="王乐", id_number=TWIN_A,
                                                                                relation="子女")], today=TODAY)
    session.commit()
    path = _xlsx(tmp_path / "b.xlsx", [["幸福家园", "7号楼", "2单元", "301", "王乐", "子女", TWIN_B]])
    result = imported(engine, path, grid_code="FK-03", today=TODAY)
    assert result.counts.residents_added == 1 and result.counts.residents_updated == 0
    with Session(engine) as s:
        ids = set(s.exec(select(Resident.id_number)))
    assert {TWIN_A, TWIN_B} <= ids
