"""Pinyin for names: initials (zsf → 张三丰) with surnames read as surnames, cached per character."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# pypinyin reads these characters with their everyday pronunciation; as a surname
# (the first character of a name) they are read differently. Hand-written because
# pypinyin's surname mode works on whole strings and is ~50x slower per name.
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "尉": "yu",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
    "纪": "ji",
    "瞿": "qu",
    "阚": "kan",
    "员": "yun",
    "黑": "he",
    "隗": "wei",
    "沈": "shen",
    "石": "shi",
    "重": "chong",
    "柏": "bai",
    "燕": "yan",
    "宁": "ning",
    "冼": "xian",
    "召": "shao",
    "能": "nai",
}
COMPOUND_SURNAMES = {"万俟": ["mo", "qi"], "尉迟": ["yu", "chi"], "长孙": ["zhang", "sun"]}


@lru_cache(maxsize=20000)
def _char_pinyin(ch: str) -> str:
    reading = lazy_pinyin(ch, style=Style.NORMAL, errors="default")
    return (reading[0] if reading else ch).lower()


def name_syllables(name: str) -> list[str]:
    """The pinyin syllables of a name, the first character read as a surname."""
    name = "".join(name.split())
    if not name:
        return []
    if name[:2] in COMPOUND_SURNAMES:
        return COMPOUND_SURNAMES[name[:2]] + [_char_pinyin(ch) for ch in name[2:]]
    first = SURNAME_READINGS.get(name[0]) or _char_pinyin(name[0])
    return [first] + [_char_pinyin(ch) for ch in name[1:]]


def name_initials(name: str) -> str:
    """Initials for search: 张三丰 → zsf, 单雄信 → sxx; Latin letters and digits kept as typed."""
    return "".join(syllable[0] for syllable in name_syllables(name) if syllable).lower()


def name_pinyin(name: str) -> str:
    """Full pinyin without spaces, for typing a whole syllable: 王建华 → wangjianhua."""
    return "".join(name_syllables(name)).lower()


def given_name(name: str) -> str:
    """The name without its surname (三丰 of 张三丰), indexed so typing a given name is a prefix search."""
    name = "".join(name.split())
    return name[2:] if name[:2] in COMPOUND_SURNAMES else name[1:]
