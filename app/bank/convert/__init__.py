"""Converters from the files centres already have to the bank's questions. Pure: bytes (or a path) in,
a ``ConversionResult`` out, every unreadable row, paragraph or line listed with its reason in Chinese: each reason
and location is a ``Message`` (app/grading/messages.py) whose template is marked ``N_``, so that the pages show it
in the reader's language (``app.authoring.messages.translated``; the English catalogue translates the Chinese).

``convert(source, filename)`` picks the converter by the file's extension (see ``CONVERTERS``); each converter
also takes ``name`` (the file name, for ids ``import.<name>-<n>``), ``topic`` (the area of items that do not say)
and ``prefix`` (ids ``<prefix>-<n>`` instead).
"""
from pathlib import PurePath

from ...grading.messages import Message, N_
from .aiken import convert_aiken
from .docx import convert_docx
from .gift import convert_gift
from .result import ConversionProblem, ConversionResult, Entry
from .source import office_kind
from .tabular import convert_csv, convert_xlsx
from .template import template_docx, template_xlsx
from .text import convert_text

CONVERTERS = {
    ".xlsx": convert_xlsx,
    ".csv": convert_csv,
    ".docx": convert_docx,
    ".txt": convert_text,
    ".gift": convert_gift,
    ".aiken": convert_aiken,
}


class UnsupportedFormat(ValueError):
    """The file's extension names no converter."""


def converter_for(filename: str, data=None):
    """The converter for a file: by what an Office file holds (a workbook saved or renamed as .docx is still read
    as a workbook), else by the extension."""
    suffix = office_kind(data) or PurePath(filename).suffix.lower()
    if suffix not in CONVERTERS:
        raise UnsupportedFormat(Message(N_("不支持的文件类型“%(kind)s”（支持 %(known)s；旧版 .xls/.doc 请先另存为新格式）"),
                                        kind=suffix or filename, known="、".join(CONVERTERS)))
    return CONVERTERS[suffix]


def convert(source, filename: str, topic: str | None = None, prefix: str | None = None) -> ConversionResult:
    """Convert ``source`` (bytes, a pathlib.Path, or pasted text for text formats) named ``filename``."""
    return converter_for(filename, source)(source, name=PurePath(filename).name, topic=topic, prefix=prefix)


__all__ = ["CONVERTERS", "ConversionProblem", "ConversionResult", "Entry", "UnsupportedFormat", "convert",
           "convert_aiken", "convert_csv", "convert_docx", "convert_gift", "convert_text", "convert_xlsx",
           "converter_for", "office_kind", "template_docx", "template_xlsx"]
