from sqlalchemy import select

from ..extensions import db
from ..models import Cohort, User


def user_list() -> list[User]:
    return db.session.scalars(select(User).order_by(User.username)).all()


def cohort_list() -> list[Cohort]:
    return db.session.scalars(select(Cohort).order_by(Cohort.name)).all()
