from flask import Blueprint, render_template

from ..auth.guards import guard_blueprint
from . import services

bp = Blueprint("authoring", __name__)
guard_blueprint(bp, "instructor", "admin")


@bp.route("/")
def index():
    return render_template("authoring/index.html", questions=services.question_list(),
                           papers=services.paper_list())


@bp.route("/attempts")
def attempts():
    return render_template("authoring/attempts.html", rows=services.recent_attempts())
