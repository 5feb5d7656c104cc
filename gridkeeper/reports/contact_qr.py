"""QR codes a resident scans to save a contact: vCard 3.0 text and its drawing with ReportLab's own QR encoder.

Generated offline by ReportLab's QR encoder (reportlab.graphics.barcode.qrencoder, what its QrCodeWidget
uses); the modules are drawn straight onto the canvas as one filled path, because rendering the widget's
Drawing puts an unembedded Helvetica into the PDF. The vCard is UTF-8 in byte mode, as phone cameras
(iOS, Android, WeChat) read it: scanning offers "add to contacts" with the Chinese name, the post and the
number. Error correction M (15 %): a wall sheet gets scuffed and sun-faded.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 4  # the white margin the QR standard asks for around the code
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
    kind = "CELL,VOICE" if len(number) == 11 and number.startswith("1") else "VOICE"
    lines += [f"TEL;TYPE={kind}:{number}", "END:VCARD"]
    return "\r\n".join(lines)


def office_vcard(name: str, phones: list[tuple[str, str]]) -> str:
    """A vCard for an office (the community hotline): its name and each (label, number) as a work phone."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_escape(name)};;;;", f"FN:{_escape(name)}", f"ORG:{_escape(name)}"]
    lines += [f"TEL;TYPE=WORK,VOICE:{_phone(number)}" for _label, number in phones if _phone(number)]
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def _is_chinese(name: str) -> bool:
    return bool(name) and all("\u3400" <= ch <= "\u9fff" for ch in name)  # 买买提·艾力 stays whole, in FN


def _phone(number: str) -> str:
    # Digits, + and - only: "0451-86123456" stays dialable, stray spaces or words do not reach the phone.
    return "".join(ch for ch in str(number) if ch.isdigit() or ch in "+-")


def qr_modules(text: str) -> list[list[bool]]:
    """The dark/light modules of `text`'s QR code (byte mode, UTF-8, error correction M)."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(QR8bitByte(text))
    code.make()
    count = code.getModuleCount()
    return [[bool(code.isDark(row, col)) for col in range(count)] for row in range(count)]


def draw_qr(c: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `text` as a size × size square (white quiet zone included), lower left at (x, y)."""
    modules = qr_modules(text)
    cell = size / (len(modules) + 2 * QUIET_MODULES)
    c.saveState()
    c.setFillColor(colors.white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColor(colors.black)
    path = c.beginPath()
    for row, dark in enumerate(modules):
        top = y + size - (QUIET_MODULES + row + 1) * cell
        col = 0
        while col < len(dark):
            if not dark[col]:
                col += 1
                continue
            start = col
            while col < len(dark) and dark[col]:
                col += 1
            path.rect(x + (QUIET_MODULES + start) * cell, top, (col - start) * cell, cell)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
