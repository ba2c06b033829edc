"""Anonymous codes for blind marking: stable per (paper, trainee), unguessable without the app's secret key."""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app


def anonymous_code(paper_id: int, user_id: int) -> str:
    key = str(current_app.config["SECRET_KEY"]).encode("utf-8")
    digest = hmac.new(key, f"review:{paper_id}:{user_id}".encode(), hashlib.sha256).hexdigest()
    return "T-" + digest[:6].upper()


def trainee_label(attempt, blind: bool) -> str:
    """What a page shows for the trainee of ``attempt``: the name, or the anonymous code when marking blind."""
    return anonymous_code(attempt.paper_id, attempt.user_id) if blind else attempt.user.name
