"""User accounts as an administrator manages them: create, edit, roles, disable, reset the password.
Operations flush and never commit; every change is audited."""
from __future__ import annotations

import secrets
import string

from flask_babel import gettext as _
from sqlalchemy import func, select

from ..audit import record
from ..auth.services import find_user
from ..extensions import db
from ..models import ROLES, Attempt, DomainError, User
from .errors import AdminError

# No 0/O, 1/l/I: initial passwords are read off paper.
_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")


def generate_password(length: int = 10) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def _check_text(value: str, limit: int, label: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise AdminError(_("%(field)s is longer than %(limit)d characters.", field=label, limit=limit))
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise AdminError(_("%(field)s holds control characters.", field=label))
    return value


def check_username(username: str) -> str:
    username = (username or "").strip()
    if not username or len(username) > 64:
        raise AdminError(_("A user name has 1 to 64 characters."))
    if any(c.isspace() or ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in username):
        raise AdminError(_("A user name has no spaces or control characters."))
    return username


def create_account(actor, username: str, display_name: str, roles, phone: str = "", email: str = "",
                   password: str | None = None) -> tuple[User, str]:
    """A new account -> (user, initial password). Without ``password`` one is generated; either way the user
    must change it at first sign-in."""
    username = check_username(username)
    if find_user(username) is not None:
        raise AdminError(_("The user name %(name)s is taken.", name=username))
    roles = set(roles)
    if not roles or roles - set(ROLES):
        raise AdminError(_("Choose at least one known role."))
    password = password or generate_password()
    user = User(username=username, display_name=_check_text(display_name, 100, _("Name")),
                phone=_check_text(phone, 32, _("Phone")), email=_check_text(email, 120, _("E-mail")))
    user.roles = roles
    try:
        user.set_password(password)
    except DomainError:
        raise AdminError(_("The password must be at least 8 characters."))
    user.must_change_password = True
    db.session.add(user)
    db.session.flush()
    record("user.created", actor, user.username, {"roles": sorted(roles)})
    return user, password


def update_profile(actor, user: User, display_name: str, phone: str, email: str) -> None:
    before = {"name": user.display_name, "phone": user.phone, "email": user.email}
    user.display_name = _check_text(display_name, 100, _("Name"))
    user.phone = _check_text(phone, 32, _("Phone"))
    user.email = _check_text(email, 120, _("E-mail"))
    after = {"name": user.display_name, "phone": user.phone, "email": user.email}
    changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changed:
        db.session.flush()
        record("user.updated", actor, user.username, changed)


def _active_admins() -> int:
    return db.session.scalar(select(func.count(User.id)).where(
        User.active, User.roles_text.contains("admin"))) or 0


def set_roles(actor, user: User, roles) -> None:
    roles = set(roles)
    if not roles or roles - set(ROLES):
        raise AdminError(_("Choose at least one known role."))
    before = sorted(user.roles)
    if "admin" in user.roles and "admin" not in roles:
        if user.id == getattr(actor, "id", None):
            raise AdminError(_("You cannot take away your own administrator role."))
        if user.active and _active_admins() <= 1:
            raise AdminError(_("The last administrator keeps the role."))
    if set(before) == roles:
        return
    user.roles = roles
    db.session.flush()
    record("user.roles", actor, user.username, {"from": before, "to": sorted(roles)})


def set_active(actor, user: User, active: bool) -> None:
    """Disable or enable an account. Disabling keeps everything (results stay, the name stays taken)."""
    if user.active == active:
        return
    if not active:
        if user.id == getattr(actor, "id", None):
            raise AdminError(_("You cannot disable your own account."))
        if "admin" in user.roles and _active_admins() <= 1:
            raise AdminError(_("The last administrator cannot be disabled."))
    user.active = active
    db.session.flush()
    record("user.enabled" if active else "user.disabled", actor, user.username)


def has_results(user: User) -> bool:
    return bool(db.session.scalar(select(func.count(Attempt.id)).where(Attempt.user_id == user.id)))


def delete_account(actor, user: User) -> None:
    """Only an account that never sat anything may go; a trainee with results is disabled instead."""
    if has_results(user):
        raise AdminError(_("This user has exam results: disable the account instead of deleting it."))
    if user.id == getattr(actor, "id", None):
        raise AdminError(_("You cannot delete your own account."))
    if "admin" in user.roles and user.active and _active_admins() <= 1:
        raise AdminError(_("The last administrator cannot be deleted."))
    name = user.username
    db.session.delete(user)
    db.session.flush()
    record("user.deleted", actor, name)


def reset_password(actor, user: User, password: str | None = None, must_change: bool = True) -> str:
    """A new password (generated unless given) -> the password, shown once; by default the user must change it
    at next sign-in."""
    password = password or generate_password()
    try:
        user.set_password(password)
    except DomainError:
        raise AdminError(_("The password must be at least 8 characters."))
    user.must_change_password = must_change
    db.session.flush()
    record("user.password_reset", actor, user.username, {"must_change": must_change})
    return password


def user_page(search: str = "", role: str = "", page: int = 1, per_page: int = 50):
    """(users, total) for the list: search by user name or name, filter by role."""
    query = select(User)
    if search:
        like = f"%{search.strip()[:64]}%"
        query = query.where(User.username.ilike(like) | User.display_name.ilike(like))
    if role in ROLES:
        query = query.where(User.roles_text.contains(role))
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    users = db.session.scalars(query.order_by(User.username).limit(per_page).offset((page - 1) * per_page)).all()
    return users, total
