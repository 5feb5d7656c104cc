"""The one step helper of the closed-loop registers (services/steps): the row found or a plain NotFound, a
step its flow refuses names who made the latest step and when, a stale version is an EditConflict carrying
what the step would save, and each step is a row of the item's history."""

from __future__ import annotations

import pytest

from gridkeeper.domain.enums import RequestStatus
from gridkeeper.services import households as hh
from gridkeeper.services import requests, steps
from gridkeeper.services.errors import EditConflict, NotFound, ServiceError
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.requests import REQUESTS
from tests.conftest import TODAY


@pytest.fixture
def request_id(session, place):
    saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                [ResidentInput(name="王建华")], today=TODAY)
    raised = requests.raise_request(session, requests.RequestInput(household_id=saved.household.id,
                                                                   description="楼上漏水", raised_on=TODAY),
                                    today=TODAY, actor="李晓燕")
    session.commit()
    return raised.id


def test_not_found_names_the_register(session, place):
    with pytest.raises(NotFound, match="找不到诉求 #999"):
        steps.locked(session, REQUESTS, 999)


def test_a_refused_step_names_who_made_the_latest_one(session, request_id):
    requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="王敏", on=TODAY)
    session.commit()
    with pytest.raises(ServiceError, match=r"（王敏 于 \d{4}-\d\d-\d\d \d\d:\d\d 已改为“已派单”）"):
        requests.advance(session, request_id, "dispatched", dispatched_to="社区", actor="李晓燕", on=TODAY)


def test_a_stale_version_is_a_conflict_with_what_the_step_would_save(session, request_id):
    opened = session.get(requests.ResidentRequest, request_id).version
    requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="王敏", on=TODAY)
    session.commit()
    with pytest.raises(EditConflict) as refused:
        requests.advance(session, request_id, "withdrawn", reason="居民撤回", expected_version=opened, on=TODAY)
    assert refused.value.yours == {"status": RequestStatus.WITHDRAWN, "withdrawn_reason": "居民撤回"}


def test_each_step_is_a_row_of_the_history(session, request_id):
    requests.advance(session, request_id, "dispatched", dispatched_to="南方物业公司", actor="王敏", on=TODAY)
    rows = [(e.from_status, e.to_status, e.note, e.actor) for e in requests.history(session, request_id)]
    assert rows == [(None, "received", "受理", "李晓燕"), ("received", "dispatched", "南方物业公司", "王敏")]
