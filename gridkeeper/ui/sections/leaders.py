"""三长 Leaders: every grid, building and unit in scope with its current leader; vacancies stand out."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services.leader_photos import leaders_with_photo
from gridkeeper.services.leader_posts import Post, posts
from gridkeeper.services.leaders import end_term
from gridkeeper.services.scope import EVERYWHERE
from gridkeeper.ui.context import AppContext
from gridkeeper.ui.operations import Change, perform_edit
from gridkeeper.ui.sections.leader_dialogs import AssignLeaderDialog, LeaderPhotoDialog
from gridkeeper.ui.widgets import forms
from gridkeeper.ui.widgets.table_model import AMBER_BG, RED, Column, RowsModel
from gridkeeper.ui.widgets.tables import list_view


class LeadersSection(QWidget):
    """Who leads each grid, building and unit; assign, replace or end a term."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._posts: list[Post] = []
        self._with_photo: set[int] = set()
        self.only_vacant = QCheckBox(self.tr("Only vacant posts"), self)
        self.only_vacant.toggled.connect(lambda _on: self._show())
        self.role_filter = QComboBox(self)
        self.role_filter.addItem(self.tr("All posts"), "")
        for role in LeaderRole:
            self.role_filter.addItem(role.label, role.value)
        self.role_filter.currentIndexChanged.connect(lambda _i: self._show())
        self.count_label = QLabel(self)
        self.assign_button = QPushButton(self.tr("Assign…"), self)
        self.assign_button.clicked.connect(lambda: self.assign_selected())
        self.end_button = QPushButton(self.tr("End term…"), self)
        self.end_button.clicked.connect(lambda: self.end_selected())
        self.photo_button = QPushButton(self.tr("Photo…"), self)
        self.photo_button.setToolTip(self.tr("The leader's photo on the wall roster"))
        self.photo_button.clicked.connect(lambda: self.photo_selected())
        vacant_bg = lambda p: AMBER_BG if p.vacant else None  # noqa: E731
        self.model = RowsModel([
            Column(self.tr("Post"), lambda p: p.role.label, background=vacant_bg),
            Column(self.tr("Place"), lambda p: p.label, background=vacant_bg),
            Column(self.tr("Leader"), lambda p: p.leader.person_name if p.leader else self.tr("vacant"),
                   foreground=lambda p: RED if p.vacant else None, background=vacant_bg),
            Column(self.tr("Phone"), lambda p: p.leader.person_phone if p.leader else "", background=vacant_bg),
            Column(self.tr("Party member"), lambda p: (self.tr("yes") if p.leader.is_party_member else "")
                   if p.leader else "", background=vacant_bg),
            Column(self.tr("Term"), self._term, background=vacant_bg),
            Column(self.tr("Photo"), lambda p: self.tr("yes") if p.leader and p.leader.id in self._with_photo else "",
                   background=vacant_bg),
            Column(self.tr("Pledge"), lambda p: p.leader.pledge if p.leader else "",
                   tooltip=lambda p: p.leader.pledge if p.leader else "", background=vacant_bg),
        ], self)
        self.table = list_view(self.model, self, stripes=False)
        self.table.doubleClicked.connect(lambda index: self.assign_selected())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        bar = QHBoxLayout()
        for widget in (self.role_filter, self.only_vacant):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.count_label, self.assign_button, self.photo_button, self.end_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        ctx.scope_changed.connect(lambda _s: self.refresh())
        ctx.data_changed.connect(
            lambda change: change.affects(Change.LEADERS, Change.PLACES, Change.HOUSEHOLDS) and self.refresh())
        self.refresh()

    def _term(self, post: Post) -> str:
        leader = post.leader
        if not leader:
            return ""
        start = leader.term_start.isoformat() if leader.term_start else ""
        end = leader.term_end.isoformat() if leader.term_end else ""
        return f"{start} – {end}" if end else start

    def refresh(self) -> None:
        with self.ctx.read() as session:
            self._posts = posts(session, self.ctx.scope)
            self._with_photo = leaders_with_photo(session)
        self._show()

    def _show(self) -> None:
        role = self.role_filter.currentData() or ""
        only_vacant = self.only_vacant.isChecked()
        shown = [p for p in self._posts if (not role or p.role == role) and (p.vacant or not only_vacant)]
        self.model.set_rows(shown)
        vacant = sum(p.vacant for p in self._posts)
        self.count_label.setText(self.tr("{0} posts, {1} vacant").format(len(self._posts), vacant))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 260))
        self._row_changed(self.table.currentIndex(), QModelIndex())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        post = self.model.row_at(current.row()) if current.isValid() else None
        self.assign_button.setEnabled(post is not None and not self.ctx.read_only)
        self.end_button.setEnabled(bool(post and post.leader) and not self.ctx.read_only)
        self.photo_button.setEnabled(bool(post and post.leader) and not self.ctx.read_only)

    def selected_post(self) -> Post | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_post(self, role: LeaderRole | str, scope_id: int) -> Post | None:
        """Select a post in the list (showing every post if a filter hides it)."""
        for _attempt in range(2):
            for row, post in enumerate(self.model.rows()):
                if post.role == role and post.scope_id == scope_id:
                    self.table.selectRow(row)
                    return post
            self.only_vacant.setChecked(False)
            self.role_filter.setCurrentIndex(0)
        return None

    def make_assign_dialog(self, post: Post) -> AssignLeaderDialog:
        return AssignLeaderDialog(self.ctx, post, self)

    def assign(self, role: LeaderRole | str, scope_id: int) -> bool:
        """Open the assign dialog for a post (used by the Today section's vacancies)."""
        post = self.select_post(role, scope_id)
        if post is None:
            with self.ctx.read() as session:
                post = next((p for p in posts(session, EVERYWHERE)
                             if p.role == role and p.scope_id == scope_id), None)
        return self._run_assign(post) if post else False

    def assign_selected(self) -> bool:
        post = self.selected_post()
        return self._run_assign(post) if post else False

    def _run_assign(self, post: Post) -> bool:
        if self.ctx.read_only:
            return False
        dialog = self.make_assign_dialog(post)
        done = forms.accepted(dialog)
        if done:
            self.select_post(post.role, post.scope_id)
        return done

    def photo_selected(self) -> bool:
        """Add, replace or remove the selected leader's photo."""
        post = self.selected_post()
        if not post or not post.leader or self.ctx.read_only:
            return False
        dialog = LeaderPhotoDialog(self.ctx, post, self)
        done = forms.accepted(dialog)
        if done:
            self.select_post(post.role, post.scope_id)
        return done

    def end_selected(self) -> bool:
        post = self.selected_post()
        if not post or not post.leader or self.ctx.read_only:
            return False
        question = self.tr("End {0}'s term as {1} of {2} today? The post becomes vacant.").format(
            post.leader.person_name, post.role.label, post.label)
        if post.leader.id in self._with_photo:
            question += "\n" + self.tr("Their photo for the wall roster is deleted.")
        if not forms.confirm(self, question):
            return False
        leader_id, today = post.leader.id, self.ctx.today()
        shown = {"version": post.leader.version}  # someone else's change meanwhile is a conflict to settle

        def keep_mine(conflict) -> None:
            shown["version"] = conflict.current_version

        return perform_edit(self, self.ctx, lambda session: end_term(session, leader_id, on=today,
                                                                     expected_version=shown["version"]),
                            changes=Change.LEADERS, keep_mine=keep_mine, take_theirs=lambda _c: None) is not None

