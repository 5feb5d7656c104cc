"""One step of a closed-loop register (requests, hazards, disputes), said once: lock the item's row, check
that its flow allows the step (the refusal names who made the latest step, and when), check that it is
still the version the user saw, and keep the step in the item's history.

A register describes itself once (`Register`); its `advance` then reads::

    item, target = steps.begin(session, HAZARDS, hazard_id, target, reason=reason, expected_version=version)
    ...  # what this step asks for, into `errors`
    steps.finish(session, HAZARDS, item, target, note, actor)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, select

from gridkeeper.domain.enums import label_of
from gridkeeper.services.conflicts import check_version
from gridkeeper.services.errors import NotFound, ServiceError


@dataclass(frozen=True)
class Register:
    """What the step helper needs to know of a register: its table and history table, the history's column
    naming the item, the item's name in a message, its statuses and its flow's check."""

    model: type
    event: type
    item_key: str  # e.g. "request_id"
    noun: str  # e.g. 诉求 (找不到诉求 #12)
    statuses: type
    check_transition: Callable[..., None]  # the domain flow's check_transition(current, target, reason=)
    refusal: type[Exception]  # what that check raises
    event_values: Callable[[Any], dict] = field(default=lambda item: {})  # more columns of a history row
    note_limit: int | None = None


def locked(session: Session, register: Register, item_id: int):
    """The item as it is now, its row locked until the end of this transaction (FOR UPDATE on a server;
    SQLite has one writer): two people pressing the same step at once give one step."""
    model = register.model
    query = select(model).where(model.id == item_id).with_for_update().execution_options(populate_existing=True)
    item = session.exec(query).first()
    if item is None:
        raise NotFound(f"找不到{register.noun} #{item_id}")
    return item


def latest_step(session: Session, register: Register, item) -> str:
    """"（李晓燕 于 2026-11-20 10:03 已改为“已派单”）": who made the item's latest step, and when."""
    event = register.event
    last = session.exec(select(event).where(getattr(event, register.item_key) == item.id)
                        .order_by(event.id.desc()).limit(1)).first()
    if last is None:
        return ""
    at = last.at.astimezone() if last.at.tzinfo else last.at
    return f"（{last.actor or '别人'} 于 {at:%Y-%m-%d %H:%M} 已改为“{label_of(register.statuses, item.status)}”）"


def begin(session: Session, register: Register, item_id: int, target, *, reason: str = "",
          expected_version: int | None = None, yours: dict | None = None):
    """Lock the item and check the step: (item, target as the register's status). A step its flow does not
    allow is a ServiceError naming the latest step; an item saved by someone else since the user opened it
    an EditConflict (`yours`: what the step would save besides the status, shown beside theirs)."""
    item = locked(session, register, item_id)
    target = register.statuses.from_text(str(target))
    try:
        register.check_transition(register.statuses(item.status), target, reason=reason)  # as read: the stored code
    except register.refusal as exc:
        raise ServiceError(f"{exc}{latest_step(session, register, item)}") from exc
    check_version(session, item, expected_version, yours=None if yours is None else {"status": target, **yours})
    return item, target


def log(session: Session, register: Register, item, old, new, note: str, actor: str, **more) -> None:
    """A row of the item's history (a step, or a note on it when `old` is `new`); `more`: a register's own
    columns of that row (a dispute's step_on and outcome)."""
    session.add(register.event(**{register.item_key: item.id}, **register.event_values(item), at=datetime.now(UTC),
                               from_status=old, to_status=new, note=note[:register.note_limit], actor=actor[:50],
                               **more))


def finish(session: Session, register: Register, item, target, note: str, actor: str, **more):
    """Set the item's status to `target` and keep the step in its history (`more`: as for `log`)."""
    old = item.status
    item.status = target
    session.add(item)
    log(session, register, item, old, target, note, actor, **more)
    session.flush()
    return item


__all__ = ["Register", "begin", "finish", "latest_step", "locked", "log"]
