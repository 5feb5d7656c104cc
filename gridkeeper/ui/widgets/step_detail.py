"""The selected item of a closed-loop register (a request, a hazard) in detail: its next-step buttons first
(they stay where they are however long the text grows), its details, then its history — when, which step,
the note, by whom — in the computer's local time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from gridkeeper.domain.enums import label_of
from gridkeeper.ui.widgets.table_model import Column, RowsModel


def local_time(at: datetime) -> str:
    """Events are stored in UTC (naive in SQLite); show them in the computer's local time."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class StepDetail(QGroupBox):
    """`buttons` (a row the section fills), `text` (rich text it sets) and `history_model` (events with
    `at`, `to_status`, `note`, `actor`). The step and actor columns are titled in the register's own words
    (a request's 环节/经办人, a hazard's 步骤/操作人)."""

    def __init__(self, title: str, statuses: type[Enum], parent: QWidget, *, step_title: str, actor_title: str,
                 history_height: int = 100):
        super().__init__(title, parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_model = RowsModel([
            Column(QCoreApplication.translate("StepDetail", "When"), lambda e: local_time(e.at)),
            Column(step_title, lambda e: label_of(statuses, e.to_status)),
            Column(QCoreApplication.translate("StepDetail", "Note"), lambda e: e.note, tooltip=lambda e: e.note),
            Column(actor_title, lambda e: e.actor),
        ], self)
        self.history_view = QTableView(self)
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().hide()
        header = self.history_view.horizontalHeader()
        header.setResizeContentsPrecision(100)  # measure a sample of a long history
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history_view.setMinimumHeight(history_height)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.text)
        layout.addWidget(self.history_view, 1)

    def step_buttons(self, steps: Iterable[tuple[Enum, str]], advance: Callable[[Enum], object]) -> dict:
        """A button per (target status, text), in order, each asking `advance(target)`."""
        made = {}
        for target, text in steps:
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, t=target: advance(t))
            made[target] = button
            self.buttons.addWidget(button)
        return made


__all__ = ["StepDetail", "local_time"]
