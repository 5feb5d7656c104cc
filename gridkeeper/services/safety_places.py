"""The places a steward inspects for safety (九小场所 and shared spaces): register, edit, list, remove.

A place belongs to a grid; it may sit in one of the grid's buildings (a stairwell, a basement, a
shop on the ground floor) or on a street frontage given as an address.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import or_
from sqlmodel import Session, func, select

from gridkeeper.domain.enums import label_of
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.hazards import PlaceKind, default_checklist
from gridkeeper.domain.names import clean_name, visible_text
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.services.bin_links import LinkWatch, Links, Outcome, cut_loose, fresh_ids, parent_missing, relink
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.row_snapshot import snapshot
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.settings import get_setting, set_setting
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyInspection, SafetyPlace
from gridkeeper.storage.models import Building, Compound, DeletedRecord, Grid, Unit

CHECKLIST_KEY = "hazard_checklist"
TABLE = "safety_place"  # its errors read as this table's labels (name: 场所名称, phone: 联系电话)


@dataclass
class PlaceInput:
    name: str
    kind: PlaceKind | str
    grid_id: int | None = None
    building_id: int | None = None
    address: str = ""
    person_in_charge: str = ""
    phone: str = ""
    notes: str = ""


def _place_values(session: Session, data: PlaceInput) -> dict:
    errors: list[ValueRuleError] = []
    name = visible_text(data.name)[:100]
    if not name:
        errors.append(ValueRuleError("name", "不能为空", table=TABLE))
    kind = None
    try:
        kind = PlaceKind.from_text(str(data.kind))
    except ValueError as exc:
        errors.append(ValueRuleError("kind", f"{exc}（应为 {'、'.join(PlaceKind.labels())} 之一）", table=TABLE))
    phone = ""
    try:
        phone = normalize_phone(data.phone or "", field="phone")
    except ValueRuleError as exc:
        errors.append(ValueRuleError("phone", exc.reason, table=TABLE))
    grid_id = data.grid_id
    if data.building_id:
        building = get(session, Building, data.building_id)
        if grid_id and grid_id != building.grid_id:
            errors.append(ValueRuleError("building_id", "不属于所选网格", table=TABLE))
        grid_id = building.grid_id
    address = visible_text(data.address)[:200]
    if not grid_id:
        errors.append(ValueRuleError("grid_id", "请选择网格或楼栋", table=TABLE))
    if not data.building_id and not address:
        errors.append(ValueRuleError("address", "没有选楼栋时要写明地址（例如沿街门面：幸福路12号）", table=TABLE))
    if errors:
        raise ValidationFailed(errors)
    get(session, Grid, grid_id)
    return dict(name=name, kind=kind, grid_id=grid_id, building_id=data.building_id or None, address=address,
                person_in_charge=clean_name(data.person_in_charge)[:50], phone=phone, notes=data.notes or "")


def create_place(session: Session, data: PlaceInput) -> SafetyPlace:
    place = SafetyPlace(**_place_values(session, data))
    session.add(place)
    session.flush()
    return place


def update_place(session: Session, place_id: int, data: PlaceInput, *,
                 expected_version: int | None = None) -> SafetyPlace:
    place = get(session, SafetyPlace, place_id)
    values = _place_values(session, data)
    check_version(session, place, expected_version, yours=values)
    for key, value in values.items():
        setattr(place, key, value)
    session.add(place)
    session.flush()
    return place


def delete_place(session: Session, place_id: int) -> DeletedRecord:
    """Into the recycle bin: only a place never inspected (one with inspections keeps its history)."""
    place = get(session, SafetyPlace, place_id)
    used = session.exec(select(func.count()).select_from(SafetyInspection)
                        .where(SafetyInspection.place_id == place_id)).one()
    used += session.exec(select(func.count()).select_from(SafetyHazard).where(SafetyHazard.place_id == place_id)).one()
    if used:
        raise ServiceError(f"“{place.name}”已有检查或隐患记录，不能删除（记录要留作台账）；可在备注中写明已停业")
    label = f"{place.name}（{label_of(PlaceKind, place.kind)}）"
    leaving = {TABLE: {(place_id,)}}
    with LinkWatch(session, {TABLE: [place_id]}, leaving) as watch:
        cut_loose(session, {TABLE: [place_id]}, leaving, f"“{label}”")
    payload = {"safety_place": snapshot(place), "links": watch.links.as_json()}
    record = DeletedRecord(kind="safety_place", label=label,
                           payload=json.dumps(payload, ensure_ascii=False), deleted_at=datetime.now(UTC))
    session.delete(place)
    session.add(record)
    session.flush()
    return record


def restore_safety_place(session: Session, record: DeletedRecord) -> Outcome:
    """Put a deleted place back as it was (same id); refused when its grid or building is gone (or in
    the bin: restore that first)."""
    from datetime import date

    payload = json.loads(record.payload)
    values = payload["safety_place"]
    what = f"“{record.label}”"
    if session.get(Grid, values["grid_id"]) is None:
        raise parent_missing(session, "grid", values["grid_id"], what)
    if values.get("building_id") and session.get(Building, values["building_id"]) is None:
        raise parent_missing(session, "building", values["building_id"], what)
    if values.get("last_inspected_on"):
        values["last_inspected_on"] = date.fromisoformat(values["last_inspected_on"])
    links = Links.from_json(payload.get("links"))
    renumbered = fresh_ids(session, {TABLE: [values]}, links)
    place = SafetyPlace.model_validate(values)
    session.add(place)
    session.flush()
    notes = relink(session, links, what)
    return Outcome(notes, {TABLE} | links.tables(), renumbered)


def place_address(session: Session, place: SafetyPlace) -> str:
    """Where the place is, as printed: 幸福家园7号楼 地下室, or the frontage address."""
    if place.building_id is None:
        return place.address
    row = session.exec(select(Compound.name, Building.label).join(Compound, Compound.id == Building.compound_id)
                       .where(Building.id == place.building_id)).first()
    where = f"{row[0]}{row[1]}" if row else ""
    return " ".join(p for p in (where, place.address) if p)


def building_names(session: Session, building_ids) -> dict[int, str]:
    """Building id → 幸福家园7号楼, for many buildings in a few queries."""
    ids = sorted({b for b in building_ids if b})
    names: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        query = (select(Building.id, Compound.name, Building.label).join(Compound, Compound.id == Building.compound_id)
                 .where(Building.id.in_(ids[start:start + 900])))
        names |= {bid: f"{compound}{label}" for bid, compound, label in session.exec(query)}
    return names


@dataclass(frozen=True)
class BuildingChoice:
    """A building whose shared spaces (楼道、地下室、电动车棚) can be inspected as a whole."""

    id: int
    name: str  # 幸福家园7号楼
    grid_id: int
    last_inspected_on: date | None  # the last inspection of the whole building (not of a place in it)


def buildings_to_inspect(session: Session, scope: Scope = EVERYWHERE) -> list[BuildingChoice]:
    """The buildings in `scope` that the one signed in may read, compound and building in order, each with
    the day its shared spaces were last inspected as a whole (two queries)."""
    scope = readable_scope(session, scope)
    query = scope.apply_to_buildings(select(Building.id, Compound.name, Building.label, Building.grid_id).join(
        Compound, Compound.id == Building.compound_id))
    rows = list(session.exec(query.order_by(Compound.name, Building.sort_no, Building.id)))
    last = dict(session.exec(select(SafetyInspection.building_id, func.max(SafetyInspection.inspected_on))
                             .where(SafetyInspection.place_id.is_(None), SafetyInspection.building_id.is_not(None))
                             .group_by(SafetyInspection.building_id)).all())
    return [BuildingChoice(bid, f"{compound}{label}", grid_id, last.get(bid)) for bid, compound, label, grid_id in rows]


def place_addresses(session: Session, places: list[SafetyPlace]) -> dict[int, str]:
    """Place id → where it is (as place_address), for a whole list at once."""
    names = building_names(session, [p.building_id for p in places])
    return {p.id: " ".join(x for x in (names.get(p.building_id, ""), p.address) if x) if p.building_id else p.address
            for p in places}


def scoped(query, model, scope: Scope):
    """Restrict a query over a register row that carries grid_id and building_id to `scope`."""
    if scope.grid_ids is not None:
        query = query.where(model.grid_id.in_(sorted(scope.grid_ids)))
    if scope.grid_id:
        query = query.where(model.grid_id == scope.grid_id)
    if scope.building_id:
        query = query.where(model.building_id == scope.building_id)
    elif scope.unit_id:
        query = query.where(model.building_id == select(Unit.building_id).where(Unit.id == scope.unit_id)
                            .scalar_subquery())
    if scope.compound_id:
        query = query.where(model.building_id.in_(select(Building.id).where(Building.compound_id == scope.compound_id)))
    return query


def list_places(session: Session, *, scope: Scope = EVERYWHERE, kind: PlaceKind | str | None = None,
                text: str = "", limit: int | None = 1000) -> list[SafetyPlace]:
    """Places in a scope (a steward: their own grids), by kind and a piece of name/address/person."""
    query = scoped(select(SafetyPlace), SafetyPlace, readable_scope(session, scope))
    if kind:
        query = query.where(SafetyPlace.kind == PlaceKind.from_text(str(kind)))
    text = text.strip()
    if text:
        like = f"%{text}%"
        query = query.where(or_(SafetyPlace.name.like(like), SafetyPlace.address.like(like),
                                SafetyPlace.person_in_charge.like(like)))
    query = query.order_by(SafetyPlace.grid_id, SafetyPlace.kind, SafetyPlace.name, SafetyPlace.id)
    return list(session.exec(query.limit(limit) if limit else query))


# ---- Checklists (configurable per kind; stored with the data) ------------------------------------------

def checklists(session: Session) -> dict[str, list[str]]:
    """Every kind's checklist (code → items), the configured one where set, else the default."""
    raw = get_setting(session, CHECKLIST_KEY)
    saved = json.loads(raw) if raw else {}
    return {kind.value: list(saved.get(kind.value) or default_checklist(kind)) for kind in PlaceKind}


def checklist_for(session: Session, kind: PlaceKind | str | None) -> list[str]:
    """The items to check at a place of this kind (None: a whole building's shared spaces)."""
    if not kind:
        raw = json.loads(get_setting(session, CHECKLIST_KEY) or "{}").get("building")
        return list(raw or default_checklist(None))
    return checklists(session)[PlaceKind.from_text(str(kind)).value]


def set_checklist(session: Session, kind: PlaceKind | str | None, items: list[str]) -> list[str]:
    """Configure a kind's checklist (blank and repeated items dropped; empty resets to the default)."""
    cleaned: list[str] = []
    for item in items:
        item = visible_text(item)[:50]
        if item and item not in cleaned:
            cleaned.append(item)
    saved = json.loads(get_setting(session, CHECKLIST_KEY) or "{}")
    key = PlaceKind.from_text(str(kind)).value if kind else "building"
    if cleaned:
        saved[key] = cleaned
    else:
        saved.pop(key, None)
    set_setting(session, CHECKLIST_KEY, json.dumps(saved, ensure_ascii=False))
    session.flush()
    return checklist_for(session, kind)


# ---- Keeping the register in step with the geography ---------------------------------------------------

def follow_building(session: Session, building_id: int, grid_id: int) -> None:
    """A building moved to another grid takes its places, inspections and hazards (and their steps) along."""
    from sqlmodel import update

    from gridkeeper.storage.hazard_models import HazardEvent

    hazard_ids = select(SafetyHazard.id).where(SafetyHazard.building_id == building_id)
    session.exec(update(HazardEvent).where(HazardEvent.hazard_id.in_(hazard_ids)).values(grid_id=grid_id))
    for model in (SafetyPlace, SafetyInspection, SafetyHazard):
        session.exec(update(model).where(model.building_id == building_id).values(grid_id=grid_id))


def register_rows_under(session: Session, grid_ids: list[int], building_ids: list[int]) -> int:
    """How many places, inspections and hazards sit in these grids or buildings (they keep a place from
    being deleted: the safety ledger must not lose them)."""
    total = 0
    for model in (SafetyPlace, SafetyInspection, SafetyHazard):
        where = or_(model.grid_id.in_(grid_ids), model.building_id.in_(building_ids))
        total += session.exec(select(func.count()).select_from(model).where(where)).one()
    return total
