"""The Grader: compiles rubric parts (cached) and grades answers."""
from __future__ import annotations

import copy
import json
import math
from collections import OrderedDict
from collections.abc import Iterable

from . import figures, lists, matches
from .answer import AnswerView
from .errors import RubricError
from .flags import STORY_MIN_SHARE, content_length, dismissal_reason, is_empty, retold_reason, review_reasons
from .matcher import group_mentions, match_point, misdefined
from .messages import Message, N_
from .negation import BAD_ASKED, CRITIQUE_ASKED, FAULTS_ASKED, HARMS_ASKED
from .order import order_credit
from .normalize import normalize
from .opposed import own_words, reader as stance_reader, story_words
from .result import PointResult, Result
from .pinyin_slips import chars_reading
from .retold import Retold, StemCache, story_share
from .rubric import CompiledPart, compile_part
from .second_opinion import (SimilarityIndex, disagreement, features, good_answers, graded_answers,
                             nearest_disagreement)
from .segment import Segmenter
from .stance import THESIS_ASKED, VALUE_ASKED, defended_sentences, thesis_sentences
from .terms import SynonymTable

# Keys of a part that affect grading (reference and samples feed the second opinion; the prompt's words are not
# claims, and a prompt that asks for faults reads praise against its points).
_GRADING_KEYS = ("points", "rubric", "order", "order_points", "reference", "samples", "prompt")
COMPILED_CACHE_SIZE = 1024
# Character n-grams say little about an answer of a few words ("电话回访"): the second opinion waits for this
# many content characters.
SECOND_OPINION_MIN_LENGTH = 20
# A point found only through its `gist` (vague wordings) earns this share of its points, rounded down to a quarter
# point; all such points of one answer together earn at most GIST_CAP of the part (an examiner gives an answer that
# touches a key point vaguely about 10-20% of the part).
GIST_SHARE = 0.5
GIST_CAP = 0.2
# An answer in the opposite register (see opposed.py) that earns less than this share of the part earns nothing;
# one that earns more is left to an instructor: a strong rubric match and an opposed tone disagree.
OPPOSED_MAX_SHARE = 0.6


def _quarter_down(value: float) -> float:
    return math.floor(value * 4 + 1e-9) / 4


def part_key(part: dict) -> str:
    """Canonical JSON of what grades a part: equal parts share one compile."""
    try:
        return json.dumps({k: part.get(k) for k in _GRADING_KEYS}, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise RubricError(f"part is not plain data: {exc}") from None


class Grader:
    """Load once (jieba's dictionary takes ~0.5 s), reuse for every answer.

    Rubric terms join jieba's dictionary so that they are never split, and a term changes how nearby text is
    cut (跟他 as one word moves a negator into the window of 解释). So that a grade never depends on which parts
    happened to be compiled before, give the Grader every part it will grade (``parts``: the bank's) up front:
    the dictionary is then the same whatever the order of grading. A part outside them still adds its terms
    when first compiled.
    """

    def __init__(self, synonyms: dict[str, list[str]] | None = None, parts: Iterable[dict] = (),
                 _source: "Grader | None" = None) -> None:
        if _source is not None:
            self.synonyms = _source.synonyms
            self.segmenter = _source.segmenter.fork()
            # Compiled parts carry cached similarity vectors: the fork gets its own copies, and its own index,
            # so a draft's good answers never change the live Grader's second opinion either.
            self._compiled: OrderedDict[str, CompiledPart] = OrderedDict(
                (key, copy.copy(part)) for key, part in _source._compiled.items())
            self.similarity = _source.similarity.copy()
            self.stems = _source.stems
            return
        self.synonyms = SynonymTable(synonyms)
        self.segmenter = Segmenter()
        chars_reading("")  # the homophone look-up's table, built once per process (a server's master builds it)
        for members in self.synonyms.sets.values():
            for term in members:
                self.segmenter.add_term(term)
        self._compiled = OrderedDict()
        self.similarity = SimilarityIndex()
        self.stems = StemCache()
        self.learn(parts)
        # Once the dictionary holds every term (a term's two words depend on it), build the match patterns.
        for compiled in self._compiled.values():
            for term in compiled.all_terms():
                matches.prepare(term, self.segmenter)

    def fork(self) -> "Grader":
        """A Grader that starts as this one and goes its own way: a draft rubric graded by the fork adds its
        terms to the fork's dictionary only, so trying a draft never changes a live grade."""
        return Grader(_source=self)

    def learn(self, parts: Iterable[dict]) -> None:
        """Add the terms of ``parts`` to the dictionary now (malformed parts are left to ``compile``)."""
        for part in parts:
            try:
                self.compile(part)
            except RubricError:
                continue

    def compile(self, part) -> CompiledPart:
        """Validate and compile a part (RubricError if malformed); cached by content."""
        if not isinstance(part, dict):
            raise RubricError(f"a part must be a mapping, got {type(part).__name__}")
        key = part_key(part)
        compiled = self._compiled.get(key)
        if compiled is not None:
            self._compiled.move_to_end(key)
            return compiled
        compiled = compile_part(part, self.synonyms)
        compiled.good_answers = good_answers(part)
        compiled.graded = graded_answers(part)
        prompt = part.get("prompt") if isinstance(part.get("prompt"), str) else ""
        compiled.prompt = figures.prompt_bigrams(prompt)
        asked = normalize(prompt).text if prompt else ""  # what the prompt asks for, read once
        compiled.faults_asked = bool(prompt) and bool(FAULTS_ASKED.search(asked))
        compiled.acts_asked = bool(prompt) and not CRITIQUE_ASKED.search(asked)
        compiled.harms_asked = bool(prompt) and bool(HARMS_ASKED.search(asked))
        compiled.bad_asked = compiled.faults_asked or (bool(prompt) and bool(BAD_ASKED.search(asked)))
        compiled.thesis_asked = bool(prompt) and bool(THESIS_ASKED.search(asked))
        compiled.value_asked = bool(prompt) and bool(VALUE_ASKED.search(asked))
        compiled.own_words = own_words([asked] + [normalize(p.text).text for p in compiled.rubric]
                                       + [t.text for p in compiled.rubric
                                          for g in p.groups + (p.gist.groups if p.gist else []) for t in g.terms])
        self.similarity.add(compiled.good_answers)
        for term in compiled.all_terms():
            if term.cjk:
                self.segmenter.add_term(term.text)
        self._compiled[key] = compiled
        if len(self._compiled) > COMPILED_CACHE_SIZE:
            self._compiled.popitem(last=False)
        return compiled

    def grade(self, part, answer: str, stem: str | None = None) -> Result:
        """Grade ``answer`` against ``part``.  ``stem``: the case's story (the question's ``stem``), when the
        caller has it: text the answer copies from it does not count as evidence (see ``retold``)."""
        compiled = part if isinstance(part, CompiledPart) else self.compile(part)
        return self.grade_compiled(compiled, answer if isinstance(answer, str) else "", stem)

    def grade_compiled(self, part: CompiledPart, answer: str, stem: str | None = None) -> Result:
        view = AnswerView(answer, self.segmenter)
        if is_empty(view.norm):
            points = [PointResult(p.id, p.text, 0.0, p.points) for p in part.rubric]
            order = {"earned": 0.0, "max": part.order_points} if part.order else None
            return Result(0.0, part.points, points, order, ["empty"])

        defended = defended_sentences(view.text, view.norm.sentence_of)
        echoes = figures.echo_sentences(view.text, view.norm.sentence_ends, part.prompt)
        barred = set(defended) | echoes
        if part.thesis_asked or part.value_asked:
            barred |= thesis_sentences(view.text, view.norm.sentence_ends, defended, value=not part.thesis_asked)
        grams = self.stems.grams(stem, normalize) if isinstance(stem, str) and stem.strip() else frozenset()
        retold = Retold(view.text, view.norm.sentence_ends, grams, part.prompt)
        claimed = self._claim_check(view, part)
        matches = [match_point(view, p, barred, retold, part.faults_asked, claimed, part.acts_asked,
                               part.acts_asked and not part.harms_asked, part.bad_asked)
                   for p in part.rubric]
        for i, sentences in misdefined(view, part.rubric, matches).items():
            # 排序法是按员工工号排: a concept's name given another meaning; the answer's other sentences may still earn
            matches[i] = match_point(view, part.rubric[i], barred | sentences, retold, part.faults_asked, claimed,
                                     part.acts_asked, part.acts_asked and not part.harms_asked, part.bad_asked)
        points = []
        for point, match in zip(part.rubric, matches):
            evidence = [view.norm.to_original(m.start, m.end) for m in match.mentions]
            points.append(
                PointResult(
                    point.id,
                    point.text,
                    point.points if match.earned else 0.0,
                    point.points,
                    evidence,
                    match.fuzzy,
                    match.negated,
                )
            )
        reasons: list[str] = []
        covered = [view.norm.to_original(s, e) for m in matches for s, e in m.covered]
        verdict = lists.judge(answer, covered, [p.text for p in part.rubric])
        discounted = [p for p in points if p.earned and verdict.in_bare_items(p.evidence, answer)] if verdict.discounts else []
        if verdict.discounts:
            discounted += self._half_listed(view, part, points, matches, verdict, answer)
        if discounted:
            share = lists.list_share(sum(p.max for p in discounted) + (part.order_points if part.order else 0),
                                     part.points)
            for p in discounted:
                p.earned = lists.list_credit(p.max, share)
            reasons.append(Message(N_("keyword list: %(count)s point(s) named only by a bare term earn %(share)s "
                                      "(%(points)s)"), count=str(len(discounted)), share=f"{share:.0%}",
                                   points="、".join(f"“{p.text or p.id}”" for p in discounted)))
        if not verdict.discounts:
            self._gist_credit(view, part, points, matches, barred, retold, claimed, reasons)
        score = sum(p.earned for p in points)
        order = None
        if part.order:
            first = {p.id: p.evidence[0][0] for p in points if p.earned and p.evidence}
            earned = order_credit(part.order, first, part.order_points)
            if discounted:
                earned = lists.list_credit(earned, share)
            order = {"earned": earned, "max": part.order_points}
            score += earned

        doubts: list = []
        stance = stance_reader().read(view.text, part.own_words | story_words(stem)) if score > 0 else None
        if stance is not None and stance.opposed:
            if score < part.points * OPPOSED_MAX_SHARE - 1e-9:
                for p in points:
                    p.earned = 0.0
                if order:
                    order["earned"] = 0.0
                score = 0.0
                reasons.append(Message(N_("the answer as a whole argues against what the part asks (%(cues)s): its "
                                          "points are not given"), cues="、".join(stance.cues)))
            doubts.append(Message(N_("the answer reads as opposing what the part asks (%(cues)s): check its stance"),
                                  cues="、".join(stance.cues)))
        flags = []
        if echoes:
            reasons.append(Message(N_("%(count)s sentence(s) repeat the prompt and earn nothing"), count=str(len(echoes))))
        if retold:
            reasons.append(Message(N_("text copied from the case's story earns nothing")))
        if defended:
            flags.append("defence")
            reasons.append(Message(N_("defends the conduct or shifts the blame: %(claims)s"),
                                   claims="; ".join(sorted(set(defended.values())))))
        doubts += review_reasons(part.rubric, matches, part.points)
        if grams and score >= part.points * STORY_MIN_SHARE:
            doubts += filter(None, [retold_reason(story_share(view.text, grams), score / part.points)])
        doubts += filter(None, [dismissal_reason(view.text, score / part.points, answer, view.norm.to_original)])
        if doubts:
            reasons += doubts
            flags.append("review")
        if verdict.discounts:
            flags.append("list")
        similarity = None
        if part.graded:
            cosines = self.similarity.similarities(view.text, self._vectors(part), normalised=True)
            good = cosines[:len(part.good_answers)]
            graded = cosines[len(part.good_answers):]
            similarity = max(good, default=0.0)
            nearest = max(range(len(graded)), key=graded.__getitem__)
            reason = disagreement(score / part.points, similarity) if good else None
            reason = reason or nearest_disagreement(score / part.points, graded[nearest], part.graded[nearest][1])
            if reason and content_length(view.norm) >= SECOND_OPINION_MIN_LENGTH:
                reasons.append(reason)
                if "review" not in flags:
                    flags.append("review")
        return Result(score, part.points, points, order, flags, reasons, similarity)

    @staticmethod
    def _gist_credit(view, part, points, matches, barred, retold, claimed, reasons) -> None:
        """A point not earned whose ``gist`` (its vague wordings) is found, under every rule a point's terms obey,
        earns GIST_SHARE of its points; all such points of the answer together earn at most GIST_CAP of the part.
        An examiner gives an answer that touches a key point in vague, everyday words a small share of the part."""
        budget = _quarter_down(GIST_CAP * part.points)
        found = []
        for point, match, result in zip(part.rubric, matches, points):
            if point.gist is None or match.earned or budget <= 0:
                continue
            gist = match_point(view, point.gist, barred, retold, part.faults_asked, claimed, part.acts_asked,
                                part.acts_asked and not part.harms_asked, part.bad_asked)
            if not gist.earned:
                continue
            credit = min(_quarter_down(point.points * GIST_SHARE), budget)
            if credit <= 0:
                continue
            budget -= credit
            result.earned = credit
            result.gist = True
            result.fuzzy = gist.fuzzy
            result.evidence = [view.norm.to_original(m.start, m.end) for m in gist.mentions]
            found.append(result.id)
        if found:
            reasons.append(Message(N_("vague mention: %(count)s point(s) touched only in general words earn part of "
                                      "their points (%(points)s)"), count=str(len(found)),
                                   points="、".join(f"“{p.text or p.id}”" for p in points if p.id in found)))

    @staticmethod
    def _half_listed(view, part, points, matches, verdict, answer) -> list[PointResult]:
        """In a term list, a point of several groups named by a bare term of its first group (the act: 培训 for
        [培训] + [新员工]) is listed like a point named whole: a list names topics, never how they apply to the
        case, and an examiner gives the list the same small share whichever half of a point it names."""
        found = []
        for point, match, result in zip(part.rubric, matches, points):
            if match.earned or not match.touched or len(point.groups) < 2 or point.polarity == "negative":
                continue
            if any(figures.is_figure(m.text) for m in point.groups[0].terms):
                continue  # a figure (七日) listed is not a claim, half or whole
            for mention in group_mentions(view, point.groups[0]):
                span = view.norm.to_original(mention.start, mention.end)
                if not (mention.fuzzy or mention.negated) and verdict.in_bare_items([span], answer):
                    result.evidence = [span]
                    found.append(result)
                    break
        return found

    @staticmethod
    def _claim_check(view: AnswerView, part: CompiledPart):
        """A point earned by figures alone ("80/20", "10分钟") needs its claim: a check of the mentions the matcher
        chose in one unit (words are preferred to figures there; a unit whose figures make no claim is passed over)."""
        text, norm = view.text, view.norm

        def topic(clause: int) -> bool:
            a, b = norm.span_bounds(clause)
            return figures.is_topic(text[a:b])

        def stated(m) -> bool:
            """A word, used as one: not in a clause that only names a topic (关于投诉：4%), not named as a term."""
            return (not figures.is_figure(text[m.start:m.end]) and not topic(norm.span_of(m.start))
                    and not figures.named_as_term(text, m.end))

        def claimed(mentions) -> bool:
            if any(stated(m) for m in mentions):
                return True
            spans = [(x.start, x.end) for x in mentions]
            for m in mentions:
                # the clauses (，and 。) from the first to the last figure of this sentence, and the one that leads
                # into them (营业额主要来自重度消费者：20%的顾客，80%的营业额); not the remarks after them (20%和80%，考试常考)
                sentence = norm.sentence_of(m.start)
                clauses = [norm.span_of(x.start) for x in mentions if norm.sentence_of(x.start) == sentence]
                first = min(clauses)
                if first > 0 and norm.sentence_of(norm.span_bounds(first - 1)[0]) == sentence and not topic(first - 1):
                    first -= 1
                last = max(clauses)
                if topic(last) and norm.sentence_of(norm.span_bounds(last + 1)[0]) == sentence:
                    last += 1  # 关于80/20法则：约20%的常客贡献了80%的营业额: the topic leads into its claim
                start, end = norm.span_bounds(first)[0], norm.span_bounds(last)[1]
                if figures.makes_claim(text, start, end, spans, part.prompt):
                    return True
            return False

        return claimed

    def _vectors(self, part: CompiledPart) -> list:
        if part.vectors_docs != self.similarity.docs:
            texts = part.good_answers + [t for t, _ in part.graded]
            part.vectors = [self.similarity.vector(features(t)) for t in texts]
            part.vectors_docs = self.similarity.docs
        return part.vectors


_graders: OrderedDict[int, tuple[object, Grader]] = OrderedDict()
_GRADER_CACHE_SIZE = 4  # each Grader holds a jieba dictionary (~100 MB)


def grade(part, answer: str, synonyms: dict[str, list[str]] | None = None) -> Result:
    """Convenience: grade with a Grader cached per synonyms object (pass the
    same dict each time; a new dict means a new Grader, ~0.5 s)."""
    key = id(synonyms)
    cached = _graders.get(key)
    if cached is None or cached[0] is not synonyms:
        # Keep a reference to the synonyms object so its id is not reused.
        cached = (synonyms, Grader(synonyms))
        _graders[key] = cached
        if len(_graders) > _GRADER_CACHE_SIZE:
            _graders.popitem(last=False)
    else:
        _graders.move_to_end(key)
    return cached[1].grade(part, answer)
