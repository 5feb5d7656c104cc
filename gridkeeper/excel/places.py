"""Importing the places a steward inspects (九小场所 lists from the market-supervision office or the
steward's own sheet): the roster importer's reader, problems and report, one problem per cell with the
row number seen in Excel, and all-or-nothing — a file with any error writes nothing.

Columns are found by their usual names (名称/店名, 类别/业态, 网格, 小区, 楼栋, 地址, 负责人/经营者,
电话); a place already registered (same grid, name and address) is updated, not added twice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.hazards import PlaceKind
from gridkeeper.domain.names import visible_text
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.excel.cells import is_blank, is_totals_row, shown, text
from gridkeeper.excel.problems import WARNING, ChangedRecord, ImportConflict, Problem, RosterFileError, sorted_problems
from gridkeeper.excel.reader import read_sheet
from gridkeeper.services.errors import ServiceError
from gridkeeper.services.geography import grid_by_code
from gridkeeper.services.safety_places import PlaceInput, create_place, update_place
from gridkeeper.storage.hazard_models import SafetyPlace
from gridkeeper.storage.models import Building, Compound, Grid

COLUMNS = {  # field -> header names (after removing spaces), first match wins
    "name": ("场所名称", "名称", "店名", "店铺名称", "单位名称", "商户名称", "字号"),
    "kind": ("场所类别", "类别", "类型", "业态", "行业", "场所类型"),
    "grid": ("网格", "网格编号", "网格编码", "所属网格"),
    "compound": ("小区", "小区名称", "所在小区"),
    "building": ("楼栋", "楼号", "楼栋号", "所在楼栋"),
    "address": ("地址", "详细地址", "经营地址", "场所地址", "门牌"),
    "person": ("负责人", "经营者", "法人", "法定代表人", "联系人", "业主"),
    "phone": ("联系电话", "电话", "手机", "手机号", "联系方式"),
    "notes": ("备注",),
}
LABELS = {"name": "场所名称", "kind": "场所类别", "grid": "网格", "compound": "小区", "building": "楼栋",
          "address": "地址", "person": "负责人", "phone": "联系电话", "notes": "备注"}
# Everyday words for the kinds, as other offices' lists write them.
KIND_WORDS = [
    (("超市", "便利店", "商店", "商行", "日杂", "五金", "副食", "水果", "烟酒"), PlaceKind.SHOP),
    (("餐饮", "饭店", "餐馆", "小吃", "饺子", "面馆", "烧烤", "早点", "快餐", "火锅"), PlaceKind.RESTAURANT),
    (("旅馆", "旅店", "宾馆", "招待所", "民宿"), PlaceKind.HOTEL),
    (("网吧", "网咖"), PlaceKind.INTERNET_CAFE),
    (("美容", "美发", "理发", "洗浴", "足疗", "按摩"), PlaceKind.BEAUTY),
    (("歌舞", "歌厅", "KTV", "ktv", "娱乐"), PlaceKind.ENTERTAINMENT),
    (("学校", "幼儿园", "托管", "培训", "辅导"), PlaceKind.SCHOOL),
    (("医院", "诊所", "卫生", "药店", "口腔"), PlaceKind.CLINIC),
    (("加工", "作坊", "工厂", "维修", "生产"), PlaceKind.WORKSHOP),
    (("楼道", "楼梯间"), PlaceKind.STAIRWELL),
    (("地下室", "车库"), PlaceKind.BASEMENT),
    (("车棚", "充电棚"), PlaceKind.BIKE_SHED),
]
HEADER_ROWS = 10


def place_kind(value: str) -> PlaceKind | None:
    """The kind a cell names: a label or code (小餐饮, restaurant) or an everyday word (饭店, 超市)."""
    value = (value or "").strip()
    try:
        return PlaceKind.from_text(value)
    except ValueError:
        pass
    for words, kind in KIND_WORDS:
        if any(word in value for word in words):
            return kind
    return None


def _header_key(value: object) -> str:
    return re.sub(r"[\s*＊:：()（）]", "", text(value))


def find_header(rows: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    """(row index, field → column) of the first row in the top ten naming at least the name and the kind
    or address columns."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        columns: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = _header_key(cell)
            for name, aliases in COLUMNS.items():
                if name not in columns and key in aliases:
                    columns[name] = col
                    break
        if "name" in columns and ("kind" in columns or "address" in columns):
            return index, columns
    return None


@dataclass
class PlaceRow:
    row: int  # as numbered in Excel
    data: PlaceInput
    existing_id: int | None = None
    existing_version: int | None = None  # as checked: an update of a place changed since is refused


@dataclass
class PlacesImport:
    """What a places file holds after checking: rows to add or update, and the problems found."""

    rows: list[PlaceRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data_rows: int = 0
    added: int = 0
    updated: int = 0
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def summary(self, *, dry_run: bool) -> str:
        adding = sum(1 for r in self.rows if r.existing_id is None)
        updating = len(self.rows) - adding
        if self.errors:
            return f"共 {self.data_rows} 行，{len(self.errors)} 个错误：未导入任何场所，请修改文件后重新导入"
        if dry_run:
            return f"试运行：共 {self.data_rows} 行，可新增 {adding} 处、更新 {updating} 处场所；没有写入数据库"
        return f"已导入场所：新增 {self.added} 处，更新 {self.updated} 处"


class _Buildings:
    """Buildings of the database by (grid, compound name, building label or number)."""

    def __init__(self, session: Session):
        self.rows = list(session.exec(select(Building.id, Building.grid_id, Building.label, Building.key,
                                             Compound.name).join(Compound, Compound.id == Building.compound_id)))

    def find(self, grid_id: int, compound: str, building: str) -> list[int]:
        key = building.removesuffix("号楼").removesuffix("栋").removesuffix("幢").strip()
        return [bid for bid, grid, label, bkey, cname in self.rows
                if grid == grid_id and (label == building or bkey == key) and (not compound or cname == compound)]


def check_places(session: Session, path: str | Path, *, grid_code: str | None = None) -> PlacesImport:
    """Read and check every row (nothing is written): problems name the Excel row and column."""
    sheet = read_sheet(path)
    found = find_header(sheet.rows)
    if found is None:
        raise RosterFileError(f"{Path(path).name}：前{HEADER_ROWS}行中没有找到表头"
                              "（表头应包含“场所名称”和“类别”或“地址”等列名）")
    header_index, columns = found
    result = PlacesImport()
    default_grid = grid_by_code(session, grid_code.strip().upper()) if grid_code else None
    if grid_code and default_grid is None:
        raise ServiceError(f"找不到网格“{grid_code}”")
    if "grid" not in columns and default_grid is None:
        result.problems.append(Problem(0, "网格", "", "文件没有“网格”列：请用 --grid 指定导入到哪个网格"))
        return result
    grids = {g.code.upper(): g.id for g in session.exec(select(Grid))}
    buildings = _Buildings(session)
    existing = _saved_places(session)
    seen: dict[tuple, int] = {}
    for index in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[index]
        excel_row = index + 1
        cell = {name: (row[col] if col < len(row) else "") for name, col in columns.items()}
        if all(is_blank(v) for v in cell.values()) or is_totals_row(row):
            continue
        result.data_rows += 1
        problems: list[Problem] = []

        def problem(name: str, reason: str, severity: str = "error") -> None:
            problems.append(Problem(excel_row, LABELS[name], shown(cell.get(name, "")), reason, severity))

        name = visible_text(text(cell.get("name", "")))
        if not name:
            problem("name", "场所名称不能为空")
        kind = place_kind(text(cell.get("kind", "")))
        if kind is None:
            problem("kind", f"看不出是哪类场所（应为 {'、'.join(PlaceKind.labels())} 之一）")
        grid_id = default_grid.id if default_grid else None
        grid_text = text(cell.get("grid", "")).upper()
        if grid_text:
            grid_id = grids.get(grid_text)
            if grid_id is None:
                problem("grid", "没有这个网格编号")
        elif grid_id is None:
            problem("grid", "网格不能为空")
        building_id = None
        building = text(cell.get("building", ""))
        if building and grid_id:
            matches = buildings.find(grid_id, text(cell.get("compound", "")), building)
            if len(matches) == 1:
                building_id = matches[0]
            else:
                problem("building", "这个网格里没有这栋楼" if not matches else "有几个小区都有这栋楼：请填写小区")
        address = visible_text(text(cell.get("address", "")))
        if not building and not address:
            problem("address", "没有楼栋时要写明地址（例如 幸福路12号）")
        phone = text(cell.get("phone", ""))
        try:
            normalize_phone(phone, field="phone")
        except ValueRuleError as exc:
            problem("phone", exc.reason)
        key = (grid_id, name, address, building_id)
        if name and key in seen:
            problem("name", f"与第{seen[key]}行重复（同一网格、名称和地址）")
        seen.setdefault(key, excel_row)
        if key in existing and name:
            problem("name", "已登记过这处场所：将更新负责人、电话和类别", WARNING)
        result.problems += problems
        if not any(p.is_error for p in problems):
            result.rows.append(PlaceRow(excel_row, PlaceInput(
                name=name, kind=kind, grid_id=grid_id, building_id=building_id, address=address,
                person_in_charge=text(cell.get("person", "")), phone=phone, notes=text(cell.get("notes", ""))),
                *existing.get(key, (None, None))))
    result.problems = sorted_problems(result.problems)
    return result


def import_places(session: Session, path: str | Path, *, grid_code: str | None = None,
                  dry_run: bool = False) -> PlacesImport:
    """Check the file and, if it has no errors and this is not a dry run, write every place in the caller's
    unit of work (the CLI's own; the GUI checks, asks, then `write_places` through `perform`). A steward's
    row of another grid is refused and, the caller's unit of work rolled back, nothing is written."""
    result = check_places(session, path, grid_code=grid_code)
    if result.errors or dry_run or not result.rows:
        return result
    return write_places(session, result)


def _saved_places(session: Session) -> dict[tuple, tuple[int, int]]:
    """(grid, name, address, building) → (id, version) of every saved place."""
    return {(p.grid_id, p.name, p.address, p.building_id): (p.id, p.version) for p in session.exec(select(SafetyPlace))}


def _refuse_changed(session: Session, result: PlacesImport) -> None:
    """ImportConflict naming every row whose place was changed, deleted or registered on another PC since
    the file was checked (the GUI checks, asks, then writes); nothing is written. The places to update stay
    locked until the import commits."""
    from gridkeeper.excel.existing import versions_now
    from gridkeeper.services.conflicts import last_change

    updating = {row.existing_id: row for row in result.rows if row.existing_id}
    now = versions_now(session, SafetyPlace, list(updating)) if updating else {}
    changed = []
    for place_id, row in updating.items():
        if row.existing_version is not None and now.get(place_id) != row.existing_version:
            who, when = last_change(session, "safety_place", place_id)
            changed.append(ChangedRecord(row.row, f"检查场所“{row.data.name}”", who, when,
                                         "修改" if place_id in now else "删除"))
    adding = [row for row in result.rows if not row.existing_id]
    saved = _saved_places(session) if adding else {}
    for row in adding:
        key = (row.data.grid_id, row.data.name, row.data.address, row.data.building_id)
        if key in saved:
            who, when = last_change(session, "safety_place", saved[key][0])
            changed.append(ChangedRecord(row.row, f"检查场所“{row.data.name}”", who, when, "登记"))
    if changed:
        raise ImportConflict(changed)


def write_places(session: Session, result: PlacesImport) -> PlacesImport:
    """Write the checked rows in the caller's unit of work (the GUI's `perform`, the CLI's transaction).
    A place changed on another PC since the check refuses the whole import (ImportConflict), as a place
    registered meanwhile that the file would add again."""
    _refuse_changed(session, result)
    for row in result.rows:
        try:
            if row.existing_id:
                update_place(session, row.existing_id, row.data, expected_version=row.existing_version)
                result.updated += 1
            else:
                create_place(session, row.data)
                result.added += 1
        except ServiceError as exc:  # e.g. a steward's row in someone else's grid: nothing is kept
            raise ServiceError(f"第{row.row}行：{exc}；未导入任何场所") from exc
    result.written = True
    return result
