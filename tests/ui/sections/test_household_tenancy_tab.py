"""The household window's tenancy tab: an empty page with a button for a flat not let; a lease registered,
tenants added and moved out (greyed), the lease ended into history — through the rented-housing dialogs, the
household's own unsaved changes settled first and the window showing the household as saved after each step."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from sqlmodel import Session

from gridkeeper.domain.enums import HousingUse
from gridkeeper.storage.models import Household
from gridkeeper.ui.households import editor as editor_module

from .conftest import TODAY


def _lease(d):
    d.landlord_name.setText("孙大海")
    d.landlord_phone.setText("13700001111")
    d.lease_start.setDate(d.lease_start.date().addMonths(-2))
    d.rooms.setValue(2)


def test_register_a_lease_add_and_move_out_a_tenant_and_end_the_lease_in_the_household_window(
        qtbot, qtmodeltester, ctx, engine, homes, dialogs, monkeypatch):
    from gridkeeper.ui.households.editor import HouseholdEditor
    from gridkeeper.ui.rentals.flat_panel import GREY

    asked: list[str] = []
    answers = ["cancel", "save"]
    monkeypatch.setattr(editor_module, "ask_unsaved", lambda _parent: asked.append("asked") or answers.pop(0))
    editor = HouseholdEditor(ctx, homes["陈志强"])
    qtbot.addWidget(editor)
    tab = editor.tenancy
    assert editor.tabs.tabText(3) == "Tenancy" and tab.is_empty
    assert tab.register_button.isVisibleTo(tab) and tab.register_button.isEnabled()
    assert "not registered as let" in tab.empty_label.text()

    editor.notes.setPlainText("房东在外地")  # unsaved: asked first; "cancel" opens nothing, saves nothing
    tab.register_button.click()
    assert asked == ["asked"] and dialogs.seen == []
    dialogs.fillers.append(_lease)
    tab.register_button.click()  # "save": the household's notes are saved, then the lease
    assert asked == ["asked", "asked"] and not tab.is_empty
    with Session(engine) as session:
        household = session.get(Household, homes["陈志强"])
        assert (household.notes, household.housing_use) == ("房东在外地", HousingUse.RENTED)
    assert editor.use.currentData() == HousingUse.RENTED.value and not editor.has_unsaved_changes()
    assert "孙大海 137****1111" in tab.lease_label.text() and "safety letter not signed" in tab.lease_label.text()
    assert "2 room(s) let" in tab.lease_label.text() and editor.tabs.tabText(3) == "Tenancy (0)"
    assert not tab.let_button.isEnabled() and tab.end_button.isEnabled()

    def tenant(d):
        d.name.setText("刘小军")
        d.from_place.setText("河南省周口市")
        d.arrived.setDate(d.arrived.date().addDays(-10))
    dialogs.fillers.append(tenant)
    tab.add_tenant_button.click()
    assert [t.name for t in tab.tenant_model.rows()] == ["刘小军"] and editor.tabs.tabText(3) == "Tenancy (1)"
    assert editor.residents.rowCount() == 2  # the tenant joined the flat's residents, shown as saved
    qtmodeltester.check(tab.tenant_model)
    assert tab.tenant_model.data(tab.tenant_model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None

    tab.tenant_table.selectRow(0)
    dialogs.fillers.append(lambda d: None)
    tab.move_out_button.click()
    moved = tab.tenant_model.row_at(0)
    assert moved.moved_out_on == TODAY and editor.residents.rowCount() == 1
    for column in (0, 3, 8):  # name, from, status: greyed
        assert tab.tenant_model.data(tab.tenant_model.index(0, column), Qt.ItemDataRole.ForegroundRole).color() == GREY
    assert editor.tabs.tabText(3) == "Tenancy (0)"  # the lease is still in force, nobody living there

    dialogs.fillers.append(lambda d: d.reason.setText("房东收回自住"))
    tab.end_button.click()
    assert tab.tenancy is None and tab.let_button.isEnabled() and not tab.is_empty
    assert "no lease in force" in tab.lease_label.text() and editor.tabs.tabText(3) == "Tenancy"
    (ended,) = tab.history_model.rows()
    assert ended.ended_on == TODAY and ended.end_reason == "房东收回自住"
    qtmodeltester.check(tab.history_model)
    assert asked == ["asked", "asked"]  # nothing unsaved after the first save: not asked again


def test_a_new_household_says_to_save_first_and_a_read_only_window_offers_nothing(qtbot, ctx, engine, place, homes):
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.households.editor import HouseholdEditor

    new = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(new)
    assert new.tenancy.is_empty and not new.tenancy.register_button.isVisibleTo(new.tenancy)
    assert "Save the household first" in new.tenancy.empty_label.text()
    reader = AppContext(replace(ctx.database, read_only=True), today=TODAY)
    viewer = HouseholdEditor(reader, homes["王建华"])
    qtbot.addWidget(viewer)
    assert viewer.tenancy.is_empty and not viewer.tenancy.register_button.isEnabled()
    assert not viewer.tenancy.new_lease()
