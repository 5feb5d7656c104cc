"""Disputes (矛盾纠纷): their vocabularies and which status may follow which, from found to closed."""

from __future__ import annotations

from gridkeeper.domain.enums import Labelled

DEFAULT_STALE_DAYS = 7  # an open dispute with no mediation session for a week stands out on Today
DEFAULT_FOLLOW_UP_DAYS = 15  # a mediated dispute is revisited about two weeks later: did the agreement hold?


class DisputeKind(Labelled):
    """纠纷类型"""

    NEIGHBOUR = "neighbour", "邻里"
    FAMILY = "family", "家庭/婚姻"
    PROPERTY = "property", "物业"
    TENANCY = "tenancy", "房屋租赁"
    LABOUR = "labour", "劳资"
    OTHER = "other", "其他"


class DisputeRisk(Labelled):
    """风险等级"""

    LOW = "low", "低"
    MEDIUM = "medium", "中"
    HIGH = "high", "高"


class DisputeSource(Labelled):
    """发现途径"""

    VISIT = "visit", "走访发现"
    REQUEST = "request", "诉求转入"
    REPORTED = "reported", "群众反映"


class DisputeOutcome(Labelled):
    """调解结果"""

    SUCCESS = "success", "调解成功"
    PARTIAL = "partial", "部分达成"
    REFERRED = "referred", "转交相关部门"
    FAILED = "failed", "未成功"


class DisputeStatus(Labelled):
    """纠纷状态"""

    REGISTERED = "registered", "待调解"
    MEDIATING = "mediating", "调解中"
    AWAITING_FOLLOW_UP = "awaiting_follow_up", "待回访"
    REFERRED = "referred", "已转交"
    CLOSED = "closed", "已结案"


S = DisputeStatus
O = DisputeOutcome  # noqa: E741 - the outcome vocabulary, short as S is for statuses

OPEN_DISPUTE_STATUSES = (S.REGISTERED, S.MEDIATING)
FOLLOW_UP_STATUSES = (S.AWAITING_FOLLOW_UP, S.REFERRED)
NOT_CLOSED = (*OPEN_DISPUTE_STATUSES, *FOLLOW_UP_STATUSES)

# The status an outcome leads to: an agreement (full or partial) waits for its follow-up visit, a
# referral waits for word from the department, a failed mediation is closed with what happens next.
STATUS_AFTER_OUTCOME = {O.SUCCESS: S.AWAITING_FOLLOW_UP, O.PARTIAL: S.AWAITING_FOLLOW_UP,
                        O.REFERRED: S.REFERRED, O.FAILED: S.CLOSED}


class DisputeTransitionError(ValueError):
    """A status change the dispute's flow does not allow (or allows only with a reason)."""


def allowed_next(status: DisputeStatus) -> frozenset[DisputeStatus]:
    """Every status a dispute in `status` may be moved to.

    A registered dispute is mediated (a session), referred (a wage dispute straight to labour inspection), or closed straight away (with a reason: the
    parties settled it themselves); one being mediated gets an outcome (→ 待回访, 已转交 or 已结案); one
    awaiting follow-up is closed when the agreement held, or mediated again when it did not; a referred
    one is closed when the department has dealt with it, or comes back to mediation; a closed one can be
    reopened (调解中 again, with a reason).
    """
    status = S(status)
    return {
        S.REGISTERED: frozenset({S.MEDIATING, S.REFERRED, S.CLOSED}),
        S.MEDIATING: frozenset({S.AWAITING_FOLLOW_UP, S.REFERRED, S.CLOSED}),
        S.AWAITING_FOLLOW_UP: frozenset({S.CLOSED, S.MEDIATING}),
        S.REFERRED: frozenset({S.CLOSED, S.MEDIATING}),
        S.CLOSED: frozenset({S.MEDIATING}),
    }[status]


def check_transition(current: DisputeStatus, target: DisputeStatus, *, reason: str = "") -> None:
    """Raise DisputeTransitionError unless `current → target` is allowed; going back to mediation after
    an outcome, and closing without any outcome, need a reason."""
    current, target = S(current), S(target)
    if current == target:
        raise DisputeTransitionError(f"纠纷已经是“{current.label}”状态")
    if target not in allowed_next(current):
        raise DisputeTransitionError(f"不能从“{current.label}”直接改为“{target.label}”")
    if target == S.MEDIATING and current != S.REGISTERED and not reason.strip():
        raise DisputeTransitionError("重新调解需要说明原因（例如回访时协议没有履行）")
    if target == S.CLOSED and current == S.REGISTERED and not reason.strip():
        raise DisputeTransitionError("未经调解直接结案需要说明原因（例如双方已自行和解）")


def status_after_outcome(outcome: DisputeOutcome) -> DisputeStatus:
    return STATUS_AFTER_OUTCOME[O(outcome)]
