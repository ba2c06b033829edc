"""Apply a broadening file (bench/broaden_*.json) to the bank's case YAML, editing the flow lists in place.

Each entry: {"file", "question", "part", "point" (rubric id), "field": "match"|"gist", "group": index or "new",
"terms": [...]}; a "new" gist group is ANDed with the point's other gist groups (so new groups only go to points
that had no gist); optional "remove_from_gist": [...] (terms moved out of the point's gist groups).  Idempotent: a term
already in the group is skipped.  Usage: .venv/bin/python bench/apply_broaden.py bench/broaden_exam2.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _block(lines: list[str], start: int, indent: int) -> int:
    """End (exclusive) of the block that begins at ``start`` with items indented more than ``indent``."""
    i = start + 1
    while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
        i += 1
    return i


def _find(lines: list[str], pattern: str, lo: int, hi: int) -> int:
    rx = re.compile(pattern)
    for i in range(lo, hi):
        if rx.match(lines[i]):
            return i
    raise SystemExit(f"not found: {pattern!r} in lines {lo + 1}-{hi}")


def _groups(lines: list[str], field_line: int) -> list[int]:
    indent = len(lines[field_line]) - len(lines[field_line].lstrip())
    end = _block(lines, field_line, indent)
    return [i for i in range(field_line + 1, end) if lines[i].lstrip().startswith("- [")]


def _items(line: str) -> list[str]:
    inner = line[line.index("[") + 1:line.rindex("]")]
    return [t.strip() for t in inner.split(",") if t.strip()]


def _quoted(term: str) -> str:
    """A term as a YAML flow item: set names (@…) and YAML's special characters quoted."""
    if term.startswith(('"', "'")) or not (term.startswith("@") or any(c in term for c in ":#,[]{}&*!|>%`")):
        return term
    return '"' + term.replace('"', '\\"') + '"'


def _set_items(line: str, items: list[str]) -> str:
    return line[:line.index("[") + 1] + ", ".join(items) + line[line.rindex("]"):]


def apply(entry: dict) -> None:
    path = ROOT / "question_bank" / "cases" / entry["file"]
    lines = path.read_text(encoding="utf-8").split("\n")
    q = _find(lines, rf"\s*- id: {re.escape(entry['question'])}\s*$", 0, len(lines))
    q_end = _block(lines, q, len(lines[q]) - len(lines[q].lstrip()))
    p = _find(lines, rf"\s*- id: {re.escape(entry['part'])}\s*$", q, q_end)
    p_end = _block(lines, p, len(lines[p]) - len(lines[p].lstrip()))
    r = _find(lines, rf"\s*- id: {re.escape(entry['point'])}\s*$", p + 1, p_end)
    r_indent = len(lines[r]) - len(lines[r].lstrip())
    r_end = _block(lines, r, r_indent)
    for term in entry.get("remove_from_gist", []):
        g = _find(lines, r"\s*gist:\s*$", r, r_end)
        for i in _groups(lines, g):
            items = _items(lines[i])
            if term in items:
                lines[i] = _set_items(lines[i], [t for t in items if t != term])
    field = entry["field"]
    try:
        f = _find(lines, rf"\s*{field}:\s*$", r, r_end)
    except SystemExit:
        if field != "gist" or entry["group"] != "new":
            raise
        f = None
    terms = [_quoted(t) for t in entry["terms"]]
    if entry["group"] == "new":
        if f is None:
            at = r_end
            while not lines[at - 1].strip():
                at -= 1
            pad = " " * (r_indent + 2)
            lines[at:at] = [f"{pad}gist:", f"{pad}  - [{', '.join(terms)}]"]
        elif any(_items(lines[i]) == terms for i in _groups(lines, f)):
            return  # applied before
        else:
            last = _groups(lines, f)[-1]
            pad = lines[last][:len(lines[last]) - len(lines[last].lstrip())]
            lines.insert(last + 1, f"{pad}- [{', '.join(terms)}]")
    else:
        line = _groups(lines, f)[entry["group"]]
        items = _items(lines[line])
        lines[line] = _set_items(lines[line], items + [t for t in terms if t not in items])
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    for entry in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")):
        apply(entry)


if __name__ == "__main__":
    main()
