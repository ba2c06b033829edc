"""Does the answer as a whole argue against what the part asks?

An examiner gives almost nothing (about 2% of the part) to an answer that uses the case's words to recommend the
opposite: "回访用不着", "培训是浪费时间", "校准会不用开，各打各的就行".  The rubric's stance rules read such refusals one
wording at a time and miss the wordings they were not written for.  This module reads the answer's register
instead: character pairs and triples that opposite, defending and warning answers use far more than fair answers
(没必要, 就行, 浪费, 无所谓, 用不着 …) and pairs that fair answers use more (应当, 及时, 主动 …), each with a weight.
The case's own words (its story, the part's prompt, the rubric's texts and terms) are not read: they are what a fair
and an opposite answer share, and in another subject "不需要移动元素" may be the very point.

The weights are naive Bayes log-odds learnt by ``bench/stance_train.py`` from the bench's development answers
(never the held-out ``*_test*`` sets) and the bank's references and samples; they are data, in
``opposed_cues.json`` beside this module, with the threshold the trainer chose (above every fair answer's
score when each set was left out of the training in turn).  No model download, no network; the cost is linear in
the answer's length.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import normalize

CUES_FILE = Path(__file__).with_name("opposed_cues.json")
_RUN = re.compile(r"[\u4e00-\u9fff]+")  # runs of Chinese characters: punctuation, digits and Latin break them
SIZES = (2, 3)
SHOWN = 3  # cues named in the reason
# The score divides by the square root of at least this many cues: a short answer (a line of another subject's
# "不需要移动元素") is judged on the weight of its few cues, not on their average.
MIN_CUES = 40


def cues(text: str) -> set[str]:
    """The distinct character pairs and triples of ``text``'s Chinese runs (``text`` already normalised)."""
    found: set[str] = set()
    for run in _RUN.finditer(text):
        word = run.group()
        for size in SIZES:
            found.update(word[i:i + size] for i in range(len(word) - size + 1))
    return found


def own_words(texts) -> frozenset[str]:
    """The cues of the case's own texts (already normalised), which the reading leaves out."""
    return frozenset(cues("。".join(texts)))


@lru_cache(maxsize=256)
def story_words(stem: str | None) -> frozenset[str]:
    """The cues of a case's story (raw text), cached: every answer of the case is graded with the same story."""
    return own_words([normalize(stem).text]) if isinstance(stem, str) and stem else frozenset()


def stance_score(weights: dict[str, float], found: set[str]) -> float:
    """The weights of the cues present (a pair inside a triple present counts once, as the triple), summed and
    divided by the square root of their number (at least
    ``MIN_CUES``): a longer answer in one register scores higher, one stray phrase in a long fair answer does not,
    and a short answer needs several cues."""
    triples = {c for c in found if len(c) == 3 and c in weights}
    # A pair inside a weighed triple of the answer is the same words again (没必 and 必要 in 没必要): counted once.
    inside = {t[:2] for t in triples} | {t[1:] for t in triples}
    known = [weights[c] for c in found if c in weights and c not in inside]
    return sum(known) / math.sqrt(max(len(known), MIN_CUES))


@dataclass(frozen=True)
class Stance:
    score: float
    opposed: bool
    cues: tuple[str, ...]  # the strongest opposite-register cues present, for the reason shown to people


class StanceReader:
    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.known = frozenset(weights)
        self.threshold = threshold

    def read(self, text: str, own: frozenset[str] = frozenset()) -> Stance:
        """``text`` normalised; ``own``: the case's own words (``own_words``), not read."""
        found = (cues(text) & self.known) - own  # only weighed cues count: the intersection is cheap
        score = stance_score(self.weights, found)
        if score < self.threshold:
            return Stance(score, False, ())
        against = [c for c in found if self.weights.get(c, 0.0) > 0]
        triples = [c for c in against if len(c) == 3]
        shown: list[str] = []
        for cue in sorted(against, key=lambda c: (-self.weights[c], c)):
            wider = [t for t in triples if cue in t]  # 没必 reads better as the 没必要 around it
            cue = max(wider, key=lambda t: (self.weights[t], t)) if len(cue) == 2 and wider else cue
            if not any(cue in s or s in cue for s in shown):  # a triple and a pair inside it say one thing
                shown.append(cue)
            if len(shown) == SHOWN:
                break
        return Stance(score, True, tuple(shown))


@lru_cache(maxsize=1)
def reader() -> StanceReader:
    data = json.loads(CUES_FILE.read_text(encoding="utf-8"))
    return StanceReader(data["weights"], float(data["threshold"]))


def learn(examples: list[tuple[set[str], bool]], min_answers: int = 6, prune: float = 0.2) -> dict[str, float]:
    """Naive Bayes log-odds of each cue, from (cues of an answer, opposed?) pairs: a cue counts once per answer,
    add-one smoothing; cues in fewer than ``min_answers`` answers, or weighing less than ``prune`` either way,
    are dropped (rare cues are noise, weak ones only cost lookups)."""
    counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
    totals = [0, 0]
    for found, opposed in examples:
        totals[opposed] += 1
        bucket = counts[opposed]
        for cue in found:
            bucket[cue] = bucket.get(cue, 0) + 1
    weights = {}
    for cue in set(counts[0]) | set(counts[1]):
        fair, against = counts[0].get(cue, 0), counts[1].get(cue, 0)
        if fair + against < min_answers:
            continue
        weight = math.log((against + 1) / (totals[1] + 2)) - math.log((fair + 1) / (totals[0] + 2))
        if abs(weight) >= prune:
            weights[cue] = round(weight, 3)
    return weights
