"""The server stops mid-session: a plain message, nothing typed is lost, and work resumes when it is back.

A small TCP relay stands between the app and the test server, so the test can cut and restore the
connection without stopping the server other tests use."""

from __future__ import annotations

import socket
import threading

import pytest
from sqlalchemy import make_url

from tests.conftest import TODAY, one_unit


class Relay:
    """127.0.0.1:port → the test server; stop() drops every connection and refuses new ones."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.sockets: list[socket.socket] = []
        self.listener = None

    def start(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def stop(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in its thread
        except OSError:
            pass
        self.listener.close()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass
        self.sockets.clear()


@pytest.fixture
def relayed(pg_databases):
    url = make_url(pg_databases.create(migrated=True))
    relay = Relay(url.host, url.port)
    relay.start()
    yield relay, url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    relay.stop()


def test_server_stopped_mid_session_then_back(relayed, qtbot, app_font):
    from gridkeeper.services import households as service
    from gridkeeper.services.database import open_database
    from gridkeeper.services.people import HouseholdInput, ResidentInput
    from gridkeeper.storage.models import Household
    from gridkeeper.ui.change_watch import ChangeWatcher
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.households.editor import HouseholdEditor

    relay, address = relayed
    database = open_database(address)
    ctx = AppContext(database, today=TODAY)
    with ctx.write() as session:
        ids = one_unit(session)
        saved = service.create_household(session, HouseholdInput(unit_id=ids["unit"], room="301"),
                                         [ResidentInput(name="王建华", is_head=True)])
        household_id = saved.household.id
    watcher = ChangeWatcher(ctx)
    lost, back = [], []
    watcher.server_lost.connect(lost.append)
    watcher.server_back.connect(lambda: back.append(True))
    editor = HouseholdEditor(ctx, household_id)
    qtbot.addWidget(editor)
    editor.notes.setPlainText("楼道灯坏了，已报物业")

    relay.stop()  # the office PC goes down
    assert editor.save() is False
    assert "无法连接数据库服务器" in editor.notice.text()
    assert editor.notes.toPlainText() == "楼道灯坏了，已报物业"  # nothing typed is lost
    watcher.poll()
    assert lost and "无法连接数据库服务器" in lost[0] and lost[0].count("\n") == 0
    watcher.poll()
    assert len(lost) == 1  # said once, not on every tick

    relay.start()  # back again: the next poll and the next save just work
    watcher.poll()
    assert back == [True]
    assert editor.save() is True
    with ctx.read() as session:
        assert session.get(Household, household_id).notes == "楼道灯坏了，已报物业"
    database.dispose()


def test_every_form_and_list_says_so_in_one_sentence_and_works_again(relayed, qtbot, app_font, monkeypatch):
    """Not only the household editor: any form's save, a list action and a plain read meet the same one
    sentence (which server, what to check, nothing saved, try again); the form keeps what was typed."""
    from PySide6.QtWidgets import QDialog

    from gridkeeper.services import leaders, members
    from gridkeeper.services.database import open_database
    from gridkeeper.storage.models import LeaderAssignment, Member
    from gridkeeper.storage.server import LOST_TAIL, ConnectionLost
    from gridkeeper.ui import errors
    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.sections.leaders import LeadersSection
    from gridkeeper.ui.sections.member_dialogs import MemberDialog
    from gridkeeper.ui.widgets import forms

    shown: list[str] = []
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(forms, "confirm", lambda parent, text: True)
    relay, address = relayed
    database = open_database(address)
    ctx = AppContext(database, today=TODAY)
    with ctx.write() as session:
        ids = one_unit(session)
        member = members.register_member(session, members.MemberInput(name="赵丽", grid_id=ids["grid"],
                                                                        registered_on=TODAY))
        holder = leaders.assign_leader(session, leaders.LeaderInput(role="unit", scope_id=ids["unit"], person_name="赵大爷",
                                                                    person_phone="13904510007"), today=TODAY)
    with ctx.read() as session:
        member = session.get(Member, member.id)
    dialog = MemberDialog(ctx, member=member)
    qtbot.addWidget(dialog)
    section = LeadersSection(ctx)
    qtbot.addWidget(section)
    section.select_post("unit", ids["unit"])
    dialog.employer.setText("市税务局")

    relay.stop()  # the office PC goes down
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.employer.text() == "市税务局"
    assert section.end_selected() is False
    with pytest.raises(ConnectionLost) as caught, ctx.read() as session:
        session.get(Member, member.id)
    assert len(shown) == 2 and all(text == str(caught.value) for text in shown)
    assert "无法连接数据库服务器" in shown[0] and LOST_TAIL in shown[0] and "\n" not in shown[0]
    assert "Traceback" not in shown[0] and "psycopg" not in shown[0]

    relay.start()  # back: the same form and the same button just work
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert section.end_selected() is True
    with ctx.read() as session:
        assert session.get(Member, member.id).employer == "市税务局"
        assert session.get(LeaderAssignment, holder.id).ended_on == TODAY
    database.dispose()


def test_the_server_pushes_changes_to_the_other_pc(pg_databases, qtbot, app_font):
    """LISTEN/NOTIFY beside the polled counter: a change committed on one PC wakes the other at once
    (its polling timer is not even running here); a rolled-back change sends nothing."""
    from gridkeeper.services import geography as geo
    from gridkeeper.services.database import open_database
    from gridkeeper.ui.change_watch import LISTENING_POLL_MS, ChangeWatcher
    from gridkeeper.ui.context import AppContext

    address = pg_databases.create(migrated=True)
    here, there = open_database(address), open_database(address)
    watching, writing = AppContext(here, today=TODAY), AppContext(there, today=TODAY)
    with writing.write() as session:
        geo.ensure_community(session, name="福康社区")
    watcher = ChangeWatcher(watching)
    assert watcher.listen() and watcher.timer.interval() == LISTENING_POLL_MS
    changed = []
    watching.data_changed.connect(lambda change: changed.append(str(change)))
    with pytest.raises(RuntimeError), writing.write() as session:
        geo.create_grid(session, code="FK-09", name="第九网格")
        raise RuntimeError("cancelled")
    qtbot.wait(300)
    assert changed == []
    with writing.write() as session:
        geo.create_grid(session, code="FK-03", name="第三网格")
    qtbot.waitUntil(lambda: "places" in changed, timeout=3000)
    watcher.stop()
    assert watcher.listener is None
    here.dispose()
    there.dispose()
