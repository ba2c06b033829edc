"""focus loss count: an attempt counts every time its exam page lost focus; only the first ones are kept as rows

Revision ID: 0008_focus_loss_count
Revises: 0007_paper_drafts
Create Date: 2026-12-07 10:40:00

``attempts.focus_losses`` starts at the number of ``focus_events`` rows each attempt already has. From now on
every report adds one to it, and a row is stored only for the first ``FOCUS_EVENTS_KEPT`` (config) of an attempt.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_focus_loss_count'
down_revision = '0007_paper_drafts'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('focus_losses', sa.Integer(), server_default='0', nullable=False))
    op.execute("UPDATE attempts SET focus_losses = (SELECT count(*) FROM focus_events "
               "WHERE focus_events.attempt_id = attempts.id)")


def downgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_column('focus_losses')
