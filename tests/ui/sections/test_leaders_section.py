"""Assigning a building leader from the residents there, an outside unit leader, vacancies, ending a term."""

from __future__ import annotations

from sqlmodel import Session

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services.leaders import current_leader

from .conftest import type_text


def test_assign_building_leader_and_end_term(qtbot, qtmodeltester, ctx, engine, place, homes, dialogs):
    from gridkeeper.ui.sections.leaders import LeadersSection

    section = LeadersSection(ctx)
    qtbot.addWidget(section)
    assert section.model.rowCount() == 3 and section.count_label.text() == "3 posts, 3 vacant"
    qtmodeltester.check(section.model)

    def pick_resident(d):
        type_text(d.find, "czq")
        d.load_candidates()
        assert d.people.count() == 1
        d.people.setCurrentRow(0)
        assert d.name.text() == "陈志强" and d.party.isChecked()
        type_text(d.pledge, "有事找我，随叫随到")
    dialogs.fillers.append(pick_resident)
    assert section.assign(LeaderRole.BUILDING, place["building"])
    with Session(engine) as session:
        leader = current_leader(session, LeaderRole.BUILDING, place["building"])
        assert (leader.person_name, leader.resident_id is not None, leader.is_party_member, leader.pledge) == (
            "陈志强", True, True, "有事找我，随叫随到")
    assert section.count_label.text() == "3 posts, 2 vacant"
    assert section.selected_post().leader.person_name == "陈志强"

    section.only_vacant.setChecked(True)
    assert [section.model.row_at(r).role for r in range(section.model.rowCount())] == [LeaderRole.GRID,
                                                                                      LeaderRole.UNIT]
    section.only_vacant.setChecked(False)
    section.select_post(LeaderRole.BUILDING, place["building"])
    assert section.end_selected()
    with Session(engine) as session:
        assert current_leader(session, LeaderRole.BUILDING, place["building"]) is None


def test_outside_person_needs_a_phone(qtbot, ctx, engine, place, homes, dialogs):
    from gridkeeper.ui.sections.leaders import LeadersSection

    section = LeadersSection(ctx)
    qtbot.addWidget(section)
    dialogs.fillers.append(lambda d: type_text(d.name, "孙红梅"))
    assert not section.assign(LeaderRole.UNIT, place["unit"])
    assert dialogs.seen[-1].errors.text("person_phone") == "三长的电话要上墙公示，不能为空"

    def outside(d):
        type_text(d.name, "孙红梅")
        type_text(d.phone, "13904510077")
    dialogs.fillers.append(outside)
    assert section.assign(LeaderRole.UNIT, place["unit"])
    with Session(engine) as session:
        leader = current_leader(session, LeaderRole.UNIT, place["unit"])
        assert leader.person_name == "孙红梅" and leader.resident_id is None and leader.term_end is not None
