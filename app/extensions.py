"""Flask extensions, created unbound and attached in create_app with init_app."""
from flask import session
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData

# Named constraints so that Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING))
migrate = Migrate(render_as_batch=True)
login = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def unlimited(view):
    """Mark a hot view (an exam's autosave) that no rate limit applies to: the limiter then skips it at once
    instead of resolving, per request, that it has no limit (about 7% of a save's CPU). Views are limited
    unless marked."""
    view.rate_limit_free = True
    return view


@limiter.request_filter
def _marked_unlimited() -> bool:
    from flask import current_app, request

    return getattr(current_app.view_functions.get(request.endpoint), "rate_limit_free", False)


def select_locale():
    """The language the user chose (kept in the session), else Chinese."""
    from flask import current_app, has_request_context

    chosen = session.get("lang") if has_request_context() else None  # the CLI and jobs speak the default
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]
