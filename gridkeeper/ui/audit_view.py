"""The audit trail viewer: newest changes first, fetched a page at a time, filterable, exportable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gridkeeper.services import audit_log
from gridkeeper.storage.audit import ACTION_LABELS
from gridkeeper.ui.errors import ERROR_STYLE
from gridkeeper.ui.operations import perform

PAGE = 200
FIELDS = ("at", "actor", "action_label", "entity_label", "entity_id", "summary", "before", "after")


class AuditModel(QAbstractTableModel):
    """Audit rows over the service, fetched PAGE at a time as the view scrolls."""

    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "When"), QT_TRANSLATE_NOOP("AuditModel", "Who"),
               QT_TRANSLATE_NOOP("AuditModel", "Action"), QT_TRANSLATE_NOOP("AuditModel", "Record"),
               QT_TRANSLATE_NOOP("AuditModel", "No."), QT_TRANSLATE_NOOP("AuditModel", "What"),
               QT_TRANSLATE_NOOP("AuditModel", "Before"), QT_TRANSLATE_NOOP("AuditModel", "After"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.filters = audit_log.AuditFilter()
        self.rows: list[audit_log.AuditRow] = []
        self.total = 0
        self.reload()

    def reload(self, filters: audit_log.AuditFilter | None = None) -> None:
        self.beginResetModel()
        if filters is not None:
            self.filters = filters
        with self.ctx.read() as session:
            self.total = audit_log.count_rows(session, self.filters)
            self.rows = audit_log.audit_rows(session, self.filters, limit=PAGE)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = getattr(self.rows[index.row()], FIELDS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole and len(value) > 120:
            return value[:120] + "…"
        return value

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        with self.ctx.read() as session:
            more = audit_log.audit_rows(session, self.filters, limit=PAGE, offset=len(self.rows))
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows += more
            self.endInsertRows()


class AuditDialog(QDialog):
    """Who changed what and when; ID numbers and phones masked unless asked for (and that is audited)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.actor = QComboBox(self)
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), "")
        for code, label in ACTION_LABELS.items():
            self.action.addItem(label, code)
        bar.addWidget(QLabel(self.tr("Who"), self))
        bar.addWidget(self.actor)
        bar.addWidget(QLabel(self.tr("Action"), self))
        bar.addWidget(self.action)
        bar.addStretch(1)
        self.full = QCheckBox(self.tr("Export with full ID numbers"), self)
        bar.addWidget(self.full)
        export = QPushButton(self.tr("Export CSV…"), self)
        export.clicked.connect(lambda: self.export())
        bar.addWidget(export)
        layout.addLayout(bar)
        self.model = AuditModel(ctx, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 130, 70, 80, 60, 200, 200)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        self._fill_actors()
        self.actor.currentIndexChanged.connect(self.apply_filters)
        self.action.currentIndexChanged.connect(self.apply_filters)
        self.show_chain_status()

    def _fill_actors(self) -> None:
        self.actor.addItem(self.tr("Everyone"), "")
        with self.ctx.read() as session:
            for name in audit_log.actors(session):
                self.actor.addItem(name, name)

    def apply_filters(self) -> None:
        self.model.reload(audit_log.AuditFilter(actor=self.actor.currentData() or "",
                                                action=self.action.currentData() or ""))
        self.show_chain_status(verify=False)

    def show_chain_status(self, verify: bool = True) -> None:
        """The count shown, and (once, when opened) whether the chain of entries is intact."""
        if verify:
            with self.ctx.read() as session:
                self.problems = audit_log.chain_problems(session)
        problems = self.problems
        if problems:
            self.status.setText(self.tr("Warning: the audit trail has been tampered with ({0} problems): {1}").format(
                len(problems), problems[0]))
            self.status.setStyleSheet(ERROR_STYLE)
        else:
            self.status.setText(self.tr("{0} entries; the chain of entries is unbroken.").format(self.model.total))
            self.status.setStyleSheet("")

    def export(self, path: str | None = None) -> int | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), "审计记录.csv",
                                                  self.tr("CSV (*.csv)"))
            if not path:
                return None
        full = self.full.isChecked()
        done = perform(self, self.ctx, lambda session: audit_log.export_csv(session, path, self.model.filters, full=full))
        if done is None:  # shown in plain words, nothing half-written (atomic replace)
            return None
        count = done.value
        if self.isVisible():
            QMessageBox.information(self, self.tr("Exported"), self.tr("{0} entries written to {1}").format(count, path))
        return count
