"""Opened read-only (another computer holds the database), the sections show everything and change nothing."""

from __future__ import annotations

from dataclasses import replace

from gridkeeper.domain.enums import LeaderRole
from tests.ui.reading import read


def test_read_only_sections_offer_no_changes(qtbot, database, place, homes, dialogs):
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.sections.leaders import LeadersSection
    from gridkeeper.ui.sections.members import MembersSection
    from gridkeeper.ui.sections.requests import RequestsSection
    from gridkeeper.ui.sections.visits import VisitsSection

    from .conftest import TODAY

    ctx = AppContext(replace(database, read_only=True), today=TODAY)
    visits, requests, leaders, members = (cls(ctx) for cls in (VisitsSection, RequestsSection, LeadersSection,
                                                                MembersSection))
    for widget in (visits, requests, leaders, members):
        qtbot.addWidget(widget)
    read(qtbot, requests)
    visits.form.picker.set_household(homes["王建华"])
    assert not visits.form.save_button.isEnabled() and visits.form.save() is None
    assert not requests.new_button.isEnabled() and requests.new_request() is None
    assert not leaders.assign(LeaderRole.UNIT, place["unit"])
    assert not any(b.isEnabled() for b in members.buttons.values()) and not members.register()
    assert dialogs.seen == []
