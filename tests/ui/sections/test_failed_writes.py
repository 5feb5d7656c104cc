"""A write that fails (here: the disk is full) is shown to the user in every section and saves nothing;
it never vanishes into a traceback on the console while the user believes it was saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from gridkeeper.domain.enums import LeaderRole, RequestStatus
from gridkeeper.services.leaders import LeaderInput, assign_leader
from gridkeeper.services.members import MemberInput, register_member
from gridkeeper.services.requests import RequestInput, raise_request
from gridkeeper.services.visits import VisitInput, record_visit
from gridkeeper.storage.faults import MESSAGES
from gridkeeper.storage.models import Household, LeaderAssignment, Member, ResidentRequest, Visit
from tests.db_support import disk_full

from .conftest import TODAY, type_text
from tests.ui.reading import read

DISK_FULL = MESSAGES["disk_full"]


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()[0]


@pytest.fixture
def shown(dialogs):
    """The messages the user was shown, each checked to be the plain full-disk message."""
    yield dialogs.errors
    assert dialogs.errors and all(DISK_FULL in text for text in dialogs.errors), dialogs.errors


def test_visit_form(qtbot, ctx, engine, homes, shown):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    section.form.picker.set_household(homes["王建华"])
    with disk_full():
        assert section.form.save() is None
    assert count(engine, Visit) == 0 and section.form.picker.household_id == homes["王建华"]  # kept to retry


def test_visit_edit_and_delete(qtbot, ctx, engine, homes, dialogs, shown):
    from gridkeeper.ui.sections.visits import VisitsSection

    with Session(engine) as session:
        record_visit(session, VisitInput(household_id=homes["王建华"], visited_on=TODAY, visitor_name="李晓燕"),
                     today=TODAY)
        session.commit()
    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    dialogs.fillers.append(lambda d: type_text(d.findings, "补记"))
    with disk_full():
        section.edit_visit(0)
        section.table.selectRow(0)
        section.delete_selected()
    assert len(shown) == 2 and count(engine, Visit) == 1
    assert dialogs.seen[-1].result() == 0  # the dialog stayed open


def test_requests(qtbot, ctx, engine, homes, dialogs, shown):
    from gridkeeper.ui.sections.requests import RequestsSection

    with Session(engine) as session:
        request = raise_request(session, RequestInput(household_id=homes["王建华"], description="楼道灯坏了"),
                                today=TODAY)
        session.commit()
        request_id = request.id
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section).show_request(request_id)

    def new_request(d):
        d.picker.set_household(homes["赵秀兰"])
        d.description.setPlainText("水管漏水")
    dialogs.fillers += [new_request, lambda d: d.dispatched_to.setCurrentText("物业")]
    with disk_full():
        assert not section.new_request()
        assert not section.advance(RequestStatus.DISPATCHED)
    assert len(shown) == 2 and count(engine, ResidentRequest) == 1
    with Session(engine) as session:
        assert session.get(ResidentRequest, request_id).status == RequestStatus.RECEIVED


def test_leaders(qtbot, ctx, engine, place, homes, dialogs, shown):
    from gridkeeper.ui.sections.leaders import LeadersSection

    with Session(engine) as session:
        assign_leader(session, LeaderInput(role=LeaderRole.UNIT, scope_id=place["unit"], person_name="周婷",
                                           person_phone="13904510012", term_start=TODAY), today=TODAY)
        session.commit()
    section = LeadersSection(ctx)
    qtbot.addWidget(section)
    dialogs.fillers.append(lambda d: (type_text(d.name, "孙立"), type_text(d.phone, "13904510013")))
    with disk_full():
        assert not section.assign(LeaderRole.BUILDING, place["building"])
        section.select_post(LeaderRole.UNIT, place["unit"])
        assert not section.end_selected()
    assert len(shown) == 2
    with Session(engine) as session:
        assert [(a.person_name, a.term_end) for a in session.exec(select(LeaderAssignment)).scalars()] == [
            ("周婷", None)]


def test_members(qtbot, ctx, engine, place, dialogs, shown):
    from gridkeeper.ui.sections.members import MembersSection

    with Session(engine) as session:
        register_member(session, MemberInput(name="吴刚", grid_id=place["grid"], registered_on=TODAY))
        session.commit()
    section = MembersSection(ctx)
    qtbot.addWidget(section)
    dialogs.fillers += [lambda d: type_text(d.name, "郑丽"),
                        lambda d: (d.set_all(d.members.item(0).checkState().Checked), type_text(d.title, "清扫"))]
    with disk_full():
        assert not section.register()
        assert not section.record_service()
        section.table.selectRow(0)
        assert not section.withdraw_selected()
    assert len(shown) == 3
    with Session(engine) as session:
        assert [(m.name, m.status) for m in session.exec(select(Member)).scalars()] == [("吴刚", "active")]


def test_households(qtbot, ctx, engine, place, homes, monkeypatch, shown):
    from PySide6.QtWidgets import QMessageBox

    from gridkeeper.ui.households.editor import HouseholdEditor
    from gridkeeper.ui.households.residents_table import NAME
    from gridkeeper.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor = HouseholdEditor(ctx, unit_id=place["unit"])
    qtbot.addWidget(editor)
    editor.room.setText("502")
    editor.residents.item(0, NAME).setText("欧阳娜娜")
    existing = HouseholdEditor(ctx, homes["王建华"])
    qtbot.addWidget(existing)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with disk_full():
        assert editor.save() is False
        assert existing.delete() is False
        assert window.delete_current_household(homes["赵秀兰"]) is False
    assert len(shown) == 3 and count(engine, Household) == 3
    assert editor.isVisible() is False and editor.result() == 0  # not closed as if saved


def test_recycle_bin(qtbot, ctx, engine, homes, shown):
    from gridkeeper.services.trash import delete_household
    from gridkeeper.ui.households.recycle_bin import RecycleBin

    with Session(engine) as session:
        delete_household(session, homes["王建华"])
        session.commit()
    bin_ = RecycleBin(ctx)
    qtbot.addWidget(bin_)
    with disk_full():
        assert bin_.restore_selected() is None
    assert count(engine, Household) == 2


def test_audit_export_and_accounts(qtbot, ctx, tmp_path, monkeypatch, shown):
    from gridkeeper.services import accounts
    from gridkeeper.ui.accounts_dialog import AccountForm, AccountsDialog
    from gridkeeper.ui.audit_view import AuditDialog

    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    view = AuditDialog(ctx)
    qtbot.addWidget(view)
    view.full.setChecked(True)  # a full export records who exported
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    form = AccountForm(dialog.grids, first=True, parent=dialog)
    form.name.setText("admin")
    form.password.setText("secret1")
    form.exec = lambda: 1
    with disk_full():
        assert view.export(str(tmp_path / "audit.csv")) is None
        assert dialog.add(form) is False
    assert len(shown) == 2 and not (tmp_path / "audit.csv").exists()


def test_printing_a_full_ledger(qtbot, ctx, engine, homes, tmp_path, shown):
    from gridkeeper.ui.sections.printing import PrintSection

    section = PrintSection(ctx)
    qtbot.addWidget(section)
    section.show()
    section.document.setCurrentIndex(section.document.findData("ledger:households"))
    section.full.setChecked(True)  # printing full ID numbers is recorded in the audit trail: that write fails
    assert section.job().full
    with disk_full():
        section.save_to(tmp_path / "ledger.pdf")
        with qtbot.waitSignal(section.task.finished, timeout=20000) as blocker:
            pass
    assert blocker.args == ["error"] and not (tmp_path / "ledger.pdf").exists()  # nothing full left unrecorded


def test_disputes(qtbot, ctx, engine, place, homes, dialogs, shown):
    from gridkeeper.services import disputes
    from gridkeeper.services.disputes import DisputeInput, PartyInput
    from gridkeeper.storage.dispute_models import Dispute
    from gridkeeper.ui.sections.disputes import DisputesSection

    with Session(engine) as session:
        made = disputes.create_dispute(session, DisputeInput(
            subject="楼上漏水", parties=[PartyInput(name="王建华", household_id=homes["王建华"])],
            found_on=TODAY), today=TODAY, actor="李晓燕")
        session.commit()
        dispute_id = made.id
    section = DisputesSection(ctx)
    qtbot.addWidget(section)
    section.show_dispute(dispute_id)

    def register(d):
        d.subject.setText("装修噪音")
        d.picker.outside_mode.setChecked(True)
        d.picker.name.setText("刘强")
        d.grid.setCurrentIndex(d.grid.findData(place["grid"]))
    dialogs.fillers += [register, lambda d: d.agreed.setPlainText("约定施工时间")]
    with disk_full():
        assert section.new_dispute() is None
        assert not section.view.act("session")
        assert not section.view.delete()
    assert len(shown) == 3 and count(engine, Dispute) == 1


def test_hazards(qtbot, ctx, engine, place, dialogs, shown):
    from gridkeeper.services import safety_places
    from gridkeeper.storage.hazard_models import SafetyPlace
    from gridkeeper.ui.hazards.section import HazardsSection

    with Session(engine) as session:
        safety_places.create_place(session, safety_places.PlaceInput(
            name="老王小吃", kind="小餐饮", grid_id=place["grid"], address="幸福路12号"))
        session.commit()
    section = HazardsSection(ctx)
    qtbot.addWidget(section)
    dialogs.fillers.append(lambda d: (type_text(d.name, "建行网点"), type_text(d.address, "幸福路14号")))
    with disk_full():
        assert section.places.new_place() is None
        section.places.table.selectRow(0)
        assert section.places.remove_place() is False
    assert len(shown) == 2 and count(engine, SafetyPlace) == 1


def test_rentals(qtbot, ctx, engine, homes, dialogs, shown):
    from gridkeeper.storage.rental_models import Tenancy
    from gridkeeper.ui.rentals.section import RentalsSection

    section = RentalsSection(ctx)
    qtbot.addWidget(section)

    def register(d):
        d.picker.search_edit.setText("wjh")
        d.picker.run_search()
        d.picker.choose_hit(0)
        d.landlord_name.setText("孙大海")
        d.landlord_phone.setText("13700001111")
    dialogs.fillers.append(register)
    with disk_full():
        assert not section.register_flat()
    assert len(shown) == 1 and count(engine, Tenancy) == 0


def test_place_tree(qtbot, ctx, engine, place, dialogs, shown):
    from gridkeeper.storage.models import Grid
    from gridkeeper.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialogs.fillers.append(lambda d: (type_text(d.code, "FK-09"), type_text(d.name, "第九网格")))
    with disk_full():
        assert window.place_actions.new_grid() is False
        assert window.place_actions.delete("unit", place["unit"]) is False
    assert len(shown) == 2 and count(engine, Grid) == 1


def test_settings(qtbot, ctx, engine, dialogs, shown):
    from gridkeeper.services import dispute_lists
    from gridkeeper.ui.hazards.dialogs import ChecklistDialog
    from gridkeeper.ui.sections.boards import BoardsSection
    from gridkeeper.ui.sections.dispute_settings import edit_dispute_settings

    boards = BoardsSection(ctx)
    qtbot.addWidget(boards)
    qtbot.waitUntil(lambda: not boards.reader.loading())
    checklists = ChecklistDialog(ctx)
    qtbot.addWidget(checklists)
    checklists.items.setPlainText("灭火器过期")
    dialogs.fillers.append(lambda d: d.stale.setValue(3))
    with disk_full():
        boards.keep_thresholds()
        checklists.accept()
        assert not edit_dispute_settings(boards, ctx)
    assert len(shown) == 3 and checklists.result() == 0
    with Session(engine) as session:
        assert dispute_lists.stale_days(session) == 7


def test_a_leaders_photo(qtbot, ctx, engine, place, shown):
    from gridkeeper.services import leader_photos
    from gridkeeper.services.leader_posts import posts
    from gridkeeper.services.portrait import make_portrait, open_photo
    from gridkeeper.services.scope import EVERYWHERE
    from tests.photos import png_bytes, upright_picture
    from gridkeeper.ui.sections.leader_dialogs import LeaderPhotoDialog

    with Session(engine) as session:
        assign_leader(session, LeaderInput(role=LeaderRole.BUILDING, scope_id=place["building"],
                                           person_name="欧阳建国", person_phone="13904510007"), today=TODAY)
        session.commit()
        post = next(p for p in posts(session, EVERYWHERE) if p.leader is not None)
    dialog = LeaderPhotoDialog(ctx, post)
    qtbot.addWidget(dialog)
    dialog.photo.portrait = make_portrait(open_photo(png_bytes(upright_picture((300, 400))), "p.png"))
    with disk_full():
        dialog.accept()
    assert len(shown) == 1 and dialog.result() == 0
    with Session(engine) as session:
        assert leader_photos.photo_of(session, post.leader.id) is None
