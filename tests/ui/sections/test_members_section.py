"""Registering members, one activity recorded for several at once, half-year totals, withdrawing."""

from __future__ import annotations

from sqlmodel import Session, select

from gridkeeper.services.members import MemberInput, register_member
from gridkeeper.storage.models import Member, ServiceRecord

from .conftest import TODAY, type_text


def test_register_and_record_one_activity_for_many(qtbot, qtmodeltester, ctx, engine, place, homes, dialogs):
    from gridkeeper.ui.sections.members import MembersSection

    with Session(engine) as session:
        for name in ("周婷", "吴刚", "郑丽"):
            register_member(session, MemberInput(name=name, grid_id=place["grid"], registered_on=TODAY))
        session.commit()
    section = MembersSection(ctx)
    qtbot.addWidget(section)
    assert section.model.rowCount() == 3

    dialogs.fillers.append(lambda d: type_text(d.phone, "12345"))  # no name, bad phone: refused
    assert not section.register()
    assert dialogs.seen[-1].errors.text("name") == "不能为空" and dialogs.seen[-1].errors.text("phone")

    def register(d):
        type_text(d.name, "陈志强")
        type_text(d.employer, "市供电公司")
        type_text(d.party_org, "市供电公司第二党支部")
        d.home.set_household(homes["陈志强"])
        d.post.setCurrentText("困难群众服务员")
    dialogs.fillers.append(register)
    assert section.register()
    assert section.model.rowCount() == 4

    def clean_up(d):
        assert d.members.count() == 4
        d.set_all(d.members.item(0).checkState().Checked)
        d.members.item(3).setCheckState(d.members.item(3).checkState().Unchecked)
        type_text(d.title, "周末小区环境清扫")
        d.hours.setValue(2.5)
        d.points.setValue(5)
    dialogs.fillers.append(clean_up)
    assert section.record_service()
    with Session(engine) as session:
        records = session.exec(select(ServiceRecord)).all()
        assert len(records) == 3 and {r.hours for r in records} == {2.5} and {r.points for r in records} == {5}
    hours = sorted(section.model.index(r, 9).data() for r in range(4))
    assert hours == ["0", "2.5", "2.5", "2.5"]
    [grid] = section.grid_model.rows()
    assert (grid.members, grid.serving, grid.services, grid.hours, grid.points) == (4, 3, 3, 7.5, 15)
    qtmodeltester.check(section.model)
    qtmodeltester.check(section.grid_model)

    section.period.setCurrentIndex(1)  # the first half of 2026: nothing yet
    assert [section.model.index(r, 8).data() for r in range(4)] == ["0"] * 4

    section.table.selectRow(0)
    withdrawn = section.selected_members()[0].name
    assert section.withdraw_selected()
    assert section.model.rowCount() == 3
    with Session(engine) as session:
        assert session.exec(select(Member).where(Member.name == withdrawn)).one().status == "withdrawn"


def test_service_needs_members_and_title(qtbot, ctx, engine, place, dialogs):
    from gridkeeper.ui.sections.members import MembersSection

    section = MembersSection(ctx)
    qtbot.addWidget(section)
    dialogs.fillers.append(lambda d: None)
    assert not section.record_service()
    errors = dialogs.seen[-1].errors
    assert errors.text("member_ids") == "至少选择一人" and errors.text("title") == "不能为空"
