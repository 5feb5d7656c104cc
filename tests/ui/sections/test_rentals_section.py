"""The rented-housing section registers a flat with its landlord, adds tenants, edits and ends the lease
through its own buttons and dialogs (errors shown by field, nothing saved); Today lists leases ending and
tenants without a permit, and a double-click opens the flat; the models pass qtmodeltester."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from gridkeeper.storage.models import Resident
from gridkeeper.storage.rental_models import Tenancy, Tenant

from .conftest import TODAY
from tests.ui.reading import read


def _choose(picker, query: str) -> None:
    picker.search_edit.setText(query)
    picker.run_search()
    picker.choose_hit(0)


def test_register_a_flat_add_tenants_edit_and_end_the_lease(qtbot, qtmodeltester, ctx, engine, homes, dialogs):
    from gridkeeper.ui.rentals.section import RentalsSection

    section = RentalsSection(ctx)
    qtbot.addWidget(section)
    assert section.model.rowCount() == 0 and not section.flat.edit_button.isEnabled()

    def no_landlord(d):
        _choose(d.picker, "wjh")
        d.landlord_phone.setText("12345")
    dialogs.fillers.append(no_landlord)
    assert not section.register_flat()
    assert dialogs.seen[-1].errors.text("landlord_name") == "不能为空（房东是本社区居民时可从居民中选择）"
    assert "不是有效的手机号" in dialogs.seen[-1].errors.text("landlord_phone")
    lease = dialogs.seen[-1]  # each reason sits under its own field, none in the general line
    assert not lease.errors.general.text()
    for field, widget in (("landlord_name", lease.landlord_name), ("landlord_phone", lease.landlord_phone)):
        assert lease.errors._labels[field].parentWidget() is widget.parentWidget()

    def register(d):
        _choose(d.picker, "wjh")
        d.landlord_name.setText("孙大海")
        d.landlord_phone.setText("13700001111")
        d.lease_start.setDate(d.lease_start.date().addMonths(-11))
        d.lease_end.edit.setDate(d.lease_start.date().addYears(1))  # ends within the month
        d.rooms.setValue(1)
        d.tenant_count.setValue(2)
    dialogs.fillers.append(register)
    assert section.register_flat()
    assert section.model.rowCount() == 1 and section.flat.tenancy.landlord_name == "孙大海"
    qtmodeltester.check(section.model)
    row = section.model.row_at(0)
    assert section.model.data(section.model.index(0, 0)) == "幸福家园7号楼2单元301"
    assert section.model.data(section.model.index(0, 2)) == "137****1111"
    assert "letter not signed" in section.model.data(section.model.index(0, 9)) and not row.group_rental

    def tenant_without_arrival_permit(d):
        d.name.setText("刘小军")
        d.permit.setText("JZ20260001")
    dialogs.fillers.append(tenant_without_arrival_permit)
    assert not section.flat.add_tenant()
    assert dialogs.seen[-1].errors.text("permit_expires") == "填写了居住证号时必填"
    for name in ("刘小军", "陈芳", "赵六"):
        def add(d, name=name):
            d.name.setText(name)
            d.from_place.setText("河南省郑州市")
            d.arrived.setDate(d.arrived.date().addDays(-40))
        dialogs.fillers.append(add)
        assert section.flat.add_tenant()
    assert [t.name for t in section.flat.tenant_model.rows()] == ["刘小军", "陈芳", "赵六"]
    qtmodeltester.check(section.flat.tenant_model)
    assert section.model.row_at(0).group_rental  # three people in one room

    section.flat.tenant_table.selectRow(0)
    dialogs.fillers.append(lambda d: d.on.setDate(d.on.date().addDays(-1)))
    assert section.flat.move_out()
    assert section.flat.tenant_model.row_at(2).moved_out_on == TODAY - timedelta(days=1)

    def signed(d):
        d.letter.check.setChecked(True)
    dialogs.fillers.append(signed)
    assert section.flat.edit_lease()
    assert section.flat.tenancy.letter_signed and section.flat.tenancy.letter_signed_on == TODAY

    dialogs.fillers.append(lambda d: d.reason.setText("租期届满退租"))
    assert section.flat.end_lease()
    assert section.flat.tenancy is None and section.flat.let_button.isEnabled() and section.model.rowCount() == 0
    qtmodeltester.check(section.flat.history_model)
    with Session(engine) as session:
        (lease,) = session.exec(select(Tenancy)).all()
        assert lease.ended_on == TODAY and lease.end_reason == "租期届满退租"
        assert all(t.moved_out_on for t in session.exec(select(Tenant)))
        assert session.exec(select(Resident).where(Resident.relation == "租户")).all() == []


def test_today_lists_rented_housing_and_opens_the_flat(qtbot, qtmodeltester, ctx, homes):
    from gridkeeper.services import rentals, tenants
    from gridkeeper.services.people import ResidentInput
    from gridkeeper.ui.sections.today import TodaySection

    with ctx.write() as session:
        rentals.create_tenancy(session, rentals.TenancyInput(
            household_id=homes["陈志强"], landlord_name="孙大海", lease_start=TODAY - timedelta(days=300),
            lease_end=TODAY + timedelta(days=5)), today=TODAY)
        tenants.add_tenant(session, homes["陈志强"], ResidentInput(name="周杰", residence_status="流动"),
                           tenants.TenantInput(arrived_on=TODAY - timedelta(days=45)), today=TODAY)
    today = TodaySection(ctx)
    qtbot.addWidget(today)
    today.show()
    read(qtbot, today)
    box = today.rental_box
    qtmodeltester.check(box.model)
    assert box.model.rowCount() == 2
    assert [box.model.data(box.model.index(r, 0)) for r in range(2)] == [
        "lease ends in 5 day(s)", "no residence permit after 45 day(s)"]
    assert box.model.data(box.model.index(0, 2)) == "幸福家园7号楼2单元401"
    with qtbot.waitSignal(today.open_rental) as opened:
        box.view.doubleClicked.emit(box.model.index(1, 0))
    assert opened.args == [homes["陈志强"]]


def test_rules_dialog_changes_what_counts_as_a_group_rental(qtbot, ctx, homes, dialogs):
    from gridkeeper.services import rentals, tenants
    from gridkeeper.services.people import ResidentInput
    from gridkeeper.services.rental_rules import rental_rules
    from gridkeeper.ui.rentals.section import RentalsSection

    with ctx.write() as session:
        rentals.create_tenancy(session, rentals.TenancyInput(
            household_id=homes["陈志强"], landlord_name="孙大海", lease_start=TODAY - timedelta(days=30), rooms=1,
            tenant_count=3), today=TODAY)
    section = RentalsSection(ctx)
    qtbot.addWidget(section)
    assert section.model.row_at(0).group_rental
    dialogs.fillers.append(lambda d: (d.per_room.setValue(3), d.grace_days.setValue(10)))
    assert section.edit_rules()
    assert not section.model.row_at(0).group_rental
    with ctx.read() as session:
        rules = rental_rules(session)
    assert (rules.group.persons_per_room, rules.arrival_grace_days, rules.notice_days) == (3, 10, 30)
    assert section.flat.delete_lease()
    assert section.flat.tenancy is None and section.model.rowCount() == 0 and section.flat.let_button.isEnabled()
