"""The navigation tree on the left: community → grids → compounds → buildings → units; picking one sets the scope."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from gridkeeper.services.geography import compounds_without_buildings, get_community, place_tree
from gridkeeper.services.scope import EVERYWHERE, Scope
from gridkeeper.services.visibility import visible_grid_ids
from gridkeeper.ui.context import Change

KIND_ROLE = Qt.ItemDataRole.UserRole
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1


def _scope_for(kind: str, record_id: int, parent: Scope) -> Scope:
    if kind == "grid":
        return Scope(grid_id=record_id)
    if kind == "compound":
        return Scope(grid_id=parent.grid_id, compound_id=record_id)
    if kind == "building":
        return Scope(grid_id=parent.grid_id, compound_id=parent.compound_id, building_id=record_id)
    return Scope(grid_id=parent.grid_id, compound_id=parent.compound_id, building_id=parent.building_id,
                 unit_id=record_id)


class PlaceTree(QTreeWidget):
    """Grids, compounds, buildings and units; emits `scope_picked(Scope, label)` when the user picks one."""

    scope_picked = Signal(object, str)
    path_renamed = Signal(str)  # the selected place kept its scope but its name (or a parent's) changed

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setAccessibleName(self.tr("Places"))
        self.currentItemChanged.connect(self._on_current)
        # Any change to places (the tree's own edits, an import, a restore) shows at once.
        ctx.data_changed.connect(lambda change: change.affects(Change.PLACES) and self.reload())
        self.reload()

    def reload(self) -> None:
        """Rebuild from the database, keeping the selected place if it still exists (found by its kind and id
        when it moved, e.g. a building put in another grid); otherwise the whole community is picked."""
        chosen = self.ctx.scope
        chosen_place = self.place_of(self.currentItem()) if self.topLevelItemCount() else None
        with self.ctx.read() as session:
            community = get_community(session)
            visible = visible_grid_ids(session)  # a steward's tree holds their own grids only
            nodes = [n for n in place_tree(session) if visible is None or n.id in visible]
            loose = compounds_without_buildings(session)
        self.blockSignals(True)
        self.clear()
        # Items hold plain string keys: PySide mishandles refcounts of many Python objects stored in items.
        self._scopes: dict[str, Scope] = {"community": EVERYWHERE}
        root = QTreeWidgetItem([community.name if community else self.tr("Whole community")])
        root.setData(0, KIND_ROLE, "community")
        root.setData(0, SCOPE_ROLE, "community")
        self.addTopLevelItem(root)
        self._add(root, nodes, EVERYWHERE)
        self._add(root, loose, EVERYWHERE)
        root.setExpanded(True)
        item = self._find(chosen) or (self.find_place(*chosen_place) if chosen_place else None) or root
        self.setCurrentItem(item)
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.blockSignals(False)
        if self.scope_of(item) != chosen:
            self.scope_picked.emit(self.scope_of(item), self.path_label(item))
        else:
            self.path_renamed.emit(self.path_label(item))

    def _add(self, parent_item: QTreeWidgetItem, nodes, parent_scope: Scope) -> None:
        for node in nodes:
            scope = _scope_for(node.kind, node.id, parent_scope)
            item = QTreeWidgetItem([node.label])
            key = f"{node.kind}:{node.id}:{scope.grid_id}"
            self._scopes[key] = scope
            item.setData(0, KIND_ROLE, node.kind)
            item.setData(0, SCOPE_ROLE, key)
            parent_item.addChild(item)
            self._add(item, node.children, scope)

    def _find(self, scope: Scope) -> QTreeWidgetItem | None:
        if scope.is_all:
            return None
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if self.scope_of(item) == scope:
                return item
            stack += [item.child(i) for i in range(item.childCount())]
        return None

    def place_of(self, item: QTreeWidgetItem | None) -> tuple[str, int] | None:
        """("building", 12) for an item; ("community", 0) for the root."""
        if item is None:
            return None
        key = item.data(0, SCOPE_ROLE) or ""
        if key == "community":
            return ("community", 0)
        kind, record_id, _grid = key.split(":")
        return kind, int(record_id)

    def find_place(self, kind: str, record_id: int) -> QTreeWidgetItem | None:
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if self.place_of(item) == (kind, record_id):
                return item
            stack += [item.child(i) for i in range(item.childCount())]
        return None

    def select_place(self, kind: str, record_id: int) -> bool:
        item = self.find_place(kind, record_id)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def select_scope(self, scope: Scope) -> bool:
        item = self._find(scope) if not scope.is_all else self.topLevelItem(0)
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def path_label(self, item: QTreeWidgetItem | None = None) -> str:
        """"FK-03 第三网格 › 幸福家园 › 7号楼" for the current item."""
        item = item or self.currentItem()
        parts = []
        while item is not None:
            parts.append(item.text(0))
            item = item.parent()
        return " › ".join(reversed(parts))

    def contextMenuEvent(self, event) -> None:
        """Right-click or the Menu key: what can be done with the place under the pointer (or selected)."""
        from PySide6.QtGui import QContextMenuEvent

        item = self.itemAt(event.pos()) if event.reason() == QContextMenuEvent.Reason.Mouse else self.currentItem()
        if item is None:
            return
        self.setCurrentItem(item)
        menu = self.actions_menu()
        if menu is not None:
            menu.exec(event.globalPos())

    def actions_menu(self):
        """The menu for the selected place (built by PlaceActions, attached by the main window)."""
        actions = getattr(self, "place_actions", None)
        return actions.menu_for(self.place_of(self.currentItem())) if actions else None

    def keyPressEvent(self, event) -> None:
        """F2 edits, Del deletes, Ins adds a child place (the context menu names the same keys)."""
        actions = getattr(self, "place_actions", None)
        if actions is not None and actions.handle_key(event.key(), self.place_of(self.currentItem())):
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_current(self, item, _previous) -> None:
        if item is not None:
            self.scope_picked.emit(self.scope_of(item), self.path_label(item))

    def scope_of(self, item: QTreeWidgetItem) -> Scope:
        return self._scopes.get(item.data(0, SCOPE_ROLE), EVERYWHERE)
