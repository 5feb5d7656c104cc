"""The first screen of the day: overdue care households, requests due, vacant posts; double-clicks act."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services.requests import RequestInput, raise_request
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.services.changes import Change

from .conftest import TODAY
from tests.ui.reading import read


def test_today_lists_what_needs_doing(qtbot, qtmodeltester, ctx, engine, place, homes, dialogs):
    from gridkeeper.ui.sections import connect_today
    from gridkeeper.ui.sections.leaders import LeadersSection
    from gridkeeper.ui.sections.requests import RequestsSection
    from gridkeeper.ui.sections.today import TodaySection

    with Session(engine) as session:
        record_visit(session, VisitInput(household_id=homes["赵秀兰"], visited_on=TODAY - timedelta(days=10)),
                     today=TODAY)
        raise_request(session, RequestInput(household_id=homes["王建华"], description="楼上漏水",
                                            raised_on=TODAY - timedelta(days=9)), today=TODAY)
        raise_request(session, RequestInput(household_id=homes["陈志强"], description="路灯不亮"), today=TODAY)
        session.commit()
    today = TodaySection(ctx)
    qtbot.addWidget(today)
    today.show()  # a hidden section reads again only when next shown
    read(qtbot, today)
    care = today.care_model
    assert care.rowCount() == 1
    assert [care.index(0, c).data() for c in range(6)] == [
        "赵秀兰", "幸福家园7号楼2单元302", "独居老人", "2026-11-10", "7 day(s)", "3 day(s) overdue"]
    assert today.care_box.title() == "Care households due or overdue for a visit (1)"
    assert today.request_model.rowCount() == 1 and today.request_model.index(0, 4).data() == "2 day(s) overdue"
    assert [p.role for p in today.vacancy_model.rows()] == [LeaderRole.GRID, LeaderRole.BUILDING, LeaderRole.UNIT]
    for model in (care, today.request_model, today.vacancy_model):
        qtmodeltester.check(model)

    opened = []
    today.open_household.connect(opened.append)
    today.care_view.doubleClicked.emit(care.index(0, 0))
    assert opened == [homes["赵秀兰"]]

    requests, leaders, shown = RequestsSection(ctx), LeadersSection(ctx), []
    qtbot.addWidget(requests)
    qtbot.addWidget(leaders)
    pages = {"requests": requests, "leaders": leaders}
    connect_today(today, lambda key: shown.append(pages[key]) or pages[key])
    today.request_view.doubleClicked.emit(today.request_model.index(0, 0))
    assert shown == [requests] and requests.current.description == "楼上漏水"
    dialogs.fillers.append(lambda d: (d.name.setText("孙红梅"), d.phone.setText("13904510077")))
    today.vacancy_view.doubleClicked.emit(today.vacancy_model.index(2, 0))
    assert shown[-1] is leaders
    read(qtbot, today)
    assert [p.role for p in today.vacancy_model.rows()] == [LeaderRole.GRID, LeaderRole.BUILDING]

    # A visit logged today takes the household off the list (the sections listen to each other).
    with ctx.write() as session:
        record_visit(session, VisitInput(household_id=homes["赵秀兰"], visited_on=TODAY), today=TODAY)
    ctx.notify(Change.VISITS)
    assert read(qtbot, today).care_model.rowCount() == 0
