"""The requests list's tabs (open, overdue, each status, all), filtered by typed text, and how many each holds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, exists, false, or_
from sqlmodel import Session, func, select

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, RequestStatus
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Building, Compound, Household, Resident, ResidentRequest, Unit
from gridkeeper.services.visibility import readable_scope

# Tabs of the requests list, in order: open ones, overdue ones, one per status, everything.
REQUEST_TABS = ["open", "overdue", *[s.value for s in RequestStatus], "all"]
# Tabs of closed requests list the newest first; the others the most urgent (earliest deadline) first.
NEWEST_FIRST = {"all", RequestStatus.RESOLVED.value, RequestStatus.RATED.value, RequestStatus.WITHDRAWN.value}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _word_matches(word: str) -> ColumnElement[bool]:
    """One typed word: in the description, the address, the head's name, who handles it, or the number."""
    pattern = _like(word)
    address = Compound.name + Building.label + Unit.label + Household.room
    head = exists().where(Resident.household_id == Household.id, Resident.is_head,
                          Resident.name.like(pattern, escape="\\"))
    number = word.lstrip("#＃")
    by_number = ResidentRequest.id == int(number) if number.isdigit() and len(number) < 10 else false()
    return or_(ResidentRequest.description.like(pattern, escape="\\"),
               ResidentRequest.dispatched_to.like(pattern, escape="\\"),
               address.like(pattern, escape="\\"), head, by_number)


def _base(columns, scope: Scope, text: str):
    """A query over requests in the scope whose every typed word matches somewhere."""
    query = (select(*columns).select_from(ResidentRequest).join(Household, Household.id == ResidentRequest.household_id)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id))
    words = (text or "").split()
    if words:
        query = query.join(Compound, Compound.id == Building.compound_id)
        query = query.where(and_(*[_word_matches(w) for w in words]))
    return scope.apply(query, joined=True)


def _tab_condition(tab: str, today: date) -> ColumnElement[bool] | None:
    if tab == "open":
        return ResidentRequest.status.in_(OPEN_REQUEST_STATUSES)
    if tab == "overdue":
        return and_(ResidentRequest.status.in_(OPEN_REQUEST_STATUSES), ResidentRequest.deadline < today)
    if tab == "all":
        return None
    return ResidentRequest.status == RequestStatus(tab)


def tab_requests(session: Session, tab: str, *, today: date, scope: Scope = EVERYWHERE, text: str = "",
                 limit: int | None = None, offset: int = 0) -> list[ResidentRequest]:
    """The requests one tab lists: urgent first for open work, newest first for closed and all."""
    if tab not in REQUEST_TABS:
        raise ValueError(f"没有“{tab}”这个诉求分类")
    query = _base([ResidentRequest], readable_scope(session, scope), text)
    condition = _tab_condition(tab, today)
    if condition is not None:
        query = query.where(condition)
    if tab in NEWEST_FIRST:
        query = query.order_by(ResidentRequest.raised_on.desc(), ResidentRequest.id.desc())
    else:
        query = query.order_by(ResidentRequest.deadline, ResidentRequest.id)
    query = query.offset(offset) if offset else query
    return list(session.exec(query.limit(limit) if limit else query))


def tab_counts(session: Session, *, today: date, scope: Scope = EVERYWHERE, text: str = "") -> dict[str, int]:
    """How many requests each tab lists for this scope and typed text (two grouped queries)."""
    by_status = dict(session.exec(_base([ResidentRequest.status, func.count()], readable_scope(session, scope), text)
                                  .group_by(ResidentRequest.status)).all())
    overdue = session.exec(_base([func.count()], readable_scope(session, scope), text).where(_tab_condition("overdue", today))).one()
    counts = {s.value: by_status.get(s.value, 0) for s in RequestStatus}
    counts["open"] = sum(counts[RequestStatus(s).value] for s in OPEN_REQUEST_STATUSES)
    counts["overdue"] = overdue
    counts["all"] = sum(by_status.values())
    return {tab: counts[tab] for tab in REQUEST_TABS}
