"""Turning a neighbour-dispute request (邻里纠纷诉求) into a dispute that is mediated, keeping its history."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridkeeper.domain.dispute_flow import DisputeKind, DisputeRisk, DisputeSource
from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES, RequestCategory, RequestStatus, label_of
from gridkeeper.services import requests
from gridkeeper.services.disputes import DisputeInput, PartyInput, create_dispute
from gridkeeper.services.errors import NotFound, ServiceError
from gridkeeper.storage.dispute_models import Dispute
from gridkeeper.storage.models import ResidentRequest

HANDED_TO = "矛盾纠纷调解"


def dispute_of_request(session: Session, request_id: int) -> Dispute | None:
    """The dispute a request was turned into, if it was."""
    return session.exec(select(Dispute).where(Dispute.source_request_id == request_id)).first()


def can_become_dispute(request: ResidentRequest) -> bool:
    """Only an open request of category 邻里纠纷 is offered 转为矛盾纠纷."""
    return request.category == RequestCategory.DISPUTE and request.status in OPEN_REQUEST_STATUSES


def dispute_from_request(session: Session, request_id: int, *, kind: DisputeKind | str = DisputeKind.NEIGHBOUR,
                         risk: DisputeRisk | str = DisputeRisk.LOW, found_by: str = "",
                         other_parties: list[PartyInput] | None = None, today: date | None = None,
                         actor: str = "") -> Dispute:
    """Register the dispute a request describes and close the request as handed over to mediation.

    The dispute starts on the day the request was raised, with the resident (or household) who raised
    it as a party, and links back to the request: the request's steps stay readable from the dispute
    (dispute_lists.history). The request is marked 已办结 with the dispute's number as its feedback,
    so it leaves the overdue lists and its follow-up rating still happens as for any request."""
    request = session.get(ResidentRequest, request_id)
    if request is None:
        raise NotFound(f"找不到诉求 #{request_id}")
    if request.category != RequestCategory.DISPUTE:
        raise ServiceError(f"只有“邻里纠纷”类诉求可以转为矛盾纠纷；这条是“{label_of(RequestCategory, request.category)}”")
    existing = dispute_of_request(session, request_id)
    if existing is not None:
        raise ServiceError(f"这条诉求已转为矛盾纠纷 #{existing.id}")
    if request.status not in OPEN_REQUEST_STATUSES:
        raise ServiceError(f"诉求已“{label_of(RequestStatus, request.status)}”，不能再转为矛盾纠纷；"
                           "如纠纷仍在，请在矛盾纠纷中直接登记")
    first = PartyInput(resident_id=request.resident_id) if request.resident_id else PartyInput(
        household_id=request.household_id)
    data = DisputeInput(subject=_subject(request.description), details=request.description, kind=kind, risk=risk,
                        source=DisputeSource.REQUEST, found_on=request.raised_on, found_by=found_by,
                        household_id=request.household_id, parties=[first, *(other_parties or [])])
    dispute = create_dispute(session, data, today=today, actor=actor, source_request_id=request.id)
    feedback = f"已转为矛盾纠纷 #{dispute.id}，由网格调解"
    requests.advance(session, request.id, RequestStatus.RESOLVED, reason=feedback, feedback=feedback,
                     dispatched_to=request.dispatched_to or HANDED_TO, on=today or date.today(), actor=actor)
    return dispute


def _subject(description: str) -> str:
    """The request's first line (or sentence), short enough for a ledger cell."""
    text = " ".join((description or "").split())
    for stop in ("。", "；", "\n"):
        head, sep, _ = text.partition(stop)
        if sep and head:
            text = head
            break
    return text[:60] or "邻里纠纷"
