"""Text normalisation with a map back to the trainee's original characters.

Everything the matcher looks at is the *normalised* text; everything the
grader reports (evidence) is in *original* offsets.  ``origin[i]`` is the index
in the original answer of the character that produced normalised character
``i``, so a normalised span ``[s, e)`` maps back to
``[origin[s], origin[e - 1] + 1)``.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import opencc

# Canonical separators in normalised text.
SENTENCE_END = "。"
CLAUSE_BREAK = "，"
LIST_COMMA = "、"  # a clause break for scope, but negation reaches across it

_SENTENCE_ENDERS = set("。！？；!?;\n\r\u2028\u2029｡")
_CLAUSE_BREAKERS = set("，,：:")
_LIST_COMMAS = set("、､")
# Quotes and decorative brackets carry no meaning for matching ("don't" ==
# "dont", 《规范》 == 规范).  Round brackets are kept (NFKC makes （） into
# ()) because they change meaning in formulas: 2^(n-1) is not 2^n-1.
_IGNORED = set("\"'`“”‘’「」『』")
_BRACKETS = set("[]【】《》〈〉{}〔〕")

_t2s = opencc.OpenCC("t2s")

# Per-character cache: original char -> normalised string (may be "" or
# several chars).  Whitespace and "." are handled in context, not cached here.
_char_cache: dict[str, str] = {}
_CHAR_CACHE_MAX = 50_000


# Minus signs and hyphens that NFKC leaves alone; × as in 2×n.
_SYMBOLS = {"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-", "×": "*"}


# Characters that carry nothing a grader can read: lone surrogates (not encodable, OpenCC raises on them),
# control characters other than whitespace (NUL), format characters (zero-width space and joiner, BOM, soft
# hyphen: they could hide a term, 道\u200b歉) and combining marks standing alone after NFKC.
_DROPPED_CATEGORIES = frozenset({"Cs", "Cc", "Cf", "Mn", "Me", "Co", "Cn"})


# Colloquial characters that stand for a standard word, read like traditional characters: 为啥 = 为什么,
# 咋回事 = 怎么回事.  Evidence still points at the trainee's own characters.
_COLLOQUIAL = {"啥": "什么", "咋": "怎么"}
# Erhua place words: 哪儿, 这儿, 那儿 are the spoken 哪里, 这里, 那里 (one character for one: offsets stay exact).
# Not before 子, 女, 童: 那儿子 is "that son".
_ERHUA = re.compile("(?<=[哪这那])儿(?![子女童])")


def _normalise_char(ch: str) -> str:
    out = []
    if unicodedata.category(ch) == "Cs":
        return ""  # NFKC itself is fine with a surrogate, but nothing after it is
    for c in unicodedata.normalize("NFKC", ch).lower():
        c = _SYMBOLS.get(c, c)
        if unicodedata.category(c) in _DROPPED_CATEGORIES and not c.isspace():
            continue
        if c in _SENTENCE_ENDERS:
            out.append(SENTENCE_END)
        elif c in _CLAUSE_BREAKERS:
            out.append(CLAUSE_BREAK)
        elif c in _LIST_COMMAS:
            out.append(LIST_COMMA)
        elif c in _IGNORED:
            continue
        elif c.isspace() or c in _BRACKETS:
            out.append(" ")
        else:
            out.append(_COLLOQUIAL.get(c, c))
    return "".join(out)


def _is_ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


@dataclass
class NormalizedText:
    original: str
    text: str
    origin: list[int]
    # sorted positions of separators in ``text``
    sentence_ends: list[int] = field(default_factory=list)
    clause_breaks: list[int] = field(default_factory=list)  # includes sentence ends
    span_breaks: list[int] = field(default_factory=list)  # negation spans: ，and 。

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_ends, pos)

    def clause_of(self, pos: int) -> int:
        return bisect.bisect_right(self.clause_breaks, pos)

    def span_of(self, pos: int) -> int:
        return bisect.bisect_right(self.span_breaks, pos)

    def span_bounds(self, index: int) -> tuple[int, int]:
        """[start, end) of negation span ``index`` in normalised text."""
        start = self.span_breaks[index - 1] + 1 if index > 0 else 0
        end = self.span_breaks[index] if index < len(self.span_breaks) else len(self.text)
        return start, end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


def normalize_term(term: str) -> str:
    """Normalise a rubric term exactly like an answer (minus the offsets)."""
    return normalize(term).text.strip(" " + SENTENCE_END + CLAUSE_BREAK + LIST_COMMA)


# A line break inside a sentence of prose (text hard-wrapped by an editor or a form) is not a sentence end: the
# line before it is long, ends on a Chinese character rather than punctuation, and the next line goes on with a
# Chinese character that does not open a list item (1. / ① / 一、 / 第二 / 其次 / - ...).
SOFT_WRAP_MIN_LINE = 16
_LIST_OPENERS = ("第", "其次", "再次", "然后", "最后", "首先", "另外", "此外", "其一", "其二", "一是", "二是", "三是",
                 "四是", "五是")
_LIST_MARK_CHARS = set("0123456789０１２３４５６７８９一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩(（-*•·●▪■◆—")


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


_LINE_PAD = "\r \t\u3000"
_LONGEST_OPENER = max(map(len, _LIST_OPENERS))
_NEXT_LINE_START = re.compile(r"[^\r \t\u3000]")


def soft_wraps(original: str) -> set[int]:
    """Indices of the line-break characters that only wrap a sentence (see SOFT_WRAP_MIN_LINE).
    Linear: each line and the start of the next are looked at once, never the rest of the text."""
    found: set[int] = set()
    start = 0
    for i, ch in enumerate(original):
        if ch != "\n":
            continue
        line = original[start:i].rstrip(_LINE_PAD)
        start = i + 1
        first = _NEXT_LINE_START.search(original, i + 1)
        if len(line.strip()) < SOFT_WRAP_MIN_LINE or not line or first is None:
            continue
        rest = original[first.start():first.start() + _LONGEST_OPENER]
        if _is_cjk(line[-1]) and _is_cjk(rest[0]) and rest[0] not in _LIST_MARK_CHARS \
                and not rest.startswith(_LIST_OPENERS):
            found.add(i)
            if i and original[i - 1] == "\r":
                found.add(i - 1)
    return found


def _plain_class() -> re.Pattern:
    """Runs of CJK ideographs (U+4E00-U+9FFF) that normalise to themselves: NFKC, lower-casing and the tables above
    leave every one of them alone but the colloquial ones."""
    ranges, start = [], 0x4E00
    for ch in sorted(_COLLOQUIAL):
        ranges.append(f"\\u{start:04x}-\\u{ord(ch) - 1:04x}")
        start = ord(ch) + 1
    ranges.append(f"\\u{start:04x}-\\u9fff")
    return re.compile(f"[{''.join(ranges)}]+")


_PLAIN_RUN = _plain_class()
_SEPARATOR = re.compile(f"[{SENTENCE_END}{CLAUSE_BREAK}{LIST_COMMA}]")


def normalize(original: str) -> NormalizedText:
    chars: list[str] = []  # pieces of the normalised text: one character, or a run of plain ideographs
    origin: list[int] = []
    pending_space = -1  # original index of a whitespace run not yet emitted
    cache = _char_cache
    n = len(original)
    wraps = soft_wraps(original) if "\n" in original else ()
    plain = _PLAIN_RUN.match
    i = 0
    while i < n:
        ch = original[i]
        if "\u4e00" <= ch <= "\u9fff" and (run := plain(original, i)):
            # The common case, a run of Chinese characters, copied whole (a character at a time costs a third of
            # the grading of a short answer).  A space before a Chinese character is noise.
            end = run.end()
            pending_space = -1
            chars.append(run.group())
            origin.extend(range(i, end))
            i = end
            continue
        pos, i = i, i + 1
        if pos in wraps:
            norm = " "  # whitespace: dropped between Chinese characters
        elif ch == ".":
            # A full stop ends a sentence; a decimal point ("0.5") does not.
            prev = original[pos - 1] if pos else ""
            nxt = original[pos + 1] if pos + 1 < n else ""
            norm = "." if prev.isdigit() and nxt.isdigit() else SENTENCE_END
        else:
            norm = cache.get(ch)
            if norm is None:
                norm = _normalise_char(ch)
                if len(cache) < _CHAR_CACHE_MAX:  # bounded: an answer may hold any of a million code points
                    cache[ch] = norm
        if norm == " ":
            if pending_space < 0:
                pending_space = pos
            continue
        if not norm:
            continue
        if pending_space >= 0:
            # Keep one space only where it separates two Latin words/numbers;
            # spaces between Chinese characters are noise.
            if chars and _is_ascii_alnum(chars[-1][-1]) and _is_ascii_alnum(norm[0]):
                chars.append(" ")
                origin.append(pending_space)
            pending_space = -1
        if len(norm) == 1:
            chars.append(norm)
            origin.append(pos)
        else:
            for c in norm:
                if c == " ":
                    continue
                chars.append(c)
                origin.append(pos)
    text = "".join(chars)
    simplified = _t2s.convert(text)
    if len(simplified) == len(text):
        text = simplified
    else:
        # OpenCC changed the length (a phrase conversion): convert per
        # character instead so the offsets stay exact.
        text = "".join(c if len(s := _t2s.convert(c)) != 1 else s for c in text)
    if "儿" in text:
        text = _ERHUA.sub("里", text)
    sentence_ends = []
    clause_breaks = []
    span_breaks = []
    for separator in _SEPARATOR.finditer(text):
        pos, c = separator.start(), separator.group()
        if c == SENTENCE_END:
            sentence_ends.append(pos)
            clause_breaks.append(pos)
            span_breaks.append(pos)
        elif c == CLAUSE_BREAK:
            clause_breaks.append(pos)
            span_breaks.append(pos)
        elif c == LIST_COMMA:
            clause_breaks.append(pos)
    return NormalizedText(original, text, origin, sentence_ends, clause_breaks, span_breaks)
