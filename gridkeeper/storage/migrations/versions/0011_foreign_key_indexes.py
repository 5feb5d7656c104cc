"""indexes on the six foreign keys that had none (a visit's leader and member, a request's resident and
visit, a dispute's visit, a hazard step's grid)

Revision ID: 0011_foreign_key_indexes
Revises: 0010_dispute_step_day
Create Date: 2026-11-29 14:40:00

Deleting a household into the recycle bin deletes its residents and visits; SQLite checks each deleted row
against every table that points at it, and without an index on the pointing column that check reads the
whole table once per deleted row (a visit against every request and dispute; a resident against every
request). The recycle bin's link watch asks the same questions. Measured on a copy of the 100,000-household
demo: deleting a household with about 80 linked rows went from 500 ms CPU / 1.8 s wall to 100 ms / 0.4 s.
Building the six indexes takes a few seconds there (1.1 million visits); no row changes.
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0011_foreign_key_indexes'
down_revision: Union[str, None] = '0010_dispute_step_day'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

INDEXES = (
    ("visit", "leader_id"),
    ("visit", "member_id"),
    ("resident_request", "resident_id"),
    ("resident_request", "source_visit_id"),
    ("dispute", "source_visit_id"),
    ("safety_hazard_event", "grid_id"),
)


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
