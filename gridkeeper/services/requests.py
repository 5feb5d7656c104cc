"""Residents' requests through the closed loop: raise, dispatch, handle, resolve, rate (or withdraw)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, DispatchTarget, Rating, RequestCategory, RequestStatus
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.request_flow import DEFAULT_DEADLINE_DAYS, TransitionError, check_transition
from gridkeeper.services import steps
from gridkeeper.services.errors import ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Household, RequestEvent, Resident, ResidentRequest, Visit
from gridkeeper.services.visibility import readable_scope

S = RequestStatus
REQUESTS = steps.Register(ResidentRequest, RequestEvent, "request_id", "诉求", RequestStatus, check_transition,
                          TransitionError)
TABLE = "resident_request"  # its description, deadline and category read as 诉求内容, 办结期限, 诉求类别


@dataclass
class RequestInput:
    household_id: int
    description: str
    category: RequestCategory | str = RequestCategory.OTHER
    raised_on: date | None = None
    deadline: date | None = None
    resident_id: int | None = None
    source_visit_id: int | None = None


def raise_request(session: Session, data: RequestInput, *, today: date | None = None, actor: str = "") -> ResidentRequest:
    """Record a new request; the deadline defaults to seven days after it was raised."""
    today = today or date.today()
    errors: list[ValueRuleError] = []
    description = (data.description or "").strip()
    if not description:
        errors.append(ValueRuleError("description", "不能为空", table=TABLE))
    raised_on = data.raised_on or today
    if raised_on > today:
        errors.append(ValueRuleError("raised_on", "不能晚于今天"))
    deadline = data.deadline or raised_on + timedelta(days=DEFAULT_DEADLINE_DAYS)
    if deadline < raised_on:
        errors.append(ValueRuleError("deadline", "不能早于提出日期", table=TABLE))
    try:
        category = RequestCategory.from_text(str(data.category))
    except ValueError as exc:
        errors.append(ValueRuleError("category", str(exc), table=TABLE))
    if errors:
        raise ValidationFailed(errors)
    get(session, Household, data.household_id)
    if data.resident_id and get(session, Resident, data.resident_id).household_id != data.household_id:
        raise ServiceError("提出诉求的居民不属于这一户")
    if data.source_visit_id:
        get(session, Visit, data.source_visit_id)
    request = ResidentRequest(household_id=data.household_id, resident_id=data.resident_id, raised_on=raised_on,
                              source_visit_id=data.source_visit_id, category=category, description=description,
                              status=S.RECEIVED, deadline=deadline)
    session.add(request)
    session.flush()
    steps.log(session, REQUESTS, request, None, S.RECEIVED, "受理", actor)
    return request


def advance(session: Session, request_id: int, target: RequestStatus | str, *, reason: str = "",
            dispatched_to: str = "", dispatch_target: DispatchTarget | str | None = None,
            feedback: str = "", rating: Rating | str | None = None, on: date | None = None,
            actor: str = "", comment: str = "", expected_version: int | None = None) -> ResidentRequest:
    """Move a request to `target`, asking for what that step needs; the change is kept in its history.
    `comment` (what the resident said at the follow-up, say) is kept in the history's note.

    The request's row is locked first (FOR UPDATE on a server; SQLite has one writer): two people
    pressing 派单 at once give one dispatch, and the second is told who dispatched it and when."""
    wanted = dict(dispatched_to=dispatched_to.strip(), feedback=feedback.strip(), rating=rating,
                  withdrawn_reason=reason.strip() if S.from_text(str(target)) == S.WITHDRAWN else "")
    request, target = steps.begin(session, REQUESTS, request_id, target, reason=reason,
                                  expected_version=expected_version,
                                  yours={key: value for key, value in wanted.items() if value})
    on = on or date.today()
    errors: list[ValueRuleError] = []
    if target == S.DISPATCHED or (target in (S.IN_PROGRESS, S.RESOLVED) and not request.dispatched_to):
        if dispatched_to.strip():
            request.dispatched_to = dispatched_to.strip()[:100]
            request.dispatch_target = DispatchTarget.from_text(str(dispatch_target)) if dispatch_target else None
        elif target == S.DISPATCHED:
            errors.append(ValueRuleError("dispatched_to", "派单时要写明派给谁"))
    if target == S.RESOLVED:
        if not feedback.strip():
            errors.append(ValueRuleError("feedback", "办结时要填写办理结果"))
        request.feedback, request.resolved_on = feedback.strip(), on
    if target == S.RATED:
        if not rating:
            errors.append(ValueRuleError("rating", "回访时要记录居民的评价"))
        else:
            request.rating, request.followed_up_on = Rating.from_text(str(rating)), on
    if target == S.WITHDRAWN:
        request.withdrawn_reason = reason.strip()
    if target == S.IN_PROGRESS and request.status in (S.RESOLVED, S.RATED):
        request.resolved_on, request.rating, request.followed_up_on = None, None, None
    if errors:
        raise ValidationFailed(errors)
    note = reason.strip() or feedback.strip() or dispatched_to.strip()
    note = "；".join(part for part in (note, comment.strip()) if part)
    return steps.finish(session, REQUESTS, request, target, note, actor)


def history(session: Session, request_id: int) -> list[RequestEvent]:
    query = select(RequestEvent).where(RequestEvent.request_id == request_id)
    return list(session.exec(query.order_by(RequestEvent.at, RequestEvent.id)))


def days_left(request: ResidentRequest, today: date) -> int | None:
    """Days until the deadline (negative when overdue); None once the request is closed."""
    if request.status not in OPEN_REQUEST_STATUSES:
        return None
    return (request.deadline - today).days


def is_overdue(request: ResidentRequest, today: date) -> bool:
    """Open past its deadline, or resolved after it."""
    if request.status in OPEN_REQUEST_STATUSES:
        return request.deadline < today
    return bool(request.resolved_on and request.resolved_on > request.deadline)


def list_requests(session: Session, *, scope: Scope = EVERYWHERE, statuses=None, start: date | None = None,
                  end: date | None = None, overdue_on: date | None = None, due_by: date | None = None,
                  limit: int | None = 1000) -> list[ResidentRequest]:
    """Requests by scope, status and the period they were raised in; `overdue_on` keeps open ones past deadline."""
    query = readable_scope(session, scope).apply(select(ResidentRequest).join(Household, Household.id == ResidentRequest.household_id))
    if statuses:
        query = query.where(ResidentRequest.status.in_([RequestStatus(s) for s in statuses]))
    if start:
        query = query.where(ResidentRequest.raised_on >= start)
    if end:
        query = query.where(ResidentRequest.raised_on < end)
    if overdue_on or due_by:
        query = query.where(ResidentRequest.status.in_(OPEN_REQUEST_STATUSES))
        query = query.where(ResidentRequest.deadline < overdue_on) if overdue_on else query.where(
            ResidentRequest.deadline <= due_by)
    query = query.order_by(ResidentRequest.deadline, ResidentRequest.id)
    return list(session.exec(query.limit(limit) if limit else query))


def household_requests(session: Session, household_id: int, limit: int | None = 200) -> list[ResidentRequest]:
    """One household's requests, newest first (the household window lists them)."""
    query = select(ResidentRequest).where(ResidentRequest.household_id == household_id)
    query = query.order_by(ResidentRequest.raised_on.desc(), ResidentRequest.id.desc())
    return list(session.exec(query.limit(limit) if limit else query))
