"""Keyword lists: an answer that is a bare string of terms says nothing about the case.

An examiner gives such a list little ("招聘 面试 笔试 岗前培训 考核 淘汰 激励 职业规划 团队建设 服务意识": 10–25%
of the part), while a point-form answer whose items are statements ("1、先按岗位要求定招聘条件；2、面试时加
一段模拟接听") keeps full credit.  What separates them:

- the items: a *bare* item is a short run of content (at most ``BARE_MAX`` characters) with no function word
  or predicate marker (的, 了, 要, 把, 没, 应 …): a noun or a verb on its own, not a statement;
- the answer is a *term list* when it has at least ``LIST_MIN_ITEMS`` items and ``LIST_MIN_BARE`` of them are
  bare (separators and rhythm: spaces, 、 or numbers between short, even items);
- a term list on a part that asks for names (most of its key points are names: 排序法, 口音障碍, 标题) is the
  expected form of answer when it is *precise*: ``PRECISE_SHARE`` of its items name a key point of this part.
  A list padded with other topics' vocabulary is not.

Rule: in a term list that is not a precise list of names, a point whose evidence lies only in bare items earns
``LIST_CREDIT`` of its points, and all such points together at most ``LIST_CAP`` of the part (rounded to a
quarter point): an examiner gives a list 10-25% of the part whether it names two key points or all of them. A point
of several groups is named by a bare term of its first group alone (``Grader._half_listed``).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

BARE_MAX = 6
LIST_MIN_ITEMS = 4
LIST_MIN_BARE = 0.75
PRECISE_SHARE = 0.6
NAME_PART_SHARE = 0.6
NAME_MAX = 10
LIST_CREDIT = 0.5
LIST_CAP = 0.2

# Spaces separate items, except between two Latin words ("say sorry to the customer" is one item).
_SEPARATOR = re.compile(r"(?:(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])|[①-⑳、，,；;。.．!！?？/|｜:：])+")
# A list number: Arabic digits (the stop optional: "1 道歉"), Chinese numerals only with their stop or brackets
# ("一、", "（二）"; 一心二用 and 第一目标市场 are words), 第N only as 第N条/点/步 (or a whole item: "第一，").
_MARKER = re.compile(r"^(?:\(?[0-9０-９]{1,2}[)）.、．]?|[（(]?[一二三四五六七八九十]{1,2}(?:[)）.、．]|$)|[①-⑳]"
                     r"|第[一二三四五六七八九十]+(?:[条点步]|$))")
_CONTENT = re.compile(r"[0-9A-Za-z\u4e00-\u9fff]")
# Function words and predicate markers: a statement has some, a bare term has none.
PREDICATE_CHARS = frozenset("的了是在和与及要会对把将向给就都也并而因所如果则应该可能让使被从到后先再这那其之为没不未别很更最")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")


@dataclass
class Item:
    start: int  # offsets into the ORIGINAL answer
    end: int
    bare: bool


def split_items(original: str) -> list[Item]:
    items, pos = [], 0
    for sep in itertools.chain(_SEPARATOR.finditer(original), (None,)):
        end = sep.start() if sep else len(original)
        chunk = original[pos:end]
        marker = _MARKER.match(chunk)
        if marker and marker.end() == len(chunk):
            pos = sep.end() if sep else end
            continue  # a list number on its own ("1、", "2.")
        lead = marker.end() if marker else 0
        body = chunk[lead:]
        content = len(_CONTENT.findall(body))
        if content:
            bare = content <= BARE_MAX and PREDICATE_CHARS.isdisjoint(body)
            items.append(Item(pos + lead, end, bare))
        pos = sep.end() if sep else end
    return items


def is_name(point_text: str) -> bool:
    """A key point that is a name (排序法, 口音障碍（地方口音）), answerable by naming it."""
    text = "".join(_CONTENT.findall(_BRACKETS.sub("", point_text)))
    return 0 < len(text) <= NAME_MAX and not any(c in PREDICATE_CHARS for c in text)


@dataclass
class ListVerdict:
    is_list: bool
    precise: bool = False
    names_part: bool = False
    items: list[Item] | None = None

    @property
    def discounts(self) -> bool:
        return self.is_list and not (self.precise and self.names_part)

    def in_bare_items(self, spans: list[tuple[int, int]], original: str = "") -> bool:
        """Are all these spans (original offsets) inside bare items?  A span may run on across the separator into
        the next bare items: spaces between Chinese characters are ignored, so `统一 口径` (two items) is found by
        the term 统一口径, and is still two bare terms (only across whitespace: `n/2` is one formula)."""
        items = self.items or []
        starts = [i.start for i in items]
        for s, e in spans:
            k = bisect.bisect_right(starts, s) - 1
            if k < 0 or not items[k].bare:
                return False
            while e > items[k].end:
                k += 1
                if k >= len(items) or not items[k].bare or original[items[k - 1].end:items[k].start].strip():
                    return False
        return bool(spans)


# A term list has almost no function words: above this share of the characters, it is prose (cheap test first).
PROSE_SHARE = 0.12


def judge(original: str, covered_original: list[tuple[int, int]], point_texts: list[str]) -> ListVerdict:
    """``covered_original``: spans of every rubric-term mention, in original offsets."""
    if not covered_original or sum(map(original.count, PREDICATE_CHARS)) > PROSE_SHARE * len(original):
        return ListVerdict(False)
    items = split_items(original)
    if len(items) < LIST_MIN_ITEMS or sum(i.bare for i in items) < LIST_MIN_BARE * len(items):
        return ListVerdict(False)
    starts = sorted(s for s, _ in covered_original)  # bisect: one lookup per item, not a scan of every mention
    naming = sum(i.bare and _mention_within(starts, i.start, i.end) for i in items)
    bare = sum(i.bare for i in items)
    precise = naming >= PRECISE_SHARE * bare
    names_part = sum(is_name(t) for t in point_texts) >= NAME_PART_SHARE * len(point_texts)
    return ListVerdict(True, precise, names_part, items)


def _mention_within(starts: list[int], low: int, high: int) -> bool:
    """Does a mention start in [low, high)? ``starts`` sorted."""
    k = bisect.bisect_left(starts, low)
    return k < len(starts) and starts[k] < high


def list_share(named: float, part_points: float) -> float:
    """The share of its points each listed point earns: LIST_CREDIT, lowered so that ``named`` points (the
    listed points' and order points' maxima) earn at most LIST_CAP of the part together."""
    if named <= 0:
        return LIST_CREDIT
    return min(LIST_CREDIT, LIST_CAP * part_points / named)


def list_credit(points: float, share: float = LIST_CREDIT) -> float:
    return round(points * share * 4) / 4
