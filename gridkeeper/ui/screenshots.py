"""Render every section of the main window on a database to PNG (offscreen), for the README and for review.

    python -m gridkeeper.ui.screenshots --db demo.db --out docs/screenshots/ [--lang zh_CN] [--today 2026-11-20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

SIZE = (1440, 900)

# A small roster with the mistakes people really make (bad check digit, ID typed as a number, short phone,
# same household twice), to show the import wizard's preview with its problem cells.
ROSTER_ROWS = [
    ["丰收小区住户信息登记表"],
    ["序号", "小区名称", "楼栋号", "单元号", "门牌号", "户主", "公民身份号码", "手机号", "居住类型", "人员类别"],
    [1, "丰收小区", "2号楼", "1单元", "101", "王建华", "110105194912310011", "138 1234 5678", "自住", "独居、高龄"],
    [2, "丰收小区", "2号楼", "1单元", "102", "李秀英", "110105195302280024", "13812345679", "出租", ""],
    [3, "丰收小区", "2栋", "1", "201", "张伟", "1.10105E+17", "13912345678", "自住", ""],
    [4, "丰收小区", "2号楼", "1单元", "101", "王建华", "", "", "自住", ""],
    [5, "丰收小区", "2号楼", "1单元", "202", "钱进", "110105198706150036", "13600001234", "自住", ""],
    [6, "丰收小区", "2号楼", "1单元", "301", "孙丽", "110105196503120048", "12345", "自住", "低保"],
    [7, "丰收小区", "2号楼", "2单元", "101", "周杰", "230103195710170013", "13700001111", "自住", "退役军人"],
    [8, "丰收小区", "2号楼", "2单元", "102", "赵敏", "110105197809090050", "13600002222", "出租", ""],
    [9, "丰收小区", "2号楼", "2单元", "201", "刘洋", "11010519420722007x", "13500003333", "自住", "高龄"],
    [10, "丰收小区", "2号楼", "2单元", "202", "", "", "", "空置", ""],
]


def _wait(condition, timeout: float = 60.0) -> None:
    """Run the event loop until `condition()` holds (background work reports back through it)."""
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish in time")
        QApplication.processEvents()
        time.sleep(0.02)


def show_section(window, key: str):
    """window.show_section, once the section's figures read in the background (ui.background_read) are in."""
    page = window.show_section(key)
    reader = getattr(page, "reader", None)
    if reader is not None:
        _wait(lambda: not reader.loading())
    return page


def preview_ledger(page) -> None:
    """Print & export with the visits ledger of the first grid rendered in the preview."""
    page.document.setCurrentIndex(page.document.findData("ledger:visits"))
    page.grid.setCurrentIndex(min(1, page.grid.count() - 1))
    page.generate_preview()
    _wait(lambda: page.pdf.pageCount() > 0)
    # QPdfView renders its pages in the background, again whenever the layout resizes it: let the
    # layout settle (the status line rewraps), then wait until the pages show ink.
    sizes = []
    _wait(lambda: sizes.append(page.view.size()) or sizes[-5:] == [sizes[-1]] * 5)
    _wait(lambda: _has_ink(page.view.viewport()))


def _has_ink(widget) -> bool:
    """True once something dark (text, rules) is painted in the widget, not just blank pages."""
    image = widget.grab().toImage()
    return any(image.pixelColor(x, y).lightness() < 100
               for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))


def import_preview(window, folder: Path):
    """The import wizard on its preview page, over a small roster with problems (nothing is imported)."""
    import csv

    from PySide6.QtWidgets import QWizard

    roster = folder / "住户花名册.csv"
    with open(roster, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(ROSTER_ROWS)
    wizard = window.open_import_wizard()
    wizard.resize(1100, 720)
    wizard.file_page.path_edit.setText(str(roster))
    for page in (wizard.mapping_page, wizard.preview_page):
        wizard.button(QWizard.WizardButton.NextButton).click()
        _wait(lambda page=page: wizard.currentPage() is page)
    return wizard


def restore_dialog(window):
    """The Data menu's restore dialog (a first backup is made if the database has none, so it lists one)."""
    from gridkeeper.storage import backup
    from gridkeeper.ui.data_menu import RestoreDialog

    if not backup.list_backups(window.ctx.db_path):
        backup.make_backup(window.ctx.db_path, reason="manual")
    dialog = RestoreDialog(window.ctx.db_path, window)
    dialog.show()
    return dialog


def _pick_building(window) -> None:
    """Select the first building in the tree so the household list and matrix show one building."""
    grid = window.tree.topLevelItem(0).child(0)
    if grid is not None and grid.childCount() and grid.child(0).childCount():
        grid.setExpanded(True)
        grid.child(0).setExpanded(True)
        window.tree.setCurrentItem(grid.child(0).child(0))


def settle_reads(window, timeout: float = 120.0) -> None:
    """Wait until no section of `window` is still reading in the background (ui.background_read), so a
    picture shows the figures and not "正在统计…"."""
    import time

    from PySide6.QtWidgets import QApplication

    pages = getattr(window, "pages", {}).values()
    ends = time.monotonic() + timeout
    while any(getattr(page, "reader", None) is not None and page.reader.loading() for page in pages):
        if time.monotonic() > ends:
            raise TimeoutError("a section was still reading after two minutes")
        QApplication.processEvents()
        time.sleep(0.01)


class Shots:
    """Widgets saved as PNG files in `out`, scaled down to `width` when given (after `settle` rounds of the
    event loop); `written` lists the files. A shot without a widget is of `window`."""

    def __init__(self, out: Path, window=None, *, width: int | None = None, settle: int = 1):
        out.mkdir(parents=True, exist_ok=True)
        self.out, self.window, self.width, self.settle = out, window, width, settle
        self.written: list[Path] = []

    def __call__(self, name: str, widget=None) -> Path:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        for _ in range(self.settle):
            QApplication.processEvents()
        settle_reads(self.window)
        image = (widget or self.window).grab()
        if self.width and image.width() > self.width:
            image = image.scaledToWidth(self.width, Qt.TransformationMode.SmoothTransformation)
        return self._save(name, image)

    def with_popup(self, name: str, popup) -> Path:
        """The window with a popup (a separate top-level window: the search list, a context menu) painted
        where it appears."""
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        image = self.window.grab()
        painter = QPainter(image)
        painter.drawPixmap(self.window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft())), popup.grab())
        painter.end()
        return self._save(name, image)

    def _save(self, name: str, image) -> Path:
        path = self.out / f"{name}.png"
        image.save(str(path))
        self.written.append(path)
        return path


@contextmanager
def open_window(db: Path, *, lang: str, today: date | None, size: tuple[int, int]) -> Iterator:
    """The main window on `db`, offscreen, with the Data menu as the app installs it; the database is
    closed after."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gridkeeper.ui.app import application, open_main_window
    from gridkeeper.ui.data_menu import install_data_menu

    app = application(lang)  # noqa: F841 - held while the window lives
    window = open_main_window(db, create=False, today=today)
    install_data_menu(window, window.ctx)  # as the app does, so the menu bar shows 数据
    window.resize(*size)
    window.show()
    try:
        yield window
    finally:
        window.ctx.database.dispose()


def arguments(argv: list[str] | None, doc: str, *, out: str, languages: bool = True) -> argparse.Namespace:
    """--db, --out (default `out`), --lang when the pictures come in either language, --today."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path(out))
    if languages:
        parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    return parser.parse_args(argv)


def render(db: Path, out: Path, *, lang: str = "zh_CN", today: date | None = None) -> list[Path]:
    """Write one PNG per section (plus the matrix, the editor, the search popup, the import preview and the
    restore dialog); returns the files."""
    with open_window(db, lang=lang, today=today, size=SIZE) as window:
        return _render(window, Shots(out, window))


def _render(window, shot: Shots) -> list[Path]:
    for number, key in enumerate(window.section_keys(), start=1):
        page = show_section(window, key)
        if key == "printing":
            preview_ledger(page)
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
    shot.with_popup("12-search", window.search.popup)
    window.search.popup.hide()
    with tempfile.TemporaryDirectory() as folder:
        wizard = import_preview(window, Path(folder))
        shot("13-import-preview", wizard)
        wizard.close()
    dialog = restore_dialog(window)
    shot("14-restore", dialog)
    dialog.close()
    return shot.written


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv, __doc__, out="docs/screenshots")
    for path in render(args.db, args.out, lang=args.lang, today=args.today):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
