"""Bulk user import from XLSX or CSV: read, check every row (a preview with per-row errors), then create all the
accounts in one transaction or none. The initial passwords are returned once, for a file to hand out.

Columns (first row): 姓名, 用户名, 角色 (学员/讲师/管理员 or trainee/instructor/admin; several separated by 、 , or
/), 班级 (optional; must exist), 手机 and 邮箱 (optional). CSV may be UTF-8 with or without a BOM, or GBK.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _

from ..audit import record
from ..uploads import UnreadableWorkbook, workbook_rows
from ..auth.services import find_user
from .classes import find_cohort, save_cohort
from .errors import AdminError
from .users import check_username, create_account

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
COLUMNS = {"姓名": "name", "name": "name", "用户名": "username", "username": "username", "账号": "username",
           "角色": "roles", "role": "roles", "roles": "roles", "班级": "cohort", "class": "cohort",
           "手机": "phone", "phone": "phone", "手机号": "phone", "邮箱": "email", "email": "email", "e-mail": "email"}
REQUIRED = ("name", "username", "roles")
ROLE_WORDS = {"学员": "trainee", "trainee": "trainee", "讲师": "instructor", "instructor": "instructor",
              "管理员": "admin", "admin": "admin"}
TEMPLATE_HEADERS = ["姓名", "用户名", "角色", "班级", "手机", "邮箱"]
TEMPLATE_EXAMPLE = ["张三", "zhangsan", "学员", "2026春季一班", "13800000000", "zhangsan@example.com"]
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,30}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class ImportRow:
    number: int  # the row's number in the file (the header is row 1)
    name: str = ""
    username: str = ""
    roles: list[str] = field(default_factory=list)
    cohort: str = ""
    phone: str = ""
    email: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    new_classes: list[str] = field(default_factory=list)  # named by the file, made by the import (create_classes)

    @property
    def errors(self) -> list[tuple[int, str]]:
        return [(row.number, message) for row in self.rows for message in row.errors]

    @property
    def ok(self) -> bool:
        return not self.problems and not self.errors and bool(self.rows)


def decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")  # GBK as Excel saves it in China; gb18030 is its superset


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number Excel stored as a number
    return str(value).strip()


def read_table(filename: str, data: bytes) -> list[list[str]]:
    """The file's rows as lists of text cells. AdminError if it cannot be read."""
    if len(data) > MAX_BYTES:
        raise AdminError(_("The file is larger than %(mb)d MB.", mb=MAX_BYTES // (1024 * 1024)))
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        try:
            return [[_cell(v) for v in row] for row in workbook_rows(data, MAX_ROWS + 1)]
        except UnreadableWorkbook as exc:
            raise AdminError(str(exc)) from None
    if name.endswith(".csv") or name.endswith(".txt"):
        try:
            text = decode_csv(data)
        except UnicodeDecodeError:
            raise AdminError(_("The CSV file is neither UTF-8 nor GBK."))
        if "\x00" in text:
            raise AdminError(_("The CSV file holds NUL characters; save it again as CSV."))
        try:
            return [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""))]
        except csv.Error as exc:
            raise AdminError(_("The CSV file cannot be read: %(error)s", error=str(exc)[:100]))
    raise AdminError(_("Upload an .xlsx or .csv file."))


def plan_import(table: list[list[str]], create_classes: bool = False) -> ImportPlan:
    """Check every row against the file and the database; nothing is written. With ``create_classes`` a class
    the database does not have yet is no error: it is listed in ``new_classes`` and made by ``apply_import``."""
    while table and not any(table[-1]):
        table.pop()
    if not table:
        return ImportPlan([], [_("The file is empty.")])
    header = [COLUMNS.get(h.strip().lower()) for h in table[0]]
    missing = [h for h, key in (("姓名", "name"), ("用户名", "username"), ("角色", "roles")) if key not in header]
    if missing:
        return ImportPlan([], [_("Missing column(s): %(cols)s.", cols="、".join(missing))])
    if len(table) - 1 > MAX_ROWS:
        return ImportPlan([], [_("At most %(count)d rows per file.", count=MAX_ROWS)])
    rows, seen = [], {}
    cohorts: dict[str, bool] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        values = {key: cells[i] if i < len(cells) else "" for i, key in enumerate(header) if key}
        row = ImportRow(number, values.get("name", ""), values.get("username", ""), [], values.get("cohort", ""),
                        values.get("phone", ""), values.get("email", ""))
        _check_row(row, values.get("roles", ""), seen, cohorts, create_classes)
        rows.append(row)
    new_classes = [name for name, known in cohorts.items() if known == "new"]  # in the file's order
    return ImportPlan(rows, [] if rows else [_("The file has no data rows.")], new_classes)


def _has_control(text: str) -> bool:
    return any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in text)


def _check_row(row: ImportRow, roles_text: str, seen: dict, cohorts: dict, create_classes: bool = False) -> None:
    try:
        row.username = check_username(row.username)
    except AdminError as exc:
        row.errors.append(str(exc))
    else:
        key = row.username.lower()
        if key in seen:
            row.errors.append(_("Duplicate user name %(name)s (also on row %(row)d).", name=row.username,
                                row=seen[key]))
        elif find_user(row.username) is not None:
            row.errors.append(_("The user name %(name)s is taken.", name=row.username))
        seen.setdefault(key, row.number)
    if not row.name:
        row.errors.append(_("The name is empty."))
    elif _has_control(row.name) or _has_control(row.cohort):
        row.errors.append(_("The row holds control characters."))
    elif len(row.name) > 100:
        row.errors.append(_("The name is longer than 100 characters."))
    words = [w.strip().lower() for w in re.split(r"[、,，/;；\s]+", roles_text) if w.strip()]
    unknown = [w for w in words if w not in ROLE_WORDS]
    if not words:
        row.errors.append(_("The role is empty."))
    elif unknown:
        row.errors.append(_("Unknown role %(role)s (use 学员, 讲师 or 管理员).", role="、".join(unknown)))
    else:
        row.roles = sorted({ROLE_WORDS[w] for w in words})
    if row.cohort and not _has_control(row.cohort):
        if row.cohort not in cohorts:
            cohorts[row.cohort] = find_cohort(row.cohort) is not None
            if not cohorts[row.cohort] and create_classes and len(row.cohort) <= 100:
                cohorts[row.cohort] = "new"
        if not cohorts[row.cohort]:
            row.errors.append(_("Unknown class %(name)s (create it first).", name=row.cohort))
    if row.phone and not _PHONE.match(row.phone):
        row.errors.append(_("The phone number %(phone)s does not look like one.", phone=row.phone[:40]))
    if row.email and (len(row.email) > 120 or not _EMAIL.match(row.email)):
        row.errors.append(_("The e-mail address %(email)s does not look like one.", email=row.email[:60]))


def apply_import(actor, plan: ImportPlan) -> list[tuple[str, str, str]]:
    """Create every account of a plan with no errors -> [(user name, name, initial password)]. Flushes; the
    caller commits once (or rolls back: nothing is half-imported)."""
    if not plan.ok:
        raise AdminError(_("The file has errors: nothing was imported."))
    created = []
    cohorts = {}  # held here: the session only keeps weak references to unchanged objects
    for name in plan.new_classes:
        cohorts[name] = save_cohort(actor, None, name)
    for row in plan.rows:
        user, password = create_account(actor, row.username, row.name, row.roles, row.phone, row.email)
        if row.cohort:
            if row.cohort not in cohorts:
                cohorts[row.cohort] = find_cohort(row.cohort)
            cohorts[row.cohort].members.append(user)
        created.append((user.username, user.display_name, password))
    record("users.imported", actor, f"{len(created)} users", {"users": [c[0] for c in created][:500]})
    return created


def import_job(filename: str, data: bytes, actor_id: int, create_classes: bool = False) -> dict:
    """The import as a background job (a few hundred accounts: each password is hashed at production cost, about
    0.1 s apiece): the file checked again, every account or none, and the initial passwords as the job's file
    (``once``: it is deleted when downloaded). ``{"error": ...}`` when the file no longer imports."""
    from ..extensions import db
    from ..models import User

    try:
        plan = plan_import(read_table(filename, data), create_classes)
        if not plan.ok:
            raise AdminError(_("The file has errors: nothing was imported."))
        created = apply_import(db.session.get(User, actor_id), plan)
    except AdminError as exc:
        return {"error": str(exc)}
    return {"file": {"name": "initial-passwords.csv", "mimetype": "text/csv", "data": passwords_csv(created),
                     "once": True}}


def passwords_csv(created: list[tuple[str, str, str]]) -> bytes:
    """The initial passwords as a CSV for Excel (UTF-8 with BOM), handed out once."""
    from ..reports.csvfile import write_csv
    from ..reports.table import Column, Sheet

    out = io.BytesIO()
    write_csv(out, Sheet("初始密码", [Column("用户名"), Column("姓名"), Column("初始密码")],
                         rows=[list(c) for c in created]))
    return out.getvalue()


def template_xlsx() -> bytes:
    from ..reports.table import Column, Sheet
    from ..reports.xlsx import write_xlsx

    out = io.BytesIO()
    write_xlsx(out, [Sheet("用户", [Column(h, width=16) for h in TEMPLATE_HEADERS], rows=[TEMPLATE_EXAMPLE])])
    return out.getvalue()
