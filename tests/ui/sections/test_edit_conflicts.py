"""Two stewards edit the same record; the second to save is told who saved first and when, sees both versions
side by side, and chooses — for every kind of versioned record the window edits: a household and its
residents, a leader post, a member, a request's step, ending a term, withdrawing a member.

Runs over SQLite (the other PC's write goes through the same file) and over the PostgreSQL test server
(two separate connections, as two PCs have)."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from sqlmodel import Session

from gridkeeper.domain.enums import LeaderRole, RequestStatus
from gridkeeper.services import households as hh
from gridkeeper.services import leaders, members, requests
from gridkeeper.services.people import HouseholdInput, ResidentInput
from gridkeeper.storage.audit import set_actor
from gridkeeper.storage.models import Household, LeaderAssignment, Member, Resident, ResidentRequest, Unit

from tests.conftest import one_unit

from .conftest import TODAY

OTHER = "王敏"  # the steward at the other PC


@pytest.fixture(params=["sqlite", "postgresql"])
def pcs(request, qtbot, app_font):
    """(this PC's AppContext, the other PC's AppContext, place ids) over one database."""
    from gridkeeper.services.database import memory_database, open_database
    from gridkeeper.ui.context import AppContext

    if request.param == "postgresql":
        databases = request.getfixturevalue("pg_databases")
        url = databases.create(migrated=True)
        mine, theirs = open_database(url), open_database(url)
    else:
        mine = theirs = memory_database()
    here, there = AppContext(mine, today=TODAY, user="李晓燕"), AppContext(theirs, today=TODAY, user=OTHER)
    with here.write() as session:
        ids = one_unit(session)
        saved = hh.create_household(session, HouseholdInput(unit_id=ids["unit"], room="301"),
                                    [ResidentInput(name="王建华", is_head=True, phone="13904510001")])
        place = dict(grid=ids["grid"], unit=ids["unit"], household=saved.household.id, resident=saved.residents[0].id)
    yield here, there, place
    for database in {id(mine): mine, id(theirs): theirs}.values():
        database.dispose()


@contextmanager
def other_pc(ctx):
    """A write on the other PC, audited under the other steward's name."""
    set_actor(ctx.engine, OTHER)
    try:
        with ctx.write() as session:
            yield session
    finally:
        set_actor(ctx.engine, None)


class Choices:
    """Stands in for the person at the conflict dialog: records what it showed, answers from a queue."""

    def __init__(self):
        self.answers: list[bool] = []  # True: keep my changes; False: use their version
        self.shown: list[tuple[str, list[tuple[str, str, str]]]] = []

    def exec(self, dialog) -> int:
        table = dialog.table
        rows = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
        self.shown.append((dialog.findChild(QLabel).text(), rows))
        assert self.answers, self.shown
        return QDialog.DialogCode.Accepted if self.answers.pop(0) else QDialog.DialogCode.Rejected

    def told(self, field: str, theirs: str, yours: str) -> None:
        message, rows = self.shown[-1]
        assert OTHER in message and "没有保存" in message, message
        assert (field, theirs, yours) in rows, rows


@pytest.fixture
def choices(monkeypatch):
    from gridkeeper.ui import conflict_dialog, errors

    fake = Choices()
    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", lambda dialog: fake.exec(dialog))
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: pytest.fail(f"unexpected message: {text}"))
    return fake


def read(ctx, model, record_id):
    with Session(ctx.engine) as session:
        return session.get(model, record_id)


def test_household_resident_row(pcs, choices, qtbot):
    from gridkeeper.ui.households.editor import HouseholdEditor
    from gridkeeper.ui.households.residents_table import PHONE

    here, there, place = pcs
    editor = HouseholdEditor(here, place["household"])
    qtbot.addWidget(editor)
    with other_pc(there) as session:  # the other PC changes the resident's phone
        hh.update_resident(session, place["resident"], ResidentInput(name="王建华", is_head=True,
                                                                     phone="13904519999"))
    editor.residents.item(0, PHONE).setText("13904510002")
    choices.answers = [True]  # keep mine: the row is saved over their version
    assert editor.save(close=False) is True
    choices.told("联系电话", "13904519999", "13904510002")
    with Session(here.engine) as session:
        assert session.get(Resident, place["resident"]).phone == "13904510002"  # mine, as chosen
        assert len(hh.household_residents(session, place["household"])) == 1


def test_household_take_theirs_shows_residents_as_saved(pcs, choices, qtbot):
    from gridkeeper.ui.households.editor import HouseholdEditor
    from gridkeeper.ui.households.residents_table import NAME, PHONE

    here, there, place = pcs
    editor = HouseholdEditor(here, place["household"])
    qtbot.addWidget(editor)
    with other_pc(there) as session:
        hh.add_resident(session, place["household"], ResidentInput(name="王小明", relation="子女"), today=TODAY)
    editor.notes.setPlainText("我的备注")
    editor.residents.item(0, PHONE).setText("13904510002")
    choices.answers = [False]
    assert editor.save(close=False) is False
    assert [editor.residents.text(r, NAME) for r in range(editor.residents.rowCount())] == ["王建华", "王小明"]
    assert editor.residents.text(0, PHONE) == "13904510001" and editor.notes.toPlainText() == ""
    assert not editor.has_unsaved_changes()
    editor.notes.setPlainText("再写一次")
    assert editor.save(close=False) is True  # now on the current versions: saves, and keeps 王小明
    with Session(here.engine) as session:
        assert session.get(Household, place["household"]).notes == "再写一次"
        assert len(hh.household_residents(session, place["household"])) == 2


def test_household_removing_a_resident_changed_elsewhere(pcs, choices, qtbot):
    """A resident row removed here but changed on the other PC: the conflict dialog, as for an edit. "Use
    their version" brings the resident back as saved and keeps what else was typed; "keep mine" removes."""
    from gridkeeper.ui.households.editor import HouseholdEditor
    from gridkeeper.ui.households.residents_table import NAME, PHONE

    here, there, place = pcs
    with here.write() as session:
        hh.add_resident(session, place["household"], ResidentInput(name="王小明", relation="子女"), today=TODAY)
    editor = HouseholdEditor(here, place["household"])
    qtbot.addWidget(editor)
    with other_pc(there) as session:  # the other PC changes 王建华's phone
        hh.update_resident(session, place["resident"], ResidentInput(name="王建华", is_head=True,
                                                                     phone="13904519999"))
    editor.residents.selectRow(0)
    editor._remove_resident()
    editor.notes.setPlainText("我的备注")
    choices.answers = [False]  # use theirs: 王建华 stays, as they saved him
    assert editor.save(close=False) is False
    message, rows = choices.shown[-1]
    assert "您要删除的居民“王建华”" in message and OTHER in message and "没有删除" in message
    assert ("联系电话", "13904519999", "") in rows
    assert sorted(editor.residents.text(r, NAME) for r in range(editor.residents.rowCount())) == ["王小明", "王建华"]
    row = next(r for r in range(editor.residents.rowCount()) if editor.residents.text(r, NAME) == "王建华")
    assert editor.residents.text(row, PHONE) == "13904519999" and editor.notes.toPlainText() == "我的备注"
    assert editor.save(close=False) is True  # the rest of what was typed is saved, 王建华 kept
    with Session(here.engine) as session:
        assert session.get(Household, place["household"]).notes == "我的备注"
        assert session.get(Resident, place["resident"]).phone == "13904519999"

    with other_pc(there) as session:  # changed again elsewhere; removed here again, and this time: keep mine
        hh.update_resident(session, place["resident"], ResidentInput(name="王建华", is_head=True,
                                                                     phone="13904518888"))
    editor.residents.selectRow(row)
    editor._remove_resident()
    choices.answers = [True]
    assert editor.save(close=False) is True
    with Session(here.engine) as session:
        assert session.get(Resident, place["resident"]) is None
        assert [r.name for r in hh.household_residents(session, place["household"])] == ["王小明"]


def test_deleting_a_household_someone_changed_asks_first(pcs, choices, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.ui.households.editor import HouseholdEditor

    here, there, place = pcs
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    editor = HouseholdEditor(here, place["household"])
    qtbot.addWidget(editor)
    with other_pc(there) as session:
        hh.update_household(session, place["household"], HouseholdInput(unit_id=place["unit"], room="301",
                                                                         notes="独居老人，每周探访"))
    choices.answers = [False]  # use theirs: not deleted, the window shows their notes
    assert editor.delete() is False
    assert "您要删除的住户" in choices.shown[-1][0] and "没有删除" in choices.shown[-1][0]
    assert read(here, Household, place["household"]) is not None
    assert editor.notes.toPlainText() == "独居老人，每周探访"
    with other_pc(there) as session:
        hh.update_household(session, place["household"], HouseholdInput(unit_id=place["unit"], room="301",
                                                                         notes="又改了"))
    choices.answers = [True]  # keep mine: deleted all the same (into the recycle bin)
    assert editor.delete() is True
    assert read(here, Household, place["household"]) is None


def test_a_moved_household_shows_unit_names_not_numbers(pcs, choices, qtbot):
    from gridkeeper.services import geography as geo
    from gridkeeper.ui.households.editor import HouseholdEditor

    here, there, place = pcs
    editor = HouseholdEditor(here, place["household"])
    qtbot.addWidget(editor)
    with other_pc(there) as session:  # the other PC moves the household to 3单元
        unit = session.get(Household, place["household"]).unit_id
        other = geo.create_unit(session, building_id=session.get(Unit, unit).building_id, label="3单元").id
        hh.update_household(session, place["household"], HouseholdInput(unit_id=other, room="301"))
    editor.notes.setPlainText("我的备注")
    choices.answers = [False]
    assert editor.save(close=False) is False
    message, rows = choices.shown[-1]
    assert "住户“幸福家园7号楼3单元301”" in message
    unit_rows = [r for r in rows if r[0] == "单元"]
    assert unit_rows == [("单元", "FK-03 幸福家园 7号楼 3单元", "FK-03 幸福家园 7号楼 2单元")], rows


def test_member_dialog(pcs, choices, qtbot):
    from gridkeeper.ui.sections.member_dialogs import MemberDialog

    here, there, place = pcs
    with here.write() as session:
        member_id = members.register_member(session, members.MemberInput(
            name="赵丽", grid_id=place["grid"], registered_on=TODAY, employer="市税务局")).id
    dialog = MemberDialog(here, member=read(here, Member, member_id))
    qtbot.addWidget(dialog)
    with other_pc(there) as session:
        members.update_member(session, member_id, members.MemberInput(
            name="赵丽", grid_id=place["grid"], registered_on=TODAY, employer="市财政局", version=1))
    dialog.employer.setText("市教育局")
    choices.answers = [False]  # use theirs: the dialog stays open and shows the member as saved now
    dialog.accept()
    choices.told("工作单位", "市财政局", "市教育局")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.employer.text() == "市财政局"
    assert read(here, Member, member_id).employer == "市财政局"
    with other_pc(there) as session:  # changed again meanwhile
        members.update_member(session, member_id, members.MemberInput(
            name="赵丽", grid_id=place["grid"], registered_on=TODAY, employer="市财政局", post="助老", version=2))
    dialog.employer.setText("市教育局")
    choices.answers = [True]  # keep mine: saved over theirs
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read(here, Member, member_id).employer == "市教育局"


def test_leader_post_appointed_meanwhile(pcs, choices, qtbot):
    from gridkeeper.services.leader_posts import Post
    from gridkeeper.ui.sections.leader_dialogs import AssignLeaderDialog

    here, there, place = pcs

    def dialog_for(name):
        with Session(here.engine) as session:
            holder = leaders.current_leader(session, LeaderRole.UNIT, place["unit"])
        dialog = AssignLeaderDialog(here, Post(LeaderRole.UNIT, place["unit"], "7号楼2单元", place["grid"], holder))
        qtbot.addWidget(dialog)
        dialog.name.setText(name)
        dialog.phone.setText("13904510008")
        return dialog

    mine, later = dialog_for("钱阿姨"), dialog_for("孙师傅")  # both opened while the post was vacant
    with other_pc(there) as session:
        leaders.assign_leader(session, leaders.LeaderInput(role="unit", scope_id=place["unit"], person_name="赵大爷",
                                                           person_phone="13904510007"), today=TODAY)
    choices.answers = [False]  # use theirs: nothing appointed here
    mine.accept()
    choices.told("姓名", "赵大爷", "钱阿姨")
    assert mine.result() != QDialog.DialogCode.Accepted
    with Session(here.engine) as session:
        assert leaders.current_leader(session, LeaderRole.UNIT, place["unit"]).person_name == "赵大爷"
    choices.answers = [True]  # keep mine: 孙师傅 takes the post, 赵大爷's term ends
    later.accept()
    assert later.result() == QDialog.DialogCode.Accepted
    with Session(here.engine) as session:
        assert leaders.current_leader(session, LeaderRole.UNIT, place["unit"]).person_name == "孙师傅"


def test_request_step_after_someone_elses_step(pcs, choices, qtbot):
    from gridkeeper.ui.sections.request_dialogs import TransitionDialog

    here, there, place = pcs
    with here.write() as session:
        request_id = requests.raise_request(session, requests.RequestInput(
            household_id=place["household"], description="楼道灯坏了"), today=TODAY).id
    opened = read(here, ResidentRequest, request_id)
    first, second = (TransitionDialog(here, opened, RequestStatus.WITHDRAWN) for _ in range(2))
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.reason.setText("居民说灯已自己修好")
    with other_pc(there) as session:
        requests.advance(session, request_id, RequestStatus.DISPATCHED, dispatched_to="南方物业公司", actor=OTHER)
    choices.answers = [False]
    first.accept()
    choices.told("状态", "已派单", "已撤回")
    assert read(here, ResidentRequest, request_id).status == RequestStatus.DISPATCHED
    choices.answers = [True]
    second.accept()
    assert read(here, ResidentRequest, request_id).status == RequestStatus.WITHDRAWN


def test_ending_a_term_and_withdrawing_members_from_the_lists(pcs, choices, qtbot, monkeypatch):
    from gridkeeper.ui.sections.leaders import LeadersSection
    from gridkeeper.ui.sections.members import MembersSection
    from gridkeeper.ui.widgets import forms

    here, there, place = pcs
    monkeypatch.setattr(forms, "confirm", lambda parent, text: True)
    with here.write() as session:
        holder = leaders.assign_leader(session, leaders.LeaderInput(
            role="unit", scope_id=place["unit"], person_name="赵大爷", person_phone="13904510007"), today=TODAY).id
        member_id = members.register_member(session, members.MemberInput(
            name="赵丽", grid_id=place["grid"], registered_on=TODAY)).id
    section = LeadersSection(here)
    qtbot.addWidget(section)
    section.select_post(LeaderRole.UNIT, place["unit"])
    with other_pc(there) as session:
        leaders.end_term(session, holder, on=TODAY.replace(day=1))
    choices.answers = [False]  # use theirs: their end date stands
    assert section.end_selected() is False
    choices.told("卸任日期", TODAY.replace(day=1).isoformat(), TODAY.isoformat())
    assert read(here, LeaderAssignment, holder).ended_on == TODAY.replace(day=1)

    members_section = MembersSection(here)
    qtbot.addWidget(members_section)
    members_section.table.selectRow(0)
    with other_pc(there) as session:
        members.update_member(session, member_id, members.MemberInput(
            name="赵丽", grid_id=place["grid"], registered_on=TODAY, post="助老", version=1))
    choices.answers = [True]  # keep mine: withdrawn all the same
    assert members_section.withdraw_selected() is True
    choices.told("状态", "在册", "已退出")
    assert read(here, Member, member_id).status == "withdrawn"


@pytest.mark.parametrize("answer", [False, True], ids=["use theirs", "keep mine"])
def test_withdrawing_several_members_settles_each_conflict_on_its_own(pcs, choices, qtbot, monkeypatch, answer):
    """Three members withdrawn at once, one changed on the other PC meanwhile: the two others are withdrawn
    whatever the answer; the changed one is shown by name, and stays (use theirs) or goes (keep mine)."""
    from gridkeeper.ui.sections.members import MembersSection
    from gridkeeper.ui.widgets import forms

    here, there, place = pcs
    monkeypatch.setattr(forms, "confirm", lambda parent, text: True)
    with here.write() as session:
        ids = {name: members.register_member(session, members.MemberInput(
            name=name, grid_id=place["grid"], registered_on=TODAY)).id for name in ("赵丽", "钱进", "孙文")}
    section = MembersSection(here)
    qtbot.addWidget(section)
    section.table.selectAll()
    with other_pc(there) as session:
        members.update_member(session, ids["钱进"], members.MemberInput(
            name="钱进", grid_id=place["grid"], registered_on=TODAY, post="助老", version=1))
    choices.answers = [answer]
    assert section.withdraw_selected() is True
    assert len(choices.shown) == 1  # one question, about the one member changed elsewhere
    message, rows = choices.shown[0]
    assert "在职党员“钱进”" in message and OTHER in message
    assert ("状态", "在册", "已退出") in rows, rows
    status = {name: read(here, Member, member_id).status for name, member_id in ids.items()}
    assert status == {"赵丽": "withdrawn", "孙文": "withdrawn", "钱进": "withdrawn" if answer else "active"}
    assert read(here, Member, ids["钱进"]).post == "助老"  # their change is kept either way


def test_keep_mine_that_does_not_move_the_version_is_said_not_repeated(ctx, monkeypatch, qtbot):
    """A form that forgets to save over the current version meets the same conflict again: the user is told
    once in plain words instead of being asked the same question forever."""
    from gridkeeper.services.errors import EditConflict
    from gridkeeper.ui import conflict_dialog, errors
    from gridkeeper.ui.widgets.forms import FormDialog

    asked, said = [], []
    monkeypatch.setattr(conflict_dialog, "choose", lambda parent, conflict: asked.append(conflict) or True)
    monkeypatch.setattr(errors, "_box", lambda parent, title, text: said.append(text))

    class Stubborn(FormDialog):
        def save(self, session):
            raise EditConflict("住户", 7, opened_version=1, current_version=2, changed_by=OTHER, changed_at="10:00",
                               table="household")

        def keep_mine(self, conflict):  # does not move anything on
            pass

    dialog = Stubborn(ctx, "test")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert len(asked) == 1 and len(said) == 1 and OTHER in said[0]
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_dispute_step_after_someone_elses_correction(pcs, choices, qtbot):
    """The dispute register's dialogs settle conflicts the same way (any form with a version)."""
    from gridkeeper.services import disputes
    from gridkeeper.services.disputes import DisputeInput, PartyInput
    from gridkeeper.storage.dispute_models import Dispute
    from gridkeeper.ui.sections.dispute_dialogs import ReasonDialog

    here, there, place = pcs
    with here.write() as session:
        dispute_id = disputes.create_dispute(session, DisputeInput(
            subject="楼道堆物", parties=[PartyInput(household_id=place["household"])]), today=TODAY).id
    dialog = ReasonDialog(here, read(here, Dispute, dispute_id), reopen=False)
    qtbot.addWidget(dialog)
    dialog.reason.setText("双方已自行协商解决")
    with other_pc(there) as session:
        disputes.update_dispute(session, dispute_id, subject="楼道堆物，堵塞消防通道", kind="neighbour", risk="high")
    choices.answers = [True]  # keep mine: closed all the same
    dialog.accept()
    message, rows = choices.shown[-1]
    assert OTHER in message and ("纠纷事由", "楼道堆物，堵塞消防通道", "") in rows
    assert any(r[1] == "" and r[2] == TODAY.isoformat() for r in rows), rows  # its closing date, beside theirs
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert read(here, Dispute, dispute_id).closed_on == TODAY


def test_ending_a_lease_after_someone_elses_correction(pcs, choices, qtbot):
    """The rental register's dialogs too: the landlord's phone corrected on the other PC meanwhile."""
    from gridkeeper.services import rentals
    from gridkeeper.storage.rental_models import Tenancy
    from gridkeeper.ui.rentals.dialogs import EndTenancyDialog

    here, there, place = pcs
    start = TODAY.replace(month=1, day=1)
    lease = dict(household_id=place["household"], landlord_name="孙立", landlord_phone="13904510005",
                 lease_start=start)
    with here.write() as session:
        tenancy_id = rentals.create_tenancy(session, rentals.TenancyInput(**lease), today=TODAY).tenancy.id
    dialog = EndTenancyDialog(here, read(here, Tenancy, tenancy_id))
    qtbot.addWidget(dialog)
    with other_pc(there) as session:
        rentals.update_tenancy(session, tenancy_id, rentals.TenancyInput(**lease | {"landlord_phone": "13904510006"}),
                               today=TODAY)
    choices.answers = [False]  # use theirs: the lease stays, corrected
    dialog.accept()
    assert ("房东电话", "13904510006", "") in choices.shown[-1][1] and OTHER in choices.shown[-1][0]
    assert ("结束日期", "", TODAY.isoformat()) in choices.shown[-1][1]  # what this PC was about to save
    assert read(here, Tenancy, tenancy_id).ended_on is None and dialog.result() != QDialog.DialogCode.Accepted


def test_editing_a_dispute_someone_else_corrected(pcs, choices, qtbot):
    from gridkeeper.services import disputes
    from gridkeeper.services.disputes import DisputeInput, PartyInput
    from gridkeeper.storage.dispute_models import Dispute
    from gridkeeper.ui.sections.dispute_dialogs import EditDisputeDialog

    here, there, place = pcs
    with here.write() as session:
        dispute_id = disputes.create_dispute(session, DisputeInput(
            subject="楼道堆物", parties=[PartyInput(household_id=place["household"])]), today=TODAY).id
    dialog = EditDisputeDialog(here, read(here, Dispute, dispute_id))
    qtbot.addWidget(dialog)
    with other_pc(there) as session:
        disputes.update_dispute(session, dispute_id, subject="楼道堆物", kind="neighbour", risk="high")
    dialog.subject.setText("楼道堆放杂物")
    choices.answers = [False]  # use theirs: the dialog shows the dispute as saved now
    dialog.accept()
    choices.told("风险等级", "高", "低")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.subject.text() == "楼道堆物"
    assert dialog.risk.currentData() == "high"
    dialog.subject.setText("楼道堆放杂物")
    dialog.accept()  # now on the current version: saved, their risk kept
    saved = read(here, Dispute, dispute_id)
    assert (saved.subject, saved.risk) == ("楼道堆放杂物", "high")
