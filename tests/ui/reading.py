"""Waiting for a section's figures read in the background (ui.background_read)."""

from __future__ import annotations


def read(qtbot, section, timeout: int = 30000):
    """Wait until the section's newest read has reached the screen (or its failure was shown); returns it."""
    qtbot.waitUntil(lambda: not section.reader.loading(), timeout=timeout)
    return section
