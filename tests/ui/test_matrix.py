"""The building visit matrix: a coloured button per room, care households marked, a click opens the household."""

from __future__ import annotations

from datetime import date

from gridkeeper.services.households import create_household
from gridkeeper.services.matrix import NEVER, THIS_MONTH
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.ui.matrix import BAND_COLOURS, CARE_MARK, BuildingMatrix
from tests.conftest import TODAY


def test_rooms_coloured_by_last_visit_and_marked_for_care(qtbot, ctx, place, session):
    visited = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                               [ResidentInput(name="赵秀兰", tags=["独居老人"])]).household
    never = create_household(session, HouseholdInput(unit_id=place["unit"], room="302")).household
    record_visit(session, VisitInput(household_id=visited.id, visited_on=date(2026, 11, 2)), today=TODAY)
    session.commit()
    matrix = BuildingMatrix(ctx)
    qtbot.addWidget(matrix)
    matrix.show_building(place["building"])
    first, second = matrix.room_buttons[visited.id], matrix.room_buttons[never.id]
    assert first.text() == f"301{CARE_MARK}" and second.text() == "302"
    assert first.property("band") == THIS_MONTH and BAND_COLOURS[THIS_MONTH][0] in first.styleSheet()
    assert second.property("band") == NEVER and BAND_COLOURS[NEVER][0] in second.styleSheet()
    assert "独居老人" in first.toolTip()
    with qtbot.waitSignal(matrix.open_household) as opened:
        second.click()
    assert opened.args == [never.id]
    matrix.show_building(None)
    assert matrix.room_buttons == {}
