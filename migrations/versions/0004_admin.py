"""admin: classes' paper windows, pass rules, audit log, password flag

Revision ID: 0004_admin
Revises: 0003
Create Date: 2026-12-06 02:09:50

Adds ``cohort_papers`` (which class may sit which paper, and when), ``pass_rules``, ``audit_events``, and
the users' must-change-password flag, phone and e-mail (existing users get false and empty strings).

"""
from alembic import op
import sqlalchemy as sa


revision = '0004_admin'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_kind'), ['kind'], unique=False)

    op.create_table('cohort_papers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cohort_id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('opens_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_papers_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_cohort_papers_paper_id_papers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_papers')),
    sa.UniqueConstraint('cohort_id', 'paper_id', name=op.f('uq_cohort_papers_cohort_id'))
    )
    with op.batch_alter_table('cohort_papers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_papers_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohort_papers_paper_id'), ['paper_id'], unique=False)

    op.create_table('pass_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('pass_mark', sa.Float(), nullable=False),
    sa.Column('partner_paper_id', sa.Integer(), nullable=True),
    sa.Column('partner_pass_mark', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_pass_rules_paper_id_papers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_paper_id'], ['papers.id'], name=op.f('fk_pass_rules_partner_paper_id_papers'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pass_rules')),
    sa.UniqueConstraint('paper_id', name=op.f('uq_pass_rules_paper_id'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('phone', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('email', sa.String(length=120), nullable=False, server_default=''))



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email')
        batch_op.drop_column('phone')
        batch_op.drop_column('must_change_password')

    op.drop_table('pass_rules')
    with op.batch_alter_table('cohort_papers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cohort_papers_paper_id'))
        batch_op.drop_index(batch_op.f('ix_cohort_papers_cohort_id'))

    op.drop_table('cohort_papers')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_kind'))
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))
        batch_op.drop_index(batch_op.f('ix_audit_events_actor_id'))

    op.drop_table('audit_events')
