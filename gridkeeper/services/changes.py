"""What others changed: the audit trail doubles as a change counter every PC can poll cheaply.

Every change by any PC appends an audit row (one chain, serialised on a server), so the highest
audit id is a counter of changes; a PC that saw id N asks which kinds of records changed after N
(one indexed range read) and refreshes only those lists. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import enum

from sqlalchemy import func
from sqlmodel import Session, select

from gridkeeper.storage.models import AuditEntry


class Change(enum.StrEnum):
    """What a write changed, so that the views showing it refresh (and the others do not). The GUI
    announces one after each write (ui.operations.perform); other PCs' changes arrive as the same kinds.
    A new register adds its member here and maps its tables in TOPICS."""

    HOUSEHOLDS = "households"
    VISITS = "visits"
    REQUESTS = "requests"
    LEADERS = "leaders"
    MEMBERS = "members"
    DISPUTES = "disputes"
    HAZARDS = "hazards"
    RENTALS = "rentals"
    PLACES = "places"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    EVERYTHING = "*"  # a restore, an import, another person signing in: every view refreshes

    def affects(self, *kinds: Change) -> bool:
        """True when a view that shows `kinds` must refresh after this change."""
        return self is Change.EVERYTHING or self in kinds


# Which open lists an audited table's change affects.
TOPICS: dict[str, Change] = {
    "household": Change.HOUSEHOLDS, "resident": Change.HOUSEHOLDS, "residenttag": Change.HOUSEHOLDS,
    "visit": Change.VISITS,
    "resident_request": Change.REQUESTS, "request_event": Change.REQUESTS,
    "leaderassignment": Change.LEADERS, "leader_photo": Change.LEADERS,
    "member": Change.MEMBERS, "servicerecord": Change.MEMBERS, "serviceactivity": Change.MEMBERS,
    "dispute": Change.DISPUTES, "dispute_party": Change.DISPUTES, "mediation_session": Change.DISPUTES,
    "dispute_event": Change.DISPUTES,
    "safety_place": Change.HAZARDS, "safety_inspection": Change.HAZARDS, "safety_hazard": Change.HAZARDS,
    "safety_hazard_event": Change.HAZARDS,
    "tenancy": Change.RENTALS, "tenant": Change.RENTALS,
    "grid": Change.PLACES, "compound": Change.PLACES, "building": Change.PLACES, "unit": Change.PLACES,
    "community": Change.PLACES,
    "setting": Change.SETTINGS,
}
EVERYTHING = Change.EVERYTHING  # restores and imports touch anything


def latest_change(session: Session) -> int:
    """The change counter: the newest audit row's id (0 for a database without changes)."""
    return session.exec(select(func.max(AuditEntry.id))).one() or 0


def changes_since(session: Session, seen: int, *, limit: int = 500) -> tuple[int, set[Change]]:
    """(new counter, kinds of lists to refresh) for the changes after `seen`."""
    rows = session.exec(select(AuditEntry.id, AuditEntry.entity, AuditEntry.action)
                        .where(AuditEntry.id > seen).order_by(AuditEntry.id).limit(limit)).all()
    if not rows:
        return seen, set()
    if len(rows) == limit:  # a large import or restore: refresh everything
        return latest_change(session), {EVERYTHING}
    kinds: set[Change] = set()
    for _id, entity, action in rows:
        if action in ("restore", "import"):
            kinds.add(EVERYTHING)
        elif entity in TOPICS:
            kinds.add(TOPICS[entity])
    return rows[-1][0], kinds
