"""帮助 › 使用说明: the guide ships under resources/help/ with its pictures and opens from the Help menu (F1)."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QTextDocument

from gridkeeper.paths import resource_path
from gridkeeper.ui.help_guide import guide_path
from gridkeeper.ui.main_window import MainWindow

SECTIONS = ("第一天", "网格员的一天", "月底", "备份")


def test_the_guide_covers_the_four_topics_and_every_picture_ships():
    text = guide_path().read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert len(headings) == len(SECTIONS)
    assert all(title in heading for title, heading in zip(SECTIONS, headings))
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 4
    for picture in pictures:
        assert resource_path("help", picture).is_file(), picture


def test_help_menu_opens_the_guide_with_its_pictures(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()  # 帮助 is the last menu
    f1 = QKeySequence(QKeySequence.StandardKey.HelpContents)
    guide_action = next(a for a in help_menu.actions() if a.shortcut() == f1)
    guide_action.trigger()
    browser = window.guide.browser
    assert window.guide.isVisible()
    assert "网格员的一天" in browser.toPlainText() and "月底" in browser.toPlainText()
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl("images/visit-entry.png"))
    assert image is not None and not image.isNull()
