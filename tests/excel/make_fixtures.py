"""Builds the roster fixtures in tests/fixtures/import/: run `python tests/excel/make_fixtures.py`.

Every messy case the importer handles is in these files. The .xlsx is written with openpyxl and then
re-saved by LibreOffice (`soffice --headless --convert-to`), which computes the formulas (openpyxl
cannot store their values) and also writes the .xls. The CSVs carry the same rows as text.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "fixtures" / "import"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first17: str) -> str:
    """A resident ID number with its correct check digit."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


WANG = id_number("11010519491231002")          # 王建华, male, ends in X -> written with a small x
LI = id_number("11010519530228002")             # 李秀英, female
ZHOU = id_number("99010119800101003")           # unknown region code 990101: a warning only
FENG = id_number("23010319571017001")           # 冯小刚
BAD_CHECK = WANG[:-1] + ("1" if WANG[-1] != "1" else "2")
ZHANG_NUMBER = 110105194912310000.0             # what Excel keeps of an ID typed as a number

HOUSEHOLD_TITLE = ["幸福社区第三网格住户信息台账"]
HOUSEHOLD_META = ["填表单位：幸福社区居委会　　填表日期：2026年11月1日"]
HOUSEHOLD_HEADER = ["序号", "小区名称", "楼栋号", "单元号", "门牌号", "户主", "公民身份号码", "手机号", "人数",
                    "居住类型", "人员类别", "备注", "车牌号"]
# Excel rows 4.. (row 6 is blank, row 16 is the totals row). "=…" cells are formulas.
HOUSEHOLD_ROWS = [
    [1, "幸福家园", "7号楼", "2单元", 301, " 王 建华 ", WANG.lower(), "138 1234 5678", "=1+2", "自住", "低保户、独居", "", "京A12345"],
    [2, "幸福家园", "７号楼", "二单元", "302室", "李秀英", LI, "138-1234-5679", 2, "出租", "残疾,退役", "租户自述", ""],
    [],
    [3, "幸福家园", "7栋", 2, 401, "张伟", ZHANG_NUMBER, 13912345678, 1, "自住", "", "", ""],
    [4, "幸福家园", "7号楼", "2单元", "301", "王建华", "", "", 3, "自住", "", "", ""],
    [5, "阳光小区", "3号楼", "1单元", 101, "赵敏", WANG, "", 2, "", "", "", ""],
    [6, "阳光小区", "3号楼", "1单元", 102, "钱进", BAD_CHECK, "", 1, "", "", "", ""],
    [7, "阳光小区", "3号楼", "1单元", 201, "孙丽", "", "12345", 1, "", "", "", ""],
    [8, "阳光小区", "3号楼", "1单元", 202, "周杰", ZHOU, "13700001111", 1, "", "", "", ""],
    [9, "", "5号楼", "1单元", 101, "吴芳", "", "", 1, "", "党员", "", ""],
    [10, "阳光小区", "3号楼", "1单元", 301, "郑强", "1.10105194912310E+17", "", 1, "", "", "", ""],
    [11, "幸福家园", "8号楼", "一单元", 1201.0, "冯 小 刚", FENG, "0451-86123456", 1, "空置", "空巢;高龄", "", ""],
    ["合计", "", "", "", "", "", "", "", "=SUM(I4:I15)", "", "", "", ""],
]

PERSON_TITLE = ["阳光社区居民花名册（按人登记）"]
PERSON_HEADER = ["序号", "小区", "楼栋", "单元", "房号", "姓名", "与户主关系", "性别", "身份证号码", "联系电话",
                 "特殊人群", "备注"]
P1, P2, P3 = id_number("11010519700101001"), id_number("11010519720202002"), id_number("11010520000303001")
P4, P5, P6 = id_number("11010519400404002"), id_number("11010519800505001"), id_number("11010519820606001")
# Excel rows 3.. (row 11 is blank, row 12 the totals row).
PERSON_ROWS = [
    [1, "幸福家园", "7号楼", "2单元", "301", "王建国", "户主", "男", P1, "13812345678", "", ""],
    [2, "幸福家园", "7号楼", "2单元", "301", "刘芳", "妻子", "女", P2, "", "残疾", "行动不便"],
    [3, "幸福家园", "7号楼", "2单元", "301", "王小明", "儿子", "女", P3, "", "", ""],
    [4, "幸福家园", "7栋", 2, 302, "陈 静", "本人", "", P4, "138 0000 1111", "独居、高龄", ""],
    [5, "幸福家园", "7号楼", "2单元", "302", "陈静", "户主", "", "", "", "", ""],
    [6, "幸福家园", "7号楼", "2单元", "303", "林涛", "户主", "", P5, "", "", ""],
    [7, "幸福家园", "7号楼", "2单元", "303", "林海", "户主", "", P6, "", "", ""],
    [8, "幸福家园", "7号楼", "2单元", "304", "黄蓉", "", "", "", "", "", ""],
    [],
    ["合计", "", "", "", "", "8人", "", "", "", "", "", ""],
]


def write_xlsx(path: Path, top: list[list], header: list, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    for line in top:
        ws.append(line)
    if top:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    for column in ("G", "H"):  # ID and phone columns as text, like a careful steward's template
        for cell in ws[column]:
            if isinstance(cell.value, str):
                cell.number_format = "@"
    wb.save(path)


def csv_rows(top: list[list], header: list, rows: list[list]) -> list[list[str]]:
    """The sheet as Excel's "save as CSV" writes it: formulas as their values, numbers as shown."""
    def shown(value):
        if isinstance(value, float):
            return f"{value:.14E}" if value >= 1e15 else str(int(value)) if value.is_integer() else str(value)
        return {"=1+2": "3", "=SUM(I4:I15)": "14"}.get(value, value)
    return [[shown(v) for v in row] for row in [*top, header, *rows]]


def write_csv(path: Path, rows: list[list], encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)


def libreoffice(source: Path, fmt: str, target: Path) -> None:
    """Re-save `source` as `fmt` with LibreOffice (formulas get computed values)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is needed: apt-get install -y libreoffice-calc")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--calc", "--convert-to", fmt, "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / f"{source.stem}.{fmt}", target)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, top, header, rows in (("household", [HOUSEHOLD_TITLE, HOUSEHOLD_META], HOUSEHOLD_HEADER, HOUSEHOLD_ROWS),
                                        ("person", [PERSON_TITLE], PERSON_HEADER, PERSON_ROWS)):
            source = Path(tmp) / f"{name}.xlsx"
            write_xlsx(source, top, header, rows)
            libreoffice(source, "xlsx", OUT / f"{name}.xlsx")
            libreoffice(source, "xls", OUT / f"{name}.xls")
            text = csv_rows(top, header, rows)
            write_csv(OUT / f"{name}_utf8.csv", text, "utf-8")
            write_csv(OUT / f"{name}_utf8_bom.csv", text, "utf-8-sig")
            write_csv(OUT / f"{name}_gbk.csv", text, "gbk")
    print(f"fixtures written to {OUT}")


if __name__ == "__main__":
    main()
