"""A table model over the households in scope: ids fetched once per filter/sort, rows hydrated in windows."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from gridkeeper.domain.enums import CareTag, HousingUse, label_of
from gridkeeper.domain.idnumber import mask_id_number
from gridkeeper.domain.phone import mask_phone
from gridkeeper.services.addresses import HouseholdSummary, summaries
from gridkeeper.services.household_list import HouseholdFilter, household_ids
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.ui.widgets.windowed_model import PAGE, WindowedTableModel  # noqa: F401 - PAGE for callers

ID_ROLE = Qt.ItemDataRole.UserRole

# (header, sort key used when the header is clicked)
COLUMNS = (
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Grid"), "address"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Building and unit"), "address"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Room"), "room"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Head of household"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Residents"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Phone"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Head's ID number"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Housing use"), "housing_use"),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Care tags"), None),
    (QT_TRANSLATE_NOOP("HouseholdTableModel", "Last visit"), "last_visit"),
)
SORTABLE = {i for i, (_, key) in enumerate(COLUMNS) if key}




class HouseholdTableModel(WindowedTableModel):
    """Households of a scope; only the rows being looked at are read from the database."""

    headings = tuple(heading for heading, _sort in COLUMNS)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.scope: Scope = EVERYWHERE
        self.filters = HouseholdFilter()
        self.sort_key, self.descending = "address", False
        self._loaded = False

    # -- what is shown ---------------------------------------------------------------------------
    def set_query(self, *, scope: Scope | None = None, filters: HouseholdFilter | None = None) -> None:
        if scope is not None:
            self.scope = scope
        if filters is not None:
            self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Fetch the ordered ids again (after a change, a filter or a sort) and forget hydrated rows."""
        with self.ctx.read() as session:
            ids = household_ids(session, scope=self.scope, filters=self.filters, sort=self.sort_key,
                                descending=self.descending, today=self.ctx.today())
        self._loaded = True
        self.set_keys(ids)

    def hydrate(self, ids: list[int]) -> list[HouseholdSummary | None]:
        with self.ctx.read() as session:
            found = {s.id: s for s in summaries(session, ids)}
        return [found.get(i) for i in ids]

    def household_id(self, row: int) -> int | None:
        return self.key(row)

    def row_of(self, household_id: int) -> int:
        try:
            return self._keys.index(household_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> HouseholdSummary | None:
        return self.row_object(row)

    # -- Qt model --------------------------------------------------------------------------------

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._keys)):
            return None
        if role == ID_ROLE:
            return self._keys[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.summary(index.row())
        if row is None:
            return None
        return self._cell(row, index.column())

    def _cell(self, row: HouseholdSummary, column: int) -> str:
        if column == 0:
            return row.grid_code
        if column == 1:
            return f"{row.compound} {row.building}{row.unit}"
        if column == 2:
            return row.room
        if column == 3:
            return row.head_name
        if column == 4:
            return str(row.residents)
        if column == 5:
            return mask_phone(row.head_phone or row.phone)
        if column == 6:
            return mask_id_number(row.head_id_number) if row.head_id_number else ""
        if column == 7:
            return label_of(HousingUse, row.housing_use)
        if column == 8:
            return "、".join(label_of(CareTag, t) for t in row.care_tags)
        return row.last_visit_on.isoformat() if row.last_visit_on else self.tr("Never")

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if not key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._loaded:
            return
        self.sort_key, self.descending = key, descending
        self.reload()
