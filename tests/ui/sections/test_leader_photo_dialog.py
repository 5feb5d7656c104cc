"""A leader's photo from the Leaders section: choose a file, frame it, save; bad files refused; remove."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from sqlmodel import Session

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.services import leader_photos
from gridkeeper.services.leaders import LeaderInput, assign_leader, current_leader
from gridkeeper.services.portrait import OUT_SIZE, Crop
from gridkeeper.ui.widgets import photo_field
from tests.photos import RED, sideways_phone_jpeg

from .conftest import TODAY, type_text


@pytest.fixture
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    (folder / "IMG_2041.JPG").write_bytes(sideways_phone_jpeg((1500, 2000)))
    (folder / "notes.jpg").write_text("这不是照片", encoding="utf-8")
    return folder


@pytest.fixture
def section(qtbot, ctx, session, place):
    from gridkeeper.ui.sections.leaders import LeadersSection

    assign_leader(session, LeaderInput(role=LeaderRole.BUILDING, scope_id=place["building"], person_name="欧阳建国",
                                       person_phone="13904510007"), today=TODAY)
    session.commit()
    widget = LeadersSection(ctx)
    qtbot.addWidget(widget)
    widget.select_post(LeaderRole.BUILDING, place["building"])
    return widget


def _stored(engine, place):
    with Session(engine) as session:
        leader = current_leader(session, LeaderRole.BUILDING, place["building"])
        photo = leader_photos.photo_of(session, leader.id)
        return photo.jpeg if photo else None


def _choose(dialog):
    assert dialog.photo.choose()


def test_choose_frame_and_save_a_photo(section, dialogs, engine, place, files, monkeypatch):
    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: str(files / "IMG_2041.JPG"))
    seen = {}

    def frame(crop_dialog):  # the frame starts on the picture's upper part, upright; move it to the very top
        seen["size"] = crop_dialog.frame.source.size
        crop_dialog.frame.set_crop(Crop(0, 0, crop_dialog.crop().width, 0))
    dialogs.fillers += [_choose, frame]
    assert section.photo_button.isEnabled() and section.photo_selected()
    assert seen["size"][0] < seen["size"][1]  # EXIF orientation 6: portrait, as the phone was held
    jpeg = _stored(engine, place)
    image = Image.open(io.BytesIO(jpeg))
    assert image.size == OUT_SIZE and all(abs(a - b) < 40 for a, b in zip(image.getpixel((180, 5)), RED))
    photo_column = next(c for c in range(section.model.columnCount())
                        if section.model.headerData(c, Qt.Orientation.Horizontal) == "Photo")
    row = next(r for r in range(section.model.rowCount()) if section.model.row_at(r).role == LeaderRole.BUILDING)
    assert section.model.data(section.model.index(row, photo_column)) == "yes"


def test_a_file_that_is_not_a_photo_is_refused_and_nothing_is_stored(section, dialogs, engine, place, files,
                                                                      monkeypatch):
    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: str(files / "notes.jpg"))

    def refused(dialog):
        assert not dialog.photo.choose()
    dialogs.fillers.append(refused)
    section.photo_selected()
    assert dialogs.errors and "不是 JPEG 或 PNG" in dialogs.errors[-1] and "notes.jpg" in dialogs.errors[-1]
    assert _stored(engine, place) is None


def test_cancelling_the_file_keeps_the_old_photo_and_remove_deletes_it(section, dialogs, engine, place, files,
                                                                       monkeypatch):
    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: str(files / "IMG_2041.JPG"))
    dialogs.fillers += [_choose, lambda crop_dialog: None]
    assert section.photo_selected()
    first = _stored(engine, place)
    assert first is not None
    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: "")  # the file dialog was cancelled

    def cancelled(dialog):
        assert not dialog.photo.choose() and dialog.photo.jpeg == first
    dialogs.fillers.append(cancelled)
    assert section.photo_selected()
    assert _stored(engine, place) == first
    dialogs.fillers.append(lambda dialog: dialog.photo.remove())
    assert section.photo_selected()
    assert _stored(engine, place) is None


def test_assigning_someone_with_a_photo(qtbot, ctx, engine, place, dialogs, files, monkeypatch):
    from gridkeeper.ui.sections.leaders import LeadersSection

    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: str(files / "IMG_2041.JPG"))
    section = LeadersSection(ctx)
    qtbot.addWidget(section)

    def outside_with_photo(d):
        type_text(d.name, "孙红梅")
        type_text(d.phone, "13904510077")
        assert d.photo.choose()
    dialogs.fillers += [outside_with_photo, lambda crop_dialog: crop_dialog.frame.zoom_to(300)]
    assert section.assign(LeaderRole.BUILDING, place["building"])
    assert Image.open(io.BytesIO(_stored(engine, place))).size == (300, 400)  # a close frame is not blown up


def test_the_frame_stays_3_to_4_and_inside_the_picture(qtbot, files):
    from gridkeeper.services.portrait import open_photo
    from gridkeeper.ui.widgets.photo_crop import PhotoCropDialog

    dialog = PhotoCropDialog(open_photo((files / "IMG_2041.JPG").read_bytes(), "x.jpg"))
    qtbot.addWidget(dialog)
    width, height = dialog.frame.source.size
    dialog.zoom.setValue(400)
    assert (dialog.crop().width, dialog.crop().height) == (400, 533)
    dialog.frame.set_crop(Crop(width, height, 400, 533))  # dragged past the corner
    crop = dialog.crop()
    assert (crop.left + crop.width, crop.top + crop.height) == (width, height)
    assert not dialog.preview.pixmap().isNull()


def test_read_only_offers_no_photo_change(qtbot, database, session, place, dialogs):
    from dataclasses import replace

    from gridkeeper.ui.context import AppContext
    from gridkeeper.ui.sections.leaders import LeadersSection

    assign_leader(session, LeaderInput(role=LeaderRole.BUILDING, scope_id=place["building"], person_name="欧阳建国",
                                       person_phone="13904510007"), today=TODAY)
    session.commit()
    section = LeadersSection(AppContext(replace(database, read_only=True), today=TODAY))
    qtbot.addWidget(section)
    assert section.select_post(LeaderRole.BUILDING, place["building"]) is not None
    assert not section.photo_button.isEnabled() and not section.photo_selected() and dialogs.seen == []


def test_ending_a_term_says_the_photo_goes_and_deletes_it(section, dialogs, engine, place, files, monkeypatch):
    from gridkeeper.ui.widgets import forms

    monkeypatch.setattr(photo_field, "pick_photo_file", lambda parent: str(files / "IMG_2041.JPG"))
    dialogs.fillers += [_choose, lambda crop_dialog: None]
    assert section.photo_selected()
    asked = []
    monkeypatch.setattr(forms, "confirm", lambda parent, text: asked.append(text) or True)
    assert section.end_selected()
    assert "photo" in asked[-1]
    with Session(engine) as session:
        assert leader_photos.leaders_with_photo(session) == set()
