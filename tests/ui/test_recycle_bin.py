"""The recycle-bin dialog restores through ui.operations.perform, announces the typed changes of every list
showing what came back, names links it could not tie back, and says plainly when the record is gone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlmodel import Session

from gridkeeper.services import hazards, trash, visits
from gridkeeper.services import households as hh
from gridkeeper.services.changes import Change
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.hazard_models import SafetyHazard
from gridkeeper.ui.households.recycle_bin import RecycleBin
from tests.conftest import TODAY


@pytest.fixture
def deleted(engine, place):
    """Household 301 with a hazard found on a safety visit, deleted into the bin."""
    with Session(engine) as session:
        saved = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                    [ResidentInput(name="王建华")], today=TODAY)
        visit = visits.record_visit(session, visits.VisitInput(household_id=saved.household.id, kind="安全检查",
                                                               visited_on=TODAY - timedelta(days=2)), today=TODAY)
        hazard = hazards.record_from_visit(session, visit.id, hazards.HazardInput(item="燃气软管老化"))
        neighbour = hh.create_household(session, HouseholdInput(unit_id=place["unit"], room="401"), [], today=TODAY)
        session.commit()
        record = trash.delete_household(session, saved.household.id)
        session.commit()
        return {"household": saved.household.id, "neighbour": neighbour.household.id, "hazard": hazard.id, "record": record.id, **place}


def _heard(ctx) -> list[Change]:
    heard: list[Change] = []
    ctx.data_changed.connect(heard.append)
    return heard


def test_restore_refreshes_every_list_that_shows_the_restored_rows(qtbot, ctx, engine, deleted, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args))
    bin_ = RecycleBin(ctx)
    qtbot.addWidget(bin_)
    heard = _heard(ctx)
    assert bin_.restore_selected() == "household"
    assert {Change.HOUSEHOLDS, Change.VISITS, Change.HAZARDS} <= set(heard)
    assert all(isinstance(change, Change) for change in heard) and Change.EVERYTHING not in heard
    assert shown == [] and bin_.table.rowCount() == 0
    with Session(engine) as session:
        assert session.get(SafetyHazard, deleted["hazard"]).household_id == deleted["household"]


def test_links_that_could_not_be_tied_back_are_named(qtbot, ctx, engine, deleted, monkeypatch):
    with Session(engine) as session:  # another PC corrected the hazard while the household was in the bin
        hazard = session.get(SafetyHazard, deleted["hazard"])
        hazard.household_id = deleted["neighbour"]  # it was the neighbour's flat
        session.add(hazard)
        session.commit()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args))
    bin_ = RecycleBin(ctx)
    qtbot.addWidget(bin_)
    assert bin_.restore_selected() == "household"
    assert bin_.last_notes == [f"安全隐患 #{deleted['hazard']} 在删除后已被修改，未与住户“幸福家园7号楼2单元301”重新关联，请核对"]
    [(_parent, _title, text)] = shown
    assert bin_.last_notes[0] in text and "幸福家园7号楼2单元301" in text


def test_a_record_restored_on_another_pc_is_refused_plainly(qtbot, ctx, engine, deleted, monkeypatch):
    errors = []
    monkeypatch.setattr("gridkeeper.ui.operations.report_failure", lambda parent, exc: errors.append(str(exc)))
    bin_ = RecycleBin(ctx)
    qtbot.addWidget(bin_)
    with Session(engine) as other_pc:
        trash.restore_any(other_pc, deleted["record"])
        other_pc.commit()
    heard = _heard(ctx)
    assert bin_.restore_selected() is None
    assert errors and "回收站里已没有这条记录" in errors[0] and heard == []
    assert bin_.table.rowCount() == 0  # the list shows what the bin holds now
