"""SQL that must differ between SQLite and PostgreSQL, side by side: NULL ordering and IN (many ids).

Text order: databases GridKeeper creates on a server use the "C" collation (code point order, as SQLite).
NULL: SQLite sorts it before every value, PostgreSQL after; nullable sort keys say so explicitly.
"""

from __future__ import annotations


def nulls_low(column, *, descending: bool = False):
    """`column` ascending with NULLs first (descending: NULLs last), on both databases."""
    return column.desc().nulls_last() if descending else column.asc().nulls_first()


# ---- column IN (many ids), the fast way on each database ------------------------------------------------

from sqlalchemy import Boolean, Integer, any_, bindparam  # noqa: E402
from sqlalchemy.dialects.postgresql import ARRAY  # noqa: E402
from sqlalchemy.ext.compiler import compiles  # noqa: E402
from sqlalchemy.sql.expression import ColumnElement  # noqa: E402


class OneOf(ColumnElement):
    """`column IN (ids)`: SQLite gets the usual expanding parameters; PostgreSQL one array parameter
    (`= ANY(%s)`), which plans and binds 2-3× faster than 900 separate parameters."""

    inherit_cache = False
    type = Boolean()
    # A comparison already: without this SQLite got `household_id IN (…) = 1`, which no index serves (a full
    # scan of the index: 200 household summaries took 190 ms of CPU instead of 7 ms at 100,000 households).
    _is_implicitly_boolean = True

    def __init__(self, column, ids):
        self.column, self.ids = column, list(ids)


@compiles(OneOf)
def _one_of_default(element, compiler, **kw):
    return compiler.process(element.column.in_(element.ids), **kw)


@compiles(OneOf, "postgresql")
def _one_of_server(element, compiler, **kw):
    return compiler.process(element.column == any_(bindparam(None, element.ids, type_=ARRAY(Integer))), **kw)


def one_of(column, ids) -> OneOf:
    """An id column's membership in `ids` (integers), as fast as each database allows."""
    return OneOf(column, ids)
