"""A file answered to a form the page stays on: the browser saves it and shows nothing, so a form that said
'working…' would say so for ever. The form's script sends a ``download_token``; the file's response sets the
cookie ``download-<token>``, and the script, seeing it, shows the form's done notice (static/common.js)."""
import re

from flask import current_app, request

TOKEN = re.compile(r"[a-z0-9]{8,40}")


def mark_sent(response):
    """``response`` (a file) with the cookie that tells the page it was sent, when the form sent a token."""
    token = request.form.get("download_token", "")
    if TOKEN.fullmatch(token):
        response.set_cookie("download-" + token, "1", max_age=120, path="/", samesite="Lax",
                            secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response
