"""The recycle bin: deleted households, places, disputes, leases and safety places, newest first, restorable
one at a time."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from gridkeeper.services import trash
from gridkeeper.ui.operations import Change, announce, perform

ID_ROLE = Qt.ItemDataRole.UserRole


def _local(moment: datetime | None) -> str:
    """Stored in UTC (SQLite drops the zone); shown in local time."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class RecycleBin(QDialog):
    """Lists DeletedRecord rows; Restore puts the selected record back exactly as it was, links included."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_notes: list[str] = []
        self.setWindowTitle(self.tr("Recycle bin"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Deleted households come back with their residents, visits, requests and leases and every "
                              "link they had (hazards, disputes, leader posts, members); deleted grids, compounds, "
                              "buildings and units with their units and rooms; deleted disputes, leases and safety "
                              "places likewise. Restore the newest first when several belong together."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Deleted"), self.tr("Deleted at")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        with self.ctx.read() as session:
            records = trash.deleted_records(session)
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            item = QTableWidgetItem(record.label)
            item.setData(ID_ROLE, record.id)
            self.table.setItem(row, 0, item)
            when = _local(record.deleted_at)
            self.table.setItem(row, 1, QTableWidgetItem(when))
        if records:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(records))

    def restore_selected(self) -> str | None:
        """Restore the selected record (a household, a place with its units and rooms, a dispute, a lease, a
        safety place) through the one write road; the lists showing what came back refresh, and links that
        could not be tied back are named. Returns its kind, None if refused."""
        row = self.table.currentRow()
        if row < 0:
            return None
        record_id = self.table.item(row, 0).data(ID_ROLE)
        done = perform(self, self.ctx, lambda session: trash.restore_any(session, record_id))
        self.reload()  # refused too: the record may have been restored on another PC meanwhile
        if done is None:
            return None
        restored = done.value
        announce(self.ctx, sorted(restored.changes) or Change.EVERYTHING)
        self.last_notes = restored.notes
        if restored.notes:
            QMessageBox.information(self, self.tr("Restored"), self.tr(
                "“{0}” was restored. Some links could not be restored as they were:").format(restored.label)
                + "\n\n" + "\n".join(f"· {note}" for note in restored.notes))
        return restored.kind
