"""Portraits from any JPEG/PNG: upright by EXIF, framed 3:4, stored small without metadata; bad files refused."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from gridkeeper.services import portrait as pt
from gridkeeper.services.portrait import Crop, PhotoRefused
from tests.photos import RED, png_bytes, png_header_only, sideways_phone_jpeg, upright_picture


def _decoded(jpeg: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(jpeg))
    image.load()
    return image


def _close(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def test_a_4000x3000_phone_photo_on_its_side_comes_out_upright_small_and_without_exif():
    data = sideways_phone_jpeg()
    assert Image.open(io.BytesIO(data)).size == (4000, 3000)
    source = pt.open_photo(data, "IMG_0001.jpg")
    assert source.original_size == (3000, 4000)  # EXIF orientation 6 turned it upright
    assert max(source.size) <= pt.WORK_SIDE
    made = pt.make_portrait(source)
    image = _decoded(made.jpeg)
    assert image.size == pt.OUT_SIZE == (made.width, made.height)
    assert _close(image.getpixel((180, 10)), RED)  # the red 'face' is at the top of the frame
    assert not _close(image.getpixel((180, 470)), RED)
    assert len(made.jpeg) <= pt.MAX_STORED_BYTES
    assert not image.getexif() and b"Exif" not in made.jpeg and b"GPS" not in made.jpeg  # no phone position kept


def test_stored_size_is_bounded_even_for_noise():
    noise = Image.frombytes("RGB", (900, 1200), os.urandom(900 * 1200 * 3))
    made = pt.make_portrait(pt.open_photo(png_bytes(noise), "noise.png"))
    assert len(made.jpeg) <= pt.MAX_STORED_BYTES
    typical = pt.make_portrait(pt.open_photo(png_bytes(upright_picture((1200, 1600))), "p.png"))
    assert len(typical.jpeg) < 40_000


def test_transparent_png_gets_a_white_background():
    image = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    made = pt.make_portrait(pt.open_photo(png_bytes(image), "clear.png"))
    assert _close(_decoded(made.jpeg).getpixel((150, 200)), (255, 255, 255), 8)


def test_16_bit_grey_and_palette_pngs_are_read():
    grey = Image.new("I;16", (300, 400), 40000)
    assert pt.make_portrait(pt.open_photo(png_bytes(grey), "g.png")).width == 300
    palette = upright_picture((300, 400)).convert("P")
    assert pt.make_portrait(pt.open_photo(png_bytes(palette), "p.png")).height == 400


def test_default_frame_is_centred_across_and_over_the_upper_part_of_a_tall_picture():
    assert pt.default_crop((4000, 3000)) == Crop(875, 0, 2250, 3000)
    tall = pt.default_crop((1200, 2600))
    assert (tall.left, tall.width, tall.height) == (0, 1200, 1600) and 0 < tall.top < (2600 - 1600) / 2


def test_a_frame_is_kept_3_to_4_and_inside_the_picture():
    assert pt.fit_crop(Crop(-50, 900, 600, 10), (1000, 1200)) == Crop(0, 400, 600, 800)
    assert pt.fit_crop(Crop(0, 0, 5000, 5000), (1000, 1200)) == Crop(0, 0, 900, 1200)
    assert pt.fit_crop(Crop(10, 10, 3, 3), (1000, 1200)).width == pt.MIN_CROP[0]


def test_a_chosen_frame_is_what_is_stored():
    source = pt.open_photo(png_bytes(upright_picture((1200, 1600))), "p.png")
    lower = pt.make_portrait(source, Crop(300, 900, 450, 600))  # the blue lower part only
    assert not _close(_decoded(lower.jpeg).getpixel((180, 10)), RED)


@pytest.mark.parametrize("data, says", [
    (b"%PDF-1.7 this is a ledger, not a photo" * 20, "不是 JPEG 或 PNG"),
    (sideways_phone_jpeg((600, 800))[:4000], "已损坏或不完整"),
    (png_bytes(upright_picture((600, 800)))[:3000], "已损坏或不完整"),
    (png_header_only(10_000, 10_000), "太大了"),  # 100 megapixels: refused before decoding
    (png_bytes(upright_picture((60, 80))), "太小了"),
], ids=["pdf", "truncated-jpeg", "truncated-png", "100-megapixels", "tiny"])
def test_bad_pictures_are_refused_with_a_plain_reason(data, says):
    with pytest.raises(PhotoRefused, match=says):
        pt.open_photo(data, "x.jpg")


def test_gif_is_refused_as_not_jpeg_or_png():
    out = io.BytesIO()
    upright_picture((300, 400)).save(out, "GIF")
    with pytest.raises(PhotoRefused, match="不是 JPEG 或 PNG"):
        pt.open_photo(out.getvalue(), "anim.gif")


def test_files_missing_empty_huge_or_oddly_named(tmp_path):
    hostile = tmp_path / "照片\u202egpj.exe\x07\u200b.jpg"
    with pytest.raises(PhotoRefused) as missing:
        pt.read_photo_file(hostile)
    assert "找不到" in str(missing.value) and "\u202e" not in str(missing.value) and "\x07" not in str(missing.value)
    hostile.write_bytes(b"")
    with pytest.raises(PhotoRefused, match="空文件"):
        pt.read_photo_file(hostile)
    huge = tmp_path / "huge.jpg"
    with open(huge, "wb") as f:
        f.truncate(pt.MAX_FILE_BYTES + 1)  # sparse: never read
    with pytest.raises(PhotoRefused, match="太大了"):
        pt.read_photo_file(huge)
    with pytest.raises(PhotoRefused, match="不是一个文件"):
        pt.read_photo_file(tmp_path)
    good = tmp_path / "ok.png"
    good.write_bytes(png_bytes(upright_picture((300, 400))))
    assert pt.portrait_from_file(good).jpeg.startswith(b"\xff\xd8")


def test_a_multi_picture_jpeg_from_a_phone_is_read():
    """Some phones save MPO: a JPEG with extra pictures (depth map, preview) after the first."""
    out = io.BytesIO()
    upright_picture((600, 800)).save(out, "MPO", save_all=True, append_images=[upright_picture((300, 400))])
    source = pt.open_photo(out.getvalue(), "IMG_0002.JPG")
    assert source.size == (600, 800) and pt.make_portrait(source).jpeg.startswith(b"\xff\xd8")
