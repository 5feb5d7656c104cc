"""The dispute's steps, said once: allowed_next is what check_transition enforces and what the disputes
section offers."""

from __future__ import annotations

import pytest

from gridkeeper.domain.dispute_flow import DisputeOutcome as O
from gridkeeper.domain.dispute_flow import DisputeStatus as S
from gridkeeper.domain.dispute_flow import DisputeTransitionError, allowed_next, check_transition, status_after_outcome


def test_allowed_next_for_every_status():
    assert allowed_next(S.REGISTERED) == {S.MEDIATING, S.REFERRED, S.CLOSED}
    assert allowed_next(S.MEDIATING) == {S.AWAITING_FOLLOW_UP, S.REFERRED, S.CLOSED}
    assert allowed_next(S.AWAITING_FOLLOW_UP) == {S.CLOSED, S.MEDIATING}
    assert allowed_next(S.REFERRED) == {S.CLOSED, S.MEDIATING}
    assert allowed_next(S.CLOSED) == {S.MEDIATING}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_check_transition_allows_exactly_allowed_next(current, target):
    try:
        check_transition(current, target, reason="双方当面说明")
    except DisputeTransitionError:
        allowed = False
    else:
        allowed = True
    assert allowed == (target in allowed_next(current))


def test_going_back_and_closing_unmediated_need_a_reason():
    with pytest.raises(DisputeTransitionError, match="重新调解需要说明原因"):
        check_transition(S.AWAITING_FOLLOW_UP, S.MEDIATING)
    with pytest.raises(DisputeTransitionError, match="重新调解需要说明原因"):
        check_transition(S.CLOSED, S.MEDIATING, reason="  ")
    with pytest.raises(DisputeTransitionError, match="未经调解直接结案"):
        check_transition(S.REGISTERED, S.CLOSED)
    with pytest.raises(DisputeTransitionError, match="已经是"):
        check_transition(S.MEDIATING, S.MEDIATING)
    check_transition(S.REGISTERED, S.MEDIATING)  # the first session needs no reason
    check_transition(S.MEDIATING, S.CLOSED)  # a failed outcome closes (its note is asked for by the service)


def test_each_outcome_leads_to_its_status():
    assert status_after_outcome(O.SUCCESS) == S.AWAITING_FOLLOW_UP
    assert status_after_outcome(O.PARTIAL) == S.AWAITING_FOLLOW_UP
    assert status_after_outcome(O.REFERRED) == S.REFERRED
    assert status_after_outcome(O.FAILED) == S.CLOSED
    assert O.from_text("转交相关部门") == O.REFERRED and S.from_text("待回访") == S.AWAITING_FOLLOW_UP
