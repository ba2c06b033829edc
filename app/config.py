"""Configuration read from the environment, with embedded defaults for a laptop."""
import os
import secrets
from pathlib import Path


def load_secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the instance folder."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    # Create with owner-only permissions: the key signs every session cookie.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


def from_environment(instance_path: str) -> dict:
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'exam.sqlite3'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://"):]
    if database_url.startswith("postgresql://"):
        # psycopg 3 is the driver the project installs.
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://"):]
    redis_url = os.environ.get("REDIS_URL")
    secure = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_SECURE": secure,
        "CENTRE_TIMEZONE": os.environ.get("CENTRE_TIMEZONE", "Asia/Shanghai"),  # times on every page
        "BANK_PATH": os.environ.get("BANK_PATH", str(Path(__file__).resolve().parent.parent / "question_bank")),
    }


DEFAULTS = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "BABEL_DEFAULT_LOCALE": "zh_CN",
    "LANGUAGES": {"zh_CN": "中文", "en": "English"},
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session: long exams must not expire it
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
}
