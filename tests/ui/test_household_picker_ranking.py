"""The visit quick entry's household picker: the building and grid selected in the tree come first, the
rest follow, marked with their grid; too many matches say so."""

from __future__ import annotations

from gridkeeper.services import geography as geo
from gridkeeper.services import households as hh
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.scope import Scope
from gridkeeper.ui.widgets.household_picker import HOUSEHOLD_ROLE, LIMIT, HouseholdPicker
from tests.conftest import TODAY


def _home(session, unit_id: int, room: str, name: str) -> int:
    saved = hh.create_household(session, HouseholdInput(unit_id=unit_id, room=room), [ResidentInput(name=name)],
                                today=TODAY)
    session.commit()
    return saved.household.id


def test_selected_building_first_then_grid_then_elsewhere_marked(qtbot, ctx, place, session):
    other_grid = geo.create_grid(session, code="FK-09", name="第九网格")
    far_building = geo.create_building(session, grid_id=other_grid.id, compound_id=place["compound"], label="1号楼")
    far_unit = geo.create_unit(session, building_id=far_building.id, label="1单元")
    near_building = geo.create_building(session, grid_id=place["grid"], compound_id=place["compound"], label="8号楼")
    near_unit = geo.create_unit(session, building_id=near_building.id, label="1单元")
    session.commit()
    far = _home(session, far_unit.id, "101", "王建华")
    same_grid = _home(session, near_unit.id, "101", "王建华")
    here = _home(session, place["unit"], "301", "王建华")
    picker = HouseholdPicker(ctx, scope=Scope(building_id=place["building"]))
    qtbot.addWidget(picker)
    picker.search_edit.setText("王建华")
    hits = picker.run_search()
    assert [h.household_id for h in hits] == [here, same_grid, far]
    rows = [picker._hits_model.item(r).text() for r in range(picker._hits_model.rowCount())]
    assert "FK-09" in rows[2] and "FK-09" not in rows[0] and "FK-03" not in rows[1]
    assert picker._hits_model.item(2).data(HOUSEHOLD_ROLE) == far
    picker.set_scope(Scope(grid_id=other_grid.id))  # the steward moved to FK-09 in the tree
    assert [h.household_id for h in picker.run_search()][0] == far


def test_too_many_matches_are_counted_not_cut_silently(qtbot, ctx, place, session):
    for n in range(LIMIT + 5):
        _home(session, place["unit"], f"{n + 1}01", f"王{'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰'[n]}")
    picker = HouseholdPicker(ctx, scope=Scope(building_id=place["building"]))
    qtbot.addWidget(picker)
    picker.search_edit.setText("王")
    assert len(picker.run_search()) == LIMIT
    last = picker._hits_model.item(picker._hits_model.rowCount() - 1)
    assert str(LIMIT + 5) in last.text() and last.data(HOUSEHOLD_ROLE) is None
