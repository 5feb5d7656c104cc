"""The dispute register (矛盾纠纷排查化解): dispute, dispute_party, mediation_session, dispute_event

Revision ID: 0008_disputes
Revises: 0007_leader_photo
Create Date: 2026-11-29 10:05:06
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0008_disputes'
down_revision: Union[str, None] = '0007_leader_photo'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('dispute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('details', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('risk', sa.String(length=10), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_visit_id', sa.Integer(), nullable=True),
    sa.Column('source_request_id', sa.Integer(), nullable=True),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('found_by', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('last_step_on', sa.Date(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('referred_to', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('outcome_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('follow_up_due', sa.Date(), nullable=True),
    sa.Column('followed_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_held', sa.Boolean(), nullable=True),
    sa.Column('follow_up_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.ForeignKeyConstraint(['source_request_id'], ['resident_request.id'], ),
    sa.ForeignKeyConstraint(['source_visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source_request_id')
    )
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_closed_on'), ['closed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_found_on'), ['found_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_household_id'), ['household_id'], unique=False)
        batch_op.create_index('ix_dispute_status_follow_up', ['status', 'follow_up_due'], unique=False)
        batch_op.create_index('ix_dispute_status_last_step', ['status', 'last_step_on'], unique=False)

    op.create_table('dispute_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('from_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('to_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_event_dispute_id'), ['dispute_id'], unique=False)

    op.create_table('dispute_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], ),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dispute_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispute_party_dispute_id'), ['dispute_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_party_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispute_party_resident_id'), ['resident_id'], unique=False)

    op.create_table('mediation_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispute_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('mediators', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('agreed', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['dispute_id'], ['dispute.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.create_index('ix_mediation_dispute_date', ['dispute_id', 'held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_mediation_session_held_on'), ['held_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('mediation_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mediation_session_held_on'))
        batch_op.drop_index('ix_mediation_dispute_date')

    op.drop_table('mediation_session')
    with op.batch_alter_table('dispute_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_party_resident_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_party_household_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_party_dispute_id'))

    op.drop_table('dispute_party')
    with op.batch_alter_table('dispute_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispute_event_dispute_id'))

    op.drop_table('dispute_event')
    with op.batch_alter_table('dispute', schema=None) as batch_op:
        batch_op.drop_index('ix_dispute_status_last_step')
        batch_op.drop_index('ix_dispute_status_follow_up')
        batch_op.drop_index(batch_op.f('ix_dispute_household_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_grid_id'))
        batch_op.drop_index(batch_op.f('ix_dispute_found_on'))
        batch_op.drop_index(batch_op.f('ix_dispute_closed_on'))

    op.drop_table('dispute')
