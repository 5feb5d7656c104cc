"""The household window: its visits and requests, logging a visit or raising a request from it, and asking
before unsaved changes are lost (Esc, 关闭, or opening another household)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.services.requests import RequestInput, raise_request
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.storage.models import Household, ResidentRequest
from gridkeeper.ui.households import editor as editor_module
from gridkeeper.ui.households.editor import HouseholdEditor
from gridkeeper.ui.main_window import MainWindow
from gridkeeper.ui.widgets import forms
from tests.conftest import TODAY


@pytest.fixture
def home(ctx, place):
    with ctx.write() as session:
        saved = create_household(session, HouseholdInput(unit_id=place["unit"], room="301"),
                                 [ResidentInput(name="王建华", is_head=True)])
        household_id = saved.household.id
        for day in (date(2026, 10, 3), date(2026, 11, 12)):
            record_visit(session, VisitInput(household_id=household_id, visited_on=day, visitor_name="李晓燕",
                                             findings=f"{day:%m月%d日}一切正常"), today=TODAY)
        raise_request(session, RequestInput(household_id=household_id, description="楼道灯坏了", category="other",
                                            raised_on=date(2026, 11, 12)), today=TODAY)
    return household_id


@pytest.fixture
def answers(monkeypatch):
    """What the "unsaved changes" question is answered with, and how often it was asked."""
    asked: list[str] = []
    queue: list[str] = []

    def ask(_parent):
        asked.append("asked")
        return queue.pop(0)

    monkeypatch.setattr(editor_module, "ask_unsaved", ask)
    return queue, asked


def test_the_window_lists_the_households_visits_and_requests(qtbot, ctx, home):
    editor = HouseholdEditor(ctx, home)
    qtbot.addWidget(editor)
    visits, requests = editor.record.visit_model, editor.record.request_model
    assert visits.rowCount() == 2 and visits.data(visits.index(0, 0)) == "2026-11-12"  # newest first
    assert "一切正常" in visits.data(visits.index(0, 4))
    assert requests.rowCount() == 1 and requests.data(requests.index(0, 5)) == "楼道灯坏了"
    assert re.search(r"[(（]2[)）]", editor.tabs.tabText(1)) and re.search(r"[(（]1[)）]", editor.tabs.tabText(2))
    assert editor.visit_button.isEnabled() and editor.request_button.isEnabled()


def test_a_new_household_cannot_log_a_visit_before_it_is_saved(qtbot, ctx, place):
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    assert not editor.visit_button.isEnabled() and not editor.request_button.isEnabled()
    assert editor.record.visit_model.rowCount() == 0


def test_raise_a_request_from_the_window(qtbot, ctx, home, monkeypatch):
    def fill(dialog):
        assert dialog.picker.household_id == home
        dialog.description.setPlainText("想申请高龄补贴")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(forms, "run_dialog", fill)
    editor = HouseholdEditor(ctx, home)
    qtbot.addWidget(editor)
    request = editor.new_request()
    assert request is not None and request.household_id == home
    assert editor.record.request_model.rowCount() == 2 and editor.tabs.currentIndex() == 2
    with ctx.read() as session:
        assert len(session.exec(select(ResidentRequest)).all()) == 2


def test_log_a_visit_opens_visits_with_the_household_chosen(qtbot, ctx, home, answers):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    editor = window.open_household(home)
    editor.visit_button.click()
    assert not editor.isVisible()
    assert window.current_section() == "visits"
    assert window.pages["visits"].form.picker.household_id == home
    assert answers[1] == []  # nothing was changed: nothing to ask


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, None])
def test_closing_with_unsaved_changes_asks_and_cancel_keeps_them(qtbot, ctx, home, answers, key):
    queue, asked = answers
    editor = HouseholdEditor(ctx, home)
    qtbot.addWidget(editor)
    editor.show()
    editor.room.setText("302")
    queue.append("cancel")
    if key is None:
        editor.buttons.rejected.emit()  # 关闭
    else:
        qtbot.keyClick(editor, key)
    assert asked == ["asked"] and editor.isVisible() and editor.room.text() == "302"
    queue.append("discard")
    editor.close()
    assert not editor.isVisible()
    with ctx.read() as session:
        assert session.get(Household, home).room == "301"


def test_save_from_the_question_saves_then_closes(qtbot, ctx, home, answers):
    queue, asked = answers
    editor = HouseholdEditor(ctx, home)
    qtbot.addWidget(editor)
    editor.show()
    editor.phone.setText("13904510099")
    queue.append("save")
    editor.reject()
    assert asked and not editor.isVisible()
    with ctx.read() as session:
        assert session.get(Household, home).phone == "13904510099"


def test_an_unchanged_window_closes_without_asking(qtbot, ctx, home, answers):
    editor = HouseholdEditor(ctx, home)
    qtbot.addWidget(editor)
    editor.show()
    editor.reject()
    assert not editor.isVisible() and answers[1] == []


def test_opening_another_household_keeps_the_first_when_the_user_cancels(qtbot, ctx, home, answers):
    queue, _ = answers
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    first = window.open_household(home)
    first.notes.setPlainText("独居，子女在外地")
    queue.append("cancel")
    assert window.open_household(None) is first and first.isVisible()
