"""Render the screenshots of 帮助 › 使用说明 (resources/help/images/) from the app itself, offscreen at 1366×768.

    python -m gridkeeper.ui.guide_images --db demo.db [--out resources/help/images] [--today 2026-11-20]
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

SIZE = (1366, 768)  # the common office laptop screen the guide is written for
WIDTH = 880  # the pictures are scaled to fit the guide window without a sideways scroll bar


def render(db: Path, out: Path, *, today: date | None = None) -> list[Path]:
    """One PNG per step the guide shows; returns the files written."""
    from gridkeeper.ui.screenshots import Shots, open_window

    with open_window(db, lang="zh_CN", today=today, size=SIZE) as window:
        window.statusBar().clearMessage()  # the pictures must not show where this machine keeps its files
        return _render(window, Shots(out, window, width=WIDTH, settle=3))


def _render(window, shot) -> list[Path]:
    from gridkeeper.ui.screenshots import _pick_building, preview_ledger, show_section

    grid = window.tree.topLevelItem(0).child(0)
    window.tree.setCurrentItem(grid)
    show_section(window, "today")
    shot("today")
    _pick_building(window)
    visits = window.show_section("visits")
    households = window.pages.get("households") or window.show_section("households")
    first = households.model.household_id(0)
    window.show_section("visits")
    visits.start_visit(first)
    visits.form.findings.setText("老人身体状况良好，叮嘱注意保暖")
    shot("visit-entry")
    visits.form.start_next()
    editor = window.open_household(first)
    editor.resize(1000, 600)
    editor.tabs.setCurrentIndex(1)
    shot("household-window", editor)
    editor.close()
    window.show_section("requests")
    shot("requests")
    window.tree.setCurrentItem(grid)
    printing = window.show_section("printing")
    preview_ledger(printing)
    shot("print-preview")
    return shot.written


def main(argv: list[str] | None = None) -> int:
    from gridkeeper.ui.screenshots import arguments

    args = arguments(argv, __doc__, out="resources/help/images", languages=False)
    for path in render(args.db, args.out, today=args.today):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
