"""The exam platform's application factory."""
import os

from flask import Flask, request

from . import config as config_module
from .extensions import babel, csrf, db, limiter, login, migrate, select_locale


def create_app(config: dict | None = None) -> Flask:
    """Build the application. No side effects: no migrations, prompts or network at start-up."""
    app = Flask(__name__, instance_relative_config=True, instance_path=os.environ.get("INSTANCE_PATH"),
                static_folder=os.path.join(os.path.dirname(os.path.dirname(__file__)), "static"))
    app.config.update(config_module.DEFAULTS)
    app.config.update(config_module.from_environment(app.instance_path))
    if config:
        app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config_module.load_secret_key(app.instance_path)

    if app.config.get("ARGON2_PARAMS"):
        from argon2 import PasswordHasher

        app.extensions["password_hasher"] = PasswordHasher(**app.config["ARGON2_PARAMS"])
    if any(app.config["PROXY_FIX"].values()):
        from werkzeug.middleware.proxy_fix import ProxyFix

        fix = app.config["PROXY_FIX"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=fix["for"], x_proto=fix["proto"], x_host=fix["host"],
                                x_prefix=fix["prefix"])
    from . import edge

    edge.register(app)  # first: every other hook sees only storable text
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(os.path.dirname(__file__)), "migrations"))
    login.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)

    from .auth.views import bp as auth_bp
    from .exams.views import bp as exams_bp
    from .authoring.views import bp as authoring_bp
    from .admin.views import bp as admin_bp
    from .api.views import bp as api_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(exams_bp)
    app.register_blueprint(authoring_bp, url_prefix="/authoring")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api")
    from .review.views import bp as review_bp; app.register_blueprint(review_bp, url_prefix="/review")  # noqa: E702
    from .reports.views import bp as reports_bp; app.register_blueprint(reports_bp, url_prefix="/reports")
    from .jobs.views import bp as jobs_bp; app.register_blueprint(jobs_bp, url_prefix="/jobs")  # noqa: E702

    from . import cli, errors, transactions

    cli.register(app)
    errors.register(app)
    transactions.register(app)
    _register_template_helpers(app)
    return app


def _register_template_helpers(app: Flask) -> None:
    @app.template_global()
    def teaches_no_class() -> bool:
        """Whether the signed-in user is an instructor who teaches no class (templates/_no_class.html)."""
        from flask_login import current_user

        from .reach import teaches_no_class as nothing_taught

        return current_user.is_authenticated and nothing_taught(current_user)

    @app.context_processor
    def inject_globals():
        # The configured code (zh_CN / en), not Babel's expanded form (zh_Hans_CN).
        return {"languages": app.config["LANGUAGES"], "current_locale": select_locale()}

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if app.config.get("CONTENT_SECURITY_POLICY"):
            response.headers.setdefault("Content-Security-Policy", app.config["CONTENT_SECURITY_POLICY"])
        if request.is_secure and app.config.get("HSTS_MAX_AGE"):
            response.headers.setdefault("Strict-Transport-Security", f"max-age={app.config['HSTS_MAX_AGE']}")
        if request.endpoint != "static" and request.method in ("GET", "HEAD"):
            # Pages and JSON are the user's own (attempts, results, answers): no shared or back-button cache.
            # Answers to POST and PUT are not cached anyway; marked no-store, the exam page's keepalive focus
            # report went missing from Chromium's resource timing (tests/e2e).
            response.headers["Cache-Control"] = "no-store"
        return response
