"""Accounts on a shared PC: who is working, scrypt-hashed passwords, and who may edit which grid.

Accounts are off until the first one (an administrator) is created. After that every change is
checked when it is flushed (`permission_guard`, installed on every database the front ends open:
see services.database), so the GUI, the CLI and every service obey
the same rule: an administrator edits everything; a steward edits the records of their own grids,
sees the rest read-only, and cannot change community-wide data or other people's accounts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, inspect, select as sa_select
from sqlmodel import Session, func, select

from gridkeeper.services.errors import Duplicate, NotFound, ServiceError, ValidationFailed
from gridkeeper.domain.errors import ValueRuleError
from gridkeeper.domain.names import name_key, visible_text
from gridkeeper.storage import audit
from gridkeeper.storage.dispute_models import Dispute
from gridkeeper.storage.models import (Account, Building, Grid, Household, LeaderAssignment, Member, Resident,
                                       ResidentRequest, Unit)

ADMINISTRATOR, STEWARD = "administrator", "steward"
ROLES = {ADMINISTRATOR: "社区管理员", STEWARD: "网格员"}
# OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB, about 0.4 s here).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
MIN_PASSWORD = 6
LOCK_MINUTES_KEY = "lock_after_minutes"
DEFAULT_LOCK_MINUTES = 10


class PermissionDenied(ServiceError):
    """The signed-in account may not make this change."""


class SignInFailed(ServiceError):
    pass


@dataclass(frozen=True)
class CurrentUser:
    """Who is signed in on an engine."""

    name: str
    role: str
    grid_ids: frozenset[int]

    @property
    def is_admin(self) -> bool:
        return self.role == ADMINISTRATOR

    def can_edit_grid(self, grid_id: int | None) -> bool:
        return self.is_admin or (grid_id is not None and grid_id in self.grid_ids)


_signed_in: weakref.WeakKeyDictionary[Engine, CurrentUser] = weakref.WeakKeyDictionary()


# ---- Passwords ------------------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, n: int | None = None) -> str:
    """`scrypt$N$r$p$salt$key`, a memory-hard hash with a random salt."""
    n = n or SCRYPT_N
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                         maxmem=256 * SCRYPT_R * n + 2**20, dklen=32)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        n, r, p = int(n), int(r), int(p)
        expected = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=n, r=r, p=p,
                             maxmem=256 * r * n + 2**20, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return scheme == "scrypt" and hmac.compare_digest(got, expected)


TABLE = "account"  # an account's name reads 账号


def _password_problem(password: str) -> ValueRuleError | None:
    return ValueRuleError("password", f"至少{MIN_PASSWORD}个字符") if len(password or "") < MIN_PASSWORD else None


def _check_password(password: str) -> None:
    if problem := _password_problem(password):
        raise ValidationFailed([problem])


def _role_problem(role: str) -> ValueRuleError:
    return ValueRuleError("role", f"应为 {'、'.join(ROLES)} 之一")


def check_new_account(name: str, password: str, role: str) -> str:
    """The name as it will be saved; every field problem of a new account at once (the form shows each
    under its field before anything is written)."""
    name = unicodedata.normalize("NFKC", visible_text(name))
    problems = [ValueRuleError("name", "不能为空", TABLE) if not name else None,
                _role_problem(role) if role not in ROLES else None, _password_problem(password)]
    if any(problems):
        raise ValidationFailed([p for p in problems if p])
    return name


# ---- Accounts -------------------------------------------------------------------------------------------

def accounts_enabled(session: Session) -> bool:
    """True once the first account exists (then the app asks who is working)."""
    if not inspect(session.connection()).has_table(Account.__tablename__):
        return False
    return session.exec(select(func.count()).select_from(Account)).one() > 0


def list_accounts(session: Session) -> list[Account]:
    return list(session.exec(select(Account).order_by(Account.role, Account.name)))


def account_named(session: Session, name: str) -> Account | None:
    """The account a typed name means: the exact name, else the one account whose `name_key` matches
    (ADMIN, ａｄｍｉｎ or admin plus a zero-width space all mean admin; two older look-alikes mean none)."""
    exact = session.exec(select(Account).where(Account.name == (name or "").strip())).first()
    if exact is not None:
        return exact
    key = name_key(name)
    if not key:
        return None
    alike = [a for a in session.exec(select(Account)) if name_key(a.name) == key]
    return alike[0] if len(alike) == 1 else None


def find_account(session: Session, name: str) -> Account:
    account = account_named(session, name)
    if account is None:
        raise NotFound(f"没有名为“{name}”的账号")
    return account


def grid_ids_of(account: Account) -> list[int]:
    return [int(g) for g in json.loads(account.grid_ids or "[]")]


def _grid_ids(session: Session, grid_codes: list[str]) -> list[int]:
    ids = []
    for code in grid_codes:
        grid = session.exec(select(Grid).where(Grid.code == code.strip())).first()
        if grid is None:
            raise NotFound(f"没有编号为“{code}”的网格")
        ids.append(grid.id)
    return ids


def create_account(session: Session, name: str, password: str, *, role: str = STEWARD,
                   grid_codes: list[str] = (), display_name: str = "") -> Account:
    """A new account; the first one must be an administrator (it turns accounts on)."""
    name = check_new_account(name, password, role)
    if not accounts_enabled(session) and role != ADMINISTRATOR:
        raise ServiceError("第一个账号必须是社区管理员（它用来管理其他账号）")
    same = next((a for a in session.exec(select(Account)) if name_key(a.name) == name_key(name)), None)
    if same is not None:
        shown = "" if same.name == name else f"（与已有的“{same.name}”只差大小写、全角或看不见的字符）"
        raise Duplicate(f"账号“{name}”已存在{shown}")
    account = Account(name=name, display_name=display_name.strip() or name, role=role,
                      password_hash=hash_password(password), grid_ids=json.dumps(_grid_ids(session, grid_codes)),
                      created_at=datetime.now(UTC))
    session.add(account)
    session.flush()
    return account


def set_password(session: Session, name: str, new_password: str) -> None:
    _check_password(new_password)
    account = find_account(session, name)
    account.password_hash = hash_password(new_password)
    session.add(account)
    session.flush()


def update_account(session: Session, name: str, *, role: str | None = None, grid_codes: list[str] | None = None,
                   active: bool | None = None) -> Account:
    """Change an account's role, grids or whether it may sign in (one administrator always stays)."""
    account = find_account(session, name)
    if role is not None and role not in ROLES:
        raise ValidationFailed([_role_problem(role)])
    losing_admin = account.role == ADMINISTRATOR and (role == STEWARD or active is False)
    if losing_admin and _active_admins(session) <= 1:
        raise ServiceError("至少要保留一个可用的社区管理员账号")
    if role is not None:
        account.role = role
    if grid_codes is not None:
        account.grid_ids = json.dumps(_grid_ids(session, grid_codes))
    if active is not None:
        account.active = active
    session.add(account)
    session.flush()
    return account


def _active_admins(session: Session) -> int:
    query = select(func.count()).select_from(Account).where(Account.role == ADMINISTRATOR, Account.active)
    return session.exec(query).one()


def authenticate(session: Session, name: str, password: str) -> Account:
    """The account if the password is right; one message for every failure (no hint which part)."""
    account = account_named(session, name)
    if account is None or not account.active or not verify_password(password or "", account.password_hash):
        raise SignInFailed("账号或密码不对，或账号已停用")
    return account


def current_user_of(account: Account) -> CurrentUser:
    return CurrentUser(account.name, account.role, frozenset(grid_ids_of(account)))


def sign_in(engine: Engine, account: Account | None) -> None:
    """Make `account` the one working on `engine` (None signs out): audited as them, checked as them."""
    if account is None:
        _signed_in.pop(engine, None)
        audit.set_actor(engine, None)
        return
    _signed_in[engine] = current_user_of(account)
    audit.set_actor(engine, account.name)


def share_sign_in(engine: Engine, other: Engine) -> None:
    """Whoever works on `engine` works on `other` too (a worker thread's own engine on the same file)."""
    user = _signed_in.get(engine)
    if user is not None:
        _signed_in[other] = user
        audit.set_actor(other, user.name)


def signed_in(engine: Engine) -> CurrentUser | None:
    return _signed_in.get(engine)


def lock_minutes(session: Session) -> int:
    """Minutes of inactivity before the screen locks (0 = never)."""
    from gridkeeper.services.settings import get_setting

    raw = get_setting(session, LOCK_MINUTES_KEY, str(DEFAULT_LOCK_MINUTES))
    return int(raw) if raw.isdigit() else DEFAULT_LOCK_MINUTES


def set_lock_minutes(session: Session, minutes: int) -> None:
    from gridkeeper.services.settings import set_setting

    if not 0 <= int(minutes) <= 24 * 60:
        raise ValidationFailed([ValueRuleError("lock_minutes", "应为0到1440分钟（0表示不锁）")])
    set_setting(session, LOCK_MINUTES_KEY, str(int(minutes)))


# ---- The permission guard (runs on every flush and bulk statement) --------------------------------------

ADMIN_ONLY = {"community", "grid", "setting"}
_PARENT = {  # column -> (model, its column that leads on towards the grid)
    "unit_id": (Unit, "building_id"), "household_id": (Household, "unit_id"),
    "resident_id": (Resident, "household_id"), "request_id": (ResidentRequest, "household_id"),
    "member_id": (Member, "grid_id"),
    # A dispute's parties, sessions and history belong to the dispute's grid, wherever the parties live.
    "dispute_id": (Dispute, "grid_id"),
}


def _lookup(session: Session, model, row_id, column: str):
    table = model.__table__
    return session.connection().execute(sa_select(table.c[column]).where(table.c.id == row_id)).scalar()


def grid_of(session: Session, table: str, values: dict) -> int | None:
    """The grid a row belongs to, following its foreign keys (None if it has none)."""
    if table == "grid":
        return values.get("id")
    if values.get("grid_id") is not None:
        return values["grid_id"]
    if values.get("building_id") is not None:
        return _lookup(session, Building, values["building_id"], "grid_id")
    if values.get("leader_id") is not None:  # a leader's photo belongs where the post is
        table = LeaderAssignment.__table__
        post = session.connection().execute(sa_select(table.c.grid_id, table.c.building_id, table.c.unit_id)
                                            .where(table.c.id == values["leader_id"])).first()
        return grid_of(session, "leaderassignment", dict(post._mapping)) if post else None
    for column in ("dispute_id", "unit_id", "household_id", "resident_id", "request_id", "member_id"):
        row_id = values.get(column)
        if row_id is None:
            continue
        model, onward = _PARENT[column]
        next_id = _lookup(session, model, row_id, onward)
        if next_id is None:
            return None
        return grid_of(session, model.__tablename__, {onward: next_id})
    return None


def _who(session: Session) -> CurrentUser | None:
    user = session.info.get("user")
    if user is not None:
        return user
    engine = audit.engine_of(session)
    return _signed_in.get(engine) if engine is not None else None


def _grid_bound(values: dict) -> bool:
    return any(values.get(c) is not None for c in ("grid_id", "building_id", "leader_id", *_PARENT))


def permission_guard(session: Session, table: str, before: dict | None, after: dict | None) -> None:
    """Refuse a steward's change outside their grids (an administrator, or nobody signed in, passes)."""
    user = _who(session)
    if user is None or user.is_admin:
        return
    if table == "account":
        if before and after and before.get("name") == user.name and set(before) >= set(after):
            changed = {k for k in after if after[k] != before.get(k)}
            if changed <= {"password_hash"}:
                return  # a steward may change their own password
        raise PermissionDenied("只有社区管理员可以管理账号")
    if table in ADMIN_ONLY or (table == "compound" and before is not None):
        raise PermissionDenied("这是全社区的数据，只有社区管理员可以修改")
    for values in (before, after):
        if values is None or not (_grid_bound(values) or table == "grid"):
            continue
        grid_id = grid_of(session, table, values)
        if not user.can_edit_grid(grid_id):
            raise PermissionDenied(f"{user.name} 只能修改自己负责的网格中的记录；这条记录属于其他网格，只能查看")


def _allows_bulk(session: Session, table: str) -> bool:
    """permission_guard for a whole bulk load at once (storage.bulk.insert_rows): an administrator, or
    nobody signed in, may write any row; a steward's rows are still checked one by one."""
    user = _who(session)
    return user is None or user.is_admin


permission_guard.allows_bulk = _allows_bulk
