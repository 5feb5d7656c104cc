"""The hazards list by tab (open, overdue, each status, all): counts for every tab in one query, and a page of
one tab, most urgent first; a steward sees their own grids only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, or_
from sqlmodel import Session, func, select

from gridkeeper.domain.hazards import AWAITING_RECTIFICATION, OPEN_HAZARD_STATUSES, HazardStatus
from gridkeeper.services.safety_places import scoped
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.hazard_models import SafetyHazard, SafetyPlace

HAZARD_TABS = ("open", "overdue", *(s.value for s in HazardStatus), "all")


def _filtered(session: Session, query, scope: Scope, text: str):
    query = scoped(query, SafetyHazard, readable_scope(session, scope))
    text = text.strip().lstrip("#")
    if text:
        if text.isdigit():
            return query.where(SafetyHazard.id == int(text))
        like = f"%{text}%"
        places = select(SafetyPlace.id).where(SafetyPlace.name.like(like))
        query = query.where(or_(SafetyHazard.item.like(like), SafetyHazard.description.like(like),
                                SafetyHazard.responsible_person.like(like), SafetyHazard.place_id.in_(places)))
    return query


def _tab_condition(key: str, today: date):
    if key == "open":
        return SafetyHazard.status.in_(OPEN_HAZARD_STATUSES)
    if key == "overdue":
        return SafetyHazard.status.in_(AWAITING_RECTIFICATION) & (SafetyHazard.deadline < today)
    if key == "all":
        return None
    return SafetyHazard.status == HazardStatus(key)


def tab_counts(session: Session, *, today: date, scope: Scope = EVERYWHERE, text: str = "") -> dict[str, int]:
    """How many hazards each tab holds (one grouped query over status, plus the overdue count)."""
    overdue = case((SafetyHazard.status.in_(AWAITING_RECTIFICATION) & (SafetyHazard.deadline < today), 1), else_=0)
    query = _filtered(session, select(SafetyHazard.status, func.count(), func.sum(overdue)), scope, text)
    by_status, overdue_total = {}, 0
    for status, count, late in session.exec(query.group_by(SafetyHazard.status)):
        by_status[str(status)] = count
        overdue_total += int(late or 0)
    counts = {s.value: by_status.get(s.value, 0) for s in HazardStatus}
    return {"open": sum(counts[s.value] for s in OPEN_HAZARD_STATUSES), "overdue": overdue_total, **counts,
            "all": sum(counts.values())}


def tab_hazards(session: Session, key: str, *, today: date, scope: Scope = EVERYWHERE, text: str = "",
                limit: int | None = 200, offset: int = 0) -> list[SafetyHazard]:
    """One tab's hazards: those waiting on their deadline first (soonest, overdue at the top), then newest found."""
    query = _filtered(session, select(SafetyHazard), scope, text)
    condition = _tab_condition(key, today)
    if condition is not None:
        query = query.where(condition)
    waiting = case((SafetyHazard.status.in_(AWAITING_RECTIFICATION), 0), else_=1)
    query = query.order_by(waiting, case((SafetyHazard.status.in_(AWAITING_RECTIFICATION), SafetyHazard.deadline),
                                         else_=None), SafetyHazard.found_on.desc(), SafetyHazard.id.desc())
    query = query.offset(offset)
    return list(session.exec(query.limit(limit) if limit else query))
