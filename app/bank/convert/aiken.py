"""Aiken, Moodle's plain format for single-answer items:

    天然气的主要成分是什么？
    A. 甲烷
    B) 乙烷
    ANSWER: A

Aiken has no explanation, which the bank requires: lines ``解析:`` / ``EXPLANATION:`` (and ``知识点:`` /
``TOPIC:``, ``难度:``, ``分值:``) right after the ANSWER line are read as an extension.
"""
import re

from ...grading.messages import Message, N_
from .build import Builder, Draft
from .result import ConversionResult
from .result import line as line_at
from .text import start_text

_OPTION_RE = re.compile(r"^([A-HＡ-Ｈ])\s*[.)．）]\s*(.*)$", re.S)
_ANSWER_RE = re.compile(r"^ANSWER\s*[:：]\s*(.*)$", re.I | re.S)
_EXTRA_RE = re.compile(r"^(解析|EXPLANATION|FEEDBACK|知识点|TOPIC|难度|DIFFICULTY|分值|POINTS)\s*[:：]\s*(.*)$",
                       re.I | re.S)
_EXTRA_FIELDS = {"解析": "explanation", "explanation": "explanation", "feedback": "explanation",
                 "知识点": "topic", "topic": "topic", "难度": "difficulty", "difficulty": "difficulty",
                 "分值": "points", "points": "points"}


def convert_aiken(source, name: str = "import.aiken", topic: str | None = None,
                  prefix: str | None = None) -> ConversionResult:
    builder, text = start_text(source, name, topic, prefix)
    if text is None:
        return builder.result
    read_aiken(text, builder)
    return builder.result


def read_aiken(text: str, builder: Builder) -> None:
    draft, location, answered = None, "", False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().replace("\x00", "")
        if not line:
            continue
        if answered:
            extra = _EXTRA_RE.match(line)
            if extra:
                setattr(draft, _EXTRA_FIELDS[extra.group(1).lower()], extra.group(2))
                continue
            builder.add(location, draft)
            draft, answered = None, False
        if draft is None:
            draft, location = Draft(qtype="single"), line_at(number)
            draft.stem = line
            continue
        option = _OPTION_RE.match(line)
        answer = _ANSWER_RE.match(line)
        if answer:
            draft.answer, answered = answer.group(1), True
            if not draft.options:
                draft.notes.append(Message(N_("ANSWER 行之前没有选项（选项写作 A. 或 A)）")))
        elif option:
            draft.options[option.group(1)] = option.group(2)
        elif draft.options:
            last = next(reversed(draft.options))
            draft.options[last] += "\n" + line
        else:
            draft.stem += "\n" + line
    if draft is not None:
        if not answered:
            draft.notes.append(Message(N_("缺少 ANSWER: 行")))
        builder.add(location, draft)
    if not builder.result.entries:
        builder.file_problem("file", Message(N_("没有找到题目")))
