"""The closed vocabularies of the domain: codes stored in the database, Chinese labels shown to users."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label; `from_text` accepts the code or the label."""

    def __new__(cls, code: str, label: str):
        obj = str.__new__(cls, code)
        obj._value_ = code
        obj.label = label
        return obj

    @classmethod
    def from_text(cls, text: str):
        """The member whose code or Chinese label is `text` (surrounding spaces ignored)."""
        text = (text or "").strip()
        for member in cls:
            if text in (member.value, member.label):
                return member
        for member in cls:
            if text.lower() == member.value:
                return member
        raise ValueError(f"“{text}”不是有效的{cls.__doc__.split('：')[0] if cls.__doc__ else cls.__name__}")

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]


class Management(Labelled):
    """管理模式：how a compound is managed."""

    PROPERTY_COMPANY = "property_company", "物业服务企业"
    SELF_MANAGED = "self_managed", "业主自管"
    NONE = "none", "无物业"


class HousingUse(Labelled):
    """房屋用途"""

    OWNER = "owner", "自住"
    RENTED = "rented", "出租"
    VACANT = "vacant", "空置"
    SHOP = "shop", "商铺"


class Gender(Labelled):
    """性别"""

    MALE = "male", "男"
    FEMALE = "female", "女"


class ResidenceStatus(Labelled):
    """居住状态"""

    REGISTERED = "registered", "户籍"
    RESIDENT = "resident", "常住"
    MIGRANT = "migrant", "流动"


class PoliticalStatus(Labelled):
    """政治面貌"""

    PARTY_MEMBER = "party_member", "中共党员"
    PROBATIONARY = "probationary", "中共预备党员"
    LEAGUE_MEMBER = "league_member", "共青团员"
    OTHER_PARTY = "other_party", "民主党派"
    MASSES = "masses", "群众"


class Relation(Labelled):
    """与户主关系"""

    HEAD = "head", "户主"
    SPOUSE = "spouse", "配偶"
    CHILD = "child", "子女"
    PARENT = "parent", "父母"
    GRANDCHILD = "grandchild", "孙子女"
    SIBLING = "sibling", "兄弟姐妹"
    TENANT = "tenant", "租户"
    OTHER = "other", "其他"


class CareTag(Labelled):
    """关爱标签"""

    LIVING_ALONE = "living_alone", "独居老人"
    AGED_80 = "aged_80", "高龄"
    EMPTY_NEST = "empty_nest", "空巢"
    DISABLED = "disabled", "残疾人"
    MINIMUM_ALLOWANCE = "minimum_allowance", "低保"
    EXTREME_HARDSHIP = "extreme_hardship", "特困"
    HARDSHIP = "hardship", "困难家庭"
    VETERAN = "veteran", "退役军人"
    LEFT_BEHIND_CHILD = "left_behind_child", "留守儿童"
    NEW_EMPLOYMENT = "new_employment", "新就业群体"


class LeaderRole(Labelled):
    """三长角色"""

    GRID = "grid", "网格长"
    BUILDING = "building", "楼栋长"
    UNIT = "unit", "单元长"


class MemberStatus(Labelled):
    """报到状态"""

    ACTIVE = "active", "在册"
    WITHDRAWN = "withdrawn", "已退出"


class VisitorKind(Labelled):
    """走访人类别"""

    STEWARD = "steward", "网格员"
    LEADER = "leader", "三长"
    MEMBER = "member", "在职党员"


class VisitKind(Labelled):
    """走访类型"""

    ROUTINE = "routine", "日常走访"
    CARE = "care", "关爱探访"
    POLICY = "policy", "政策宣传"
    MEDIATION = "mediation", "矛盾调解"
    SAFETY = "safety", "安全检查"


class RequestCategory(Labelled):
    """诉求类别"""

    PROPERTY = "property", "物业服务"
    SANITATION = "sanitation", "环境卫生"
    PARKING = "parking", "停车管理"
    NOISE = "noise", "噪音扰民"
    PIPES = "pipes", "管道漏水"
    SAFETY = "safety", "安全隐患"
    DISPUTE = "dispute", "邻里纠纷"
    POLICY = "policy", "政策咨询"
    ERRAND = "errand", "帮办代办"
    OTHER = "other", "其他"


class RequestStatus(Labelled):
    """诉求状态"""

    RECEIVED = "received", "已受理"
    DISPATCHED = "dispatched", "已派单"
    IN_PROGRESS = "in_progress", "办理中"
    RESOLVED = "resolved", "已办结"
    RATED = "rated", "已回访"
    WITHDRAWN = "withdrawn", "已撤回"


class DispatchTarget(Labelled):
    """派单对象类别"""

    PROPERTY_COMPANY = "property_company", "物业公司"
    COMMUNITY = "community", "社区"
    DEPARTMENT = "department", "职能部门"
    VOLUNTEER = "volunteer", "志愿者"


class Rating(Labelled):
    """满意度"""

    SATISFIED = "satisfied", "满意"
    FAIRLY_SATISFIED = "fairly_satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class MemberPost(Labelled):
    """认领岗位"""

    POLICY_PUBLICIST = "policy_publicist", "政策法规宣传员"
    OPINION_COLLECTOR = "opinion_collector", "社情民意收集员"
    HARDSHIP_SERVER = "hardship_server", "困难群众服务员"
    SAFETY_INFORMANT = "safety_informant", "群防群治信息员"
    CIVILITY_OBSERVER = "civility_observer", "文明创建观察员"


def label_of(enum: type[Labelled], value) -> str:
    """The Chinese label of a stored code; empty for no value, the text itself for an unknown code."""
    if value is None or value == "":
        return ""
    try:
        return enum(value).label
    except ValueError:
        return str(value)


OPEN_REQUEST_STATUSES = (RequestStatus.RECEIVED, RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS)
