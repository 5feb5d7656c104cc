"""The closed loop of a request: which status may follow which, and when a reason is needed."""

from __future__ import annotations

from gridkeeper.domain.enums import OPEN_REQUEST_STATUSES as OPEN
from gridkeeper.domain.enums import RequestStatus as S

LOOP = [S.RECEIVED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.RATED]
DEFAULT_DEADLINE_DAYS = 7


class TransitionError(ValueError):
    """A status change the closed loop does not allow (or allows only with a reason)."""


def allowed_next(status: S) -> frozenset[S]:
    """Every status a request in `status` may be moved to (some only with a reason: see check_transition).

    An open request goes forward up to 已办结 (skipping steps with a reason) or is withdrawn; a resolved
    one is rated or reopened (办理中 again, with a reason); a rated one can only be reopened; a withdrawn
    one is closed for good.
    """
    status = S(status)
    if status in OPEN:
        return frozenset(LOOP[LOOP.index(status) + 1:LOOP.index(S.RESOLVED) + 1]) | {S.WITHDRAWN}
    if status == S.RESOLVED:
        return frozenset({S.RATED, S.IN_PROGRESS})
    if status == S.RATED:
        return frozenset({S.IN_PROGRESS})
    return frozenset()


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
    if target not in allowed_next(current):
        raise TransitionError(f"不能从“{current.label}”直接改为“{target.label}”")
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
