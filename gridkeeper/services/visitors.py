"""Who can be named as the visitor of a visit: the grid's steward, its leaders and its in-service members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, or_, select

from gridkeeper.domain.enums import LeaderRole, MemberStatus, VisitorKind
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.storage.models import Building, Grid, Household, LeaderAssignment, Member, Unit, Visit
from gridkeeper.services.visibility import readable_scope


@dataclass(frozen=True)
class VisitorChoice:
    kind: VisitorKind
    name: str
    leader_id: int | None = None
    member_id: int | None = None
    role: str = ""  # 网格员 / 楼栋长 … shown next to the name


def visitor_choices(session: Session, grid_id: int | None) -> list[VisitorChoice]:
    """The steward first, then current leaders in the grid, then its active members; with no grid, only the
    stewards of every grid (thousands of leaders and members would make the list useless)."""
    grid_query = select(Grid).order_by(Grid.code)
    grids = session.exec(grid_query.where(Grid.id == grid_id) if grid_id else grid_query).all()
    out = [VisitorChoice(VisitorKind.STEWARD, g.steward_name, role=VisitorKind.STEWARD.label)
           for g in grids if g.steward_name]
    if not grid_id:
        return out
    building_ids = select(Building.id).where(Building.grid_id == grid_id)
    unit_ids = select(Unit.id).join(Building, Building.id == Unit.building_id).where(Building.grid_id == grid_id)
    in_grid = or_(LeaderAssignment.grid_id == grid_id, LeaderAssignment.building_id.in_(building_ids),
                  LeaderAssignment.unit_id.in_(unit_ids))
    leaders = select(LeaderAssignment).where(LeaderAssignment.ended_on.is_(None), in_grid)
    for leader in session.exec(leaders.order_by(LeaderAssignment.role, LeaderAssignment.person_name)):
        out.append(VisitorChoice(VisitorKind.LEADER, leader.person_name, leader_id=leader.id,
                                 role=LeaderRole(leader.role).label))
    members = select(Member).where(Member.status == MemberStatus.ACTIVE, Member.grid_id == grid_id)
    for member in session.exec(members.order_by(Member.name)):
        out.append(VisitorChoice(VisitorKind.MEMBER, member.name, member_id=member.id, role=VisitorKind.MEMBER.label))
    return out


def visitor_names(session: Session, *, scope: Scope = EVERYWHERE, start: date | None = None,
                  end: date | None = None) -> list[str]:
    """Distinct visitor names of the visits in a period and scope, for a filter list."""
    query = readable_scope(session, scope).apply(select(Visit.visitor_name).join(Household, Household.id == Visit.household_id))
    if start:
        query = query.where(Visit.visited_on >= start)
    if end:
        query = query.where(Visit.visited_on < end)
    names = session.exec(query.where(Visit.visitor_name != "").distinct()).all()
    return sorted(names)
