"""The shared deadline words and step-detail box of the requests and hazards sections (ui/widgets)."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from gridkeeper.domain.hazards import HazardStatus
from gridkeeper.ui.widgets.deadlines import Wording, days_html, days_text, due_text, urgency
from gridkeeper.ui.widgets.step_detail import StepDetail

WORDS = Wording("closed late", lambda n: f"{n} left")


@pytest.mark.parametrize("left, late, text", [
    (None, False, ""), (None, True, "closed late"), (-3, False, "3 day(s) overdue"), (0, False, "due today"),
    (5, False, "5 left"),
])
def test_days_text_in_the_registers_own_words(qapp, left, late, text):
    assert days_text(left, late, WORDS) == text


def test_urgency_and_the_today_line(qapp):
    assert [urgency(d) for d in (None, -1, 0, 2, 3)] == ["", "overdue", "soon", "soon", ""]
    assert due_text(-2) == "2 day(s) overdue" and due_text(0) == "due today"
    assert days_html("<5", "") == "　&lt;5" and "color:" in days_html("1 day(s) overdue", "overdue")


def test_step_detail_buttons_history_and_titles(qtbot):
    box = StepDetail("Hazard", HazardStatus, None, step_title="Step", actor_title="By")
    qtbot.addWidget(box)
    asked = []
    buttons = box.step_buttons([(HazardStatus.NOTIFIED, "Notify"), (HazardStatus.CLOSED, "Close")], asked.append)
    buttons[HazardStatus.CLOSED].click()
    assert asked == [HazardStatus.CLOSED] and box.buttons.count() == 2
    box.history_model.set_rows([SimpleNamespace(at=datetime(2026, 11, 8, 2, tzinfo=UTC), to_status="notified",
                                                note="下发整改通知单", actor="李网格")])
    model = box.history_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["When", "Step", "Note", "By"]
    assert [model.data(model.index(0, c)) for c in (1, 2, 3)] == [HazardStatus.NOTIFIED.label, "下发整改通知单", "李网格"]


def test_a_step_happened_today_or_before(qtbot):
    from datetime import date

    from gridkeeper.ui.widgets.forms import date_of, past_date_edit

    edit = past_date_edit(date(2026, 11, 20))
    qtbot.addWidget(edit)
    edit.setDate(edit.date().addDays(3))  # typed or picked after today: held at today
    assert date_of(edit) == date(2026, 11, 20) and edit.maximumDate() == edit.date()
