"""The wall roster's photos and QR codes, read back off the rendered page as a phone and an eye would:
the codes decode (zxing-cpp) to the building leader's vCard and the community hotline; a 4000×3000 phone
photo lying on its side prints upright, at full resolution, and the PDF stays small."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader
from reportlab.lib.units import mm

from gridkeeper.domain.enums import LeaderRole
from gridkeeper.reports.contact_qr import vcard
from gridkeeper.reports.roster import write_roster
from gridkeeper.services import geography as geo
from gridkeeper.services import leader_photos, leaders
from gridkeeper.services.portrait import OUT_SIZE, make_portrait, open_photo
from tests.conftest import TODAY
from tests.photos import RED, sideways_phone_jpeg

DPI = 150
LONG_PLEDGE = "亮身份、作表率，热心为邻里服务，居民有事随时找我；每周巡楼两次，楼道堆物、漏水、噪声及时协调处理，做到小事不出楼、大事不出网格。"


@pytest.fixture(scope="module")
def phone_photo():
    """A 4000×3000 JPEG as a phone stores a portrait shot: on its side, EXIF orientation 6; red at the top."""
    return make_portrait(open_photo(sideways_phone_jpeg(), "IMG_2041.JPG"))


def _leader(session, role, scope_id, name, phone, **more):
    return leaders.assign_leader(session, leaders.LeaderInput(role=role, scope_id=scope_id, person_name=name,
                                                              person_phone=phone, **more), today=TODAY)


@pytest.fixture
def building_leader(session, place):
    leader = _leader(session, LeaderRole.BUILDING, place["building"], "欧阳建国", "13904510007", is_party_member=True)
    _leader(session, LeaderRole.UNIT, place["unit"], "刘桂兰", "13904510008")
    session.commit()
    return leader


def _print(session, path, **kw):
    assert write_roster(session, "FK-03", path, today=TODAY, **kw) == 1
    return path


def _page_image(path):
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return pdf[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def _photos(page) -> list[dict]:
    return [i for i in page.images if abs((i["x1"] - i["x0"]) - (i["bottom"] - i["top"])) > 1]


def _decoded(path) -> list[str]:
    return sorted(r.text for r in zxingcpp.read_barcodes(_page_image(path)) if r.format == zxingcpp.BarcodeFormat.QRCode)


def test_qr_codes_decode_to_the_building_leader_and_the_hotline(session, building_leader, tmp_path):
    codes = _decoded(_print(session, tmp_path / "r.pdf"))
    assert len(codes) == 2
    leader = next(c for c in codes if "欧阳建国" in c)
    assert leader == vcard("欧阳建国", "13904510007", title="7号楼楼栋长", org="福康社区")
    lines = leader.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and lines[-1] == "END:VCARD"
    assert {"N:欧阳;建国;;;", "FN:欧阳建国", "TEL;TYPE=CELL:13904510007"} <= set(lines)
    hotline = next(c for c in codes if c is not leader)
    assert "TEL:0451-86123456" in hotline.split("\r\n") and "FN:福康社区服务热线" in hotline
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert "扫码保存楼栋长电话" in text and "扫码保存社区热线" in text
    assert "刘桂兰" not in "".join(codes)  # one code per building leader; unit leaders are read off the sheet


def test_a_vacant_post_gives_the_stewards_contact(session, place, tmp_path):
    (code, _hotline) = sorted(_decoded(_print(session, tmp_path / "v.pdf")), key=lambda c: "李晓燕" not in c)
    assert "FN:李晓燕" in code and "TEL;TYPE=CELL:13904510003" in code and "TITLE:第三网格网格员" in code


def test_a_phone_photo_prints_upright_at_full_resolution_and_the_page_stays_small(session, building_leader,
                                                                                   phone_photo, tmp_path):
    leader_photos.set_photo(session, building_leader.id, phone_photo, today=TODAY)
    session.commit()
    out = _print(session, tmp_path / "photo.pdf")
    assert out.stat().st_size < 1_000_000
    (image,) = [i for i in PdfReader(out).pages[0].images if i.image.width != i.image.height]  # QR codes are square
    assert (image.image.width, image.image.height) == OUT_SIZE  # embedded as stored, not resampled
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        (placed,) = _photos(page)
        filters = placed["stream"]["Filter"]
        assert "DCTDecode" in [f.name for f in (filters if isinstance(filters, list) else [filters])]  # not re-encoded
        printed_mm = (placed["x1"] - placed["x0"]) / mm
        assert OUT_SIZE[0] / (printed_mm / 25.4) >= 250  # dpi on A4: sharp
        box = [round(v * DPI / 72) for v in (placed["x0"], placed["top"], placed["x1"], placed["bottom"])]
        name_x = min(c["x0"] for c in page.chars if c["text"] == "欧")
        phone_end = max(c["x1"] for c in page.chars if c["top"] < placed["bottom"] and c["text"].isdigit())
    assert phone_end <= (210 - 16 - 44 - 4) * mm  # the phone beside a photo keeps clear of the QR code
    rendered = _page_image(out)
    top_strip = rendered.crop((box[0] + 5, box[1] + 5, box[2] - 5, box[1] + 25)).resize((1, 1)).getpixel((0, 0))
    bottom_strip = rendered.crop((box[0] + 5, box[3] - 25, box[2] - 5, box[3] - 5)).resize((1, 1)).getpixel((0, 0))
    assert all(abs(a - b) < 50 for a, b in zip(top_strip, RED)) and bottom_strip[2] > bottom_strip[0]  # upright
    assert name_x > placed["x1"]  # the name stands beside the photo
    assert len(_decoded(out)) == 2  # the photo does not crowd out the codes


def test_without_a_photo_the_name_keeps_its_place(session, building_leader, tmp_path):
    out = _print(session, tmp_path / "plain.pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert _photos(page) == [] and len(page.images) == 2  # the two QR codes
        name_x = min(c["x0"] for c in page.chars if c["text"] == "欧")
    assert abs(name_x - 48 * mm) < 1  # the left margin and the label column, as before photos


def test_many_units_a_photo_and_a_long_pledge_still_fit_one_page(session, place, phone_photo, tmp_path):
    leader = _leader(session, LeaderRole.BUILDING, place["building"], "欧阳建国", "13904510007", pledge=LONG_PLEDGE)
    for n in range(3, 11):
        unit = geo.create_unit(session, building_id=place["building"], label=f"{n}单元")
        _leader(session, LeaderRole.UNIT, unit.id, f"单元长{n}", f"139045100{n:02d}")
    leader_photos.set_photo(session, leader.id, phone_photo, today=TODAY)
    session.commit()
    out = _print(session, tmp_path / "full.pdf")
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        footer_top = page.height - 64 * mm
        pledge_end = max(c["bottom"] for c in page.chars if c["text"] == "格" and c["top"] < footer_top - 1)
        assert pledge_end < footer_top and "单元长10" in page.extract_text()
        assert "网格员：李晓燕" in page.extract_text().replace(" ", "")
    assert len(_decoded(out)) == 2


def test_mask_penalty_follows_the_standards_four_rules():
    from gridkeeper.reports.contact_qr import mask_penalty

    blank = [[False] * 21 for _ in range(21)]
    # N1: 42 lines of 21 alike = 42 × (3 + 16); N2: 20 × 20 blocks × 3; N4: 0 % dark is 10 steps of 5 % × 10
    assert mask_penalty(blank) == 42 * 19 + 400 * 3 + 100
    finder = [[ch == "1" for ch in "10111010000" + "1010101010"]] + [[(r + c) % 2 == 0 for c in range(21)]
                                                                   for r in range(1, 21)]
    assert mask_penalty(finder) >= 40  # N3: a finder-like run with four light modules beside it


def test_every_code_decodes_whichever_mask_wins():
    from gridkeeper.reports.contact_qr import qr_image

    for n in range(12):
        text = vcard(f"测试{n}号", f"139{n:08d}", title=f"幸福家园{n}号楼楼栋长", org="福康社区")
        assert [r.text for r in zxingcpp.read_barcodes(qr_image(text))] == [text]
