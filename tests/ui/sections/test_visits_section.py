"""Logging visits from the quick-entry form: search, Enter to pick and to save, a request raised from a visit."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from gridkeeper.storage.models import Household, ResidentRequest, Visit

from .conftest import TODAY, press_enter, type_text
from tests.ui.reading import read


def test_log_visits_with_the_keyboard(qtbot, qtmodeltester, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    section.show()
    form = section.form
    assert form.visitor.currentText() == "李晓燕（网格员）"
    type_text(form.picker.search_edit, "王建华")
    press_enter(form.picker.search_edit)  # picks the first match, does not save yet
    assert form.picker.household_id == homes["王建华"]
    type_text(form.findings, "家中一切正常")
    press_enter(form.findings)  # saves and gets ready for the next one
    with Session(engine) as session:
        visit = session.exec(select(Visit)).one()
        assert (visit.visitor_name, visit.visitor_kind, visit.findings) == ("李晓燕", "steward", "家中一切正常")
        assert session.get(Household, homes["王建华"]).last_visit_on == TODAY
    assert form.picker.household_id == 0 and form.findings.text() == "" and form.saved_count == 1
    assert read(qtbot, section).model.rowCount() == 1
    qtmodeltester.check(section.model)

    # By room, on an earlier date (kept for the next entry), a care household → 关爱探访 automatically.
    form.visited_on.setDate(date(2026, 11, 18))
    form.picker.building_box.setCurrentIndex(1)
    form.picker.room_box.setCurrentIndex(form.picker.room_box.findText("302"))
    assert form.picker.household_id == homes["赵秀兰"]
    assert form.kind.currentData() == "care"
    form.anyone_home.setChecked(False)
    assert form.save() is not None
    assert form.visited_on.date().toPython() == date(2026, 11, 18)
    with Session(engine) as session:
        assert session.get(Household, homes["赵秀兰"]).last_visit_on == date(2026, 11, 18)
    assert read(qtbot, section).model.rowCount() == 2


def test_nothing_saved_without_household(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    assert section.form.save() is None
    assert section.form.errors.text("household_id") == "Choose the household that was visited"
    with Session(engine) as session:
        assert session.exec(select(Visit)).all() == []


def test_raise_a_request_from_a_visit(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    form = section.form
    form.picker.set_household(homes["陈志强"])
    form.findings.setText("楼道灯不亮")
    form.raise_request.setChecked(True)
    seen = {}
    dialogs.fillers.append(lambda d: seen.update(desc=d.description.toPlainText(), hh=d.picker.household_id))
    visit = form.save()
    assert seen == {"desc": "楼道灯不亮", "hh": homes["陈志强"]}
    with Session(engine) as session:
        request = session.exec(select(ResidentRequest)).one()
        assert request.source_visit_id == visit.id and request.description == "楼道灯不亮"


def test_list_filters_by_visitor_and_month(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.services.visits import VisitInput, record_visit
    from gridkeeper.ui.sections.visits import VisitsSection

    with Session(engine) as session:
        for name, day in (("李晓燕", TODAY), ("刘德全", TODAY), ("刘德全", date(2026, 10, 5))):
            record_visit(session, VisitInput(household_id=homes["王建华"], visited_on=day, visitor_name=name),
                         today=TODAY)
        session.commit()
    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    assert section.model.rowCount() == 2
    section.set_visitor_filter("刘德全")
    assert read(qtbot, section).model.rowCount() == 1
    section.month.setDate(section.month.date().addMonths(-1))
    assert read(qtbot, section).model.rowCount() == 1 and section.model.index(0, 0).data() == "2026-10-05"


def test_visit_list_pages_in_as_it_scrolls(qtbot, qtmodeltester, ctx, engine, homes):
    from gridkeeper.services.visits import VisitInput, record_visit
    from gridkeeper.ui.sections.visits import VisitsSection

    with Session(engine) as session:
        for day in range(1, 6):
            record_visit(session, VisitInput(household_id=homes["王建华"], visited_on=date(2026, 11, day)), today=TODAY)
        session.commit()
    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    section.model.page_size = 2
    section.refresh()
    read(qtbot, section)
    assert section.model.rowCount() == 2 and section.model.canFetchMore()
    section.model.fetchMore()
    section.model.fetchMore()
    assert section.model.rowCount() == 5 and not section.model.canFetchMore()
    assert [section.model.index(r, 0).data() for r in (0, 4)] == ["2026-11-05", "2026-11-01"]
    qtmodeltester.check(section.model)


def test_start_visit_for_a_household(qtbot, ctx, engine, homes):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    section.start_visit(homes["赵秀兰"])
    assert section.form.picker.household_id == homes["赵秀兰"] and section.form.kind.currentData() == "care"
    assert "独居老人" in section.form.picker.chosen_label.text()


def _two_visits(engine, homes):
    from gridkeeper.services.visits import VisitInput, record_visit

    with Session(engine) as session:
        for day, findings in ((date(2026, 11, 10), "家中一切正常"), (date(2026, 11, 3), "反映楼道灯坏")):
            record_visit(session, VisitInput(household_id=homes["王建华"], visited_on=day, visitor_name="李晓燕",
                                             findings=findings), today=TODAY)
        session.commit()


def test_edit_a_visit_date_and_findings(qtbot, qtmodeltester, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    _two_visits(engine, homes)
    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    assert [section.model.index(r, 0).data() for r in (0, 1)] == ["2026-11-10", "2026-11-03"]
    seen = {}

    def fill(dialog):
        seen.update(hh=dialog.picker.household_id, visitor=dialog.visitor.currentText(),
                    findings=dialog.findings.text())
        dialog.visited_on.setDate(date(2026, 11, 15))
        dialog.findings.setText("楼道灯已修好")

    dialogs.fillers.append(fill)
    section.table.selectRow(1)
    press_enter(section.table)  # Enter on the row opens the dialog on the 11-03 visit
    assert seen == {"hh": homes["王建华"], "visitor": "李晓燕（网格员）", "findings": "反映楼道灯坏"}
    read(qtbot, section)
    assert [section.model.index(r, 0).data() for r in (0, 1)] == ["2026-11-15", "2026-11-10"]
    assert section.model.index(0, 7).data() == "楼道灯已修好"
    assert section.table.selectionModel().selectedRows()[0].row() == 0
    with Session(engine) as session:
        assert session.get(Household, homes["王建华"]).last_visit_on == date(2026, 11, 15)
        edited = session.exec(select(Visit).where(Visit.findings == "楼道灯已修好")).one()
        assert (edited.visitor_name, edited.visitor_kind) == ("李晓燕", "steward")
    qtmodeltester.check(section.model)

    # Moving it back before the other visit: the household's last visit follows.
    dialogs.fillers.append(lambda d: d.visited_on.setDate(date(2026, 11, 1)))
    section.table.doubleClicked.emit(section.model.index(0, 2))
    with Session(engine) as session:
        assert session.get(Household, homes["王建华"]).last_visit_on == date(2026, 11, 10)
    read(qtbot, section)


def test_edit_refuses_a_future_date(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    _two_visits(engine, homes)
    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    shown = {}

    def fill(dialog):
        dialog.visited_on.setDate(date(2026, 11, 25))
        dialog.findings.setText("改过的内容")
        dialog.accept()  # refused: the dialog stays open with the reason next to the date
        shown.update(date=dialog.errors.text("visited_on"), open=dialog.result() != 1)
        dialog.reject()

    dialogs.fillers.append(fill)
    section.table.selectRow(0)
    assert section.edit_selected() is None
    assert shown == {"date": "2026-11-25 在今天之后", "open": True}
    with Session(engine) as session:
        assert sorted(v.findings for v in session.exec(select(Visit))) == ["反映楼道灯坏", "家中一切正常"]
        assert session.get(Household, homes["王建华"]).last_visit_on == date(2026, 11, 10)
    assert section.model.index(0, 0).data() == "2026-11-10"
