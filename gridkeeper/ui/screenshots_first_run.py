"""Render the first run offscreen to PNG: the setup wizard's pages, the place tree's context menu, the
building dialog laying out rooms, and the window once a building exists (for docs/screenshots/).

    python -m gridkeeper.ui.screenshots_first_run --out docs/screenshots/ [--lang zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 20)


def render(out: Path, *, lang: str = "zh_CN") -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QWizard

    from gridkeeper.ui.app import application, open_main_window
    from gridkeeper.ui.place_dialogs import BuildingDialog
    from gridkeeper.ui.screenshots import Shots
    from gridkeeper.ui.setup_wizard import SetupWizard

    application(lang)
    shot = Shots(out)
    with tempfile.TemporaryDirectory() as folder:
        window = shot.window = open_main_window(Path(folder) / "福康社区.db", create=True, today=TODAY)
        window.resize(1280, 800)
        window.show()
        wizard = SetupWizard(window.ctx, window)
        wizard.show()
        page = wizard.community_page
        page.name.setText("福康社区居民委员会")
        page.subdistrict.setText("新华街道")
        page.district.setText("道里区")
        page.hotline.setText("0451-861")
        wizard.button(QWizard.WizardButton.NextButton).click()  # refused: the hotline is too short
        shot("15-setup-community", wizard)
        page.hotline.setText("0451-86123456")
        page.supervision.setText("0451-86120000")
        wizard.button(QWizard.WizardButton.NextButton).click()
        grids = wizard.grids_page
        for row, values in enumerate((("FK-01", "第一网格", "李晓燕", "13904510001"),
                                      ("fk-01", "第二网格", "王丽", "1390451000"))):
            if row:
                grids.add_grid()
            for column, text in enumerate(values):
                grids.table.item(row, column).setText(text)
        wizard.button(QWizard.WizardButton.CommitButton).click()  # refused: same code twice, short phone
        shot("16-setup-grids", wizard)
        grids.table.item(1, 0).setText("FK-02")
        grids.table.item(1, 3).setText("13904510002")
        wizard.button(QWizard.WizardButton.CommitButton).click()
        shot("17-setup-next-step", wizard)
        wizard.button(QWizard.WizardButton.FinishButton).click()

        from gridkeeper.services import place_edit

        from gridkeeper.ui.operations import Change, perform

        perform(window, window.ctx, lambda session: place_edit.add_compound(
            session, name="幸福家园", property_company="南方物业公司"), changes=Change.PLACES)
        dialog = BuildingDialog(window.ctx, grid_id=1, compound_id=1, parent=window)
        dialog.label.setText("7号楼")
        dialog.units.setValue(6)
        dialog.floors.setValue(18)
        dialog.rooms.setValue(2)
        dialog.show()
        shot("18-building-layout", dialog)
        dialog.accept()

        window.tree.select_place("building", dialog.result_value)
        households = window.show_section("households")
        households.tabs.setCurrentWidget(households.matrix)
        menu = window.tree.actions_menu()
        rect = window.tree.visualItemRect(window.tree.currentItem())
        menu.popup(window.tree.viewport().mapToGlobal(rect.center()))
        shot.with_popup("19-tree-context-menu", menu)
        menu.hide()
        window.ctx.database.dispose()
    return shot.written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    for path in render(args.out, lang=args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
