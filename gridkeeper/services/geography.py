"""The community's places: grids, compounds, buildings and units, and the tree that navigates them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, func, select

from gridkeeper.domain.names import visible_text
from gridkeeper.domain.address import building_key, building_label, unit_key, unit_label
from gridkeeper.domain.enums import Management
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.phone import phone_or_error
from gridkeeper.services.errors import Duplicate, NotFound, ServiceError, ValidationFailed
from gridkeeper.storage.models import Building, Community, Compound, Grid, Household, Unit


def get_community(session: Session) -> Community | None:
    """The community this database belongs to (the first one)."""
    return session.exec(select(Community).order_by(Community.id)).first()


class NoCommunity(ServiceError):
    """The database has no community yet: its name is printed on every page, so it is never invented."""


def ensure_community(session: Session, *, name: str = "", subdistrict: str = "",
                     hotline: str = "", supervision_phone: str = "") -> Community:
    """The community; created with these details when the database has none and a name is given."""
    community = get_community(session)
    if community is None:
        if not name.strip():
            raise NoCommunity("还没有填写社区信息：请先在设置向导或“社区信息”中填写社区名称"
                              "（打印在每份台账和通知上，例如“福康社区居民委员会”）")
        from gridkeeper.services.community_setup import CommunityDetails, save_community

        community = save_community(session, CommunityDetails(name, subdistrict, "", hotline, supervision_phone))
    return community


def update_community(session: Session, *, name: str, subdistrict: str = "", hotline: str = "",
                     supervision_phone: str = "", district: str | None = None) -> Community:
    """Change the community's name and phones (shown on every printed page)."""
    from gridkeeper.services.community_setup import CommunityDetails, save_community

    current = get_community(session)
    district = district if district is not None else (current.district if current else "")
    return save_community(session, CommunityDetails(name, subdistrict, district, hotline, supervision_phone))


def _of(table: str, errors: list[ValueRuleError]) -> list[ValueRuleError]:
    """The errors as fields of `table` (a grid's name reads 网格名称, a compound's 小区名称)."""
    return [ValueRuleError(e.field, e.reason, table) for e in errors]


def _required(value: str, field_name: str, errors: list[ValueRuleError]) -> str:
    value = visible_text(value)
    if not value:
        errors.append(ValueRuleError(field_name, "不能为空"))
    return value


def create_grid(session: Session, *, code: str, name: str, steward_name: str = "",
                steward_phone: str = "") -> Grid:
    """A new grid with a unique code (e.g. FK-03)."""
    errors: list[ValueRuleError] = []
    code = _required(code, "code", errors).upper()
    name = _required(name, "name", errors)
    phone = phone_or_error(steward_phone, "steward_phone", errors)
    if errors:
        raise ValidationFailed(_of("grid", errors))
    if session.exec(select(Grid).where(Grid.code == code)).first():
        raise Duplicate(f"网格编码 {code} 已存在")
    grid = Grid(community_id=ensure_community(session).id, code=code, name=name,
                steward_name=visible_text(steward_name), steward_phone=phone)
    session.add(grid)
    session.flush()
    return grid


def update_grid(session: Session, grid_id: int, *, name: str, steward_name: str = "",
                steward_phone: str = "") -> Grid:
    """Rename a grid or change its steward."""
    grid = get(session, Grid, grid_id)
    errors: list[ValueRuleError] = []
    grid.name = _required(name, "name", errors)
    grid.steward_phone = phone_or_error(steward_phone, "steward_phone", errors)
    if errors:
        raise ValidationFailed(_of("grid", errors))
    grid.steward_name = visible_text(steward_name)
    session.add(grid)
    return grid


def grid_by_code(session: Session, code: str) -> Grid | None:
    return session.exec(select(Grid).where(Grid.code == code.strip().upper())).first()


def require_grid(session: Session, code: str) -> Grid:
    """The grid with this code, or NotFound naming it."""
    grid = grid_by_code(session, code)
    if grid is None:
        raise NotFound(f"没有编码为 {code} 的网格")
    return grid


def get(session: Session, model, record_id: int):
    """A record by id, or NotFound."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFound(f"找不到记录（{model.__name__} #{record_id}）")
    return record


def create_compound(session: Session, *, name: str, management: Management = Management.PROPERTY_COMPANY,
                    property_company: str = "") -> Compound:
    """A new compound (小区)."""
    errors: list[ValueRuleError] = []
    name = _required(name, "name", errors)
    if errors:
        raise ValidationFailed(_of("compound", errors))
    community = ensure_community(session)
    if session.exec(select(Compound).where(Compound.community_id == community.id, Compound.name == name)).first():
        raise Duplicate(f"小区“{name}”已存在")
    compound = Compound(community_id=community.id, name=name, management=Management(management),
                        property_company=property_company.strip())
    session.add(compound)
    session.flush()
    return compound


def find_or_create_compound(session: Session, name: str) -> Compound:
    name = visible_text(name)
    found = session.exec(select(Compound).where(Compound.name == name)).first()
    return found or create_compound(session, name=name)


def create_building(session: Session, *, grid_id: int, compound_id: int, label: str,
                    floors: int | None = None) -> Building:
    """A new building in a compound, belonging to one grid; 7号楼/7栋/7# are the same building."""
    key = building_key(label)
    get(session, Grid, grid_id)
    get(session, Compound, compound_id)
    existing = session.exec(select(Building).where(Building.compound_id == compound_id, Building.key == key)).first()
    if existing:
        raise Duplicate(f"该小区已有{existing.label}")
    building = Building(grid_id=grid_id, compound_id=compound_id, label=building_label(label), key=key,
                        sort_no=sort_number(key), floors=floors)
    session.add(building)
    session.flush()
    return building


def find_or_create_building(session: Session, *, grid_id: int, compound_id: int, label: str) -> Building:
    """The building with this label in the compound; refused if it belongs to another grid."""
    key = building_key(label)
    building = session.exec(select(Building).where(Building.compound_id == compound_id, Building.key == key)).first()
    if building is None:
        return create_building(session, grid_id=grid_id, compound_id=compound_id, label=label)
    if building.grid_id != grid_id:
        other = session.get(Grid, building.grid_id)
        raise ServiceError(f"{building.label}属于网格 {other.code if other else building.grid_id}，不属于本网格")
    return building


def create_unit(session: Session, *, building_id: int, label: str) -> Unit:
    """A new unit (单元) of a building; 2单元/二单元/2 are the same unit."""
    key = unit_key(label)
    get(session, Building, building_id)
    if session.exec(select(Unit).where(Unit.building_id == building_id, Unit.key == key)).first():
        raise Duplicate(f"该楼栋已有{unit_label(key)}")
    unit = Unit(building_id=building_id, label=unit_label(key), key=key, sort_no=sort_number(key))
    session.add(unit)
    session.flush()
    return unit


def find_or_create_unit(session: Session, *, building_id: int, label: str) -> Unit:
    key = unit_key(label)
    unit = session.exec(select(Unit).where(Unit.building_id == building_id, Unit.key == key)).first()
    return unit or create_unit(session, building_id=building_id, label=label)


def delete_place(session: Session, model, record_id: int) -> None:
    """Delete an empty grid, compound, building or unit; refused while it still holds households."""
    record = get(session, model, record_id)
    children = {
        Grid: select(func.count()).select_from(Building).where(Building.grid_id == record_id),
        Compound: select(func.count()).select_from(Building).where(Building.compound_id == record_id),
        Building: select(func.count()).select_from(Unit).where(Unit.building_id == record_id),
        Unit: select(func.count()).select_from(Household).where(Household.unit_id == record_id),
    }[model]
    if session.exec(children).one():
        raise ServiceError("该位置下还有楼栋、单元或住户，不能删除")
    session.delete(record)


@dataclass
class PlaceNode:
    """One node of the navigation tree."""

    kind: str
    id: int
    label: str
    children: list["PlaceNode"] = field(default_factory=list)


def place_tree(session: Session) -> list[PlaceNode]:
    """Grids → compounds → buildings → units, sorted naturally, in four queries."""
    grids = {g.id: PlaceNode("grid", g.id, f"{g.code} {g.name}") for g in session.exec(select(Grid).order_by(Grid.code))}
    compounds = {c.id: c.name for c in session.exec(select(Compound))}
    units_by_building: dict[int, list[PlaceNode]] = {}
    for unit in session.exec(select(Unit)):
        units_by_building.setdefault(unit.building_id, []).append(PlaceNode("unit", unit.id, unit.label))
    compound_nodes: dict[tuple[int, int], PlaceNode] = {}
    buildings = sorted(session.exec(select(Building)), key=lambda b: natural_key(b.key))
    for building in buildings:
        node_key = (building.grid_id, building.compound_id)
        if node_key not in compound_nodes:
            compound_nodes[node_key] = PlaceNode("compound", building.compound_id, compounds[building.compound_id])
            grids[building.grid_id].children.append(compound_nodes[node_key])
        units = sorted(units_by_building.get(building.id, []), key=lambda n: natural_key(n.label))
        compound_nodes[node_key].children.append(PlaceNode("building", building.id, building.label, units))
    return list(grids.values())


def compounds_without_buildings(session: Session) -> list[PlaceNode]:
    """Compounds that have no building yet (so they lie in no grid): the tree lists them under the community."""
    used = select(Building.compound_id)
    rows = session.exec(select(Compound).where(Compound.id.not_in(used)))
    return sorted((PlaceNode("compound", c.id, c.name) for c in rows), key=lambda n: natural_key(n.label))


def natural_key(text: str) -> tuple:
    """Sort 2 before 10: digits compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def sort_number(key: str) -> int:
    """The leading number of a label key, for natural ordering in SQL (non-numeric keys sort last)."""
    match = re.match(r"\d+", key or "")
    return int(match.group()) if match else 1_000_000
