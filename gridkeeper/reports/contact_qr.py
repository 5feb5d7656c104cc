"""QR codes a resident scans to save a contact: vCard 3.0 text and its drawing with ReportLab's own QR encoder.

Generated offline by ReportLab's QR encoder (reportlab.graphics.barcode.qrencoder, what its QrCodeWidget
uses); the code is placed as an image, because rendering the widget's Drawing puts an
unembedded Helvetica into the PDF and draws every module as a rectangle. The vCard is UTF-8 in byte mode, as phone cameras
(iOS, Android, WeChat) read it: scanning offers "add to contacts" with the Chinese name, the post and the
number. Error correction M (15 %): a wall sheet gets scuffed and sun-faded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, repeat

from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRCode, QRErrorCorrectLevel, QRUtil
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4  # the white margin the QR standard asks for around the code
# Every byte counts: a shorter text is a lower QR version, so bigger modules at the same printed size.
MODULE_PIXELS = 5
# Two-character surnames still in use; a phone sorts the contact under the surname (N), shows FN.
COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 司徒 夏侯 公孙 长孙 尉迟 万俟 宇文 澹台 "
                              "端木 独孤 南宫 西门 轩辕 呼延 申屠 闻人 赫连 钟离 拓跋".split())


def _escape(text: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped (RFC 2426 §4)."""
    text = " ".join(str(text).split())
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(name: str, phone: str, *, title: str = "", org: str = "") -> str:
    """A vCard 3.0 for one person: N (surname; given name), FN, TEL, and the post and community if given."""
    name = " ".join(name.split())
    cut = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    surname, given = (name[:cut], name[cut:]) if _is_chinese(name) else ("", name)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_escape(surname)};{_escape(given)};;;", f"FN:{_escape(name)}"]
    if org:
        lines.append(f"ORG:{_escape(org)}")
    if title:
        lines.append(f"TITLE:{_escape(title)}")
    number = _phone(phone)
    kind = "CELL" if len(number) == 11 and number.startswith("1") else "VOICE"
    lines += [f"TEL;TYPE={kind}:{number}", "END:VCARD"]
    return "\r\n".join(lines)


def office_vcard(name: str, phones: list[tuple[str, str]]) -> str:
    """A vCard for an office (the community hotline): its name and each (label, number) as a phone."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_escape(name)};;;;", f"FN:{_escape(name)}"]
    lines += [f"TEL:{_phone(number)}" for _label, number in phones if _phone(number)]
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def _is_chinese(name: str) -> bool:
    return bool(name) and all("\u3400" <= ch <= "\u9fff" for ch in name)  # 买买提·艾力 stays whole, in FN


def _phone(number: str) -> str:
    # Digits, + and - only: "0451-86123456" stays dialable, stray spaces or words do not reach the phone.
    return "".join(ch for ch in str(number) if ch.isdigit() or ch in "+-")


_MASKS: dict[tuple[int, int], tuple[bool, ...]] = {}


class _QRCode(QRCode):
    """ReportLab's encoder, faster where a roster of hundreds of buildings felt it (each code took ~0.1 s):
    the choice among the eight masks is scored on row/column strings and bit masks (ISO/IEC 18004 §7.8.3,
    the same four penalty rules), and placing the data reuses each mask's pattern for the symbol's version
    instead of calling the mask function for every module. The output is checked by decoding it (tests)."""

    def mapData(self, data, maskPattern) -> None:
        positions = self.dataPosIterator()
        key = (self.version, maskPattern)
        if key not in _MASKS:
            mask = QRUtil.getMask(maskPattern)
            _MASKS[key] = tuple(bool(mask(row, col)) for col, row in positions)
        modules = self.modules
        for (col, row), dark, flip in zip(positions, chain(self.dataBitIterator(data), repeat(False)), _MASKS[key]):
            modules[row][col] = dark != flip

    def getBestMaskPattern(self) -> int:
        scores = []
        self.makeImpl(True, 0)
        for mask in range(8):
            if mask:  # in a trial the function patterns do not depend on the mask: only the data is redone
                self.mapData(self.dataCache, mask)
            scores.append((mask_penalty(self.modules), mask))
        return min(scores)[1]


_RUN = re.compile(rb"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(rb"(?=10111010000|00001011101)")
_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def mask_penalty(modules: list[list[bool]]) -> int:
    """The QR standard's penalty for a masked symbol: long runs, 2×2 blocks, finder-like patterns, dark balance."""
    raw = [bytes(row) for row in modules]  # True/False → 1/0, in C
    rows = [row.translate(_AS_DIGITS) for row in raw]
    lines = rows + [bytes(col).translate(_AS_DIGITS) for col in zip(*raw)]
    score = sum(len(run) - 2 for line in lines for run in _RUN.findall(line))  # N1: 3 + (length - 5)
    score += 40 * sum(len(_FINDER_LIKE.findall(line)) for line in lines)  # N3
    bits = [int(row, 2) for row in rows]
    pairs = (1 << (len(rows) - 1)) - 1  # neighbouring columns
    for upper, lower in zip(bits, bits[1:]):  # N2: 3 for every 2×2 block of one colour
        same_vertically = ~(upper ^ lower)
        score += 3 * bin(same_vertically & (same_vertically >> 1) & ~(upper ^ (upper >> 1)) & pairs).count("1")
    dark = sum(row.count(b"1") for row in rows)
    score += 10 * (abs(dark * 100 // (len(rows) ** 2) - 50) // 5)  # N4
    return score


@lru_cache(maxsize=512)  # the hotline's code is on every page; a preview and its print share the rest
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of `text`'s QR code (byte mode, UTF-8, error correction M)."""
    code = _QRCode(None, QRErrorCorrectLevel.M)
    code.addData(QR8bitByte(text))
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(row, col)) for col in range(count)) for row in range(count))


@lru_cache(maxsize=512)
def qr_image(text: str) -> Image.Image:
    """The code as a greyscale picture, the quiet zone white around it, each module MODULE_PIXELS square."""
    modules = qr_modules(text)
    side = len(modules) + 2 * QUIET_MODULES
    image = Image.new("L", (side, side), 255)
    image.putdata([0 if dark else 255 for row in _framed(modules) for dark in row])
    # Viewers and printer drivers smooth an image they enlarge; sharp-edged pixel blocks keep the blur
    # inside a fifth of a module (about 200 dpi at 38 mm) and compress to 1–2 KB.
    return image.resize((side * MODULE_PIXELS, side * MODULE_PIXELS), Image.Resampling.NEAREST)


def _framed(modules: tuple[tuple[bool, ...], ...]) -> list[tuple[bool, ...]]:
    blank = (False,) * (len(modules) + 2 * QUIET_MODULES)
    margin = (False,) * QUIET_MODULES
    return [blank] * QUIET_MODULES + [margin + row + margin for row in modules] + [blank] * QUIET_MODULES


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `text` as a size × size square (white quiet zone included), lower left at (x, y).

    An image drawn at once (hundreds of rectangles per code made a 500-building roster slow), with no
    seams between modules."""
    c.drawImage(ImageReader(qr_image(text)), x, y, size, size)
