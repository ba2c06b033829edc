from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..extensions import db, limiter, login
from ..models import DomainError, User
from ..urls import safe_next
from .forms import ChangePasswordForm, LoginForm
from .guards import public, signed_in
from .services import AccountError, authenticate, change_password
from .throttle import account_key, address_key, issue_device_cookie, login_failed, signed_in_account_key

bp = Blueprint("auth", __name__)

login.login_view = "auth.login"
login.login_message = None  # the login page says it already


@login.user_loader
def load_user(user_id: str):
    """The user of a session or remember cookie ("id:session_version"), None once that version has ended."""
    ident, _colon, version = user_id.partition(":")
    if not (ident + version).isascii() or not ident.isdigit() or not version.isdigit() or len(ident) > 18 \
            or len(version) > 18:
        return None
    user = db.session.get(User, int(ident))
    if user is None or user.session_version != int(version):
        return None
    return user


def home_for(user) -> str:
    if user.has_role("trainee"):
        return url_for("exams.dashboard")
    if user.has_role("admin"):
        return url_for("admin.index")
    return url_for("authoring.index")


@bp.route("/login", methods=["GET", "POST"], endpoint="login")
@public
# Wrong passwords count against the account only (or, with a device cookie of that account, against the device);
# the address limit is wide enough for a classroom behind one NAT (or one proxy without ProxyFix) to sign in at once.
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"], key_func=account_key,
               deduct_when=login_failed,
               error_message=lambda: _("Too many wrong passwords for this account: wait a minute."))
@limiter.limit(lambda: current_app.config["LOGIN_ADDRESS_RATE_LIMIT"], methods=["POST"], key_func=address_key,
               error_message=lambda: _("Too many sign-ins from this address: wait a minute."))
def login_view():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is None:
            login_failed.mark()
            form.password.errors.append(_("Wrong username or password."))
        else:
            _fresh_session()  # no fixation
            login_user(user, remember=form.remember.data)
            return issue_device_cookie(redirect(safe_next(request.args.get("next")) or home_for(user)), user.username)
    return render_template("auth/login.html", form=form)


def _fresh_session() -> None:
    """An empty session, but for the language chosen (on the sign-in page, say): dropped with the rest, the page
    after signing in or out was back in Chinese."""
    language = session.get("lang")
    session.clear()
    if language is not None:
        session["lang"] = language


@bp.route("/logout", methods=["POST"])
@signed_in
def logout():
    """Sign out everywhere: this session, the remember cookie and every other session and bearer token."""
    current_user.end_all_sessions()
    _fresh_session()
    logout_user()  # after clear(): its marker tells Flask-Login to delete the remember cookie
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


# Pages a user who must change their password may still reach.
_ALLOWED_BEFORE_CHANGE = {"auth.change_password", "auth.logout", "auth.set_language", "auth.login", "static"}


@bp.before_app_request
def require_password_change():
    """After an administrator's reset, nothing but the change-password page until the password is changed."""
    if not current_user.is_authenticated or not getattr(current_user, "must_change_password", False):
        return None
    if request.endpoint in _ALLOWED_BEFORE_CHANGE or request.path.startswith("/api/"):
        return None  # the API answers for itself, in JSON, for bearer tokens and sessions alike (api.base)
    return redirect(url_for("auth.change_password"))


@bp.route("/password", methods=["GET", "POST"], endpoint="change_password")
@signed_in
# A wrong current password counts as a wrong password at sign-in: no unlimited guessing on a session left open.
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"], key_func=signed_in_account_key,
               deduct_when=login_failed,
               error_message=lambda: _("Too many wrong passwords for this account: wait a minute."))
def change_password_view():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current.data, form.new.data)
        except AccountError as exc:
            if "wrong" in str(exc):
                login_failed.mark()
            message = _("Wrong current password.") if "wrong" in str(exc) else \
                _("The new password must differ from the current one.")
            (form.current if "wrong" in str(exc) else form.new).errors.append(message)
        except DomainError:
            form.new.errors.append(_("The password must be at least 8 characters."))
        else:
            # The change ended every session of the user (session_version); this one goes on with the new one.
            login_user(current_user._get_current_object())
            flash(_("Your password has been changed."), "info")
            return redirect(home_for(current_user))
    return render_template("auth/change_password.html", form=form, forced=current_user.must_change_password)


@bp.route("/lang/<code>", methods=["POST"])
@public
def set_language(code: str):
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next(request.form.get("next")) or url_for("auth.index"))


@bp.route("/")
@public
def index():
    if current_user.is_authenticated:
        return redirect(home_for(current_user))
    return redirect(url_for("auth.login"))
