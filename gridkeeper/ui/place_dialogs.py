"""Dialogs that keep the community's structure: its details, grids, compounds, buildings (with their rooms laid
out in one step), units, and moving a building; each saves through a service, errors next to the field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox

from gridkeeper.domain.enums import Management
from gridkeeper.services import place_edit
from gridkeeper.services.building_layout import BuildingPlan, lay_out_building
from gridkeeper.services.community_setup import (DISTRICT, GRID_CODE, GRID_NAME, HOTLINE, NAME, STEWARD,
                                                 STEWARD_PHONE, SUBDISTRICT, SUPERVISION, CommunityDetails,
                                                 GridDetails, save_community)
from gridkeeper.services.geography import get_community
from gridkeeper.storage.models import Building, Compound, Grid, Unit
from gridkeeper.ui.context import Change
from gridkeeper.ui.widgets.forms import FormDialog


def _line(text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setPlaceholderText(placeholder)
    return edit


def _spin(value: int, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


class PlaceDialog(FormDialog):
    """A FormDialog over places: a save tells every section that places changed. Field errors stay beside
    the fields; anything else (a full disk, a locked file) is shown in plain words and the dialog stays
    open with what was typed: nothing was saved."""

    changes = Change.PLACES


class CommunityDialog(PlaceDialog):
    """The community's own details, printed on every ledger, notice and wall roster."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, self.tr("Community details"), parent)
        with ctx.read() as session:
            community = get_community(session)
        self.name = _line(community.name if community else "", self.tr("as printed, e.g. 福康社区居民委员会"))
        self.subdistrict = _line(community.subdistrict if community else "", self.tr("e.g. 新华街道"))
        self.district = _line(community.district if community else "", self.tr("e.g. 道里区"))
        self.hotline = _line(community.hotline if community else "", self.tr("e.g. 0451-86123456"))
        self.supervision = _line(community.supervision_phone if community else "", self.tr("e.g. 0451-86120000"))
        self.add_row(self.tr("Community name"), self.name, NAME)
        self.add_row(self.tr("Subdistrict (street)"), self.subdistrict, SUBDISTRICT)
        self.add_row(self.tr("District"), self.district, DISTRICT)
        self.add_row(self.tr("Service hotline"), self.hotline, HOTLINE)
        self.add_row(self.tr("Supervision phone"), self.supervision, SUPERVISION)
        self.form.addRow(QLabel(self.tr("These appear on every printed ledger, notice and wall roster.")))

    def details(self) -> CommunityDetails:
        return CommunityDetails(self.name.text(), self.subdistrict.text(), self.district.text(),
                                self.hotline.text(), self.supervision.text())

    def save(self, session):
        return save_community(session, self.details()).id


class GridDialog(PlaceDialog):
    """A new grid, or a grid's code, name and steward."""

    def __init__(self, ctx, grid_id: int | None = None, parent=None):
        super().__init__(ctx, self.tr("Edit grid") if grid_id else self.tr("New grid"), parent)
        self.grid_id = grid_id
        grid = None
        if grid_id:
            with ctx.read() as session:
                grid = session.get(Grid, grid_id)
        self.code = _line(grid.code if grid else "", self.tr("e.g. FK-03"))
        self.name = _line(grid.name if grid else "", self.tr("e.g. 第三网格"))
        self.steward = _line(grid.steward_name if grid else "")
        self.phone = _line(grid.steward_phone if grid else "")
        self.add_row(self.tr("Grid code"), self.code, GRID_CODE)
        self.add_row(self.tr("Grid name"), self.name, GRID_NAME)
        self.add_row(self.tr("Steward"), self.steward, STEWARD)
        self.add_row(self.tr("Steward's phone"), self.phone, STEWARD_PHONE)

    def save(self, session):
        details = GridDetails(self.code.text(), self.name.text(), self.steward.text(), self.phone.text())
        if self.grid_id:
            return place_edit.update_grid(session, self.grid_id, details).id
        return place_edit.add_grid(session, details).id


class CompoundDialog(PlaceDialog):
    """A compound (小区): its name, how it is managed and its property company."""

    def __init__(self, ctx, compound_id: int | None = None, parent=None):
        super().__init__(ctx, self.tr("Edit compound") if compound_id else self.tr("New compound"), parent)
        self.compound_id = compound_id
        compound = None
        if compound_id:
            with ctx.read() as session:
                compound = session.get(Compound, compound_id)
        self.name = _line(compound.name if compound else "", self.tr("e.g. 幸福家园"))
        self.management = QComboBox()
        for mode in Management:
            self.management.addItem(mode.label, mode.value)
        if compound:
            self.management.setCurrentIndex(self.management.findData(str(compound.management)))
        self.company = _line(compound.property_company if compound else "", self.tr("e.g. 南方物业公司"))
        self.add_row(self.tr("Compound name"), self.name, "name")
        self.add_row(self.tr("Management"), self.management, "management")
        self.add_row(self.tr("Property company"), self.company, "property_company")
        self.management.currentIndexChanged.connect(self._company_enabled)
        self._company_enabled()

    def _company_enabled(self) -> None:
        self.company.setEnabled(self.management.currentData() == Management.PROPERTY_COMPANY.value)

    def save(self, session):
        values = dict(name=self.name.text(), management=self.management.currentData(),
                      property_company=self.company.text())
        if self.compound_id:
            return place_edit.update_compound(session, self.compound_id, **values).id
        return place_edit.add_compound(session, **values).id


def _fill(combo: QComboBox, rows, chosen: int | None) -> None:
    for record_id, text in rows:
        combo.addItem(text, record_id)
    if chosen is not None and combo.findData(chosen) >= 0:
        combo.setCurrentIndex(combo.findData(chosen))


def _grid_and_compound_choices(ctx):
    from sqlmodel import select

    with ctx.read() as session:
        grids = [(g.id, f"{g.code} {g.name}") for g in session.exec(select(Grid).order_by(Grid.code))]
        compounds = [(c.id, c.name) for c in session.exec(select(Compound).order_by(Compound.name))]
    return grids, compounds


class BuildingDialog(PlaceDialog):
    """A new building with its units and rooms laid out in one step ("6 units, 18 floors, 2 rooms a floor"),
    or an existing building's name and floors."""

    def __init__(self, ctx, building_id: int | None = None, *, grid_id: int | None = None,
                 compound_id: int | None = None, parent=None):
        super().__init__(ctx, self.tr("Edit building") if building_id else self.tr("New building"), parent)
        self.building_id = building_id
        building = None
        if building_id:
            with ctx.read() as session:
                building = session.get(Building, building_id)
        self.label = _line(building.label if building else "", self.tr("e.g. 7号楼"))
        self.add_row(self.tr("Building"), self.label, "building")
        if building is None:
            grids, compounds = _grid_and_compound_choices(ctx)
            self.grid, self.compound = QComboBox(), QComboBox()
            _fill(self.grid, grids, grid_id)
            _fill(self.compound, compounds, compound_id)
            self.add_row(self.tr("Grid"), self.grid, "grid_id")
            self.add_row(self.tr("Compound"), self.compound, "compound_id")
            self.units, self.rooms = _spin(0, 0, 30), _spin(2, 1, 30)
            self.add_row(self.tr("Units (0: add them later)"), self.units, "units")
        self.floors = _spin(building.floors or 0 if building else 6, 0, 100)
        self.add_row(self.tr("Floors"), self.floors, "floors")
        if building is None:
            self.add_row(self.tr("Rooms a floor"), self.rooms, "rooms_per_floor")
            note = QLabel(self.tr(
                "With units, one household record is made for every room (101, 102 … numbered by floor), marked "
                "vacant until someone is registered, so the visit matrix is complete from the first day."))
            note.setWordWrap(True)
            self.form.addRow(note)

    def save(self, session):
        floors = self.floors.value() or None
        if self.building_id:
            return place_edit.update_building(session, self.building_id, label=self.label.text(), floors=floors).id
        if self.grid.currentData() is None or self.compound.currentData() is None:
            from gridkeeper.services.errors import ValidationFailed
            from gridkeeper.domain.errors import ValueRuleError

            missing = [ValueRuleError("grid_id" if self.grid.currentData() is None else "compound_id",
                                      self.tr("Create it first (right-click the community in the place tree)"))]
            raise ValidationFailed(missing)
        building = place_edit.add_building(session, grid_id=self.grid.currentData(),
                                           compound_id=self.compound.currentData(), label=self.label.text())
        if self.units.value():
            lay_out_building(session, building.id, BuildingPlan(self.units.value(), self.floors.value(),
                                                                self.rooms.value()))
        elif floors:
            building.floors = floors
            session.add(building)
        return building.id


class LayoutDialog(PlaceDialog):
    """Lay out an existing building's units and rooms (only what is missing is added)."""

    def __init__(self, ctx, building_id: int, parent=None):
        super().__init__(ctx, self.tr("Lay out units and rooms"), parent)
        self.building_id = building_id
        with ctx.read() as session:
            building = session.get(Building, building_id)
            from sqlmodel import func, select

            units = session.exec(select(func.count()).select_from(Unit).where(Unit.building_id == building_id)).one()
        self.units = _spin(max(units, 1), 1, 30)
        self.floors = _spin(building.floors or 6, 1, 100)
        self.rooms = _spin(2, 1, 30)
        self.add_row(self.tr("Units"), self.units, "units")
        self.add_row(self.tr("Floors"), self.floors, "floors")
        self.add_row(self.tr("Rooms a floor"), self.rooms, "rooms_per_floor")
        note = QLabel(self.tr("Rooms are numbered by floor (101, 102 … 1802) and marked vacant until someone is "
                              "registered. Units and rooms that already exist are kept as they are."))
        note.setWordWrap(True)
        self.form.addRow(note)

    def save(self, session):
        plan = BuildingPlan(self.units.value(), self.floors.value(), self.rooms.value())
        return lay_out_building(session, self.building_id, plan)


class UnitDialog(PlaceDialog):
    """A new unit of a building, or a unit's new name."""

    def __init__(self, ctx, unit_id: int | None = None, *, building_id: int | None = None, parent=None):
        super().__init__(ctx, self.tr("Rename unit") if unit_id else self.tr("New unit"), parent)
        self.unit_id, self.building_id = unit_id, building_id
        unit = None
        if unit_id:
            with ctx.read() as session:
                unit = session.get(Unit, unit_id)
        self.label = _line(unit.label if unit else "", self.tr("e.g. 2单元"))
        self.add_row(self.tr("Unit"), self.label, "unit")

    def save(self, session):
        if self.unit_id:
            return place_edit.rename_unit(session, self.unit_id, self.label.text()).id
        return place_edit.add_unit(session, building_id=self.building_id, label=self.label.text()).id


class MoveBuildingDialog(PlaceDialog):
    """Move a building to another grid (and/or compound) when boundaries change; its history goes with it."""

    def __init__(self, ctx, building_id: int, parent=None):
        super().__init__(ctx, self.tr("Move building"), parent)
        self.building_id = building_id
        with ctx.read() as session:
            building = session.get(Building, building_id)
        grids, compounds = _grid_and_compound_choices(ctx)
        self.grid, self.compound = QComboBox(), QComboBox()
        _fill(self.grid, grids, building.grid_id)
        _fill(self.compound, compounds, building.compound_id)
        self.add_row(self.tr("To grid"), self.grid, "grid_id")
        self.add_row(self.tr("In compound"), self.compound, "compound_id")
        note = QLabel(self.tr("Its units, households, visits, requests and leader posts move with {0}.").format(
            building.label))
        note.setWordWrap(True)
        self.form.addRow(note)

    def save(self, session):
        return place_edit.move_building(session, self.building_id, grid_id=self.grid.currentData(),
                                        compound_id=self.compound.currentData()).id
