from flask import Blueprint, jsonify
from flask_login import current_user

from ..auth.guards import role_required

bp = Blueprint("api", __name__)


@bp.route("/me")
@role_required()
def me():
    return jsonify(username=current_user.username, roles=sorted(current_user.roles))
