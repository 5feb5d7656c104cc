"""A leader's portrait from any JPEG/PNG: read safely, turned upright (EXIF), cropped to 3:4, stored small.

Pillow does the decoding. Everything a phone or scanner may hand over is expected: any size or
orientation, PNG with transparency or 16-bit depth, CMYK JPEG; and everything hostile is refused with a
plain message and nothing kept: not an image, a truncated file, a decompression bomb, a 100-megapixel
picture. What is stored is re-encoded from pixels only, so the EXIF block (the phone's GPS position,
its serial number, the date) never reaches the database.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from gridkeeper.domain.names import visible_text
from gridkeeper.services.errors import ServiceError

ASPECT = (3, 4)  # width : height of the frame, an ID-photo portrait
OUT_SIZE = (360, 480)  # stored pixels: 36 × 48 mm on A4 is 254 dpi, on A3 (×1.41) 180 dpi
MIN_CROP = (90, 120)  # a smaller frame would print as a blur
MAX_FILE_BYTES = 40 * 1024 * 1024  # a 50-megapixel phone JPEG is about 25 MB
MAX_PIXELS = 60_000_000  # 50 MP phones (8160 × 6120) pass; 100 MP is refused before it is decoded
WORK_SIDE = 1600  # the long side the crop is chosen on: several times the output, small to hold
MAX_STORED_BYTES = 60_000  # "a few tens of KB"
QUALITIES = (85, 80, 75, 70, 60, 50, 40)
FORMATS = ("JPEG", "PNG")


class PhotoRefused(ServiceError):
    """The file is not a usable photo; the message says why. Nothing was stored."""


@dataclass(frozen=True)
class Crop:
    """The frame in the upright working image's pixels."""

    left: int
    top: int
    width: int
    height: int


@dataclass
class SourcePhoto:
    """An upright RGB image ready to be framed (long side at most WORK_SIDE) and what it came from."""

    image: Image.Image
    original_size: tuple[int, int]  # upright, before reduction

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    def rgb_bytes(self) -> bytes:
        """Raw RGB888 rows, for showing in a window without Pillow there."""
        return self.image.tobytes()


@dataclass(frozen=True)
class Portrait:
    """The JPEG that is stored (baseline, sRGB pixels, no metadata)."""

    jpeg: bytes
    width: int
    height: int


def _label(name: str) -> str:
    text = visible_text(name)
    return text if len(text) <= 60 else text[:28] + "…" + text[-28:]


def read_photo_file(path: str | Path) -> bytes:
    """The bytes of a chosen file, refused when missing, empty or far too large."""
    path = Path(path)
    name = _label(path.name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise PhotoRefused(f"“{name}”不是一个文件")
        if size == 0:
            raise PhotoRefused(f"“{name}”是空文件，不是照片")
        if size > MAX_FILE_BYTES:
            raise PhotoRefused(f"“{name}”有 {size / 1024 / 1024:.0f} MB，太大了：请用不超过 "
                               f"{MAX_FILE_BYTES // 1024 // 1024} MB 的 JPEG 或 PNG 照片")
        return path.read_bytes()
    except FileNotFoundError:
        raise PhotoRefused(f"找不到照片文件“{name}”") from None
    except PermissionError:
        raise PhotoRefused(f"没有权限读取照片文件“{name}”") from None
    except OSError as exc:
        raise PhotoRefused(f"读不了照片文件“{name}”：{exc.strerror or exc}") from None


def open_photo(data: bytes, name: str = "照片") -> SourcePhoto:
    """Decode a JPEG or PNG, upright as its EXIF says, reduced to WORK_SIDE; PhotoRefused on bad input."""
    name = _label(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # MAX_PIXELS, lower, is checked next
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoRefused(f"“{name}”有 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），太大了："
                                   f"请用不超过 {MAX_PIXELS // 1_000_000} 百万像素的照片")
            _reduce_while_decoding(image)
            image.load()
            lying = image.size
            image = _upright(image)
            image = _rgb(image)
    except PhotoRefused:
        raise
    except UnidentifiedImageError:
        raise PhotoRefused(f"“{name}”不是 JPEG 或 PNG 照片：请选 .jpg、.jpeg 或 .png 文件") from None
    except Image.DecompressionBombError:
        raise PhotoRefused(f"“{name}”的像素太多（上亿像素），太大了，没有打开：请用不超过 "
                           f"{MAX_PIXELS // 1_000_000} 百万像素的照片") from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise PhotoRefused(f"“{name}”已损坏或不完整，读不出照片（{type(exc).__name__}）：请重新拷贝或换一张") from None
    original = (height, width) if image.size != lying else (width, height)  # upright, as the camera took it
    image.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
    if image.width < MIN_CROP[0] or image.height < MIN_CROP[1]:
        raise PhotoRefused(f"“{name}”只有 {original[0]}×{original[1]} 像素，太小了，印出来看不清："
                           f"至少需要 {MIN_CROP[0]}×{MIN_CROP[1]} 像素")
    return SourcePhoto(image, original)


def _reduce_while_decoding(image: Image.Image) -> None:
    # A JPEG can be decoded at 1/2, 1/4 or 1/8 scale directly (DCT scaling): a 12 MP photo is read
    # as 3 MP, quickly and in a quarter of the memory, still far above the stored 360 × 480.
    if image.format != "JPEG":
        return
    factor = max(image.size) / WORK_SIDE
    if factor >= 2:
        image.draft("RGB", (int(image.width / factor) + 1, int(image.height / factor) + 1))


def _upright(image: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, KeyError, TypeError):
        return image  # an unreadable EXIF block: the pixels as they are


def _rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")  # 16-bit greyscale PNG
    return image.convert("RGB") if image.mode != "RGB" else image


def largest_frame(size: tuple[int, int]) -> tuple[int, int]:
    """The biggest 3:4 frame that fits an image of `size`."""
    width, height = size
    if width * ASPECT[1] >= height * ASPECT[0]:
        return height * ASPECT[0] // ASPECT[1], height
    return width, width * ASPECT[1] // ASPECT[0]


def default_crop(size: tuple[int, int]) -> Crop:
    """The largest 3:4 frame, centred across; on a tall picture placed over its upper part, where a face is."""
    width, height = size
    frame_w, frame_h = largest_frame(size)
    return Crop((width - frame_w) // 2, (height - frame_h) // 5, frame_w, frame_h)


def fit_crop(crop: Crop, size: tuple[int, int]) -> Crop:
    """`crop` made 3:4 (its width rules), no smaller than MIN_CROP, no bigger than the image, inside it."""
    width, height = size
    max_w, _ = largest_frame(size)
    frame_w = max(min(crop.width, max_w), min(MIN_CROP[0], max_w))
    frame_h = frame_w * ASPECT[1] // ASPECT[0]
    left = min(max(crop.left, 0), width - frame_w)
    top = min(max(crop.top, 0), height - frame_h)
    return Crop(left, top, frame_w, frame_h)


def make_portrait(source: SourcePhoto, crop: Crop | None = None) -> Portrait:
    """The stored JPEG: the frame cut out, at most OUT_SIZE, the best quality that stays under the limit."""
    crop = fit_crop(crop or default_crop(source.size), source.size)
    frame = source.image.crop((crop.left, crop.top, crop.left + crop.width, crop.top + crop.height))
    if frame.width > OUT_SIZE[0]:
        frame = frame.resize(OUT_SIZE, Image.Resampling.LANCZOS)
    for quality in QUALITIES:
        out = io.BytesIO()
        frame.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_STORED_BYTES:
            return Portrait(out.getvalue(), frame.width, frame.height)
    raise PhotoRefused("这张照片压缩后仍然太大，请换一张")  # not reached by photographs: noise at 360×480, q40 is ~45 KB


def portrait_from_file(path: str | Path, crop: Crop | None = None) -> Portrait:
    """Read, decode and frame a file in one go (the default frame unless `crop` is given)."""
    return make_portrait(open_photo(read_photo_file(path), Path(path).name), crop)
