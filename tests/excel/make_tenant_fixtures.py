"""Builds the tenant-list fixtures in tests/fixtures/import/: run `python tests/excel/make_tenant_fixtures.py`.

A property company's 出租房屋租客登记表 as stewards receive it: a title row, one row per tenant, the
flat's landlord and lease repeated on each tenant's row, dates typed several ways, and the mistakes
the importer must report by row and column. The same rows as a GBK CSV (what WPS saves by default).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl

from tests.excel.make_fixtures import FENG, id_number

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "import"
LIU = id_number("41010219900101123")            # 刘小军, male
CHEN = id_number("41010219920202124")           # 陈芳, female
TITLE = ["南方物业公司 出租房屋租客登记表（2026年11月）"]
HEADER = ["序号", "小区", "楼栋", "单元", "房号", "房东", "房东电话", "承租人", "性别", "身份证号", "联系电话", "户籍地",
          "工作单位", "租期", "居住证号", "居住证有效期至", "治安消防责任书"]
ROWS = [
    [1, "幸福家园", "7号楼", "2单元", 302, "王建华", 13812345678, "刘小军", "男", LIU, "13900001111", "河南省郑州市",
     "美团外卖", "2026-03-01至2027-02-28", LIU, dt.date(2027, 3, 1), "是"],
    [2, "幸福家园", "7号楼", "2单元", 302, "王建华", 13812345678, "陈芳", "女", CHEN, "13900002222", "河南省郑州市",
     "顺丰速运", "2026-03-01至2027-02-28", "", "", "是"],
    [3, "幸福家园", "7号楼", "2单元", 401, "赵敏", 1381234, "孙丽", "女", "", "", "安徽省阜阳市", "饭店",
     "2026/5/1-2026/4/1", "", "", "否"],
    [4, "幸福家园", "7号楼", "2单元", 402, "钱进", 13700001111, "周杰", "男", "", "", "四川省南充市", "建筑工地",
     "2026年13月1日至2027年1月1日", "JZ-1!", "2027-01-01", "已签"],
    [5, "幸福家园", "7号楼", "2单元", 403, "钱进", 13700001111, "吴芳", "女", "", "", "四川省南充市", "建筑工地",
     "2026.6.1-2027.5.31", "JZ20260001", "", "已签"],
    [],
    [6, "阳光小区", "3号楼", "1单元", 101, "郑强", 13600001111, "冯小刚", "男", FENG, "", "黑龙江省哈尔滨市", "个体经营",
     "2026-01-01至2026-12-31", "", "", "2026年1月5日"],
]


def main() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "租客登记"
    for row in (TITLE, HEADER, *ROWS):
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=3):
        cells[9].number_format = "@"  # ID numbers as text, as a careful clerk types them
    book.save(OUT / "tenants.xlsx")
    with open(OUT / "tenants_gbk.csv", "w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        for row in (TITLE, HEADER, *ROWS):
            writer.writerow(["" if v is None else (v.isoformat() if isinstance(v, dt.date) else v) for v in row])


if __name__ == "__main__":
    main()
