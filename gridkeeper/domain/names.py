"""What counts as a name: one rule for residents, places, visitors and accounts.

A name is what a person reads. Characters nobody sees — NUL and other control characters, zero-width
spaces and joiners, bidi marks, the soft hyphen, the Hangul and Braille blank fillers — are taken out;
runs of spaces (ASCII, full-width, no-break) become one space; spaces between Chinese characters are
typing noise and go. A name with nothing visible left is refused as empty by the caller.

Account names are also compared by `name_key` (NFKC, case-folded): `ADMIN`, `ａｄｍｉｎ` and
`admin` plus a zero-width space are the same account name, so a look-alike can never sit beside one.
"""

from __future__ import annotations

import re
import unicodedata

# Blank characters Unicode does not class as spaces or format characters.
_BLANK_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e", "\u17b4", "\u17b5"}
_CJK_SPACES = re.compile(r"(?<=[\u3400-\u9fff·])\s+|\s+(?=[\u3400-\u9fff·])")


def _invisible(ch: str) -> bool:
    return ch in _BLANK_FILLERS or (unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and not ch.isspace())


def visible_text(text: str | None) -> str:
    """`text` without invisible characters, its spaces collapsed to one and trimmed."""
    text = "" if text is None else str(text)
    if not text.isprintable() or any(ch in _BLANK_FILLERS for ch in text):
        text = "".join(" " if ch.isspace() else ch for ch in text if not _invisible(ch))
    return " ".join(text.split())


def clean_name(text: str | None) -> str:
    """A person's or place's name as stored: visible characters only, no spaces inside Chinese names."""
    return _CJK_SPACES.sub("", visible_text(text))


def name_key(text: str | None) -> str:
    """The form account names are compared in: NFKC, case-folded, invisible characters removed."""
    return unicodedata.normalize("NFKC", clean_name(unicodedata.normalize("NFKC", text or ""))).casefold()
