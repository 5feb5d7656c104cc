"""safety hazards (安全隐患排查整改): places inspected, inspections, hazards and their steps

Revision ID: 0006_hazards
Revises: 0005_phone_reversed
Create Date: 2026-11-29 10:05:00

Four new tables (storage/hazard_models.py); nothing existing changes, so upgrading is instant.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0006_hazards'
down_revision: Union[str, None] = '0005_phone_reversed'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('safety_place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('person_in_charge', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('last_inspected_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safety_place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_place_building_id'), ['building_id'], unique=False)
        batch_op.create_index('ix_safety_place_grid_name', ['grid_id', 'name'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_place_last_inspected_on'), ['last_inspected_on'], unique=False)

    op.create_table('safety_inspection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('inspected_on', sa.Date(), nullable=False),
    sa.Column('inspectors', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('checked_items', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['place_id'], ['safety_place.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safety_inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_inspection_building_id'), ['building_id'], unique=False)
        batch_op.create_index('ix_safety_inspection_grid_date', ['grid_id', 'inspected_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_inspection_inspected_on'), ['inspected_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_inspection_place_id'), ['place_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_inspection_visit_id'), ['visit_id'], unique=False)

    op.create_table('safety_hazard',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('place_id', sa.Integer(), nullable=True),
    sa.Column('building_id', sa.Integer(), nullable=True),
    sa.Column('household_id', sa.Integer(), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('found_on', sa.Date(), nullable=False),
    sa.Column('item', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('responsible_person', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('responsible_phone', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('requirement', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('rectified_on', sa.Date(), nullable=True),
    sa.Column('rectification', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('reinspected_by', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('escalated_on', sa.Date(), nullable=True),
    sa.Column('escalated_to', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('escalation_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['building.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.ForeignKeyConstraint(['inspection_id'], ['safety_inspection.id'], ),
    sa.ForeignKeyConstraint(['place_id'], ['safety_place.id'], ),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safety_hazard', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_hazard_building_id'), ['building_id'], unique=False)
        batch_op.create_index('ix_safety_hazard_grid_deadline', ['grid_id', 'deadline'], unique=False)
        batch_op.create_index('ix_safety_hazard_grid_found', ['grid_id', 'found_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_hazard_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_hazard_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_hazard_place_id'), ['place_id'], unique=False)
        batch_op.create_index('ix_safety_hazard_status_deadline', ['status', 'deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_hazard_visit_id'), ['visit_id'], unique=False)

    op.create_table('safety_hazard_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hazard_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('from_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('to_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['grid.id'], ),
    sa.ForeignKeyConstraint(['hazard_id'], ['safety_hazard.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('safety_hazard_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_hazard_event_hazard_id'), ['hazard_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('safety_hazard_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_hazard_event_hazard_id'))

    op.drop_table('safety_hazard_event')
    with op.batch_alter_table('safety_hazard', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_hazard_visit_id'))
        batch_op.drop_index('ix_safety_hazard_status_deadline')
        batch_op.drop_index(batch_op.f('ix_safety_hazard_place_id'))
        batch_op.drop_index(batch_op.f('ix_safety_hazard_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_safety_hazard_household_id'))
        batch_op.drop_index('ix_safety_hazard_grid_found')
        batch_op.drop_index('ix_safety_hazard_grid_deadline')
        batch_op.drop_index(batch_op.f('ix_safety_hazard_building_id'))

    op.drop_table('safety_hazard')
    with op.batch_alter_table('safety_inspection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_inspection_visit_id'))
        batch_op.drop_index(batch_op.f('ix_safety_inspection_place_id'))
        batch_op.drop_index(batch_op.f('ix_safety_inspection_inspected_on'))
        batch_op.drop_index('ix_safety_inspection_grid_date')
        batch_op.drop_index(batch_op.f('ix_safety_inspection_building_id'))

    op.drop_table('safety_inspection')
    with op.batch_alter_table('safety_place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safety_place_last_inspected_on'))
        batch_op.drop_index('ix_safety_place_grid_name')
        batch_op.drop_index(batch_op.f('ix_safety_place_building_id'))

    op.drop_table('safety_place')
