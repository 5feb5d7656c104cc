"""Keeping the community's structure: edit, rename and move grids, compounds, buildings and units, and
delete them into the recycle bin (refused, with the reason, while anyone lives there)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, insert
from sqlmodel import Session, func, or_, select

from gridkeeper.domain.address import building_key, building_label, unit_key, unit_label
from gridkeeper.domain.enums import Management
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.names import visible_text
from gridkeeper.services.bin_links import (LinkWatch, Links, Outcome, cut_loose, dangling, fresh_ids, parent_missing,
                                          relink)
from gridkeeper.services.community_setup import GridDetails, checked_grid
from gridkeeper.services.errors import Duplicate, NotFound, ServiceError, ValidationFailed
from gridkeeper.services.geography import get, sort_number
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.storage.models import (Account, Building, Compound, DeletedRecord, Grid, Household, LeaderAssignment,
                                       Member, Resident, ResidentRequest, ServiceActivity, Unit, Visit)

MODELS = {"grid": Grid, "compound": Compound, "building": Building, "unit": Unit}
KIND_LABELS = {"grid": "网格", "compound": "小区", "building": "楼栋", "unit": "单元"}
# Parents before children when restoring; children first when deleting.
_ORDER = ("grid", "compound", "building", "unit", "household", "leaderassignment")
_TABLE_MODELS = MODELS | {"household": Household, "leaderassignment": LeaderAssignment}
PLACE_KIND = "place"


class PlaceInUse(ServiceError):
    """The place cannot be deleted; the message says why and what to do first."""


def _clean(text: str) -> str:
    return visible_text(text)


# ---- Add (errors keyed by field, for the dialogs) ------------------------------------------------------

def add_grid(session: Session, details: GridDetails) -> Grid:
    """A new grid of the community; a code already in use is an error on the code field."""
    from gridkeeper.services.geography import ensure_community

    clean = checked_grid(details)
    other = session.exec(select(Grid).where(Grid.code == clean.code)).first()
    if other is not None:
        raise ValidationFailed([ValueRuleError("code", f"{clean.code} 已被“{other.name}”使用", "grid")])
    grid = Grid(community_id=ensure_community(session).id, code=clean.code, name=clean.name,
                steward_name=clean.steward_name, steward_phone=clean.steward_phone)
    session.add(grid)
    session.flush()
    return grid


def add_compound(session: Session, *, name: str, management: Management | str = Management.PROPERTY_COMPANY,
                 property_company: str = "") -> Compound:
    from gridkeeper.services.geography import create_compound

    name = _clean(name)
    if not name:
        raise ValidationFailed([ValueRuleError("name", "不能为空", "compound")])
    if session.exec(select(Compound).where(Compound.name == name)).first():
        raise ValidationFailed([ValueRuleError("name", f"小区“{name}”已存在", "compound")])
    management = Management(management)
    company = _clean(property_company) if management == Management.PROPERTY_COMPANY else ""
    return create_compound(session, name=name, management=management, property_company=company)


def add_building(session: Session, *, grid_id: int, compound_id: int, label: str) -> Building:
    from gridkeeper.services.geography import create_building

    label, key = _label_key(label, "building", building_key, building_label)
    clash = session.exec(select(Building).where(Building.compound_id == compound_id, Building.key == key)).first()
    if clash is not None:
        raise ValidationFailed([ValueRuleError("building", f"该小区已有{clash.label}")])
    return create_building(session, grid_id=grid_id, compound_id=compound_id, label=label)


def add_unit(session: Session, *, building_id: int, label: str) -> Unit:
    from gridkeeper.services.geography import create_unit

    label, key = _label_key(label, "unit", unit_key, unit_label)
    if session.exec(select(Unit).where(Unit.building_id == building_id, Unit.key == key)).first():
        raise ValidationFailed([ValueRuleError("unit", f"该楼栋已有{label}")])
    return create_unit(session, building_id=building_id, label=label)


# ---- Edit and rename ----------------------------------------------------------------------------------

def update_grid(session: Session, grid_id: int, details: GridDetails) -> Grid:
    """Change a grid's code, name or steward; a code already used by another grid is refused."""
    grid = get(session, Grid, grid_id)
    clean = checked_grid(details)
    other = session.exec(select(Grid).where(Grid.code == clean.code, Grid.id != grid_id)).first()
    if other is not None:
        raise ValidationFailed([ValueRuleError("code", f"{clean.code} 已被“{other.name}”使用", "grid")])
    grid.code, grid.name = clean.code, clean.name
    grid.steward_name, grid.steward_phone = clean.steward_name, clean.steward_phone
    session.add(grid)
    session.flush()
    return grid


def update_compound(session: Session, compound_id: int, *, name: str, management: Management | str,
                    property_company: str = "") -> Compound:
    """Rename a compound or change how it is managed (物业服务企业 / 业主自管 / 无物业)."""
    compound = get(session, Compound, compound_id)
    name = _clean(name)
    if not name:
        raise ValidationFailed([ValueRuleError("name", "不能为空", "compound")])
    clash = session.exec(select(Compound).where(Compound.community_id == compound.community_id,
                                                Compound.name == name, Compound.id != compound_id)).first()
    if clash is not None:
        raise ValidationFailed([ValueRuleError("name", f"小区“{name}”已存在", "compound")])
    management = Management(management)
    company = _clean(property_company)
    if management != Management.PROPERTY_COMPANY:
        company = ""  # only a compound with a property company names one
    compound.name, compound.management, compound.property_company = name, management, company[:100]
    session.add(compound)
    session.flush()
    return compound


def _label_key(text: str, field: str, key_of, label_of) -> tuple[str, str]:
    try:
        return label_of(text), key_of(text)
    except ValueRuleError as exc:
        raise ValidationFailed([ValueRuleError(field, exc.reason)]) from exc


def _free_label(session: Session, record, text: str, field: str, key_of, label_of, siblings, where: str):
    """(label, key) of a building or unit renamed to `text`; refused when another under the same parent
    (`siblings`: the column naming it, e.g. Building.compound_id) has that number already."""
    label, key = _label_key(text, field, key_of, label_of)
    model = type(record)
    clash = session.exec(select(model).where(siblings == getattr(record, siblings.key), model.key == key,
                                             model.id != record.id)).first()
    if clash is not None:
        raise ValidationFailed([ValueRuleError(field, f"{where}已有{clash.label}")])
    return label, key


def update_building(session: Session, building_id: int, *, label: str, floors: int | None = None) -> Building:
    """Rename a building (7号楼/7栋/7# are the same building) or change its number of floors."""
    building = get(session, Building, building_id)
    label, key = _free_label(session, building, label, "building", building_key, building_label,
                             Building.compound_id, "该小区")
    if floors is not None and not 1 <= int(floors) <= 200:
        raise ValidationFailed([ValueRuleError("floors", "应在1到200之间")])
    building.label, building.key, building.sort_no, building.floors = label, key, sort_number(key), floors
    session.add(building)
    session.flush()
    return building


def rename_unit(session: Session, unit_id: int, label: str) -> Unit:
    """Rename a unit (2单元/二单元/2 are the same unit)."""
    unit = get(session, Unit, unit_id)
    label, key = _free_label(session, unit, label, "unit", unit_key, unit_label, Unit.building_id, "该楼栋")
    unit.label, unit.key, unit.sort_no = label, key, sort_number(key)
    session.add(unit)
    session.flush()
    return unit


# ---- Move ---------------------------------------------------------------------------------------------

def move_building(session: Session, building_id: int, *, grid_id: int, compound_id: int | None = None) -> Building:
    """Put a building in another grid (boundaries change) and/or compound. Its units, households, visits,
    requests and leader posts stay attached to it, so their history moves with the building."""
    building = get(session, Building, building_id)
    get(session, Grid, grid_id)
    compound_id = compound_id or building.compound_id
    if compound_id != building.compound_id:
        get(session, Compound, compound_id)
        clash = session.exec(select(Building).where(Building.compound_id == compound_id,
                                                    Building.key == building.key)).first()
        if clash is not None:
            raise Duplicate(f"目标小区已有{clash.label}，不能移入")
    building.grid_id, building.compound_id = grid_id, compound_id
    session.add(building)
    from gridkeeper.services.safety_places import follow_building

    follow_building(session, building_id, grid_id)
    from gridkeeper.services import dispute_places

    dispute_places.follow_building(session, building_id, grid_id)
    session.flush()
    return building


# ---- Delete into the recycle bin, and restore -----------------------------------------------------------

@dataclass
class Subtree:
    """The ids of everything under a place."""

    grid_ids: list[int]
    compound_ids: list[int]
    building_ids: list[int]
    unit_ids: list[int]
    household_ids: list[int]


def _ids(session: Session, column, where) -> list[int]:
    return list(session.exec(select(column).where(where))) if where is not None else []


def subtree(session: Session, kind: str, record_id: int) -> Subtree:
    get(session, MODELS[kind], record_id)
    grids = [record_id] if kind == "grid" else []
    compounds = [record_id] if kind == "compound" else []
    if kind == "grid":
        buildings = _ids(session, Building.id, Building.grid_id == record_id)
    elif kind == "compound":
        buildings = _ids(session, Building.id, Building.compound_id == record_id)
    else:
        buildings = [record_id] if kind == "building" else []
    units = [record_id] if kind == "unit" else _ids(session, Unit.id, Unit.building_id.in_(buildings))
    households = _ids(session, Household.id, Household.unit_id.in_(units))
    return Subtree(grids, compounds, buildings, units, households)


def _count(session: Session, model, where) -> int:
    return session.exec(select(func.count()).select_from(model).where(where)).one()


def _example_address(session: Session, household_ids: list[int]) -> str:
    row = session.exec(select(Building.label, Unit.label, Household.room).select_from(Household)
                       .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
                       .where(Household.id.in_(household_ids)).limit(1)).first()
    return "".join(row) if row else ""


def why_not_deletable(session: Session, kind: str, record_id: int) -> str | None:
    """The reason this place cannot be deleted now, or None. Rooms laid out but never registered
    (no residents, visits or requests) do not count as living there: they go with the place."""
    tree = subtree(session, kind, record_id)
    hh = tree.household_ids
    from gridkeeper.storage.rental_models import Tenancy, Tenant

    lived_in = set(session.exec(select(Resident.household_id).where(Resident.household_id.in_(hh)).distinct()))
    lived_in |= set(session.exec(select(Visit.household_id).where(Visit.household_id.in_(hh)).distinct()))
    lived_in |= set(session.exec(select(ResidentRequest.household_id)
                                 .where(ResidentRequest.household_id.in_(hh)).distinct()))
    lived_in |= set(session.exec(select(Member.household_id).where(Member.household_id.in_(hh)).distinct()))
    lived_in |= set(session.exec(select(Tenancy.household_id).where(Tenancy.household_id.in_(hh)).distinct()))
    lived_in |= set(session.exec(select(Tenant.household_id).where(Tenant.household_id.in_(hh)).distinct()))
    what = KIND_LABELS[kind]
    if lived_in:
        example = _example_address(session, sorted(lived_in))
        return (f"该{what}下还有 {len(lived_in)} 户登记了居民或走访、诉求、租赁记录（例如 {example}），不能删除。"
                f"请先把这些住户删除（进入回收站）或改到别处。")
    from gridkeeper.services.safety_places import register_rows_under

    if register_rows_under(session, tree.grid_ids, tree.building_ids):
        return f"该{what}还有安全检查场所、检查或隐患记录，不能删除（安全隐患台账要保留）。"
    from gridkeeper.services.dispute_places import disputes_under

    if disputes_under(session, tree.grid_ids, tree.household_ids):
        return f"该{what}还有矛盾纠纷记录，不能删除（矛盾纠纷台账要保留）。"
    active = _count(session, LeaderAssignment, _leader_scope(tree) & LeaderAssignment.ended_on.is_(None))
    if active:
        return f"该{what}还有 {active} 个在任的网格长/楼栋长/单元长，不能删除。请先在“三长”中让他们卸任。"
    if kind == "grid":
        members = _count(session, Member, Member.grid_id == record_id)
        activities = _count(session, ServiceActivity, ServiceActivity.grid_id == record_id)
        if members or activities:
            return (f"该网格还有 {members} 名在职党员报到、{activities} 项服务活动记录，不能删除。"
                    "请先把党员改到其他网格。")
    return None


def _leader_scope(tree: Subtree):
    return or_(LeaderAssignment.grid_id.in_(tree.grid_ids), LeaderAssignment.building_id.in_(tree.building_ids),
               LeaderAssignment.unit_id.in_(tree.unit_ids))


def _rows(session: Session, tree: Subtree) -> dict[str, list]:
    return {
        "grid": list(session.exec(select(Grid).where(Grid.id.in_(tree.grid_ids)))),
        "compound": list(session.exec(select(Compound).where(Compound.id.in_(tree.compound_ids)))),
        "building": list(session.exec(select(Building).where(Building.id.in_(tree.building_ids)))),
        "unit": list(session.exec(select(Unit).where(Unit.id.in_(tree.unit_ids)))),
        "household": list(session.exec(select(Household).where(Household.id.in_(tree.household_ids)))),
        "leaderassignment": list(session.exec(select(LeaderAssignment).where(_leader_scope(tree)))),
    }


def place_label(session: Session, kind: str, record_id: int) -> str:
    """“楼栋 幸福家园7号楼”: what the recycle bin and messages call a place."""
    record = get(session, MODELS[kind], record_id)
    if kind == "grid":
        return f"网格 {record.code} {record.name}"
    if kind == "compound":
        return f"小区 {record.name}"
    if kind == "building":
        compound = session.get(Compound, record.compound_id)
        return f"楼栋 {compound.name if compound else ''}{record.label}"
    building = session.get(Building, record.building_id)
    return f"单元 {building.label if building else ''}{record.label}"


def delete_place(session: Session, kind: str, record_id: int) -> DeletedRecord:
    """Move a grid, compound, building or unit (with its units and unregistered rooms) into the recycle bin;
    PlaceInUse says why when someone still lives there."""
    if kind not in MODELS:
        raise NotFound(f"未知的位置类型：{kind}")
    reason = why_not_deletable(session, kind, record_id)
    if reason:
        raise PlaceInUse(reason)
    label = place_label(session, kind, record_id)
    tree = subtree(session, kind, record_id)
    rows = _rows(session, tree)
    empty_rooms = len(rows["household"])
    payload = {"kind": kind, "id": record_id, "rows": {t: [snapshot(r) for r in rows[t]] for t in _ORDER}}
    leaving = {_TABLE_MODELS[t].__table__.name: {(r.id,) for r in rows[t]} for t in _ORDER}
    with LinkWatch(session, {t: [k[0] for k in keys] for t, keys in leaving.items()}, leaving) as watch:
        # rows elsewhere that point here (a visit made by a past leader of the building, a dispute's party
        # naming an unregistered room) keep their copied names, unlinked until the restore
        cut_loose(session, {t: [k[0] for k in keys] for t, keys in leaving.items()}, leaving, label)
    payload["links"] = watch.links.as_json()
    payload["stewards"] = _unassign_grids(session, tree.grid_ids)
    for table in reversed(_ORDER):
        ids = [r.id for r in rows[table]]
        model = _TABLE_MODELS[table]
        for start in range(0, len(ids), 500):
            session.exec(delete(model).where(model.id.in_(ids[start:start + 500])))
    session.expire_all()
    suffix = f"（含 {empty_rooms} 个未登记的房间）" if empty_rooms else ""
    record = DeletedRecord(kind=PLACE_KIND, label=label + suffix, payload=json.dumps(payload, ensure_ascii=False),
                           deleted_at=datetime.now(UTC))
    session.add(record)
    session.flush()
    return record


def _unassign_grids(session: Session, grid_ids: list[int]) -> dict[str, list[int]]:
    """Stewards' accounts name their grids by id (a JSON list, no foreign key): a deleted grid leaves their
    lists, or SQLite would give its id, and with it the steward's permission, to the next grid made. Returns
    account id → the grid ids taken away, for the restore."""
    taken: dict[str, list[int]] = {}
    if not grid_ids:
        return taken
    for account in session.exec(select(Account)):
        ids = [int(g) for g in json.loads(account.grid_ids or "[]")]
        gone = [g for g in ids if g in grid_ids]
        if gone:
            account.grid_ids = json.dumps([g for g in ids if g not in gone])
            session.add(account)
            taken[str(account.id)] = gone
    session.flush()
    return taken


def _reassign_grids(session: Session, taken: dict[str, list[int]], renumbered: dict[int, int]) -> list[str]:
    notes = []
    for account_id, grid_ids in taken.items():
        account = session.get(Account, int(account_id))
        if account is None:
            notes.append(f"账号 #{account_id} 已删除，没有恢复它负责的网格")
            continue
        ids = [int(g) for g in json.loads(account.grid_ids or "[]")]
        account.grid_ids = json.dumps(ids + [renumbered.get(g, g) for g in grid_ids if renumbered.get(g, g) not in ids])
        session.add(account)
    return notes


def _restore_clash(session: Session, table: str, row: dict) -> str | None:
    if table == "grid" and session.exec(select(Grid).where(Grid.code == row["code"])).first():
        return f"网格编码 {row['code']} 已被新的网格使用"
    if table == "compound" and session.exec(select(Compound).where(Compound.name == row["name"])).first():
        return f"已有同名的小区“{row['name']}”"
    if table == "building":
        for parent, parent_id in (("grid", row["grid_id"]), ("compound", row["compound_id"])):
            if session.get(_TABLE_MODELS[parent], parent_id) is None:
                return str(parent_missing(session, parent, parent_id, row["label"]))
        if session.exec(select(Building).where(Building.compound_id == row["compound_id"],
                                               Building.key == row["key"])).first():
            return f"该小区已有新的{row['label']}"
    if table == "unit":
        if session.get(Building, row["building_id"]) is None:
            return str(parent_missing(session, "building", row["building_id"], row["label"]))
        if session.exec(select(Unit).where(Unit.building_id == row["building_id"], Unit.key == row["key"])).first():
            return f"该楼栋已有新的{row['label']}"
    return None


def restore_place(session: Session, record: DeletedRecord) -> Outcome:
    """Put a deleted place back exactly as it was (same ids), with the links cut when it was deleted;
    refused when its name or number was reused or its parent is gone (or in the bin itself)."""
    payload = json.loads(record.payload)
    rows = payload["rows"]
    by_table = {_TABLE_MODELS[t].__table__.name: rows.setdefault(t, []) for t in _ORDER}
    links = Links.from_json(payload.get("links"))
    renumbered = fresh_ids(session, by_table, links)
    notes, refusals = dangling(session, by_table)
    tables = set()
    for table in _ORDER:  # parents first, so a child's check sees its restored parent
        for row in rows.get(table, []):
            clash = _restore_clash(session, table, row)
            if clash:
                raise Duplicate(f"不能恢复：{clash}")  # the caller's transaction rolls back what was put back
        model = _TABLE_MODELS[table]
        values = [model.model_validate(row).model_dump() for row in rows.get(table, [])]
        if values:
            session.execute(insert(model), values)
            tables.add(model.__table__.name)
    if refusals:
        raise ServiceError(f"不能恢复“{record.label}”：" + "；".join(refusals))
    notes += relink(session, links, f"“{record.label}”")
    if payload.get("stewards"):
        notes += _reassign_grids(session, payload["stewards"], renumbered.get("grid", {}))
        tables.add("account")
    session.flush()
    return Outcome(notes, tables | links.tables(), renumbered)
