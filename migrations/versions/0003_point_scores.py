"""per-point scores, and which point an override changed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 02:40:00

Adds ``point_scores`` (one row per key point of each graded case part, one per graded objective answer) and
backfills it from the results graded before it existed; ``grade_changes`` learns which part and point an
override set, and that point's points before and after.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BATCH = 500


def upgrade():
    op.create_table('point_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.String(length=64), nullable=False),
    sa.Column('point_id', sa.String(length=64), nullable=False),
    sa.Column('earned', sa.Float(), nullable=False),
    sa.Column('max', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('fuzzy', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_point_scores_response_id_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_point_scores')),
    sa.UniqueConstraint('response_id', 'part_id', 'point_id', name=op.f('uq_point_scores_response_id'))
    )
    with op.batch_alter_table('point_scores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_point_scores_point_id'), ['point_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_point_scores_response_id'), ['response_id'], unique=False)

    with op.batch_alter_table('grade_changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('part_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('point_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('old_points', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('new_points', sa.Float(), nullable=True))

    backfill(op.get_bind())


def backfill(bind):
    """One row per key point for every graded response (read in batches, so memory stays flat)."""
    responses = sa.table('responses', sa.column('id', sa.Integer), sa.column('item_id', sa.Integer),
                         sa.column('score', sa.Float), sa.column('result', sa.JSON))
    items = sa.table('attempt_items', sa.column('id', sa.Integer), sa.column('points', sa.Float),
                     sa.column('question_version_id', sa.Integer))
    versions = sa.table('question_versions', sa.column('id', sa.Integer), sa.column('content', sa.JSON))
    points = sa.table('point_scores', sa.column('response_id', sa.Integer), sa.column('part_id', sa.String),
                      sa.column('point_id', sa.String), sa.column('earned', sa.Float), sa.column('max', sa.Float),
                      sa.column('source', sa.String), sa.column('fuzzy', sa.Boolean))
    query = (sa.select(responses.c.id, responses.c.score, responses.c.result, items.c.points, versions.c.content)
             .join(items, items.c.id == responses.c.item_id)
             .join(versions, versions.c.id == items.c.question_version_id)
             .where(responses.c.result.is_not(None)).order_by(responses.c.id))
    last = 0
    while True:
        batch = bind.execute(query.where(responses.c.id > last).limit(BATCH)).all()
        if not batch:
            break
        rows = []
        for response_id, score, result, item_points, content in batch:
            last = response_id
            result = result or {}
            if (content or {}).get('type') == 'case':
                for part_id, part in (result.get('parts') or {}).items():
                    for point in part.get('points') or []:
                        rows.append({'response_id': response_id, 'part_id': part_id, 'point_id': point['id'],
                                     'earned': float(point.get('earned') or 0.0),
                                     'max': float(point.get('max') or 0.0), 'source': 'auto',
                                     'fuzzy': bool(point.get('fuzzy'))})
            elif score is not None:
                rows.append({'response_id': response_id, 'part_id': '', 'point_id': '', 'earned': float(score),
                             'max': float(item_points or 0.0), 'source': 'auto', 'fuzzy': False})
        if rows:
            bind.execute(points.insert(), rows)


def downgrade():
    with op.batch_alter_table('grade_changes', schema=None) as batch_op:
        batch_op.drop_column('new_points')
        batch_op.drop_column('old_points')
        batch_op.drop_column('point_id')
        batch_op.drop_column('part_id')

    with op.batch_alter_table('point_scores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_point_scores_response_id'))
        batch_op.drop_index(batch_op.f('ix_point_scores_point_id'))

    op.drop_table('point_scores')
