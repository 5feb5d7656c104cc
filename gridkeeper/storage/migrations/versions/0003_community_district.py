"""community district (区), asked for by the first-run setup

Revision ID: 0003_district
Revises: 0002
Create Date: 2026-11-29 07:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0003_district'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('community') as batch_op:
        batch_op.add_column(sa.Column('district', sqlmodel.sql.sqltypes.AutoString(length=100),
                                      nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('community') as batch_op:
        batch_op.drop_column('district')
