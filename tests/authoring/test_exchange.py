"""Bank exchange: upload YAML or a zip, preview, apply in one transaction; download a zip that imports back."""
import io
import zipfile

from app.bank.writer import dump
from app.models import Question
from tests.conftest import case_content, single_content


def upload(client, filename, data):
    return client.post("/authoring/exchange", data={"file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def token_of(page: str) -> str:
    marker = 'name="token" value="'
    start = page.index(marker) + len(marker)
    return page[start:page.index('"', start)]


def test_downloaded_zip_imports_back_unchanged(exam_bank, instructor_client):
    response = instructor_client.get("/authoring/exchange/bank.zip")
    assert response.mimetype == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.data)).namelist()
    assert "cases.yaml" in names and "objective.yaml" in names
    page = upload(instructor_client, "bank.zip", response.data).get_data(as_text=True)
    assert 'id="n-added">0<' in page and 'id="n-changed">0<' in page
    assert f'id="n-unchanged">{len(exam_bank)}<' in page


def test_preview_then_apply_adds_and_changes(exam_bank, instructor_client, db):
    text = dump({"questions": [single_content("gas.new"), dict(single_content("gas.s0"), stem="新题干")]})
    response = upload(instructor_client, "more.yaml", text.encode())
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="n-added">1<' in page and 'id="n-changed">1<' in page
    assert Question.by_key("gas.new") is None  # the preview writes nothing
    response = instructor_client.post("/authoring/exchange/apply", data={"token": token_of(page)})
    assert response.status_code == 302
    db.session.expire_all()
    assert Question.by_key("gas.new") is not None
    assert Question.by_key("gas.s0").current.content["stem"] == "新题干"
    # the token is spent
    assert instructor_client.post("/authoring/exchange/apply", data={"token": token_of(page)}).status_code == 302
    assert len(Question.by_key("gas.s0").versions) == 2


def test_every_validation_error_is_listed_and_nothing_applies(exam_bank, instructor_client):
    bad = dump({"questions": [dict(single_content("a.one"), answer="Z"), dict(case_content("a.two"), difficulty=0)]})
    response = upload(instructor_client, "bad.yaml", bad.encode())
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<li>bad.yaml:12: 题目“a.one”：答案“Z”不在选项中（A, B, C）</li>" in page
    assert "题目“a.two”：difficulty 必须是 1 到 5 的整数" in page
    assert 'name="token"' not in page
    assert Question.by_key("a.one") is None


def test_a_zip_with_paths_is_flattened_and_read(exam_bank, instructor_client):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("../../evil/one.yaml", dump({"questions": [single_content("z.one")]}))
        archive.writestr("README.txt", "ignored")
    page = upload(instructor_client, "bank.zip", out.getvalue()).get_data(as_text=True)
    assert 'id="n-added">1<' in page


def test_a_file_name_no_disk_takes_is_made_safe(exam_bank, instructor_client):
    """The upload's own name was the name of the file written to disk: a NUL in it ('embedded null byte') or
    a name longer than the file system takes (ENAMETOOLONG) was a 500, for a .yaml and for a zip's member."""
    text = dump({"questions": [single_content("z.one")]}).encode()
    long_name = "题" * 120 + ".yaml"  # 360 bytes in UTF-8: past the 255 a file name may have
    for name in ("a\x00b.yaml", long_name, "x" * 300 + ".yaml"):
        response = upload(instructor_client, name, text)
        assert response.status_code == 200 and 'id="n-added">1<' in response.get_data(as_text=True), name
    for name in (long_name, "x" * 300 + ".yaml"):  # (zipfile itself cuts a member's name at a NUL)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr(f"folder/{name}", text)
        response = upload(instructor_client, "bank.zip", out.getvalue())
        assert response.status_code == 200 and 'id="n-added">1<' in response.get_data(as_text=True), name


def test_bad_uploads_are_messages(exam_bank, instructor_client):
    assert upload(instructor_client, "x.zip", b"nope").status_code == 422
    assert upload(instructor_client, "x.pdf", b"nope").status_code == 422
    assert upload(instructor_client, "x.yaml", b"\xff\xfe bad").status_code == 422
    assert instructor_client.post("/authoring/exchange/apply", data={"token": "../../etc"}).status_code == 302


def test_another_users_token_is_refused(exam_bank, instructor_client, login, make_user, db):
    page = upload(instructor_client, "q.yaml", dump({"questions": [single_content("t.one")]}).encode()).get_data(as_text=True)
    other = login(make_user("instructor2", roles=("instructor",)))
    other.post("/authoring/exchange/apply", data={"token": token_of(page)})
    db.session.expire_all()
    assert Question.by_key("t.one") is None


def test_unconfirmed_uploads_are_forgotten_after_a_day(exam_bank, instructor_client, app):
    import time

    from app.authoring.exchange import STAGED_FOR, _staging, forget_stale

    upload(instructor_client, "q.yaml", dump({"questions": [single_content("t.two")]}).encode())
    staged = list(_staging(app.config["BANK_UPLOAD_FOLDER"]).iterdir())
    assert staged
    assert forget_stale(app.config["BANK_UPLOAD_FOLDER"], now=time.time() + 60) == 0
    assert forget_stale(app.config["BANK_UPLOAD_FOLDER"], now=time.time() + STAGED_FOR + 60) == len(staged)
    assert not list(_staging(app.config["BANK_UPLOAD_FOLDER"]).iterdir())


def test_a_retired_question_uploaded_unchanged_is_unchanged(exam_bank, instructor_client, db):
    question = exam_bank["gas.s0"]
    content = question.current.content
    question.retired = True
    db.session.commit()
    page = upload(instructor_client, "q.yaml", dump({"questions": [content]}).encode()).get_data(as_text=True)
    assert 'id="n-unchanged">1<' in page


def test_with_redis_the_import_is_a_background_job_that_reports_what_it_did(app, exam_bank, instructor_client, db):
    import fakeredis
    from rq import Queue, SimpleWorker

    from app import jobs

    connection = fakeredis.FakeStrictRedis()
    app.extensions["redis"] = connection
    text = dump({"questions": [single_content("gas.queued")]})
    token = token_of(upload(instructor_client, "q.yaml", text.encode()).get_data(as_text=True))
    posted = instructor_client.post("/authoring/exchange/apply", data={"token": token})
    assert posted.status_code == 302 and "/jobs/" in posted.headers["Location"]
    assert Question.by_key("gas.queued") is None  # queued
    spent = instructor_client.post("/authoring/exchange/apply", data={"token": token})  # the same token again
    worker = SimpleWorker([Queue(jobs.QUEUE, connection=connection)], connection=connection)
    worker.work(burst=True)
    db.session.expire_all()
    assert Question.by_key("gas.queued") is not None
    done = instructor_client.get(posted.headers["Location"] + ".json").get_json()
    assert done["state"] == "finished" and done["next"].startswith("/authoring/exchange?job=")
    assert "已导入：新增 1 题" in instructor_client.get(done["next"]).get_data(as_text=True)
    refused = instructor_client.get(spent.headers["Location"] + ".json").get_json()
    assert refused["state"] == "refused" and "no longer available" in refused["error"]
    page = instructor_client.get(refused["next"]).get_data(as_text=True)
    assert '<p class="error" role="alert">' in page and "重新上传" in page
