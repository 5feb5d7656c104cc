"""rented housing and tenants: tenancies of rented flats (kept as history) and tenants' registrations

Revision ID: 0009_rentals
Revises: 0008_disputes
Create Date: 2026-11-29 10:05:16

Two new tables only (no existing row changes): instant on any database size.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0009_rentals'
down_revision: Union[str, None] = '0008_disputes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('tenancy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('landlord_resident_id', sa.Integer(), nullable=True),
    sa.Column('landlord_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('landlord_phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('landlord_id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('lease_start', sa.Date(), nullable=False),
    sa.Column('lease_end', sa.Date(), nullable=True),
    sa.Column('rent_use', sa.String(length=20), nullable=False),
    sa.Column('rooms', sa.Integer(), nullable=True),
    sa.Column('tenant_count', sa.Integer(), nullable=False),
    sa.Column('letter_signed', sa.Boolean(), nullable=False),
    sa.Column('letter_signed_on', sa.Date(), nullable=True),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.ForeignKeyConstraint(['landlord_resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tenancy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenancy_ended_on'), ['ended_on'], unique=False)
        batch_op.create_index('ix_tenancy_household_ended', ['household_id', 'ended_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenancy_landlord_resident_id'), ['landlord_resident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenancy_lease_end'), ['lease_end'], unique=False)

    op.create_table('tenant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('tenancy_id', sa.Integer(), nullable=True),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('id_number', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('arrived_on', sa.Date(), nullable=False),
    sa.Column('from_place', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('workplace', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('permit_number', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('permit_expires', sa.Date(), nullable=True),
    sa.Column('moved_out_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.ForeignKeyConstraint(['tenancy_id'], ['tenancy.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('resident_id')
    )
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tenant_arrived_on'), ['arrived_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_moved_out_on'), ['moved_out_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_permit_expires'), ['permit_expires'], unique=False)
        batch_op.create_index(batch_op.f('ix_tenant_tenancy_id'), ['tenancy_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenant_tenancy_id'))
        batch_op.drop_index(batch_op.f('ix_tenant_permit_expires'))
        batch_op.drop_index(batch_op.f('ix_tenant_moved_out_on'))
        batch_op.drop_index(batch_op.f('ix_tenant_household_id'))
        batch_op.drop_index(batch_op.f('ix_tenant_arrived_on'))

    op.drop_table('tenant')
    with op.batch_alter_table('tenancy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tenancy_lease_end'))
        batch_op.drop_index(batch_op.f('ix_tenancy_landlord_resident_id'))
        batch_op.drop_index('ix_tenancy_household_ended')
        batch_op.drop_index(batch_op.f('ix_tenancy_ended_on'))

    op.drop_table('tenancy')
