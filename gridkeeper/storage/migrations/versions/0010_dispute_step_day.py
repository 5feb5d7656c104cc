"""dispute history: the day each step happened and the outcome an outcome step recorded

Revision ID: 0010_dispute_step_day
Revises: 0009_rentals
Create Date: 2026-11-29 14:30:00

Two nullable columns on dispute_event, filled for the steps already recorded: the day from when the step was
recorded (`at`; the demo and same-day entry record a step on its day), and the outcome from the note an
outcome step writes (调解成功… / 部分达成… / 转交相关部门… / 未成功…). A few thousand rows at most: instant.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010_dispute_step_day'
down_revision: Union[str, None] = '0009_rentals'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OUTCOME_NOTES = (("success", "调解成功%"), ("partial", "部分达成%"), ("referred", "转交相关部门%"), ("failed", "未成功%"))


def upgrade() -> None:
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('step_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=20), nullable=True))
    event = sa.table('dispute_event', sa.column('at', sa.DateTime()), sa.column('step_on', sa.Date()),
                     sa.column('outcome', sa.String()), sa.column('note', sa.String()),
                     sa.column('from_status', sa.String()), sa.column('to_status', sa.String()))
    op.execute(event.update().values(step_on=sa.func.date(event.c.at)))
    for code, pattern in OUTCOME_NOTES:
        op.execute(event.update().where(event.c.note.like(pattern), event.c.from_status != event.c.to_status,
                                        event.c.to_status.in_(('awaiting_follow_up', 'referred', 'closed')))
                   .values(outcome=code))


def downgrade() -> None:
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.drop_column('outcome')
        batch_op.drop_column('step_on')
