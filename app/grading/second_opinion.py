"""A second opinion beside the rubric: how close is the answer to the part's reference and good samples?

Character n-grams (2 and 3 characters of Chinese, whole Latin words), weighted by TF-IDF over every good answer
the Grader has learned (so words every answer uses, 顾客 or 服务, weigh little), compared by cosine; the answer's
similarity is its best cosine against the part's good answers.  No model, no download: pure code, linear in the
answer's length.

It does not grade.  When it disagrees strongly with the rubric, the answer goes to an instructor:
- the rubric gives a high share but the answer is unlike every good answer (``LOW_SIMILARITY``): the terms may
  be there without the content (a retold stem, a list, an echo of the prompt);
- the rubric gives a low share but the answer is close to a good answer (``HIGH_SIMILARITY``, or
  ``VERY_HIGH_SIMILARITY`` at up to half the points): probably a wording the rubric does not know.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from .messages import Message, N_
from .normalize import normalize

MAX_CHARS = 1200  # similarity looks at the first 1,200 characters: longer than any good answer of the bank
_RUN = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")

# Shares of the part's points, and cosines, that count as a strong disagreement (calibrated on the bank's
# samples and the bench sets: see docs/grading.md).
HIGH_SHARE = 0.7
LOW_SHARE = 0.3
HALF_SHARE = 0.5
LOW_SIMILARITY = 0.06  # good answers in other words sit at 0.08–0.65: below this, hardly a shared phrase
HIGH_SIMILARITY = 0.3  # wrongly low grades of close paraphrases; nothing graded right sat here below 30%
VERY_HIGH_SIMILARITY = 0.45
GOOD_SAMPLE = 0.8  # a sample expected to earn this share of the part is a good answer


def features(text: str, normalised: bool = False) -> Counter:
    """Character 2- and 3-grams of Chinese runs and whole Latin words (``normalised``: text is already so)."""
    grams: Counter = Counter()
    norm = text[:MAX_CHARS] if normalised else normalize(text[:MAX_CHARS]).text
    for run in _RUN.findall(norm):
        if run[0] < "\u4e00":  # Latin word or number
            grams[run] += 1
            continue
        for n in (2, 3):
            for i in range(len(run) - n + 1):
                grams[run[i:i + n]] += 1
    return grams


def graded_answers(part: dict) -> list[tuple[str, float]]:
    """Every answer of the part with a known grade, as (text, share of the part): the reference (1.0) and each
    sample (its ``expect``).  Bad samples (an echoed prompt, a retold stem: 0) count as much as good ones."""
    total = part.get("points", 10)
    if not isinstance(total, (int, float)) or isinstance(total, bool) or total <= 0:
        return []
    out = []
    if isinstance(part.get("reference"), str) and part["reference"].strip():
        out.append((part["reference"], 1.0))
    for sample in part.get("samples") or []:
        if not isinstance(sample, dict) or not isinstance(sample.get("answer"), str):
            continue
        expect = sample.get("expect")
        if isinstance(expect, (int, float)) and not isinstance(expect, bool):
            out.append((sample["answer"], max(0.0, min(1.0, expect / total))))
    return out


def good_answers(part: dict) -> list[str]:
    """The part's reference and the samples expected to earn ``GOOD_SAMPLE`` of its points."""
    out = []
    if isinstance(part.get("reference"), str) and part["reference"].strip():
        out.append(part["reference"])
    total = part.get("points", 10)
    for sample in part.get("samples") or []:
        if not isinstance(sample, dict) or not isinstance(sample.get("answer"), str):
            continue
        expect = sample.get("expect")
        if isinstance(expect, (int, float)) and not isinstance(expect, bool) and isinstance(total, (int, float)) \
                and total > 0 and expect >= GOOD_SAMPLE * total:
            out.append(sample["answer"])
    return out


class SimilarityIndex:
    """Document frequencies over the good answers of every learned part, and their vectors."""

    def __init__(self) -> None:
        self.df: Counter = Counter()
        self.docs = 0
        self._seen: set[str] = set()
        self._idf: dict[str, float] = {}  # idf per gram, valid while ``docs`` is ``_idf_docs``
        self._idf_docs = -1

    def copy(self) -> "SimilarityIndex":
        twin = SimilarityIndex()
        twin.df, twin.docs, twin._seen = Counter(self.df), self.docs, set(self._seen)
        return twin

    def add(self, texts: list[str]) -> None:
        for text in texts:
            if text in self._seen:
                continue
            self._seen.add(text)
            self.docs += 1
            self.df.update(features(text).keys())

    def idf(self, gram: str) -> float:
        return math.log((1 + self.docs) / (1 + self.df.get(gram, 0))) + 1.0

    def vector(self, grams: Counter) -> dict[str, float]:
        if self._idf_docs != self.docs:
            self._idf, self._idf_docs = {}, self.docs
        cache, unseen = self._idf, math.log(1 + self.docs) + 1.0  # unseen: a gram no good answer has
        vec = {}
        for g, c in grams.items():
            weight = cache.get(g)
            if weight is None:
                weight = cache[g] = self.idf(g) if g in self.df else unseen
            vec[g] = weight if c == 1 else (1.0 + math.log(c)) * weight
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def similarity(self, answer: str, references: list[dict[str, float]], normalised: bool = False) -> float:
        return max(self.similarities(answer, references, normalised), default=0.0)

    def similarities(self, answer: str, references: list[dict[str, float]], normalised: bool = False) -> list[float]:
        """Cosine of the answer with each reference vector."""
        if not references:
            return []
        vec = self.vector(features(answer, normalised))
        out = []
        for ref in references:
            small, large = (vec, ref) if len(vec) < len(ref) else (ref, vec)
            out.append(sum(w * large.get(g, 0.0) for g, w in small.items()))
        return out


NEAR = 0.4  # an answer this close to a graded sample should get about its grade
NEAR_GAP = 0.5


def nearest_disagreement(share: float, nearest: float, nearest_share: float) -> str | None:
    """The answer is close to a graded answer of the part (a sample, good or bad) whose grade is far from the
    rubric's: e.g. it reads like the sample that retells the stem (0) but the rubric gives 70%."""
    if nearest >= NEAR and abs(share - nearest_share) >= NEAR_GAP:
        return Message(N_("similarity: the answer is close (similarity %(similarity)s) to a sample graded "
                          "%(sample)s, but the rubric gives %(share)s"),
                       similarity=f"{nearest:.2f}", sample=f"{nearest_share:.0%}", share=f"{share:.0%}")
    return None


def disagreement(share: float, similarity: float) -> str | None:
    """The reason to route the answer to an instructor, or None when rubric and similarity agree."""
    if share >= HIGH_SHARE and similarity < LOW_SIMILARITY:
        return Message(N_("similarity: the rubric gives %(share)s but the answer is unlike the reference and good "
                          "samples (similarity %(similarity)s)"), share=f"{share:.0%}", similarity=f"{similarity:.2f}")
    if (share <= LOW_SHARE and similarity >= HIGH_SIMILARITY) or (share <= HALF_SHARE
                                                                  and similarity >= VERY_HIGH_SIMILARITY):
        return Message(N_("similarity: the rubric gives %(share)s but the answer is close to the reference or a "
                          "good sample (similarity %(similarity)s); a wording the rubric may not know"),
                       share=f"{share:.0%}", similarity=f"{similarity:.2f}")
    return None
