"""edit counters: households, residents, leader posts, members and requests carry a version

Revision ID: 0004_versions
Revises: 0003_district
Create Date: 2026-11-29 08:00:00

Every UPDATE of these rows checks and increments `version` (SQLAlchemy version_id_col), so a save
based on what another PC has since changed is refused and shown as a conflict instead of silently
overwriting. Existing rows start at 1 (a constant default: instant on SQLite and PostgreSQL).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004_versions'
down_revision: Union[str, None] = '0003_district'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = ("household", "resident", "leaderassignment", "member", "resident_request")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
