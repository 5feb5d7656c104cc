"""Safety inspection vocabulary (安全隐患排查整改): the places a steward inspects, hazard levels and
statuses, the usual checklist for each kind of place, and the legal basis printed on a notice."""

from __future__ import annotations

from gridkeeper.domain.enums import Labelled


class PlaceKind(Labelled):
    """场所类别：九小场所 and the shared spaces of residential buildings."""

    SHOP = "shop", "小商店"
    RESTAURANT = "restaurant", "小餐饮"
    HOTEL = "hotel", "小旅馆"
    INTERNET_CAFE = "internet_cafe", "小网吧"
    BEAUTY = "beauty", "小美容美发/洗浴"
    ENTERTAINMENT = "entertainment", "小歌舞娱乐"
    SCHOOL = "school", "小学校/幼儿园"
    CLINIC = "clinic", "小医院/诊所"
    WORKSHOP = "workshop", "小生产加工作坊"
    STAIRWELL = "stairwell", "楼道"
    BASEMENT = "basement", "地下室/车库"
    BIKE_SHED = "bike_shed", "电动车棚"


NINE_SMALL = tuple(PlaceKind)[:9]
COMMON_AREAS = (PlaceKind.STAIRWELL, PlaceKind.BASEMENT, PlaceKind.BIKE_SHED)


class HazardLevel(Labelled):
    """隐患等级"""

    GENERAL = "general", "一般"
    SERIOUS = "serious", "较大"
    MAJOR = "major", "重大"


class HazardStatus(Labelled):
    """隐患状态"""

    FOUND = "found", "已发现"
    NOTIFIED = "notified", "已通知整改"
    RECTIFIED = "rectified", "已整改待复查"
    CLOSED = "closed", "复查销号"
    ESCALATED = "escalated", "已上报"


# Waiting for the place to act: these run against the rectification deadline (overdue when past it).
AWAITING_RECTIFICATION = (HazardStatus.FOUND, HazardStatus.NOTIFIED)
OPEN_HAZARD_STATUSES = (HazardStatus.FOUND, HazardStatus.NOTIFIED, HazardStatus.RECTIFIED, HazardStatus.ESCALATED)

# Days allowed to rectify, by level (a default the steward can change on each hazard).
DEFAULT_DEADLINE_DAYS = {HazardLevel.GENERAL: 7, HazardLevel.SERIOUS: 15, HazardLevel.MAJOR: 30}

FIRE_EXIT = "消防通道堵塞"
CLUTTER = "楼道堆物"
E_BIKE = "电动车入户/飞线充电"
EXTINGUISHER = "灭火器缺失或过期"
GAS = "燃气泄漏隐患"
WIRING = "电线私拉乱接"
LIVING_IN = "违规住人/三合一场所"
EXIT_SIGNS = "应急照明/疏散指示损坏"
OPEN_FLAME = "违规使用明火"
FLAMMABLES = "易燃易爆物品存放"
BARS = "防盗窗封堵逃生出口"
DRILLS = "未开展消防培训演练"

_BUSINESS = [FIRE_EXIT, EXTINGUISHER, WIRING, LIVING_IN, EXIT_SIGNS, E_BIKE]
DEFAULT_CHECKLISTS: dict[PlaceKind, list[str]] = {
    PlaceKind.SHOP: [*_BUSINESS, FLAMMABLES],
    PlaceKind.RESTAURANT: [*_BUSINESS, GAS, OPEN_FLAME],
    PlaceKind.HOTEL: [*_BUSINESS, BARS, DRILLS],
    PlaceKind.INTERNET_CAFE: [*_BUSINESS, BARS, DRILLS],
    PlaceKind.BEAUTY: [*_BUSINESS, GAS],
    PlaceKind.ENTERTAINMENT: [*_BUSINESS, BARS, DRILLS, OPEN_FLAME],
    PlaceKind.SCHOOL: [*_BUSINESS, GAS, DRILLS],
    PlaceKind.CLINIC: [*_BUSINESS, FLAMMABLES, DRILLS],
    PlaceKind.WORKSHOP: [*_BUSINESS, FLAMMABLES, OPEN_FLAME, GAS],
    PlaceKind.STAIRWELL: [CLUTTER, FIRE_EXIT, E_BIKE, WIRING, EXIT_SIGNS, EXTINGUISHER],
    PlaceKind.BASEMENT: [LIVING_IN, CLUTTER, FIRE_EXIT, WIRING, FLAMMABLES, EXIT_SIGNS],
    PlaceKind.BIKE_SHED: [E_BIKE, WIRING, EXTINGUISHER, CLUTTER],
}
# A building inspected as a whole (no place registered): its shared spaces' items.
BUILDING_CHECKLIST = [CLUTTER, FIRE_EXIT, E_BIKE, WIRING, EXTINGUISHER, GAS, EXIT_SIGNS]

_FIRE_LAW = "《中华人民共和国消防法》"
LEGAL_BASIS: dict[str, str] = {
    FIRE_EXIT: f"{_FIRE_LAW}第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。",
    CLUTTER: f"{_FIRE_LAW}第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口。",
    E_BIKE: "《高层民用建筑消防安全管理规定》第三十七条：禁止在公共门厅、疏散走道、楼梯间、安全出口停放电动自行车"
            "或者为电动自行车充电。",
    EXTINGUISHER: f"{_FIRE_LAW}第十六条：按照国家标准、行业标准配置消防设施、器材，并定期组织检验、维修。",
    GAS: "《城镇燃气管理条例》：燃气用户应当遵守安全用气规则，使用合格的燃气燃烧器具和气瓶，及时更换国家明令淘汰"
         "或者使用年限已届满的燃气燃烧器具、连接管等。",
    WIRING: f"{_FIRE_LAW}第二十七条：电器产品的安装、使用及其线路的设计、敷设、维护保养、检测，必须符合消防技术标准"
            "和管理规定。",
    LIVING_IN: f"{_FIRE_LAW}第十九条：生产、储存、经营其他物品的场所与居住场所设置在同一建筑物内的，应当符合国家工程"
               "建设消防技术标准。",
    BARS: f"{_FIRE_LAW}第二十八条：人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物。",
}
GENERAL_BASIS = f"{_FIRE_LAW}《中华人民共和国安全生产法》及有关消防安全管理规定。"

# What a notice asks for, by item (the steward may write their own).
REQUIREMENTS: dict[str, str] = {
    FIRE_EXIT: "立即清理占用、堵塞疏散通道和安全出口的物品，保持消防通道畅通。",
    CLUTTER: "清理楼道内堆放的杂物，保持楼道畅通，不得再次堆放。",
    E_BIKE: "电动自行车停放到集中停放点，在规定充电设施处充电，拆除飞线充电线路，不得推车入户。",
    EXTINGUISHER: "按规定配置合格灭火器并按期检验，过期灭火器及时更换。",
    GAS: "请燃气公司检测，更换老化的连接软管或燃气器具，安装可燃气体报警装置。",
    WIRING: "请持证电工拆除私拉乱接的电线，规范敷设线路，更换老化电线和插座。",
    LIVING_IN: "生产经营区域与住宿区域彻底分开，不得在经营场所内住人。",
}
GENERAL_REQUIREMENT = "按照本通知要求整改，整改完成后告知社区，由社区复查销号。"


def legal_basis(item: str) -> str:
    return LEGAL_BASIS.get((item or "").strip(), GENERAL_BASIS)


def requirement(item: str) -> str:
    return REQUIREMENTS.get((item or "").strip(), GENERAL_REQUIREMENT)


def default_checklist(kind: PlaceKind | None) -> list[str]:
    """The usual items for a kind of place (None: a whole building)."""
    return list(DEFAULT_CHECKLISTS[PlaceKind(kind)] if kind else BUILDING_CHECKLIST)
