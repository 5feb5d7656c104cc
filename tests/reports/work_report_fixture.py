"""A small community whose monthly report was worked out by hand (today 2026-11-20, month 2026-11).

Grids: FK-01 (幸福家园1号楼1单元: h1–h4), FK-02 (阳光花园1号楼1单元: h5, h6). Six households.
Care: h1 独居老人 (every 7 days), h5 残疾人 (30 days), h6 高龄 (14 days).

Visits — October: h1 10-02, h3 10-15, h4 10-20, h5 10-12, h6 10-21, h6 10-25 (6 visits, 5 households,
83.3 %); November: h1 11-03, h1 11-15, h2 11-05, h3 11-06 (4 visits, 3 households, 50.0 %; FK-01 75 %,
FK-02 0 %).
Care overdue — on 10-31: h1 (due 10-09, 22 days) → 1 of 3, 66.7 % on cadence; on 11-20: h6 (due 11-08,
12 days) and h5 (due 11-11, 9 days) → 2 of 3, 33.3 %.
Requests — November: r1 h2 property, 11-02, resolved 11-05 满意 (on time, 3 days); r2 h3 property, 11-03,
resolved 11-12 不满意 (late, 9 days); r3 h5 pipes, 11-04, still received (deadline 11-11: overdue); r4 h6
noise, 11-15, received (deadline 11-22: not due); r5 h1 parking, withdrawn. Received 4, resolved 2, on time
1 of 3 judged = 33.3 %, 6.0 days, satisfaction 1 of 2 = 50.0 %.
October: r6 h4 property, 10-10, resolved 10-12 基本满意 (on time, 2 days); r7 h1 noise, 10-20, resolved
11-02 满意 (late, 13 days). Received 2, resolved 2, on time 50.0 %, 7.5 days, satisfaction 100.0 %.
Overdue on 11-20: r3 → 1; on 10-31: r7 (not resolved until 11-02) → 1.
Member service — FK-01 member 王明: 10-05 3 h, 11-08 2.5 h; FK-02 member 赵丽: 11-09 1.5 h, 11-10 1 h.
November: 3 services, 2 members, 5.0 h; October: 1 service, 1 member, 3.0 h.
Leader posts: 2 grids + 2 buildings + 2 units = 6; one building leader in post → 5 vacant.
"""

from __future__ import annotations

from datetime import date, timedelta

from gridkeeper.services import geography as geo
from gridkeeper.storage.models import (Household, LeaderAssignment, Member, Resident, ResidentRequest, ResidentTag,
                                       ServiceRecord, Visit)

TODAY = date(2026, 11, 20)
NOTES = "完成幸福家园1号楼加装电梯意见征集。\n组织在职党员清理楼道杂物<堆放>，共清理 12 处。"


def _d(month: int, day: int) -> date:
    return date(2026, month, day)


def build(session, *, extra_grids: int = 0) -> dict:
    """The community above (plus `extra_grids` empty-of-work grids with one household each); returns ids."""
    geo.ensure_community(session, name="福康社区居民委员会", subdistrict="新华街道", hotline="0451-86123456")
    homes: list[int] = []
    grids = {}
    for code, name, compound_name, count in (("FK-01", "第一网格", "幸福家园", 4), ("FK-02", "第二网格", "阳光花园", 2),
                                             *[(f"FK-{9 + i:02d}", f"第{9 + i}网格", f"新区{i}", 1)
                                               for i in range(extra_grids)]):
        grid = geo.create_grid(session, code=code, name=name, steward_name="张伟", steward_phone="13904510001")
        compound = geo.create_compound(session, name=compound_name, property_company="南方物业公司")
        building = geo.create_building(session, grid_id=grid.id, compound_id=compound.id, label="1号楼", floors=6)
        unit = geo.create_unit(session, building_id=building.id, label="1单元")
        rows = [Household(unit_id=unit.id, room=f"{101 + i}", room_key=f"{101 + i}", floor=1) for i in range(count)]
        session.add_all(rows)
        session.flush()
        homes += [row.id for row in rows]
        grids[code] = {"grid": grid.id, "building": building.id, "unit": unit.id}
    h = dict(zip(("h1", "h2", "h3", "h4", "h5", "h6"), homes))
    for key, tag in (("h1", "living_alone"), ("h5", "disabled"), ("h6", "aged_80")):
        person = Resident(household_id=h[key], name=f"居民{key}", is_head=True)
        session.add(person)
        session.flush()
        session.add(ResidentTag(resident_id=person.id, tag=tag))
    visits = [("h1", _d(10, 2)), ("h3", _d(10, 15)), ("h4", _d(10, 20)), ("h5", _d(10, 12)), ("h6", _d(10, 21)),
              ("h6", _d(10, 25)), ("h1", _d(11, 3)), ("h1", _d(11, 15)), ("h2", _d(11, 5)), ("h3", _d(11, 6))]
    last: dict[str, date] = {}
    for key, day in visits:
        session.add(Visit(household_id=h[key], visited_on=day, visitor_name="张伟"))
        last[key] = max(last.get(key, day), day)
    for key, day in last.items():  # what the visit service keeps
        session.get(Household, h[key]).last_visit_on = day
    requests = [("h2", "property", _d(11, 2), _d(11, 5), "satisfied", "rated"),
                ("h3", "property", _d(11, 3), _d(11, 12), "dissatisfied", "rated"),
                ("h5", "pipes", _d(11, 4), None, None, "received"),
                ("h6", "noise", _d(11, 15), None, None, "received"),
                ("h1", "parking", _d(11, 5), None, None, "withdrawn"),
                ("h4", "property", _d(10, 10), _d(10, 12), "fairly_satisfied", "rated"),
                ("h1", "noise", _d(10, 20), _d(11, 2), "satisfied", "rated")]
    for key, category, raised, resolved, rating, status in requests:
        session.add(ResidentRequest(household_id=h[key], raised_on=raised, category=category,
                                    description="楼上漏水，联系电话13812345678", status=status,
                                    deadline=raised + timedelta(days=7), resolved_on=resolved, rating=rating,
                                    dispatched_to="物业服务中心"))
    wang = Member(name="王明", grid_id=grids["FK-01"]["grid"], registered_on=_d(1, 5))
    zhao = Member(name="赵丽", grid_id=grids["FK-02"]["grid"], registered_on=_d(1, 5))
    session.add_all([wang, zhao])
    session.flush()
    for member, day, hours in ((wang, _d(10, 5), 3.0), (wang, _d(11, 8), 2.5), (zhao, _d(11, 9), 1.5),
                               (zhao, _d(11, 10), 1.0)):
        session.add(ServiceRecord(member_id=member.id, served_on=day, activity="楼道清理", hours=hours, points=1))
    session.add(LeaderAssignment(role="building", building_id=grids["FK-01"]["building"], person_name="刘建国",
                                 person_phone="13904519999", term_start=_d(1, 1)))
    session.commit()
    return {"grids": grids, "households": h}
