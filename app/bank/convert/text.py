"""Numbered questions as centres write them in Word and plain text.

    一、单项选择题（每题1分）
    1、天然气的主要成分是（ B ）。
    A.乙烷  B．甲烷  C、丙烷  (D)丁烷
    答案：B  解析：……

Options may be written ``A.`` ``A．`` ``A、`` ``(A)`` ``（A）``, on the stem's line or on lines of their own; a
section heading sets the type; the answer may stand in the stem's brackets; a key at the end (``参考答案
1.B 2.C 3.ABD``) fills the answers in. The same reader serves Word, where each location is a paragraph.
All patterns are anchored or bounded, so the cost stays linear in the text.
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...grading.messages import Message, N_
from . import values
from .build import Builder, Draft
from .result import ConversionResult
from .result import line as line_at
from .source import decode, start

_LETTER = "A-HＡ-Ｈ"
_QUESTION_RES = (
    re.compile(r"^(?:第\s*+)?(\d{1,4})\s*+题?\s*+(?:[、.．:：)）]|(?<=\s))\s*+(?!\d)(.*)$", re.S),
    re.compile(r"^[(（]\s*+(\d{1,4})\s*+[)）]\s*+(.*)$", re.S),
)
_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*+[、.．]|第\s*+[一二三四五六七八九十\d]{1,3}\s*+(?:部分|大题|节|章)?\s*+[、.．:：]?"
    r"|[IVX]{1,4}\s*+[、.．])?\s*+[【\[（(]?\s*+(.{0,12}?(?:选择|判断|是非|对错|正误|单选|多选|不定项|填空|简答|问答|论述|案例|计算)题?)"
)
_BARE_HEADING_RE = re.compile(
    r"^[【\[]?\s*+(?:单选|多选|判断|单项选择|多项选择|不定项选择|是非|填空|简答|问答|论述|案例分析)题?\s*+[】\]]?\s*+"
    r"(?:[(（][^()（）]{0,30}[)）])?$")
_EACH_POINTS_RE = re.compile(r"每(?:小)?题\s*(\d{1,3}(?:\.\d{1,2})?)\s*分")
_KEY_HEADING_RE = re.compile(r"^[【\[]?\s*+(?:参考答案|标准答案|答案)(?:\s*+(?:与|及|和)\s*+解析)?\s*+[】\]]?\s*+[:：]?$")
_KEY_ENTRY_RE = re.compile(
    r"(\d{1,4})\s*+[、.．:：\-]?\s*+([A-Ha-hＡ-Ｈａ-ｈ]{1,8}|√|×|✓|✗|对|错|正确|错误|T|F)(?![A-Za-z\u4e00-\u9fff])")
_FIELD_NAMES = {
    "答案解析": "explanation", "试题解析": "explanation", "题目解析": "explanation", "解析": "explanation",
    "正确答案": "answer", "参考答案": "answer", "标准答案": "answer", "答案": "answer",
    "知识点": "topic", "知识领域": "topic", "考点": "topic", "难度": "difficulty", "分值": "points", "分数": "points",
    "题型": "type_text",
}
_FIELD_RE = re.compile(
    r"[【\[]\s*+(" + "|".join(_FIELD_NAMES) + r")\s*+[】\]]\s*+[:：]?|(" + "|".join(_FIELD_NAMES) + r")\s*+[:：]")
_OPTION_RE = re.compile(rf"[(（]\s*+([{_LETTER}a-hａ-ｈ])\s*+[)）]|(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])([{_LETTER}])\s*+[.．、:：]")
_STEM_ANSWER_RE = re.compile(
    rf"[(（]\s*+([{_LETTER}a-hａ-ｈ](?:[\s,，、]{{0,3}}[{_LETTER}a-hａ-ｈ]){{0,7}}|√|×|✓|✗|对|错|正确|错误|T|F)\s*+[)）]")
_TYPE_TAG_RE = re.compile(r"^[【\[(（]\s*+(单选题?|多选题?|判断题?|不定项(?:选择)?题?|单项选择题|多项选择题)\s*+[】\])）]\s*+")
MAX_HEADING = 60  # a heading is short; longer lines are never tried as one
_PUNCTUATION = " \t\u3000。，、；：？！,.;:?!）)"


@dataclass
class Block:
    """One numbered question while it is being read."""

    location: str
    number: int
    section: int
    qtype: str | None
    type_word: str
    section_points: str
    stem: list[str] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)
    fields: dict[str, list[str]] = field(default_factory=dict)
    last: list[str] = field(default_factory=list)  # where a continuation line goes

    def next_letter(self) -> str:
        return values.LETTERS[len(self.options)] if len(self.options) < len(values.LETTERS) else ""

    def draft(self) -> Draft:
        stem = "\n".join(self.stem)
        fields = {name: "\n".join(lines) for name, lines in self.fields.items()}
        type_text = fields.get("type_text", "")
        tag = _TYPE_TAG_RE.match(stem)
        if tag:
            type_text, stem = type_text or tag.group(1), stem[tag.end():]
        bracket = _last_match(_STEM_ANSWER_RE, stem)
        answer = fields.get("answer", "")
        notes = []
        if bracket is not None:  # the answer in the stem's brackets: use it, and do not show it to trainees
            if answer and values.folded(answer).strip("。.") != values.folded(bracket.group(1)):
                notes.append(Message(N_("题干括号中的答案“%(bracket)s”与“答案：%(answer)s”不一致"), bracket=bracket.group(1).strip(),
                                      answer=answer.strip()))
            answer = answer or bracket.group(1)
            stem = stem[:bracket.start()] + "（  ）" + stem[bracket.end():]
        draft = Draft(type_text=type_text, stem=stem, answer=answer,
                      options={letter: "\n".join(text) for letter, text in self.options.items()},
                      explanation=fields.get("explanation", ""), points=fields.get("points", self.section_points),
                      difficulty=fields.get("difficulty", ""), topic=fields.get("topic", ""), notes=notes)
        if not type_text:  # the section heading's type, unless the question names its own
            draft.type_text, draft.qtype = self.type_word, self.qtype
        return draft


def _last_match(pattern: re.Pattern, text: str):
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def option_chain(text: str, first: str) -> list[tuple[str, int, int]]:
    """The options written in ``text``: (letter, start of marker, start of its text), letters running on from
    ``first``, each with some text. Of the runs found, the longest wins (a later one on a tie: a stem may hold
    ``(A)`` itself). Runs are at most eight long, so this stays linear."""
    marks = []
    for found in _OPTION_RE.finditer(text):
        letter = values.option_letter(found.group(1) or found.group(2))
        if letter:
            marks.append((letter, found.start(), found.end()))
    if not marks:
        return []
    following: list[int | None] = [None] * len(marks)  # the first mark after i with the next letter
    nearest: dict[str, int] = {}
    for i in range(len(marks) - 1, -1, -1):
        following[i] = nearest.get(chr(ord(marks[i][0]) + 1))
        nearest[marks[i][0]] = i
    content = [0]  # content[i]: characters other than spaces and punctuation in text[:i]
    for ch in text:
        content.append(content[-1] + (ch not in _PUNCTUATION))
    best: list = []
    for i, mark in enumerate(marks):
        if mark[0] != first:
            continue
        chain, j = [], i
        while j is not None:
            chain.append(marks[j])
            j = following[j]
        ends = [m[1] for m in chain[1:]] + [len(text)]
        filled = all(content[end] > content[m[2]] for m, end in zip(chain, ends))
        if filled and len(chain) >= len(best):
            best = chain
    return best


class NumberedReader:
    """Reads located lines (``line 3`` / ``paragraph 7``) into blocks, then hands them to a Builder."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.block: Block | None = None
        self.section = 0
        self.qtype: str | None = None
        self.type_word = ""
        self.section_points = ""
        self.heading_seen = False  # numbering may start again at 1 after a heading
        self.in_key = False
        self.key_section = -1
        self.key: dict[tuple[int, int], dict[str, list[str]]] = {}
        self.key_last: dict[str, list[str]] | None = None

    def feed(self, location: str, line: str) -> None:
        line = values.clean_text(line)
        if not line:
            return
        if len(line) <= MAX_HEADING and _KEY_HEADING_RE.match(line) and not self._answer_on_next_line(line):
            self.in_key, self.block, self.key_section = True, None, -1
            return
        heading = self._heading(line)
        if heading:
            return
        if self.in_key:
            self._key_line(line)
            return
        question = self._question_start(line)
        if question is not None:
            number, rest = question
            self.block = Block(location, number, self.section, self.qtype, self.type_word, self.section_points)
            self.blocks.append(self.block)
            self.heading_seen = False
            self.block.last = self.block.stem
            self._content(rest, is_stem=True)
        elif self.block is not None:
            self._content(line, is_stem=False)
        # text before the first question (a title, a name line) is not a question

    def _answer_on_next_line(self, line: str) -> bool:
        """``答案：`` alone, under a question without an answer, is that question's answer field."""
        return (self.block is not None and not self.block.fields.get("answer")
                and line.rstrip(":： ").strip("【】[] ") == "答案" and line[-1] in ":：")

    def _heading(self, line: str) -> bool:
        if len(line) > MAX_HEADING:
            return False
        found = _HEADING_RE.match(line)
        if not found or _QUESTION_RES[0].match(line):
            return False
        if not found.group(0)[:1] in "一二三四五六七八九十第IVX" and not _BARE_HEADING_RE.match(line):
            return False  # a stem line may mention 选择; a heading is numbered 一、 or is the type word alone
        word = found.group(1)
        if self.in_key:
            self.key_section += 1
            return True
        self.section += 1
        self.block, self.heading_seen = None, True
        points = _EACH_POINTS_RE.search(line)
        self.section_points = points.group(1) if points else ""
        self.type_word, self.qtype = word, _heading_type(word)
        return True

    def _question_start(self, line: str):
        for pattern in _QUESTION_RES:
            found = pattern.match(line)
            if found:
                number = int(found.group(1))
                previous = self.blocks[-1].number if self.blocks else None
                if previous is None or number > previous or (number == 1 and self.heading_seen):
                    return number, found.group(2)
                return None
        return None

    def _content(self, text: str, is_stem: bool) -> None:
        block = self.block
        pieces = _FIELD_RE.split(text)
        before, rest = pieces[0], pieces[1:]
        if before.strip():
            first = "A" if is_stem else block.next_letter()
            chain = option_chain(before, first) if first else []
            head = before[:chain[0][1]] if chain else before
            if head.strip() or is_stem:
                block.last.append(head.strip())
            ends = [mark[1] for mark in chain[1:]] + [len(before)]
            for (letter, _, text_start), end in zip(chain, ends):
                block.options[letter] = [before[text_start:end].strip()]
                block.last = block.options[letter]
        for i in range(0, len(rest), 3):
            name = _FIELD_NAMES[rest[i] or rest[i + 1]]
            value = rest[i + 2].strip()
            block.fields[name] = [value] if value else []
            block.last = block.fields[name]

    def _key_line(self, line: str) -> None:
        pieces = _FIELD_RE.split(line)
        entries = list(_KEY_ENTRY_RE.finditer(pieces[0]))
        if entries:
            for found in entries:
                answers = self.key.setdefault((max(self.key_section, 0), int(found.group(1))), {})
                answers["answer"] = [found.group(2)]
                self.key_last = answers
        elif self.key_last is not None and pieces[0].strip():
            self.key_last.setdefault("explanation", []).append(pieces[0].strip())
        if self.key_last is not None:
            for i in range(0, len(pieces) - 1, 3):
                name = _FIELD_NAMES[pieces[i + 1] or pieces[i + 2]]
                self.key_last[name] = [pieces[i + 3].strip()]

    def finish(self, builder: Builder) -> None:
        self._apply_key()
        for block in self.blocks:
            builder.add(block.location, block.draft())

    def _apply_key(self) -> None:
        if not self.key:
            return
        numbers = [b.number for b in self.blocks]
        by_number_only = len(set(numbers)) == len(numbers)  # numbered straight through: sections do not matter
        by_number = {n: entry for (_, n), entry in self.key.items()}
        sections = {section: i for i, section in enumerate(sorted({b.section for b in self.blocks}))}
        for block in self.blocks:
            if by_number_only:
                found = by_number.get(block.number)
            else:
                found = self.key.get((sections[block.section], block.number))
            for name, lines in (found or {}).items():
                if not block.fields.get(name):
                    block.fields[name] = list(lines)


def _heading_type(word: str) -> str | None:
    folded = values.folded(word)
    if "不定项" in folded:
        return None
    for needle, qtype in (("多选", "multiple"), ("多项", "multiple"), ("单选", "single"), ("单项", "single"),
                          ("判断", "judge"), ("是非", "judge"), ("对错", "judge"), ("正误", "judge")):
        if needle in folded:
            return qtype
    return None


def read_lines(lines: Iterable[tuple[str, str]], builder: Builder) -> None:
    reader = NumberedReader()
    for location, line in lines:
        for part in line.split("\n"):
            reader.feed(location, part)
    reader.finish(builder)
    if not builder.result.entries:
        builder.file_problem("file", Message(N_("没有找到题目：每道题应以编号开头，如“1、”“1.”“（1）”")))


def decode_text(data: bytes) -> str | None:
    decoded = decode(data)
    return decoded[0] if decoded else None


def start_text(source, name: str, topic: str | None, prefix: str | None) -> tuple[Builder, str | None]:
    """The builder and the source as text (pasted str, or bytes/path decoded); None, with the file's problem
    recorded, when there is nothing to read or the encoding is not recognised."""
    builder, data = start(source, name, topic, prefix, text_ok=True)
    if data is None:
        return builder, None
    text = data if isinstance(data, str) else decode_text(data)
    if text is None:
        builder.file_problem("file", Message(N_("无法识别文件编码（请另存为 UTF-8 或 GBK 编码的文本）")))
    return builder, text


def convert_text(source, name: str = "import.txt", topic: str | None = None,
                 prefix: str | None = None) -> ConversionResult:
    """Pasted text (a str) or a .txt file (bytes or a path) in the numbered form."""
    builder, text = start_text(source, name, topic, prefix)
    if text is None:
        return builder.result
    read_lines(((line_at(n), line) for n, line in enumerate(text.splitlines(), start=1)), builder)
    return builder.result
