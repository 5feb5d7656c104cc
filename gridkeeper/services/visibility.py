"""What the one signed in may read: the one place that decides it, for the CLI and the GUI alike.

Writing is guarded row by row (`accounts.permission_guard`). Reading follows the same rule: an
administrator (or anyone when accounts are off) reads the whole community; a steward reads the
households, residents, visits, requests, members and leaders of their own grids only — lists,
search, figures, ledgers and exports alike. Services call `readable_scope` (a Scope narrowed to
the steward's grids) or `readable_grid` (a grid code, refused when it is someone else's).
"""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from gridkeeper.services.accounts import CurrentUser, PermissionDenied, _who
from gridkeeper.services.scope import EVERYWHERE, Scope


def reader(session: Session) -> CurrentUser | None:
    """The steward whose reading is limited (None: an administrator, or accounts are off)."""
    user = _who(session)
    return None if user is None or user.is_admin else user


def visible_grid_ids(session: Session) -> frozenset[int] | None:
    """The grids the one signed in may read; None means every grid."""
    user = reader(session)
    return None if user is None else user.grid_ids


def readable_scope(session: Session, scope: Scope = EVERYWHERE, *, strict: bool = False) -> Scope:
    """`scope` narrowed to what the one signed in may read: lists of another grid are simply empty;
    with `strict` (an export naming that grid) it is refused."""
    user = reader(session)
    if user is None:
        return scope
    if strict and scope.grid_id is not None and scope.grid_id not in user.grid_ids:
        raise PermissionDenied(f"{user.name} 只能查看和导出自己负责的网格；这个网格属于别人")
    return replace(scope, grid_ids=user.grid_ids)


def readable_grid(session: Session, grid_code: str | None) -> str | None:
    """The grid a ledger or sheet may cover: a steward's own (named, or their only one)."""
    user = reader(session)
    if user is None:
        return grid_code
    from sqlmodel import select

    from gridkeeper.storage.models import Grid

    own = {g.code: g.id for g in session.exec(select(Grid).where(Grid.id.in_(sorted(user.grid_ids))))}
    if grid_code:
        if grid_code.strip().upper() not in own:
            raise PermissionDenied(f"{user.name} 只能查看和导出自己负责的网格（{'、'.join(sorted(own)) or '无'}）")
        return grid_code
    if len(own) == 1:
        return next(iter(own))
    raise PermissionDenied(f"{user.name} 负责多个网格（{'、'.join(sorted(own)) or '无'}），请指明网格"
                           if own else f"{user.name} 还没有分配网格，不能查看住户数据")
