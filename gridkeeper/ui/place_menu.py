"""What the place tree offers for each place (context menu, F2, Del, Ins): add, edit, lay out, move, delete."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from gridkeeper.services import place_edit
from gridkeeper.services.errors import ServiceError
from gridkeeper.ui import place_dialogs as dialogs
from gridkeeper.ui.errors import show_error
from gridkeeper.ui.operations import Change, perform
from gridkeeper.ui.widgets import forms

ADMIN_KINDS = {"community", "grid"}


class PlaceActions(QObject):
    """Owns the place tree's actions; each opens a dialog (through `forms.run_dialog`, replaced in tests)
    and, once saved, selects what was made so the user sees it at once."""

    def __init__(self, tree, ctx):
        super().__init__(tree)
        self.tree, self.ctx = tree, ctx
        tree.place_actions = self
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    # -- who may do what -------------------------------------------------------------------------
    def _admin_only_blocked(self) -> bool:
        """With accounts on, the community's details, grids and compounds are an administrator's."""
        from gridkeeper.services import accounts

        user = accounts.signed_in(self.ctx.engine)
        return self.ctx.read_only or (user is not None and not user.is_admin)

    def _may_edit_grid(self, grid_id: int | None) -> bool:
        from gridkeeper.services import accounts

        user = accounts.signed_in(self.ctx.engine)
        return user is None or grid_id is None or user.can_edit_grid(grid_id)

    def _entries(self, place: tuple[str, int]) -> list[tuple[str, str, object, bool]]:
        """(text, shortcut, slot, enabled) for the place; a "" text is a separator."""
        kind, record_id = place
        admin = not self._admin_only_blocked()
        # A steward keeps the buildings and units of their own grids (the row guard would refuse the rest).
        writable = not self.ctx.read_only and self._may_edit_grid(self.tree.scope_of(self.tree.currentItem()).grid_id
                                                                  if kind != "community" else None)
        if kind == "community":
            return [(self.tr("Community details…"), "F2", self.edit_community, admin),
                    ("", "", None, True),
                    (self.tr("New grid…"), "Ins", self.new_grid, admin),
                    (self.tr("New compound…"), "", self.new_compound, writable),
                    (self.tr("New building…"), "", lambda: self.new_building(), writable)]
        if kind == "grid":
            return [(self.tr("Edit grid…"), "F2", lambda: self.edit_grid(record_id), admin),
                    (self.tr("New building in this grid…"), "Ins", lambda: self.new_building(grid_id=record_id), writable),
                    ("", "", None, True),
                    (self.tr("Delete grid…"), "Del", lambda: self.delete("grid", record_id), admin)]
        if kind == "compound":
            grid_id = self.tree.scope_of(self.tree.currentItem()).grid_id
            return [(self.tr("Edit compound…"), "F2", lambda: self.edit_compound(record_id), admin),
                    (self.tr("New building in this compound…"), "Ins",
                     lambda: self.new_building(grid_id=grid_id, compound_id=record_id), writable),
                    ("", "", None, True),
                    (self.tr("Delete compound…"), "Del", lambda: self.delete("compound", record_id), admin)]
        if kind == "building":
            return [(self.tr("Edit building…"), "F2", lambda: self.edit_building(record_id), writable),
                    (self.tr("Lay out units and rooms…"), "", lambda: self.lay_out(record_id), writable),
                    (self.tr("New unit…"), "Ins", lambda: self.new_unit(record_id), writable),
                    (self.tr("Move to another grid…"), "", lambda: self.move_building(record_id), writable),
                    ("", "", None, True),
                    (self.tr("Delete building…"), "Del", lambda: self.delete("building", record_id), writable)]
        return [(self.tr("Rename unit…"), "F2", lambda: self.rename_unit(record_id), writable),
                ("", "", None, True),
                (self.tr("Delete unit…"), "Del", lambda: self.delete("unit", record_id), writable)]

    def menu_for(self, place: tuple[str, int] | None) -> QMenu | None:
        if place is None:
            return None
        menu = QMenu(self.tree)
        for text, shortcut, slot, enabled in self._entries(place):
            if not text:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            if shortcut:  # shown as a hint; the keys themselves are handled by the tree (handle_key)
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutVisibleInContextMenu(True)
            action.setEnabled(enabled)
            if not enabled:
                action.setToolTip(self.tr("Only a community administrator or this grid's steward can change this."))
            action.triggered.connect(lambda _=False, s=slot: s())
        self.last_menu = menu
        return menu

    def handle_key(self, key: int, place: tuple[str, int] | None) -> bool:
        wanted = {Qt.Key.Key_F2: "F2", Qt.Key.Key_Delete: "Del", Qt.Key.Key_Insert: "Ins"}.get(key)
        if wanted is None or place is None:
            return False
        for _text, shortcut, slot, enabled in self._entries(place):
            if shortcut == wanted:
                if enabled:
                    slot()
                else:
                    show_error(self.tree, self.tr(
                        "Only a community administrator or this grid's steward can change this."))
                return True
        return False

    # -- the actions -----------------------------------------------------------------------------
    def _run(self, dialog, select: str | None = None) -> bool:
        """Show the dialog; once it saved, select the new or changed place (`select` names its kind)."""
        if not forms.accepted(dialog):
            return False
        if select and isinstance(dialog.result_value, int):
            self.tree.select_place(select, dialog.result_value)
        return True

    def edit_community(self) -> bool:
        return self._run(dialogs.CommunityDialog(self.ctx, self.tree))

    def new_grid(self) -> bool:
        return self._run(dialogs.GridDialog(self.ctx, parent=self.tree), "grid")

    def edit_grid(self, grid_id: int) -> bool:
        return self._run(dialogs.GridDialog(self.ctx, grid_id, parent=self.tree), "grid")

    def new_compound(self) -> bool:
        return self._run(dialogs.CompoundDialog(self.ctx, parent=self.tree), "compound")

    def edit_compound(self, compound_id: int) -> bool:
        return self._run(dialogs.CompoundDialog(self.ctx, compound_id, parent=self.tree))

    def new_building(self, *, grid_id: int | None = None, compound_id: int | None = None) -> bool:
        dialog = dialogs.BuildingDialog(self.ctx, grid_id=grid_id, compound_id=compound_id, parent=self.tree)
        return self._run(dialog, "building")

    def edit_building(self, building_id: int) -> bool:
        return self._run(dialogs.BuildingDialog(self.ctx, building_id, parent=self.tree), "building")

    def lay_out(self, building_id: int) -> bool:
        return self._run(dialogs.LayoutDialog(self.ctx, building_id, self.tree))

    def new_unit(self, building_id: int) -> bool:
        return self._run(dialogs.UnitDialog(self.ctx, building_id=building_id, parent=self.tree), "unit")

    def rename_unit(self, unit_id: int) -> bool:
        return self._run(dialogs.UnitDialog(self.ctx, unit_id, parent=self.tree), "unit")

    def move_building(self, building_id: int) -> bool:
        return self._run(dialogs.MoveBuildingDialog(self.ctx, building_id, self.tree), "building")

    def delete(self, kind: str, record_id: int) -> bool:
        """Ask, then move the place into the recycle bin; a place where someone lives is refused with the reason."""
        try:
            with self.ctx.read() as session:
                label = place_edit.place_label(session, kind, record_id)
                reason = place_edit.why_not_deletable(session, kind, record_id)
        except ServiceError as exc:
            show_error(self.tree, str(exc))
            return False
        if reason:
            show_error(self.tree, reason)
            return False
        if not forms.confirm(self.tree, self.tr(
                "Delete {0}? Its units and unregistered rooms go with it; it can be restored from the "
                "recycle bin (File › Recycle bin).").format(label)):
            return False
        # e.g. a steward outside their grid, or a full disk: shown, and nothing was deleted
        return perform(self.tree, self.ctx, lambda session: place_edit.delete_place(session, kind, record_id),
                       changes=Change.PLACES) is not None

