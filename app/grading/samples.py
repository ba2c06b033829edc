"""Grade a bank's sample answers against their expected scores: the rubric tests behind ``flask bank test``."""
from __future__ import annotations

from dataclasses import dataclass, field

from .agreement import mean_absolute_error, quadratic_weighted_kappa, within_tolerance_rate
from .engine import Grader

DEFAULT_TOLERANCE = 1.0


@dataclass
class SampleOutcome:
    question: str
    part: str
    index: int
    expected: float
    given: float
    tolerance: float
    maximum: float
    earned: list[str]
    label: str = ""  # "reference" for the part's model answer, else empty

    @property
    def name(self) -> str:
        return self.label or f"sample {self.index}"

    @property
    def ok(self) -> bool:
        return abs(self.given - self.expected) <= self.tolerance + 1e-9


@dataclass
class SampleReport:
    outcomes: list[SampleOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.ok for o in self.outcomes)

    def agreement(self) -> dict:
        pairs = [(o.expected, o.given) for o in self.outcomes]
        if not pairs:
            return {"samples": 0}
        # Kappa on a common 0..10 scale: parts may be worth other amounts.
        scaled = [(round(10 * e / o.maximum), round(10 * g / o.maximum))
                  for (e, g), o in zip(pairs, self.outcomes)]
        return {
            "samples": len(pairs),
            "mae": mean_absolute_error(pairs),
            "within_tolerance": sum(o.ok for o in self.outcomes) / len(pairs),
            "within_1": within_tolerance_rate(pairs, 1.0),
            "qwk": quadratic_weighted_kappa([a for a, _ in scaled], [b for _, b in scaled], 0, 10),
        }

    def lines(self, verbose: bool = False) -> list[str]:
        out, current = [], None
        for o in self.outcomes:
            key = f"{o.question}/{o.part}"
            if key != current:
                current = key
                group = [x for x in self.outcomes if x.question == o.question and x.part == o.part]
                marks = "  ".join(f"{x.expected:g}→{x.given:g}{'' if x.ok else ' ✗'}" for x in group)
                status = "ok  " if all(x.ok for x in group) else "FAIL"
                out.append(f"{status} {key}: expected→given {marks}")
            if verbose or not o.ok:
                detail = ", ".join(o.earned) or "no point earned"
                out.append(f"       {o.name}: off by {o.given - o.expected:+g} "
                           f"(tolerance {o.tolerance:g}); earned: {detail}")
        a = self.agreement()
        if a["samples"]:
            failed = sum(not o.ok for o in self.outcomes)
            out.append(f"{a['samples']} samples, {failed} outside tolerance; MAE {a['mae']:.2f}, "
                       f"within tolerance {a['within_tolerance']:.1%}, within 1 point {a['within_1']:.1%}, "
                       f"QWK {a['qwk']:.3f}")
        else:
            out.append("no samples to test")
        return out


def run_samples(questions: dict[str, dict], grader: Grader) -> SampleReport:
    """Grade every case part's reference answer (it must earn full marks, within 1 point) and every
    ``samples:`` answer of ``questions`` (id -> content)."""
    report = SampleReport()
    for qid, content in questions.items():
        stem = content.get("stem") if isinstance(content.get("stem"), str) else None
        for part in content.get("parts", []):
            compiled = grader.compile(part)
            result = grader.grade_compiled(compiled, part["reference"], stem)
            report.outcomes.append(SampleOutcome(
                question=qid, part=part["id"], index=0, expected=result.max, given=result.score,
                tolerance=DEFAULT_TOLERANCE, maximum=result.max, earned=[p.id for p in result.points if p.earned],
                label="reference"))
            for i, sample in enumerate(part.get("samples", []), 1):
                result = grader.grade_compiled(compiled, sample["answer"], stem)
                report.outcomes.append(SampleOutcome(
                    question=qid, part=part["id"], index=i, expected=float(sample["expect"]),
                    given=result.score, tolerance=float(sample.get("tolerance", DEFAULT_TOLERANCE)),
                    maximum=result.max, earned=[p.id for p in result.points if p.earned]))
    return report


@dataclass
class CrossHit:
    question: str
    part: str
    other: str
    other_part: str
    score: float
    maximum: float
    earned: list[str]
    declared: bool = False  # the two parts are declared to ask the same thing


def cross_check(questions: dict[str, dict], grader: Grader, threshold: float = 0.1,
                declared: set[frozenset] = frozenset()) -> tuple[int, list[CrossHit]]:
    """Grade every part against the reference answers of every OTHER question.

    An answer to another question should earn almost nothing: returns the number of pairs tried and the
    pairs scoring above ``threshold`` of the part's points, worst first. ``declared`` holds unordered pairs of
    ``(question id, part id)`` that ask the same thing; their hits are marked, not hidden.
    """
    parts = [(qid, part) for qid, content in questions.items() for part in content.get("parts", [])]
    compiled = {(qid, part["id"]): grader.compile(part) for qid, part in parts}
    tried, hits = 0, []
    for qid, part in parts:
        target = compiled[(qid, part["id"])]
        for other, other_part in parts:
            if other == qid:
                continue
            tried += 1
            result = grader.grade_compiled(target, other_part["reference"])
            if result.score > threshold * result.max + 1e-9:
                pair = frozenset({(qid, part["id"]), (other, other_part["id"])})
                hits.append(CrossHit(qid, part["id"], other, other_part["id"], result.score, result.max,
                                     [p.id for p in result.points if p.earned], pair in declared))
    hits.sort(key=lambda h: -h.score / h.maximum)
    return tried, hits


def cross_lines(tried: int, hits: list[CrossHit], limit: int | None = 40) -> list[str]:
    """The cross-question report: the figure, then the pairs (undeclared first, worst first)."""
    if not tried:
        return ["cross-question: nothing to compare"]
    undeclared = [h for h in hits if not h.declared]
    declared = [h for h in hits if h.declared]
    out = [f"cross-question: {len(undeclared)} of {tried} pairs earn more than 10% ({len(undeclared) / tried:.1%}); "
           f"{len(declared)} more are parts declared to ask the same thing"]
    for hit in (undeclared + declared)[:limit]:
        note = "  [declared overlap]" if hit.declared else ""
        out.append(f"  {hit.question}/{hit.part} ← reference of {hit.other}/{hit.other_part}: "
                   f"{hit.score:g}/{hit.maximum:g} ({', '.join(hit.earned)}){note}")
    return out
