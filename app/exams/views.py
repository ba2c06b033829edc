from flask import Blueprint, render_template
from flask_login import current_user

from ..auth.guards import guard_blueprint
from . import services

bp = Blueprint("exams", __name__)
guard_blueprint(bp, "trainee")


@bp.route("/dashboard")
def dashboard():
    papers = services.open_papers(current_user)
    return render_template("exams/dashboard.html",
                           mocks=[p for p in papers if p["paper"].kind == "mock"],
                           practice=[p for p in papers if p["paper"].kind == "practice"])
