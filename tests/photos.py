"""Test pictures made with Pillow: a phone photo lying on its side (EXIF orientation 6, with GPS), PNGs, bad files."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw

RED, BLUE = (220, 30, 30), (30, 60, 220)


def upright_picture(size=(3000, 4000)) -> Image.Image:
    """A portrait: red in the upper quarter (the 'face'), a blue lower part, a grey ramp between."""
    image = Image.new("RGB", size, BLUE)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height // 4, height // 2, 8):
        shade = 80 + (y * 120) // height
        draw.rectangle((0, y, width, y + 8), fill=(shade, shade, shade))
    draw.rectangle((0, 0, width, height // 4), fill=RED)
    return image


def sideways_phone_jpeg(size=(3000, 4000)) -> bytes:
    """What a phone held upright stores: the pixels lying on their side (4000 × 3000) and EXIF
    orientation 6 (turn 90° clockwise to view), with a GPS position in the EXIF."""
    stored = upright_picture(size).transpose(Image.Transpose.ROTATE_90)  # counter-clockwise
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (45.0, 45.0, 1.0), 3: "E", 4: (126.0, 38.0, 1.0)}  # GPS IFD
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels (what a decompression bomb looks like from its header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def portrait_like(size=(3000, 4000), seed: int = 15) -> Image.Image:
    """Something like a head-and-shoulders photo (background gradient, hair, face, collar, suit) with
    sensor grain, so its JPEG weighs what a real photo does."""
    import random

    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):
        tone = 150 + (60 * y) // height
        draw.rectangle((0, y, width, y + 4), fill=(tone - 40, tone - 10, tone + 20))
    cx, u = width // 2, width / 12
    draw.ellipse((cx - 4.2 * u, height * 0.62, cx + 4.2 * u, height * 1.3), fill=(38, 44, 62))  # suit
    draw.polygon([(cx - u, height * 0.62), (cx + u, height * 0.62), (cx, height * 0.75)], fill=(235, 235, 240))
    draw.ellipse((cx - 2.1 * u, height * 0.14, cx + 2.1 * u, height * 0.44), fill=(30, 24, 22))  # hair
    draw.ellipse((cx - 1.8 * u, height * 0.2, cx + 1.8 * u, height * 0.56), fill=(228, 186, 160))  # face
    for ex in (-0.7, 0.7):
        draw.ellipse((cx + (ex - 0.18) * u, height * 0.34, cx + (ex + 0.18) * u, height * 0.36), fill=(40, 30, 30))
    draw.arc((cx - 0.6 * u, height * 0.43, cx + 0.6 * u, height * 0.49), 20, 160, fill=(160, 70, 70), width=12)
    rng = random.Random(seed)
    grain = Image.frombytes("L", (width // 4, height // 4), bytes(rng.randrange(96, 160) for _ in range(width * height // 16)))
    return Image.blend(image, Image.merge("RGB", [grain.resize(size)] * 3), 0.10)


def sideways_portrait_jpeg(size=(3000, 4000)) -> bytes:
    """`portrait_like` as a phone stores it: lying on its side with EXIF orientation 6."""
    stored = portrait_like(size).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()
