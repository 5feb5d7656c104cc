"""安全隐患排查整改台账: every hazard found in the month, or found earlier and still open during it — where,
what, level, deadline, status, rectified on, days taken, overdue mark — with totals."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, select

from gridkeeper.domain.enums import label_of
from gridkeeper.domain.hazards import HazardLevel, HazardStatus
from gridkeeper.reports.ledger_data import LedgerColumn, LedgerData, Period, Privacy, Where, iso
from gridkeeper.services.hazards import days_taken, is_overdue, where_found
from gridkeeper.services.safety_places import scoped
from gridkeeper.services.visibility import readable_scope
from gridkeeper.storage.hazard_models import SafetyHazard

COLUMNS = (
    LedgerColumn("序号", 11, centre=True), LedgerColumn("场所 / 地点", 48, wrap=True),
    LedgerColumn("隐患情况", 62, wrap=True), LedgerColumn("发现日期", 21, centre=True), LedgerColumn("等级", 12, centre=True),
    LedgerColumn("整改期限", 21, centre=True), LedgerColumn("责任人及电话", 32, wrap=True), LedgerColumn("状态", 24, wrap=True),
    LedgerColumn("整改日期", 21, centre=True), LedgerColumn("用时(天)", 14, centre=True),
    LedgerColumn("超期", 11, centre=True),
)


def hazards_in(session: Session, place: Where, period: Period) -> list[SafetyHazard]:
    """Hazards found in the period, and those found before it that were not yet closed when it began."""
    query = scoped(select(SafetyHazard), SafetyHazard, readable_scope(session, place.scope))
    query = query.where(SafetyHazard.found_on < period.end,
                        or_(SafetyHazard.found_on >= period.start, SafetyHazard.closed_on.is_(None),
                            SafetyHazard.closed_on >= period.start))
    return list(session.exec(query.order_by(SafetyHazard.found_on, SafetyHazard.id)))


def hazards_ledger(session: Session, place: Where, period: Period, privacy: Privacy, today: date) -> LedgerData:
    hazards = hazards_in(session, place, period)
    where = where_found(session, hazards)
    rows = []
    for n, h in enumerate(hazards, 1):
        what = "：".join(p for p in (h.item, privacy.text(h.description)) if p)
        who = " ".join(p for p in (h.responsible_person, privacy.phone(h.responsible_phone)) if p)
        status = label_of(HazardStatus, h.status)
        if h.status == HazardStatus.ESCALATED and h.escalated_to:
            status = f"{status}（{h.escalated_to}）"
        taken = days_taken(h)
        rows.append([n, where.get(h.id, ""), what, iso(h.found_on), label_of(HazardLevel, h.level), iso(h.deadline),
                     who, status, iso(h.rectified_on), "" if taken is None else taken,
                     "超期" if is_overdue(h, today) else ""])
    return LedgerData("hazards", place.title("hazards", period.label), place.unit, period.span, COLUMNS, rows,
                      totals=[hazard_totals(hazards, today, period)])


def hazard_totals(hazards: list[SafetyHazard], today: date, period: Period) -> list:
    """排查隐患 N 条（一般 a、较大 b、重大 c），已整改 r 条（按期 t，按期整改率 x%），超期未整改 o 条，上报 e 条."""
    levels = {level: sum(1 for h in hazards if h.level == level) for level in HazardLevel}
    found = sum(1 for h in hazards if h.found_on >= period.start)
    rectified = [h for h in hazards if h.rectified_on]
    on_time = sum(1 for h in rectified if h.rectified_on <= h.deadline)
    overdue = sum(1 for h in hazards if h.rectified_on is None and is_overdue(h, today))
    escalated = sum(1 for h in hazards if h.escalated_on)
    rate = f"{100 * on_time / len(rectified):.1f}%" if rectified else "—"
    text = (f"共 {len(hazards)} 条（本月发现 {found} 条；"
            f"{'、'.join(f'{level.label} {levels[level]}' for level in HazardLevel)}），"
            f"已整改 {len(rectified)} 条，其中按期 {on_time} 条（按期整改率 {rate}），"
            f"超期未整改 {overdue} 条，上报街道/消防 {escalated} 条")
    return ["合计", "", text] + [""] * (len(COLUMNS) - 3)
