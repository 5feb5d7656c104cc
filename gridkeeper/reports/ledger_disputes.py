"""矛盾纠纷排查化解台账: the disputes of a month (found in it, or carried over still open), masked like every ledger."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlmodel import Session

from gridkeeper.domain.dispute_flow import DisputeKind, DisputeOutcome, DisputeRisk, DisputeSource, DisputeStatus
from gridkeeper.domain.enums import label_of
from gridkeeper.reports.ledger_data import LedgerColumn, LedgerData, Period, Privacy, Where, iso
from gridkeeper.services.dispute_lists import live_in, parties_of, sessions_of
from gridkeeper.services.dispute_states import DisputeState, states_on
from gridkeeper.storage.dispute_models import Dispute, DisputeParty, MediationSession

O = DisputeOutcome
# 273 mm: the landscape page's table width
COLUMNS = (
    LedgerColumn("序号", 10, centre=True), LedgerColumn("发现日期", 20, centre=True), LedgerColumn("发现途径", 22, wrap=True),
    LedgerColumn("当事人", 40, wrap=True), LedgerColumn("纠纷类型", 16, centre=True), LedgerColumn("纠纷事由", 40, wrap=True),
    LedgerColumn("风险等级", 15, centre=True), LedgerColumn("调解情况", 42, wrap=True), LedgerColumn("调解结果", 24, wrap=True),
    LedgerColumn("结案日期", 20, centre=True), LedgerColumn("回访情况", 24, wrap=True),
)


def disputes_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    """One line a dispute: who, what, how risky, each session, the outcome, when closed, the follow-up — as
    they stood at the period's end for a past period (read back from each dispute's history), as they stand
    today for the current one."""
    as_of = period.as_of(today)
    listed = live_in(session, start=period.start, end=period.end, scope=place.scope)
    states = {d.id: DisputeState.of(d) for d in listed} if as_of >= today else states_on(session, listed, as_of)
    # carried over only while still open at the period's start (a later reopening does not bring it back)
    disputes = [d for d in listed if d.id in states and not (
        d.found_on < period.start and states[d.id].closed_on and states[d.id].closed_on < period.start)]
    ids = [d.id for d in disputes]
    parties, sessions = parties_of(session, ids), sessions_of(session, ids)
    rows = [[n, iso(d.found_on), _found(d, period), _parties(parties.get(d.id, []), privacy),
             label_of(DisputeKind, d.kind), privacy.text(d.subject), label_of(DisputeRisk, states[d.id].risk),
             _sessions([s for s in sessions.get(d.id, []) if s.held_on <= as_of], privacy),
             _outcome(states[d.id], privacy), iso(states[d.id].closed_on), _follow_up(states[d.id], as_of)]
            for n, d in enumerate(disputes, 1)]
    return LedgerData("disputes", place.title("disputes", period.label), place.unit, period.span, COLUMNS, rows,
                      totals=[_totals(disputes, states, period)])


def _found(dispute: Dispute, period: Period) -> str:
    how = label_of(DisputeSource, dispute.source)
    who = f"\n{dispute.found_by}" if dispute.found_by else ""
    carried = "\n（往期结转）" if dispute.found_on < period.start else ""
    return f"{how}{who}{carried}"


def _parties(parties: list[DisputeParty], privacy: Privacy) -> str:
    """One party a line: name and masked phone (ID number, for someone from outside, masked too)."""
    lines = []
    for party in parties:
        numbers = [privacy.phone(party.phone)] if party.phone else []
        numbers += [privacy.id_number(party.id_number)] if party.id_number else []
        gap = "\n" if len(party.name) > 4 else " "  # a long name (张三（租客）): its numbers on a line of their own
        lines.append(party.name + (gap + " ".join(numbers) if numbers else ""))
    return "\n".join(lines)


def _sessions(sessions: list[MediationSession], privacy: Privacy) -> str:
    """Every session: its date, mediators and what was agreed."""
    if not sessions:
        return "未调解"
    lines = []
    for record in sessions:
        agreed = f"：{privacy.text(record.agreed)}" if record.agreed else ""
        lines.append(f"{record.held_on.month}月{record.held_on.day}日 {record.mediators}{agreed}")
    return "\n".join(lines)


def _outcome(dispute: DisputeState, privacy: Privacy) -> str:
    if not dispute.outcome:
        return label_of(DisputeStatus, dispute.status)
    text = label_of(DisputeOutcome, dispute.outcome)
    if dispute.referred_to:
        text += f"\n（{privacy.text(dispute.referred_to)}）"
    elif dispute.outcome == O.FAILED and dispute.outcome_note:
        text += f"\n{privacy.text(dispute.outcome_note)}"
    return text


def _follow_up(dispute: DisputeState, today: date) -> str:
    if dispute.followed_up_on:
        if dispute.outcome == O.REFERRED:
            held = "部门已处理" if dispute.follow_up_held else "未处理，重新调解"
        else:
            held = "协议履行" if dispute.follow_up_held else "未履行，重新调解"
        return f"{iso(dispute.followed_up_on)}\n{held}"
    if dispute.follow_up_due:
        late = "\n已超期" if dispute.follow_up_due < today else ""
        return f"应回访：\n{iso(dispute.follow_up_due)}{late}"
    return ""


def _totals(disputes: list[Dispute], states: dict[int, DisputeState], period: Period) -> list:
    """共 N 件（本月新发现 a 件）, each outcome's count, 未结案 and 化解率 (agreements over disputes with an outcome),
    as they stood at the period's end."""
    new = sum(1 for d in disputes if d.found_on >= period.start)
    outcomes = Counter(states[d.id].outcome for d in disputes if states[d.id].outcome)
    decided = sum(outcomes.values())
    settled = outcomes[O.SUCCESS] + outcomes[O.PARTIAL]
    rate = f"{100 * settled / decided:.1f}%" if decided else "—"
    unfinished = sum(1 for d in disputes if states[d.id].status != DisputeStatus.CLOSED)
    row = ["合计"] + [""] * (len(COLUMNS) - 1)
    row[3] = f"共 {len(disputes)} 件\n本月新发现 {new} 件"
    row[5] = (f"调解成功 {outcomes[O.SUCCESS]} 件，部分达成 {outcomes[O.PARTIAL]} 件，"
              f"转交相关部门 {outcomes[O.REFERRED]} 件，未成功 {outcomes[O.FAILED]} 件")
    row[7] = f"未结案 {unfinished} 件\n化解率 {rate}（调解成功与部分达成占已有结果的比例）"
    return row
