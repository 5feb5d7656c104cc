"""帮助 › 使用说明: the short Chinese guide shipped under resources/help/, shown with its screenshots."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gridkeeper.paths import resource_path

GUIDE = "guide_zh_CN.md"


def guide_path():
    return resource_path("help", GUIDE)


class GuideWindow(QDialog):
    """The guide in a browser (headings, lists, screenshots); stays open beside the main window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.resize(980, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resource_path("help"))])
        path = guide_path()
        if path.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        else:  # a broken installation: say so instead of an empty window
            self.browser.setPlainText(self.tr("The user guide is missing from this installation: {0}").format(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
