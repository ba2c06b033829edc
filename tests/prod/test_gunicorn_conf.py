"""gunicorn.conf.py: the master builds the Grader and freezes what it holds before it forks the workers."""
import gc
import importlib.util
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


class _Log:
    def __init__(self):
        self.warnings = []

    def warning(self, *args):
        self.warnings.append(args)


class _Server:
    def __init__(self, app):
        self.log = _Log()
        self.app = type("WSGIApp", (), {"wsgi": staticmethod(lambda: app)})()


def _conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf_under_test", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_when_ready_builds_the_grader_then_freezes_the_heap(app, monkeypatch):
    conf = _conf()
    monkeypatch.setattr(conf, "preload_app", True)
    server = _Server(app)
    assert gc.get_freeze_count() == 0
    try:
        conf.when_ready(server)
        # Frozen objects are left out of every later collection (and so out of the workers' copy-on-write).
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
    assert server.log.warnings == []


def test_without_preload_nothing_is_frozen(app, monkeypatch):
    conf = _conf()
    monkeypatch.setattr(conf, "preload_app", False)
    try:
        conf.when_ready(_Server(app))
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
