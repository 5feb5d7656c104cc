"""The building visit matrix: rooms by floor and unit, coloured by last visit, with care tags."""

from __future__ import annotations

from datetime import date

from gridkeeper.services import geography as geo
from gridkeeper.services.households import create_household
from gridkeeper.services.matrix import LAST_MONTH, NEVER, OLDER, THIS_MONTH, building_matrix, visit_band
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.visits import VisitInput, record_visit

TODAY = date(2026, 11, 20)


def test_visit_band_by_month():
    assert visit_band(None, TODAY) == NEVER
    assert visit_band(date(2026, 11, 1), TODAY) == THIS_MONTH
    assert visit_band(date(2026, 10, 31), TODAY) == LAST_MONTH
    assert visit_band(date(2026, 10, 1), TODAY) == LAST_MONTH
    assert visit_band(date(2026, 9, 30), TODAY) == OLDER
    assert visit_band(date(2025, 12, 31), date(2026, 1, 5)) == LAST_MONTH


def test_building_matrix_places_rooms(session, place):
    other = geo.create_unit(session, building_id=place["building"], label="1单元")
    a = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                         [ResidentInput(name="张伟", tags=["独居老人"])]).household
    b = create_household(session, HouseholdInput(unit_id=other.id, room="101")).household
    create_household(session, HouseholdInput(unit_id=other.id, room="102"))
    record_visit(session, VisitInput(household_id=a.id, visited_on=date(2026, 11, 3)), today=TODAY)
    record_visit(session, VisitInput(household_id=b.id, visited_on=date(2026, 8, 3)), today=TODAY)
    matrix = building_matrix(session, place["building"], today=TODAY)
    assert [label for _, label in matrix.units] == ["1单元", "2单元"]
    assert matrix.floors == [6, 5, 4, 3, 2, 1]
    (room,) = matrix.cells[(3, place["unit"])]
    assert (room.room, room.band, room.care_tags) == ("301", THIS_MONTH, ["living_alone"])
    assert [(r.room, r.band) for r in matrix.cells[(1, other.id)]] == [("101", OLDER), ("102", NEVER)]
    assert matrix.band_counts() == {THIS_MONTH: 1, LAST_MONTH: 0, OLDER: 1, NEVER: 1}
