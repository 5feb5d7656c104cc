"""A change on one connection is seen by another's poll of the change counter (both databases)."""

from __future__ import annotations

from sqlmodel import Session

from gridkeeper.services import changes
from gridkeeper.services import households as hh
from gridkeeper.services import requests
from gridkeeper.services.people import HouseholdInput
from gridkeeper.storage.session import unit_of_work


def test_changes_since_names_the_lists_to_refresh(engine, place):
    with Session(engine) as session:
        seen = changes.latest_change(session)
        assert changes.changes_since(session, seen) == (seen, set())
    with unit_of_work(engine) as other:  # another PC
        saved = hh.create_household(other, HouseholdInput(unit_id=place["unit"], room="502"), [])
        requests.raise_request(other, requests.RequestInput(household_id=saved.household.id, description="路灯坏了"))
    with Session(engine) as session:
        newer, kinds = changes.changes_since(session, seen)
        assert newer > seen and kinds == {"households", "requests"}
        assert changes.changes_since(session, newer) == (newer, set())
        assert changes.changes_since(session, seen, limit=2)[1] == {changes.EVERYTHING}
