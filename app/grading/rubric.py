"""Validate a rubric part (a ``parts:`` entry of the bank, as a dict) and
compile it into the structures the matcher uses."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .errors import RubricError
from .messages import Message, N_, message_of
from .negation import is_negator_term
from .terms import SynonymTable, Term, TermGroup

_ID = re.compile(r"^[a-z0-9_-]+$")
POLARITIES = ("positive", "negative")
SCOPES = ("clause", "sentence", "answer")
_POINT_KEYS = {"id", "text", "points", "match", "polarity", "scope", "not_with", "gist"}
DEFAULT_PART_POINTS = 10.0  # bank format: a part's `points` defaults to 10


@dataclass
class CompiledPoint:
    id: str
    text: str
    points: float
    groups: list[TermGroup]
    polarity: str = "positive"
    scope: str = "sentence"
    # The writer put a negator among the terms ([不需要, 很少] + [插入, 删除]):
    # negation is then part of what is matched, not a reason to reject.
    explicit_negation: bool = False
    # Terms the point must not be paired with: a scope unit holding one of them (not negated) earns nothing
    # ("苍蝇是饭馆里飞进去的" is the analysis point, "…跟我们没关系" in the same sentence is not).
    not_with: TermGroup | None = None
    # Vague wordings of the point ("gist"), as groups like ``groups`` (read as a positive point): found, under the same
    # rules, when the point itself is not, they earn a share of it ("给周女士适当补偿一下" for "退房费、免费房晚等补偿").
    gist: "CompiledPoint | None" = None


@dataclass
class CompiledPart:
    points: float
    rubric: list[CompiledPoint]
    order: list[str] = field(default_factory=list)
    order_points: float = 0.0
    # The reference and good samples, for the second opinion (their vectors are built by the Grader).
    good_answers: list[str] = field(default_factory=list)
    graded: list = field(default_factory=list)  # (text, share) of the reference and every sample
    vectors: list = field(default_factory=list)  # good answers first, then every graded answer
    vectors_docs: int = -1  # the similarity index's size when ``vectors`` were built
    prompt: frozenset = frozenset()  # the prompt's character bigrams: an echo of them is not a claim
    faults_asked: bool = False  # the prompt asks for the case's faults (存在哪些问题, 有哪些不妥)
    acts_asked: bool = False  # the prompt asks for acts, methods or ideas, not a critique (negation.CRITIQUE_ASKED)
    harms_asked: bool = False  # the prompt asks about harms or hindering factors (negation.HARMS_ASKED)
    bad_asked: bool = False  # the prompt asks for faults or bad things only (negation.BAD_ASKED)
    thesis_asked: bool = False  # the prompt asks whether the conduct was right or what was wrong (stance.THESIS_ASKED)
    value_asked: bool = False  # the prompt asks what a practice is good for (stance.VALUE_ASKED)
    own_words: frozenset = frozenset()  # cues of the prompt and the rubric, which the stance reading leaves out

    def all_terms(self) -> list[Term]:
        return [t for p in self.rubric
                for g in p.groups + ([p.not_with] if p.not_with else []) + (p.gist.groups if p.gist else [])
                for t in g.terms]


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RubricError(Message(N_("%(what)s must be a number, got %(value)s"), what=where, value=repr(value)))
    return float(value)


def _half_steps(value: float, where: str) -> None:
    if value <= 0:
        raise RubricError(Message(N_("%(what)s must be > 0, got %(value)s"), what=where, value=f"{value:g}"))
    if abs(value * 2 - round(value * 2)) > 1e-9:
        raise RubricError(Message(N_("%(what)s must be a multiple of 0.5, got %(value)s"), what=where,
                                  value=f"{value:g}"))


def _compile_groups(match, where: str, synonyms: SynonymTable) -> list[TermGroup]:
    if isinstance(match, str):
        match = [match]
    if not isinstance(match, list) or not match:
        raise RubricError(Message(N_("%(what)s: 'match' must be a non-empty list of groups"), what=where))
    groups = []
    for g, group in enumerate(match, 1):
        raw_terms = [group] if isinstance(group, (str, int)) and not isinstance(group, bool) else group
        if not isinstance(raw_terms, list) or not raw_terms:
            raise RubricError(Message(N_("%(what)s: match group %(n)s must be a term or a non-empty list of terms"),
                                      what=where, n=g))
        texts: list[str] = []
        for raw in raw_terms:
            if isinstance(raw, int) and not isinstance(raw, bool):
                raw = str(raw)  # YAML reads an unquoted 132 as a number
            if not isinstance(raw, str) or not raw.strip():
                raise RubricError(Message(N_("%(what)s: match group %(n)s has an empty or non-text term %(value)s"),
                                          what=where, n=g, value=repr(raw)))
            try:
                expanded = synonyms.expand(raw.strip())
            except RubricError as exc:
                raise RubricError(Message(N_("%(what)s: match group %(n)s: %(reason)s"), what=where, n=g,
                                          reason=message_of(exc))) from None
            texts.extend(t for t in expanded if t not in texts)
        groups.append(TermGroup([Term.from_text(t) for t in texts]))
    return groups


_FULL_WIDTH_KEY = re.compile(r"(?:^|\s)(?:id|text|points|match|polarity|scope|answer|expect|tolerance|note)\s*：")


def full_width_colon(value) -> bool:
    """Whether ``value``, found where a mapping belongs, is fields typed with the full-width colon a Chinese input
    method gives (id：calm text：…): YAML reads that as one piece of text, and the author needs telling why."""
    return isinstance(value, str) and bool(_FULL_WIDTH_KEY.search(value))


def compile_part(part, synonyms: SynonymTable) -> CompiledPart:
    if not isinstance(part, dict):
        raise RubricError(Message(N_("a part must be a mapping, got %(kind)s"), kind=type(part).__name__))
    total = _number(part.get("points", DEFAULT_PART_POINTS), Message(N_("part '%(key)s'"), key="points"))
    if total <= 0:
        raise RubricError(Message(N_("%(what)s must be > 0, got %(value)s"),
                                  what=Message(N_("part '%(key)s'"), key="points"), value=f"{total:g}"))
    rubric = part.get("rubric")
    if rubric is None:
        raise RubricError(Message(N_("part has no 'rubric'")))
    if not isinstance(rubric, list) or not rubric:
        raise RubricError(Message(N_("part 'rubric' must be a non-empty list of points")))
    compiled: list[CompiledPoint] = []
    seen: set[str] = set()
    for n, point in enumerate(rubric, 1):
        if not isinstance(point, dict):
            if full_width_colon(point):
                raise RubricError(Message(N_("rubric point %(n)s must be a mapping: write each field as key: value "
                                             "with a half-width colon and a space (id: calm), not the full-width ："),
                                          n=n))
            raise RubricError(Message(N_("rubric point %(n)s must be a mapping"), n=n))
        pid = point.get("id")
        if not isinstance(pid, str) or not _ID.match(pid):
            raise RubricError(Message(N_("rubric point %(n)s: 'id' must match [a-z0-9_-]+, got %(value)s"), n=n,
                                      value=repr(pid)))
        where = Message(N_("rubric point %(id)s"), id=repr(pid))
        if pid in seen:
            raise RubricError(Message(N_("%(what)s: id is duplicated"), what=where))
        seen.add(pid)
        unknown = sorted(k for k in point if k not in _POINT_KEYS and not str(k).startswith("_"))
        if unknown:
            raise RubricError(Message(N_("%(what)s: unknown field(s) %(keys)s"), what=where,
                                      keys=", ".join(map(str, unknown))))
        if "points" not in point:
            raise RubricError(Message(N_("%(what)s: missing '%(key)s'"), what=where, key="points"))
        points_of = Message(N_("%(what)s: '%(key)s'"), what=where, key="points")
        value = _number(point["points"], points_of)
        _half_steps(value, points_of)
        if "match" not in point:
            raise RubricError(Message(N_("%(what)s: missing '%(key)s'"), what=where, key="match"))
        groups = _compile_groups(point["match"], where, synonyms)
        polarity = point.get("polarity", "positive")
        if polarity not in POLARITIES:
            raise RubricError(Message(N_("%(what)s: 'polarity' must be positive or negative, got %(value)s"),
                                      what=where, value=repr(polarity)))
        scope = point.get("scope", "sentence")
        if scope not in SCOPES:
            raise RubricError(Message(N_("%(what)s: 'scope' must be clause, sentence or answer, got %(value)s"),
                                      what=where, value=repr(scope)))
        text = point.get("text", pid)
        if not isinstance(text, str):
            raise RubricError(Message(N_("%(what)s: 'text' must be text"), what=where))
        explicit = any(is_negator_term(t.text) for g in groups for t in g.terms)
        not_with = None
        if point.get("not_with") is not None:
            raw = point["not_with"]
            raw = [raw] if isinstance(raw, str) else raw
            if not isinstance(raw, list) or not raw:
                raise RubricError(Message(N_("%(what)s: 'not_with' must be a term or a non-empty list of terms"),
                                          what=where))
            not_with = TermGroup([t for g in _compile_groups([raw], Message(N_("%(what)s not_with"), what=where),
                                                             synonyms) for t in g.terms])
        gist = None
        if point.get("gist") is not None:
            gist_groups = _compile_groups(point["gist"], Message(N_("%(what)s gist"), what=where), synonyms)
            # A gist is read as a plain statement (positive), whatever the point's polarity: for a fault, the
            # vague wording says what should have been done (应该先问问业主) or holds its negator (没人管).
            gist = CompiledPoint(pid, text, value, gist_groups, "positive", scope,
                                 any(is_negator_term(t.text) for g in gist_groups for t in g.terms), not_with)
        compiled.append(CompiledPoint(pid, text, value, groups, polarity, scope, explicit, not_with, gist))

    order = part.get("order") or []
    order_points = 0.0
    if order:
        if not isinstance(order, list) or not all(isinstance(o, str) for o in order):
            raise RubricError(Message(N_("part 'order' must be a list of rubric point ids")))
        missing = [o for o in order if o not in seen]
        if missing:
            raise RubricError(Message(N_("part 'order' names unknown rubric point(s): %(ids)s"),
                                      ids=", ".join(missing)))
        if len(set(order)) != len(order):
            raise RubricError(Message(N_("part 'order' lists a point twice")))
        if len(order) < 2:
            raise RubricError(Message(N_("part 'order' needs at least two point ids")))
        if "order_points" not in part:
            raise RubricError(Message(N_("part has 'order' but no 'order_points'")))
        order_points_of = Message(N_("part '%(key)s'"), key="order_points")
        order_points = _number(part["order_points"], order_points_of)
        _half_steps(order_points, order_points_of)
    elif part.get("order_points"):
        raise RubricError(Message(N_("part has 'order_points' but no 'order'")))

    rubric_sum = sum(p.points for p in compiled)
    if abs(rubric_sum + order_points - total) > 1e-9:
        if order:
            raise RubricError(Message(N_("rubric points sum to %(sum)s + order_points %(order)s = %(all)s, but the "
                                         "part is worth %(total)s"), sum=f"{rubric_sum:g}", order=f"{order_points:g}",
                                      all=f"{rubric_sum + order_points:g}", total=f"{total:g}"))
        raise RubricError(Message(N_("rubric points sum to %(sum)s = %(all)s, but the part is worth %(total)s"),
                                  sum=f"{rubric_sum:g}", all=f"{rubric_sum + order_points:g}", total=f"{total:g}"))
    return CompiledPart(total, compiled, list(order), order_points)
