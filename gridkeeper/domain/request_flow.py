"""The closed loop of a request: which status may follow which, and when a reason is needed."""

from __future__ import annotations

from gridkeeper.domain.enums import RequestStatus as S

LOOP = [S.RECEIVED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.RATED]
OPEN = {S.RECEIVED, S.DISPATCHED, S.IN_PROGRESS}
DEFAULT_DEADLINE_DAYS = 7


class TransitionError(ValueError):
    """A status change the closed loop does not allow (or allows only with a reason)."""


def next_status(status: S) -> S | None:
    """The normal next step, or None at the end of the loop."""
    if status in (S.RATED, S.WITHDRAWN):
        return None
    return LOOP[LOOP.index(status) + 1]


def check_transition(current: S, target: S, *, reason: str = "") -> None:
    """Raise TransitionError unless `current → target` is allowed (skips and reopens need a reason)."""
    reason = reason.strip()
    if current == target:
        raise TransitionError(f"诉求已经是“{current.label}”状态")
    if current in (S.RATED, S.WITHDRAWN) and target != S.IN_PROGRESS:
        raise TransitionError(f"诉求已“{current.label}”，不能再改为“{target.label}”")
    if target == S.WITHDRAWN:
        if current not in OPEN:
            raise TransitionError(f"“{current.label}”的诉求不能撤回")
        if not reason:
            raise TransitionError("撤回诉求需要填写原因")
        return
    if current == S.WITHDRAWN:
        raise TransitionError("已撤回的诉求不能重新办理")
    step = LOOP.index(target) - LOOP.index(current)
    if step == 1:
        return
    if step > 1 and not reason:
        skipped = "、".join(s.label for s in LOOP[LOOP.index(current) + 1:LOOP.index(target)])
        raise TransitionError(f"跳过“{skipped}”需要说明原因")
    if step < 0:
        if target != S.IN_PROGRESS:
            raise TransitionError(f"不能从“{current.label}”退回“{target.label}”")
        if not reason:
            raise TransitionError("重新办理需要说明原因（例如居民不满意）")
