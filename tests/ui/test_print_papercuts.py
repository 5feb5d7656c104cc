"""Print & export as a steward uses it: the building from a list, the scope from the tree, a checklist of the
households not visited this month, one building's wall roster, zoom, no stale preview, meaningful file names."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from sqlmodel import select

from gridkeeper.reports.jobs import PrintJob, file_name
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Grid
from gridkeeper.ui.sections.printing import BUILDING_ID_ROLE


@pytest.fixture
def section(print_section):
    return print_section


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _second_building(ctx) -> tuple[Grid, Building]:
    with ctx.read() as session:
        grid = session.exec(select(Grid).order_by(Grid.code)).all()[1]
        building = session.exec(select(Building).where(Building.grid_id == grid.id).order_by(Building.id)).all()[1]
    return grid, building


def test_scope_and_building_start_from_the_tree(section):
    grid, building = _second_building(section.ctx)
    section.ctx.set_scope(Scope(grid_id=grid.id, building_id=building.id))
    assert section.grid.currentData() == grid.code
    assert section.building.currentData(BUILDING_ID_ROLE) == building.id
    section.ctx.set_scope(Scope(grid_id=grid.id))
    assert section.grid.currentData() == grid.code and section.building.currentIndex() == 0


def test_the_building_is_picked_from_the_grids_list(section):
    grid, building = _second_building(section.ctx)
    section.document.setCurrentIndex(section.document.findData("checklist"))
    section.grid.setCurrentIndex(section.grid.findData(grid.code))
    names = [section.building.itemText(i) for i in range(1, section.building.count())]
    with section.ctx.read() as session:
        count = len(session.exec(select(Building).where(Building.grid_id == grid.id)).all())
    assert len(names) == count and all("楼" in n for n in names)
    assert not section.building.isHidden()
    section.building.setCurrentIndex(2)
    assert section.job().building == names[1]


def test_checklist_of_households_not_visited_this_month(finish, qtbot, section, tmp_path):
    section.document.setCurrentIndex(section.document.findData("checklist"))
    section.grid.setCurrentIndex(section.grid.findData("FK-01"))
    section.unvisited.setChecked(True)
    section.save_to(tmp_path / "unvisited.pdf")
    assert finish(qtbot, section) == "done"
    text = _text(tmp_path / "unvisited.pdf")
    assert "11月未走访户" in text
    assert "2026-11-" not in text.split("走访人")[0]  # no household listed was visited in November


def test_wall_roster_for_one_building(finish, qtbot, section, tmp_path):
    grid, building = _second_building(section.ctx)
    section.document.setCurrentIndex(section.document.findData("roster"))
    section.grid.setCurrentIndex(section.grid.findData(grid.code))
    assert not section.building.isHidden()
    section.building.setCurrentIndex(section.building.findData(building.id, BUILDING_ID_ROLE))
    section.save_to(tmp_path / "one.pdf")
    assert finish(qtbot, section) == "done"
    assert len(PdfReader(tmp_path / "one.pdf").pages) == 1
    assert building.label in _text(tmp_path / "one.pdf")


def test_zoom_in_and_out_of_the_preview(finish, qtbot, section):
    from PySide6.QtPdfWidgets import QPdfView

    section.document.setCurrentIndex(section.document.findData("ledger:visits"))
    section.grid.setCurrentIndex(section.grid.findData("FK-01"))
    section.resize(1100, 700)
    section.show()
    section.generate_preview()
    assert finish(qtbot, section) == "done"
    section.zoom_in.click()
    first = section.view.zoomFactor()
    assert section.view.zoomMode() == QPdfView.ZoomMode.Custom
    section.zoom_in.click()
    assert section.view.zoomFactor() == pytest.approx(first * 1.25)
    section.zoom_out.click()
    section.zoom_out.click()
    assert section.view.zoomFactor() < first
    assert section.zoom_label.text().endswith("%")
    section.fit_width.click()
    assert section.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_a_stale_preview_is_cleared_when_the_document_changes(finish, qtbot, section):
    section.document.setCurrentIndex(section.document.findData("ledger:visits"))
    section.grid.setCurrentIndex(section.grid.findData("FK-01"))
    section.generate_preview()
    assert finish(qtbot, section) == "done"
    assert section.pdf.pageCount() >= 1 and section.preview_area.currentWidget() is not section.hint
    section.document.setCurrentIndex(section.document.findData("ledger:care"))
    assert section.pdf.pageCount() == 0 and section.preview_area.currentWidget() is section.hint
    assert section.preview_path is None and section.status.text() == ""


def test_a_preview_finished_after_a_change_is_not_shown(finish, qtbot, section):
    section.document.setCurrentIndex(section.document.findData("ledger:visits"))
    section.grid.setCurrentIndex(section.grid.findData("FK-01"))
    section.generate_preview()
    section.grid.setCurrentIndex(section.grid.findData("FK-02"))  # while it is being made
    assert finish(qtbot, section) == "done"
    assert section.pdf.pageCount() == 0 and section.preview_area.currentWidget() is section.hint


def test_default_file_names_carry_scope_and_period(section):
    section.document.setCurrentIndex(section.document.findData("ledger:visits"))
    section.grid.setCurrentIndex(section.grid.findData("FK-03"))
    assert section.suggested_name(".pdf") == "福康社区第三网格走访台账-2026-11.pdf"
    section.document.setCurrentIndex(section.document.findData("ledger:members"))
    assert section.suggested_name(".xlsx").startswith("福康社区第三网格在职党员报到服务台账-2026-H")
    with section.ctx.read() as session:
        assert file_name(session, PrintJob("roster", grid_code="FK-03", building="幸福家园7号楼",
                                           today=date(2026, 11, 20)), ".pdf") == \
            "福康社区第三网格楼栋长公示牌-幸福家园7号楼-2026-11-20.pdf"
        assert file_name(session, PrintJob("ledger:visits", month=date(2026, 10, 1), today=date(2026, 11, 20)),
                         ".xlsx") == "福康社区走访台账-2026-10.xlsx"
