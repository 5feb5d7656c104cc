"""The closed loop of a safety hazard, said once: allowed_next is what check_transition enforces and what
the hazards section offers as buttons."""

from __future__ import annotations

import pytest

from gridkeeper.domain.hazard_flow import HazardTransitionError, allowed_next, check_transition, needs_reason
from gridkeeper.domain.hazards import (
    DEFAULT_CHECKLISTS,
    GENERAL_BASIS,
    HazardStatus as H,
    PlaceKind,
    default_checklist,
    legal_basis,
)


def test_allowed_next_for_every_status():
    assert allowed_next(H.FOUND) == {H.NOTIFIED, H.RECTIFIED, H.ESCALATED}
    assert allowed_next(H.NOTIFIED) == {H.RECTIFIED, H.ESCALATED}
    assert allowed_next(H.RECTIFIED) == {H.CLOSED, H.NOTIFIED}
    assert allowed_next(H.ESCALATED) == {H.RECTIFIED, H.CLOSED}
    assert allowed_next(H.CLOSED) == frozenset()


@pytest.mark.parametrize("current", list(H))
@pytest.mark.parametrize("target", list(H))
def test_check_transition_allows_exactly_allowed_next(current, target):
    try:
        check_transition(current, target, reason="消防通道仍被占用")
    except HazardTransitionError:
        allowed = False
    else:
        allowed = True
    assert allowed == (target in allowed_next(current))


def test_escalating_skipping_the_notice_and_sending_back_need_a_reason():
    with pytest.raises(HazardTransitionError, match="上报"):
        check_transition(H.NOTIFIED, H.ESCALATED)
    with pytest.raises(HazardTransitionError, match="当场整改"):
        check_transition(H.FOUND, H.RECTIFIED)
    with pytest.raises(HazardTransitionError, match="复查不合格"):
        check_transition(H.RECTIFIED, H.NOTIFIED)
    with pytest.raises(HazardTransitionError, match="销号"):
        check_transition(H.CLOSED, H.NOTIFIED, reason="再查")
    check_transition(H.FOUND, H.NOTIFIED)
    check_transition(H.NOTIFIED, H.RECTIFIED)
    check_transition(H.RECTIFIED, H.CLOSED)
    assert not needs_reason(H.NOTIFIED, H.RECTIFIED) and needs_reason(H.FOUND, H.ESCALATED)


def test_every_kind_has_a_checklist_and_the_usual_items_have_a_legal_basis():
    assert set(DEFAULT_CHECKLISTS) == set(PlaceKind) and len(PlaceKind) == 12
    assert "楼道堆物" in default_checklist(PlaceKind.STAIRWELL)
    assert "燃气泄漏隐患" in default_checklist(PlaceKind.RESTAURANT)
    assert "电动车入户/飞线充电" in default_checklist(None)
    assert "第二十八条" in legal_basis("消防通道堵塞")
    assert legal_basis("别的问题") == GENERAL_BASIS
