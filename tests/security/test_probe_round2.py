"""An outside tester's second probe: every route, as every role, with hostile input and hostile stored data.

Each finding of the probe is a regression test here; the sweeps (every route with hostile query strings and
forms, every page with stored markup) stay as guards for routes added later."""
import re
from html.parser import HTMLParser

import pytest

from app.extensions import db
from app.exams.lifecycle import save_answer, start_attempt, submit_attempt
from app.models import Cohort
from tests.conftest import PASSWORD
from tests.exams.factories import make_paper, seed_bank

XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>"onmouseover=alert(1) data-xss=\'y'
# A question's area is at most 50 characters (the bank refuses longer; PostgreSQL enforces the column's length).
XSS_SHORT = '<script>alert(1)</script>"onmouseover=x\''


class _Injected(HTMLParser):
    """What the markup of XSS would have become in a page that did not escape it: a script with its code, or an
    element with an event-handler attribute or the attribute ``data-xss``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.found += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on") or name == "data-xss"]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(1)" in data:
            self.found.append("<script>alert(1)")


def injected(html: str) -> list[str]:
    parser = _Injected()
    parser.feed(html)
    return parser.found


@pytest.fixture
def world(app, make_user):
    """A bank, a paper, a class, a trainee with a submitted attempt and an open one; clients for each role."""
    trainee = make_user("w_trainee", roles=("trainee",), display_name=XSS)
    other = make_user("w_other", roles=("trainee",))
    instructor = make_user("w_instructor", roles=("instructor",), display_name=XSS)
    admin = make_user("w_admin", roles=("admin",))
    seed_bank()
    paper = make_paper()
    cohort = Cohort(name="班" + XSS, description=XSS)
    cohort.members.extend([trainee, instructor])
    db.session.add(cohort)
    done, _ = start_attempt(trainee, paper)
    for item in done.items:
        content = item.version.content
        if content["type"] == "case":
            save_answer(done, item.version.question.key, {p["id"]: XSS for p in content["parts"]})
    submit_attempt(done)
    db.session.commit()
    response_id = next(i.response.id for i in done.items if i.response is not None and i.version.content["type"] == "case")
    values = {"attempt_id": str(done.id), "paper_id": paper.key, "paper_key": paper.key,
              "question_id": "complaints.case", "question_key": "complaints.case", "code": "en",
              "filename": "app.css", "cohort_id": str(cohort.id), "user_id": str(other.id),
              "response_id": str(response_id), "username": trainee.username, "job_id": "nojob"}
    users = {"trainee": trainee, "other": other, "instructor": instructor, "admin": admin}

    def client(role):
        made = app.test_client()
        if role != "anonymous":
            response = made.post("/login", data={"username": users[role].username, "password": PASSWORD})
            assert response.status_code == 302
        return made

    return {"values": values, "client": client, "users": users, "paper": paper, "attempt": done,
            "cohort": cohort}


def _routes(app):
    return sorted(((rule, method) for rule in app.url_map.iter_rules()
                   for method in sorted(rule.methods - {"HEAD", "OPTIONS"}) if rule.endpoint != "static"),
                  key=lambda pair: (pair[0].rule, pair[1]))


def _url(rule, values, endpoint=None) -> str:
    url = rule.rule
    for arg in rule.arguments:
        value = values.get(arg, "1")
        if arg == "key":
            value = values["paper_key"] if "/papers/" in rule.rule else values["question_key"]
        url = re.sub(r"<(?:[a-z]+:)?%s>" % arg, value, url)
    return url


def _role_for(app, endpoint: str) -> str:
    blueprint = endpoint.rpartition(".")[0]
    roles = getattr(app.blueprints.get(blueprint), "required_roles", None)
    if roles is None:
        roles = getattr(app.view_functions[endpoint], "required_roles", ()) or ()
    if blueprint == "api":
        return "trainee"
    for role in ("admin", "instructor", "trainee"):
        if role in roles:
            return role
    return "trainee"


# Query arguments any view reads (request.args.get), with the names url_for reserves for itself.
QUERY_NAMES = ("page", "q", "role", "kind", "actor", "target", "from", "to", "paper", "cohort", "pick", "state",
               "flag", "question", "blind", "topic", "difficulty", "mistakes", "status", "type", "mode", "attempts",
               "job", "next", "format", "retired", "draft", "_scheme", "_external", "_anchor", "_method")
HOSTILE = ("-1", "0", "99999999999999999999", "1e309", "nan", "²", "１", "x" * 5000, XSS, "2026-13-45",
           "../../etc/passwd", "//evil.example/", "javascript:alert(1)")


def _ok(code: int) -> bool:
    return code < 500


def _client_per_role(app, world):
    """``client_for(endpoint)``: a client signed in as the role ``endpoint`` is for, one per role, made on first use
    (the sweeps below go through every route)."""
    clients = {}

    def client_for(endpoint: str):
        role = _role_for(app, endpoint)
        if role not in clients:
            clients[role] = world["client"](role)
        return clients[role]

    return client_for


def test_hostile_query_strings_on_every_page_are_never_a_500(app, world):
    """Every GET route, as the role it is for, with each hostile value in every query argument the app reads
    (and in url_for's own _scheme/_external/_anchor/_method): a 4xx or a page, never a 500."""
    failures = []
    client_for = _client_per_role(app, world)
    for rule, method in _routes(app):
        if method != "GET":
            continue
        made = client_for(rule.endpoint)
        url = _url(rule, world["values"])
        queries = [{name: value for name in QUERY_NAMES if not name.startswith("_")} for value in HOSTILE]
        queries += [{name: value} for name in QUERY_NAMES if name.startswith("_") for value in ("x", "javascript")]
        for query in queries:  # every argument at once, then url_for's own names one by one
            response = made.get(url, query_string=query)
            if not _ok(response.status_code):
                name, value = next(iter(query.items()))
                failures.append((url, name, value[:20], response.status_code))
    assert failures == [], "\n".join(map(str, failures))


def test_the_audit_logs_next_page_link_takes_only_the_filters_from_the_address(admin_client, db):
    """The next-page link was url_for(**request.args): ?_method=x was a 500 (BuildError), and
    ?_external=1&_scheme=javascript&kind=%0aalert(1) made the link javascript://localhost/admin/audit?...%0aalert(1)
    (inert only while the CSP forbids javascript: URLs); unknown arguments were carried along too."""
    from app.audit import record

    for n in range(101):
        record("auth.login_failed", None, f"name{n}")
    db.session.commit()
    assert admin_client.get("/admin/audit?_method=POST").status_code == 200
    page = admin_client.get("/admin/audit?_external=1&_scheme=javascript&_anchor=x&kind=&junk=1")
    assert page.status_code == 200
    links = re.findall(r'href="([^"]*page=2[^"]*)"', page.get_data(as_text=True))
    assert len(links) == 1 and links[0].startswith("/admin/audit?"), links
    assert "javascript" not in links[0] and "#" not in links[0] and "junk" not in links[0]
    kept = admin_client.get("/admin/audit?actor=w&target=name1").get_data(as_text=True)
    link = re.findall(r'href="([^"]*page=2[^"]*)"', kept)
    assert link == [] or ("actor=w" in link[0] and "target=name1" in link[0])


FORM_NAMES = ("active", "answer", "closes_at", "create_classes", "delete", "description", "difficulty",
              "display_name", "email", "explanation", "filename", "format", "go", "id", "kind", "members", "mode",
              "name", "next", "opens_at", "paper", "paper_id", "partner_id", "partner_mark", "pass_mark", "payload",
              "phone", "points", "publish", "question_key", "remove", "retired", "roles", "shuffle_options", "source",
              "stem", "tags", "text", "title", "token", "topic", "track_focus", "try_answer", "try_part", "type",
              "username", "yaml", "cohort", "cohorts", "pick", "from", "to", "time_limit", "max_attempts", "tolerance",
              "kind", "actor", "target", "role", "q", "preview", "part", "state", "download_token",
              "option-A", "option-B", "part-0-id", "part-0-prompt", "part-0-points", "part-0-rubric",
              "part-0-reference", "part-0-order", "part-0-order_points", "part-0-samples", "section-0-title",
              "section-0-mode", "section-0-questions", "section-0-points_each", "section-0-draw_count",
              "section-0-draw_type", "section-0-draw_min", "section-0-draw_max", "section-0-yaml", "c-1", "t-1")
FORM_HOSTILE = ("-1", "99999999999999999999", "1e309", "nan", "²", "１", "x" * 20000, XSS, "2026-13-45T25:61",
                "1")
SKIP_POSTS = {"auth.logout", "auth.login", "api.issue_token"}


def test_hostile_forms_on_every_state_change_are_never_a_500(app, world):
    """Every POST, PUT, PATCH and DELETE route, as the role it is for, with each hostile value in every form
    field any page has (and the editors' numbered fields): a 4xx, a re-rendered form or a redirect, never a 500,
    and no markup of the value echoed unescaped."""
    failures = []
    client_for = _client_per_role(app, world)
    routes = sorted(_routes(app), key=lambda pair: pair[0].endpoint.endswith(("delete", "retire")))  # those last
    for rule, method in routes:
        if method not in ("POST", "PUT", "PATCH", "DELETE") or rule.endpoint in SKIP_POSTS:
            continue
        made = client_for(rule.endpoint)
        url = _url(rule, world["values"])
        for value in FORM_HOSTILE:
            response = made.open(url, method=method, data={name: value for name in FORM_NAMES})
            body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
            if not _ok(response.status_code) or (value == XSS and injected(body)):
                failures.append((method, url, value[:20], response.status_code))
    assert failures == [], "\n".join(map(str, failures))


def _xss_question_and_paper(trainee):
    """A case and a single-choice question with markup in every text, a paper of them (markup in its title and
    sections), and the trainee's graded attempt at it."""
    from tests.exams.factories import add_question

    case = {"id": "xss.case", "type": "case", "topic": "投诉" + XSS_SHORT, "difficulty": 3, "tags": [XSS[:20]],
            "stem": "题干" + XSS, "source": XSS,
            "parts": [{"id": "a", "prompt": "问" + XSS, "points": 10, "reference": "参考" + XSS,
                       "rubric": [{"id": "p1", "text": "要点" + XSS, "points": 10, "match": [["道歉"]]}]}]}
    single = {"id": "xss.single", "type": "single", "topic": "投诉" + XSS_SHORT, "difficulty": 2, "tags": [],
              "stem": "单选" + XSS, "options": {"A": "甲" + XSS, "B": "=1+1", "C": "@SUM(A1)"}, "answer": "A",
              "points": 1, "explanation": "解析" + XSS}
    add_question(case)
    add_question(single)
    paper = make_paper("xss-p", title="卷" + XSS, description=XSS,
                       sections=[{"title": "节" + XSS, "questions": ["xss.single", "xss.case"]}])
    attempt, _ = start_attempt(trainee, paper)
    save_answer(attempt, "xss.case", {"a": "道歉" + XSS})
    save_answer(attempt, "xss.single", "B")
    submit_attempt(attempt)
    db.session.commit()
    return paper, attempt


def test_markup_in_stored_texts_is_escaped_on_every_page(app, world):
    """Markup in a question (stem, options, rubric, reference, explanation, topic), a paper (title, sections),
    a class, names and a trainee's answer, on every GET page as every role that may open it: always escaped."""
    paper, attempt = _xss_question_and_paper(world["users"]["trainee"])
    response_id = next(i.response.id for i in attempt.items if i.version.content["type"] == "case")
    values = dict(world["values"], paper_key=paper.key, paper_id=paper.key, attempt_id=str(attempt.id),
                  question_key="xss.case", question_id="xss.case", response_id=str(response_id))
    cohort = str(world["cohort"].id)
    extra = {"reports.index": {"paper": paper.key, "cohort": cohort}, "reports.ranking": {"paper": paper.key},
             "reports.dashboard": {"paper": paper.key, "cohort": cohort},
             "review.queue_page": {"paper": paper.key, "state": "all"}, "admin.user_list": {"q": "w_"},
             "exams.practice": {"question": "xss.single"}, "authoring.index": {"q": "xss"}}
    failures = []
    for role in ("trainee", "instructor", "admin"):
        made = world["client"](role)
        for rule, method in _routes(app):
            if method != "GET" or _role_for(app, rule.endpoint) != role and rule.endpoint.split(".")[0] != "auth":
                continue
            for key in ("xss.case", "xss.single") if "<key>" in rule.rule and "/questions/" in rule.rule else (None,):
                url = _url(rule, dict(values, question_key=key) if key else values)
                response = made.get(url, query_string=extra.get(rule.endpoint, {}))
                body = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
                if not _ok(response.status_code) or injected(body):
                    failures.append((role, url, response.status_code, injected(body)))
        seen = made.get(f"/attempts/{attempt.id}/result" if role == "trainee" else f"/review/attempts/{attempt.id}")
        assert "alert(1)" in seen.get_data(as_text=True), seen.get_data(as_text=True)[-2500:]  # shown, escaped
    assert failures == [], "\n".join(map(str, failures))


FORMULAS = ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1", "＝1+1", "=HYPERLINK(\"http://x\")")


def _cells(data: bytes, mimetype: str) -> list[str]:
    """Every text cell of a CSV or XLSX download (an XLSX formula cell as '=...' so that it is caught)."""
    import csv
    import io

    if "spreadsheetml" in mimetype or data[:2] == b"PK":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data))
        return [("=" + str(c.value)) if c.data_type == "f" else c.value for ws in book.worksheets
                for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_every_spreadsheet_download_neutralises_formulas(app, world, login, make_user, db):
    """Formula-like text put where anyone can put it (a user name tried at sign-in, a display name, a class name,
    an answer, key point and option texts), then every CSV and XLSX the site hands out: no cell a spreadsheet
    would evaluate."""
    import base64

    from app.reports.cells import formula_like

    anonymous = world["client"]("anonymous")
    for text in FORMULAS:
        anonymous.post("/login", data={"username": text, "password": "wrong-password"})
    trainee = make_user("f_trainee", display_name="=cmd|' /C calc'!A0")
    world["cohort"].members.append(trainee)
    world["cohort"].name = "@班级"
    paper, attempt = _xss_question_and_paper(trainee)
    db.session.commit()
    admin, instructor = world["client"]("admin"), world["client"]("instructor")
    cohort = str(world["cohort"].id)
    downloads = [
        admin.post("/admin/audit/export", data={}),
        admin.post("/reports/export", data={"paper": paper.key, "format": "csv"}),
        admin.post("/reports/export", data={"paper": paper.key, "format": "xlsx"}),
        instructor.post("/reports/export", data={"paper": paper.key, "format": "csv", "cohort": cohort}),
        admin.get(f"/review/papers/{paper.key}/items.csv"),
        admin.get(f"/review/papers/{paper.key}/marking.xlsx"),
    ]
    table = "姓名,用户名,角色\n" + "\n".join(f"{text.strip() or 'x'},imp{n},trainee" for n, text in enumerate(FORMULAS))
    payload = base64.b64encode(table.encode("utf-8")).decode("ascii")
    downloads.append(admin.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload}))
    seen = []
    for response in downloads:
        data = response.get_data()
        response.close()
        assert response.status_code == 200, data[:500]
        cells = _cells(data, response.mimetype)
        assert cells
        live = [c for c in cells if formula_like(c)]
        assert live == [], (response.headers.get("Content-Disposition"), live)
        seen += [c for c in cells if c.startswith("'")]
    assert {"'=1+1", "'@SUM(A1)", "'=cmd|' /C calc'!A0", "'@班级"} <= set(seen)


def test_an_earlier_result_shows_no_solution_of_a_question_in_the_exam_under_way(trainee, trainee_client, exam_paper,
                                                                                 db):
    """Practice, the 错题本 and its printout hold back the solutions of the questions of one's open attempt; the
    result page of an earlier attempt at the same paper (another tab, during the retake) and the API's copy of
    it showed them: the reference answer and key points of the case being answered, the options' key and the
    explanations."""
    import json

    from tests.exams.factories import SECRET_EXPLANATION, SECRET_REFERENCE, SECRET_RUBRIC

    first, _ = start_attempt(trainee, exam_paper)
    save_answer(first, "complaints.case", {"a": "道歉", "b": "回访"})
    submit_attempt(first)
    db.session.commit()
    page = trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)
    assert SECRET_REFERENCE in page and SECRET_RUBRIC in page and SECRET_EXPLANATION in page  # once nothing is open
    retake, _ = start_attempt(trainee, exam_paper)
    db.session.commit()
    page = trainee_client.get(f"/attempts/{first.id}/result")
    api = json.dumps(trainee_client.get(f"/api/attempts/{first.id}").get_json(), ensure_ascii=False)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    fixed = {"complaints.case", "complaints.m0", "etiquette.j0"}  # in both attempts (the singles are drawn)
    for shown in (text, api):
        assert SECRET_REFERENCE not in shown and SECRET_RUBRIC not in shown
        for key in fixed:
            assert f"{SECRET_EXPLANATION}-{key}" not in shown, key
    result = trainee_client.get(f"/api/attempts/{first.id}").get_json()["result"]
    held = {item["question"]: item for item in result["items"]}
    for key in fixed:
        assert held[key]["withheld"] is True
        assert not {"correct_answer", "correct_labels", "is_correct", "explanation"} & set(held[key]), key
    assert "交卷后才显示它的得分、答案和解析" in text
    assert result["score"] is None and result["withheld"] is True  # and the totals that count them (round 3)
    submit_attempt(retake)
    db.session.commit()
    assert SECRET_REFERENCE in trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)


def test_an_instructor_reaches_no_other_class_through_any_report(app, world, make_user, db):
    """Every report route (pages, downloads, print pages), as an instructor naming a class they do not teach or
    a trainee of it: 403 for a class, whatever the format; 404 for a person, as for a name nobody has (round 3:
    a 403 told the instructor the name exists)."""
    outsider = make_user("x_trainee", roles=("trainee",))
    other = Cohort(name="别的班", members=[outsider])
    db.session.add(other)
    db.session.commit()
    paper, cohort = world["paper"].key, str(other.id)
    instructor = world["client"]("instructor")
    calls = [("GET", "/reports/", {"paper": paper, "cohort": cohort}),
             ("GET", "/reports/ranking", {"paper": paper, "cohort": cohort}),
             ("GET", "/reports/dashboard", {"paper": paper, "cohort": cohort}),
             ("POST", "/reports/export", {"paper": paper, "cohort": cohort, "format": "csv"}),
             ("POST", "/reports/export", {"paper": paper, "cohort": cohort, "format": "xlsx"}),
             ("POST", "/reports/ranking.pdf", {"paper": paper, "cohort": cohort}),
             ("GET", "/reports/transcript/x_trainee", {}), ("POST", "/reports/transcript/x_trainee.pdf", {}),
             ("GET", "/reports/transcript/w_instructor", {})]
    for method, url, fields in calls:
        response = (instructor.get(url, query_string=fields) if method == "GET" else instructor.post(url, data=fields))
        expected = 404 if "/transcript/" in url else 403
        assert response.status_code == expected, (method, url, response.status_code)
    # the class taught works, the same way
    assert instructor.get("/reports/ranking", query_string={"paper": paper,
                                                            "cohort": world["cohort"].id}).status_code == 200


NEXTS = ("https://evil.example/", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
         "/\t/evil.example", "/\n/evil.example", " //evil.example", "https:evil.example", "/%2F/evil.example",
         "/%5Cevil.example", "javascript:alert(1)", "//evil.example@localhost/", "/.//evil.example",
         "http://localhost@evil.example/")


def _leaves(location: str) -> bool:
    """Whether a browser following ``location`` from http://localhost/ would leave the site."""
    from urllib.parse import urljoin, urlsplit

    cleaned = "".join(ch for ch in location if ch not in "\t\n\r").strip()  # as browsers read a URL
    target = urlsplit(urljoin("http://localhost/login", cleaned.replace("\\", "/")))
    return target.scheme not in ("http", "https") or target.hostname != "localhost"


@pytest.mark.parametrize("target", NEXTS)
def test_no_next_parameter_leads_off_the_site(app, world, target):
    """Every redirect that follows a next= (signing in, the language switch, adding to the 错题本): a
    same-site path or the default page, whatever the spelling of another host."""
    anonymous = world["client"]("anonymous")
    responses = [anonymous.post("/login", query_string={"next": target},
                                data={"username": "w_other", "password": PASSWORD}),
                 anonymous.post("/lang/en", data={"next": target}),
                 world["client"]("trainee").post("/mistakes", data={"question_key": "gas.s0", "next": target})]
    for response in responses:
        assert response.status_code == 302
        assert not _leaves(response.headers["Location"]), (target, response.headers["Location"])


UPLOADS = [("admin", "/admin/users/import", "file"), ("instructor", "/authoring/exchange", "file"),
           ("instructor", "/authoring/import", "file"), ("instructor", "/review/papers/mock-t/marking/preview", "sheet"),
           ("instructor", "/authoring/questions/complaints.case/test-responses", "file")]
FILENAMES = ("a\x00.xlsx", "../../../../tmp/x.yaml", "x" * 5000 + ".xlsx", "\u202egpj.xlsx", XSS + ".csv",
             "CON.yaml", ".yaml", "a.zip")


@pytest.mark.parametrize("filename", FILENAMES)
def test_hostile_upload_file_names_are_never_a_500(app, world, filename, tmp_path):
    """Each upload form with a file whose name holds NUL, a path out of the folder, 5,000 characters, a
    right-to-left override or markup: a 4xx or a page (the name escaped), never a 500, nothing written outside
    the upload folder."""
    import io

    clients = {}
    for role, url, field in UPLOADS:
        if role not in clients:
            clients[role] = world["client"]("admin" if role == "admin" else "instructor")
        for body in (b"questions: []\n", b"PK\x03\x04garbage", "姓名,用户名\n张三,zs\n".encode()):
            response = clients[role].post(url, data={field: (io.BytesIO(body), filename)},
                                          content_type="multipart/form-data")
            assert response.status_code < 500, (url, filename, response.status_code)
            assert injected(response.get_data(as_text=True)) == [], url
    assert not (tmp_path.parent.parent / "tmp" / "x.yaml").exists()


def test_signing_in_starts_a_fresh_session(app, world):
    """Whatever a session held before signing in (a planted CSRF token, a value of any kind) is gone after it;
    only the language chosen stays."""
    made = world["client"]("anonymous")
    with made.session_transaction() as session:
        session["csrf_token"] = "planted"
        session["_user_id"] = str(world["users"]["admin"].id)  # not the way in: it lacks the session version
        session["lang"] = "en"
        session["planted"] = True
    assert made.get("/admin/").status_code == 302
    made.post("/login", data={"username": "w_other", "password": PASSWORD})
    with made.session_transaction() as session:
        assert session.get("csrf_token") != "planted" and "planted" not in session
        assert session.get("lang") == "en"
    assert made.get("/admin/").status_code == 403


def test_a_disabled_or_demoted_account_loses_its_open_session_at_once(app, world, db):
    trainee, instructor = world["client"]("other"), world["client"]("instructor")
    world["users"]["other"].active = False
    world["users"]["instructor"].roles = {"trainee"}
    db.session.commit()
    assert trainee.get("/dashboard").status_code == 302
    assert trainee.get("/api/me").status_code == 401
    assert instructor.get("/authoring/").status_code == 403


def test_the_demo_passwords_file_is_never_readable_by_others(runner, db, tmp_path, monkeypatch):
    """``flask users demo`` wrote the passwords with the umask's mode (0644: readable by every local user) and
    only then chmod-ed the file to 0600, and an existing file kept its mode while being written. It is made
    private before a byte is written: without the later chmod, it is 0600 all the same."""
    import os
    import stat
    from pathlib import Path

    out = tmp_path / "demo.txt"
    out.write_text("old\n")
    out.chmod(0o644)
    monkeypatch.setattr(Path, "chmod", lambda self, mode, **kw: None)
    old_umask = os.umask(0o022)
    try:
        result = runner.invoke(args=["users", "demo", "--file", str(out)])
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "trainee" in out.read_text(encoding="utf-8") and "old" not in out.read_text(encoding="utf-8")
    fresh = tmp_path / "fresh.txt"
    assert runner.invoke(args=["users", "demo", "--file", str(fresh)]).exit_code == 0
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o600


def test_a_retake_whose_time_ran_out_holds_back_nothing(trainee, trainee_client, exam_paper, db):
    """The solutions wait for the exam under way, not for the sweep: once the retake's time is over (not yet
    finished by anyone), the earlier result shows them again, on the page as in the API."""
    from datetime import timedelta

    from app.models import utcnow
    from tests.exams.factories import SECRET_REFERENCE

    first, _ = start_attempt(trainee, exam_paper)
    submit_attempt(first)
    retake, _ = start_attempt(trainee, exam_paper)
    retake.deadline = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert SECRET_REFERENCE in trainee_client.get(f"/attempts/{first.id}/result").get_data(as_text=True)
    db.session.expire_all()
    assert retake.status != "started"


def test_the_remember_and_session_cookies_are_httponly_lax_and_secure_behind_https(app, world, monkeypatch):
    from app.config import from_environment

    made = app.test_client()
    response = made.post("/login", data={"username": "w_other", "password": PASSWORD, "remember": "y"})
    cookies = response.headers.getlist("Set-Cookie")
    for name in ("session=", "remember_token="):
        cookie = next(c for c in cookies if c.startswith(name))
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie
    monkeypatch.setenv("SESSION_COOKIE_SECURE", "1")
    settings = from_environment(app.instance_path)
    assert settings["SESSION_COOKIE_SECURE"] is True and settings["REMEMBER_COOKIE_SECURE"] is True


def test_a_paper_opened_to_other_classes_does_not_exist_for_an_outsider(trainee, trainee_client, make_user, login,
                                                                        exam_paper, db):
    """A paper opened to one class only: the dashboard of a trainee of no such class leaves it out, but its
    address showed the intro (title, sections, time, rules) and its start said 'not open to your class', on the
    page and in the API. For an outsider it is now 404, as a draft is; a member outside the window is still
    told."""
    from datetime import timedelta

    from app.models import CohortPaper, utcnow

    member = make_user("member")
    cohort = Cohort(name="一班", members=[member])
    db.session.add(cohort)
    db.session.flush()
    window = CohortPaper(cohort_id=cohort.id, paper_id=exam_paper.id, opens_at=utcnow() + timedelta(days=1))
    db.session.add(window)
    db.session.commit()
    assert trainee_client.get("/papers/mock-t/start").status_code == 404
    assert trainee_client.post("/papers/mock-t/start").status_code == 404
    api = trainee_client.post("/api/papers/mock-t/attempts", json={})
    assert api.status_code == 404 and api.get_json()["error"] == "not_found"
    inside = login(member)
    assert inside.get("/papers/mock-t/start").status_code == 200  # a member: the intro, and why not yet
    assert inside.post("/api/papers/mock-t/attempts", json={}).status_code == 409
    window.opens_at = None
    db.session.commit()
    assert inside.post("/papers/mock-t/start").status_code == 302
