"""What a converter accepts: bytes or a path (text converters also a str), of a bounded size; Office files are
checked before they are unzipped."""
import io
import os
import zipfile
from pathlib import Path

from ...grading.messages import Message, N_
from .archive import MAX_ROW_CELLS, office_refusal
from .build import Builder

MAX_FILE_BYTES = 20 * 1024 * 1024
TOO_LARGE = Message(N_("文件超过 %(mb)s MB，请拆分后导入"), mb=MAX_FILE_BYTES // (1024 * 1024))


def start(source, name: str, topic: str | None, prefix: str | None, text_ok: bool = False):
    """(builder, content): content is the bytes (or the str given) or None when the source was refused."""
    if isinstance(source, os.PathLike):
        name = Path(source).name
    builder = Builder(name, topic, prefix)
    if isinstance(source, str) and text_ok:
        return builder, source
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, os.PathLike):
        try:
            if Path(source).stat().st_size > MAX_FILE_BYTES:
                builder.file_problem("file", TOO_LARGE)
                return builder, None
            data = Path(source).read_bytes()
        except OSError as exc:
            builder.file_problem("file", Message(N_("无法读取文件（%(error)s）"), error=str(exc.strerror or exc)))
            return builder, None
    else:
        raise TypeError("a converter takes the file's bytes or a pathlib.Path" + (" or the text" if text_ok else ""))
    if len(data) > MAX_FILE_BYTES:
        builder.file_problem("file", TOO_LARGE)
        return builder, None
    if not data:
        builder.file_problem("file", Message(N_("文件是空的（0 字节）：请重新选择文件")))
        return builder, None
    return builder, data


def office_kind(data) -> str | None:
    """'.xlsx' or '.docx' for the bytes of an Office file, by the part it holds (whatever its name), else None.
    Reads the zip's directory only; the parts are checked later (archive.office_refusal)."""
    if not isinstance(data, (bytes, bytearray, memoryview)) or bytes(data[:4]) != b"PK\x03\x04":
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    if "xl/workbook.xml" in names:
        return ".xlsx"
    if "word/document.xml" in names:
        return ".docx"
    return None


def check_zip(data: bytes) -> Message | None:
    """Why an Office file (a zip) should not be opened, or None (see archive.office_refusal)."""
    refusal = office_refusal(data)
    if refusal is None:
        return None
    if refusal.kind == "unreadable":
        return Message(N_("不是有效的 Office 文件（.xlsx/.docx 实为 zip 压缩包；旧版 .xls/.doc 请先另存为新格式）"))
    if refusal.kind == "row_too_wide":
        return Message(N_("表格中有一行超过 %(n)s 个单元格（%(where)s），拒绝读取"), n=MAX_ROW_CELLS, where=refusal.detail)
    return Message(N_("文件解压后内容过多，拒绝读取；请拆分后导入"))


def decode(data: bytes) -> tuple[str, str] | None:
    """(text, encoding): BOMs first, then UTF-8, then GB18030 (a superset of GBK, as Excel saves CSV in China)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None
