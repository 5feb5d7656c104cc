"""The disputes section drives a dispute from registration to a closed follow-up with its own buttons and
dialogs; a 邻里纠纷 request becomes a dispute from the requests section; Today lists stale disputes and
follow-ups due; the models pass qtmodeltester."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from gridkeeper.domain.dispute_flow import DisputeStatus
from gridkeeper.domain.enums import RequestStatus
from gridkeeper.services import disputes
from gridkeeper.services.disputes import DisputeInput, PartyInput
from gridkeeper.services.requests import RequestInput, raise_request
from gridkeeper.storage.dispute_models import Dispute
from gridkeeper.storage.models import ResidentRequest

from .conftest import TODAY
from tests.ui.reading import read

S = DisputeStatus


def _choose(picker, query: str) -> None:
    picker.picker.search_edit.setText(query)
    picker.picker.run_search()
    picker.picker.choose_hit(0)


def test_register_mediate_outcome_and_follow_up_through_the_buttons(qtbot, qtmodeltester, ctx, engine, homes,
                                                                   dialogs):
    from gridkeeper.ui.sections.disputes import DisputesSection

    section = DisputesSection(ctx)
    qtbot.addWidget(section)

    def without_parties(d):
        d.subject.setText("楼上漏水渗到楼下")
    dialogs.fillers.append(without_parties)
    assert section.new_dispute() is None
    assert dialogs.seen[-1].errors.text("parties") == "至少登记一位当事人"

    def register(d):
        d.subject.setText("楼上漏水渗到楼下，维修费用有争议")
        _choose(d.picker, "wjh")
        assert d.add_chosen_party()
        d.picker.outside_mode.setChecked(True)
        d.picker.name.setText("刘强（装修队负责人）")
        d.picker.phone.setText("13712345678")  # left in the picker: OK adds it too
        d.risk.setCurrentIndex(d.risk.findData("medium"))
        d.found_on.setDate(d.found_on.date().addDays(-9))
    dialogs.fillers.append(register)
    created = section.new_dispute()
    assert created and created.grid_id and created.status == S.REGISTERED
    assert [p.name for p in section.view.party_model.rows()] == ["王建华", "刘强（装修队负责人）"]
    assert section.model.rowCount() == 1 and section.needs_text(section.model.row_at(0)) == "no session for 9 day(s)"
    qtmodeltester.check(section.model)
    qtmodeltester.check(section.view.party_model)
    assert not section.view.buttons["follow_up"].isEnabled() and section.view.buttons["session"].isEnabled()

    def session_without_mediators(d):
        d.mediators.setText("")
    dialogs.fillers.append(session_without_mediators)
    assert not section.view.act("session")
    assert "请填写主持调解的人" in dialogs.seen[-1].errors.text("mediators")
    dialogs.fillers.append(lambda d: d.agreed.setPlainText("王家承担维修费八成"))
    section.view.buttons["session"].click()
    assert section.view.session_model.rowCount() == 1
    qtmodeltester.check(section.view.session_model)

    dialogs.fillers.append(lambda d: d.outcome.setCurrentIndex(d.outcome.findData("success")))
    section.view.buttons["outcome"].click()
    dialogs.fillers.append(lambda d: None)
    assert section.view.buttons["follow_up"].isEnabled()
    section.view.buttons["follow_up"].click()
    with Session(engine) as session:
        saved = session.get(Dispute, created.id)
        assert (saved.status, saved.closed_on, saved.follow_up_held) == (S.CLOSED, TODAY, True)
    assert [h.to_label for h in section.view.history_model.rows()] == ["待调解", "调解中", "待回访", "已结案"]
    qtmodeltester.check(section.view.history_model)
    assert section.view.buttons["reopen"].isEnabled() and not section.view.buttons["session"].isEnabled()
    section.set_tab("closed")
    assert section.tabs.tabText(section.tabs.currentIndex()) == "已结案 (1)" and section.model.rowCount() == 1

    window = section.open_window(created.id)
    qtbot.addWidget(window)
    assert window.view.party_model.rowCount() == 2 and "已结案" in window.view.summary.text()


def test_neighbour_request_turned_into_a_dispute_from_the_requests_section(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    with Session(engine) as session:
        request = raise_request(session, RequestInput(household_id=homes["赵秀兰"], category="邻里纠纷",
                                                      description="楼上装修噪音大。多次沟通无果"), today=TODAY)
        other = raise_request(session, RequestInput(household_id=homes["赵秀兰"], category="管道漏水",
                                                    description="水管漏"), today=TODAY)
        session.commit()
        request_id, other_id = request.id, other.id
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    shown: list[int] = []
    section.open_dispute.connect(shown.append)
    section.show_request(other_id)
    assert not section.dispute_button.isVisibleTo(section)
    section.show_request(request_id)
    assert section.dispute_button.isVisibleTo(section) and section.dispute_button.isEnabled()

    def other_side(d):
        _choose(d.picker, "czq")
        d.risk.setCurrentIndex(d.risk.findData("high"))
    dialogs.fillers.append(other_side)
    section.dispute_button.click()
    with Session(engine) as session:
        dispute = session.get(Dispute, shown[0])
        assert dispute.subject == "楼上装修噪音大" and dispute.risk == "high"
        assert [p.name for p in disputes.parties(session, dispute.id)] == ["赵秀兰", "陈志强"]
        assert session.get(ResidentRequest, request_id).status == RequestStatus.RESOLVED
    assert not section.dispute_button.isEnabled()
    read(qtbot, section)


def test_an_outside_partys_wrong_numbers_show_under_the_party(qtbot, ctx, engine, homes):
    from gridkeeper.ui.sections.dispute_dialogs import FromRequestDialog

    with Session(engine, expire_on_commit=False) as session:
        request = raise_request(session, RequestInput(household_id=homes["赵秀兰"], category="邻里纠纷",
                                                      description="楼上装修噪音大"), today=TODAY)
        session.commit()
    dialog = FromRequestDialog(ctx, request)
    qtbot.addWidget(dialog)
    dialog.picker.outside_mode.setChecked(True)
    dialog.picker.name.setText("刘强")
    dialog.picker.phone.setText("12345")
    dialog.picker.id_number.setText("440524188001010015")
    dialog.accept()
    assert dialog.result() != 1 and not dialog.errors.general.text()
    shown = dialog.errors.text("parties.2.phone")  # the second party's phone and ID, under the party picker
    assert shown == dialog.errors.text("parties.2.id_number")
    assert "“12345”不是有效的手机号" in shown and "校验位" in shown
    with Session(engine) as session:
        assert session.exec(select(Dispute)).first() is None


def test_today_lists_stale_disputes_and_follow_ups_due(qtbot, qtmodeltester, ctx, engine, homes):
    from gridkeeper.ui.sections.today import TodaySection

    with Session(engine) as session:
        quiet = disputes.create_dispute(session, DisputeInput(
            subject="楼道堆物", parties=[PartyInput(household_id=homes["王建华"])],
            found_on=TODAY - timedelta(days=12)), today=TODAY)
        disputes.create_dispute(session, DisputeInput(subject="刚登记", parties=[PartyInput(household_id=homes["王建华"])]),
                                today=TODAY)
        agreed = disputes.create_dispute(session, DisputeInput(
            subject="停车位", parties=[PartyInput(household_id=homes["陈志强"])], found_on=TODAY - timedelta(days=30)),
            today=TODAY)
        disputes.add_session(session, agreed.id, held_on=TODAY - timedelta(days=20), mediators="李晓燕", today=TODAY)
        disputes.record_outcome(session, agreed.id, "调解成功", on=TODAY - timedelta(days=18), today=TODAY)
        session.commit()
        quiet_id, agreed_id = quiet.id, agreed.id
    today = TodaySection(ctx)
    qtbot.addWidget(today)
    today.show()
    read(qtbot, today)
    rows = today.dispute_model.rows()
    assert [(r.dispute.id, r.stale, r.days) for r in rows] == [(quiet_id, True, 12), (agreed_id, False, 3)]
    assert today.dispute_box.title().endswith("(2)")
    qtmodeltester.check(today.dispute_model)
    opened: list[int] = []
    today.open_dispute.connect(opened.append)
    today.dispute_view.doubleClicked.emit(today.dispute_model.index(1, 0))
    assert opened == [agreed_id]


def test_reminder_settings_change_what_today_lists(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.services.dispute_lists import stale_days
    from gridkeeper.ui.sections.dispute_settings import edit_dispute_settings
    from gridkeeper.ui.sections.today import TodaySection

    with Session(engine) as session:
        disputes.create_dispute(session, DisputeInput(subject="楼道堆物", parties=[PartyInput(household_id=homes["王建华"])],
                                                      found_on=TODAY - timedelta(days=5)), today=TODAY)
        session.commit()
    today = TodaySection(ctx)
    qtbot.addWidget(today)
    today.show()
    read(qtbot, today)
    assert today.dispute_model.rowCount() == 0  # 5 quiet days: under the default 7

    def three_days(d):
        assert (d.stale.value(), d.follow_up.value()) == (7, 15)
        d.stale.setValue(3)
        d.follow_up.setValue(30)
    dialogs.fillers.append(three_days)
    assert edit_dispute_settings(today, ctx)
    read(qtbot, today)
    with Session(engine) as session:
        assert stale_days(session) == 3 and disputes.follow_up_days(session) == 30
    assert today.dispute_model.rowCount() == 1  # Today followed the change


def _section_on_new_dispute(qtbot, ctx, engine, household_id: int, subject: str):
    """The disputes section showing a dispute just registered with one party: (section, its id)."""
    from gridkeeper.ui.sections.disputes import DisputesSection

    with Session(engine) as session:
        made = disputes.create_dispute(session, DisputeInput(subject=subject,
                                                             parties=[PartyInput(household_id=household_id)]),
                                       today=TODAY)
        session.commit()
        made_id = made.id
    section = DisputesSection(ctx)
    qtbot.addWidget(section)
    section.show_dispute(made_id)
    return section, made_id


def test_delete_only_what_nobody_has_mediated(qtbot, ctx, engine, homes, dialogs):
    section, mistake_id = _section_on_new_dispute(qtbot, ctx, engine, homes["王建华"], "重复登记")
    assert section.view.buttons["delete"].isEnabled()
    dialogs.confirm_answer = False
    assert not section.view.act("delete")
    dialogs.confirm_answer = True
    assert section.view.act("delete")
    with Session(engine) as session:
        assert session.get(Dispute, mistake_id) is None
    assert section.model.rowCount() == 0 and section.view.dispute is None


def test_edit_raises_the_risk_and_the_history_says_so(qtbot, ctx, engine, homes, dialogs):
    section, made_id = _section_on_new_dispute(qtbot, ctx, engine, homes["王建华"], "楼道堆物")
    dialogs.fillers.append(lambda d: d.subject.setText(""))
    assert not section.view.act("edit")
    assert dialogs.seen[-1].errors.text("subject") == "不能为空"
    dialogs.fillers.append(lambda d: d.risk.setCurrentIndex(d.risk.findData("high")))
    assert section.view.act("edit")
    assert section.view.dispute.risk == "high"
    assert section.view.history_model.rows()[-1].note == "风险等级：低 → 高"
    assert section.view.party_model.rows()[0].phone == "13904510011"  # on screen in full, for calling


def test_a_dispute_found_on_a_visit_is_registered_from_the_visit_form(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    form = section.form
    form.picker.set_household(homes["陈志强"])
    form.kind.setCurrentIndex(form.kind.findData("mediation"))
    form.findings.setText("与楼下因漏水争吵")
    form.record_dispute.setChecked(True)
    seen = {}

    def fill(d):
        seen.update(subject=d.subject.text(), parties=d.party_list.count(), source=d.source.currentData(),
                    found_on=d.found_on.date().toPython())
        d.picker.picker.set_household(homes["王建华"])  # the other side
    dialogs.fillers.append(fill)
    visit = form.save()
    assert seen == {"subject": "与楼下因漏水争吵", "parties": 1, "source": "visit", "found_on": TODAY}
    with Session(engine) as session:
        dispute = session.exec(select(Dispute)).one()
        assert (dispute.source_visit_id, dispute.source, dispute.household_id) == (visit.id, "visit", homes["陈志强"])
        assert [p.name for p in disputes.parties(session, dispute.id)] == ["陈志强", "王建华"]
    assert not form.record_dispute.isChecked()  # the next visit starts clean


def test_remove_a_party_in_the_dispute_window_keeps_one_and_says_so_in_the_history(qtbot, qtmodeltester, ctx,
                                                                                  engine, homes, dialogs):
    from gridkeeper.ui.sections.dispute_view import DisputeWindow

    with Session(engine) as session:
        made = disputes.create_dispute(session, DisputeInput(
            subject="楼上漏水", parties=[PartyInput(household_id=homes["王建华"]), PartyInput(name="刘强")]),
            today=TODAY)
        session.commit()
        made_id = made.id
    window = DisputeWindow(ctx, made_id)
    qtbot.addWidget(window)
    view = window.view
    button = view.buttons["remove_party"]
    assert not button.isEnabled()  # nobody chosen yet
    view.party_view.selectRow(1)
    assert button.isEnabled()
    dialogs.fillers.append(lambda d: d.reason.setText("登记错了"))
    button.click()
    assert [p.name for p in view.party_model.rows()] == ["王建华"]
    qtmodeltester.check(view.party_model)
    assert (view.history_model.rows()[-1].note, view.history_model.rows()[-1].actor) == \
        ("移除当事人：刘强（登记错了）", "李晓燕")
    view.party_view.selectRow(0)
    assert not button.isEnabled()  # the last party stays
    with Session(engine) as session:
        assert [p.name for p in disputes.parties(session, made_id)] == ["王建华"]


def test_removing_a_party_after_someone_elses_step_asks_whose_version(qtbot, ctx, engine, homes, dialogs,
                                                                      monkeypatch):
    from gridkeeper.ui import conflict_dialog
    from gridkeeper.ui.sections.dispute_view import DisputeWindow

    with Session(engine) as session:
        made = disputes.create_dispute(session, DisputeInput(
            subject="楼上漏水", parties=[PartyInput(household_id=homes["王建华"]), PartyInput(name="刘强")]),
            today=TODAY)
        session.commit()
        made_id = made.id
    window = DisputeWindow(ctx, made_id)
    qtbot.addWidget(window)
    with Session(engine) as session:  # another PC records a session meanwhile
        disputes.add_session(session, made_id, held_on=TODAY, mediators="张伟", today=TODAY)
        session.commit()
    asked = []
    monkeypatch.setattr(conflict_dialog, "choose", lambda parent, conflict: asked.append(conflict) or
                        conflict_dialog.KEEP_MINE)
    window.view.party_view.selectRow(1)
    dialogs.fillers.append(lambda d: None)
    assert window.view.act("remove_party")
    assert len(asked) == 1 and [p.name for p in window.view.party_model.rows()] == ["王建华"]
