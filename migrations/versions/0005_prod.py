"""session versions (sign-out everywhere) and one open attempt per trainee and paper

Revision ID: 0004_prod
Revises: 0004_admin
Create Date: 2026-12-06 02:20:00

``users.session_version`` is part of every session and remember cookie; ``api_tokens.session_version`` is the
user's version when the token was issued: raising the user's ends both. ``uq_attempts_one_open`` is a partial
unique index: at most one started attempt per trainee and paper. Older duplicate open attempts (left by the race
this index closes) are finished as expired before it is made; the newest stays open.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_prod'
down_revision = '0004_admin'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='1', nullable=False))
    op.execute(
        "UPDATE attempts SET status = 'expired', finished_at = COALESCE(deadline, started_at) "
        "WHERE status = 'started' AND id < (SELECT MAX(newer.id) FROM attempts AS newer "
        "WHERE newer.user_id = attempts.user_id AND newer.paper_id = attempts.paper_id "
        "AND newer.status = 'started')")
    op.create_index('uq_attempts_one_open', 'attempts', ['user_id', 'paper_id'], unique=True,
                    sqlite_where=sa.text("status = 'started'"), postgresql_where=sa.text("status = 'started'"))


def downgrade():
    op.drop_index('uq_attempts_one_open', table_name='attempts',
                  sqlite_where=sa.text("status = 'started'"), postgresql_where=sa.text("status = 'started'"))
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_column('session_version')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_version')
