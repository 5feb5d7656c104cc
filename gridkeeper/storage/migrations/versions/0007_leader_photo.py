"""leader_photo: a leader's small portrait JPEG for the wall roster (issue 15)

Revision ID: 0007_leader_photo
Revises: 0006_hazards
Create Date: 2026-11-29 10:20:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007_leader_photo'
down_revision: Union[str, None] = '0006_hazards'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'leader_photo',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('leader_id', sa.Integer(), nullable=False),
        sa.Column('jpeg', sa.LargeBinary(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('added_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['leader_id'], ['leaderassignment.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_leader_photo_leader_id'), 'leader_photo', ['leader_id'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_leader_photo_leader_id'), table_name='leader_photo')
    op.drop_table('leader_photo')
