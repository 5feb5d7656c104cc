"""What others changed: the audit trail doubles as a change counter every PC can poll cheaply.

Every change by any PC appends an audit row (one chain, serialised on a server), so the highest
audit id is a counter of changes; a PC that saw id N asks which kinds of records changed after N
(one indexed range read) and refreshes only those lists. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from gridkeeper.storage.models import AuditEntry

# Which open lists an audited table's change affects (the AppContext.data_changed kinds).
TOPICS = {
    "household": "households", "resident": "households", "residenttag": "households",
    "visit": "visits",
    "resident_request": "requests", "request_event": "requests",
    "leaderassignment": "leaders",
    "member": "members", "servicerecord": "members", "serviceactivity": "members",
    "grid": "places", "compound": "places", "building": "places", "unit": "places", "community": "places",
}
EVERYTHING = "*"  # restores and imports touch anything


def latest_change(session: Session) -> int:
    """The change counter: the newest audit row's id (0 for a database without changes)."""
    return session.exec(select(func.max(AuditEntry.id))).one() or 0


def changes_since(session: Session, seen: int, *, limit: int = 500) -> tuple[int, set[str]]:
    """(new counter, kinds of lists to refresh) for the changes after `seen`."""
    rows = session.exec(select(AuditEntry.id, AuditEntry.entity, AuditEntry.action)
                        .where(AuditEntry.id > seen).order_by(AuditEntry.id).limit(limit)).all()
    if not rows:
        return seen, set()
    if len(rows) == limit:  # a large import or restore: refresh everything
        return latest_change(session), {EVERYTHING}
    kinds = set()
    for _id, entity, action in rows:
        if action in ("restore", "import"):
            kinds.add(EVERYTHING)
        elif entity in TOPICS:
            kinds.add(TOPICS[entity])
    return rows[-1][0], kinds
