"""Flags for the instructor: empty answers and uncertain grades (``review``: see docs/grading.md)."""
from __future__ import annotations

import re

from .first_chars import compile_guarded
from .matcher import PointMatch
from .messages import Message, N_
from .negation import NEGATING_CHARS
from .normalize import NormalizedText

_CONTENT = re.compile(r"[0-9a-z\u4e00-\u9fff]")


def content_length(norm: NormalizedText) -> int:
    return len(_CONTENT.findall(norm.text))


def is_empty(norm: NormalizedText) -> bool:
    return _CONTENT.search(norm.text) is None


# "review": a grade off by more than this share of the part is a wrong grade to an instructor; an answer goes to
# one when more points than that hang on the uncertain decisions below (one of them flipped would make the grade
# wrong).
AT_STAKE = 0.2
# "review": an answer that earns this share or more while this share of its 3-character phrases are the case's
# story (own words around them: the retold check passes over it) may have earned its points by retelling.
STORY_MIN_SHARE = 0.3
STORY_OVERLAP = 0.4
_NEGATOR = re.compile("[" + "".join(sorted(NEGATING_CHARS)) + "]")


def _names(points) -> str:
    return "、".join(f"“{p.text or p.id}”" for p in points)


def _share(points, maximum: float) -> str:
    return f"{sum(p.points for p in points) / maximum:.0%}"


def review_reasons(rubric, matches: list[PointMatch], maximum: float) -> list[Message]:
    """Why the grade is uncertain, one sentence per kind of doubt, or [] when the points resting on uncertain
    decisions are no more than ``AT_STAKE`` of the part (each of them might go the other way):

    - a point earned only through a typing slip or homophone (投述 for 投诉);
    - a point earned although the answer also denies the act itself elsewhere (道歉 … 不用道歉);
    - a point whose every part is named but under a negation, so it earned nothing (a double negative asserts);
    - a fault to spot whose every part is named but not as a fault (no negation, or in a defence).
    """
    slips, contradicted, negated, faults = [], [], [], []
    mixed = any(match.earned for match in matches)
    for point, match in zip(rubric, matches):
        if match.earned and match.fuzzy:
            slips.append(point)
        elif match.earned and point.polarity == "positive" and match.act_denied and not _NEGATOR.search(point.text):
            contradicted.append(point)
        elif not match.earned and match.named and point.polarity == "negative":
            faults.append(point)
        elif not match.earned and match.named and match.negated and mixed:
            negated.append(point)
    if sum(p.points for p in slips + contradicted + negated + faults) <= AT_STAKE * maximum + 1e-9:
        return []
    doubts = (
        (slips, N_("%(points)s (%(share)s of the part) earned only through a typing slip or a homophone: check that "
                   "the trainee meant it.")),
        (contradicted, N_("%(points)s (%(share)s of the part) earned, but the answer also says not to do it: check "
                          "which the trainee means.")),
        (negated, N_("%(points)s (%(share)s of the part) named under a negation and not earned: check that the "
                     "answer really says no (a double negative says yes).")),
        (faults, N_("%(points)s (%(share)s of the part): the answer names this fault but not as a fault, so it "
                    "earned nothing: check whether the trainee criticises or defends it.")),
    )
    reasons = [Message(template, points=_names(found), share=_share(found, maximum)) for found, template in doubts
               if found]
    return reasons


# "review": words that dismiss or belittle an act, as the predicate closing a clause (做了也白做。, 没那个必要。,
# 怎么写都行，): an answer that says them yet earns AT_STAKE or more may be using the rubric's words to refuse the
# steps (the opposite answer), which the point-by-point rules do not always see.  Not after 有 (有没有用), nor
# negated (并不多余), nor inside quotation marks (the staff's words quoted to criticise them).
_DISMISSAL = compile_guarded(
    r"(?<!有)(?<![不非])(?:没必要|没有必要|没那个必要|没这个必要|大可不必|用不着|犯不着|不值得|白做|白费|白搭|没什么用|没啥用|没有用|"
    r"没用|用处不大|意义不大|没什么意义|多余|走形式|走过场|过时|都行|无所谓|没什么错|没错|没什么缺点|不用管|不必管|"
    r"(?:不用|不必|没必要)(?:专门|特意)去?(?:管|做|搞|弄)|太费[\u4e00-\u9fff]{0,2}|太麻烦|太耽误[\u4e00-\u9fff]{0,2}|耽误事|"
    r"浪费时间)(?:了|的|啊|吧|呢|嘛)?(?=[，。；！？、,.;!?\s]|$)")
_OPENING, _CLOSING, _SENTENCE_END = "“「『", "”」』", "。！？!?\n"


def _inside_quotes(original: str) -> list[bool]:
    """For each character of the original answer, whether it lies inside quotation marks opened in its sentence
    (straight quotes alternate open and close).  One pass: the cost stays linear whatever the text."""
    inside, depth, straight = [], 0, False
    for char in original:
        if char in _SENTENCE_END:
            depth, straight = 0, False
        elif char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth = max(depth - 1, 0)
        elif char == '"':
            straight = not straight
        inside.append(depth > 0 or straight)
    return inside


def dismissal_reason(text: str, share: float, original: str, to_original) -> Message | None:
    """An answer that earns ``AT_STAKE`` or more of the part while one of its clauses dismisses or belittles an
    act.  ``text`` is the normalised answer (no quotation marks), ``to_original`` maps its offsets back to
    ``original``, where the quotation marks are looked for."""
    if share < AT_STAKE - 1e-9:
        return None
    quoted = None
    for found in _DISMISSAL.finditer(text):
        if quoted is None:
            quoted = _inside_quotes(original)
        start = to_original(found.start(), found.end())[0]
        if not quoted[start]:
            return Message(N_("the answer also dismisses or belittles something (“%(words)s”) yet earns %(share)s: "
                              "check that the points it earns are recommended, not refused."),
                           words=found.group(), share=f"{share:.0%}")
    return None


def retold_reason(overlap: float, share: float) -> Message | None:
    """An answer that earns ``STORY_MIN_SHARE`` or more while ``STORY_OVERLAP`` of its phrases are the story's."""
    if share >= STORY_MIN_SHARE and overlap >= STORY_OVERLAP:
        return Message(N_("%(overlap)s of the answer's phrases are the case's story, yet it earns %(share)s: check "
                          "that the points come from analysis, not from retelling."),
                       overlap=f"{overlap:.0%}", share=f"{share:.0%}")
    return None
