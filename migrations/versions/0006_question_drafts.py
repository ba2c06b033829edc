"""question drafts: a question saved in the editor can wait, unseen by trainees, until it is published

Revision ID: 0006_drafts
Revises: 0004_prod
Create Date: 2026-12-06 22:50:00

``questions.draft`` is false for every existing question (they all stay live); the editor sets it for a new
question unless the instructor publishes on save. Drafts are never practised or drawn.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_drafts'
down_revision = '0004_prod'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('draft', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_column('draft')
