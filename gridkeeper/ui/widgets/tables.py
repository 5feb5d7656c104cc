"""The one way a section shows a list of rows: a read-only QTableView set up alike everywhere."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

SINGLE, MANY = QTableView.SelectionMode.SingleSelection, QTableView.SelectionMode.ExtendedSelection


def list_view(model: QAbstractItemModel, parent: QWidget, *, selection: QTableView.SelectionMode = SINGLE,
              stripes: bool = True, stretch_last: bool = True) -> QTableView:
    """Whole rows selected, no row numbers, columns the user can resize, sized from a sample of rows."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setAlternatingRowColors(stripes)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(100)  # measure a sample, not 100,000 rows
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    return view
