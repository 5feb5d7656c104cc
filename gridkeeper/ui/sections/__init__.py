"""The work sections the main window embeds: today's work, visits, requests, leaders and members."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def connect_today(today, *, requests, leaders, show: Callable[[QWidget], None]) -> None:
    """Make Today's double-clicks act: a request opens in the requests section, a vacant post in the leaders
    section's assign dialog (`show(section)` brings a section to the front)."""
    def open_request(request_id: int) -> None:
        show(requests)
        requests.show_request(request_id)

    def assign_post(role: str, scope_id: int) -> None:
        show(leaders)
        leaders.assign(role, scope_id)

    today.open_request.connect(open_request)
    today.assign_post.connect(assign_post)
