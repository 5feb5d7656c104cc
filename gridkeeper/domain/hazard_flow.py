"""The closed loop of a safety hazard: found → notified (整改通知单) → rectified → re-inspected and closed,
or escalated to the street / fire department with a reason. Which step may follow which, and when a
reason is needed; services/hazards.py enforces it."""

from __future__ import annotations

from gridkeeper.domain.hazards import HazardStatus as H

_NEXT: dict[H, frozenset[H]] = {
    H.FOUND: frozenset({H.NOTIFIED, H.RECTIFIED, H.ESCALATED}),
    H.NOTIFIED: frozenset({H.RECTIFIED, H.ESCALATED}),
    H.RECTIFIED: frozenset({H.CLOSED, H.NOTIFIED}),
    H.ESCALATED: frozenset({H.RECTIFIED, H.CLOSED}),
    H.CLOSED: frozenset(),
}


class HazardTransitionError(ValueError):
    """A step the hazard loop does not allow (or allows only with a reason)."""


def allowed_next(status: H) -> frozenset[H]:
    """Every status a hazard in `status` may be moved to (some only with a reason: see check_transition).

    A found hazard is notified (the notice printed), rectified on the spot (with a reason, e.g. 当场整改)
    or escalated; a notified one is rectified or escalated; a rectified one is closed at re-inspection,
    or notified again when the re-inspection fails (with a reason); an escalated one comes back
    rectified or is closed when the department has dealt with it; a closed one is done.
    """
    return _NEXT[H(status)]


def needs_reason(current: H, target: H) -> bool:
    """Escalating, skipping the notice and sending back after a failed re-inspection need a reason."""
    current, target = H(current), H(target)
    return (target == H.ESCALATED or (current == H.FOUND and target == H.RECTIFIED)
            or (current == H.RECTIFIED and target == H.NOTIFIED))


def check_transition(current: H, target: H, *, reason: str = "") -> None:
    """Raise HazardTransitionError unless `current → target` is allowed (with a reason where needed)."""
    current, target = H(current), H(target)
    if current == target:
        raise HazardTransitionError(f"隐患已经是“{current.label}”状态")
    if current == H.CLOSED:
        raise HazardTransitionError("隐患已复查销号，不能再改为其他状态")
    if target not in allowed_next(current):
        raise HazardTransitionError(f"不能从“{current.label}”直接改为“{target.label}”")
    if needs_reason(current, target) and not reason.strip():
        if target == H.ESCALATED:
            raise HazardTransitionError("上报街道或消防部门需要说明原因")
        if target == H.RECTIFIED:
            raise HazardTransitionError("未下发整改通知就记为已整改，需要说明原因（例如当场整改）")
        raise HazardTransitionError("复查不合格、重新通知整改需要说明原因")
