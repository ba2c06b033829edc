"""A live server for the browser tests: ``python tests/e2e/serve.py DATABASE_URL PORT``.

Runs the real application (CSRF on, as in production) with werkzeug's threaded server on 127.0.0.1 until it is
terminated. Prints ``ready`` once it listens.
"""
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from werkzeug.serving import make_server  # noqa: E402

from app import create_app  # noqa: E402


def main() -> None:
    database_url, port = sys.argv[1], int(sys.argv[2])
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "e2e-secret", "RATELIMIT_ENABLED": False})
    with app.app_context():  # as a production worker does: the Grader is built before the first submit
        from app.scoring import current_grader
        from app.extensions import db

        current_grader()
        db.session.remove()
    server = make_server("127.0.0.1", port, app, threaded=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("ready", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
