"""Helpers for the printing tests: run the CLI, read a PDF's text and fonts."""

from __future__ import annotations

import re

import pdfplumber
from pypdf import PdfReader

from gridkeeper.cli import main

FULL_ID = re.compile(r"\d{17}[\dX]")
MASKED_ID = re.compile(r"\d{6}\*{8}\d{3}[\dX]")
FULL_MOBILE = re.compile(r"(?<![\d*])1[3-9]\d{9}(?!\d)")
MASKED_MOBILE = re.compile(r"1\d{2}\*{4}\d{4}")


def run(*argv) -> int:
    return main([str(a) for a in argv])


def pages_text(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def flat(text: str) -> str:
    """Text without whitespace: header cells wrap onto two lines in narrow columns."""
    return re.sub(r"\s+", "", text)


def embedded_fonts(path) -> list[tuple[str, bool]]:
    """(BaseFont, has FontFile2) for every font the pages use."""
    found = {}
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            has_file = bool(descriptor and "/FontFile2" in descriptor.get_object())
            found[str(font["/BaseFont"])] = has_file
    return list(found.items())


def query(db, sql: str, *params) -> list[tuple]:
    """Rows of `sql` (with ? placeholders) from a database file or a server URL."""
    from tests.db_support import query_rows

    return query_rows(db, sql, *params)
