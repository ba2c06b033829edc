"""Security headers: CSP (no inline script once the templates have none), frame-ancestors, nosniff, HSTS on
HTTPS, no-store on the user's pages and JSON."""
import re
from pathlib import Path

from app import create_app

TEMPLATES = Path(__file__).resolve().parents[2] / "app" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=", re.I)


def _script_src(policy: str) -> str:
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


def test_every_response_has_the_security_headers(client):
    response = client.get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: HSTS would be ignored


def test_hsts_over_https(client):
    response = client.get("/login", base_url="https://exam.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_exam_and_result_responses_are_not_stored(trainee_client, exam_paper):
    started = trainee_client.post(f"/papers/{exam_paper.key}/start")
    attempt_page = trainee_client.get(started.headers["Location"])
    assert attempt_page.status_code == 200
    assert attempt_page.headers["Cache-Control"] == "no-store"
    api = trainee_client.get("/api/history")
    assert api.headers["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client):
    response = client.get("/static/app.css")
    response.close()  # the file handle of a static response
    assert response.status_code == 200 and response.headers.get("Cache-Control") != "no-store"


def test_csp_allows_inline_script_only_while_a_template_has_one():
    inline = sorted(str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.html")
                    if INLINE_SCRIPT.search(p.read_text(encoding="utf-8")))
    policy = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["CONTENT_SECURITY_POLICY"]
    # When this fails because no template has an inline script left: drop 'unsafe-inline' from app.config.CSP.
    assert ("'unsafe-inline'" in _script_src(policy)) == bool(inline), inline


def test_the_policy_is_configurable(monkeypatch):
    monkeypatch.setenv("CONTENT_SECURITY_POLICY", "default-src 'self'; frame-ancestors 'none'")
    made = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert made.config["CONTENT_SECURITY_POLICY"] == "default-src 'self'; frame-ancestors 'none'"
