"""A row as JSON-ready values, for what the recycle bin keeps (households, places, disputes, safety places)."""

from __future__ import annotations

from typing import Any


def plain(value: Any) -> Any:
    """Dates and times as ISO text; a str-based enum as its stored code; anything else as it is."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value) if isinstance(value, str) else value


def snapshot(row) -> dict[str, Any]:
    """Every column of a table row, by column name, as `plain` values (restored by the bin's own code)."""
    return {column.name: plain(getattr(row, column.name)) for column in row.__table__.columns}
