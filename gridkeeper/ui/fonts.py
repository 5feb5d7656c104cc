"""Register the bundled Chinese font with Qt so text renders on machines without a Chinese system font."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from gridkeeper.paths import resource_path

log = logging.getLogger(__name__)
FONT_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
_families: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); returns their family names."""
    if _families:
        return _families
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _families:
                _families.append(family)
    return _families


def apply_app_font(app: QApplication, point_size: float = 10.5) -> QFont:
    """Use the bundled font for the whole application (falling back to the system font if missing)."""
    families = register_fonts()
    font = QFont(app.font())
    if families:
        font.setFamilies(families + font.families())
    font.setPointSizeF(point_size)
    app.setFont(font)
    return font
