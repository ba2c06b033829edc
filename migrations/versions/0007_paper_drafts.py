"""paper drafts: a paper built in the editor can wait, unseen by trainees, until it is published

Revision ID: 0007_paper_drafts
Revises: 0006_drafts
Create Date: 2026-12-07 00:50:00

``papers.draft`` is false for every existing paper (they all stay published, as they were); the editor sets it
for a new paper unless the instructor publishes on save. A draft paper is never listed for trainees nor started.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007_paper_drafts'
down_revision = '0006_drafts'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('draft', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.drop_column('draft')
