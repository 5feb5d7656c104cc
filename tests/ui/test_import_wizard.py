"""The roster import wizard: file → header and mapping → preview with problem cells → import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from gridkeeper.ui.import_wizard import ImportWizard
from gridkeeper.ui.widgets.table_model import AMBER_BG, RED_BG
from tests.excel.roster_helpers import brief, fixture


@pytest.fixture
def file_ctx(tmp_path, app_font):
    """A context over a database file: the wizard's worker threads need their own connections
    (the shared in-memory test engine has one connection for all threads)."""
    from sqlmodel import Session

    from gridkeeper.services import geography as geo
    from gridkeeper.services.database import open_database
    from gridkeeper.ui.context import AppContext
    from tests.conftest import TODAY

    path = tmp_path / "wizard.db"
    database = open_database(path, create=True)
    with Session(database.engine) as session:
        geo.ensure_community(session, name="福康社区居民委员会")
        geo.create_grid(session, code="FK-03", name="第三网格")
        session.commit()
    yield AppContext(database, today=TODAY)
    database.dispose()


def _advance(qtbot, wizard, page):
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=10000)


def test_wizard_previews_problems_then_imports_valid_rows(qtbot, file_ctx, monkeypatch, qtmodeltester):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    wizard = ImportWizard(file_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(fixture("household", "xlsx")))
    assert wizard.file_page.grid_code() == "FK-03"

    _advance(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    assert page.header_row.value() == 3 and page.mapping()[6] == "id_number"
    assert "one row per household" in page.layout_label.text() or "每户" in page.layout_label.text()
    assert page.table.cellWidget(12, 1).currentData() == ""  # 车牌号: not imported

    _advance(qtbot, wizard, wizard.preview_page)
    model = wizard.preview_page.model
    qtmodeltester.check(model)
    # Excel row 7, column 7 (公民身份号码): the ID saved as a number.
    index = model.index(model.model_row(7), 6)
    assert model.headerData(index.row(), Qt.Orientation.Vertical) == "7"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == RED_BG
    assert "以数字格式保存" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    warning = model.index(model.model_row(12), 6)
    assert model.data(warning, Qt.ItemDataRole.BackgroundRole) == AMBER_BG
    assert wizard.preview_page.problems.rowCount() == 9
    assert "导入 4 行，跳过 7 行" in wizard.preview_page.summary.text()
    assert brief(file_ctx.engine) == []  # the preview wrote nothing

    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.written and wizard.result.counts.households_added == 4
    assert len(brief(file_ctx.engine)) == 4 and "住户：新增 4 户，更新 0 户" in shown[0]


def test_wizard_mapping_can_be_corrected(qtbot, file_ctx, monkeypatch):
    wizard = ImportWizard(file_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(fixture("person", "gbk.csv")))
    _advance(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    relation = page.table.cellWidget(6, 1)
    relation.setCurrentIndex(0)  # the user says 与户主关系 is not to be imported
    assert "relation" not in page.mapping().values()
    assert "one row per household" in page.layout_label.text() or "每户" in page.layout_label.text()
    page.header_row.setValue(1)  # a wrong header row: the title row names no known column
    assert page.mapping() == {}
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert warned and "缺少此列" in warned[0] and wizard.currentPage() is page


def test_wizard_refuses_a_grid_that_does_not_exist(qtbot, file_ctx, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    wizard = ImportWizard(file_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(fixture("household", "xlsx")))
    wizard.file_page.grid_box.setEditText("FK-07")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.file_page and "FK-07" in warned[0]
    assert brief(file_ctx.engine) == []


def test_after_an_import_the_tree_shows_the_new_buildings_at_once(qtbot, file_ctx, monkeypatch):
    from gridkeeper.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window = MainWindow(file_ctx)
    qtbot.addWidget(window)
    grid_item = window.tree.topLevelItem(0).child(0)
    assert grid_item.text(0) == "FK-03 第三网格" and grid_item.childCount() == 0
    wizard = window.open_import_wizard()
    wizard.file_page.path_edit.setText(str(fixture("household", "xlsx")))
    _advance(qtbot, wizard, wizard.mapping_page)
    _advance(qtbot, wizard, wizard.preview_page)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    grid_item = window.tree.topLevelItem(0).child(0)
    assert grid_item.childCount() > 0 and grid_item.child(0).childCount() > 0  # compound → buildings
    households = window.show_section("households")
    assert households.model.rowCount() == 4


def test_a_record_changed_elsewhere_after_the_preview_is_said_and_checked_again(qtbot, file_ctx, monkeypatch,
                                                                                tmp_path):
    """The preview was checked; then another PC changed a resident the file updates. Import: nothing is
    imported, the message names the row and says to check again — the wizard checks again at once, and
    Import then goes through on what is saved now."""
    from sqlmodel import Session, select

    from gridkeeper.services import geography as geo
    from gridkeeper.services.households import create_household, update_resident
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from gridkeeper.storage.audit import set_actor
    from gridkeeper.storage.models import Grid, Resident
    from gridkeeper.ui import errors
    from tests.excel.roster_helpers import write_xlsx

    said = []
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    with file_ctx.write() as session:
        grid = session.exec(select(Grid)).first()
        compound = geo.create_compound(session, name="幸福家园")
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="7号楼")
        unit = geo.create_unit(session, building_id=building.id, label="2单元")
        resident_id = create_household(session, HouseholdInput(unit_id=unit.id, room="301"),
                                       [ResidentInput(name="王建华", phone="13900000000", is_head=True)]).residents[0].id
    path = write_xlsx(tmp_path / "roster.xlsx", ["小区", "楼栋", "单元", "房号", "户主姓名", "联系电话"],
                      [["幸福家园", "7号楼", "2", "301", "王建华", "13812345678"],
                       ["幸福家园", "7号楼", "2", "302", "李梅", "13700000000"]])
    wizard = ImportWizard(file_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    _advance(qtbot, wizard, wizard.mapping_page)
    _advance(qtbot, wizard, wizard.preview_page)
    first_check = wizard.preview
    set_actor(file_ctx.engine, "王敏")  # the other PC
    with file_ctx.write() as session:
        update_resident(session, resident_id, ResidentInput(name="王建华", phone="13904519999", is_head=True))
    set_actor(file_ctx.engine, None)

    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.preview is not first_check, timeout=10000)  # checked again
    assert wizard.result is None and wizard.currentPage() is wizard.preview_page
    assert len(said) == 1 and "第2行：居民“王建华”" in said[0] and "王敏" in said[0] and "没有导入任何内容" in said[0]
    assert [r[3] for r in brief(file_ctx.engine)] == ["301"]  # nothing imported
    with Session(file_ctx.engine) as session:
        assert session.get(Resident, resident_id).phone == "13904519999"

    wizard.button(QWizard.WizardButton.FinishButton).click()  # Import, on the new check
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.written and [r[3] for r in brief(file_ctx.engine)] == ["301", "302"]
