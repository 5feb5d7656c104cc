"""From an empty database to the first printed ledger, all in the GUI: the setup wizard, the place tree's
menu and dialogs, registering a household in a laid-out room, and printing with the names typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard
from sqlmodel import func, select

from gridkeeper.services.community_setup import CommunityDetails, GridDetails, set_up
from gridkeeper.services.database import open_database
from gridkeeper.storage.models import Building, Community, Grid, Household, Unit
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.main_window import MainWindow
from gridkeeper.ui.place_dialogs import BuildingDialog, CompoundDialog, GridDialog
from gridkeeper.ui.setup_wizard import MANUAL, SetupWizard, offer_to_create, run_setup_if_needed
from gridkeeper.ui.widgets import forms
from gridkeeper.services.changes import Change
from tests.conftest import TODAY


class Driver:
    """Stands in for forms.run_dialog: each dialog the app opens is handed to the next step."""

    def __init__(self):
        self.steps: list = []
        self.seen: list = []

    def run(self, dialog) -> bool:
        self.seen.append(dialog)
        assert self.steps, f"unexpected dialog {type(dialog).__name__}"
        return self.steps.pop(0)(dialog)


@pytest.fixture
def driver(monkeypatch):
    fake = Driver()
    monkeypatch.setattr(forms, "run_dialog", fake.run)
    monkeypatch.setattr(forms, "confirm", lambda parent, text: True)
    return fake


@pytest.fixture
def errors(monkeypatch):
    from gridkeeper.ui import errors as ui_errors

    shown: list[str] = []
    monkeypatch.setattr(ui_errors, "_box", lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture
def empty_window(qtbot, tmp_path, app_font):
    path = tmp_path / "福康.db"
    ctx = AppContext(open_database(path, create=True), today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    ctx.database.dispose()


def _next(wizard) -> None:
    button = QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage() else QWizard.WizardButton.NextButton
    wizard.button(button).click()


def _type(qtbot, edit, text: str) -> None:
    """Type into a field; Chinese arrives as an input method commits it (QTest cannot key it in)."""
    edit.clear()
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def _cells(page, row: int, *values: str) -> None:
    while page.table.rowCount() <= row:
        page.add_grid()
    for column, text in enumerate(values):
        page.table.item(row, column).setText(text)


def drive_setup(qtbot):
    """Fill the wizard as a steward would, making the usual mistakes first."""
    def step(wizard: SetupWizard) -> bool:
        wizard.show()
        page = wizard.community_page
        _type(qtbot, page.hotline, "12345")
        _next(wizard)
        assert wizard.currentPage() is page  # refused, with the reasons next to the fields
        assert "福康社区居民委员会" in page.errors.text("name") and page.errors.text("hotline")
        _type(qtbot, page.name, "福康社区居民委员会")
        _type(qtbot, page.subdistrict, "新华街道")
        _type(qtbot, page.district, "道里区")
        _type(qtbot, page.hotline, "0451-86123456")
        _type(qtbot, page.supervision, "0451-86120000")
        _next(wizard)
        grids = wizard.grids_page
        assert wizard.currentPage() is grids
        _cells(grids, 0, "FK-01", "第一网格", "李晓燕", "13904510001")
        _cells(grids, 1, "fk-01", "第二网格", "王丽", "555")
        _next(wizard)
        assert wizard.currentPage() is grids
        assert grids.cell_error(1, 0) == "FK-01 与第1个网格重复" and "网格员电话" in grids.error_list.text()
        _cells(grids, 1, "FK-02", "第二网格", "王丽", "13904510002")
        _next(wizard)
        assert wizard.currentPage() is wizard.next_page
        assert wizard.choice() == MANUAL
        wizard.button(QWizard.WizardButton.FinishButton).click()
        return wizard.result() == QDialog.DialogCode.Accepted
    return step


def fill_compound(qtbot, name: str, company: str):
    def step(dialog: CompoundDialog) -> bool:
        _type(qtbot, dialog.name, name)
        _type(qtbot, dialog.company, company)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result() == QDialog.DialogCode.Accepted
    return step


def fill_building(qtbot, label: str, units: int, floors: int, rooms: int, grid_code: str):
    def step(dialog: BuildingDialog) -> bool:
        _type(qtbot, dialog.label, label)
        dialog.grid.setCurrentIndex(dialog.grid.findText(grid_code, Qt.MatchFlag.MatchStartsWith))
        dialog.units.setValue(units)
        dialog.floors.setValue(floors)
        dialog.rooms.setValue(rooms)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result() == QDialog.DialogCode.Accepted
    return step


def _tree_labels(item) -> list:
    return [item.text(0), [_tree_labels(item.child(i)) for i in range(item.childCount())]]


def _wait_for(qtbot, path: Path) -> None:
    qtbot.waitUntil(lambda: path.exists() and path.stat().st_size > 0, timeout=30000)


def test_from_an_empty_database_to_a_printed_ledger(qtbot, empty_window, driver, errors, tmp_path):
    window, ctx = empty_window, empty_window.ctx
    driver.steps += [drive_setup(qtbot), fill_compound(qtbot, "幸福家园", "南方物业公司"),
                     fill_building(qtbot, "7号楼", units=2, floors=6, rooms=2, grid_code="FK-01")]
    assert run_setup_if_needed(window)
    assert driver.steps == [] and errors == []
    with ctx.read() as session:
        assert session.exec(select(Community)).one().name == "福康社区居民委员会"
        assert [g.code for g in session.exec(select(Grid).order_by(Grid.code))] == ["FK-01", "FK-02"]
        assert session.exec(select(func.count()).select_from(Household)).one() == 24
    root = window.tree.topLevelItem(0)
    assert _tree_labels(root) == ["福康社区居民委员会", [
        ["FK-01 第一网格", [["幸福家园", [["7号楼", [["1单元", []], ["2单元", []]]]]]]], ["FK-02 第二网格", []]]]
    assert window.tree.currentItem().text(0) == "7号楼"  # what was made is selected
    # The building's visit matrix has every room from day one.
    households = window.show_section("households")
    households.tabs.setCurrentWidget(households.matrix)
    assert len(households.matrix.room_buttons) == 24

    # Register a household in room 301 of unit 2 (the laid-out vacant room is filled, not duplicated).
    unit_item = window.tree.currentItem().child(1)
    window.tree.setCurrentItem(unit_item)
    editor = window.new_household()
    assert editor.unit.currentText().endswith("7号楼 2单元")
    _type(qtbot, editor.room, "301")
    editor.residents.item(0, 0).setText("王建华")
    editor.save_button.click()
    assert editor.household_id is not None
    with ctx.read() as session:
        assert session.exec(select(func.count()).select_from(Household)).one() == 24

    # Print a wall roster and the visit ledger: their titles carry the names typed above.
    from tests.reports.printed import flat, pages_text

    def pdf_text(path):
        return flat("".join(pages_text(path)))

    printing = window.show_section("printing")
    printing.grid.setCurrentIndex(printing.grid.findData("FK-01"))
    ledger, roster = tmp_path / "ledger.pdf", tmp_path / "roster.pdf"
    printing.document.setCurrentIndex(printing.document.findData("ledger:visits"))
    printing.save_to(ledger)
    _wait_for(qtbot, ledger)
    printing.document.setCurrentIndex(printing.document.findData("roster"))
    printing.save_to(roster)
    _wait_for(qtbot, roster)
    ledger_text, roster_text = pdf_text(ledger), pdf_text(roster)
    assert "福康社区居民委员会" in ledger_text and "第一网格" in ledger_text
    assert "福康社区居民委员会" in roster_text and "7号楼" in roster_text and "0451-86123456" in roster_text


@pytest.fixture
def set_up_window(qtbot, tmp_path, app_font):
    path = tmp_path / "set.db"
    database = open_database(path, create=True)
    with AppContext(database).write() as session:
        set_up(session, CommunityDetails("福康社区居民委员会"), [GridDetails("FK-01", "第一网格"),
                                                             GridDetails("FK-02", "第二网格")])
    ctx = AppContext(database, today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    database.dispose()


def _grid_item(window, code: str):
    root = window.tree.topLevelItem(0)
    return next(root.child(i) for i in range(root.childCount()) if root.child(i).text(0).startswith(code))


def test_context_menu_names_the_keys_and_f2_edits(qtbot, set_up_window, driver, errors):
    window = set_up_window
    window.tree.setCurrentItem(_grid_item(window, "FK-01"))
    menu = window.tree.actions_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert len(texts) == 3 and all(a.isEnabled() for a in menu.actions())
    assert [a.shortcut().toString() for a in menu.actions() if a.text()] == ["F2", "Ins", "Del"]

    def rename(dialog: GridDialog) -> bool:
        _type(qtbot, dialog.name, "第一网格（北区）")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    driver.steps.append(rename)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    assert window.tree.currentItem().text(0) == "FK-01 第一网格（北区）"
    assert "第一网格（北区）" in window.scope_label.text()


def test_grid_dialog_shows_duplicate_code_next_to_the_field(qtbot, set_up_window):
    dialog = GridDialog(set_up_window.ctx)
    qtbot.addWidget(dialog)
    _type(qtbot, dialog.code, "fk-02")
    _type(qtbot, dialog.name, "又一个")
    _type(qtbot, dialog.phone, "123")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "“123”不是有效的" in dialog.errors.text("steward_phone")
    _type(qtbot, dialog.phone, "13904510009")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.text("code") == "FK-02 已被“第二网格”使用" and dialog.errors.text("steward_phone") == ""
    assert not dialog.errors.general.text()  # each reason under its field, none in the general line


def test_place_dialogs_put_each_reason_under_its_field(qtbot, set_up_window):
    from gridkeeper.ui.place_dialogs import CommunityDialog, UnitDialog

    ctx = set_up_window.ctx
    compound = CompoundDialog(ctx)
    qtbot.addWidget(compound)
    compound.accept()  # no name
    assert compound.errors.text("name") == "不能为空" and not compound.errors.general.text()
    from gridkeeper.services import place_edit

    with ctx.write() as session:
        grid_id = session.exec(select(Grid.id)).first()
        compound_id = place_edit.add_compound(session, name="幸福家园").id
        building_id = place_edit.add_building(session, grid_id=grid_id, compound_id=compound_id, label="7号楼").id
    unit = UnitDialog(ctx, building_id=building_id)
    qtbot.addWidget(unit)
    _type(qtbot, unit.label, "0单元")
    unit.accept()
    assert unit.errors.text("unit") == "单元号不能为0" and not unit.errors.general.text()
    community = CommunityDialog(ctx)
    qtbot.addWidget(community)
    _type(qtbot, community.name, "")
    _type(qtbot, community.supervision, "12345")
    community.accept()
    assert community.errors.text("name").startswith("不能为空") and "“12345”" in community.errors.text("supervision_phone")
    assert not community.errors.general.text()
    building = BuildingDialog(ctx, building_id)
    qtbot.addWidget(building)
    _type(qtbot, building.label, "")
    building.accept()
    assert building.errors.text("building") == "不能为空" and not building.errors.general.text()


def test_delete_refused_with_reason_then_allowed(qtbot, set_up_window, driver, errors):
    window, ctx = set_up_window, set_up_window.ctx
    driver.steps += [fill_compound(qtbot, "幸福家园", ""),
                     fill_building(qtbot, "7号楼", units=1, floors=2, rooms=2, grid_code="FK-01")]
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    assert window.place_actions.new_compound() and window.place_actions.new_building()
    building_item = window.tree.currentItem()
    editor = window.open_household(unit_id=building_item.child(0) and window.tree.place_of(building_item.child(0))[1])
    _type(qtbot, editor.room, "101")
    editor.residents.item(0, 0).setText("王建华")
    assert editor.save()
    window.tree.setCurrentItem(building_item)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert errors and "1 户登记了居民" in errors[-1] and "例如 7号楼1单元101" in errors[-1]
    with ctx.write() as session:
        from gridkeeper.services import trash

        trash.delete_household(session, editor.household_id)
    ctx.notify(Change.HOUSEHOLDS)
    window.tree.setCurrentItem(window.tree.find_place("building", window.tree.place_of(building_item)[1]))
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert window.tree.find_place("building", 1) is None
    assert window.tree.currentItem() is window.tree.topLevelItem(0)  # the scope falls back to the community


def test_move_building_to_another_grid_in_the_tree(qtbot, set_up_window, driver):
    window = set_up_window
    driver.steps += [fill_compound(qtbot, "幸福家园", ""),
                     fill_building(qtbot, "7号楼", units=1, floors=1, rooms=1, grid_code="FK-01")]
    window.place_actions.new_compound()
    window.place_actions.new_building()
    building_id = window.tree.place_of(window.tree.currentItem())[1]

    def move(dialog) -> bool:
        dialog.grid.setCurrentIndex(dialog.grid.findText("FK-02", Qt.MatchFlag.MatchStartsWith))
        dialog.accept()
        return True

    driver.steps.append(move)
    assert window.place_actions.move_building(building_id)
    item = window.tree.currentItem()
    assert item.text(0) == "7号楼" and item.parent().parent().text(0) == "FK-02 第二网格"
    with window.ctx.read() as session:
        assert session.get(Building, building_id).grid_id == session.exec(
            select(Grid.id).where(Grid.code == "FK-02")).one()


def test_a_steward_cannot_change_grids(qtbot, set_up_window, monkeypatch, errors):
    from gridkeeper.services import accounts

    window, ctx = set_up_window, set_up_window.ctx
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    with ctx.write() as session:
        accounts.create_account(session, "admin", "secret1", role="administrator")
        accounts.create_account(session, "李晓燕", "secret2", grid_codes=["FK-01"])
    with ctx.read() as session:
        accounts.sign_in(ctx.engine, accounts.find_account(session, "李晓燕"))
    window.tree.setCurrentItem(_grid_item(window, "FK-01"))
    menu = window.tree.actions_menu()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert list(enabled.values()) == [False, True, False]  # edit/delete grid: administrator only
    ctx.notify(Change.EVERYTHING)  # as after signing in: the tree holds the steward's own grid only
    root = window.tree.topLevelItem(0)
    assert [root.child(i).text(0) for i in range(root.childCount())] == ["FK-01 第一网格"]
    window.tree.setCurrentItem(_grid_item(window, "FK-01"))
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    assert errors and ("administrator" in errors[-1] or "管理员" in errors[-1])
    with pytest.raises(accounts.PermissionDenied), ctx.write() as session:  # the guard holds behind the GUI too
        from gridkeeper.services.place_edit import update_grid

        update_grid(session, 1, GridDetails("FK-01", "改名"))
    accounts.sign_in(ctx.engine, None)


def test_import_refreshes_the_tree_at_once(qtbot, set_up_window):
    window, ctx = set_up_window, set_up_window.ctx
    with ctx.write() as session:
        from gridkeeper.services import geography as geo

        compound = geo.create_compound(session, name="丰收小区")
        geo.create_building(session, grid_id=1, compound_id=compound.id, label="2号楼")
    ctx.notify(Change.EVERYTHING)  # what the import wizard sends when it finishes
    assert _tree_labels(window.tree.topLevelItem(0))[1][0] == ["FK-01 第一网格", [["丰收小区", [["2号楼", []]]]]]


def test_new_household_on_an_empty_place_list_offers_what_to_create(qtbot, set_up_window, driver):
    window = set_up_window
    editor = window.new_household()
    assert editor.unit.count() == 0 and editor.create_place_button.isVisible()
    assert "create a compound and a building" in editor.notice.text() or "楼栋" in editor.notice.text()
    driver.steps += [fill_compound(qtbot, "幸福家园", ""),
                     fill_building(qtbot, "7号楼", units=1, floors=2, rooms=1, grid_code="FK-01")]
    editor.create_place_button.click()
    assert editor.unit.count() == 1 and not editor.create_place_button.isVisible()


def test_missing_database_file_is_offered_for_creation(tmp_path, qapp):
    def click_create(box, create):
        assert "不存在" in box.text() or "no database" in box.text().lower()
        return create

    assert offer_to_create(tmp_path / "new.db", choose=click_create)
    assert not offer_to_create(tmp_path / "new.db", choose=lambda box, create: None)


def test_laying_out_a_big_building_is_instant_enough(set_up_window):
    """6 units × 18 floors × 2 rooms through the real dialog (bulk insert; not a timing assertion)."""
    from gridkeeper.ui.place_dialogs import LayoutDialog

    ctx = set_up_window.ctx
    with ctx.write() as session:
        from gridkeeper.services import geography as geo

        compound = geo.create_compound(session, name="幸福家园")
        building_id = geo.create_building(session, grid_id=1, compound_id=compound.id, label="9号楼").id
    dialog = LayoutDialog(ctx, building_id)
    dialog.units.setValue(6)
    dialog.floors.setValue(18)
    dialog.rooms.setValue(2)
    dialog.accept()
    assert dialog.result_value.rooms_added == 216
    with ctx.read() as session:
        assert session.exec(select(func.count()).select_from(Unit).where(Unit.building_id == building_id)).one() == 6


def test_recycle_bin_restores_a_deleted_building(qtbot, set_up_window, driver):
    from gridkeeper.ui.households.recycle_bin import RecycleBin

    window = set_up_window
    driver.steps += [fill_compound(qtbot, "幸福家园", ""),
                     fill_building(qtbot, "7号楼", units=1, floors=2, rooms=2, grid_code="FK-01")]
    window.place_actions.new_compound()
    window.place_actions.new_building()
    building_id = window.tree.place_of(window.tree.currentItem())[1]
    assert window.place_actions.delete("building", building_id)
    assert window.tree.find_place("building", building_id) is None
    bin_ = RecycleBin(window.ctx)
    qtbot.addWidget(bin_)
    assert bin_.table.item(0, 0).text() == "楼栋 幸福家园7号楼（含 4 个未登记的房间）"
    assert bin_.restore_selected() == "place"
    assert window.tree.find_place("building", building_id) is not None  # the tree shows it at once


def test_demo_choice_opens_a_separate_file_and_says_where(qtbot, set_up_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.ui import setup_wizard

    told: list[str] = []
    monkeypatch.setattr(setup_wizard, "DEMO_HOUSEHOLDS", 40)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window = set_up_window
    demo = setup_wizard.follow_choice(window, setup_wizard.DEMO)
    qtbot.addWidget(demo)
    path = window.ctx.db_path.parent / setup_wizard.DEMO_FILE
    assert demo.ctx.db_path == path != window.ctx.db_path
    assert str(path) in told[0] and str(window.ctx.db_path) in told[0]
    with window.ctx.read() as session:  # the community's own file has no demo households
        assert session.exec(select(func.count()).select_from(Household)).one() == 0
    with demo.ctx.read() as session:
        assert session.exec(select(func.count()).select_from(Household)).one() == 40
    demo.ctx.database.dispose()


def test_gridkeeper_db_on_a_missing_file_offers_creation(tmp_path, monkeypatch, qapp):
    from types import SimpleNamespace

    from gridkeeper.ui import app, setup_wizard

    missing = tmp_path / "新社区.db"
    asked = []
    monkeypatch.setattr(setup_wizard, "offer_to_create", lambda path: asked.append(path) or False)
    # English: a Chinese translator installed here would stay installed for the tests that follow.
    assert app.run(SimpleNamespace(db=str(missing), lang="en", today=None)) == app.EXIT_DB
    assert asked == [missing] and not missing.exists()  # declined: nothing created


def test_a_failed_write_in_a_place_dialog_is_shown_and_keeps_the_dialog(qtbot, set_up_window, monkeypatch):
    from gridkeeper.services import place_edit
    from gridkeeper.ui import errors

    shown = []
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: shown.append(text))

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(place_edit, "add_compound", disk_full)
    dialog = CompoundDialog(set_up_window.ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("幸福家园")
    dialog.accept()
    assert shown and "space" in shown[0] and dialog.result() != QDialog.DialogCode.Accepted


def test_names_an_earlier_import_made_up_are_offered_for_replacing(qtbot, tmp_path, app_font, driver, monkeypatch):
    """Databases filled by earlier versions' imports carry 本社区 / 网格FK-03 on every ledger."""
    from gridkeeper.services.database import open_database as open_db
    from gridkeeper.storage.models import Community as C
    from gridkeeper.ui.setup_wizard import on_opening

    database = open_db(tmp_path / "old.db", create=True)
    with database.engine.begin() as conn:
        conn.execute(C.__table__.insert().values(id=1, name="本社区", subdistrict="", district="", hotline="",
                                                 supervision_phone=""))
        conn.execute(Grid.__table__.insert().values(community_id=1, code="FK-03", name="网格FK-03",
                                                    steward_name="", steward_phone=""))
    window = MainWindow(AppContext(database, today=TODAY))
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(forms, "confirm", lambda parent, text: asked.append(text) or True)

    def real_name(dialog) -> bool:
        _type(qtbot, dialog.name, "福康社区居民委员会")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    driver.steps.append(real_name)
    on_opening(window)
    assert "社区名称“本社区”" in asked[0] and "网格名称“网格FK-03”" in asked[0]
    assert window.tree.topLevelItem(0).text(0) == "福康社区居民委员会"
    asked.clear()
    on_opening(window)  # once named, never asked again for the community (the grid is renamed with F2)
    assert "本社区" not in asked[0]
    database.dispose()
