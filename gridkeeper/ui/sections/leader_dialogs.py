"""Assign a leader to a post: a resident found by name or pinyin initials, or an outside person; term and pledge."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QWidget)

from gridkeeper.services.leader_photos import photo_of
from gridkeeper.services.leader_posts import Candidate, Post, candidates
from gridkeeper.services.leaders import LeaderInput, assign_leader, current_leader
from gridkeeper.storage.models import LeaderAssignment
from gridkeeper.ui.context import AppContext, Change
from gridkeeper.ui.widgets.forms import FormDialog, date_edit, date_of
from gridkeeper.ui.widgets.photo_field import PhotoField

TERM_YEARS = 5  # residents' committees are elected for five years


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class AssignLeaderDialog(FormDialog):
    """Choose who holds a post; whoever held it before has their term ended."""

    changes = Change.LEADERS

    def __init__(self, ctx: AppContext, post: Post, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Assign {0}: {1}").format(post.role.label, post.label), parent)
        self.ctx, self.post = ctx, post
        # The post as shown (holder and version): someone else appointing or ending a term meanwhile is a conflict.
        self.opened = (post.leader.id, post.leader.version) if post.leader else (None, None)
        self.resident_id: int | None = None
        self._candidates: list[Candidate] = []
        self.find = QLineEdit(self)
        self.find.setPlaceholderText(self.tr("Name or pinyin initials of a resident living there"))
        self.find.textEdited.connect(lambda _t: self.load_candidates())
        self.people = QListWidget(self)
        self.people.setMinimumHeight(120)
        self.people.currentRowChanged.connect(self.choose_candidate)
        self.name, self.phone = QLineEdit(self), QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Or type the name of someone from outside"))
        self.name.textEdited.connect(self._name_typed)
        self.party = QCheckBox(self.tr("Party member"), self)
        self.term_start = date_edit(ctx.today(), self)
        self.has_end = QCheckBox(self.tr("ends on"), self)
        self.has_end.setChecked(True)
        self.term_end = date_edit(_years_later(ctx.today(), TERM_YEARS), self)
        self.has_end.toggled.connect(self.term_end.setEnabled)
        self.pledge = QPlainTextEdit(self)
        self.pledge.setTabChangesFocus(True)
        self.pledge.setPlaceholderText(self.tr("The pledge in their own words (shown on the wall roster)"))
        self.pledge.setMaximumHeight(80)
        current = post.leader
        if current:
            self.add_row(self.tr("Now"), QLabel(self.tr("{0}, {1}, since {2}").format(
                current.person_name, current.person_phone, current.term_start or ""), self))
        self.add_row(self.tr("Find resident"), self.find)
        self.add_row("", self.people)
        self.add_row(self.tr("Name"), self.name, "person_name")
        self.add_row(self.tr("Phone"), self.phone, "person_phone")
        self.add_row("", self.party)
        term = QWidget(self)
        row = QHBoxLayout(term)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.term_start)
        row.addWidget(self.has_end)
        row.addWidget(self.term_end)
        row.addStretch(1)
        self.add_row(self.tr("Term from"), term, "term")
        self.add_row(self.tr("Pledge"), self.pledge)
        self.photo = PhotoField(None, self)
        self.add_row(self.tr("Photo"), self.photo)
        self.load_candidates()

    def load_candidates(self) -> None:
        with self.ctx.read() as session:
            self._candidates = candidates(session, self.post.role, self.post.scope_id, self.find.text())
        self.people.blockSignals(True)
        self.people.clear()
        for person in self._candidates:
            party = self.tr(", Party member") if person.is_party_member else ""
            item = QListWidgetItem(f"{person.name}　{person.room}{party}")
            item.setData(Qt.ItemDataRole.UserRole, person.resident_id)
            self.people.addItem(item)
        self.people.setCurrentRow(-1)
        self.people.blockSignals(False)

    def choose_candidate(self, row: int) -> None:
        if not 0 <= row < len(self._candidates):
            return
        person = self._candidates[row]
        self.resident_id = person.resident_id
        self.name.setText(person.name)
        self.phone.setText(person.phone)
        self.party.setChecked(person.is_party_member)

    def _name_typed(self) -> None:
        self.resident_id = None  # a typed name is someone from outside
        self.people.setCurrentRow(-1)

    def save(self, session) -> LeaderAssignment:
        data = LeaderInput(role=self.post.role, scope_id=self.post.scope_id, person_name=self.name.text(),
                           person_phone=self.phone.text(), resident_id=self.resident_id,
                           is_party_member=self.party.isChecked(), term_start=date_of(self.term_start),
                           term_end=date_of(self.term_end) if self.has_end.isChecked() else None,
                           pledge=self.pledge.toPlainText(), opened=self.opened)
        leader = assign_leader(session, data, today=self.ctx.today())
        self.photo.apply(session, leader.id, today=self.ctx.today())
        return leader

    def keep_mine(self, conflict) -> None:
        """Keep my choice: appoint over whoever holds the post now (their term ends today)."""
        with self.ctx.read() as session:
            now = current_leader(session, self.post.role, self.post.scope_id)
        self.opened = (now.id, now.version) if now else (None, None)


class LeaderPhotoDialog(FormDialog):
    """Add, replace or remove the photo of whoever holds a post (printed on the wall roster)."""

    changes = Change.LEADERS

    def __init__(self, ctx: AppContext, post: Post, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Photo of {0}, {1}: {2}").format(post.leader.person_name, post.role.label,
                                                                        post.label), parent)
        self.leader_id = post.leader.id
        with ctx.read() as session:
            current = photo_of(session, self.leader_id)
        self.photo = PhotoField(current.jpeg if current else None, self)
        self.add_row(self.tr("Photo"), self.photo)
        privacy = QLabel(self.tr("The photo is printed on the wall roster beside the name and phone. It is kept "
                                 "only while this term lasts: ending the term deletes it."), self)
        privacy.setWordWrap(True)
        self.add_row("", privacy)

    def save(self, session) -> None:
        self.photo.apply(session, self.leader_id, today=self.ctx.today())
