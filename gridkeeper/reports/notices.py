"""Notice templates (通知/公示): the shipped ones in resources/notices, the user's own saved as files."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from gridkeeper.paths import data_dir, resource_path
from gridkeeper.reports.layout import atomic_write
from gridkeeper.services.errors import NotFound, ServiceError

FIELDS = ("title", "body", "time", "place", "issuer", "date")
FIELD_LABELS = {"title": "标题", "body": "正文", "time": "时间", "place": "地点", "issuer": "落款单位",
                "date": "日期"}
# What {…} in a title or body may name; filled per building when printed.
PLACEHOLDERS = ("building", "community", "grid", "leader", "leader_phone", "steward", "steward_phone",
                "time", "place", "issuer", "date")
_NAME = re.compile(r"^[A-Za-z0-9_\-\u4e00-\u9fff]{1,40}$")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


@dataclass(frozen=True)
class NoticeTemplate:
    """A notice's text; `issuer` and `date` left blank mean the community and the printing day."""

    name: str
    label: str
    title: str
    body: str
    time: str = ""
    place: str = ""
    issuer: str = ""
    date: str = ""
    user: bool = False  # saved by the user (not shipped)

    def with_fields(self, values: dict[str, str]) -> NoticeTemplate:
        """A copy with some fields changed; an unknown field name is an error naming it."""
        unknown = [k for k in values if k not in FIELDS]
        if unknown:
            raise ServiceError(f"通知没有“{unknown[0]}”这一项，可设置：{'、'.join(FIELDS)}")
        return replace(self, **values)

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if k != "user"}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def shipped_dir() -> Path:
    return resource_path("notices")


def user_dir() -> Path:
    """Where the user's own templates are saved (beside the database, not in it)."""
    return data_dir() / "notices"


def _read(path: Path, *, user: bool) -> NoticeTemplate:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        values = {k: str(data.get(k) or "") for k in FIELDS}
        name = str(data.get("name") or path.stem)
        return NoticeTemplate(name=name, label=str(data.get("label") or name), user=user, **values)
    except (OSError, ValueError, AttributeError) as exc:
        raise ServiceError(f"通知模板文件“{path.name}”无法读取：{exc}") from exc


def list_templates() -> list[NoticeTemplate]:
    """Shipped templates, then the user's; a user template replaces a shipped one of the same name."""
    found: dict[str, NoticeTemplate] = {}
    for folder, user in ((shipped_dir(), False), (user_dir(), True)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                template = _read(path, user=user)
                found[template.name] = template
    return list(found.values())


def load_template(name: str) -> NoticeTemplate:
    """A template by its name (meeting) or label (会议通知)."""
    wanted = (name or "").strip()
    for template in list_templates():
        if wanted in (template.name, template.label):
            return template
    names = "、".join(f"{t.name}（{t.label}）" for t in list_templates())
    raise NotFound(f"没有名为“{wanted}”的通知模板，可选：{names}")


def save_template(template: NoticeTemplate) -> Path:
    """Save as the user's own template (atomically); the name becomes the file name."""
    if not _NAME.match(template.name or ""):
        raise ServiceError("模板名称只能用汉字、字母、数字、下划线或短横线，最长40个字")
    if not template.title.strip() or not template.body.strip():
        raise ServiceError("通知的标题和正文不能为空")
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{template.name}.json"
    with atomic_write(path, private=False) as tmp:  # a template holds no residents' data
        tmp.write_text(template.to_json(), encoding="utf-8")
    return path


def delete_user_template(name: str) -> bool:
    """Remove the user's template of this name (shipped ones stay); True if one was removed."""
    path = user_dir() / f"{name}.json"
    if path.is_file():
        path.unlink()
        return True
    return False


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {building}, {time}, … with their values; other braces stay as typed."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)


def official_date(text: str, today: date) -> str:
    """The date as official documents write it: blank is today, 2026-11-22 becomes 2026年11月22日."""
    text = (text or "").strip()
    if not text:
        return f"{today.year}年{today.month}月{today.day}日"
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return f"{day.year}年{day.month}月{day.day}日"
