"""Render every section of the main window on a database to PNG (offscreen), for the README and for review.

    python -m gridkeeper.ui.screenshots --db demo.db --out docs/screenshots/ [--lang zh_CN] [--today 2026-11-20]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

SIZE = (1440, 900)


def _pick_building(window) -> None:
    """Select the first building in the tree so the household list and matrix show one building."""
    grid = window.tree.topLevelItem(0).child(0)
    if grid is not None and grid.childCount() and grid.child(0).childCount():
        grid.setExpanded(True)
        grid.child(0).setExpanded(True)
        window.tree.setCurrentItem(grid.child(0).child(0))


def shot_with_popup(window, path: Path) -> None:
    """The window with the search popup (a separate top-level window) painted where it appears."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = window.grab()
    popup = window.search.popup
    painter = QPainter(image)
    painter.drawPixmap(window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft())), popup.grab())
    painter.end()
    image.save(str(path))


def render(db: Path, out: Path, *, lang: str = "zh_CN", today: date | None = None) -> list[Path]:
    """Write one PNG per section (plus the matrix, the editor and the search popup); returns the files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from gridkeeper.ui.app import application, open_main_window

    app = application(lang)
    window = open_main_window(db, create=False, today=today)
    window.resize(*SIZE)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def shot(name: str, widget=None) -> None:
        QApplication.processEvents()
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        written.append(path)

    for number, key in enumerate(window.section_keys(), start=1):
        window.show_section(key)
        shot(f"{number:02d}-{key}")
    households = window.show_section("households")
    _pick_building(window)
    households.tabs.setCurrentWidget(households.matrix)
    shot("10-building-matrix")
    households.tabs.setCurrentIndex(0)
    editor = window.open_household(households.model.household_id(0))
    editor.resize(1060, 560)
    shot("11-household-editor", editor)
    editor.close()
    window.search.setText("zh")
    window.search.run_search()
    shot_with_popup(window, out / "12-search.png")
    written.append(out / "12-search.png")
    window.search.popup.hide()
    window.ctx.engine.dispose()
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    for path in render(args.db, args.out, lang=args.lang, today=args.today):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
