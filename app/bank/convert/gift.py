"""GIFT, Moodle's text format, for objective items:

    $CATEGORY: 投诉处理
    ::q1:: 客户投诉时首先应该 {=倾听 ~争辩 ~挂断 #### 先倾听，再处理。}
    服务是无形的。{T ####服务看不见摸不着。}
    下列哪些属于服务特性？{~%50%无形性 ~%50%同步性 ~%-100%可储存性 ####……}

Questions are separated by blank lines; ``//`` lines are comments; ``$CATEGORY:`` sets the topic (its last
level); ``####`` is the general feedback, which becomes the explanation. Essay, short answer, numeric and
matching questions are reported: they have no objective form in the bank.
"""
import html
import re

from ...grading.messages import Message, N_
from . import values
from .build import Draft
from .result import ConversionResult
from .result import line as line_at
from .text import start_text

_FORMAT_RE = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]\s*", re.I)
_TAG_RE = re.compile(r"<[^<>]{0,500}>")
_WEIGHT_RE = re.compile(r"^%(-?\d{1,3}(?:\.\d{1,5})?)%")


def convert_gift(source, name: str = "import.gift", topic: str | None = None,
                 prefix: str | None = None) -> ConversionResult:
    builder, text = start_text(source, name, topic, prefix)
    if text is None:
        return builder.result
    category = ""
    for number, chunk in chunks(text):
        if chunk.startswith("$CATEGORY:"):
            category = chunk.split(":", 1)[1].strip().rstrip("/").rsplit("/", 1)[-1].strip()
            rest = chunk.split("\n", 1)[1] if "\n" in chunk else ""
            if not rest.strip():
                continue
            chunk, number = rest, number + 1
        builder.add(line_at(number), gift_draft(chunk, category))
    if not builder.result.entries:
        builder.file_problem("file", Message(N_("没有找到题目")))
    return builder.result


def chunks(text: str):
    """(first line number, text) of each question: lines between blank lines, comments left out."""
    start_line, lines = 0, []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if lines:
                yield start_line, "\n".join(lines)
            lines = []
            continue
        if not lines:
            start_line = number
        lines.append(line)
    if lines:
        yield start_line, "\n".join(lines)


def find_unescaped(text: str, target: str, start: int = 0) -> int:
    """Index of ``target`` in ``text`` from ``start``, skipping backslash-escaped characters; -1 if absent."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def split_unescaped(text: str, specials: str = "=~#") -> list[tuple[str, str]]:
    """Tokens of ``text``: (the special character before it, or "", its unescaped text)."""
    tokens: list[tuple[str, str]] = []
    current: list[str] = []
    marker = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            current.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        if ch in specials:
            tokens.append((marker, "".join(current)))
            marker, current = ch, []
        else:
            current.append(ch)
        i += 1
    tokens.append((marker, "".join(current)))
    return tokens


def unescape(text: str) -> str:
    return "".join(t for _, t in split_unescaped(text, ""))


def _plain(text: str, is_html: bool) -> str:
    if is_html:
        text = html.unescape(_TAG_RE.sub("", re.sub(r"<br\s*/?>", "\n", text, flags=re.I)))
    return values.clean_text(text)


def gift_draft(chunk: str, category: str) -> Draft:
    draft = Draft(topic=category)
    text = chunk.strip()
    if text.startswith("::"):  # ::title::
        end = find_unescaped(text, "::", 2)
        text = text[end + 2:] if end >= 0 else text
    opened = find_unescaped(text, "{")
    closed = find_unescaped(text, "}", opened + 1) if opened >= 0 else -1
    before = text[:opened] if opened >= 0 else text
    format_found = _FORMAT_RE.match(before)
    is_html = bool(format_found) and format_found.group(1).lower() == "html"
    if format_found:
        before = before[format_found.end():]
    stem = _plain(unescape(before), is_html)
    if opened < 0 or closed < 0:
        draft.stem = stem
        draft.notes.append(Message(N_("缺少答案部分 {…}")) if opened < 0 else Message(N_("答案部分缺少右括号 }")))
        return draft
    after = _plain(unescape(text[closed + 1:]), is_html)
    draft.stem = f"{stem}（  ）{after}" if after else stem  # "missing word" form: the blank inside the sentence
    _answers(draft, text[opened + 1:closed], is_html)
    return draft


def _answers(draft: Draft, inside: str, is_html: bool) -> None:
    general = find_unescaped(inside, "####")
    if general >= 0:
        draft.explanation = _plain(unescape(inside[general + 4:]), is_html)
        inside = inside[:general]
    tokens = split_unescaped(inside)
    head = tokens[0][1].strip().upper()
    if not any(marker in "=~" and marker for marker, _ in tokens):
        if head in ("T", "TRUE", "F", "FALSE"):
            draft.qtype, draft.judge_answer = "judge", head.startswith("T")
            feedback = [t for m, t in tokens if m == "#"]  # {T#if answered wrong#if answered right}
            if not draft.explanation and feedback:
                draft.explanation = _plain(feedback[-1], is_html)
        else:
            draft.type_text = "数值题" if inside.lstrip().startswith("#") else "问答题"
        return
    answers = []  # (text, correct, feedback)
    for index, (marker, text) in enumerate(tokens):
        if marker not in ("=", "~"):
            continue
        feedback = tokens[index + 1][1] if index + 1 < len(tokens) and tokens[index + 1][0] == "#" else ""
        weight = _WEIGHT_RE.match(text.strip())
        text = text.strip()[weight.end():] if weight else text
        if "->" in text:
            draft.type_text = "配对题"
            return
        correct = marker == "=" or (weight is not None and float(weight.group(1)) > 0)
        answers.append((_plain(text, is_html), correct, feedback))
    if not any(marker == "~" for marker, _ in tokens):
        draft.type_text = "填空题"  # only right answers: GIFT's short answer
        return
    if len(answers) > len(values.LETTERS):
        draft.notes.append(Message(N_("选项超过 %(n)s 个"), n=len(values.LETTERS)))
        return
    letters = values.LETTERS[:len(answers)]
    draft.options = dict(zip(letters, (a[0] for a in answers)))
    draft.answer = "".join(letter for letter, a in zip(letters, answers) if a[1])
    if not draft.explanation:
        draft.explanation = "\n".join(_plain(a[2], is_html) for a in answers if a[1] and a[2].strip())
