"""Fixtures for the work sections: an AppContext on the in-memory database, households, and dialog fakes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gridkeeper.domain.enums import CareTag, PoliticalStatus
from gridkeeper.services.households import create_household
from gridkeeper.services.people import HouseholdInput, ResidentInput

TODAY = date(2026, 11, 20)


@pytest.fixture
def ctx(qtbot, database):
    from gridkeeper.ui.context import AppContext

    return AppContext(database, today=TODAY, user="李晓燕")


@pytest.fixture
def homes(session, place):
    """Three households in 7号楼2单元: 王建华 (301), 赵秀兰 living alone (302, never visited), 陈志强 (401, Party)."""
    made = {}
    for room, name, extra in (("301", "王建华", {}), ("302", "赵秀兰", {"tags": [CareTag.LIVING_ALONE.value]}),
                              ("401", "陈志强", {"political_status": PoliticalStatus.PARTY_MEMBER})):
        saved = create_household(session, HouseholdInput(unit_id=place["unit"], room=room),
                                 [ResidentInput(name=name, is_head=True, phone="13904510011", **extra)])
        made[name] = saved.household.id
    session.commit()
    return made


class Dialogs:
    """Replaces modal dialogs and message boxes: each queued filler gets the dialog, fills it, and accepts."""

    def __init__(self):
        self.fillers: list = []
        self.errors: list[str] = []
        self.confirm_answer = True
        self.seen: list = []

    def run(self, dialog) -> bool:
        self.seen.append(dialog)
        if not self.fillers:
            return False
        self.fillers.pop(0)(dialog)
        dialog.accept()
        return dialog.result() == 1


@pytest.fixture
def dialogs(monkeypatch):
    from gridkeeper.ui import errors
    from gridkeeper.ui.widgets import forms

    fake = Dialogs()
    monkeypatch.setattr(forms, "run_dialog", fake.run)
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: fake.errors.append(text))
    monkeypatch.setattr(forms, "confirm", lambda parent, text: fake.confirm_answer)
    return fake


def type_text(widget, text: str) -> None:
    """Type any text, Chinese included, one key event per character (keyClicks aborts on CJK)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def press_enter(widget) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
