"""Two people editing the same record: detecting that the one saving now opened an older version.

Households, residents, leader posts, members and requests carry a `version` that every UPDATE checks
and increments (storage/models.py, version_id_col). A form remembers the version it showed; a save
passes it as `expected_version`. If the row has moved on, EditConflict says who changed it and when
(from the audit trail) and carries both versions so the window can show them side by side.
Between loading and writing inside one save, the same counter makes the UPDATE match no row
(StaleDataError), which `conflict_from_stale` turns into the same message.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from gridkeeper.services.errors import EditConflict
from gridkeeper.storage.audit import ENTITY_LABELS, plain
from gridkeeper.storage.models import AuditEntry


def last_change(session: Session, table: str, record_id: int) -> tuple[str, str]:
    """(who, when) of the newest audited change of a record; ("", "") when none is recorded. A household's
    changes include its residents' (a resident added or changed moves the household's version on too)."""
    mine = and_(AuditEntry.entity == table, AuditEntry.entity_id == str(record_id))
    if table == "household":
        from gridkeeper.storage.models import Resident

        residents = [str(rid) for rid in session.exec(select(Resident.id).where(Resident.household_id == record_id))
                     .scalars()]
        if residents:
            mine = or_(mine, and_(AuditEntry.entity == "resident", AuditEntry.entity_id.in_(residents)))
    row = session.exec(select(AuditEntry.actor, AuditEntry.at).where(mine)
                       .order_by(AuditEntry.id.desc()).limit(1)).first()
    if row is None:
        return "", ""
    actor, at = row
    try:
        when = datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        when = at
    return actor, when


def _values(session: Session, record) -> dict:
    state = inspect(record)
    values = {attr.key: plain(getattr(record, attr.key)) for attr in state.mapper.column_attrs}
    if record.__table__.name == "resident" and record.id is not None:  # care tags are part of a resident
        from gridkeeper.storage.models import ResidentTag

        values["tags"] = sorted(session.exec(select(ResidentTag.tag).where(ResidentTag.resident_id == record.id)).scalars())
    return values


def conflict(session: Session, record, *, opened_version: int | None, yours: dict | None = None) -> EditConflict:
    """The EditConflict for `record` as it is now: who changed it last and when, and both versions."""
    table = record.__table__.name
    who, when = last_change(session, table, record.id)
    return EditConflict(ENTITY_LABELS.get(table, table), record.id, opened_version=opened_version,
                        current_version=record.version, changed_by=who, changed_at=when, table=table,
                        theirs=_values(session, record), yours={k: plain(v) for k, v in (yours or {}).items()})


def check_version(session: Session, record, expected_version: int | None, *, yours: dict | None = None) -> None:
    """Raise EditConflict when `record` is no longer at the version the user opened (None: not checked)."""
    if expected_version is None or record.version == expected_version:
        return
    raise conflict(session, record, opened_version=expected_version, yours=yours)


def conflict_from_stale(session: Session, exc: StaleDataError, record) -> EditConflict:
    """The EditConflict for an UPDATE that matched no row because another save got there first."""
    table = record.__table__.name
    session.rollback()
    current = session.get(type(record), record.id)
    who, when = last_change(session, table, record.id)
    return EditConflict(ENTITY_LABELS.get(table, table), record.id, opened_version=None, table=table,
                        current_version=current.version if current is not None else None,
                        changed_by=who, changed_at=when, theirs=_values(session, current) if current is not None else {})
