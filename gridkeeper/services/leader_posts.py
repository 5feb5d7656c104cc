"""Every leader post (网格长/楼栋长/单元长) in a scope with whoever holds it, and who could take it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from gridkeeper.domain.enums import LeaderRole, PoliticalStatus
from gridkeeper.services.geography import natural_key
from gridkeeper.services.leaders import current_leaders
from gridkeeper.services.scope import Scope
from gridkeeper.storage.models import Building, Compound, Grid, Household, LeaderAssignment, Resident, Unit


@dataclass
class Post:
    """One post and its current holder (None when vacant)."""

    role: LeaderRole
    scope_id: int
    label: str
    grid_id: int
    leader: LeaderAssignment | None

    @property
    def vacant(self) -> bool:
        return self.leader is None


def posts(session: Session, scope: Scope, *, vacant_only: bool = False) -> list[Post]:
    """Grid posts (whole community or a grid), then each building followed by its units, in natural order."""
    held = _held_keys(session) if vacant_only else {
        (l.role, l.grid_id or l.building_id or l.unit_id): l for l in current_leaders(session)}
    out = _all_posts(session, scope, held)
    return [p for p in out if p.vacant] if vacant_only else out


def _held_keys(session: Session) -> dict:
    # Only which posts are held: plain tuples, no ORM objects (fast for thousands of leaders).
    query = select(LeaderAssignment.role, LeaderAssignment.grid_id, LeaderAssignment.building_id,
                   LeaderAssignment.unit_id).where(LeaderAssignment.ended_on.is_(None))
    return {(role, g or b or u): True for role, g, b, u in session.exec(query)}


def _all_posts(session: Session, scope: Scope, held: dict) -> list[Post]:
    out: list[Post] = []
    narrower = scope.compound_id or scope.building_id or scope.unit_id
    grid_query = select(Grid).order_by(Grid.code)
    if not narrower:
        for grid in session.exec(grid_query.where(Grid.id == scope.grid_id) if scope.grid_id else grid_query):
            out.append(Post(LeaderRole.GRID, grid.id, f"{grid.code} {grid.name}", grid.id,
                            _holder(held, LeaderRole.GRID, grid.id)))
    buildings = _buildings(session, scope)
    units: dict[int, list[Unit]] = {}
    if buildings:
        unit_query = select(Unit).where(Unit.building_id.in_([b.id for b, _ in buildings]))
        if scope.unit_id:
            unit_query = unit_query.where(Unit.id == scope.unit_id)
        for unit in session.exec(unit_query):
            units.setdefault(unit.building_id, []).append(unit)
    for building, compound in buildings:
        label = f"{compound}{building.label}"
        if not scope.unit_id:
            out.append(Post(LeaderRole.BUILDING, building.id, label, building.grid_id,
                            _holder(held, LeaderRole.BUILDING, building.id)))
        for unit in sorted(units.get(building.id, []), key=lambda u: (u.sort_no, natural_key(u.key))):
            out.append(Post(LeaderRole.UNIT, unit.id, f"{label}{unit.label}", building.grid_id,
                            _holder(held, LeaderRole.UNIT, unit.id)))
    return out


def _holder(held: dict, role: LeaderRole, scope_id: int):
    # The leader, or True from _held_keys (such posts are dropped before `posts` returns), or None when vacant.
    return held.get((role, scope_id))


def _buildings(session: Session, scope: Scope) -> list[tuple[Building, str]]:
    query = scope.apply_to_buildings(select(Building, Compound.name).join(Compound, Compound.id == Building.compound_id))
    return sorted(session.exec(query), key=lambda r: (natural_key(r[1]), natural_key(r[0].key)))


@dataclass
class Candidate:
    resident_id: int
    name: str
    phone: str
    household_id: int
    room: str
    is_party_member: bool


def candidates(session: Session, role: LeaderRole, scope_id: int, text: str = "", *,
               limit: int = 50) -> list[Candidate]:
    """Residents living where the post is (grid, building or unit). Without `text`, Party members first;
    with it, ranked by the search service (whole name, given name, initials, phone or ID tail …)."""
    from gridkeeper.services.search import Nearby, find

    text = "".join((text or "").split())
    where = {LeaderRole.GRID: Scope(grid_id=scope_id), LeaderRole.BUILDING: Scope(building_id=scope_id),
             LeaderRole.UNIT: Scope(unit_id=scope_id)}[role]
    query = (select(Resident, Household.room).join(Household, Household.id == Resident.household_id)
             .join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id))
    if text:
        hits = find(session, text, near=Nearby(), within=where, limit=limit, kinds=("resident",)).hits
        order = [h.resident_id for h in hits]
        found = {r.id: (r, room) for r, room in session.exec(query.where(Resident.id.in_(order)))} if order else {}
        rows = [found[i] for i in order if i in found]
    else:
        party = Resident.political_status.in_([PoliticalStatus.PARTY_MEMBER, PoliticalStatus.PROBATIONARY])
        rows = list(session.exec(where.apply(query, joined=True).order_by(party.desc(), Resident.name).limit(limit)))
    return [Candidate(r.id, r.name, r.phone, r.household_id, room,
                      r.political_status in (PoliticalStatus.PARTY_MEMBER, PoliticalStatus.PROBATIONARY))
            for r, room in rows]
