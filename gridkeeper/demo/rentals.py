"""Demo rented housing: a tenancy for every rented flat (and some shops let out), tenants' registrations
for the migrants living in them, earlier tenancies as history, at the rates an old compound shows."""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import ric

# ID-number province codes (GB/T 2260) → where a tenant comes from.
PROVINCES = {"11": "北京市", "13": "河北省", "14": "山西省", "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
             "34": "安徽省", "37": "山东省", "41": "河南省", "42": "湖北省", "43": "湖南省", "51": "四川省",
             "52": "贵州省"}
CITIES = {"2301": "哈尔滨市", "2302": "齐齐哈尔市", "2310": "牡丹江市", "3401": "合肥市", "5203": "遵义市",
          "1101": "", "3701": "济南市", "4101": "郑州市"}
ORIGINS = ("黑龙江省绥化市", "黑龙江省齐齐哈尔市", "吉林省松原市", "河南省周口市", "山东省菏泽市", "安徽省阜阳市",
           "四川省南充市", "河北省保定市", "辽宁省铁岭市", "湖北省黄冈市")
WORKPLACES = ("美团外卖", "饿了么配送站", "顺丰速运", "京东物流", "滴滴出行", "建筑工地", "附近餐馆", "好又多超市",
              "个体经营", "家政服务公司", "电子厂", "市第一人民医院", "物业公司", "汽车维修店", "理发店")
REASONS = ("租期届满退租", "租客搬离", "房东收回自住", "租客换租")


def _from_place(rng: random.Random, id_number: str) -> str:
    if id_number[:2] in PROVINCES:
        return PROVINCES[id_number[:2]] + CITIES.get(id_number[:4], "")
    return rng.choice(ORIGINS)


def _landlord(rng: random.Random, demo, owners: list[dict]) -> dict:
    """A third of landlords live in the community (an owner elsewhere); the rest live outside."""
    if owners and rng.random() < 0.33:
        owner = rng.choice(owners)
        return dict(landlord_resident_id=owner["id"], landlord_name=owner["name"], landlord_phone=owner["phone"],
                    landlord_id_number=owner["id_number"])
    birth = demo.today - timedelta(days=rng.randint(35 * 365, 75 * 365))
    surname = rng.choice(("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"))
    given = "".join(rng.choice("建国秀兰志强丽娟文明海燕玉梅春华") for _ in range(rng.choice((1, 2))))
    number = _id_number(rng, demo, birth)
    return dict(landlord_resident_id=None, landlord_name=surname + given, landlord_phone=_mobile(rng),
                landlord_id_number=number)


def _mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99999999):08d}"


def _id_number(rng: random.Random, demo, birth: date) -> str:
    while True:
        first17 = f"230103{birth:%Y%m%d}{rng.randint(0, 999):03d}"
        number = first17 + ric.calc_check_digit(first17 + "0")
        if number not in demo.issued:
            demo.issued.add(number)
            return number


def _lease(rng: random.Random, today: date) -> tuple[date, date]:
    """A one-year lease (sometimes half a year or two) begun at some time in its term, so its end falls from
    a week ago to a term ahead: about one in ten one-year leases ends within 30 days; a few (2 %) ran out
    weeks ago and were never closed."""
    days = rng.choices((6, 12, 24), (15, 70, 15))[0] * 30
    start = today - timedelta(days=rng.randint(1, days + 7) if rng.random() < 0.98 else days + rng.randint(8, 45))
    return start, start + timedelta(days=days)


def _permit(rng: random.Random, arrived: date, id_number: str, today: date) -> tuple[str, date | None]:
    """Most tenants here over a month hold a permit (the ID number since 2016, or an older local one),
    renewed yearly, so expiries spread over the coming year; a few have lapsed."""
    if (today - arrived).days <= 30 and rng.random() < 0.7:
        return "", None
    if rng.random() < 0.05:
        return "", None
    number = id_number or f"JZ2301{rng.randint(0, 99999999):08d}"
    if (today - arrived).days > 60 and rng.random() < 0.03:
        return number, today - timedelta(days=rng.randint(1, 40))
    return number, today + timedelta(days=rng.randint(0, 365))


def add_rentals(demo, rng: random.Random) -> None:
    """Tenancies and tenants for the rented flats already generated (a separate random stream, so the
    rest of the demo is the same as it was before this register existed)."""
    today = demo.today
    by_household: dict[int, list[dict]] = {}
    for resident in demo.rows.get("resident", []):
        by_household.setdefault(resident["household_id"], []).append(resident)
    owners = [r for h in demo.rows["household"] if h["housing_use"] == "owner"
              for r in by_household.get(h["id"], []) if r["is_head"] and r["phone"]]
    for household in demo.rows["household"]:
        let_out = household["housing_use"] == "rented" or (household["housing_use"] == "shop" and rng.random() < 0.4)
        if not let_out:
            continue
        people = [r for r in by_household.get(household["id"], []) if r["residence_status"] in ("migrant", "resident")]
        if rng.random() < 0.3:
            _earlier_tenancy(demo, rng, household)
        start, end = _lease(rng, today)
        group = household["housing_use"] == "rented" and rng.random() < 0.025
        if group:  # a few flats hold far more people than rooms (群租)
            rooms = rng.choice((1, 1, 2))
            declared = rng.randint(rooms * 2 + 2, rooms * 2 + 6)
        else:
            declared = max(len(people), rng.choice((1, 2, 2, 3)))
            rooms = max(rng.choice((1, 2, 2, 3, 3, 4)), -(-declared // 2))
        signed = rng.random() < 0.85
        tenancy_id = demo.add("tenancy", dict(
            household_id=household["id"], **_landlord(rng, demo, owners), lease_start=start, lease_end=end,
            rent_use="business" if household["housing_use"] == "shop" else rng.choices(
                ("dwelling", "mixed"), (95, 5))[0], rooms=rooms, tenant_count=declared, letter_signed=signed,
            letter_signed_on=min(today, start + timedelta(days=rng.randint(0, 10))) if signed else None,
            notes="疑似群租，已告知房东整改" if group and rng.random() < 0.5 else "", ended_on=None, end_reason="",
            version=1))
        for resident in people:
            arrived = min(today, start + timedelta(days=rng.randint(0, 20)))
            number, expires = _permit(rng, arrived, resident["id_number"], today)
            demo.add("tenant", dict(
                household_id=household["id"], tenancy_id=tenancy_id, resident_id=resident["id"], name=resident["name"],
                gender=resident["gender"], id_number=resident["id_number"], phone=resident["phone"], arrived_on=arrived,
                from_place=_from_place(rng, resident["id_number"]), workplace=rng.choice(WORKPLACES),
                permit_number=number, permit_expires=expires, moved_out_on=None, version=1))


def _earlier_tenancy(demo, rng: random.Random, household: dict) -> None:
    """A lease that ended before the present one, with the tenants who moved out (kept for the ledgers)."""
    today = demo.today
    ended = today - timedelta(days=rng.randint(380, 700))
    start = ended - timedelta(days=rng.choice((180, 365, 365, 730)))
    tenancy_id = demo.add("tenancy", dict(
        household_id=household["id"], **_landlord(rng, demo, []), lease_start=start, lease_end=ended,
        rent_use="dwelling", rooms=rng.choice((1, 2, 3)), tenant_count=rng.randint(1, 3), letter_signed=True,
        letter_signed_on=start, notes="", ended_on=ended, end_reason=rng.choice(REASONS), version=1))
    for _ in range(rng.randint(1, 2)):
        birth = today - timedelta(days=rng.randint(20 * 365, 50 * 365))
        number = _id_number(rng, demo, birth)
        demo.add("tenant", dict(
            household_id=household["id"], tenancy_id=tenancy_id, resident_id=None,
            name=rng.choice(("孙", "马", "朱", "胡", "郭", "何", "高", "林")) + rng.choice(("伟", "芳", "强", "磊", "静", "洋")),
            gender="male" if int(number[16]) % 2 else "female", id_number=number, phone=_mobile(rng),
            arrived_on=start, from_place=rng.choice(ORIGINS), workplace=rng.choice(WORKPLACES),
            permit_number=number, permit_expires=start + timedelta(days=400), moved_out_on=ended, version=1))


TABLES = ("tenancy", "tenant")  # written after residents, in this order
