"""A retold stem is not an answer: text copied from the case's story does not count as evidence.

The caller may give the Grader the case's ``stem`` (the story every part of the case shares).  Text of the
answer that repeats the stem in runs of at least ``RUN`` characters is *copied*.  A sentence whose Chinese
characters are mostly copied (fewer than ``OWN_SHARE`` of them are the trainee's own: neither copied nor words
of the prompt) retells the story; a mention lying wholly in copied text of such a sentence earns nothing.  In a
sentence that copies a run, near copies (the stem's ``SEED``-character strings: a story retold with a word or two
changed or moved) count as copied too.

So "小赵斜靠在咨询台边，双手插在裤兜里。" (copied) earns nothing for the posture point, while
"小赵斜靠在咨询台边，双手插在裤兜里，这是仪态不端正。" earns it: the sentence says what is wrong.  A mention in the
trainee's own words ("重点在于核心流程") counts whatever the rest of its sentence copies.
"""
from __future__ import annotations

import bisect
import re
from collections import OrderedDict

RUN = 6  # characters: shorter shared strings are ordinary phrases (客户服务, 服务质量)
SEED = 3  # a shared run of RUN characters holds a shared SEED-gram at an offset that is a multiple of STEP
STEP = RUN - SEED + 1
OWN_SHARE = 0.25
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_COPIED = re.compile(rb"\x01+")
_OWN = re.compile(rb"\x00+")
_ONES = b"\x01" * RUN


def stem_grams(stem_norm: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stem's ``RUN``-character strings and its ``SEED``-character strings (normalised stem text)."""
    return (frozenset(stem_norm[i:i + RUN] for i in range(len(stem_norm) - RUN + 1)),
            frozenset(stem_norm[i:i + SEED] for i in range(len(stem_norm) - SEED + 1)))


class StemCache:
    """Stem text -> its grams, for the few stems a Grader sees (one per case)."""

    def __init__(self, size: int = 64) -> None:
        self._cache: OrderedDict[str, tuple[frozenset[str], frozenset[str]]] = OrderedDict()
        self.size = size

    def grams(self, stem: str, normalise) -> tuple[frozenset[str], frozenset[str]]:
        found = self._cache.get(stem)
        if found is None:
            found = stem_grams(normalise(stem).text)
            self._cache[stem] = found
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(stem)
        return found


class Retold:
    """Which mentions of one answer lie in a retelling of the stem."""

    def __init__(self, text: str, sentence_ends: list[int], grams: tuple[frozenset[str], frozenset[str]],
                 prompt: frozenset[str]) -> None:
        self.starts: list[int] = []  # copied stretches in retold sentences, normalised offsets, sorted
        self.ends: list[int] = []
        runs, seeds = grams if grams else (frozenset(), frozenset())
        self.seeds = seeds
        if not runs:
            return
        copied = bytearray(len(text))
        found = False
        block_start = reach = -1  # the copied block being extended: text[block_start:reach] is marked
        # A run shared with the stem, starting at s, holds the seeds starting at s .. s + STEP - 1, one of them
        # at a multiple of STEP: look the runs up only around those seeds, and extend a copied block a whole run
        # at a time (linear; a long copy costs about one lookup per RUN characters).
        p = 0
        while p <= len(text) - SEED:
            if text[p:p + SEED] in seeds:
                for k in range(max(p - STEP + 1, 0), p + 1):
                    if block_start <= k and k + RUN <= reach:
                        continue  # already inside the block
                    if text[k:k + RUN] not in runs:
                        continue
                    found = True
                    if k > reach:
                        block_start = k
                    reach = max(reach, k + RUN)
                    copied[k:k + RUN] = _ONES
                    while text[reach:reach + RUN] in runs:
                        copied[reach:reach + RUN] = _ONES
                        reach += RUN
                # the next seed whose runs may reach past the block
                p = max(p + STEP, -(-(reach - RUN + 1) // STEP) * STEP)
            else:
                p += STEP
        if not found:
            return
        start = 0
        for end in list(sentence_ends) + [len(text)]:
            self._sentence(text, start, end, copied, prompt)
            start = end + 1

    def _sentence(self, text: str, start: int, end: int, copied: bytearray, prompt: frozenset[str]) -> None:
        if _COPIED.search(copied, start, end) is None:
            return
        cjk = len(_CJK.findall(text, start, end))
        if self._own(text, start, end, copied, prompt) >= OWN_SHARE * cjk:
            # A sentence that copies a run may retell the rest with small changes (敞着制服外套 for 制服外套敞着): its
            # near copies (the stem's SEED-character strings) are copied too.  Looked at only in such sentences.
            copied = bytearray(copied)
            seeds = self.seeds
            for i in range(start, end - SEED + 1):
                if text[i:i + SEED] in seeds:
                    copied[i:i + SEED] = _ONES[:SEED]
            if self._own(text, start, end, copied, prompt) >= OWN_SHARE * cjk:
                return  # the trainee says something of their own about what they quote
        for m in _COPIED.finditer(copied, start, end):
            self.starts.append(m.start())
            self.ends.append(m.end())

    @staticmethod
    def _own(text: str, start: int, end: int, copied: bytearray, prompt: frozenset[str]) -> int:
        """Chinese characters of text[start:end] neither copied nor words of the prompt."""
        own = 0
        for gap in _OWN.finditer(copied, start, end):
            for m in _CJK.finditer(text, gap.start(), gap.end()):
                i = m.start()
                if text[i:i + 2] not in prompt and text[max(i - 1, 0):i + 1] not in prompt:
                    own += 1
        return own

    def __bool__(self) -> bool:
        return bool(self.starts)

    def covers(self, start: int, end: int) -> bool:
        """Does [start, end) lie wholly in copied text of a retold sentence?"""
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and self.ends[k] >= end


STORY_CHARS = 1200  # the story share reads the answer's first 1,200 characters, as the second opinion does


def story_share(text: str, grams: tuple[frozenset[str], frozenset[str]]) -> float:
    """Share of the answer's Chinese ``SEED``-character strings that are the stem's (normalised text): how much of
    the answer retells the story, copied or in near words."""
    seeds = grams[1] if grams else frozenset()
    if not seeds:
        return 0.0
    total = shared = 0
    for run in _CJK_RUN.findall(text, 0, STORY_CHARS):
        for i in range(len(run) - SEED + 1):
            total += 1
            shared += run[i:i + SEED] in seeds
    return shared / total if total else 0.0
