import os
import stat

from app import create_app


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("INSTANCE_PATH", str(tmp_path / "instance"))
    first = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    second = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    key_file = tmp_path / "instance" / "secret_key"
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"] == key_file.read_text()
    assert len(first.config["SECRET_KEY"]) >= 32
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_secret_key_from_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["SECRET_KEY"] == "from-env"


def test_database_url_from_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@localhost/x")
    monkeypatch.setenv("SECRET_KEY", "k")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@localhost/x"


def test_default_database_is_sqlite_in_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("SECRET_KEY", "k")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{app.instance_path}/exam.sqlite3"


def test_chinese_by_default_english_on_request(client):
    page = client.get("/login").get_data(as_text=True)
    assert "登录" in page
    client.post("/lang/en", data={"next": "/login"})
    assert "Sign in" in client.get("/login").get_data(as_text=True)


def test_security_headers(client):
    response = client.get("/login")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_api_errors_are_json(client):
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.is_json and response.json["error"] == "not_found"


def test_language_switch_offers_only_the_other_language(client):
    page = client.get("/login").get_data(as_text=True)
    assert ">English</button>" in page and ">中文</button>" not in page
    client.post("/lang/en", data={"next": "/login"})
    page = client.get("/login").get_data(as_text=True)
    assert ">中文</button>" in page and ">English</button>" not in page and 'lang="en"' in page


def test_pages_name_their_icon_so_the_browser_asks_for_no_missing_favicon(client):
    """Every page's request for /favicon.ico was a 404, an error in the console of every browser."""
    page = client.get("/login").get_data(as_text=True)
    assert '<link rel="icon" href="data:image/svg+xml,' in page


def test_every_page_of_its_own_names_the_icon():
    """Pages that do not extend base.html (the printable reports, the static 'unavailable' page) named no icon: the
    browser asked for /favicon.ico on every print."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    icon = (root / "app" / "templates" / "_icon.html").read_text(encoding="utf-8").strip().splitlines()[-1]
    pages = [p for p in (root / "app" / "templates").rglob("*.html")
             if p.name != "_icon.html" and re.search(r"<head[\s>]", p.read_text(encoding="utf-8"))]
    assert {p.name for p in pages} >= {"base.html", "transcript.html", "ranking.html"}
    assert [p.name for p in pages if '{% include "_icon.html" %}' not in p.read_text(encoding="utf-8")] == []
    assert icon.startswith('<link rel="icon" href="data:') and icon in (root / "static" / "unavailable.html").read_text()
