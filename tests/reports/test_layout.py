"""Ledger layout: fonts embedded, header and page numbers on every page, wrapping, atomic output."""

from __future__ import annotations

import re
import time

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.fonts import tt2ps
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from gridkeeper.reports.fonts import FONT, FONT_BOLD, font_files, register_fonts
from gridkeeper.reports.layout import (
    DEFAULT_MARGINS,
    atomic_write,
    build_pdf,
    ledger_heading,
    ledger_table,
    paragraph_styles,
    signature_block,
)

HEADER = ["序号", "姓名", "公民身份号码", "联系电话", "住址", "走访情况"]
WIDTHS = [12 * mm, 20 * mm, 40 * mm, 28 * mm, 45 * mm, 40 * mm]
LONG = "入户走访，老人身体状况良好，家中无安全隐患，已提醒冬季注意用火用电安全；子女每周回家一次。" * 3
HOSTILE = '<b>粗</b> & <script>alert("x")</script> ' * 3


def _rows(n: int) -> list[list[str]]:
    """Ledger rows numbered 1..n; every tenth has a long note, row 5 a hostile one."""
    rows = []
    for i in range(1, n + 1):
        note = LONG if i % 10 == 0 else HOSTILE if i == 5 else "正常"
        rows.append([str(i), "王建华", "11010519491231002X", "13800138000", f"7号楼2单元{i % 6 + 1}01室", note])
    return rows


def _ledger(path, n_rows: int, **kwargs) -> None:
    """Build a portrait visit ledger of `n_rows` rows at `path`."""
    story = ledger_heading("福康社区2026年11月入户走访台账", "福康社区居民委员会", "2026年11月")
    story.append(ledger_table(HEADER, _rows(n_rows), WIDTHS, wrap_cols={4, 5}, align_center={0},
                              totals=[["合计", "", "", "", "", f"{n_rows} 户"]]))
    story += signature_block()
    build_pdf(path, story, pagesize=A4, title="入户走访台账", **kwargs)


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    """A ledger of 60 rows, which fills three A4 pages."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.pdf"
    _ledger(path, 60)
    return path


def test_fonts_register_once_and_bold_is_in_the_family():
    register_fonts()
    register_fonts()
    assert all(p.is_file() and p.stat().st_size > 1_000_000 for p in font_files())
    assert tt2ps(FONT, 1, 0) == FONT_BOLD
    assert tt2ps(FONT, 0, 0) == FONT


def test_three_pages_each_with_header_and_page_number(three_pages):
    texts = [page.extract_text() for page in PdfReader(three_pages).pages]
    assert len(texts) == 3
    for number, text in enumerate(texts, start=1):
        assert all(label in text for label in HEADER), f"header missing on page {number}"
        assert f"第 {number} 页 共 3 页" in text
    assert "填报单位：福康社区居民委员会" in texts[0] and "统计时间：2026年11月" in texts[0]
    assert "合计" in texts[-1] and "60 户" in texts[-1]
    assert "填表人：" in texts[-1] and "审核人：" in texts[-1] and "填表日期：" in texts[-1]


def test_every_row_printed_once_in_order(three_pages):
    serials = []
    with pdfplumber.open(three_pages) as pdf:
        left = DEFAULT_MARGINS[3] + (pdf.pages[0].width - DEFAULT_MARGINS[1] - DEFAULT_MARGINS[3] - sum(WIDTHS)) / 2
        for page in pdf.pages:
            words = page.extract_words()
            serials += [int(w["text"]) for w in sorted(words, key=lambda w: w["top"])
                        if w["x1"] <= left + WIDTHS[0] and w["text"].isdigit()]
    assert serials == list(range(1, 61))


def test_font_embedded_as_subset(three_pages):
    reader = PdfReader(three_pages)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            if "NotoSansSC" not in name:
                continue
            assert re.fullmatch(r"/[A-Z]{6}\+NotoSansSC-(Regular|Bold)", name), name
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            seen.add(name.split("+")[1])
    assert seen == {"NotoSansSC-Regular", "NotoSansSC-Bold"}


def test_metadata_title_and_author(three_pages):
    meta = PdfReader(three_pages).metadata
    assert meta.title == "入户走访台账"
    assert meta.author == "GridKeeper"


def test_long_text_wraps_inside_its_column(three_pages):
    with pdfplumber.open(three_pages) as pdf:
        page = pdf.pages[0]
        left = DEFAULT_MARGINS[3] + (page.width - DEFAULT_MARGINS[1] - DEFAULT_MARGINS[3] - sum(WIDTHS)) / 2
        col_left = left + sum(WIDTHS[:5])
        col_right = col_left + WIDTHS[5]
        in_column = [c for c in page.chars if col_left <= c["x0"] < col_right]
        for char in page.chars:
            assert 0 <= char["x0"] and char["x1"] <= page.width
        for char in in_column:
            # closing punctuation may hang into the padding, as in Chinese typesetting
            slack = 9 if char["text"] in "，。；、" else 0.5
            assert char["x1"] <= col_right + slack - 3, char
        long_lines = {round(c["top"]) for c in in_column if c["text"] in "冬季"}
        assert len(long_lines) >= 3  # the long note of row 10 (and 20, 30) spans several lines


def test_hostile_text_prints_literally(three_pages):
    text = PdfReader(three_pages).pages[0].extract_text().replace("\n", "")
    assert "<b>粗</b>" in text
    assert "<script>" in text and "&" in text


def test_cells_stay_plain_strings_unless_too_wide():
    table = ledger_table(["序号", "备注"], [["1", "短"], ["2", LONG], ["3", "a < b & c"]], [30, 80])
    body = table._body
    assert body[0] == ["1", "短"]
    assert isinstance(body[1][1], Paragraph)
    assert body[2][1] == "a < b & c"  # a plain string is drawn as is, never parsed as markup


def test_too_wide_id_shrinks_onto_one_line(tmp_path):
    path = tmp_path / "narrow.pdf"
    table = ledger_table(["身份证号"], [["11010519491231002X"]], [26 * mm], wrap_cols=set())
    build_pdf(path, [table], pagesize=A4, title="t")
    with pdfplumber.open(path) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in "0123456789X" and c["size"] < 9]
        assert len(chars) == 18
        assert len({round(c["top"]) for c in chars}) == 1
        right = (pdf.pages[0].width + 26 * mm) / 2
        assert max(c["x1"] for c in chars) <= right


def test_row_taller_than_a_page_splits_instead_of_failing(tmp_path):
    path = tmp_path / "tall.pdf"
    rows = [[str(i), f"备注{i}"] for i in range(1, 30)]
    rows[3] = ["4", "很长的备注，" * 400 + "完"]
    build_pdf(path, [ledger_table(["序号", "备注"], rows, [30 * mm, 40 * mm])], pagesize=A4, title="t")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert text.count("很长的备注") == 400 and "完" in text
    assert all(f"备注{i}" in text for i in (3, 5, 29))


class _Boom(Flowable):
    """A flowable that fails while drawing, as a bug in a report would."""

    def wrap(self, availWidth, availHeight):  # noqa: N803
        """Claim a small box."""
        return 10, 10

    def draw(self):
        """Fail."""
        raise RuntimeError("boom")


def test_failed_build_leaves_nothing_behind(tmp_path):
    path = tmp_path / "ledger.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build_pdf(path, [*ledger_heading("台账", "单位", "2026年"), _Boom()], pagesize=A4, title="t")
    assert list(tmp_path.iterdir()) == []


def test_failed_build_keeps_the_previous_file(tmp_path):
    path = tmp_path / "ledger.pdf"
    path.write_bytes(b"old ledger")
    with pytest.raises(RuntimeError):
        build_pdf(path, [_Boom()], pagesize=A4, title="t")
    assert path.read_bytes() == b"old ledger"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.pdf"]


def test_atomic_write_replaces_only_on_success(tmp_path):
    path = tmp_path / "out.bin"
    with atomic_write(path) as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(".part")
        tmp.write_bytes(b"new")
    assert path.read_bytes() == b"new"
    with pytest.raises(ValueError):
        with atomic_write(path) as tmp:
            tmp.write_bytes(b"half")
            raise ValueError
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_invariant_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    _ledger(first, 30, invariant=True)
    _ledger(second, 30, invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_paragraph_styles_use_the_chinese_font():
    styles = paragraph_styles()
    assert {"title", "subtitle", "body", "cell", "cell_header"} <= styles.keys()
    assert styles["title"].fontName == FONT_BOLD and styles["cell_header"].fontName == FONT_BOLD
    assert styles["cell"].fontName == FONT and styles["cell"].fontSize == 9
    assert styles["cell"].wordWrap == "CJK"


def test_chinese_punctuation_never_starts_a_wrapped_line():
    para = Paragraph(LONG, paragraph_styles()["cell"])
    for width in range(60, 200, 7):
        para.wrap(width, 1000)
        starts = [line[1][0][:1] for line in para.blPara.lines]
        assert not set(starts) & set("，。；、"), (width, starts)


@pytest.mark.slow
def test_ten_thousand_rows_build_in_linear_time(tmp_path):
    # CPU time, not wall time: the bound is about the algorithm (one ReportLab Table re-splits at every
    # page and is quadratic), and must not fail because other processes share the machine.
    started = time.process_time()
    table = ledger_table(HEADER, _rows(10_000), WIDTHS, wrap_cols={4, 5})
    built = time.process_time()
    build_pdf(tmp_path / "big.pdf", [table], pagesize=landscape(A4), title="t")
    done = time.process_time()
    assert built - started < 2
    assert done - built < 20  # about 3 s here; a single ReportLab Table takes minutes
    assert len(PdfReader(tmp_path / "big.pdf").pages) > 300
