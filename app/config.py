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


# argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms of one core per sign-in, where
# argon2-cffi's default (64 MiB, 3 passes, 4 lanes) costs about 180 ms of CPU. A class of 200 signing in within a
# minute then takes 4 CPU-seconds instead of 36 on a 2-core server. Raise it with ARGON2_* on a bigger machine;
# stored hashes carry their own parameters and are rehashed to the current ones at the next sign-in.
ARGON2_DEFAULT = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}


def _argon2_params() -> dict:
    names = {"time_cost": "ARGON2_TIME_COST", "memory_cost": "ARGON2_MEMORY_KIB", "parallelism": "ARGON2_PARALLELISM"}
    return {key: _count(env, "argon2 units") if os.environ.get(env) else default
            for (key, env), default in zip(names.items(), ARGON2_DEFAULT.values())}


def from_environment(instance_path: str) -> dict:
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'exam.sqlite3'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://"):]
    if database_url.startswith("postgresql://"):
        # psycopg 3 is the driver the project installs.
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://"):]
    redis_url = os.environ.get("REDIS_URL")
    secure = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    optional = {name: os.environ[name] for name in ("LOGIN_RATE_LIMIT", "LOGIN_ADDRESS_RATE_LIMIT", "PRACTICE_RATE_LIMIT",
                                                     "FOCUS_RATE_LIMIT", "CONTENT_SECURITY_POLICY")
                if os.environ.get(name)}
    return optional | {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "REDIS_URL": redis_url,
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_SECURE": secure,
        "CENTRE_TIMEZONE": os.environ.get("CENTRE_TIMEZONE", "Asia/Shanghai"),  # times on every page
        # Behind a reverse proxy, how many proxies set X-Forwarded-For / -Proto / -Host / -Prefix (0: trust none).
        "PROXY_FIX": {part: _count(f"PROXY_FIX_X_{part.upper()}") for part in ("for", "proto", "host", "prefix")},
        # With REDIS_URL a trainee's submit queues its grading for the worker (a class submitting at once does
        # not wait behind each other); 0 grades in the request, as without Redis.
        "GRADE_IN_BACKGROUND": os.environ.get("GRADE_IN_BACKGROUND", "1") != "0",
        # where bank uploads wait between preview and import (shared storage with several servers); None: instance
        "BANK_UPLOAD_FOLDER": os.environ.get("BANK_UPLOAD_FOLDER") or None,
        "ARGON2_PARAMS": _argon2_params(),
        "BANK_PATH": os.environ.get("BANK_PATH", str(Path(__file__).resolve().parent.parent / "question_bank")),
    }


def _count(name: str, what: str = "proxies") -> int:
    value = os.environ.get(name, "0").strip()
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"{name} must be a whole number of {what}, not {value!r}")
    return int(value)


# No inline script anywhere: behaviour lives in static files (static/common.js for print buttons and
# self-submitting selects); tests/prod/test_headers.py checks the templates.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

DEFAULTS = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "BABEL_DEFAULT_LOCALE": "zh_CN",
    "LANGUAGES": {"zh_CN": "中文", "en": "English"},
    # Wrong passwords per account; sign-in attempts per client address (a classroom behind one NAT fits).
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
    "LOGIN_ADDRESS_RATE_LIMIT": "300 per minute",
    # How long a device cookie (left by a successful sign-in) gives its browser its own wrong-password bucket.
    "DEVICE_COOKIE_MAX_AGE": 180 * 24 * 3600,
    # Practice answers per trainee: each case answer is graded on the spot (CPU); a person answers far fewer.
    "PRACTICE_RATE_LIMIT": "30 per minute;600 per hour",
    # Focus losses reported per trainee (the exam page sends at most one every 2 seconds), and how many of an
    # attempt's are stored with their times: past that only its count goes up.
    "FOCUS_RATE_LIMIT": "30 per minute;600 per hour",
    "FOCUS_EVENTS_KEPT": 200,
    # A moving window counts the hits of the last period: a fixed one resets on the clock, so that a guesser gets
    # twice the limit across a boundary (and a count can restart mid-test).
    "RATELIMIT_STRATEGY": "moving-window",
    "RATELIMIT_HEADERS_ENABLED": True,  # Retry-After on a 429
    # Redis away: limits go on in this process (a warning in the log), never a 500.
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
    "RATELIMIT_SWALLOW_ERRORS": True,
    "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    "CONTENT_SECURITY_POLICY": CSP,
    "HSTS_MAX_AGE": 31536000,
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session: long exams must not expire it
    "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
}
