"""Helpers shared by the roster import tests: fixture paths and a dump of what the database holds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from gridkeeper.storage import models as M

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
FORMATS = ("xlsx", "xls", "utf8.csv", "utf8_bom.csv", "gbk.csv")


def fixture(layout: str, fmt: str) -> Path:
    name = f"{layout}.{fmt}" if fmt in ("xlsx", "xls") else f"{layout}_{fmt}"
    return FIXTURES / name


def counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {m.__name__: session.execute(select(func.count()).select_from(m)).scalar_one()
                for m in (M.Grid, M.Compound, M.Building, M.Unit, M.Household, M.Resident, M.ResidentTag)}


def dump(engine) -> list[tuple]:
    """Every resident (and empty household) with its address and values, sorted."""
    query = (select(M.Grid.code, M.Compound.name, M.Building.label, M.Building.sort_no, M.Unit.label, M.Unit.sort_no,
                    M.Household.room, M.Household.room_key, M.Household.floor, M.Household.housing_use,
                    M.Household.phone, M.Household.notes, M.Resident.id, M.Resident.name, M.Resident.name_initials,
                    M.Resident.name_pinyin, M.Resident.relation, M.Resident.is_head, M.Resident.gender,
                    M.Resident.id_number, M.Resident.id_reversed, M.Resident.birth_date, M.Resident.phone,
                    M.Resident.political_status, M.Resident.residence_status, M.Resident.notes)
             .join(M.Unit, M.Unit.id == M.Household.unit_id).join(M.Building, M.Building.id == M.Unit.building_id)
             .join(M.Compound, M.Compound.id == M.Building.compound_id).join(M.Grid, M.Grid.id == M.Building.grid_id)
             .outerjoin(M.Resident, M.Resident.household_id == M.Household.id))
    with Session(engine) as session:
        tags: dict[int, list[str]] = {}
        for rid, tag in session.execute(select(M.ResidentTag.resident_id, M.ResidentTag.tag)):
            tags.setdefault(rid, []).append(tag)
        rows = [tuple(r[:12]) + tuple(r[13:]) + (tuple(sorted(tags.get(r[12], []))),) for r in session.execute(query)]
    return sorted(rows, key=repr)


def brief(engine) -> list[tuple]:
    """(compound, building, unit, room, housing use, household phone, name, relation, ID, phone, tags)."""
    return [(r[1], r[2], r[4], r[7], str(r[9]), r[10], r[12], r[15], r[18], r[21], r[-1]) for r in dump(engine)]


def imported(engine, roster, **options):
    """excel.importer.import_roster as the CLI runs it: in a unit of work of its own (committed when it
    returns, rolled back when it raises); a dry run in a session that is only ever rolled back."""
    from gridkeeper.excel.importer import import_roster
    from gridkeeper.storage.session import unit_of_work

    with (Session(engine) if options.get("dry_run") else unit_of_work(engine)) as session:
        return import_roster(session, roster, **options)


def places_imported(engine, path, **options):
    """excel.places.import_places as the CLI runs it: in a unit of work of its own."""
    from gridkeeper.excel.places import import_places
    from gridkeeper.storage.session import unit_of_work

    with unit_of_work(engine) as session:
        return import_places(session, path, **options)


def write_xlsx(path, header: list, rows: list[list], *, title: str = ""):
    """A one-sheet workbook: an optional title row, the header, the rows; returns `path`."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in ([[title]] if title else []) + [header, *rows]:
        book.active.append(row)
    book.save(path)
    return path
