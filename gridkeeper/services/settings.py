"""Settings kept in the database with the data they govern (care-visit frequencies)."""

from __future__ import annotations

import json

from sqlmodel import Session

from gridkeeper.domain.care import VisitFrequency
from gridkeeper.storage.models import Setting

VISIT_FREQUENCY_KEY = "visit_frequency"


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key) or Setting(key=key)
    row.value = value
    session.add(row)


def visit_frequency(session: Session) -> VisitFrequency:
    """The configured care-visit frequencies (defaults when never set)."""
    raw = get_setting(session, VISIT_FREQUENCY_KEY)
    return VisitFrequency.from_dict(json.loads(raw)) if raw else VisitFrequency()


def set_visit_frequency(session: Session, frequency: VisitFrequency) -> None:
    set_setting(session, VISIT_FREQUENCY_KEY, json.dumps(frequency.to_dict(), ensure_ascii=False))
