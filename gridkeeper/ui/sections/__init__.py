"""The work sections the main window embeds: today's work, visits, requests, leaders and members."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def connect_today(today, show_section: Callable[[str], QWidget]) -> None:
    """Make Today's double-clicks act: a request opens in the "requests" section, a vacant post opens the
    "leaders" section's assign dialog. `show_section(key)` brings that section to the front and returns it
    (MainWindow.show_section does)."""
    today.open_request.connect(lambda request_id: show_section("requests").show_request(request_id))
    today.assign_post.connect(lambda role, scope_id: show_section("leaders").assign(role, scope_id))
    today.open_hazard.connect(lambda hazard_id: show_section("hazards").show_hazard(hazard_id))
    today.open_rental.connect(lambda household_id: show_section("rentals").show_flat(household_id))
