"""Bank exchange: a YAML file or a zip of them previewed against the database (added / changed / unchanged and
every validation problem), then applied in one transaction; the whole bank as a zip of YAML.

An upload waits for its confirmation in the instance folder under a random token (the preview's form carries the
token, never the file). Flushes, never commits."""
from __future__ import annotations

import io
import re
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..bank import BankError
from ..extensions import db
from ..models import Paper, Question, content_hash
from .services import ImportReport, export_bank, import_bank, load_for_import

MAX_FILES = 200
MAX_UNPACKED = 20 * 1024 * 1024  # bytes of YAML in one zip
TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")
BANK_SUFFIXES = (".yaml", ".yml")
MAX_NAME = 60  # characters of a file name written to disk: at most 240 bytes, under the 255 file systems take


class UploadError(ValueError):
    """The upload is not a YAML file or a zip of them (message in English, translated by the view)."""


@dataclass
class Preview:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    papers_added: list[str] = field(default_factory=list)
    papers_changed: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)  # the bank's Problems, file names relative to the upload
    files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _disk_name(parts) -> str:
    """The name to write a file under, from the path parts the client sent: word characters, dots and dashes
    (no NUL, no separator), at most MAX_NAME characters with the suffix kept. Taken as they came, a NUL or a very
    long name made the write fail (a 500)."""
    name = "__".join(re.sub(r"[^\w.-]", "_", p) for p in parts) or "bank.yaml"
    suffix = PurePosixPath(name).suffix
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME - len(suffix)] + suffix
    return name


def unpack(filename: str, data: bytes, into: Path) -> list[str]:
    """Write the upload's YAML files under ``into``; returns their names. Raises UploadError."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in BANK_SUFFIXES:
        name = _disk_name([name])
        (into / name).write_bytes(data)
        return [name]
    if suffix != ".zip":
        raise UploadError("Upload a .yaml file or a .zip of them.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadError("The zip file cannot be read.") from None
    wanted = [m for m in members if PurePosixPath(m.filename).suffix.lower() in BANK_SUFFIXES
              and not PurePosixPath(m.filename).name.startswith(".")]
    if not wanted:
        raise UploadError("The zip holds no .yaml file.")
    if len(wanted) > MAX_FILES or sum(m.file_size for m in wanted) > MAX_UNPACKED:
        raise UploadError("The zip is too large.")
    names = []
    for member in wanted:
        # Flattened to safe names: a member's path never leaves the folder.
        safe = _disk_name([p for p in PurePosixPath(member.filename).parts if p not in ("", ".", "..", "/")])
        if safe in names:
            raise UploadError("The zip holds two files of the same name.")
        try:
            payload = archive.read(member)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
            raise UploadError("The zip file cannot be read.") from None
        if len(payload) > MAX_UNPACKED:
            raise UploadError("The zip is too large.")
        (into / safe).write_bytes(payload)
        names.append(safe)
    return names


def preview_folder(folder: Path) -> tuple[Preview, object]:
    """What importing ``folder`` would do (nothing written); the Bank too when it is valid."""
    preview = Preview(files=sorted(p.name for p in folder.iterdir()))
    try:
        bank = load_for_import(folder)
    except BankError as exc:
        root = str(folder) + "/"
        preview.problems = [replace(p, file=p.file.replace(root, "")) for p in exc.problems]
        return preview, None
    questions = {q.key: q for q in db.session.scalars(select(Question).options(selectinload(Question.versions)))}
    for key, content in bank.questions.items():
        current = questions.get(key)
        if current is None:
            preview.added.append(key)
        elif current.current is None or current.current.content_hash != content_hash(content):
            preview.changed.append(key)
        else:
            preview.unchanged.append(key)
    papers = {p.key: p for p in db.session.scalars(select(Paper))}
    for key, definition in bank.papers.items():
        paper = papers.get(key)
        if paper is None:
            preview.papers_added.append(key)
        elif paper.content_hash != content_hash(definition) or not paper.active:
            preview.papers_changed.append(key)
    return preview, bank


STAGED_FOR = 24 * 3600  # seconds an unconfirmed upload is kept


def _staging(root) -> Path:
    """The folder where uploads wait (the app's ``BANK_UPLOAD_FOLDER``, by default instance/bank-uploads)."""
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def forget_stale(root: str, now: float | None = None) -> int:
    """Remove uploads left unconfirmed for a day; returns how many."""
    import time

    now = time.time() if now is None else now
    removed = 0
    for folder in _staging(root).iterdir():
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > STAGED_FOR:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


def stage(root: str, user_id: int, filename: str, data: bytes) -> tuple[str, Preview]:
    """Keep the upload for its confirmation and preview it. Raises UploadError."""
    forget_stale(root)
    token = secrets.token_hex(16)
    folder = _staging(root) / f"{user_id}-{token}"
    folder.mkdir()
    try:
        unpack(filename, data, folder)
    except UploadError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    preview, _bank = preview_folder(folder)
    if not preview.ok:
        shutil.rmtree(folder, ignore_errors=True)
        token = ""
    return token, preview


def apply(root: str, user_id: int, token: str, author_id: int | None) -> ImportReport:
    """Import the staged upload (validated again: the database may have changed since the preview)."""
    if not TOKEN_RE.match(token or ""):
        raise UploadError("This upload is no longer available: upload the file again.")
    folder = _staging(root) / f"{user_id}-{token}"
    if not folder.is_dir():
        raise UploadError("This upload is no longer available: upload the file again.")
    try:
        preview, bank = preview_folder(folder)
        if bank is None:
            raise UploadError("The bank has changed since the preview and the upload no longer validates.")
        return import_bank(bank, author_id)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def apply_job(root: str, user_id: int, token: str, author_id: int | None) -> dict:
    """``apply`` as a background job (``app.jobs.start``): ``{"summary": counts}``, or ``{"error": message}``
    when the upload is gone or no longer validates (then nothing is written)."""
    try:
        report = apply(root, user_id, token, author_id)
    except UploadError as exc:
        return {"error": str(exc)}
    return {"summary": {"added": len(report.added), "changed": len(report.changed),
                        "unchanged": len(report.unchanged), "papers_added": len(report.papers_added),
                        "papers_changed": len(report.papers_changed)}}


def bank_zip() -> bytes:
    """Every live question, paper and synonym set as the bank's YAML files, zipped."""
    with tempfile.TemporaryDirectory() as tmp:
        files = export_bank(tmp)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=path.name)
        return out.getvalue()


def live_contents() -> list[dict]:
    questions = db.session.scalars(select(Question).where(Question.is_live()).order_by(Question.key)
                                   .options(selectinload(Question.versions))).all()
    return [q.current.content for q in questions if q.current]
