"""The "show all" list of a search: every match, filtered by grid/compound/building and sorted by a column.

Works on the `Match` keys from services.search.matches (cheap: a few numbers a match), so sorting and
filtering 5,000 matches never reads 5,000 households; the view reads only the rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from gridkeeper.services.geography import natural_key
from gridkeeper.services.search import Match
from gridkeeper.storage.models import Building, Compound, Grid

SORTS = ("rank", "name", "address", "grid", "last_visit")


@dataclass(frozen=True)
class PlaceChoice:
    """A grid, compound or building the matches are in, with how many matches are there."""

    id: int
    label: str
    count: int
    compound_id: int | None = None  # buildings: which compound they belong to


@dataclass
class MatchPlaces:
    grids: list[PlaceChoice]
    compounds: list[PlaceChoice]
    buildings: list[PlaceChoice]


def places_of(session: Session, found: list[Match]) -> MatchPlaces:
    """The grids, compounds and buildings the matches are in (for the list's filters), in natural order."""
    def counted(attr: str) -> dict[int, int]:
        counts: dict[int, int] = {}
        for m in found:
            counts[getattr(m, attr)] = counts.get(getattr(m, attr), 0) + 1
        return counts

    grids, compounds, buildings = counted("grid_id"), counted("compound_id"), counted("building_id")
    grid_rows = session.exec(select(Grid.id, Grid.code, Grid.name).where(Grid.id.in_(list(grids)))).all() if grids else []
    compound_rows = (session.exec(select(Compound.id, Compound.name).where(Compound.id.in_(list(compounds)))).all()
                     if compounds else [])
    building_rows = (session.exec(select(Building.id, Building.label, Building.compound_id)
                                  .where(Building.id.in_(list(buildings)))).all() if buildings else [])
    names = {cid: name for cid, name in compound_rows}
    return MatchPlaces(
        grids=sorted((PlaceChoice(i, f"{code} {name}", grids[i]) for i, code, name in grid_rows),
                     key=lambda p: natural_key(p.label)),
        compounds=sorted((PlaceChoice(i, name, compounds[i]) for i, name in compound_rows),
                         key=lambda p: natural_key(p.label)),
        buildings=sorted((PlaceChoice(i, f"{names.get(c, '')}{label}", buildings[i], c)
                          for i, label, c in building_rows), key=lambda p: natural_key(p.label)),
    )


def filtered(found: list[Match], *, grid_id: int | None = None, compound_id: int | None = None,
             building_id: int | None = None) -> list[Match]:
    return [m for m in found if (not grid_id or m.grid_id == grid_id)
            and (not compound_id or m.compound_id == compound_id)
            and (not building_id or m.building_id == building_id)]


def sorted_matches(found: list[Match], sort: str = "rank", *, descending: bool = False,
                   grid_codes: dict[int, str] | None = None) -> list[Match]:
    """Rank order (as the popup), or by name, address, grid or last visit (never visited last)."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    if sort == "rank":
        key = lambda m: m.rank  # noqa: E731
    elif sort == "name":
        key = lambda m: (m.name, m.address_key, m.resident_id or 0)  # noqa: E731
    elif sort == "address":
        key = lambda m: (_address(m), m.name, m.resident_id or 0)  # noqa: E731
    elif sort == "grid":
        codes = grid_codes or {}
        key = lambda m: (natural_key(codes.get(m.grid_id, "")), _address(m), m.name)  # noqa: E731
    else:
        key = lambda m: (m.last_visit_on or date.min, _address(m))  # noqa: E731
        return sorted(found, key=key, reverse=not descending)  # most recent first by default
    return sorted(found, key=key, reverse=descending)


def _address(m: Match) -> tuple:
    grid_id, compound_id, b_sort, b_key, u_sort, floor, room_key = m.address_key
    return (compound_id, b_sort, natural_key(b_key or ""), u_sort, floor, natural_key(room_key or ""))
