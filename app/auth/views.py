from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from ..extensions import db, limiter, login
from ..models import User
from ..urls import safe_next
from ..models import DomainError
from .forms import ChangePasswordForm, LoginForm
from .services import AccountError, authenticate, change_password

bp = Blueprint("auth", __name__)

login.login_view = "auth.login"
login.login_message = None  # the login page says it already


@login.user_loader
def load_user(user_id: str):
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def home_for(user) -> str:
    if user.has_role("trainee"):
        return url_for("exams.dashboard")
    if user.has_role("admin"):
        return url_for("admin.index")
    return url_for("authoring.index")


@bp.route("/login", methods=["GET", "POST"], endpoint="login")
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"],
               error_message="too many login attempts")
def login_view():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            form.password.errors.append(_("Wrong username or password."))
        else:
            session.clear()  # a fresh session on login: no fixation
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")) or home_for(user))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


# Pages a user who must change their password may still reach.
_ALLOWED_BEFORE_CHANGE = {"auth.change_password", "auth.logout", "auth.set_language", "auth.login", "static"}


@bp.before_app_request
def require_password_change():
    """After an administrator's reset, nothing but the change-password page until the password is changed."""
    if not current_user.is_authenticated or not getattr(current_user, "must_change_password", False):
        return None
    if request.endpoint in _ALLOWED_BEFORE_CHANGE:
        return None
    if request.path.startswith("/api/"):
        return {"error": "password_change_required",
                "message": _("Change your password before going on.")}, 403
    return redirect(url_for("auth.change_password"))


@bp.route("/password", methods=["GET", "POST"], endpoint="change_password")
@login_required
def change_password_view():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current.data, form.new.data)
        except AccountError as exc:
            message = _("Wrong current password.") if "wrong" in str(exc) else \
                _("The new password must differ from the current one.")
            (form.current if "wrong" in str(exc) else form.new).errors.append(message)
        except DomainError:
            form.new.errors.append(_("The password must be at least 8 characters."))
        else:
            flash(_("Your password has been changed."), "info")
            return redirect(home_for(current_user))
    return render_template("auth/change_password.html", form=form, forced=current_user.must_change_password)


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next(request.form.get("next")) or url_for("auth.index"))


@bp.route("/")
def index():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    return redirect(url_for("auth.login"))
