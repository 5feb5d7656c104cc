"""The closed loop of a request, said once: allowed_next is what check_transition enforces and what the
requests section offers as buttons."""

from __future__ import annotations

import pytest

from gridkeeper.domain.enums import RequestStatus as S
from gridkeeper.domain.request_flow import TransitionError, allowed_next, check_transition


def test_allowed_next_for_every_status():
    assert allowed_next(S.RECEIVED) == {S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.WITHDRAWN}
    assert allowed_next(S.DISPATCHED) == {S.IN_PROGRESS, S.RESOLVED, S.WITHDRAWN}
    assert allowed_next(S.IN_PROGRESS) == {S.RESOLVED, S.WITHDRAWN}
    assert allowed_next(S.RESOLVED) == {S.RATED, S.IN_PROGRESS}
    assert allowed_next(S.RATED) == {S.IN_PROGRESS}
    assert allowed_next(S.WITHDRAWN) == frozenset()


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_check_transition_allows_exactly_allowed_next(current, target):
    try:
        check_transition(current, target, reason="居民当面说明")
    except TransitionError:
        allowed = False
    else:
        allowed = True
    assert allowed == (target in allowed_next(current))


def test_skips_and_reopens_need_a_reason():
    with pytest.raises(TransitionError, match="跳过"):
        check_transition(S.RECEIVED, S.RESOLVED)
    with pytest.raises(TransitionError, match="重新办理"):
        check_transition(S.RATED, S.IN_PROGRESS)
    with pytest.raises(TransitionError, match="直接改为"):
        check_transition(S.RECEIVED, S.RATED, reason="跳过办结")
    check_transition(S.RECEIVED, S.DISPATCHED)
