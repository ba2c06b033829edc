"""Bank Markdown as its authors write it, made ready for Python-Markdown (pure: no Flask).

Two habits of Chinese text that Python-Markdown reads otherwise than meant:
- a list or a table straight under its lead-in line (``**存在的问题**`` then ``- 坐席员…``) needs a blank line
  before it, or the items run on inside the paragraph as `` - `` (24 references of the bundled bank);
- a line break inside a paragraph between two Chinese characters is shown by browsers as a space
  (``营业额。 为此``), where Chinese has none: such lines are joined (40 texts of the bank).
Fenced code is left as it is; a line ending in two spaces (a hard break) is never joined."""
import re

import markdown
import nh3

_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_BLOCK_START = re.compile(r"^ {0,3}(?:[>#|]|```|~~~|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$))")
_NO_JOIN_AFTER = re.compile(r"^ {0,3}(?:[#|]|```|~~~)")  # a heading or a table row ends at its line
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_WIDE = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_ENDS_WIDE = re.compile(f"[{_WIDE}]$")
_STARTS_WIDE = re.compile(f"^[{_WIDE}]")


def prepare(text: str) -> str:
    """``text`` with a blank line before a list that follows a paragraph line, and the line breaks between two
    wide (Chinese) characters inside a paragraph removed."""
    out: list[str] = []
    fenced = False
    block_has_list = False  # the lines since the last blank line hold a list item (its continuation lines follow)
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        if fenced:
            out.append(line)
            continue
        if not line.strip():
            block_has_list = False
            out.append(line)
            continue
        previous = out[-1] if out else ""
        if _TABLE_ROW.match(line) and previous.strip() and not _TABLE_ROW.match(previous) and not block_has_list:
            out.append("")  # a table straight under its lead-in line
        elif _LIST_ITEM.match(line):
            if previous.strip() and not block_has_list and not _BLOCK_START.match(previous):
                out.append("")
            block_has_list = True
            out.append(line)
            continue
        if (previous.strip() and not previous.endswith("  ") and not _NO_JOIN_AFTER.match(previous)
                and not _BLOCK_START.match(line)
                and _ENDS_WIDE.search(previous) and _STARTS_WIDE.match(line.lstrip())):
            out[-1] = previous + line.lstrip()
            continue
        out.append(line)
    return "\n".join(out)


_LINE_MARKS = re.compile(r"^ {0,3}(?:>[ \t>]*|#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_INLINE_MARKS = re.compile(r"\*\*|__|`|~~")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}")


def plain_excerpt(text, limit: int) -> str:
    """``text`` (bank Markdown) as one line of plain words for a list of questions: no quote, heading or list
    marks, no ** or `, a paragraph's lines joined as ``prepare`` joins them and blocks a space apart; cut to
    ``limit`` characters with an ellipsis."""
    lines = []
    for line in prepare(str(text or "")).split("\n"):
        if _TABLE_RULE.match(line):
            continue
        line = _INLINE_MARKS.sub("", _LINE_MARKS.sub("", line)).replace("|", " ").strip()
        if line:
            lines.append(line)
    joined = " ".join(" ".join(lines).split())  # blocks (a dialogue's turns, list items) a space apart
    return joined if len(joined) <= limit else joined[:limit] + "…"


# What bank Markdown may become in HTML (the pages and the Moodle export): text structure only, no attributes.
SAFE_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "table",
                       "thead", "tbody", "tr", "th", "td", "h3", "h4", "h5", "h6", "hr", "del", "sub", "sup"})


def safe_html(text: str) -> str:
    """Bank Markdown as sanitised HTML (tables and lists read as ``prepare`` leaves them)."""
    return nh3.clean(markdown.markdown(prepare(text), extensions=["tables", "sane_lists"]), tags=set(SAFE_TAGS),
                     attributes={})

