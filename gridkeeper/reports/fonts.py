"""The bundled Noto Sans SC fonts: where they are and how ReportLab gets them."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from gridkeeper.paths import resource_path

FONT = "NotoSansSC"
FONT_BOLD = "NotoSansSC-Bold"

_FILES = {FONT: "NotoSansSC-Regular.ttf", FONT_BOLD: "NotoSansSC-Bold.ttf"}


def font_files() -> list[Path]:
    """The bundled font files (Regular first), e.g. for QFontDatabase.addApplicationFont."""
    return [resource_path("fonts", name) for name in _FILES.values()]


def register_fonts() -> None:
    """Register the Chinese fonts and their family with ReportLab; safe to call repeatedly."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    # The family mapping lets <b> in a Paragraph switch to the bold file; there is no italic,
    # so italic falls back to the upright faces rather than failing.
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    pdfmetrics.registerFontFamily(FONT_BOLD, normal=FONT_BOLD, bold=FONT_BOLD, italic=FONT_BOLD, boldItalic=FONT_BOLD)
