"""Requests as a steward met them: the follow-up (回访) takes the resident's comment, and the step buttons stay
where they are when a request's details are long."""

from __future__ import annotations

from sqlmodel import Session

from gridkeeper.domain.enums import Rating, RequestStatus
from gridkeeper.services.requests import RequestInput, advance, history, raise_request
from gridkeeper.storage.models import ResidentRequest

from .conftest import TODAY
from tests.ui.reading import read

S = RequestStatus


def _resolved(engine, household_id, description="楼上漏水", feedback="已修好") -> int:
    with Session(engine) as session:
        request = raise_request(session, RequestInput(household_id=household_id, description=description,
                                                      raised_on=TODAY), today=TODAY)
        advance(session, request.id, S.DISPATCHED, dispatched_to="南方物业公司", on=TODAY)
        advance(session, request.id, S.IN_PROGRESS, on=TODAY)
        advance(session, request.id, S.RESOLVED, feedback=feedback, on=TODAY)
        session.commit()
        return request.id


def test_follow_up_keeps_the_residents_comment(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    request_id = _resolved(engine, homes["王建华"])
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    read(qtbot, section).set_filter("all")
    read(qtbot, section).show_request(request_id)

    def follow_up(dialog):
        assert dialog.comment is not None
        dialog.set_rating(Rating.SATISFIED)
        dialog.comment.setPlainText("居民说修得很快，希望楼道灯也换一下")
    dialogs.fillers.append(follow_up)
    assert section.advance(S.RATED)
    read(qtbot, section)
    with Session(engine) as session:
        assert session.get(ResidentRequest, request_id).status == S.RATED
        last = history(session, request_id)[-1]
    assert last.to_status == S.RATED and "楼道灯也换一下" in last.note
    assert "楼道灯也换一下" in section.history_model.data(section.history_model.index(
        section.history_model.rowCount() - 1, 2))


def test_step_buttons_stay_put_when_details_grow(qtbot, ctx, engine, homes, dialogs):
    from gridkeeper.ui.sections.requests import RequestsSection

    short = _resolved(engine, homes["王建华"])
    long = _resolved(engine, homes["赵秀兰"], description="楼上漏水，" * 40, feedback="物业已上门维修，" * 30)
    section = RequestsSection(ctx)
    qtbot.addWidget(section)
    section.resize(1100, 700)
    section.show()
    read(qtbot, section).set_filter("all")
    read(qtbot, section)
    button = section.step_buttons[S.RATED]

    def where() -> int:
        qtbot.wait(10)
        return button.mapTo(section, button.rect().topLeft()).y()

    section.show_request(short)
    before = where()
    section.show_request(long)
    assert section.detail_text.height() > 3 * section.detail_text.fontMetrics().height()
    assert where() == before
