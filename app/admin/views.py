from flask import Blueprint, render_template

from ..auth.guards import guard_blueprint
from . import services

bp = Blueprint("admin", __name__)
guard_blueprint(bp, "admin")


@bp.route("/")
def index():
    return render_template("admin/index.html", users=services.user_list(), cohorts=services.cohort_list())
