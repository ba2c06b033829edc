"""gunicorn settings for the exam server, from the environment (see docs/deployment.md).

    gunicorn -c gunicorn.conf.py wsgi:app
"""
import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A submit grades a whole paper and a token request hashes a password: seconds at worst, never minutes.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then (memory), staggered so that they never restart together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind nginx on the same machine: trust its X-Forwarded-* (the app's ProxyFix: PROXY_FIX_X_FOR etc.).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# The app is imported once, in the master: a worker that dies is replaced by a fork in milliseconds, and the
# workers share the Grader built below (copy-on-write). create_app opens no connection, so nothing is shared
# across the fork but code and that Grader.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"


def _build_grader(app, log) -> None:
    """The Grader (about a second: the bank's rubrics and synonym sets), so that no submit waits for it."""
    try:
        from app.extensions import db
        from app.scoring import current_grader

        with app.app_context():
            current_grader()
            db.session.remove()
            db.engine.dispose()  # no pooled connection crosses a fork
    except Exception as exc:  # the database away at start: the first submit builds it instead
        log.warning("grader not built at start: %s", exc)


def when_ready(server):
    if preload_app:
        _build_grader(server.app.wsgi(), server.log)
        # What the master holds now (about 380,000 objects: the app, jieba's dictionary, the Grader) lives as long
        # as the workers. Frozen, the workers' collections skip it: a full collection no longer walks it (about
        # 110 ms), its pages stay shared instead of being copied into every worker, and a recycled worker exits
        # in about 70 ms instead of 500 (Python's gc docs: freeze before fork).
        gc.collect()
        gc.freeze()


def post_worker_init(worker):
    # With preload, the master's Grader is reused (current_grader checks it is still current); without, built here.
    _build_grader(worker.wsgi, worker.log)
