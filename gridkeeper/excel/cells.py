"""Cleaning what people type into roster cells: number cells, ID numbers saved as numbers, tag lists, synonyms."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from gridkeeper.domain.enums import CareTag, HousingUse, Relation

ID_AS_NUMBER = "以数字格式保存，末几位已丢失，请改为文本格式重新录入"
ID_MASKED = "是打码后的号码（导出时未选“完整号码”），不能导入，请填写完整号码"
PHONE_MASKED = "是打码后的号码（导出时未选“完整号码”），不能导入，请填写完整号码"
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?E\+?\d+")
_TAG_SPLIT = re.compile(r"[、，,;；/／|\s]+")
_NOTHING = {"无", "否", "/", "-", "—", "－", "——", "暂无", "空", "NULL", "NONE"}
_TOTALS = re.compile(r"^(?:合计|总计|小计|共计|总数)")

TAG_SYNONYMS = {
    "独居": "独居老人", "独居老年人": "独居老人", "孤寡老人": "独居老人", "孤寡": "独居老人",
    "高龄老人": "高龄", "80岁以上": "高龄", "八十岁以上": "高龄", "80岁以上老人": "高龄",
    "空巢老人": "空巢", "空巢家庭": "空巢",
    "残疾": "残疾人", "残疾人员": "残疾人", "残障": "残疾人", "残障人士": "残疾人", "持证残疾人": "残疾人",
    "低保户": "低保", "低保对象": "低保", "低保家庭": "低保", "低保人员": "低保",
    "特困户": "特困", "特困人员": "特困", "特困供养": "特困", "五保户": "特困", "五保": "特困",
    "困难户": "困难家庭", "困难": "困难家庭", "低收入家庭": "困难家庭",
    "退役": "退役军人", "退伍军人": "退役军人", "复员军人": "退役军人", "转业军人": "退役军人",
    "留守": "留守儿童",
    "新就业": "新就业群体", "新业态": "新就业群体", "快递员": "新就业群体", "外卖员": "新就业群体",
    "外卖骑手": "新就业群体", "网约车司机": "新就业群体",
}
HOUSING_SYNONYMS = {
    "自有": "自住", "自购": "自住", "自住房": "自住", "业主自住": "自住", "自居": "自住",
    "租住": "出租", "租赁": "出租", "出租房": "出租", "出租户": "出租", "租房": "出租",
    "闲置": "空置", "空房": "空置", "无人居住": "空置",
    "商户": "商铺", "商用": "商铺", "门市": "商铺", "门面": "商铺", "底商": "商铺", "网点": "商铺",
}
RELATION_SYNONYMS = {
    "本人": "户主", "户主本人": "户主",
    "妻": "配偶", "妻子": "配偶", "夫": "配偶", "丈夫": "配偶", "夫妻": "配偶", "爱人": "配偶",
    "子": "子女", "女": "子女", "儿子": "子女", "女儿": "子女", "长子": "子女", "次子": "子女",
    "长女": "子女", "次女": "子女", "儿媳": "子女", "女婿": "子女",
    "父亲": "父母", "母亲": "父母", "父": "父母", "母": "父母", "岳父": "父母", "岳母": "父母",
    "公公": "父母", "婆婆": "父母",
    "孙子": "孙子女", "孙女": "孙子女", "外孙": "孙子女", "外孙女": "孙子女",
    "兄": "兄弟姐妹", "弟": "兄弟姐妹", "姐": "兄弟姐妹", "妹": "兄弟姐妹", "哥哥": "兄弟姐妹",
    "弟弟": "兄弟姐妹", "姐姐": "兄弟姐妹", "妹妹": "兄弟姐妹",
    "租客": "租户", "承租人": "租户", "租住人": "租户",
}


def is_blank(value: object) -> bool:
    return value is None or value == "" or (type(value) is str and not value.strip())


def text(value: object) -> str:
    """A cell as trimmed text: number cells without a trailing .0, dates as YYYY-MM-DD."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value).strip()


def shown(value: object) -> str:
    """A cell value as the problem report shows it (numbers as Excel would show them)."""
    if isinstance(value, float) and abs(value) >= 1e15:
        return f"{value:.14E}"
    return text(value)


def is_totals_row(row: list[object]) -> bool:
    """A 合计/总计 line at the bottom of a ledger (in any of its first cells)."""
    for value in row[:4]:
        if isinstance(value, str) and value.strip():
            return bool(_TOTALS.match("".join(value.split())))
    return False


def id_number_problem(value: object) -> str | None:
    """Why this cell cannot hold a usable ID number, if the spreadsheet has already mangled it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ID_AS_NUMBER
    cleaned = unicodedata.normalize("NFKC", text(value)).replace(" ", "").upper()
    if _SCIENTIFIC.fullmatch(cleaned):
        return ID_AS_NUMBER
    if "*" in cleaned:
        return ID_MASKED
    return None


def split_tags(value: object) -> list[str]:
    """Tags in one cell, split by 、，,; and mapped to their standard labels (低保户 -> 低保)."""
    tags = []
    for part in _TAG_SPLIT.split(unicodedata.normalize("NFKC", text(value))):
        if not part or part.upper() in _NOTHING:
            continue
        label = TAG_SYNONYMS.get(part, part)
        if label not in tags:
            tags.append(label)
    return tags


def known_tag(label: str) -> bool:
    try:
        CareTag.from_text(label)
    except ValueError:
        return False
    return True


def housing_use(value: object) -> str:
    word = "".join(text(value).split())
    return "" if word.upper() in _NOTHING else HOUSING_SYNONYMS.get(word, word)


def relation(value: object) -> str:
    word = "".join(text(value).split())
    return RELATION_SYNONYMS.get(word, word)


def is_head_relation(label: str) -> bool:
    return label == Relation.HEAD.label


def people_count(value: object) -> int | None:
    """A 人数 cell as a number of people; raises ValueError if it is not a whole number 0-99."""
    word = unicodedata.normalize("NFKC", text(value)).removesuffix("人").strip()
    if not word:
        return None
    if not word.isdigit() or not 0 <= int(word) <= 99:
        raise ValueError(word)
    return int(word)


def valid_housing_labels() -> str:
    return "、".join(HousingUse.labels())
