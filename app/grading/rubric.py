"""Validate a rubric part (a ``parts:`` entry of the bank, as a dict) and
compile it into the structures the matcher uses."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .errors import RubricError
from .negation import is_negator_term
from .terms import SynonymTable, Term, TermGroup

_ID = re.compile(r"^[a-z0-9_-]+$")
POLARITIES = ("positive", "negative")
SCOPES = ("clause", "sentence", "answer")
_POINT_KEYS = {"id", "text", "points", "match", "polarity", "scope", "not_with"}
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

    def all_terms(self) -> list[Term]:
        return [t for p in self.rubric for g in p.groups + ([p.not_with] if p.not_with else []) for t in g.terms]


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RubricError(f"{where} must be a number, got {value!r}")
    return float(value)


def _half_steps(value: float, where: str) -> None:
    if value <= 0:
        raise RubricError(f"{where} must be > 0, got {value:g}")
    if abs(value * 2 - round(value * 2)) > 1e-9:
        raise RubricError(f"{where} must be a multiple of 0.5, got {value:g}")


def _compile_groups(match, where: str, synonyms: SynonymTable) -> list[TermGroup]:
    if isinstance(match, str):
        match = [match]
    if not isinstance(match, list) or not match:
        raise RubricError(f"{where}: 'match' must be a non-empty list of groups")
    groups = []
    for g, group in enumerate(match, 1):
        raw_terms = [group] if isinstance(group, (str, int)) and not isinstance(group, bool) else group
        if not isinstance(raw_terms, list) or not raw_terms:
            raise RubricError(f"{where}: match group {g} must be a term or a non-empty list of terms")
        texts: list[str] = []
        for raw in raw_terms:
            if isinstance(raw, int) and not isinstance(raw, bool):
                raw = str(raw)  # YAML reads an unquoted 132 as a number
            if not isinstance(raw, str) or not raw.strip():
                raise RubricError(f"{where}: match group {g} has an empty or non-text term {raw!r}")
            try:
                expanded = synonyms.expand(raw.strip())
            except RubricError as exc:
                raise RubricError(f"{where}: match group {g}: {exc}") from None
            texts.extend(t for t in expanded if t not in texts)
        groups.append(TermGroup([Term.from_text(t) for t in texts]))
    return groups


def compile_part(part, synonyms: SynonymTable) -> CompiledPart:
    if not isinstance(part, dict):
        raise RubricError(f"a part must be a mapping, got {type(part).__name__}")
    total = _number(part.get("points", DEFAULT_PART_POINTS), "part 'points'")
    if total <= 0:
        raise RubricError(f"part 'points' must be > 0, got {total:g}")
    rubric = part.get("rubric")
    if rubric is None:
        raise RubricError("part has no 'rubric'")
    if not isinstance(rubric, list) or not rubric:
        raise RubricError("part 'rubric' must be a non-empty list of points")
    compiled: list[CompiledPoint] = []
    seen: set[str] = set()
    for n, point in enumerate(rubric, 1):
        if not isinstance(point, dict):
            raise RubricError(f"rubric point {n} must be a mapping")
        pid = point.get("id")
        if not isinstance(pid, str) or not _ID.match(pid):
            raise RubricError(f"rubric point {n}: 'id' must match [a-z0-9_-]+, got {pid!r}")
        where = f"rubric point {pid!r}"
        if pid in seen:
            raise RubricError(f"{where}: id is duplicated")
        seen.add(pid)
        unknown = sorted(k for k in point if k not in _POINT_KEYS and not str(k).startswith("_"))
        if unknown:
            raise RubricError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}")
        if "points" not in point:
            raise RubricError(f"{where}: missing 'points'")
        value = _number(point["points"], f"{where}: 'points'")
        _half_steps(value, f"{where}: 'points'")
        if "match" not in point:
            raise RubricError(f"{where}: missing 'match'")
        groups = _compile_groups(point["match"], where, synonyms)
        polarity = point.get("polarity", "positive")
        if polarity not in POLARITIES:
            raise RubricError(f"{where}: 'polarity' must be positive or negative, got {polarity!r}")
        scope = point.get("scope", "sentence")
        if scope not in SCOPES:
            raise RubricError(f"{where}: 'scope' must be clause, sentence or answer, got {scope!r}")
        text = point.get("text", pid)
        if not isinstance(text, str):
            raise RubricError(f"{where}: 'text' must be text")
        explicit = any(is_negator_term(t.text) for g in groups for t in g.terms)
        not_with = None
        if point.get("not_with") is not None:
            raw = point["not_with"]
            raw = [raw] if isinstance(raw, str) else raw
            if not isinstance(raw, list) or not raw:
                raise RubricError(f"{where}: 'not_with' must be a term or a non-empty list of terms")
            not_with = TermGroup([t for g in _compile_groups([raw], f"{where} not_with", synonyms) for t in g.terms])
        compiled.append(CompiledPoint(pid, text, value, groups, polarity, scope, explicit, not_with))

    order = part.get("order") or []
    order_points = 0.0
    if order:
        if not isinstance(order, list) or not all(isinstance(o, str) for o in order):
            raise RubricError("part 'order' must be a list of rubric point ids")
        missing = [o for o in order if o not in seen]
        if missing:
            raise RubricError(f"part 'order' names unknown rubric point(s): {', '.join(missing)}")
        if len(set(order)) != len(order):
            raise RubricError("part 'order' lists a point twice")
        if len(order) < 2:
            raise RubricError("part 'order' needs at least two point ids")
        if "order_points" not in part:
            raise RubricError("part has 'order' but no 'order_points'")
        order_points = _number(part["order_points"], "part 'order_points'")
        _half_steps(order_points, "part 'order_points'")
    elif part.get("order_points"):
        raise RubricError("part has 'order_points' but no 'order'")

    rubric_sum = sum(p.points for p in compiled)
    if abs(rubric_sum + order_points - total) > 1e-9:
        extra = f" + order_points {order_points:g}" if order else ""
        raise RubricError(
            f"rubric points sum to {rubric_sum:g}{extra} = {rubric_sum + order_points:g}, "
            f"but the part is worth {total:g}"
        )
    return CompiledPart(total, compiled, list(order), order_points)
