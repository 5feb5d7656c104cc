"""What a field is called on screen and on paper: errors are keyed by field name (a model's attribute, e.g.
`visited_on`) and turned into the Chinese label (走访日期) only where a person reads them — a form's field
errors, an import's problem list, a conflict's comparison. A key not listed is shown as it is. Each register
keeps its own block below; a name meaning something else in one table goes into TABLE_LABELS. A field of
one item of a list (the 2nd hazard found, the 2nd resident of a household) is keyed "hazards.2.level"
(item_field; N counted from 1 as the user counts) and reads 第2条隐患：隐患等级 (ITEM_LABELS); a form finds the
item (its table's row N-1) and the field's widget or column by split_item_field."""

from __future__ import annotations

# geography, households and residents (forms, the roster import)
_PEOPLE = {
    "unit_id": "单元",
    "room": "房号",
    "housing_use": "房屋用途",
    "phone": "联系电话",
    "notes": "备注",
    "name": "姓名",
    "gender": "性别",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "relation": "与户主关系",
    "political_status": "政治面貌",
    "residence_status": "居住状态",
    "is_head": "户主",
    "tags": "关爱标签",
    "address": "地址",
    "household_id": "住户",
    "grid_id": "网格",
    "grids": "网格",
    "compound_id": "小区",
    "building": "楼栋",
    "unit": "单元",
    "units": "单元数",
    "floors": "层数",
    "rooms_per_floor": "每层户数",
    "code": "网格编码",
    "steward_name": "网格员",
    "steward_phone": "网格员电话",
    "subdistrict": "街道",
    "district": "区",
    "hotline": "服务热线",
    "supervision_phone": "监督电话",
    "management": "管理模式",
    "property_company": "物业服务企业",
}

# the three leaders and in-service Party members
_LEADERS_MEMBERS = {
    "person_name": "姓名",
    "person_phone": "联系电话",
    "is_party_member": "党员",
    "term_start": "任期开始",
    "term_end": "任期结束",
    "ended_on": "卸任日期",
    "pledge": "承诺",
    "term": "任期",
    "post": "认领岗位",
    "employer": "工作单位",
    "job_title": "职务",
    "party_org": "所在党组织",
    "registered_on": "报到日期",
    "withdrawn_on": "退出日期",
    "member_ids": "参加党员",
    "hours": "服务时长",
    "points": "积分",
}

# door-to-door visits
_VISITS = {
    "visited_on": "走访日期",
    "visitor_name": "走访人",
    "visit_kind": "走访类型",
}

# residents' requests
_REQUESTS = {
    "status": "状态",
    "raised_on": "提出日期",
    "dispatched_to": "派单对象",
    "dispatch_target": "派单对象类别",
    "feedback": "办理反馈",
    "rating": "满意度",
    "withdrawn_reason": "撤回原因",
    "description": "内容",
    "deadline": "期限",
}

# disputes and mediation
_DISPUTES = {
    "subject": "纠纷事由",
    "details": "详细情况",
    "kind": "类别",
    "risk": "风险等级",
    "source": "发现途径",
    "found_on": "发现日期",
    "found_by": "发现人",
    "parties": "当事人",
    "mediators": "调解人",
    "outcome": "调解结果",
    "outcome_on": "结果日期",
    "referred_to": "转交单位",
    "outcome_note": "结果说明",
    "follow_up_due": "回访期限",
    "followed_up_on": "回访日期",
    "follow_up_held": "回访时是否稳定",
    "follow_up_note": "回访情况",
    "closed_on": "办结日期",
    "closing_reason": "结案原因",
    "reopen_reason": "重新调解原因",
    "follow_up_days": "回访间隔天数",
    "stale_days": "纠纷提醒天数",
}

# safety places, inspections and hazards
_HAZARDS = {
    "item": "检查项目",
    "level": "隐患等级",
    "responsible_person": "责任人",
    "responsible_phone": "责任人电话",
    "requirement": "整改要求",
    "notified_on": "通知日期",
    "rectified_on": "整改日期",
    "rectification": "整改情况",
    "reinspected_by": "复查人",
    "escalated_on": "上报日期",
    "escalated_to": "上报单位",
    "escalation_reason": "上报原因",
    "contact": "联系人",
    "person_in_charge": "负责人",
    "last_inspected_on": "上次检查日期",
    "hazard_content": "隐患内容",  # the checklist item or a description: one of them is needed
    "inspected_on": "检查日期",
    "inspectors": "检查人",
    "inspection_target": "检查对象",  # a place or a building
    "step_on": "日期",  # the day a hazard's step was taken
}

# rented housing and migrants
_RENTALS = {
    "landlord_name": "房东姓名",
    "landlord_phone": "房东电话",
    "landlord_id_number": "房东身份证号",
    "rent_use": "出租用途",
    "rooms": "出租间数",
    "tenant_count": "承租人数",
    "lease_start": "起租日期",
    "lease_end": "到期日期",
    "letter_signed": "已签治安责任书",
    "letter_signed_on": "责任书签订日期",
    "end_reason": "结束原因",
    "arrived_on": "来本地日期",
    "from_place": "户籍地（来自）",
    "workplace": "工作单位",
    "permit_number": "居住证号",
    "permit_expires": "居住证有效期至",
    "moved_out_on": "搬离日期",
    "notice_days": "提前提醒天数",  # the register's rules (settings)
    "arrival_grace_days": "来本地多少天后应办居住证",
    "group_rental": "群租认定",
    "persons_per_room": "每间居住人数上限",
    "persons_per_flat": "每套居住人数上限",
}

# accounts and settings
_ACCOUNTS_SETTINGS = {
    "password": "密码",
    "password_again": "再次输入密码",
    "role": "角色",
    "lock_minutes": "自动锁屏",
    "on_time_below": "按期办结率下限",
    "satisfaction_below": "满意度下限",
    "min_requests": "参评最少诉求数",
    "red_count": "红榜家数",
}

FIELD_LABELS = {**_PEOPLE, **_LEADERS_MEMBERS, **_VISITS, **_REQUESTS, **_DISPUTES, **_HAZARDS, **_RENTALS,
                **_ACCOUNTS_SETTINGS}
TABLE_LABELS = {"tenancy": {"ended_on": "结束日期"},  # same name, other meaning
                "safety_place": {"name": "场所名称", "kind": "场所类别", "phone": "联系电话", "grid_id": "所属网格",
                                 "building_id": "所在楼栋"},
                "safety_hazard": {"deadline": "整改期限"},
                "resident_request": {"description": "诉求内容", "deadline": "办结期限", "category": "诉求类别"},
                "member": {"phone": "联系电话"},
                "serviceactivity": {"title": "活动内容", "held_on": "活动日期"},
                "household": {"phone": "户联系电话"},
                "community": {"name": "社区名称"},
                "grid": {"name": "网格名称"},
                "compound": {"name": "小区名称"},
                "dispute": {"kind": "纠纷类型", "grid_id": "所属网格", "closed_on": "结案日期"},
                "dispute_party": {"phone": "电话", "id_number": "身份证号"},
                "mediation_session": {"held_on": "调解日期"},
                "account": {"name": "账号"}}
# Items of a list keyed "list.N.field" (see item_field): how the Nth item's field reads.
ITEM_LABELS = {"hazards": "第{n}条隐患：{label}",
               "residents": "第{n}位居民的{label}",
               "grids": "第{n}个网格的{label}",
               "parties": "当事人{n}{label}"}


def item_field(items: str, number: int, field: str = "") -> str:
    """The key of `field` of the `number`th item of a list (the 2nd hazard of an inspection): "hazards.2.level",
    read as 第2条隐患：隐患等级 (ITEM_LABELS). The field stays a name and the position travels in the key, so a
    form can place the error under that item's widget and an importer can find the item's row. Without a
    field the key is the item itself ("parties.1", read 当事人1: who the first party is)."""
    return f"{items}.{number}.{field}" if field else f"{items}.{number}"


def split_item_field(key: str) -> tuple[str, int, str] | None:
    """(items, number, field) of an item's key ("residents.2.name" → ("residents", 2, "name")); None for a
    plain field name."""
    items, _, rest = key.partition(".")
    number, _, name = rest.partition(".")
    if items in ITEM_LABELS and number.isdigit() and name:
        return items, int(number), name
    return None


def field_label(field: str, table: str = "") -> str:
    """The label of `field` (of `table`, where the name means something else there); an item's key
    ("hazards.2.level", see item_field) reads as that item's field."""
    if item := split_item_field(field):
        items, number, name = item
        return ITEM_LABELS[items].format(n=number, label=field_label(name, table))
    items, _, number = field.partition(".")
    if items in ITEM_LABELS and number.isdigit():  # the item itself ("parties.1": 当事人1)
        return ITEM_LABELS[items].format(n=number, label="")
    return TABLE_LABELS.get(table, {}).get(field) or FIELD_LABELS.get(field, field)
