"""Safety inspections and the hazards they find, through the closed loop: found → notified → rectified →
re-inspected and closed (or escalated to the street / fire department with a reason).

A hazard comes from an inspection of a place or a building, or straight from a visit of kind 安全检查
(as a visit can raise a request). Steps are checked by domain/hazard_flow.py and made on the row
locked first (FOR UPDATE on a server), like request steps: two people pressing 销号 give one closing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from gridkeeper.domain.enums import VisitKind, label_of
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.fields import item_field
from gridkeeper.domain.hazard_flow import HazardTransitionError, check_transition
from gridkeeper.domain.hazards import (
    AWAITING_RECTIFICATION,
    DEFAULT_DEADLINE_DAYS,
    OPEN_HAZARD_STATUSES,
    HazardLevel,
    HazardStatus,
    requirement,
)
from gridkeeper.domain.names import clean_name, visible_text
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.services import steps
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.safety_places import scoped
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.hazard_models import HazardEvent, SafetyHazard, SafetyInspection, SafetyPlace
from gridkeeper.storage.models import Building, Household, Unit, Visit

H = HazardStatus
HAZARDS = steps.Register(SafetyHazard, HazardEvent, "hazard_id", "隐患", HazardStatus, check_transition,
                         HazardTransitionError, event_values=lambda hazard: {"grid_id": hazard.grid_id},
                         note_limit=500)


@dataclass
class HazardInput:
    """A hazard as found: what (a checklist item and/or a description), how serious, until when, who."""

    item: str = ""
    description: str = ""
    level: HazardLevel | str = HazardLevel.GENERAL
    deadline: date | None = None
    responsible_person: str = ""
    responsible_phone: str = ""
    requirement: str = ""


@dataclass
class InspectionInput:
    inspected_on: date
    inspectors: str
    place_id: int | None = None
    building_id: int | None = None
    checked_items: list[str] = field(default_factory=list)
    hazards: list[HazardInput] = field(default_factory=list)
    notes: str = ""


def _hazard_values(data: HazardInput, found_on: date, index: int | None = None) -> dict:
    """Checked values of one hazard; errors name the hazard ("hazards.2.level": 第2条隐患：隐患等级) when there
    are several."""

    def key(name: str) -> str:
        return item_field("hazards", index, name) if index else name

    errors: list[ValueRuleError] = []
    item = visible_text(data.item)[:50]
    description = (data.description or "").strip()
    if not item and not description:
        errors.append(ValueRuleError(key("hazard_content"), "请选择检查项或写明隐患情况"))
    level = HazardLevel.GENERAL
    try:
        level = HazardLevel.from_text(str(data.level or HazardLevel.GENERAL))
    except ValueError as exc:
        errors.append(ValueRuleError(key("level"), f"{exc}（应为 一般、较大、重大 之一）"))
    deadline = data.deadline or found_on + timedelta(days=DEFAULT_DEADLINE_DAYS[level])
    if deadline < found_on:
        errors.append(ValueRuleError(key("deadline"), "不能早于发现日期", table="safety_hazard"))
    phone = ""
    try:
        phone = normalize_phone(data.responsible_phone or "", field=key("responsible_phone"))
    except ValueRuleError as exc:
        errors.append(exc)
    if errors:
        raise ValidationFailed(errors)
    return dict(item=item, description=description, level=level, deadline=deadline,
                responsible_person=clean_name(data.responsible_person)[:50], responsible_phone=phone,
                requirement=(data.requirement or "").strip() or requirement(item))


def _add_hazard(session: Session, values: dict, *, grid_id: int, found_on: date, actor: str, **links) -> SafetyHazard:
    hazard = SafetyHazard(grid_id=grid_id, found_on=found_on, status=H.FOUND, **links, **values)
    session.add(hazard)
    session.flush()
    steps.log(session, HAZARDS, hazard, None, H.FOUND, "发现隐患", actor)
    return hazard


def record_inspection(session: Session, data: InspectionInput, *, today: date | None = None,
                      actor: str = "") -> tuple[SafetyInspection, list[SafetyHazard]]:
    """One inspection of a place (or of a building's shared spaces) with the hazards it found.

    The person in charge of the place is the responsible person of its hazards unless one is named."""
    today = today or date.today()
    errors: list[ValueRuleError] = []
    if data.inspected_on is None:
        errors.append(ValueRuleError("inspected_on", "不能为空"))
    elif data.inspected_on > today:
        errors.append(ValueRuleError("inspected_on", f"{data.inspected_on:%Y-%m-%d} 在今天之后"))
    inspectors = visible_text(data.inspectors)[:200]
    if not inspectors:
        errors.append(ValueRuleError("inspectors", "不能为空"))
    if not data.place_id and not data.building_id:
        errors.append(ValueRuleError("inspection_target", "请选择场所或楼栋"))
    if errors:
        raise ValidationFailed(errors)
    place = get(session, SafetyPlace, data.place_id) if data.place_id else None
    building_id = place.building_id if place else data.building_id
    grid_id = place.grid_id if place else get(session, Building, building_id).grid_id
    values = []
    for number, hazard in enumerate(data.hazards, start=1):
        values.append(_hazard_values(hazard, data.inspected_on, number if len(data.hazards) > 1 else None))
    items = [visible_text(i)[:50] for i in data.checked_items if visible_text(i)]
    inspection = SafetyInspection(grid_id=grid_id, place_id=place.id if place else None, building_id=building_id,
                                  inspected_on=data.inspected_on, inspectors=inspectors,
                                  checked_items=json.dumps(items, ensure_ascii=False), notes=data.notes or "")
    session.add(inspection)
    session.flush()
    hazards = []
    for value in values:
        if place and not value["responsible_person"]:
            value["responsible_person"] = place.person_in_charge
            value["responsible_phone"] = value["responsible_phone"] or place.phone
        hazards.append(_add_hazard(session, value, grid_id=grid_id, found_on=data.inspected_on, actor=actor,
                                   inspection_id=inspection.id, place_id=inspection.place_id, building_id=building_id))
    if place and (place.last_inspected_on is None or place.last_inspected_on < data.inspected_on):
        place.last_inspected_on = data.inspected_on
        session.add(place)
        session.flush()
    return inspection, hazards


def record_from_visit(session: Session, visit_id: int, data: HazardInput, *, actor: str = "") -> SafetyHazard:
    """A hazard found on a visit of kind 安全检查 (a gas hose cracked in 301): linked to the visit, its
    household and building."""
    visit = get(session, Visit, visit_id)
    if visit.kind != VisitKind.SAFETY:
        raise ServiceError("只有“安全检查”类走访可以直接登记隐患；请把走访类型改为安全检查")
    row = session.exec(select(Building.id, Building.grid_id).join(Unit, Unit.building_id == Building.id)
                       .join(Household, Household.unit_id == Unit.id).where(Household.id == visit.household_id)).one()
    values = _hazard_values(data, visit.visited_on)
    return _add_hazard(session, values, grid_id=row.grid_id, found_on=visit.visited_on, actor=actor,
                       building_id=row.id, household_id=visit.household_id, visit_id=visit.id)


CORRECTED_FIELDS = (("item", "检查项"), ("description", "隐患情况"), ("level", "隐患等级"), ("deadline", "整改期限"),
                    ("responsible_person", "责任人"), ("responsible_phone", "责任人电话"), ("requirement", "整改要求"))


def _shown(name: str, value) -> str:
    if name == "level":
        return label_of(HazardLevel, value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "") or "（空）"


def update_hazard(session: Session, hazard_id: int, data: HazardInput, *, expected_version: int | None = None,
                  actor: str = "") -> SafetyHazard:
    """Correct what was recorded (item, description, level, deadline, who); the status is moved by `advance`.
    What changed is kept in the hazard's history (更正：隐患等级 一般→较大 …), beside the audit row of the change."""
    hazard = steps.locked(session, HAZARDS, hazard_id)
    values = _hazard_values(data, hazard.found_on)
    check_version(session, hazard, expected_version, yours=values)
    if hazard.status == H.CLOSED:
        raise ServiceError("已复查销号的隐患不能再修改")
    changed = [f"{label} {_shown(name, getattr(hazard, name))}→{_shown(name, values[name])}"
               for name, label in CORRECTED_FIELDS if _shown(name, getattr(hazard, name)) != _shown(name, values[name])]
    if not changed:
        return hazard
    for key, value in values.items():
        setattr(hazard, key, value)
    session.add(hazard)
    steps.log(session, HAZARDS, hazard, hazard.status, hazard.status, "更正：" + "；".join(changed), actor)
    session.flush()
    return hazard


def advance(session: Session, hazard_id: int, target: HazardStatus | str, *, on: date | None = None,
            reason: str = "", deadline: date | None = None, rectification: str = "", reinspected_by: str = "",
            escalated_to: str = "", actor: str = "", expected_version: int | None = None) -> SafetyHazard:
    """Move a hazard one step, asking for what that step needs:

    - 已通知整改 (the notice handed over): the date; a new deadline may be set (a failed re-inspection
      sends the hazard back here with a reason and usually a new deadline);
    - 已整改待复查: what was done (`rectification`) and the date;
    - 复查销号: who re-inspected (`reinspected_by`) and the date;
    - 已上报: to whom (`escalated_to`) and why (`reason`).
    """
    hazard, target = steps.begin(session, HAZARDS, hazard_id, target, reason=reason,
                                 expected_version=expected_version)
    on = on or date.today()
    errors: list[ValueRuleError] = []
    if on < hazard.found_on:
        errors.append(ValueRuleError("step_on", f"不能早于发现日期 {hazard.found_on:%Y-%m-%d}"))
    note = reason.strip()
    if target == H.NOTIFIED:
        hazard.notified_on = on
        if deadline is not None:
            if deadline < on:
                errors.append(ValueRuleError("deadline", "不能早于通知日期", table="safety_hazard"))
            hazard.deadline = deadline
        if hazard.status == H.RECTIFIED:  # failed re-inspection: the earlier rectification did not hold
            hazard.rectified_on, hazard.rectification = None, ""
    elif target == H.RECTIFIED:
        if not rectification.strip():
            errors.append(ValueRuleError("rectification", "请写明怎样整改的（例如已清理楼道堆物）"))
        hazard.rectified_on, hazard.rectification = on, rectification.strip()
        note = "；".join(p for p in (note, rectification.strip()) if p)
    elif target == H.CLOSED:
        who = clean_name(reinspected_by)
        if not who:
            errors.append(ValueRuleError("reinspected_by", "复查销号要写明复查人"))
        hazard.closed_on, hazard.reinspected_by = on, who[:50]
        if hazard.rectified_on is None:  # closed by the department after escalation
            hazard.rectified_on = on
        note = "；".join(p for p in (f"复查人：{who}", note) if who or p)
    elif target == H.ESCALATED:
        if not escalated_to.strip():
            errors.append(ValueRuleError("escalated_to", "请写明上报给谁（例如新华街道办事处、消防救援站）"))
        hazard.escalated_on, hazard.escalated_to = on, escalated_to.strip()[:100]
        hazard.escalation_reason = reason.strip()
        note = f"上报{escalated_to.strip()}：{reason.strip()}"
    if errors:
        raise ValidationFailed(errors)
    return steps.finish(session, HAZARDS, hazard, target, note, actor)


def history(session: Session, hazard_id: int) -> list[HazardEvent]:
    query = select(HazardEvent).where(HazardEvent.hazard_id == hazard_id)
    return list(session.exec(query.order_by(HazardEvent.at, HazardEvent.id)))


def days_left(hazard: SafetyHazard, today: date) -> int | None:
    """Days until the rectification deadline (negative when overdue); None once rectified, closed or
    handed over to a department."""
    if hazard.status not in AWAITING_RECTIFICATION:
        return None
    return (hazard.deadline - today).days


def is_overdue(hazard: SafetyHazard, today: date) -> bool:
    """Still waiting past its deadline, or rectified after it."""
    if hazard.status in AWAITING_RECTIFICATION:
        return hazard.deadline < today
    return bool(hazard.rectified_on and hazard.rectified_on > hazard.deadline)


def days_taken(hazard: SafetyHazard) -> int | None:
    """Days from found to rectified (None while not rectified)."""
    return (hazard.rectified_on - hazard.found_on).days if hazard.rectified_on else None


def list_hazards(session: Session, *, scope: Scope = EVERYWHERE, statuses=None, start: date | None = None,
                 end: date | None = None, overdue_on: date | None = None, due_by: date | None = None,
                 place_id: int | None = None, limit: int | None = 1000) -> list[SafetyHazard]:
    """Hazards by scope, status and the period they were found in (`end` exclusive); `overdue_on` keeps
    those still awaiting rectification past their deadline, `due_by` those due by that day."""
    query = scoped(select(SafetyHazard), SafetyHazard, readable_scope(session, scope))
    if statuses:
        query = query.where(SafetyHazard.status.in_([HazardStatus.from_text(str(s)) for s in statuses]))
    if start:
        query = query.where(SafetyHazard.found_on >= start)
    if end:
        query = query.where(SafetyHazard.found_on < end)
    if place_id:
        query = query.where(SafetyHazard.place_id == place_id)
    if overdue_on or due_by:
        query = query.where(SafetyHazard.status.in_(AWAITING_RECTIFICATION))
        query = query.where(SafetyHazard.deadline < overdue_on) if overdue_on else query.where(
            SafetyHazard.deadline <= due_by)
    query = query.order_by(SafetyHazard.deadline, SafetyHazard.id)
    return list(session.exec(query.limit(limit) if limit else query))


def list_inspections(session: Session, *, scope: Scope = EVERYWHERE, start: date | None = None,
                     end: date | None = None, place_id: int | None = None,
                     limit: int | None = 500) -> list[SafetyInspection]:
    """Inspections in a period and scope, newest first (`end` exclusive)."""
    query = scoped(select(SafetyInspection), SafetyInspection, readable_scope(session, scope))
    if start:
        query = query.where(SafetyInspection.inspected_on >= start)
    if end:
        query = query.where(SafetyInspection.inspected_on < end)
    if place_id:
        query = query.where(SafetyInspection.place_id == place_id)
    query = query.order_by(SafetyInspection.inspected_on.desc(), SafetyInspection.id.desc())
    return list(session.exec(query.limit(limit) if limit else query))


def checked_items(inspection: SafetyInspection) -> list[str]:
    return list(json.loads(inspection.checked_items or "[]"))


def is_open(hazard: SafetyHazard) -> bool:
    return hazard.status in OPEN_HAZARD_STATUSES


def detach_household(session: Session, household_id: int, visit_ids: list[int]) -> None:
    """A household going to the recycle bin: its hazards and inspections stay (with their building and
    grid) but no longer point at the household or its visits."""
    from sqlmodel import update

    session.exec(update(SafetyHazard).where(SafetyHazard.household_id == household_id)
                 .values(household_id=None, visit_id=None))
    if visit_ids:
        session.exec(update(SafetyHazard).where(SafetyHazard.visit_id.in_(visit_ids)).values(visit_id=None))
        session.exec(update(SafetyInspection).where(SafetyInspection.visit_id.in_(visit_ids)).values(visit_id=None))


def where_found(session: Session, hazards: list[SafetyHazard]) -> dict[int, str]:
    """Hazard id → where it is, as printed: the place (name and address), the household's address for a
    hazard found on a visit, or the compound and building for a building inspected as a whole.
    A few queries for the whole list (Today and the hazards list show hundreds)."""
    from gridkeeper.services.safety_places import building_names

    place_ids = sorted({h.place_id for h in hazards if h.place_id})
    places = {}
    for start in range(0, len(place_ids), 900):
        for place in session.exec(select(SafetyPlace).where(SafetyPlace.id.in_(place_ids[start:start + 900]))):
            places[place.id] = place
    buildings = building_names(session, [h.building_id for h in hazards] + [p.building_id for p in places.values()])
    household_ids = sorted({h.household_id for h in hazards if h.household_id})
    rooms = {}
    for start in range(0, len(household_ids), 900):
        query = (select(Household.id, Unit.building_id, Unit.label, Household.room)
                 .join(Unit, Unit.id == Household.unit_id).where(Household.id.in_(household_ids[start:start + 900])))
        rooms |= {hid: (bid, unit, room) for hid, bid, unit, room in session.exec(query)}
    out = {}
    for h in hazards:
        if h.place_id in places:
            place = places[h.place_id]
            where = place.address if place.building_id is None else " ".join(
                p for p in (buildings.get(place.building_id, ""), place.address) if p)
            out[h.id] = f"{place.name}（{where}）" if where and where not in place.name else place.name
        elif h.household_id in rooms:
            bid, unit, room = rooms[h.household_id]
            out[h.id] = f"{buildings.get(bid, '')}{unit}{room}"
        else:
            out[h.id] = buildings.get(h.building_id, "")
    return out
