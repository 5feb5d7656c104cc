"""The main window on a demo database: sections switch, the tree sets the scope, layout is remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from gridkeeper.services.scope import Scope
from gridkeeper.ui.households.editor import HouseholdEditor
from gridkeeper.ui.main_window import MainWindow, available_sections
from tests.ui.reading import read


def _window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for page in window.pages.values():  # the first section's figures are read in the background
        if getattr(page, "reader", None) is not None:
            read(qtbot, page)
    return window


def test_sections_switch_by_list_and_shortcut(qtbot, demo_ctx):
    window = _window(qtbot, demo_ctx)
    keys = window.section_keys()
    assert keys[:1] == ["overview"] and "households" in keys
    assert [s.key for s in available_sections()] == keys
    for number, key in enumerate(keys[:10], start=1):  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number % 10), Qt.KeyboardModifier.ControlModifier)
        assert window.current_section() == key
        assert window.stack.currentWidget() is window.pages[key]


def test_tree_sets_scope_and_households_follow(qtbot, demo_ctx):
    window = _window(qtbot, demo_ctx)
    households = window.show_section("households")
    everyone = households.model.rowCount()
    grid_item = window.tree.topLevelItem(0).child(0)
    building_item = grid_item.child(0).child(0)
    window.tree.setCurrentItem(building_item)
    assert demo_ctx.scope.building_id and isinstance(demo_ctx.scope, Scope)
    assert 0 < households.model.rowCount() < everyone
    assert households.matrix.room_buttons and building_item.text(0) in window.scope_label.text()


def test_search_opens_editor_and_ctrl_n_opens_new(qtbot, demo_ctx):
    window = _window(qtbot, demo_ctx)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    with qtbot.waitSignal(window.search.results_shown, timeout=2000):
        qtbot.keyClicks(window.search, "z")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert isinstance(window.editor, HouseholdEditor) and window.editor.household_id
    window.editor.close()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.household_id is None


def test_del_in_the_list_deletes_after_asking(qtbot, demo_ctx, monkeypatch):
    window = _window(qtbot, demo_ctx)
    page = window.show_section("households")
    before = page.model.rowCount()
    page.table.setFocus()
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == before - 1


def test_layout_and_last_section_are_remembered(qtbot, demo_ctx):
    window = _window(qtbot, demo_ctx)
    window.show_section("households")
    window.splitter.setSizes([300, window.splitter.width() - 300])
    state = window.splitter.saveState()
    window.close()
    assert QSettings().value("main/splitter") == state
    assert QSettings().value("main/section") == "households"
    assert QSettings().value("main/geometry") is not None
    again = _window(qtbot, demo_ctx)
    assert again.current_section() == "households"
    assert again.saveGeometry() == QSettings().value("main/geometry") or again.width() >= again.minimumWidth()


def test_today_double_click_opens_the_overdue_request_in_requests(qtbot, demo_ctx):
    window = _window(qtbot, demo_ctx)
    today = read(qtbot, window.show_section("today"))
    overdue = [row for row in today.request_model.rows() if row.request.deadline < demo_ctx.today()]
    assert len(overdue) >= 2, "the demo has overdue requests"
    wanted = overdue[-1].request  # not the first: the requests section selects the most urgent one by itself
    row = today.request_model.rows().index(overdue[-1])
    view = today.request_view
    view.scrollTo(today.request_model.index(row, 0))
    rect = view.visualRect(today.request_model.index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the press a real double-click starts with
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_section() == "requests"
    requests = window.pages["requests"]
    assert requests.current is not None and requests.current.id == wanted.id  # at once, the list meanwhile
    read(qtbot, requests)
    assert requests.current.id == wanted.id  # the list's arrival keeps it, and selects its row
    selected = requests.table.selectionModel().selectedRows()
    assert [requests.model.row_at(index.row()).request.id for index in selected] == [wanted.id]
