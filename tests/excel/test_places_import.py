"""Importing places (九小场所 lists) with the roster importer's reader and problems: columns found by their usual
names, kinds read from everyday words, one problem per cell with its Excel row, all-or-nothing, updates not
duplicates, a steward kept to their own grids."""

from __future__ import annotations

import csv

import pytest
from sqlmodel import Session, select

from gridkeeper.cli import main
from gridkeeper.excel.places import place_kind
from gridkeeper.domain.hazards import PlaceKind
from gridkeeper.services import geography as geo
from gridkeeper.services.accounts import CurrentUser
from gridkeeper.storage.hazard_models import SafetyPlace
from tests.excel.roster_helpers import places_imported, write_xlsx

HEADER = ["序号", "店名", "业态", "网格", "小区", "楼栋", "经营地址", "经营者", "联系电话"]
GOOD = [
    [1, "老王小吃", "饭店", "FK-03", "", "", "幸福路12号", "王建国", "13904510011"],
    [2, "7号楼地下室", "地下室/车库", "FK-03", "幸福家园", "7号楼", "", "物业 刘强", "0451-86123456"],
    [3, "丽人美发", "理发店", "", "", "", "幸福路15号", "李丽", ""],
]


def _xlsx(path, rows, title=True):
    return write_xlsx(path, HEADER, rows, title="幸福家园周边九小场所登记表" if title else "")


def _places(engine):
    with Session(engine) as session:
        return {p.name: p for p in session.exec(select(SafetyPlace))}


def test_kinds_from_labels_codes_and_everyday_words():
    assert place_kind("小餐饮") == place_kind("restaurant") == place_kind("东北饭店") == PlaceKind.RESTAURANT
    assert place_kind("超市") == PlaceKind.SHOP and place_kind("电动车充电棚") == PlaceKind.BIKE_SHED
    assert place_kind("银行") is None


def test_good_file_is_imported_and_a_second_import_updates(engine, place, tmp_path):
    path = _xlsx(tmp_path / "places.xlsx", GOOD)
    result = places_imported(engine, path, grid_code="FK-03")
    assert not result.errors and result.written and (result.added, result.updated) == (3, 0)
    places = _places(engine)
    assert places["老王小吃"].kind == PlaceKind.RESTAURANT and places["老王小吃"].phone == "13904510011"
    assert places["7号楼地下室"].building_id == place["building"] and places["7号楼地下室"].phone == "0451-86123456"
    assert places["丽人美发"].grid_id == place["grid"]  # the grid column left blank: --grid
    changed = [list(r) for r in GOOD]
    changed[0][7] = "王建民"
    again = places_imported(engine, _xlsx(tmp_path / "again.xlsx", changed), grid_code="FK-03")
    assert (again.added, again.updated) == (0, 3) and len(_places(engine)) == 3
    assert _places(engine)["老王小吃"].person_in_charge == "王建民"
    assert any("已登记过" in p.reason and not p.is_error for p in again.problems)


def test_problems_name_row_and_column_and_nothing_is_written(engine, place, tmp_path):
    bad = [*GOOD,
           [4, "", "小商店", "FK-03", "", "", "和平路1号", "", ""],
           [5, "建行网点", "银行", "FK-03", "", "", "和平路2号", "", ""],
           [6, "便民超市", "超市", "FK-99", "", "", "和平路3号", "", ""],
           [7, "车棚", "车棚", "FK-03", "幸福家园", "9号楼", "", "", ""],
           [8, "老王小吃", "小餐饮", "FK-03", "", "", "幸福路12号", "", "1390451"]]
    result = places_imported(engine, _xlsx(tmp_path / "bad.xlsx", bad), grid_code="FK-03")
    described = [p.describe() for p in result.errors]
    assert described == [
        "第6行“场所名称”列：场所名称不能为空",
        "第7行“场所类别”列（银行）：看不出是哪类场所（应为 小商店、小餐饮、小旅馆、小网吧、小美容美发/洗浴、小歌舞娱乐、"
        "小学校/幼儿园、小医院/诊所、小生产加工作坊、楼道、地下室/车库、电动车棚 之一）",
        "第8行“网格”列（FK-99）：没有这个网格编号",
        "第9行“楼栋”列（9号楼）：这个网格里没有这栋楼",
        f"第10行“联系电话”列（1390451）：{described[4].split('：', 1)[1]}",
        "第10行“场所名称”列（老王小吃）：与第3行重复（同一网格、名称和地址）",
    ]
    assert "号码" in described[4] or "电话" in described[4]
    assert not result.written and _places(engine) == {}


def test_cli_dry_run_report_and_exit_codes(engine, place, tmp_path, capsys, db_kind):
    if db_kind != "sqlite":
        pytest.skip("the CLI test uses a database file")
    from gridkeeper.services.database import open_database

    db = tmp_path / "g.db"
    database = open_database(db, create=True)
    with Session(database.engine) as session:
        geo.ensure_community(session, name="福康社区居民委员会")
        geo.create_grid(session, code="FK-03", name="第三网格")
        session.commit()
    database.dispose()
    path = tmp_path / "places.csv"
    with open(path, "w", newline="", encoding="gb18030") as handle:
        csv.writer(handle).writerows([HEADER, *[r for r in GOOD if not r[5]], [9, "网吧", "", "", "", "", "", "", ""]])
    report = tmp_path / "problems.csv"
    assert main(["import-places", str(path), "--grid", "FK-03", "--db", str(db), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "第4行“场所类别”列" in out and "未导入任何场所" in out
    assert "看不出是哪类场所" in report.read_text(encoding="utf-8-sig")
    with open(path, "w", newline="", encoding="gb18030") as handle:
        csv.writer(handle).writerows([HEADER, *[r for r in GOOD if not r[5]]])
    assert main(["import-places", str(path), "--grid", "FK-03", "--db", str(db), "--dry-run"]) == 0
    assert "可新增 2 处" in capsys.readouterr().out
    assert main(["import-places", str(path), "--grid", "FK-03", "--db", str(db)]) == 0
    assert "新增 2 处" in capsys.readouterr().out


def test_a_steward_cannot_import_into_another_grid(engine, place, tmp_path):
    with Session(engine) as session:
        geo.create_grid(session, code="FK-04", name="第四网格")
        session.commit()
    rows = [[1, "便民超市", "超市", "FK-04", "", "", "和平路3号", "", ""], *GOOD[:1]]
    path = _xlsx(tmp_path / "two.xlsx", rows)
    from gridkeeper.services import accounts
    from gridkeeper.services.errors import ServiceError

    accounts._signed_in[engine] = CurrentUser("lixy", "steward", frozenset({place["grid"]}))
    try:
        with pytest.raises(ServiceError, match="第3行.*未导入任何场所"):
            places_imported(engine, path)
    finally:
        accounts._signed_in.pop(engine, None)
    assert _places(engine) == {}


def test_places_are_written_in_the_callers_unit_of_work(engine, place, tmp_path):
    """import_places commits nothing itself: a caller that does not commit keeps nothing, and a failure on
    the last row takes the rows before it back with it."""
    from gridkeeper.excel.places import import_places
    from gridkeeper.storage.session import unit_of_work
    from tests.db_support import disk_full

    path = _xlsx(tmp_path / "p.xlsx", GOOD)
    with Session(engine) as session:
        assert import_places(session, path, grid_code="FK-03").added == 3
    assert _places(engine) == {}
    inserts = []

    def third_place(statement: str) -> bool:
        if statement.lstrip().upper().startswith("INSERT INTO SAFETY_PLACE"):
            inserts.append(statement)
        return len(inserts) == 3

    with pytest.raises(Exception, match="disk is full"):
        with disk_full(third_place), unit_of_work(engine) as session:
            import_places(session, path, grid_code="FK-03")
    assert len(inserts) == 3 and _places(engine) == {}
