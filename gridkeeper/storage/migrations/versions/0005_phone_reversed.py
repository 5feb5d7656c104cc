"""resident.phone_reversed: phone tails (尾号5678) found through an index

Revision ID: 0005_phone_reversed
Revises: 0004_versions
Create Date: 2026-11-29 07:30:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision: str = '0005_phone_reversed'
down_revision: Union[str, None] = '0004_versions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BATCH = 20_000


def upgrade() -> None:
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_reversed', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_resident_phone_reversed'), ['phone_reversed'], unique=False)
    # Fill it for the saved residents (neither SQLite nor every other database has reverse()).
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, phone FROM resident WHERE phone <> ''")).all()
    update = sa.text("UPDATE resident SET phone_reversed = :rev WHERE id = :id")
    for start in range(0, len(rows), BATCH):
        bind.execute(update, [{"id": rid, "rev": phone[::-1]} for rid, phone in rows[start:start + BATCH]])


def downgrade() -> None:
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_phone_reversed'))
        batch_op.drop_column('phone_reversed')
