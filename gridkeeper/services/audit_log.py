"""Reading and exporting the audit trail: who changed what, when, before and after."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, func, select

from gridkeeper.domain.cell_text import csv_row
from gridkeeper.domain.free_text import mask_numbers_in_text
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.storage import audit, outputs
from gridkeeper.storage.models import AuditEntry

ENTITY_LABELS = audit.ENTITY_LABELS
COLUMNS = ["时间", "操作人", "操作", "对象", "编号", "说明", "修改前", "修改后"]
_ID_KEYS, _PHONE_KEYS = {"id_number", "id_reversed", "head_id_number"}, {"phone", "person_phone", "head_phone"}


@dataclass
class AuditFilter:
    actor: str = ""
    action: str = ""
    entity: str = ""
    start: date | None = None
    end: date | None = None  # inclusive


@dataclass
class AuditRow:
    id: int
    at: str  # local time, "2026-11-22 09:30:05"
    actor: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: str
    summary: str
    before: str
    after: str


def _local(at: str) -> str:
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


def _masked(text: str) -> str:
    """Before/after JSON with ID numbers and phones masked (the default everywhere)."""
    if not text:
        return ""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if isinstance(data, dict):
        data = {k: mask_id_number(v) if k in _ID_KEYS and isinstance(v, str) and v else
                mask_phone(v) if k in _PHONE_KEYS and isinstance(v, str) and v else
                mask_numbers_in_text(v) if isinstance(v, str) else v for k, v in data.items()}
    elif isinstance(data, str):
        data = mask_numbers_in_text(data)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _query(filters: AuditFilter):
    query = select(AuditEntry)
    if filters.actor:
        query = query.where(AuditEntry.actor == filters.actor)
    if filters.action:
        query = query.where(AuditEntry.action == filters.action)
    if filters.entity:
        query = query.where(AuditEntry.entity == filters.entity)
    if filters.start:
        query = query.where(AuditEntry.at >= _utc_text(filters.start))
    if filters.end:
        query = query.where(AuditEntry.at < _utc_text(filters.end + timedelta(days=1)))
    return query


def _utc_text(day: date) -> str:
    from datetime import UTC

    return datetime(day.year, day.month, day.day).astimezone().astimezone(UTC).isoformat(timespec="microseconds")


def _row(entry: AuditEntry, full: bool) -> AuditRow:
    show = (lambda t: t) if full else _masked
    return AuditRow(entry.id, _local(entry.at), entry.actor, entry.action,
                    audit.ACTION_LABELS.get(entry.action, entry.action), entry.entity,
                    ENTITY_LABELS.get(entry.entity, entry.entity), entry.entity_id, entry.summary,
                    show(entry.before), show(entry.after))


def audit_rows(session: Session, filters: AuditFilter | None = None, *, limit: int = 200, offset: int = 0,
               full: bool = False) -> list[AuditRow]:
    """Newest first; ID numbers and phones masked unless `full`."""
    query = _query(filters or AuditFilter()).order_by(AuditEntry.id.desc()).offset(offset).limit(limit)
    return [_row(entry, full) for entry in session.exec(query)]


def count_rows(session: Session, filters: AuditFilter | None = None) -> int:
    query = _query(filters or AuditFilter()).subquery()
    return session.exec(select(func.count()).select_from(query)).one()


def actors(session: Session) -> list[str]:
    return list(session.exec(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor)))


def chain_problems(session: Session) -> list[str]:
    """Edited, removed or inserted audit rows (empty when the chain is intact)."""
    return audit.chain_problems(session.connection().connection.driver_connection)


def export_csv(session: Session, path: Path, filters: AuditFilter | None = None, *, full: bool = False) -> int:
    """Write the (filtered) trail as CSV for Excel, oldest first; returns the row count.

    With `full` the ID numbers are unmasked, and that export is itself audited."""
    path = Path(path)
    query = _query(filters or AuditFilter()).order_by(AuditEntry.id)
    count = 0
    with outputs.atomic_write(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(csv_row(COLUMNS))
        for entry in session.exec(query):
            row = _row(entry, full)
            writer.writerow(csv_row([row.at, row.actor, row.action_label, row.entity_label, row.entity_id,
                                     row.summary, row.before, row.after]))
            count += 1
    if full:
        try:
            audit.record_event(session, "export", f"导出审计记录（含完整身份证号）到 {path.name}", {"rows": count})
        except BaseException:  # full ID numbers never stay on disk unrecorded
            path.unlink(missing_ok=True)
            raise
    return count
