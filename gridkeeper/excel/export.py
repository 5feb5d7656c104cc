"""The household roster as .xlsx in the column layout the importer reads (edit in Excel, import again)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import select
from sqlmodel import Session

from gridkeeper.domain.enums import CareTag, Gender, HousingUse, PoliticalStatus, ResidenceStatus, label_of
from gridkeeper.domain.free_text import mask_numbers_in_text
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.excel.columns import field_label
from gridkeeper.reports.xlsx import write_ledger_xlsx
from gridkeeper.services.geography import get_community, natural_key
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Building, Compound, Grid, Household, Resident, ResidentTag, Unit
from gridkeeper.services.visibility import readable_scope

# One row per person; the importer reads this layout back (与户主关系 marks it as per-person).
COLUMNS = ("compound", "building", "unit", "room", "housing_use", "household_phone", "household_notes",
           "name", "relation", "gender", "id_number", "phone", "political_status", "residence_status",
           "tags", "notes")


_PERSON_COLUMNS = (Resident.id, Resident.household_id, Resident.name, Resident.relation, Resident.gender,
                   Resident.id_number, Resident.phone, Resident.political_status, Resident.residence_status,
                   Resident.is_head, Resident.notes)




def export_roster(session: Session, path: str | os.PathLike[str], *, scope: Scope = EVERYWHERE,
                  full: bool = False, record_full: Callable[[str, dict], None] | None = None) -> int:
    """Write the roster for `scope`; ID numbers and phones masked unless `full`. Returns households written.

    A full export is audited after the file is written: in the session (the caller's unit of work commits
    it), or by `record_full(what, detail)` when the session only reads (the command line appends the row in
    its own short transaction)."""
    households = _households(session, readable_scope(session, scope, strict=True))  # a steward: their own grids only
    residents = _residents(session, [h["id"] for h in households])
    rows = []
    for household in households:
        people = residents.get(household["id"]) or [None]
        rows += [_row(household, person, full) for person in people]
    community = get_community(session)
    write_ledger_xlsx(path, title="住户花名册", unit=community.name if community else "",
                      period=f"共{len(households)}户", header=["序号", *[field_label(c) for c in COLUMNS]],
                      rows=[[n, *row] for n, row in enumerate(rows, start=1)])
    if full:  # unmasked ID numbers leave the database: that is audited
        what = f"导出住户花名册（含完整身份证号和电话）到 {os.fspath(path)}"
        detail = {"households": len(households), "full": True}
        if record_full is not None:
            record_full(what, detail)
        else:
            from gridkeeper.storage.audit import record_event

            record_event(session, "export", what, detail)  # committed with the caller's unit of work
    return len(households)


def _households(session: Session, scope: Scope) -> list[dict]:
    query = (select(Household.id, Household.room, Household.housing_use, Household.phone, Household.notes,
                    Unit.label.label("unit"), Unit.key.label("unit_key"), Building.label.label("building"),
                    Building.key.label("building_key"), Compound.name.label("compound"), Grid.code)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
             .join(Compound, Compound.id == Building.compound_id).join(Grid, Grid.id == Building.grid_id))
    rows = [dict(r) for r in session.execute(scope.apply(query, joined=True)).mappings()]
    return sorted(rows, key=lambda r: (r["code"], r["compound"], natural_key(r["building_key"]),
                                       natural_key(r["unit_key"]), natural_key(r["room"])))


def _residents(session: Session, household_ids: list[int]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = defaultdict(list)
    for start in range(0, len(household_ids), 900):
        chunk = household_ids[start:start + 900]
        tags: dict[int, list[str]] = defaultdict(list)
        tag_rows = (select(ResidentTag.resident_id, ResidentTag.tag).join(Resident, Resident.id == ResidentTag.resident_id)
                    .where(Resident.household_id.in_(chunk)))
        for rid, tag in session.execute(tag_rows):
            tags[rid].append(tag)
        query = select(*_PERSON_COLUMNS).where(Resident.household_id.in_(chunk)).order_by(Resident.id)
        for row in session.execute(query).mappings():
            out[row["household_id"]].append(dict(row, tags=tags.get(row["id"], [])))
    for people in out.values():
        people.sort(key=lambda p: not p["is_head"])
    return out


def _row(household: dict, person: dict | None, full: bool) -> list[str]:
    id_number = phone = ""
    values = [household["compound"], household["building"], household["unit"], household["room"],
              label_of(HousingUse, household["housing_use"]),
              household["phone"] if full else mask_phone(household["phone"]), _text(household["notes"], full)]
    if person is None:
        return values + [""] * (len(COLUMNS) - len(values))
    id_number = person["id_number"] if full else mask_id_number(person["id_number"])
    phone = person["phone"] if full else mask_phone(person["phone"])
    tag_order = {tag.value: n for n, tag in enumerate(CareTag)}
    tag_labels = "、".join(label_of(CareTag, t) for t in sorted(person["tags"], key=lambda t: tag_order.get(t, 99)))
    return values + [person["name"], person["relation"], label_of(Gender, person["gender"]), id_number, phone,
                     label_of(PoliticalStatus, person["political_status"]),
                     label_of(ResidenceStatus, person["residence_status"]), tag_labels, _text(person["notes"], full)]


def _text(value: str | None, full: bool) -> str:
    """Free text with phones and ID numbers typed into it masked, unless full values were asked for."""
    return (value or "") if full else mask_numbers_in_text(value)
