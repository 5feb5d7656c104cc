"""Where an item stands against its deadline, said and coloured alike in every list (requests, hazards,
the Today boxes): N days left, due today, N days overdue; amber when due soon, red when overdue.

A register keeps its own words where they differ (a hazard closed late is 逾期整改, a request 超期): the
section passes them in (`Wording`); the words every register shares are translated here."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from gridkeeper.ui.widgets.table_model import AMBER, AMBER_BG, RED, RED_BG

DUE_SOON_DAYS = 2
FOREGROUND = {"overdue": RED, "soon": AMBER}
BACKGROUND = {"overdue": RED_BG, "soon": AMBER_BG}


def urgency(left: int | None) -> str:
    """"overdue", "soon" (due within DUE_SOON_DAYS) or "" for `left` days to the deadline (None: closed)."""
    if left is None:
        return ""
    return "overdue" if left < 0 else "soon" if left <= DUE_SOON_DAYS else ""


def due_text(left: int) -> str:
    """A line of a Today box (due today or past): 今天到期 or 超期 N 天."""
    return overdue_text(-left) if left < 0 else QCoreApplication.translate("Deadlines", "due today")


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("Deadlines", "%n day(s) overdue", "", days)


@dataclass(frozen=True)
class Wording:
    """A register's own words: an item closed after its deadline, and N days left."""

    late: str
    days_left: Callable[[int], str]


def days_text(left: int | None, late: bool, wording: Wording) -> str:
    """The "days left" cell: N days left, due today, N days overdue; for a closed item (`left` None) the
    register's word for closed late, or nothing."""
    if left is None:
        return wording.late if late else ""
    if left < 0:
        return overdue_text(-left)
    return due_text(0) if left == 0 else wording.days_left(left)


def days_html(text: str, urgency_: str) -> str:
    """The days-left text after a detail line: set off by a wide space, coloured as in the list."""
    colour = FOREGROUND.get(urgency_)
    text = html.escape(text)
    return f"　<span style='color:{colour.name()}'>{text}</span>" if colour else f"　{text}"


__all__ = ["BACKGROUND", "DUE_SOON_DAYS", "FOREGROUND", "Wording", "days_html", "days_text", "due_text", "overdue_text",
           "urgency"]
