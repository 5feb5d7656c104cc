"""ui.background_read: a section's read in a worker thread — busy state, the newest request wins, failures shown,
a hidden section reads when next shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from gridkeeper.services.errors import ServiceError
from gridkeeper.services.scope import Scope


@pytest.fixture
def ctx(threaded_ctx):
    return threaded_ctx


@pytest.fixture
def owner(qtbot, ctx):
    from gridkeeper.ui.background_read import BackgroundRead

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.reader = BackgroundRead(widget, ctx)
    widget.shown: list = []
    return widget


def _wait(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.reader.loading(), timeout=20000)


def test_busy_while_reading_then_the_result_on_the_ui_thread(qtbot, owner):
    gate = threading.Event()
    threads: list = []

    def read(session):
        threads.append(threading.get_ident())
        gate.wait(20)
        return session.exec(text("SELECT count(*) FROM household")).one()[0]

    owner.show()
    owner.reader.start(read, lambda n: owner.shown.append((n, threading.get_ident())))
    assert owner.reader.loading() and owner.reader.label.isVisible() and owner.shown == []
    gate.set()
    _wait(qtbot, owner)
    assert owner.shown == [(0, threading.get_ident())]  # applied on the UI thread ...
    assert threads and threads[0] != threading.get_ident()  # ... read in another
    assert not owner.reader.label.isVisible()


def test_the_newest_request_wins(qtbot, owner):
    first_gate = threading.Event()

    def slow(_session):
        first_gate.wait(20)
        return "first"

    owner.reader.start(slow, owner.shown.append)
    first = owner.reader._task
    owner.reader.start(lambda _session: "second", owner.shown.append)
    _wait(qtbot, owner)
    assert owner.shown == ["second"]
    first_gate.set()
    assert first.wait(20000)
    qtbot.wait(50)
    assert owner.shown == ["second"]  # the first answered late and was dropped


def test_a_failure_is_shown_once_and_a_stale_failure_not_at_all(qtbot, owner, monkeypatch):
    from gridkeeper.ui import errors

    boxes: list[str] = []
    monkeypatch.setattr(errors, "_box", lambda _parent, _title, message: boxes.append(message))
    gate = threading.Event()

    def stale(_session):
        gate.wait(20)
        raise ServiceError("旧的失败")

    def refused(_session):
        raise ServiceError("无权查看")

    owner.reader.start(stale, owner.shown.append)
    first = owner.reader._task
    owner.reader.start(refused, owner.shown.append)
    _wait(qtbot, owner)
    gate.set()
    assert first.wait(20000)
    qtbot.wait(50)
    assert boxes == ["无权查看"] and owner.shown == []


def test_a_hidden_section_reads_when_it_is_next_shown(qtbot, owner, ctx):
    calls: list = []
    follow = owner.reader.refresh_when_shown(lambda: calls.append(ctx.scope))
    ctx.scope_changed.connect(follow)
    ctx.set_scope(Scope(grid_id=1))
    ctx.set_scope(Scope(grid_id=2))
    assert calls == [] and owner.reader.stale
    owner.show()
    assert calls == [Scope(grid_id=2)]  # once, for the place picked last
    ctx.set_scope(Scope(grid_id=3))
    assert calls[-1] == Scope(grid_id=3)


def test_over_the_in_memory_test_database_the_read_is_made_at_once_and_answers_later(qtbot, database, app_font):
    """One shared connection: reading it from a worker while the UI thread writes would roll the write back."""
    from gridkeeper.ui.background_read import BackgroundRead
    from gridkeeper.ui.context import AppContext

    widget = QWidget()
    qtbot.addWidget(widget)
    reader = BackgroundRead(widget, AppContext(database))
    threads, shown = [], []
    reader.start(lambda session: threads.append(threading.get_ident()) or "read", shown.append)
    assert threads == [threading.get_ident()] and shown == [] and reader.loading()
    qtbot.waitUntil(lambda: not reader.loading())
    assert shown == ["read"]
