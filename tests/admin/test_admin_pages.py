import io
import re

import pytest

from app.models import AuditEvent, Cohort, User
from tests.conftest import PASSWORD
from tests.reports.factories import make_class, sit

ADMIN_PAGES = ["/admin/", "/admin/users", "/admin/users/new", "/admin/users/import", "/admin/classes",
               "/admin/pass-rules", "/admin/audit", "/admin/users/import/template.xlsx"]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_need_an_administrator(path, app, client, trainee_client, instructor_client, admin_client):
    assert client.get(path).status_code == 302
    assert trainee_client.get(path).status_code == 403
    assert instructor_client.get(path).status_code == 403
    assert admin_client.get(path).status_code == 200


def test_gets_write_nothing(admin_client, db):
    before = db.session.query(AuditEvent).count()
    for path in ADMIN_PAGES + ["/reports/", "/reports/dashboard"]:
        assert admin_client.get(path).status_code == 200
    assert db.session.query(AuditEvent).count() == before


def test_posts_need_the_csrf_token(app, make_user, login):
    admin = make_user("boss", roles=("admin",))
    c = login(admin)
    app.config["WTF_CSRF_ENABLED"] = True
    response = c.post("/admin/classes", data={"name": "一班"})
    assert response.status_code == 400
    assert Cohort.query.count() == 0


def test_create_user_shows_the_password_once_and_forces_a_change(admin_client, client, db):
    response = admin_client.post("/admin/users/new", data={"username": "newbie", "display_name": "新人",
                                                           "roles": ["trainee"]})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    user = db.session.query(User).filter_by(username="newbie").one()
    assert user.must_change_password
    password = page.split("<code>")[1].split("</code>")[0]
    assert user.check_password(password)
    assert client.post("/login", data={"username": "newbie", "password": password}).status_code == 302
    assert client.get("/dashboard").headers["Location"].endswith("/password")
    bad = client.post("/password", data={"current": password, "new": "short", "confirm": "short"})
    assert bad.status_code == 200 and "error" in bad.get_data(as_text=True)
    ok = client.post("/password", data={"current": password, "new": "a new good one", "confirm": "a new good one"})
    assert ok.status_code == 302
    db.session.expire_all()
    assert not db.session.get(User, user.id).must_change_password
    assert client.get("/dashboard").status_code == 200


def test_a_page_with_a_new_password_is_never_stored(admin_client, make_user):
    """The page that shows a new account's or a reset password once was an ordinary answer to a POST: the
    browser's back-forward cache and history could show it again on a shared office computer (the passwords
    file of an import was already no-store)."""
    created = admin_client.post("/admin/users/new", data={"username": "newbie", "roles": ["trainee"]})
    reset = admin_client.post(f"/admin/users/{make_user('forgetful').id}/password")
    for response in (created, reset):
        assert response.status_code == 200 and "<code>" in response.get_data(as_text=True)
        assert response.headers.get("Cache-Control") == "no-store"


def test_bad_new_user_rerenders_with_the_error_and_changes_nothing(admin_client, make_user, db):
    make_user("taken")
    response = admin_client.post("/admin/users/new", data={"username": "taken", "roles": ["trainee"]})
    assert response.status_code == 422 and "taken" in response.get_data(as_text=True)
    response = admin_client.post("/admin/users/new", data={"username": "x y", "roles": []})
    assert response.status_code == 422
    assert db.session.query(User).count() == 2


def test_a_refused_new_user_keeps_the_ticked_classes(admin_client, make_user, db):
    """Name, phone and roles came back after "username taken"; the ticked classes were silently dropped."""
    make_user("taken")
    first, second = Cohort(name="一班"), Cohort(name="二班")
    db.session.add_all([first, second])
    db.session.commit()
    response = admin_client.post("/admin/users/new", data={"username": "taken", "roles": ["trainee"],
                                                           "cohorts": [str(second.id)]})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'name="cohorts" value="{second.id}" checked' in page
    assert f'name="cohorts" value="{first.id}" checked' not in page


def test_roles_disable_reset_and_their_audit(admin_client, make_user, db, client):
    user = make_user("someone")
    assert admin_client.post(f"/admin/users/{user.id}/roles", data={"roles": ["instructor"]}).status_code == 302
    assert admin_client.post(f"/admin/users/{user.id}/active", data={"active": "0"}).status_code == 302
    assert client.post("/login", data={"username": "someone", "password": PASSWORD}).status_code == 200
    reset = admin_client.post(f"/admin/users/{user.id}/password")
    assert reset.status_code == 200
    db.session.expire_all()
    user = db.session.get(User, user.id)
    assert user.roles == {"instructor"} and not user.active and user.must_change_password
    kinds = [e.kind for e in db.session.query(AuditEvent).order_by(AuditEvent.id)]
    assert "user.roles" in kinds and "user.disabled" in kinds and "user.password_reset" in kinds
    assert "auth.login_failed" in kinds and "auth.login" in kinds
    roles = db.session.query(AuditEvent).filter_by(kind="user.roles").one()
    assert roles.detail == {"from": ["trainee"], "to": ["instructor"]} and roles.actor_name == "admin1"


def test_an_admin_cannot_lock_themselves_out(admin_client, db):
    me = db.session.query(User).filter_by(username="admin1").one()
    assert admin_client.post(f"/admin/users/{me.id}/roles", data={"roles": ["trainee"]}).status_code == 422
    assert admin_client.post(f"/admin/users/{me.id}/active", data={"active": "0"}).status_code == 422
    db.session.expire_all()
    assert db.session.get(User, me.id).roles == {"admin"}


def test_a_trainee_with_results_is_never_deleted(admin_client, make_user, exam_bank, make_paper, db):
    paper = make_paper("p-del")
    sat, idle = make_user("sat"), make_user("idle")
    sit(sat, paper, [5])
    response = admin_client.post(f"/admin/users/{sat.id}/delete")
    assert response.status_code == 422
    assert admin_client.post(f"/admin/users/{idle.id}/delete").status_code == 302
    assert {u.username for u in db.session.query(User)} == {"admin1", "sat"}


def test_web_import_previews_errors_and_imports_all_or_nothing(admin_client, db):
    make_class("一班")
    bad = "姓名,用户名,角色\n甲,a1,学员\n乙,a1,学员\n丙,c1,校长\n".encode("utf-8")
    response = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(bad), "u.csv")},
                                 content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "校长" in page and 'name="payload"' not in page
    good = "姓名,用户名,角色,班级\n甲,a1,学员,一班\n乙,b1,讲师,一班\n".encode("gbk")
    response = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(good), "u.csv")},
                                 content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    payload = page.split('name="payload" value="')[1].split('"')[0]
    assert db.session.query(User).count() == 1  # the preview wrote nothing
    response = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = response.get_data().decode("utf-8-sig").splitlines()
    assert lines[0] == "用户名,姓名,初始密码" and len(lines) == 3
    assert db.session.query(User).count() == 3
    # The same file again: every name is now taken, nothing changes.
    again = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload})
    assert again.status_code == 422 and db.session.query(User).count() == 3


def test_the_passwords_file_tells_the_page_it_was_sent(admin_client, db):
    """The import's answer is a file, so the page stays on 'working…': the file's response sets the cookie named by
    the form's token, which the page's script waits for (a token of any other shape sets nothing)."""
    good = "姓名,用户名,角色\n甲,a1,学员\n".encode("utf-8")
    page = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(good), "u.csv")},
                             content_type="multipart/form-data").get_data(as_text=True)
    assert "data-download " in page and "data-download-done hidden" in page
    payload = page.split('name="payload" value="')[1].split('"')[0]
    response = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload,
                                                                    "download_token": "abc123xyz0"})
    assert response.mimetype == "text/csv"
    cookie = response.headers.get("Set-Cookie", "")
    assert cookie.startswith("download-abc123xyz0=1;") and "Max-Age=120" in cookie and "HttpOnly" not in cookie
    again = "姓名,用户名,角色\n乙,b1,学员\n".encode("utf-8")
    page = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(again), "u.csv")},
                             content_type="multipart/form-data").get_data(as_text=True)
    payload = page.split('name="payload" value="')[1].split('"')[0]
    response = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload,
                                                                    "download_token": "x; Path=/admin"})
    assert response.mimetype == "text/csv" and "download-" not in response.headers.get("Set-Cookie", "")


def test_classes_members_and_paper_windows(admin_client, make_user, exam_bank, make_paper, db):
    from datetime import datetime, timezone

    from app.admin.classes import papers_open_to

    paper = make_paper("p-win")
    trainee, teacher = make_user("t1"), make_user("teach", roles=("instructor",))
    response = admin_client.post("/admin/classes", data={"name": "三班"})
    cohort = db.session.query(Cohort).filter_by(name="三班").one()
    assert response.status_code == 302
    assert admin_client.post("/admin/classes", data={"name": "三班"}).status_code == 422
    assert admin_client.post(f"/admin/classes/{cohort.id}/members", data={"members": "t1\nteach\nghost"}
                             ).status_code == 422
    assert admin_client.post(f"/admin/classes/{cohort.id}/members", data={"members": "t1\nteach"}
                             ).status_code == 302
    bad = admin_client.post(f"/admin/classes/{cohort.id}/papers", data={
        "paper_id": paper.id, "opens_at": "2026-12-10T09:00", "closes_at": "2026-12-10T08:00"})
    assert bad.status_code == 422
    assert admin_client.post(f"/admin/classes/{cohort.id}/papers", data={
        "paper_id": paper.id, "opens_at": "2026-12-10T09:00", "closes_at": "2026-12-10T11:00"}).status_code == 302
    db.session.expire_all()
    trainee = db.session.get(User, trainee.id)
    assert papers_open_to(trainee, datetime(2026, 12, 10, 1, 30, tzinfo=timezone.utc)) == [paper]  # 09:30 CST
    assert papers_open_to(trainee, datetime(2026, 12, 10, 3, 0, tzinfo=timezone.utc)) == []  # 11:00: closed
    assert papers_open_to(trainee, datetime(2026, 12, 10, 0, 59, tzinfo=timezone.utc)) == []


def test_pass_rule_pair(admin_client, exam_bank, make_paper, db):
    from app.reports.passing import rule_for

    theory, practice = make_paper("theory"), make_paper("practice")
    assert admin_client.post("/admin/pass-rules", data={"paper_id": theory.id, "pass_mark": "160"}).status_code == 422
    assert admin_client.post("/admin/pass-rules", data={"paper_id": theory.id, "pass_mark": "60",
                                                        "partner_id": practice.id, "partner_mark": "60",
                                                        "name": "资格鉴定"}).status_code == 302
    assert rule_for(practice).partner_paper_id == theory.id and rule_for(theory).partner_paper_id == practice.id


def test_audit_filter_and_export(admin_client, make_user, client, db):
    make_user("someone")
    client.post("/login", data={"username": "someone", "password": "wrong password"})
    page = admin_client.get("/admin/audit?kind=auth.login_failed").get_data(as_text=True)
    assert "someone" in page and "auth.login_failed" in page
    assert admin_client.get("/admin/audit?from=not-a-date").status_code == 422
    response = admin_client.post("/admin/audit/export", data={"kind": "auth.login_failed"})
    data = response.get_data()
    response.close()  # the body is a temporary file
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and "someone" in lines[1]
    # the event by its name for the reader, and by its code for a filter
    assert lines[0].split(",")[1:3] == ["事件", "事件代码"]
    assert lines[1].split(",")[1:3] == ["登录失败", "auth.login_failed"]
    assert db.session.query(AuditEvent).filter_by(kind="audit.exported").count() == 1


def test_with_redis_the_web_import_is_a_job_whose_passwords_file_is_handed_out_once(app, admin_client, db, login,
                                                                                    make_user):
    import fakeredis
    from rq import Queue, SimpleWorker

    from app import jobs

    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    make_class("一班")
    good = "姓名,用户名,角色,班级\n甲,a1,学员,一班\n乙,b1,讲师,一班\n".encode("utf-8")
    page = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(good), "u.csv")},
                             content_type="multipart/form-data").get_data(as_text=True)
    payload = page.split('name="payload" value="')[1].split('"')[0]
    posted = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload})
    assert posted.status_code == 302 and "/jobs/" in posted.headers["Location"]
    assert db.session.query(User).count() == 1  # queued: nothing made yet
    SimpleWorker([Queue(jobs.QUEUE, connection=connection)], connection=connection).work(burst=True)
    db.session.expire_all()
    assert {u.username for u in db.session.query(User)} == {"admin1", "a1", "b1"}
    state = admin_client.get(posted.headers["Location"] + ".json").get_json()
    other_admin = login(make_user("admin2", roles=("admin",)))
    fetched = admin_client.get(state["download"])
    assert fetched.status_code == 200 and fetched.headers["Cache-Control"] == "no-store"
    lines = fetched.get_data().decode("utf-8-sig").splitlines()
    assert lines[0] == "用户名,姓名,初始密码" and len(lines) == 3
    fetched.close()
    # once: neither its owner nor another administrator can fetch the passwords again
    assert admin_client.get(state["download"]).status_code == 404
    assert other_admin.get(state["download"]).status_code == 404


def test_audit_events_are_named_in_the_pages_language(admin_client, make_user, client):
    """The overview's recent events and the audit log showed the record's code ('auth.login_failed') to a Chinese
    administrator; the code stays in the filter's value and the CSV export."""
    make_user("someone")
    client.post("/login", data={"username": "someone", "password": "wrong password"})
    for path in ("/admin/", "/admin/audit"):
        page = admin_client.get(path).get_data(as_text=True)
        assert "登录失败" in page and ">auth.login_failed<" not in page and " auth.login_failed " not in page
    admin_client.post("/lang/en", data={"next": "/admin/"})
    assert "Sign-in failed" in admin_client.get("/admin/audit").get_data(as_text=True)


def test_a_class_and_a_pass_rule_have_a_name_not_a_persons_name(admin_client):
    """'Name' is a person's 姓名 on the user pages; the class and pass-rule forms borrowed it, so a class had a 姓名."""
    cohort = admin_client.post("/admin/classes", data={"name": "四班"}).headers["Location"]
    for path in ("/admin/classes", cohort, "/admin/pass-rules"):
        page = admin_client.get(path).get_data(as_text=True)
        assert "姓名" not in page and "名称" in page, path
    assert "姓名" in admin_client.get("/admin/users/new").get_data(as_text=True)


def test_web_import_can_create_the_classes_the_file_names(admin_client, db):
    """Enrolling a new intake: the template's example names a class (2026春季一班) that does not exist yet, and every
    row naming a new class was an error ('create it first'): one class at a time by hand, then the file again. The
    upload now offers to create them (ticked), the preview lists them, and the import makes them with the accounts."""
    make_class("一班")
    rows = "姓名,用户名,角色,班级\n甲,a1,学员,一班\n乙,b1,学员,春季二班\n丙,c1,学员,春季二班\n丁,d1,讲师,春季三班\n"
    form = admin_client.get("/admin/users/import").get_data(as_text=True)
    assert 'name="create_classes" value="1" checked' in form
    response = admin_client.post("/admin/users/import", data={"file": (io.BytesIO(rows.encode()), "u.csv"),
                                                              "create_classes": "1"},
                                 content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "将新建 2 个班级：春季二班、春季三班" in page
    assert 'name="create_classes" value="1"' in page.split('name="payload"')[1]  # carried to the import
    payload = page.split('name="payload" value="')[1].split('"')[0]
    assert db.session.query(Cohort).count() == 1  # the preview wrote nothing
    response = admin_client.post("/admin/users/import/apply", data={"filename": "u.csv", "payload": payload,
                                                                    "create_classes": "1"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    db.session.expire_all()
    spring = db.session.query(Cohort).filter_by(name="春季二班").one()
    assert sorted(u.username for u in spring.members) == ["b1", "c1"]
    assert [u.username for u in db.session.query(Cohort).filter_by(name="春季三班").one().members] == ["d1"]
    # unticked: a class that does not exist is still an error, and nothing is made
    response = admin_client.post("/admin/users/import",
                                 data={"file": (io.BytesIO("姓名,用户名,角色,班级\n戊,e1,学员,四班\n".encode()), "u.csv")},
                                 content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert "四班" in page and 'name="payload"' not in page


def test_audit_details_are_in_the_pages_language(admin_client, make_user, client):
    """Walking the demo: a failed sign-in's details read 'reason=credentials' in the Chinese audit log. The page
    labels the details' keys and coded values; the export keeps them as stored."""
    someone = make_user("someone")
    client.post("/login", data={"username": "someone", "password": "wrong password"})
    admin_client.post(f"/admin/users/{someone.id}/roles", data={"roles": ["trainee", "instructor"]})
    page = admin_client.get("/admin/audit").get_data(as_text=True)
    assert "原因：用户名或密码错误" in page and "reason=credentials" not in page
    assert "原为：学员；改为：讲师、学员" in page
    admin_client.post("/lang/en", data={"next": "/admin/"})
    assert "Reason: wrong user name or password" in admin_client.get("/admin/audit").get_data(as_text=True)
    response = admin_client.post("/admin/audit/export", data={"kind": "auth.login_failed"})
    data = response.get_data().decode("utf-8-sig")
    response.close()
    assert "reason=credentials" in data


def test_a_refused_class_or_pass_rule_form_keeps_what_was_typed(admin_client, make_user, exam_bank, make_paper, db):
    """An unknown user name among thirty put the class's stored members back in the box: the list was typed again.
    A refused pass mark, or paper window, put the first paper back in the paper lists (18 of them in the bank)."""
    make_user("t1")
    assert admin_client.post("/admin/classes", data={"name": "一班"}).status_code == 302
    cohort = db.session.query(Cohort).filter_by(name="一班").one()
    theory, practice = make_paper("theory"), make_paper("practice")
    page = admin_client.post(f"/admin/classes/{cohort.id}/members", data={"members": "t1\nghost\nt2"})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "ghost" in text and re.search(r'<textarea name="members"[^>]*>t1\nghost\nt2</textarea>', text)
    page = admin_client.post(f"/admin/classes/{cohort.id}/papers", data={
        "paper_id": practice.id, "opens_at": "2026-12-10T09:00", "closes_at": "2026-12-10T08:00"})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert f'<option value="{practice.id}" selected>' in text and 'value="2026-12-10T09:00"' in text
    page = admin_client.post("/admin/pass-rules", data={"paper_id": practice.id, "pass_mark": "160",
                                                        "partner_id": theory.id, "name": "资格鉴定"})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert re.search(rf'name="paper_id">.*<option value="{practice.id}" selected>', text)
    assert re.search(rf'name="partner_id">.*<option value="{theory.id}" selected>', text)
    page = admin_client.get(f"/admin/classes/{cohort.id}").get_data(as_text=True)
    assert "selected" not in page  # a fresh page: nothing chosen beforehand
