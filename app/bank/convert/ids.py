"""Stable ids for imported questions: ``import.<file>-<n>``, the file name spelt in pinyin when it is Chinese."""
import re
import unicodedata
from pathlib import PurePath

from pypinyin import lazy_pinyin

_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 40


def file_slug(name: str) -> str:
    """``客服题库（2024）.xlsx`` -> ``kefutiku-2024``; ``bank`` when nothing usable is left."""
    stem = PurePath(str(name)).stem if name else ""
    text = unicodedata.normalize("NFKC", stem)[:200]
    spelt = "".join(lazy_pinyin(text, errors="default"))
    slug = _NOT_SLUG_RE.sub("-", spelt.lower()).strip("-")[:MAX_SLUG].strip("-")
    return slug or "bank"
