"""Disputes (矛盾纠纷排查化解): register one with its parties, mediate, record the outcome, follow up, close."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select, update

from gridkeeper.domain import dispute_flow as flow
from gridkeeper.domain.dispute_flow import (
    DisputeKind,
    DisputeOutcome,
    DisputeRisk,
    DisputeSource,
    DisputeStatus,
    DisputeTransitionError,
)
from gridkeeper.domain.enums import RequestStatus, label_of
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.fields import field_label, item_field
from gridkeeper.domain.idnumber import parse_id_number
from gridkeeper.domain.names import clean_name
from gridkeeper.domain.phone import normalize_phone
from gridkeeper.services.addresses import summaries
from gridkeeper.services import steps
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import NotFound, ServiceError, ValidationFailed
from gridkeeper.services.geography import get
from gridkeeper.services.settings import get_setting, set_setting
from gridkeeper.storage.dispute_models import Dispute, DisputeEvent, DisputeParty, MediationSession
from gridkeeper.storage.models import Building, Grid, Household, RequestEvent, Resident, Unit, Visit
from gridkeeper.storage.portable_sql import one_of

S, O = DisputeStatus, DisputeOutcome
DISPUTES = steps.Register(Dispute, DisputeEvent, "dispute_id", "矛盾纠纷", DisputeStatus, flow.check_transition,
                          DisputeTransitionError)
FOLLOW_UP_DAYS_KEY = "dispute_follow_up_days"
TABLE, PARTY, SESSION = "dispute", "dispute_party", "mediation_session"  # where a name reads its own way
FOLLOW_UP_HELD, FOLLOW_UP_FAILED = "回访：协议履行良好", "回访：协议未履行"  # how a follow-up step's note begins
RISK_CHANGED = "风险等级："  # how the note of a risk correction begins: 风险等级：低 → 高


@dataclass
class PartyInput:
    """A party: a resident (name and phone taken from the register), a household (its head), or
    someone from outside the community (name required, phone/ID/address as known)."""

    name: str = ""
    resident_id: int | None = None
    household_id: int | None = None
    phone: str = ""
    id_number: str = ""
    address: str = ""


@dataclass
class DisputeInput:
    subject: str
    parties: list[PartyInput] = field(default_factory=list)
    kind: DisputeKind | str = DisputeKind.NEIGHBOUR
    risk: DisputeRisk | str = DisputeRisk.LOW
    source: DisputeSource | str = DisputeSource.REPORTED
    found_on: date | None = None
    found_by: str = ""
    details: str = ""
    grid_id: int | None = None  # defaults to the grid of the first party's household
    household_id: int | None = None  # where it happened; defaults to the first party's household
    source_visit_id: int | None = None


def _choice(enum, value, field: str, errors: list[ValueRuleError]):
    try:
        return enum.from_text(str(value))
    except ValueError:
        shown = field_label(field, TABLE)
        errors.append(ValueRuleError(field, f"“{value}”不是可选的{shown}（可选：{'、'.join(enum.labels())}）", TABLE))
        return None


def _date_not_future(value: date, field: str, today: date, errors: list[ValueRuleError], table: str = TABLE) -> None:
    if value > today:
        errors.append(ValueRuleError(field, "不能晚于今天", table))


def _party(session: Session, data: PartyInput, number: int, today: date, errors: list[ValueRuleError]) -> DisputeParty | None:
    """The party row for `data` (None, with the reasons in `errors`, when it cannot be saved); its errors are
    keyed parties.N (who it is), parties.N.phone, parties.N.id_number: 当事人N, 当事人N电话, 当事人N身份证号."""
    if data.resident_id:
        resident = get(session, Resident, data.resident_id)
        place = summaries(session, [resident.household_id])
        return DisputeParty(resident_id=resident.id, household_id=resident.household_id, name=resident.name,
                            phone=resident.phone, address=place[0].address if place else "")
    if data.household_id:
        place = summaries(session, [get(session, Household, data.household_id).id])[0]
        name = clean_name(data.name) or place.head_name or f"{place.short_address}住户"
        return DisputeParty(household_id=data.household_id, name=name, phone=place.head_phone or place.phone,
                            address=place.address)
    name = clean_name(data.name)
    if not name:
        errors.append(ValueRuleError(item_field("parties", number), "请填写姓名，或选择社区里的居民、住户", PARTY))
        return None
    party = DisputeParty(name=name[:100], address=(data.address or "").strip()[:200])
    try:
        party.phone = normalize_phone(data.phone or "", field="phone")
    except ValueRuleError as exc:
        errors.append(ValueRuleError(item_field("parties", number, "phone"), exc.reason, PARTY))
    if (data.id_number or "").strip():
        try:
            party.id_number = parse_id_number(data.id_number, today=today, field="id_number").number
        except ValueRuleError as exc:
            errors.append(ValueRuleError(item_field("parties", number, "id_number"), exc.reason, PARTY))
    return party


def create_dispute(session: Session, data: DisputeInput, *, today: date | None = None, actor: str = "",
                   source_request_id: int | None = None) -> Dispute:
    """Register a dispute; every field problem is reported at once (纠纷事由：不能为空 …)."""
    today = today or date.today()
    errors: list[ValueRuleError] = []
    subject = " ".join((data.subject or "").split())
    if not subject:
        errors.append(ValueRuleError("subject", "不能为空"))
    elif len(subject) > 200:
        errors.append(ValueRuleError("subject", f"最多200字（现在{len(subject)}字），详情请写在“情况描述”里"))
    kind = _choice(DisputeKind, data.kind, "kind", errors)
    risk = _choice(DisputeRisk, data.risk, "risk", errors)
    source = _choice(DisputeSource, data.source, "source", errors)
    found_on = data.found_on or today
    _date_not_future(found_on, "found_on", today, errors)
    if not data.parties:
        errors.append(ValueRuleError("parties", "至少登记一位当事人"))
    parties = [_party(session, p, i, today, errors) for i, p in enumerate(data.parties, start=1)]
    if data.source_visit_id:
        visit = get(session, Visit, data.source_visit_id)
        if visit.visited_on > found_on:
            errors.append(ValueRuleError("found_on", "不能早于发现它的那次走访"))
    household_id = data.household_id or next((p.household_id for p in parties if p and p.household_id), None)
    grid_id = data.grid_id or _grid_of_household(session, household_id)
    if grid_id is None:
        errors.append(ValueRuleError("grid_id", "当事人都不是本社区住户时，请选择纠纷所在的网格", TABLE))
    if errors:
        raise ValidationFailed(errors)
    get(session, Grid, grid_id)
    dispute = Dispute(grid_id=grid_id, household_id=household_id, kind=kind, subject=subject,
                      details=(data.details or "").strip(), risk=risk, source=source,
                      source_visit_id=data.source_visit_id, source_request_id=source_request_id,
                      found_on=found_on, found_by=clean_name(data.found_by)[:50], status=S.REGISTERED,
                      last_step_on=found_on)
    session.add(dispute)
    session.flush()
    for party in parties:
        party.dispute_id = dispute.id
        session.add(party)
    _log(session, dispute, None, S.REGISTERED, f"登记（{source.label}）", actor, step_on=found_on)
    session.flush()
    return dispute


def _grid_of_household(session: Session, household_id: int | None) -> int | None:
    if household_id is None:
        return None
    grid_id = session.exec(select(Building.grid_id).join(Unit, Unit.building_id == Building.id)
                           .join(Household, Household.unit_id == Unit.id).where(Household.id == household_id)).first()
    if grid_id is None:
        raise NotFound(f"找不到住户 #{household_id}")
    return grid_id


def _log(session: Session, dispute: Dispute, old, new, note: str, actor: str, **more) -> None:
    """A row of the dispute's history; `step_on`: the day the step happened (a past month's ledger reads it)."""
    steps.log(session, DISPUTES, dispute, old, new, note, actor, **more)


def _locked(session: Session, dispute_id: int) -> Dispute:
    return steps.locked(session, DISPUTES, dispute_id)


def _move(session: Session, dispute: Dispute, target: DisputeStatus, note: str, actor: str, *,
          reason: str = "", **more) -> None:
    """One step (a dispute's steps come with sessions, outcomes and follow-ups: they check its version first);
    `more`: the history row's step_on (the day it happened) and, for an outcome, the outcome."""
    try:
        flow.check_transition(S(dispute.status), target, reason=reason)
    except DisputeTransitionError as exc:
        raise ServiceError(str(exc)) from exc
    steps.finish(session, DISPUTES, dispute, target, note, actor, **more)


def update_dispute(session: Session, dispute_id: int, *, subject: str, kind, risk, details: str = "",
                   expected_version: int | None = None, actor: str = "", today: date | None = None) -> Dispute:
    """Correct what a dispute is about, its kind and its risk (e.g. the risk rises after a quarrel)."""
    dispute = _locked(session, dispute_id)
    check_version(session, dispute, expected_version,  # yours: both versions side by side in the window
                  yours=dict(subject=" ".join((subject or "").split()), kind=kind, risk=risk,
                             details=(details or "").strip()))
    errors: list[ValueRuleError] = []
    subject = " ".join((subject or "").split())
    if not subject:
        errors.append(ValueRuleError("subject", "不能为空"))
    elif len(subject) > 200:
        errors.append(ValueRuleError("subject", f"最多200字（现在{len(subject)}字）"))
    new_kind = _choice(DisputeKind, kind, "kind", errors)
    new_risk = _choice(DisputeRisk, risk, "risk", errors)
    if errors:
        raise ValidationFailed(errors)
    if new_risk != dispute.risk:
        _log(session, dispute, dispute.status, dispute.status,
             f"{RISK_CHANGED}{label_of(DisputeRisk, dispute.risk)} → {new_risk.label}", actor,
             step_on=today or date.today())
    dispute.subject, dispute.kind, dispute.risk, dispute.details = subject, new_kind, new_risk, details.strip()
    session.add(dispute)
    session.flush()
    return dispute


def add_party(session: Session, dispute_id: int, data: PartyInput, *, today: date | None = None,
              actor: str = "") -> DisputeParty:
    """Add a party to a dispute already registered; the step is kept in the dispute's history."""
    dispute = _locked(session, dispute_id)
    errors: list[ValueRuleError] = []
    count = len(parties(session, dispute_id))
    party = _party(session, data, count + 1, today or date.today(), errors)
    if errors:
        raise ValidationFailed(errors)
    party.dispute_id = dispute.id
    session.add(party)
    _log(session, dispute, dispute.status, dispute.status, f"添加当事人：{party.name}", actor)
    session.flush()
    return party


def remove_party(session: Session, party_id: int, *, reason: str = "", actor: str = "",
                 expected_version: int | None = None) -> Dispute:
    """Take a party off a dispute (added by mistake, or not part of it after all): a dispute keeps at least
    one party, and the removal (who, and why when given) stays in its history; the row's deletion is audited."""
    party = get(session, DisputeParty, party_id)
    dispute = _locked(session, party.dispute_id)
    check_version(session, dispute, expected_version)
    if len(parties(session, dispute.id)) <= 1:
        raise ServiceError("纠纷至少要有一位当事人：请先添加另一位，再删除这一位")
    reason = " ".join((reason or "").split())[:200]
    _log(session, dispute, dispute.status, dispute.status,
         f"移除当事人：{party.name}" + (f"（{reason}）" if reason else ""), actor)
    session.delete(party)
    session.flush()
    return dispute


def add_session(session: Session, dispute_id: int, *, held_on: date, mediators: str, agreed: str = "",
                notes: str = "", today: date | None = None, actor: str = "") -> MediationSession:
    """Record a mediation session; the first one moves the dispute from 待调解 to 调解中."""
    today = today or date.today()
    dispute = _locked(session, dispute_id)
    if dispute.status not in flow.OPEN_DISPUTE_STATUSES:
        raise ServiceError(f"纠纷已“{label_of(DisputeStatus, dispute.status)}”，要继续调解请先“重新调解”并说明原因")
    errors: list[ValueRuleError] = []
    mediators = "、".join(clean_name(m) for m in mediators.replace(",", "、").replace("，", "、").split("、")
                         if clean_name(m))
    if not mediators:
        errors.append(ValueRuleError("mediators", "请填写主持调解的人（多人用“、”分开）"))
    elif len(mediators) > 200:
        errors.append(ValueRuleError("mediators", "最多200字"))
    _date_not_future(held_on, "held_on", today, errors, SESSION)
    if held_on < dispute.found_on:
        errors.append(ValueRuleError("held_on", f"不能早于发现日期 {dispute.found_on.isoformat()}", SESSION))
    if errors:
        raise ValidationFailed(errors)
    record = MediationSession(dispute_id=dispute.id, held_on=held_on, mediators=mediators,
                              agreed=agreed.strip(), notes=notes.strip())
    session.add(record)
    note = f"{held_on.isoformat()} 调解（{mediators}）" + (f"：{agreed.strip()}" if agreed.strip() else "")
    if dispute.status == S.REGISTERED:
        _move(session, dispute, S.MEDIATING, note, actor, step_on=held_on)
    else:
        _log(session, dispute, dispute.status, dispute.status, note, actor, step_on=held_on)
    dispute.last_step_on = max(dispute.last_step_on, held_on)
    session.add(dispute)
    session.flush()
    return record


def follow_up_days(session: Session) -> int:
    """Days from an agreement to its follow-up visit (a setting; 15 when never set)."""
    raw = get_setting(session, FOLLOW_UP_DAYS_KEY)
    return int(raw) if raw.isdigit() and int(raw) > 0 else flow.DEFAULT_FOLLOW_UP_DAYS


def set_follow_up_days(session: Session, days: int) -> None:
    if not 1 <= int(days) <= 180:
        raise ValidationFailed([ValueRuleError("follow_up_days", "应为1到180天")])
    set_setting(session, FOLLOW_UP_DAYS_KEY, str(int(days)))


def record_outcome(session: Session, dispute_id: int, outcome: DisputeOutcome | str, *, on: date,
                   referred_to: str = "", note: str = "", follow_up_due: date | None = None,
                   today: date | None = None, actor: str = "", expected_version: int | None = None) -> Dispute:
    """Record how mediation ended: an agreement waits for its follow-up visit, a referral names the
    department, a failure says what happens next and closes the dispute."""
    today = today or date.today()
    dispute = _locked(session, dispute_id)
    check_version(session, dispute, expected_version, yours=dict(
        outcome=outcome, outcome_on=on, referred_to=referred_to, outcome_note=note, follow_up_due=follow_up_due))
    errors: list[ValueRuleError] = []
    outcome = _choice(DisputeOutcome, outcome, "outcome", errors)
    _date_not_future(on, "outcome_on", today, errors)
    if on < dispute.last_step_on:
        errors.append(ValueRuleError("outcome_on", f"不能早于最近一次调解或发现日期 {dispute.last_step_on.isoformat()}"))
    referred_to, note = referred_to.strip(), note.strip()
    if outcome == O.REFERRED and not referred_to:
        errors.append(ValueRuleError("referred_to", "转交相关部门时要写明转交给谁（如街道综治中心、派出所、劳动监察）"))
    if outcome == O.FAILED and not note:
        errors.append(ValueRuleError("outcome_note", "调解未成功时要写明后续去向（如引导当事人申请仲裁或诉讼）"))
    if outcome in (O.SUCCESS, O.PARTIAL) and not sessions(session, dispute.id):
        errors.append(ValueRuleError("outcome", "还没有调解记录：请先登记调解的日期、调解人和达成的内容"))
    if follow_up_due is not None and follow_up_due < on:
        errors.append(ValueRuleError("follow_up_due", "不能早于结果日期"))
    if errors:
        raise ValidationFailed(errors)
    target = flow.status_after_outcome(outcome)
    text = outcome.label + (f"：{referred_to}" if referred_to else "") + (f"（{note}）" if note else "")
    _move(session, dispute, target, text, actor, reason=note or referred_to, step_on=on, outcome=outcome)
    dispute.outcome, dispute.outcome_on, dispute.outcome_note = outcome, on, note
    dispute.referred_to = referred_to[:100] if outcome == O.REFERRED else ""
    dispute.last_step_on = max(dispute.last_step_on, on)
    if target == S.CLOSED:
        dispute.closed_on, dispute.follow_up_due = on, None
    else:
        dispute.follow_up_due = follow_up_due or on + timedelta(days=follow_up_days(session))
    session.add(dispute)
    session.flush()
    return dispute


def record_follow_up(session: Session, dispute_id: int, *, on: date, held: bool, note: str = "",
                     today: date | None = None, actor: str = "", expected_version: int | None = None) -> Dispute:
    """The follow-up visit: the agreement held (or the department settled it) → 已结案; it did not →
    调解中 again, with what went wrong."""
    today = today or date.today()
    dispute = _locked(session, dispute_id)
    check_version(session, dispute, expected_version,
                  yours=dict(followed_up_on=on, follow_up_held=held, follow_up_note=note))
    if dispute.status not in flow.FOLLOW_UP_STATUSES:
        raise ServiceError(f"“{label_of(DisputeStatus, dispute.status)}”的纠纷不需要回访：先记录调解结果")
    errors: list[ValueRuleError] = []
    _date_not_future(on, "followed_up_on", today, errors)
    if dispute.outcome_on and on < dispute.outcome_on:
        errors.append(ValueRuleError("followed_up_on", f"不能早于调解结果日期 {dispute.outcome_on.isoformat()}"))
    note = note.strip()
    if not held and not note:
        errors.append(ValueRuleError("follow_up_note", "协议没有履行时要写明情况，纠纷将重新调解"))
    if errors:
        raise ValidationFailed(errors)
    text = (FOLLOW_UP_HELD if held else FOLLOW_UP_FAILED) + (f"（{note}）" if note else "")
    dispute.followed_up_on, dispute.follow_up_held, dispute.follow_up_note = on, held, note
    if held:
        _move(session, dispute, S.CLOSED, text, actor, step_on=on)
        dispute.closed_on = on
    else:
        _move(session, dispute, S.MEDIATING, text, actor, reason=note, step_on=on)
        dispute.outcome, dispute.outcome_on, dispute.follow_up_due, dispute.closed_on = None, None, None, None
    dispute.last_step_on = max(dispute.last_step_on, on)
    session.add(dispute)
    session.flush()
    return dispute


def close_dispute(session: Session, dispute_id: int, *, on: date, reason: str, today: date | None = None,
                  actor: str = "", expected_version: int | None = None) -> Dispute:
    """Close a dispute without the usual steps (the parties settled it themselves), with the reason."""
    today = today or date.today()
    dispute = _locked(session, dispute_id)
    check_version(session, dispute, expected_version, yours=dict(status=S.CLOSED, closed_on=on))
    errors: list[ValueRuleError] = []
    _date_not_future(on, "closed_on", today, errors)
    if on < dispute.found_on:
        errors.append(ValueRuleError("closed_on", f"不能早于发现日期 {dispute.found_on.isoformat()}", TABLE))
    if not reason.strip():
        errors.append(ValueRuleError("closing_reason", "请写明为什么结案"))
    if errors:
        raise ValidationFailed(errors)
    _move(session, dispute, S.CLOSED, f"结案：{reason.strip()}", actor, reason=reason, step_on=on)
    dispute.closed_on, dispute.follow_up_due = on, None
    session.add(dispute)
    session.flush()
    return dispute


def reopen_dispute(session: Session, dispute_id: int, *, reason: str, on: date | None = None, actor: str = "",
                   expected_version: int | None = None) -> Dispute:
    """Back to 调解中 after an outcome or closing (the quarrel flared up again), with the reason."""
    dispute = _locked(session, dispute_id)
    check_version(session, dispute, expected_version, yours=dict(status=S.MEDIATING))
    if not reason.strip():
        raise ValidationFailed([ValueRuleError("reopen_reason", "请说明为什么重新调解")])
    _move(session, dispute, S.MEDIATING, f"重新调解：{reason.strip()}", actor, reason=reason, step_on=on or date.today())
    dispute.outcome, dispute.outcome_on, dispute.referred_to, dispute.outcome_note = None, None, "", ""
    dispute.follow_up_due, dispute.closed_on = None, None
    dispute.last_step_on = max(dispute.last_step_on, on or date.today())
    session.add(dispute)
    session.flush()
    return dispute


def parties(session: Session, dispute_id: int) -> list[DisputeParty]:
    return list(session.exec(select(DisputeParty).where(DisputeParty.dispute_id == dispute_id)
                             .order_by(DisputeParty.id)))


def sessions(session: Session, dispute_id: int) -> list[MediationSession]:
    query = select(MediationSession).where(MediationSession.dispute_id == dispute_id)
    return list(session.exec(query.order_by(MediationSession.held_on, MediationSession.id)))


def detach_resident(session: Session, resident_id: int) -> None:
    """A resident leaves the register: their party lines keep the copied name and phone."""
    session.exec(update(DisputeParty).where(DisputeParty.resident_id == resident_id).values(resident_id=None))


def detach_household(session: Session, household_id: int, request_ids: list[int], visit_ids: list[int]) -> None:
    """Before a household goes to the recycle bin: disputes keep their parties (names were copied) and
    the steps of a request they came from (copied into the dispute's own history, marked 原诉求)."""
    for dispute in session.exec(select(Dispute).where(one_of(Dispute.source_request_id, request_ids))):
        for event in session.exec(select(RequestEvent).where(RequestEvent.request_id == dispute.source_request_id)
                                  .order_by(RequestEvent.at, RequestEvent.id)):
            step = f"{label_of(RequestStatus, event.from_status) or '新'}→{label_of(RequestStatus, event.to_status)}"
            session.add(DisputeEvent(dispute_id=dispute.id, at=event.at, from_status=dispute.status,
                                     to_status=dispute.status, actor=event.actor,
                                     note=f"原诉求 #{dispute.source_request_id} {step}" + (f"：{event.note}" if event.note else "")))
        dispute.source_request_id = None
        session.add(dispute)
    session.flush()
    session.exec(update(Dispute).where(Dispute.household_id == household_id).values(household_id=None))
    if visit_ids:
        session.exec(update(Dispute).where(one_of(Dispute.source_visit_id, visit_ids)).values(source_visit_id=None))
    session.exec(update(DisputeParty).where(DisputeParty.household_id == household_id)
                 .values(household_id=None, resident_id=None))
