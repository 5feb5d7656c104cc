"""The hazards section, driven offscreen: register a shop, inspect it with its checklist, take the hazard round
the loop with the section's own buttons (notice printed when notifying), overdue highlighted, tab counts."""

from __future__ import annotations

from datetime import timedelta

import pdfplumber
from sqlmodel import Session

from gridkeeper.domain.hazards import HazardStatus as H
from gridkeeper.services import hazards as hz
from gridkeeper.services import safety_places
from gridkeeper.storage.hazard_models import SafetyHazard

from .conftest import TODAY, type_text
from tests.ui.reading import read


def _shop(engine, place):
    with Session(engine, expire_on_commit=False) as session:
        shop = safety_places.create_place(session, safety_places.PlaceInput(
            name="老王小吃", kind="小餐饮", grid_id=place["grid"], address="幸福路12号", person_in_charge="王建国"))
        session.commit()
        return shop


def test_register_inspect_and_close_through_the_buttons(qtbot, qtmodeltester, ctx, engine, place, dialogs,
                                                        monkeypatch, tmp_path):
    from gridkeeper.ui.hazards import section as hazards_section

    notice = tmp_path / "notice.pdf"
    monkeypatch.setattr(hazards_section, "save_notice_path", lambda parent, suggested: notice)
    section = hazards_section.HazardsSection(ctx)
    qtbot.addWidget(section)

    def new_place(d):
        type_text(d.name, "老王小吃")
        d.kind.setCurrentIndex(d.kind.findData("restaurant"))
        type_text(d.address, "幸福路12号")
        type_text(d.person, "王建国")
        d.phone.setText("1390451")
    dialogs.fillers.append(new_place)
    assert section.places.new_place() is None  # a bad phone keeps the dialog open, nothing saved
    assert dialogs.seen[-1].errors.text("phone")  # under the phone field, the name it is keyed by
    dialogs.fillers.append(lambda d: (new_place(d), d.phone.setText("13904510011")))
    shop = section.places.new_place()
    assert shop and section.places.model.rowCount() == 1
    qtmodeltester.check(section.places.model)

    def inspect(d):
        assert "燃气泄漏隐患" in d.items  # the restaurant checklist
        row = d.row_for("消防通道堵塞")
        row.found.setChecked(True)
        row.level.setCurrentIndex(row.level.findData("serious"))
        assert row.deadline.date().toPython() == TODAY + timedelta(days=15)
        type_text(row.description, "后门堆放纸箱")
    dialogs.fillers.append(inspect)
    section.places.table.selectRow(0)
    section.places.inspect_button.click()
    assert section.tabs.currentWidget() is section.hazards
    page = section.hazards
    assert page.model.rowCount() == 1 and page.current.item == "消防通道堵塞"
    assert page.counts["open"] == 1 and page.counts["found"] == 1
    qtmodeltester.check(page.model)

    dialogs.fillers.append(lambda d: None)
    assert page.step_buttons[H.NOTIFIED].isEnabled()
    page.step_buttons[H.NOTIFIED].click()
    with pdfplumber.open(notice) as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages).replace("\n", "")
    assert len(pdf.pages) == 1 and "老王小吃" in text and "后门堆放纸箱" in text

    dialogs.fillers.append(lambda d: None)
    assert not page.advance(H.RECTIFIED)  # nothing said about what was done
    assert dialogs.seen[-1].errors.text("rectification")
    dialogs.fillers.append(lambda d: d.rectification.setPlainText("已清理纸箱"))
    page.step_buttons[H.RECTIFIED].click()
    assert page.step_buttons[H.NOTIFIED].text() != "Notify (print notice)…" or page.step_buttons[H.NOTIFIED].isEnabled()
    dialogs.fillers.append(lambda d: None)  # re-inspected by: the one signed in (李晓燕)
    page.step_buttons[H.CLOSED].click()
    with Session(engine) as session:
        hazard = session.get(SafetyHazard, page.current.id)
        assert hazard.status == H.CLOSED and hazard.reinspected_by == "李晓燕"
        assert [e.to_status for e in hz.history(session, hazard.id)] == ["found", "notified", "rectified", "closed"]
    assert not any(b.isEnabled() for b in page.step_buttons.values())
    assert page.history_model.rowCount() == 4
    qtmodeltester.check(page.history_model)


def test_a_place_error_shows_under_its_field(qtbot, ctx, engine, place, dialogs):
    from gridkeeper.ui.hazards.dialogs import PlaceDialog

    dialog = PlaceDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.phone.setText("1390451")
    dialog.accept()  # no name, no building and no address, a short phone: nothing saved
    assert dialog.result() == 0 and not dialog.errors.general.text()  # every error sits under its field
    assert dialog.errors.text("name") == "不能为空" and dialog.errors.text("address").startswith("没有选楼栋时")
    assert dialog.errors.text("phone")
    for field, widget in (("name", dialog.name), ("address", dialog.address), ("phone", dialog.phone)):
        assert dialog.errors._labels[field].parentWidget() is widget.parentWidget()


def test_a_hazard_error_shows_under_its_checklist_row(qtbot, ctx, engine, place, dialogs):
    from gridkeeper.ui.hazards.dialogs import InspectionDialog

    dialog = InspectionDialog(ctx, _shop(engine, place))
    qtbot.addWidget(dialog)
    first, second = dialog.row_for("消防通道堵塞"), dialog.row_for("燃气泄漏隐患")
    first.found.setChecked(True)
    second.found.setChecked(True)
    second.deadline.setDate(TODAY - timedelta(days=1))  # before the inspection: the 2nd hazard is wrong
    dialog.accept()
    assert dialog.result() == 0 and not dialog.errors.general.text() and not first.error.text()
    assert second.error.text() == "不能早于发现日期" and dialog.errors.text("hazards.2.deadline") == "不能早于发现日期"
    first.found.setChecked(False)  # one hazard left: its errors are plain names, still under its row
    dialog.accept()
    assert second.error.text() == "不能早于发现日期" and not dialog.errors.general.text()
    second.deadline.setDate(TODAY + timedelta(days=3))
    dialog.accept()
    assert dialog.result() == 1 and not second.error.text()


def _one_overdue_one_due(engine, place) -> None:
    """楼道堆物 three days past its deadline, 电线私拉乱接 due in five days."""
    shop = _shop(engine, place)
    with Session(engine) as session:
        hz.record_inspection(session, hz.InspectionInput(
            inspected_on=TODAY - timedelta(days=10), inspectors="李晓燕", place_id=shop.id,
            hazards=[hz.HazardInput(item="楼道堆物", deadline=TODAY - timedelta(days=3)),
                     hz.HazardInput(item="电线私拉乱接", deadline=TODAY + timedelta(days=5))]), today=TODAY)
        session.commit()


def test_overdue_highlighted_and_escalation_asks_why(qtbot, qtmodeltester, ctx, engine, place, dialogs):
    from gridkeeper.ui.hazards.section import HazardsSection
    from gridkeeper.ui.widgets.table_model import RED

    _one_overdue_one_due(engine, place)
    section = HazardsSection(ctx)
    qtbot.addWidget(section)
    page = section.hazards
    assert page.counts["overdue"] == 1 and page.model.rowCount() == 2
    first = page.model.row_at(0)
    assert first.hazard.item == "楼道堆物" and page.days_text(first.hazard) == "3 day(s) overdue"
    days_column = 7
    assert page.model.data(page.model.index(0, days_column), 9).color() == RED  # ForegroundRole
    page.set_tab("overdue")
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
    dialogs.fillers.append(lambda d: d.escalated_to.setCurrentText("新华街道办事处"))
    assert not page.advance(H.ESCALATED)
    assert dialogs.seen[-1].errors.text("reason") or dialogs.errors
    dialogs.fillers.append(lambda d: (d.escalated_to.setCurrentText("新华街道办事处"), d.reason.setText("拒不整改")))
    assert page.advance(H.ESCALATED)
    assert page.counts["overdue"] == 0 and page.counts["escalated"] == 1


def test_today_lists_overdue_hazards(qtbot, ctx, engine, place):
    from gridkeeper.ui.sections.today import TodaySection

    _one_overdue_one_due(engine, place)
    today = TodaySection(ctx)
    qtbot.addWidget(today)
    today.show()
    read(qtbot, today)
    box = today.hazard_box
    assert box.model.rowCount() == 1 and box.model.row_at(0).hazard.item == "楼道堆物"
    assert "(1)" in box.title()
    seen = []
    today.open_hazard.connect(seen.append)
    box.view.doubleClicked.emit(box.model.index(0, 0))
    assert seen == [box.model.row_at(0).hazard.id]


def test_a_safety_visit_records_a_hazard(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.visits import VisitsSection

    section = VisitsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section)
    form = section.form
    form.picker.set_household(homes["王建华"])
    assert not form.record_hazard.isEnabled()  # only a 安全检查 visit records a hazard
    form.kind.setCurrentIndex(form.kind.findData("safety"))
    assert form.record_hazard.isEnabled()
    form.findings.setText("燃气软管老化开裂")
    form.record_hazard.setChecked(True)

    def fill(d):
        assert d.description.text() == "燃气软管老化开裂"
        d.item.setCurrentText("燃气泄漏隐患")
        d.level.setCurrentIndex(d.level.findData("serious"))
    dialogs.fillers.append(fill)
    visit = form.save()
    with Session(engine) as session:
        (hazard,) = hz.list_hazards(session)
        assert (hazard.visit_id, hazard.household_id, hazard.item, hazard.level) == (
            visit.id, homes["王建华"], "燃气泄漏隐患", "serious")
    assert not form.record_hazard.isChecked()
    from gridkeeper.ui.hazards.section import HazardsSection

    hazards = HazardsSection(ctx)
    qtbot.addWidget(hazards)
    opened = []
    hazards.open_household.connect(opened.append)
    assert hazards.hazards.current.household_id == homes["王建华"]
    hazards.hazards.household_button.click()
    assert opened == [homes["王建华"]]


def test_places_imported_from_a_spreadsheet(qtbot, ctx, engine, place, dialogs, tmp_path):
    import openpyxl

    from gridkeeper.ui.hazards.section import HazardsSection

    book = openpyxl.Workbook()
    book.active.append(["店名", "业态", "经营地址", "经营者", "联系电话"])
    book.active.append(["老王小吃", "饭店", "幸福路12号", "王建国", "13904510011"])
    book.active.append(["建行网点", "银行", "幸福路14号", "", ""])
    path = tmp_path / "places.xlsx"
    book.save(path)
    from gridkeeper.services.scope import Scope

    ctx.set_scope(Scope(grid_id=place["grid"]))  # no grid column: the selected grid
    section = HazardsSection(ctx)
    qtbot.addWidget(section)
    assert section.places.import_places(path) == 0
    assert "第3行“场所类别”列（银行）" in dialogs.errors[-1] and section.places.model.rowCount() == 0
    book.active.delete_rows(3)
    book.save(path)
    assert section.places.import_places(path) == 1
    assert section.places.model.rowCount() == 1 and section.places.model.row_at(0)[0].name == "老王小吃"


def test_a_place_changed_elsewhere_before_the_import_is_said_and_checked_again(qtbot, ctx, engine, place, dialogs,
                                                                              tmp_path, monkeypatch):
    """Checked, and while the user read the check another PC changed a place the file updates: nothing is
    imported, the message names the row; the file is checked again at once and imported on the user's yes."""
    from gridkeeper.services.safety_places import PlaceInput, update_place
    from gridkeeper.storage.hazard_models import SafetyPlace
    from gridkeeper.storage.session import unit_of_work
    from gridkeeper.ui.hazards.section import HazardsSection
    from gridkeeper.ui.widgets import forms
    from tests.excel.roster_helpers import write_xlsx

    shop = _shop(engine, place)
    path = write_xlsx(tmp_path / "places.xlsx", ["场所名称", "类别", "网格", "地址", "负责人"],
                      [[shop.name, "小商店", "FK-03", shop.address, "张三"], ["老王面馆", "小餐饮", "FK-03", "幸福路14号", ""]])
    asked = []

    def confirm(parent, text):
        asked.append(text)
        if len(asked) == 1:  # the other PC saves while this one reads the check
            with unit_of_work(engine) as other:
                other.info["actor"] = "王敏"
                update_place(other, shop.id, PlaceInput(name=shop.name, kind="shop", grid_id=place["grid"],
                                                        address=shop.address, person_in_charge="李四"))
        return True

    monkeypatch.setattr(forms, "confirm", confirm)
    section = HazardsSection(ctx)
    qtbot.addWidget(section)
    assert section.places.import_places(path) == 2  # after the second check
    assert len(asked) == 2 and len(dialogs.errors) == 1
    assert f"第2行：检查场所“{shop.name}”（检查之后已被王敏 于" in dialogs.errors[0]
    assert "没有导入任何内容" in dialogs.errors[0]
    with Session(engine) as session:
        assert session.get(SafetyPlace, shop.id).person_in_charge == "张三"  # the file's, seen and confirmed


def test_checklists_are_configured_per_kind_and_used_by_the_next_inspection(qtbot, ctx, engine, place, dialogs):
    from gridkeeper.ui.hazards.dialogs import InspectionDialog
    from gridkeeper.ui.hazards.section import HazardsSection

    shop = _shop(engine, place)
    section = HazardsSection(ctx)
    qtbot.addWidget(section)

    def configure(d):
        d.kind.setCurrentIndex(d.kind.findData("restaurant"))
        d.items.setPlainText("油烟管道未清洗\n燃气泄漏隐患\n\n燃气泄漏隐患")
        d.kind.setCurrentIndex(d.kind.findData("shop"))  # switching kinds keeps what was typed
    dialogs.fillers.append(configure)
    assert section.places.edit_checklists()
    dialog = InspectionDialog(ctx, shop)
    qtbot.addWidget(dialog)
    assert dialog.items == ["油烟管道未清洗", "燃气泄漏隐患"]


def test_inspect_a_whole_building_and_correct_the_hazard_it_found(qtbot, qtmodeltester, ctx, engine, place,
                                                                  dialogs):
    from gridkeeper.ui.hazards.section import HazardsSection

    section = HazardsSection(ctx)
    qtbot.addWidget(section)

    def inspect(d):
        assert d.building.count() == 1 and d.building.currentText() == "幸福家园7号楼（never inspected）"
        assert "楼道堆物" in d.items  # the buildings' checklist
        row = d.row_for("电动车入户/飞线充电")
        row.found.setChecked(True)
        type_text(row.description, "一楼飞线充电")
    dialogs.fillers.append(inspect)
    section.places.building_button.click()
    page = section.hazards
    assert section.tabs.currentWidget() is page and page.model.rowCount() == 1
    assert page.model.row_at(0).where == "幸福家园7号楼" and page.current.building_id == place["building"]
    qtmodeltester.check(page.model)

    assert page.correct_button.isEnabled()

    def no_item(d):
        d.item.setCurrentText("")
        d.description.setText("")
    dialogs.fillers.append(no_item)
    assert not page.correct()
    assert dialogs.seen[-1].errors.text("hazard_content") == "请选择检查项或写明隐患情况"

    def correct(d):
        d.level.setCurrentIndex(d.level.findData("major"))
        d.deadline.setDate(d.deadline.date().addDays(-3))
        d.responsible.setText("南方物业公司")
    dialogs.fillers.append(correct)
    page.correct_button.click()
    with Session(engine) as session:
        saved = session.get(SafetyHazard, page.current.id)
        assert (saved.level, saved.deadline, saved.responsible_person, saved.status) == (
            "major", TODAY + timedelta(days=4), "南方物业公司", H.FOUND)
    last = page.history_model.rows()[-1]
    assert last.note.startswith("更正：隐患等级 一般→重大；整改期限") and last.actor == "李晓燕"
    assert "重大" in page.detail_text.text()


def test_correcting_a_hazard_someone_else_moved_on_asks_whose_version(qtbot, ctx, engine, place, dialogs,
                                                                      monkeypatch):
    from gridkeeper.ui import conflict_dialog
    from gridkeeper.ui.hazards.section import HazardsSection

    shop = _shop(engine, place)
    with Session(engine) as session:
        _, (hazard,) = hz.record_inspection(session, hz.InspectionInput(
            inspected_on=TODAY, inspectors="李晓燕", place_id=shop.id,
            hazards=[hz.HazardInput(item="灭火器缺失或过期")]), today=TODAY)
        session.commit()
        hazard_id = hazard.id
    section = HazardsSection(ctx)
    qtbot.addWidget(section)
    page = section.hazards
    page.show_hazard(hazard_id)
    with Session(engine) as session:  # another PC notifies the shop meanwhile
        hz.advance(session, hazard_id, H.NOTIFIED, on=TODAY)
        session.commit()
    asked = []
    monkeypatch.setattr(conflict_dialog, "choose", lambda parent, conflict: asked.append(conflict) or conflict_dialog.TAKE_THEIRS)
    dialogs.fillers.append(lambda d: d.level.setCurrentIndex(d.level.findData("serious")))
    assert not page.correct()
    assert len(asked) == 1
    with Session(engine) as session:
        saved = session.get(SafetyHazard, hazard_id)
        assert (saved.level, saved.status) == ("general", H.NOTIFIED)
    assert page.current.status == H.NOTIFIED
