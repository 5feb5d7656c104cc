"""A place in the geography (community, grid, compound, building or unit) that filters queries."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select

from gridkeeper.storage.models import Building, Household, Unit


@dataclass(frozen=True)
class Scope:
    """Which part of the community a view or report covers; all None means the whole community."""

    grid_id: int | None = None
    compound_id: int | None = None
    building_id: int | None = None
    unit_id: int | None = None
    # The grids the one reading may see (a steward's own; None = every grid): see services/visibility.py.
    grid_ids: frozenset[int] | None = None

    @property
    def is_all(self) -> bool:
        return not any((self.grid_id, self.compound_id, self.building_id, self.unit_id)) and self.grid_ids is None

    def apply(self, query: Select, *, joined: bool = False) -> Select:
        """Restrict a query over Household to this scope (joins Unit and Building unless `joined`)."""
        if self.unit_id and self.grid_ids is None:
            return query.where(Household.unit_id == self.unit_id)
        if self.is_all:
            return query
        if not joined:
            query = query.join(Unit, Unit.id == Household.unit_id).join(Building, Building.id == Unit.building_id)
        if self.unit_id:
            query = query.where(Household.unit_id == self.unit_id)
        return self._building_conditions(query)

    def apply_to_buildings(self, query: Select) -> Select:
        """Restrict a query over Building to the buildings of this scope (a unit's building for a unit)."""
        if self.unit_id:
            query = query.where(Building.id == select(Unit.building_id).where(Unit.id == self.unit_id)
                                .scalar_subquery())
        return self._building_conditions(query)

    def _building_conditions(self, query: Select) -> Select:
        if self.grid_ids is not None:
            query = query.where(Building.grid_id.in_(sorted(self.grid_ids)))
        if self.building_id:
            query = query.where(Building.id == self.building_id)
        if self.compound_id:
            query = query.where(Building.compound_id == self.compound_id)
        if self.grid_id:
            query = query.where(Building.grid_id == self.grid_id)
        return query


EVERYWHERE = Scope()
