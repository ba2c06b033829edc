import io

import openpyxl
import pytest

from app.admin.importing import apply_import, plan_import, read_table, template_xlsx
from app.models import Cohort, User
from tests.office_files import with_damaged_sheet, with_wide_row, workbook_bytes

HEADER = "姓名,用户名,角色,班级,手机,邮箱\n"


@pytest.fixture
def cohort(db):
    c = Cohort(name="一班")
    db.session.add(c)
    db.session.commit()
    return c


def _csv(tmp_path, body, encoding="utf-8", name="u.csv"):
    path = tmp_path / name
    path.write_bytes((HEADER + body).encode(encoding))
    return path


def test_three_bad_rows_are_reported_and_nothing_is_imported(runner, make_user, cohort, tmp_path, db):
    make_user("taken")
    path = _csv(tmp_path, "张三,zhangsan,学员,一班,13800000000,\n"
                          "李四,taken,学员,一班,,\n"          # row 3: name taken
                          "王五,wangwu,校长,一班,,\n"          # row 4: unknown role
                          "赵六,zhaoliu,trainee,九班,,\n"      # row 5: unknown class
                          "钱七,qianqi,讲师、管理员,,,q@example.com\n")
    result = runner.invoke(args=["users", "import", str(path)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("row ")]
    assert [line.split(":")[0] for line in lines] == ["row 3", "row 4", "row 5"], result.output
    assert "taken" in lines[0] and "校长" in lines[1] and "九班" in lines[2]
    assert "nothing was imported" in result.output
    assert db.session.query(User).count() == 1


def test_import_creates_everyone_in_one_go_with_passwords_once(runner, cohort, tmp_path, db):
    path = _csv(tmp_path, "张三,zhangsan,学员,一班,13800000000,\n钱七,qianqi,讲师/admin,,,q@example.com\n",
                encoding="gbk")
    assert runner.invoke(args=["users", "import", str(path), "--dry-run"]).exit_code == 0
    assert db.session.query(User).count() == 0
    passwords = tmp_path / "pw.csv"
    result = runner.invoke(args=["users", "import", str(path), "--passwords", str(passwords)])
    assert result.exit_code == 0, result.output
    zhang = db.session.query(User).filter_by(username="zhangsan").one()
    assert zhang.display_name == "张三" and zhang.roles == {"trainee"} and zhang.must_change_password
    assert [c.name for c in zhang.cohorts] == ["一班"] and zhang.phone == "13800000000"
    assert db.session.query(User).filter_by(username="qianqi").one().roles == {"instructor", "admin"}
    text = passwords.read_bytes().decode("utf-8-sig").splitlines()
    assert text[0] == "用户名,姓名,初始密码" and len(text) == 3
    name, _, password = text[1].split(",")
    assert zhang.check_password(password)


@pytest.mark.parametrize("encoding,bom", [("utf-8", True), ("utf-8", False), ("gbk", False)])
def test_csv_encodings(app, cohort, encoding, bom):
    data = (HEADER + "张三,zs,学员,一班,,\n").encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    plan = plan_import(read_table("u.csv", data))
    assert plan.ok and plan.rows[0].name == "张三" and plan.rows[0].cohort == "一班"


def test_xlsx_template_round_trips(app, cohort, db):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx()))
    ws = book.active
    assert [c.value for c in ws[1]] == ["姓名", "用户名", "角色", "班级", "手机", "邮箱"]
    ws["D2"] = "一班"
    out = io.BytesIO()
    book.save(out)
    plan = plan_import(read_table("t.xlsx", out.getvalue()))
    assert plan.ok, plan.errors
    created = apply_import(None, plan)
    db.session.commit()
    assert created[0][0] == "zhangsan" and db.session.query(User).count() == 1


def test_duplicate_in_file_and_missing_columns(app):
    plan = plan_import(read_table("u.csv", (HEADER + "甲,dup,学员,,,\n乙,DUP,学员,,,\n").encode()))
    assert [n for n, _ in plan.errors] == [3] and "DUP" in plan.errors[0][1]
    plan = plan_import(read_table("u.csv", "用户名,班级\nx,\n".encode()))
    assert not plan.ok and plan.problems


def test_unreadable_files_are_refused(app):
    from app.admin.errors import AdminError

    with pytest.raises(AdminError):
        read_table("u.xlsx", b"not a zip")
    with pytest.raises(AdminError):
        read_table("u.pdf", b"%PDF")


def test_a_damaged_or_expanding_workbook_is_refused_with_its_reason(app):
    from app.admin.errors import AdminError

    plain = workbook_bytes([["用户名", "姓名"], ["li", "李"]])
    with pytest.raises(AdminError, match="已损坏"):
        read_table("u.xlsx", with_damaged_sheet(plain))
    with pytest.raises(AdminError, match="单元格"):
        read_table("u.xlsx", with_wide_row(plain, 5000))


def test_control_characters_and_oversized_fields_are_row_errors_not_crashes(app):
    from app.admin.errors import AdminError

    plan = plan_import(read_table("u.csv", (HEADER + "甲\x01,ok1,学员,,,\n").encode()))
    assert [n for n, _ in plan.errors] == [2]
    with pytest.raises(AdminError):
        read_table("u.csv", (HEADER + "甲," + "x" * 200_000 + ",学员\n").encode())


def test_audit_record_stores_any_text(app, db):
    from app.audit import record
    from app.models import AuditEvent

    record("auth.login_failed", None, "a\x00b\ud800c", {"name": "\ud800", "n": 1})
    db.session.commit()
    event = db.session.query(AuditEvent).one()
    assert "\x00" not in event.target and event.target.startswith("a") and event.detail["n"] == 1


def test_the_command_can_create_the_classes_the_file_names(runner, cohort, tmp_path, db):
    path = _csv(tmp_path, "张三,zhangsan,学员,一班,,\n李四,lisi,学员,新二班,,\n")
    assert runner.invoke(args=["users", "import", str(path), "--dry-run"]).exit_code == 1  # 新二班 is unknown
    result = runner.invoke(args=["users", "import", str(path), "--dry-run", "--create-classes"])
    assert result.exit_code == 0 and "1 new class(es): 新二班" in result.output, result.output
    result = runner.invoke(args=["users", "import", str(path), "--create-classes", "--passwords",
                                 str(tmp_path / "pw.csv")])
    assert result.exit_code == 0, result.output
    assert [u.username for u in db.session.query(Cohort).filter_by(name="新二班").one().members] == ["lisi"]
