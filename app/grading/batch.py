"""Grade JSON lines: one output dict per input line, in order.

Input lines are either ``{"question": ID, "part": PART_ID, "answer": TEXT}``
(the part comes from ``lookup``, the case's stem from ``stems``) or
``{"part": {...inline part...}, "answer": TEXT}``, optionally with
``"stem": TEXT`` (the case's story: text copied from it is not evidence).
A bad line gives ``{"error": "line N: ..."}`` and the rest still run.  Lines that are empty or whitespace-only are skipped (no
output); every other line gets exactly one output.

Give the Grader the bank's parts up front (``Grader(synonyms, parts=...)``): lines that name bank parts then
grade the same in any order.  An inline part's terms join the dictionary when the part is first seen, so a
batch that mixes many different inline rubrics is graded in input order, as it streams.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator

from .engine import Grader
from .errors import RubricError

Lookup = Callable[[str, str], "dict | None"]
StemLookup = Callable[[str], "str | None"]


def _grade_line(raw: str, grader: Grader, lookup: Lookup | None, stems: StemLookup | None = None) -> dict:
    try:
        item = json.loads(raw)
    except ValueError as exc:
        raise _LineError(f"not valid JSON ({exc})") from None
    if not isinstance(item, dict):
        raise _LineError("expected a JSON object")
    if "answer" not in item:
        raise _LineError("missing 'answer'")
    answer = item["answer"]
    if answer is None:
        answer = ""
    if not isinstance(answer, str):
        raise _LineError("'answer' must be a string")
    stem = item.get("stem")
    if stem is not None and not isinstance(stem, str):
        raise _LineError("'stem' must be a string")
    part = item.get("part")
    if isinstance(part, dict):
        try:
            compiled = grader.compile(part)
        except RubricError as exc:
            raise _LineError(f"bad rubric: {exc}") from None
    else:
        question = item.get("question")
        if question is None or part is None:
            raise _LineError("needs 'question' and 'part' ids, or an inline 'part' object")
        if not isinstance(question, str) or not isinstance(part, str):
            raise _LineError("'question' and 'part' must be strings")
        if lookup is None:
            raise _LineError("no question bank to look up question ids")
        found = lookup(question, part)
        if found is None:
            raise _LineError(f"unknown question/part {question}/{part}")
        try:
            compiled = grader.compile(found)
        except RubricError as exc:
            raise _LineError(f"bad rubric in {question}/{part}: {exc}") from None
        if stem is None and stems is not None:
            stem = stems(question)
    return grader.grade_compiled(compiled, answer, stem).to_dict()


class _LineError(Exception):
    pass


def grade_lines(lines: Iterable[str], grader: Grader, lookup: Lookup | None = None,
                stems: StemLookup | None = None) -> Iterator[dict]:
    """Yield one result dict (or error dict) per non-blank input line.  ``stems``: question id -> the case's
    stem, for lines that name a bank question."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            yield _grade_line(raw, grader, lookup, stems)
        except _LineError as exc:
            yield {"error": f"line {number}: {exc}"}
