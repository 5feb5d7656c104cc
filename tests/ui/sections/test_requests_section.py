"""The requests section drives a request through the whole loop with its own buttons and dialogs."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from gridkeeper.domain.enums import Rating, RequestStatus
from gridkeeper.services.requests import RequestInput, history, raise_request
from gridkeeper.storage.models import ResidentRequest
from gridkeeper.services.changes import Change

from .conftest import TODAY, type_text
from tests.ui.reading import read

S = RequestStatus


def _raise(engine, household_id, *, raised_on=TODAY, deadline=None):
    with Session(engine) as session:
        request = raise_request(session, RequestInput(household_id=household_id, description="楼上漏水",
                                                      raised_on=raised_on, deadline=deadline), today=TODAY)
        session.commit()
        return request.id


def test_whole_loop_through_the_buttons(qtbot, qtmodeltester, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)

    def new_request(d):
        d.picker.search_edit.setText("wjh")
        d.picker.run_search()
        d.picker.choose_hit(0)
        d.category.setCurrentIndex(d.category.findData("pipes"))
        d.description.setPlainText("楼上漏水，天花板渗水")
    dialogs.fillers.append(new_request)
    created = section.new_request()
    assert created and created.deadline == TODAY + timedelta(days=7)
    read(qtbot, section)
    assert section.model.rowCount() == 1 and section.current.id == created.id
    qtmodeltester.check(section.model)

    def dispatch_without_whom(d):
        d.dispatched_to.setCurrentText("")
    dialogs.fillers.append(dispatch_without_whom)
    assert not section.advance(S.DISPATCHED)
    assert dialogs.seen[-1].errors.text("dispatched_to") == "派单时要写明派给谁"

    def dispatch(d):
        assert d.dispatched_to.currentText() == "南方物业公司"  # the compound's property company
    dialogs.fillers.append(dispatch)
    section.step_buttons[S.DISPATCHED].click()
    dialogs.fillers.append(lambda d: None)
    section.step_buttons[S.IN_PROGRESS].click()
    dialogs.fillers.append(lambda d: type_text(d.feedback, "已维修管道"))
    section.step_buttons[S.RESOLVED].click()
    dialogs.fillers.append(lambda d: d.set_rating(Rating.SATISFIED))
    assert section.step_buttons[S.RATED].isEnabled()
    section.step_buttons[S.RATED].click()
    with Session(engine) as session:
        request = session.get(ResidentRequest, created.id)
        assert request.status == S.RATED and request.rating == Rating.SATISFIED
        assert request.dispatched_to == "南方物业公司" and request.feedback == "已维修管道"
        assert [e.to_status for e in history(session, created.id)] == ["received", "dispatched", "in_progress",
                                                                      "resolved", "rated"]
    assert section.history_model.rowCount() == 5
    qtmodeltester.check(section.history_model)
    assert not section.step_buttons[S.WITHDRAWN].isEnabled() and section.reopen_button.isEnabled()
    read(qtbot, section)


def test_a_new_requests_errors_show_under_their_fields(qtbot, ctx, homes, dialogs):
    from gridkeeper.ui.sections.request_dialogs import NewRequestDialog

    dialog = NewRequestDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.errors.text("household_id") == "Choose the household the request comes from"
    dialog.picker.set_household(homes["王建华"])
    dialog.description.setPlainText("  ")
    dialog.deadline.setDate(dialog.raised_on.date().addDays(-1))
    dialog.accept()
    assert dialog.result() != 1 and dialog.errors.text("household_id") == ""
    assert dialog.errors.text("description") == "不能为空" and dialog.errors.text("deadline") == "不能早于提出日期"
    assert not dialog.errors.general.text()  # each reason sits under its own field, none left over


def test_skip_and_reopen_need_a_reason(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    request_id = _raise(engine, homes["王建华"])
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    section.show_request(request_id)
    dialogs.fillers.append(lambda d: (d.dispatched_to.setCurrentText("社区"), d.feedback.setPlainText("已解答")))
    assert not section.advance(S.RESOLVED)  # skipping dispatch and handling without a reason is refused
    assert "需要说明原因" in dialogs.errors[-1]
    dialogs.fillers.append(lambda d: (d.dispatched_to.setCurrentText("社区"), d.feedback.setPlainText("已解答"),
                                      d.reason.setText("当场答复")))
    assert section.advance(S.RESOLVED)
    dialogs.fillers.append(lambda d: d.reason.setText("居民反映仍漏水"))
    section.reopen_button.click()
    assert section.current.status == S.IN_PROGRESS
    read(qtbot, section)


def test_overdue_and_due_soon_are_highlighted(qtbot, qtmodeltester, ctx, engine, homes):
    from gridkeeper.ui.sections.requests import RequestsSection
    from gridkeeper.ui.widgets.table_model import AMBER, RED

    _raise(engine, homes["王建华"], raised_on=TODAY - timedelta(days=10))
    _raise(engine, homes["赵秀兰"], raised_on=TODAY - timedelta(days=6))
    _raise(engine, homes["陈志强"])
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    model = section.model
    texts = [model.index(r, 9).data() for r in range(model.rowCount())]
    assert texts == ["3 day(s) overdue", "1 day(s) left", "7 day(s) left"]
    from PySide6.QtCore import Qt
    assert model.index(0, 9).data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert model.index(1, 9).data(Qt.ItemDataRole.ForegroundRole).color() == AMBER
    assert model.index(2, 9).data(Qt.ItemDataRole.ForegroundRole) is None
    section.set_filter("overdue")
    read(qtbot, section)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_filter_box_and_tab_counts(qtbot, qtmodeltester, ctx, engine, homes, dialogs):
    from gridkeeper.services.scope import Scope
    from gridkeeper.ui.sections.requests import RequestsSection

    leak = _raise(engine, homes["王建华"], raised_on=TODAY - timedelta(days=10))  # overdue
    _raise(engine, homes["赵秀兰"])
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    tab = lambda key: section.tabs.tabText(section.FILTERS.index(key))  # noqa: E731
    assert (tab("open"), tab("overdue"), tab("all"), tab("rated")) == ("Open (2)", "Overdue (1)", "All (2)",
                                                                       "已回访 (0)")
    type_text(section.filter_edit, "赵秀")  # the head's name; the list follows after a short pause
    qtbot.waitUntil(lambda: section.model.rowCount() == 1)
    assert section.model.index(0, 3).data() == "赵秀兰" and section.count_label.text() == "1 requests"
    assert (tab("open"), tab("overdue")) == ("Open (1)", "Overdue (0)")
    qtmodeltester.check(section.model)
    section.filter_edit.setText(f"#{leak}")
    section.refresh()
    read(qtbot, section)
    assert section.model.rowCount() == 1 and section.model.index(0, 0).data() == str(leak)
    section.filter_edit.clear()
    section.refresh()
    read(qtbot, section)

    # Counts follow data changes (a request raised elsewhere) and the scope.
    _raise(engine, homes["陈志强"])
    ctx.notify(Change.REQUESTS)
    read(qtbot, section)
    assert tab("open") == "Open (3)" and section.model.rowCount() == 3
    with Session(engine) as session:
        from gridkeeper.storage.models import Household
        unit_id = session.get(Household, homes["王建华"]).unit_id
    ctx.set_scope(Scope(unit_id=unit_id + 1000))
    read(qtbot, section)
    assert tab("open") == "Open (0)" and section.model.rowCount() == 0


def test_filtering_never_shows_a_request_that_does_not_match(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    first = _raise(engine, homes["王建华"], raised_on=TODAY - timedelta(days=3))
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    assert section.current.id == first
    section.filter_edit.setText("没有这样的诉求")
    section.refresh()
    read(qtbot, section)
    assert section.model.rowCount() == 0 and section.current is None
    assert not section.household_button.isEnabled()


def test_the_list_is_read_in_the_background_and_the_last_tab_clicked_wins(qtbot, ctx, engine, homes):
    from gridkeeper.ui.sections.requests import RequestsSection

    _raise(engine, homes["王建华"], raised_on=TODAY - timedelta(days=10))  # overdue
    _raise(engine, homes["赵秀兰"])
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    section.show()
    assert section.reader.loading() and section.reader.label.isVisible()  # 正在统计… while it reads
    read(qtbot, section)
    assert section.model.rowCount() == 2 and not section.reader.label.isVisible()
    section.tabs.setCurrentIndex(section.FILTERS.index("all"))
    section.tabs.setCurrentIndex(section.FILTERS.index("overdue"))  # a quick second click
    read(qtbot, section)
    qtbot.wait(50)  # the first read, if it answers late, is dropped
    assert section.model.rowCount() == 1 and section.count_label.text() == "1 requests"
