"""Finding the header row and mapping its column names (户主姓名/姓名/户主 …) to roster fields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gridkeeper.excel.problems import WARNING, Problem

HEADER_SEARCH_ROWS = 15

# field -> (label shown to the user, accepted column names). The first name is what export writes.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "compound": ("小区", ("小区", "小区名称", "所在小区", "小区名")),
    "building": ("楼栋", ("楼栋", "楼号", "楼栋号", "栋号", "楼", "幢号")),
    "unit": ("单元", ("单元", "单元号")),
    "room": ("房号", ("房号", "门牌号", "室", "房间号", "户号", "室号")),
    # The whole address in one cell (幸福家园7号楼2单元301室); the separate columns above win where filled.
    "address": ("地址", ("地址", "住址", "家庭住址", "居住地址", "门牌地址", "详细地址", "房屋地址")),
    "name": ("姓名", ("姓名", "居民姓名", "人员姓名", "承租人", "承租人姓名", "租客", "租客姓名", "租户姓名",
                      "流动人口姓名")),
    "head_name": ("户主姓名", ("户主姓名", "户主")),
    "relation": ("与户主关系", ("与户主关系", "与户主的关系", "家庭关系", "关系")),
    "gender": ("性别", ("性别",)),
    "id_number": ("身份证号", ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证", "证件号")),
    "phone": ("联系电话", ("联系电话", "手机号", "电话", "手机", "手机号码", "联系方式", "电话号码")),
    "housing_use": ("房屋性质", ("房屋性质", "居住类型", "房屋用途", "房屋类型", "住房性质")),
    "household_phone": ("户联系电话", ("户联系电话", "家庭电话", "住宅电话", "座机")),
    "household_notes": ("户备注", ("户备注", "住户备注")),
    "people_count": ("人数", ("人数", "家庭人数", "家庭人口", "户内人数", "人口数", "同住人数")),
    "political_status": ("政治面貌", ("政治面貌",)),
    "residence_status": ("居住状态", ("居住状态", "人户状态", "户籍状态")),
    "tags": ("特殊人群", ("特殊人群", "人员类别", "标签", "关爱标签", "重点人群", "人群类别")),
    "notes": ("备注", ("备注", "备注信息", "说明")),
}
# A landlord's or property company's tenant list (出租房屋 / 流动人口): one row per tenant, the flat's lease
# repeated or given once; read by excel/tenant_rows.py into a tenancy and a tenant registration.
TENANCY_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "landlord_name": ("房东", ("房东", "房东姓名", "出租人", "出租人姓名", "产权人")),
    "landlord_phone": ("房东电话", ("房东电话", "房东联系电话", "房东手机", "出租人电话", "出租人联系电话")),
    "landlord_id_number": ("房东身份证号", ("房东身份证号", "房东身份证号码", "出租人身份证号", "出租人身份证号码")),
    "lease": ("租期", ("租期", "租赁期限", "租赁期", "租住期限")),
    "lease_start": ("起租日期", ("起租日期", "起租日", "起租时间", "租赁开始日期", "租赁起始日期")),
    "lease_end": ("到期日期", ("到期日期", "到期日", "到期时间", "租赁到期日期", "租赁截止日期", "租约到期")),
    "rent_use": ("出租用途", ("出租用途", "租赁用途", "房屋出租用途")),
    "rooms": ("出租间数", ("出租间数", "出租房间数", "间数")),
    "tenant_count": ("承租人数", ("承租人数", "租住人数", "租客人数")),
    "letter_signed": ("治安消防责任书", ("治安消防责任书", "责任书", "是否签订责任书", "责任书签订日期", "签订责任书")),
}
TENANT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "arrived_on": ("来本地日期", ("来本地日期", "来本地时间", "入住日期", "入住时间", "来此居住日期")),
    "from_place": ("户籍地", ("户籍地", "户籍所在地", "户籍地址", "来自", "来源地", "籍贯")),
    "workplace": ("工作单位", ("工作单位", "服务处所", "务工单位", "就业单位")),
    "permit_number": ("居住证号", ("居住证号", "居住证号码", "居住证编号")),
    "permit_expires": ("居住证有效期至", ("居住证有效期至", "居住证有效期", "居住证到期日期", "有效期至")),
}
FIELDS |= TENANCY_FIELDS | TENANT_FIELDS
TENANT_LIST_KEYS = frozenset(TENANCY_FIELDS) | frozenset(TENANT_FIELDS)
# Columns every roster has; without them rows cannot be placed (unless one 地址 column holds them all).
REQUIRED = ("building", "unit", "room")
PLACE = ("compound", *REQUIRED)
# Columns that are expected and deliberately not imported (no report).
SILENT = {"序号", "编号", "NO", "NO.", "年龄", "出生日期", "出生年月", "民族"}

_SYNONYMS = {name: key for key, (_label, names) in FIELDS.items() for name in names}
_DECORATION = re.compile(r"[*＊:：]|[（(](?:必填|选填|必录|可选|[^）)]{0,12}格式[^）)]*)[）)]")


def field_label(key: str) -> str:
    return FIELDS[key][0]


def normalize_header(value: object) -> str:
    """A column name without spaces, full-width forms, asterisks or (必填)-style notes."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    text = "".join(text.split())
    return _DECORATION.sub("", text).upper()


def field_for(name: object) -> str | None:
    return _SYNONYMS.get(normalize_header(name))


@dataclass
class Header:
    """The header row found in a sheet and what each column holds."""

    index: int                              # 0-based index into Sheet.rows
    names: list[str]                        # the column names as written
    mapping: dict[int, str]                 # column index -> field key
    problems: list[Problem] = field(default_factory=list)

    @property
    def row(self) -> int:
        """The header's row number as Excel shows it."""
        return self.index + 1

    def column_of(self, key: str) -> int | None:
        return next((c for c, k in self.mapping.items() if k == key), None)

    def has(self, key: str) -> bool:
        return key in self.mapping.values()

    @property
    def per_person(self) -> bool:
        """One row per person (a 与户主关系 column, or a tenant list) rather than one row per household."""
        return self.has("relation") or self.is_tenant_list

    @property
    def is_tenant_list(self) -> bool:
        """A landlord's or property company's list of tenants (房东, 租期, 居住证号 … columns)."""
        return any(key in TENANT_LIST_KEYS for key in self.mapping.values())

    def person_name_column(self) -> int | None:
        """Where people's names are: 姓名 in a per-person sheet, else 户主姓名 (or 姓名)."""
        order = ("name", "head_name") if self.per_person else ("head_name", "name")
        return next((c for key in order if (c := self.column_of(key)) is not None), None)


def detect_header(rows: list[list[object]]) -> Header | None:
    """The row within the first HEADER_SEARCH_ROWS that names the most known columns (at least 3)."""
    best, best_score = None, 2
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {field_for(v) for v in row} - {None}
        if len(keys) > best_score:
            best, best_score = index, len(keys)
    return None if best is None else build_header(rows, best)


def build_header(rows: list[list[object]], index: int, mapping: dict[int, str] | None = None) -> Header:
    """A Header for row `index`; `mapping` overrides the detected one (the wizard's corrections)."""
    names = ["" if v is None else str(v).strip() for v in rows[index]]
    if mapping is None:
        mapping = {}
        for column, name in enumerate(names):
            key = field_for(name)
            if key and key not in mapping.values():
                mapping[column] = key
    header = Header(index, names, dict(mapping))
    header.problems = _column_problems(header)
    return header


def _column_problems(header: Header) -> list[Problem]:
    problems = []
    for column, name in enumerate(header.names):
        if column in header.mapping or not name or normalize_header(name) in SILENT:
            continue
        again = field_for(name)
        reason = (f"与前面的“{field_label(again)}”列重复，此列未导入" if again
                  else "不是可识别的列名，此列未导入（如需导入，请在导入向导中指定对应字段）")
        problems.append(Problem(header.row, name, "", reason, WARNING))
    for key in REQUIRED:
        if not header.has(key) and not header.has("address"):
            problems.append(Problem(header.row, field_label(key), "", "缺少此列，无法确定住户地址"))
    if header.person_name_column() is None:
        problems.append(Problem(header.row, "姓名", "", "缺少姓名（或户主姓名）列"))
    return problems
