"""Door-to-door visits: record them quickly, list them, and keep each household's last-visit date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, func, select, update

from gridkeeper.domain.enums import VisitKind, VisitorKind
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.names import clean_name
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Household, LeaderAssignment, Member, Visit
from gridkeeper.services.visibility import readable_scope


@dataclass
class VisitInput:
    household_id: int
    visited_on: date
    visitor_name: str = ""
    visitor_kind: VisitorKind | str = VisitorKind.STEWARD
    kind: VisitKind | str = VisitKind.ROUTINE
    anyone_home: bool = True
    findings: str = ""
    leader_id: int | None = None
    member_id: int | None = None


def _visit_values(session: Session, data: VisitInput, today: date | None) -> dict:
    errors: list[ValueRuleError] = []
    today = today or date.today()
    if data.visited_on is None:
        errors.append(ValueRuleError("visited_on", "不能为空"))
    elif data.visited_on > today:
        errors.append(ValueRuleError("visited_on", f"{data.visited_on:%Y-%m-%d} 在今天之后"))
    try:
        visitor_kind = VisitorKind.from_text(str(data.visitor_kind))
        kind = VisitKind.from_text(str(data.kind))
    except ValueError as exc:
        errors.append(ValueRuleError("visit_kind", str(exc)))
    if errors:
        raise ValidationFailed(errors)
    get(session, Household, data.household_id)
    visitor_name = clean_name(data.visitor_name)
    if data.leader_id:
        visitor_name = visitor_name or get(session, LeaderAssignment, data.leader_id).person_name
    if data.member_id:
        visitor_name = visitor_name or get(session, Member, data.member_id).name
    return dict(household_id=data.household_id, visited_on=data.visited_on, visitor_kind=visitor_kind,
                visitor_name=visitor_name[:50], kind=kind, anyone_home=bool(data.anyone_home),
                findings=data.findings or "", leader_id=data.leader_id, member_id=data.member_id)


def _set_last_visit(session: Session, household_id: int, day: date | None) -> None:
    """A household's last-visit date follows its visits; it is not an edit of the household: its version
    stays, so a steward with the household open is not told of a conflict by someone logging a visit.
    (An UPDATE statement, audited and guarded like the rest, that leaves version_id_col alone.)"""
    session.exec(update(Household).where(Household.id == household_id).values(last_visit_on=day))


def refresh_last_visit(session: Session, household_id: int) -> None:
    """Recompute a household's last-visit date from its visits."""
    get(session, Household, household_id)
    latest = session.exec(select(func.max(Visit.visited_on)).where(Visit.household_id == household_id)).one()
    _set_last_visit(session, household_id, latest)


def record_visit(session: Session, data: VisitInput, *, today: date | None = None) -> Visit:
    """Log one visit (the date may not be in the future)."""
    visit = Visit(**_visit_values(session, data, today))
    session.add(visit)
    household = session.get(Household, visit.household_id)
    session.flush()
    if household.last_visit_on is None or household.last_visit_on < visit.visited_on:
        _set_last_visit(session, household.id, visit.visited_on)
    return visit


def update_visit(session: Session, visit_id: int, data: VisitInput, *, today: date | None = None) -> Visit:
    visit = get(session, Visit, visit_id)
    old_household = visit.household_id
    for key, value in _visit_values(session, data, today).items():
        setattr(visit, key, value)
    session.add(visit)
    session.flush()
    for household_id in {old_household, visit.household_id}:
        refresh_last_visit(session, household_id)
    return visit


def delete_visit(session: Session, visit_id: int) -> None:
    """Delete a visit logged by mistake; refused, naming them, while a request, hazard, inspection or
    dispute records that it came from this visit (they would lose where they came from)."""
    from gridkeeper.services.bin_links import pointing_rows, table_label

    visit = get(session, Visit, visit_id)
    used = sorted({f"{table_label(table)} #{'/'.join(map(str, key))}" for table, key in
                   pointing_rows(session, {"visit": [visit_id]})})
    if used:
        raise ServiceError(f"{visit.visited_on:%Y-%m-%d} 的走访登记了{'、'.join(used)}，不能删除；"
                           "如走访内容有误，请修改这次走访")
    session.delete(visit)
    session.flush()
    refresh_last_visit(session, visit.household_id)


def list_visits(session: Session, *, scope: Scope = EVERYWHERE, start: date | None = None,
                end: date | None = None, visitor: str = "", limit: int | None = 500, offset: int = 0) -> list[Visit]:
    """Visits in a period and scope, newest first (`end` is exclusive)."""
    query = readable_scope(session, scope).apply(select(Visit).join(Household, Household.id == Visit.household_id))
    if start:
        query = query.where(Visit.visited_on >= start)
    if end:
        query = query.where(Visit.visited_on < end)
    if visitor.strip():
        query = query.where(Visit.visitor_name == visitor.strip())
    query = query.order_by(Visit.visited_on.desc(), Visit.id.desc()).offset(offset)
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))


def household_visits(session: Session, household_id: int, limit: int = 50) -> list[Visit]:
    query = select(Visit).where(Visit.household_id == household_id)
    return list(session.exec(query.order_by(Visit.visited_on.desc(), Visit.id.desc()).limit(limit)))


def visits_on(session: Session, household_id: int, day: date) -> list[Visit]:
    """The visits already logged to this household on this day (a second one is usually a double entry)."""
    query = select(Visit).where(Visit.household_id == household_id, Visit.visited_on == day)
    return list(session.exec(query.order_by(Visit.id)))
