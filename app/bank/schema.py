"""Validation of the bank's content, one check per rule, every problem with its file and line.

A ``Checker`` walks the located data read by ``yamlsource`` and collects ``Problem``s; it never stops at the
first one, so that an author sees every mistake at once.
"""
import re

from ..grading.messages import Message, N_
from ..grading.rubric import full_width_colon
from ..grading.terms import glued_pronoun
from ..qtypes import QUESTION_TYPES, question_type
from ..qtypes.base import DEFAULT_PART_POINTS
from .overlaps import overlap, split_ref
from .problems import Problem
from .yamlsource import line_of

# \Z, not $: "$" also matches before a final newline, and "gas.main\n" would pass.
ID_RE = re.compile(r"^[a-z0-9._-]+\Z")
PART_ID_RE = re.compile(r"^[a-z0-9_-]+\Z")
SET_NAME_RE = re.compile(r"^[a-z0-9_-]+\Z")
MAX_PART_ID_LENGTH = 64  # part and key point ids, synonym set names: their columns (app/models)
TYPES = tuple(QUESTION_TYPES)
PAPER_KINDS = ("mock", "practice")
MAX_ID_LENGTH = 120  # the database's column sizes (app/models/questions.py)
MAX_TOPIC_LENGTH = 50
MAX_TITLE_LENGTH = 200

COMMON_FIELDS = {"id", "type", "topic", "difficulty", "tags", "stem", "source"}
FIELDS_BY_TYPE = {name: COMMON_FIELDS | qtype.fields for name, qtype in QUESTION_TYPES.items()}
PART_FIELDS = {"id", "prompt", "points", "reference", "rubric", "order", "order_points", "samples", "overlaps"}
POINT_FIELDS = {"id", "text", "points", "match", "polarity", "scope", "not_with", "gist"}
SAMPLE_FIELDS = {"answer", "expect", "tolerance", "note"}
PAPER_FIELDS = {"id", "title", "kind", "description", "time_limit", "max_attempts", "shuffle_options",
                "track_focus", "sections", "pass_mark", "pair"}
SECTION_FIELDS = {"title", "draw", "questions", "points_each", "description"}
DRAW_FIELDS = {"type", "count", "topic", "difficulty", "tags", "exclude_tags"}
# Upper bounds that keep a paper storable and sane (a value past them is a slip of the keyboard)
MAX_TIME_LIMIT = 24 * 60  # minutes
MAX_ATTEMPTS = 1000
MAX_DRAW = 1000  # questions drawn by one spec
MAX_POINTS = 1000


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


class Checker:
    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []

    is_text = staticmethod(is_text)
    is_number = staticmethod(is_number)

    def add(self, line: int, message: str, /, **params) -> None:
        """Record a problem: ``message`` is a template marked with ``N_`` and its ``params`` (or a Message)."""
        if not isinstance(message, Message) or params:
            message = Message(message, **params)
        self.problems.append(Problem(self.filename, line, message))

    # -- small helpers -------------------------------------------------------------------------------------
    def unknown_fields(self, mapping, allowed: set, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.add(line_of(mapping, key), N_("unknown field '%(key)s' in %(what)s (allowed: %(allowed)s)"),
                         key=key, what=what, allowed=hint)

    def require_text(self, mapping, key: str, what: str) -> bool:
        if key not in mapping:
            self.add(line_of(mapping), N_("%(what)s needs '%(key)s'"), what=what, key=key)
            return False
        if not is_text(mapping[key]):
            self.add(line_of(mapping, key), N_("'%(key)s' of %(what)s must be non-empty text"), key=key, what=what)
            return False
        return True

    def positive_number(self, mapping, key: str, what: str, default=None, integer=False, most=None):
        if key not in mapping:
            return default
        value = mapping[key]
        ok = (isinstance(value, int) and not isinstance(value, bool)) if integer else is_number(value)
        if not ok or value <= 0:
            message = (N_("'%(key)s' of %(what)s must be a whole number greater than 0, got %(value)s") if integer
                       else N_("'%(key)s' of %(what)s must be a number greater than 0, got %(value)s"))
            self.add(line_of(mapping, key), message, key=key, what=what, value=repr(value))
            return default
        if most is not None and value > most:
            self.add(line_of(mapping, key), N_("'%(key)s' of %(what)s must be at most %(most)s, got %(value)s"),
                     key=key, what=what, most=most, value=repr(value))
            return default
        return value

    # -- questions -----------------------------------------------------------------------------------------
    def question(self, q) -> str | None:
        """Check one question; returns its id when it has a usable one."""
        if not isinstance(q, dict):
            self.add(line_of(q), N_("each question must be a mapping"))
            return None
        qid = q.get("id")
        if not isinstance(qid, str) or not ID_RE.match(qid):
            self.add(line_of(q, "id") if "id" in q else line_of(q),
                     N_("question id may hold only lowercase letters, digits and . _ - (got %(value)s)"),
                     value=repr(qid))
            qid = None
        if qid and len(qid) > MAX_ID_LENGTH:
            self.add(line_of(q, "id"), N_("question id has at most %(n)s characters"), n=MAX_ID_LENGTH)
            qid = None
        what = Message(N_("question '%(id)s'"), id=qid) if qid else Message(N_("question"))
        qtype = q.get("type")
        if qtype not in TYPES:
            self.add(line_of(q, "type") if "type" in q else line_of(q),
                     N_("%(what)s: 'type' must be one of %(types)s, got %(value)s"), what=what,
                     types=", ".join(TYPES), value=repr(qtype))
            return qid
        self.unknown_fields(q, FIELDS_BY_TYPE[qtype], what)
        if self.require_text(q, "topic", what) and len(q["topic"]) > MAX_TOPIC_LENGTH:
            self.add(line_of(q, "topic"), N_("%(what)s: 'topic' has at most %(n)s characters"), what=what,
                     n=MAX_TOPIC_LENGTH)
        self.require_text(q, "stem", what)
        if "difficulty" in q and (not isinstance(q["difficulty"], int) or isinstance(q["difficulty"], bool)
                                  or not 1 <= q["difficulty"] <= 5):
            self.add(line_of(q, "difficulty"), N_("%(what)s: 'difficulty' must be a whole number from 1 to 5"),
                     what=what)
        if "tags" in q and (not isinstance(q["tags"], list) or not all(is_text(t) for t in q["tags"])):
            self.add(line_of(q, "tags"), N_("%(what)s: 'tags' must be a list of text"), what=what)
        if "source" in q and not isinstance(q["source"], str):
            self.add(line_of(q, "source"), N_("%(what)s: 'source' must be text"), what=what)
        question_type(qtype).check(self, q, what)
        return qid

    def case_parts(self, q, what: str) -> None:
        parts = q.get("parts")
        if not isinstance(parts, list) or not parts:
            self.add(line_of(q, "parts") if "parts" in q else line_of(q),
                     N_("%(what)s: a case question needs 'parts', a non-empty list"), what=what)
            return
        seen: dict = {}
        for i, part in enumerate(parts):
            if not isinstance(part, dict):
                self.add(line_of(parts, i), N_("%(what)s: each part must be a mapping"), what=what)
                continue
            pid = part.get("id")
            if pid is None or pid == "":
                self.add(line_of(part, "id") if "id" in part else line_of(part), N_("%(what)s: part %(n)s has no id"),
                         what=what, n=i + 1)
                pid = f"#{i + 1}"
            elif not isinstance(pid, str) or not PART_ID_RE.match(pid):
                self.add(line_of(part, "id"), N_("%(what)s: part id may hold only lowercase letters, digits, _ and - "
                                                 "(got %(value)s)"), what=what, value=repr(pid))
                pid = f"#{i + 1}"
            elif len(pid) > MAX_PART_ID_LENGTH:
                self.add(line_of(part, "id"), N_("%(what)s: part id has at most %(n)s characters"), what=what,
                         n=MAX_PART_ID_LENGTH)
                pid = f"#{i + 1}"
            elif pid in seen:
                self.add(line_of(part, "id"), N_("%(what)s: duplicate part id '%(id)s' (first on line %(line)s)"),
                         what=what, id=pid, line=seen[pid])
            else:
                seen[pid] = line_of(part, "id")
            self.part(part, Message(N_("%(what)s part '%(id)s'"), what=what, id=pid))

    def part(self, part, what: str) -> None:
        self.unknown_fields(part, PART_FIELDS, what)
        self.require_text(part, "prompt", what)
        self.require_text(part, "reference", what)
        total = self.positive_number(part, "points", what, default=DEFAULT_PART_POINTS)
        rubric = part.get("rubric")
        if not isinstance(rubric, list) or not rubric:
            self.add(line_of(part, "rubric") if "rubric" in part else line_of(part),
                     N_("%(what)s: needs 'rubric', a non-empty list of key points"), what=what)
            rubric = []
        ids: dict = {}
        earned_total = 0.0
        for i, point in enumerate(rubric):
            if not isinstance(point, dict):
                message = (N_("%(what)s: each rubric point must be a mapping: write each field as key: value with a "
                              "half-width colon and a space (id: calm), not the full-width ：")
                           if full_width_colon(point) else N_("%(what)s: each rubric point must be a mapping"))
                self.add(line_of(rubric, i), message, what=what)
                continue
            pid = point.get("id")
            if not isinstance(pid, str) or not PART_ID_RE.match(pid):
                self.add(line_of(point, "id") if "id" in point else line_of(point),
                         N_("%(what)s: rubric point id may hold only lowercase letters, digits, _ and - "
                            "(got %(value)s)"), what=what, value=repr(pid))
            elif len(pid) > MAX_PART_ID_LENGTH:
                self.add(line_of(point, "id"), N_("%(what)s: rubric point id has at most %(n)s characters"),
                         what=what, n=MAX_PART_ID_LENGTH)
            elif pid in ids:
                self.add(line_of(point, "id"), N_("%(what)s: duplicate rubric point id '%(id)s'"), what=what, id=pid)
            else:
                ids[pid] = True
            earned_total += self.rubric_point(point, Message(N_("%(what)s point '%(id)s'"), what=what, id=pid))
        order_points = 0.0
        if "order" in part:
            order = part["order"]
            if not isinstance(order, list) or len(order) < 2:
                self.add(line_of(part, "order"), N_("%(what)s: 'order' must list two or more rubric point ids"),
                         what=what)
            else:
                for j, ref in enumerate(order):
                    if ref not in ids:
                        self.add(line_of(order, j), N_("%(what)s: 'order' names unknown rubric point %(value)s"),
                                 what=what, value=repr(ref))
            if "order_points" not in part:
                self.add(line_of(part, "order"), N_("%(what)s: 'order' needs 'order_points'"), what=what)
            order_points = self.positive_number(part, "order_points", what, default=0.0)
        elif "order_points" in part:
            self.add(line_of(part, "order_points"), N_("%(what)s: 'order_points' without 'order'"), what=what)
        if total is not None and rubric and abs(earned_total + order_points - total) > 1e-9:
            if order_points:
                self.add(line_of(part, "rubric"), N_("%(what)s: rubric points add up to %(sum)s + order %(order)s, "
                                                     "but the part is worth %(total)s"),
                         what=what, sum=f"{earned_total:g}", order=f"{order_points:g}", total=f"{total:g}")
            else:
                self.add(line_of(part, "rubric"),
                         N_("%(what)s: rubric points add up to %(sum)s, but the part is worth %(total)s"),
                         what=what, sum=f"{earned_total:g}", total=f"{total:g}")
        self.samples(part, what, total)
        self.overlaps(part, what)

    def overlaps(self, part, what: str) -> None:
        """The form of ``overlaps:``; whether the named parts exist is checked once every question is read."""
        if "overlaps" not in part:
            return
        refs = part["overlaps"]
        if not isinstance(refs, list) or not refs:
            self.add(line_of(part, "overlaps"), N_("%(what)s: 'overlaps' must be a list of 'question-id/part-id'"),
                     what=what)
            return
        for j, ref in enumerate(refs):
            if split_ref(ref) is None:
                self.add(line_of(refs, j), N_("%(what)s: overlap %(value)s must be written 'question-id/part-id'"),
                         what=what, value=repr(ref))

    def overlap_targets(self, question, question_index: dict) -> None:
        """Each part named in ``overlaps:`` exists and belongs to another question."""
        for part in question.get("parts", []):
            refs = part.get("overlaps") if isinstance(part, dict) else None
            if not isinstance(refs, list):
                continue
            what = Message(N_("%(what)s part '%(id)s'"), what=Message(N_("question '%(id)s'"), id=question["id"]),
                           id=part.get("id"))
            for j, ref in enumerate(refs):
                target = split_ref(ref)
                if target is None:
                    continue
                qid, pid = target
                if qid == question["id"]:
                    self.add(line_of(refs, j), N_("%(what)s: an overlap must name a part of another question, "
                                                  "not '%(ref)s'"), what=what, ref=ref)
                elif qid not in question_index:
                    self.add(line_of(refs, j), N_("%(what)s: overlap names unknown question '%(id)s'"), what=what,
                             id=qid)
                elif pid not in question_index[qid].get("parts", ()):
                    self.add(line_of(refs, j), N_("%(what)s: overlap names unknown part '%(part)s' of question "
                                                  "'%(id)s'"), what=what, part=pid, id=qid)

    def rubric_point(self, point, what: str) -> float:
        self.unknown_fields(point, POINT_FIELDS, what)
        self.require_text(point, "text", what)
        value = self.positive_number(point, "points", what, default=None)
        if "points" not in point:
            self.add(line_of(point), N_("%(what)s needs '%(key)s'"), what=what, key="points")
        if point.get("polarity", "positive") not in ("positive", "negative"):
            self.add(line_of(point, "polarity"), N_("%(what)s: 'polarity' must be positive or negative"), what=what)
        if point.get("scope", "sentence") not in ("clause", "sentence", "answer"):
            self.add(line_of(point, "scope"), N_("%(what)s: 'scope' must be clause, sentence or answer"), what=what)
        match = point.get("match")
        if match is None:
            self.add(line_of(point), N_("%(what)s needs 'match', a list of term groups"), what=what)
        elif isinstance(match, str):  # a single term: one group of one term
            self.comma_terms([match], line_of(point, "match"), what, "[[%s]]")
        elif not isinstance(match, list) or not match:
            self.add(line_of(point, "match"), N_("%(what)s: 'match' must be a non-empty list of term groups"),
                     what=what)
        else:
            self.term_groups(match, what)
        if "gist" in point:
            gist = point["gist"]
            if isinstance(gist, str):
                gist = [gist]
            if not isinstance(gist, list) or not gist:
                self.add(line_of(point, "gist"), N_("%(what)s: 'gist' must be a term or a non-empty list of term "
                                                    "groups"), what=what)
            else:
                self.term_groups(gist, Message(N_("%(what)s: gist"), what=what))
                self.gist_overlap(point, what)
        if "not_with" in point:
            not_with = point["not_with"]
            terms = [not_with] if isinstance(not_with, str) else not_with
            if not isinstance(terms, list) or not terms or not all(is_text(t) for t in terms):
                self.add(line_of(point, "not_with"), N_("%(what)s: 'not_with' must be a term or a list of terms"),
                         what=what)
            else:
                self.glued_terms(terms, line_of(point, "not_with"), Message(N_("%(what)s: not_with"), what=what))
                self.comma_terms(terms, line_of(point, "not_with"), Message(N_("%(what)s: not_with"), what=what),
                                 "[%s]")
        return float(value or 0)

    def term_groups(self, groups: list, what) -> None:
        for g, group in enumerate(groups):
            terms = [group] if isinstance(group, str) else group
            if not isinstance(terms, list) or not terms or not all(is_text(t) for t in terms):
                self.add(line_of(groups, g), N_("%(what)s: match group %(n)s must be a term or a list of terms"),
                         what=what, n=g + 1)
                continue
            self.glued_terms(terms, line_of(groups, g), Message(N_("%(what)s: match group %(n)s"), what=what,
                                                                n=g + 1))
            self.comma_terms(terms, line_of(groups, g), Message(N_("%(what)s: match group %(n)s"), what=what,
                                                                n=g + 1), "[%s]")

    def comma_terms(self, terms: list, line: int, what, written: str) -> None:
        """Refuse a term holding a comma: ``match: 道歉, 致歉`` (no brackets) is one term, looked for comma and all,
        that no answer holds; the author meant two words of one group. ``written`` shapes the suggestion."""
        for term in terms:
            if isinstance(term, str) and ("," in term or "，" in term):
                words = [word.strip() for word in re.split(r"[,，]", term) if word.strip()]
                self.add(line, N_("%(what)s: the term '%(term)s' holds a comma, and a term is looked for as written, "
                                  "comma and all: to accept any of these words, write them as terms of one group, "
                                  "%(written)s"), what=what, term=term, written=written % ", ".join(words))

    def gist_overlap(self, point, what) -> None:
        """A gist holds vague wordings, not the point's own terms: a gist that only repeats `match` groups, or a gist of
        one group holding a term of `match`, would give half the point to half of its terms (a missing term, not a vague
        wording: tried as a general rule, it raised opposite-meaning answers) or repeat what the point already finds."""
        def groups_of(value):
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list):
                return []
            return [frozenset([g] if isinstance(g, str) else g) for g in value
                    if isinstance(g, str) or (isinstance(g, list) and all(isinstance(t, str) for t in g))]
        match, gist = groups_of(point.get("match")), groups_of(point.get("gist"))
        if not match or not gist:
            return
        shared = sorted(set().union(*gist) & set().union(*match)) if len(gist) == 1 else []
        if shared or all(any(g <= m for m in match) for g in gist):
            self.add(line_of(point, "gist"), N_("%(what)s: 'gist' repeats terms of 'match' (%(terms)s); give it the "
                                                "vague wordings an examiner accepts for this point"), what=what,
                     terms=", ".join(shared or sorted(set().union(*gist))))

    def glued_terms(self, terms: list, line: int, what: str) -> None:
        """Refuse pronoun-glued terms (把顾客请, 请她): they cut other answers apart (see glued_pronoun)."""
        for term in terms:
            reason = glued_pronoun(term) if isinstance(term, str) else None
            if reason:
                self.add(line, N_("%(what)s: term '%(term)s' is refused: %(reason)s; write the verb with its "
                                  "complement instead (请到, 带离: they also match 请她到, 带她离开)"),
                         what=what, term=term, reason=reason)

    def samples(self, part, what: str, total) -> None:
        if "samples" not in part:
            return
        samples = part["samples"]
        if not isinstance(samples, list):
            self.add(line_of(part, "samples"), N_("%(what)s: 'samples' must be a list"), what=what)
            return
        for i, sample in enumerate(samples):
            if not isinstance(sample, dict):
                message = (N_("%(what)s: each sample must be a mapping with 'answer' and 'expect': write each field as "
                              "key: value with a half-width colon and a space (answer: …), not the full-width ：")
                           if full_width_colon(sample)
                           else N_("%(what)s: each sample must be a mapping with 'answer' and 'expect'"))
                self.add(line_of(samples, i), message, what=what)
                continue
            which = Message(N_("%(what)s sample %(n)s"), what=what, n=i + 1)
            self.unknown_fields(sample, SAMPLE_FIELDS, which)
            if not isinstance(sample.get("answer"), str):
                self.add(line_of(sample), N_("%(what)s: 'answer' must be text"), what=which)
            expect = sample.get("expect")
            if not is_number(expect) or expect < 0 or (total is not None and expect > total):
                self.add(line_of(sample, "expect") if "expect" in sample else line_of(sample),
                         N_("%(what)s: 'expect' must be a score from 0 to %(total)s"), what=which,
                         total=f"{total:g}" if total is not None else "?")
            if "tolerance" in sample and (not is_number(sample["tolerance"]) or sample["tolerance"] < 0):
                self.add(line_of(sample, "tolerance"), N_("%(what)s: 'tolerance' must be a number ≥ 0"), what=which)

    # -- papers --------------------------------------------------------------------------------------------
    def paper(self, p, question_index: dict) -> str | None:
        if not isinstance(p, dict):
            self.add(line_of(p), N_("each paper must be a mapping"))
            return None
        pid = p.get("id")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            self.add(line_of(p, "id") if "id" in p else line_of(p),
                     N_("paper id may hold only lowercase letters, digits and . _ - (got %(value)s)"), value=repr(pid))
            pid = None
        if pid and len(pid) > MAX_ID_LENGTH:
            self.add(line_of(p, "id"), N_("paper id has at most %(n)s characters"), n=MAX_ID_LENGTH)
            pid = None
        what = Message(N_("paper '%(id)s'"), id=pid) if pid else Message(N_("paper"))
        self.unknown_fields(p, PAPER_FIELDS, what)
        if self.require_text(p, "title", what) and len(p["title"]) > MAX_TITLE_LENGTH:
            self.add(line_of(p, "title"), N_("%(what)s: 'title' has at most %(n)s characters"), what=what,
                     n=MAX_TITLE_LENGTH)
        kind = p.get("kind", "mock")
        if kind not in PAPER_KINDS:
            self.add(line_of(p, "kind"), N_("%(what)s: 'kind' must be mock or practice"), what=what)
        if kind == "mock" and "time_limit" not in p:
            self.add(line_of(p), N_("%(what)s: a mock paper needs 'time_limit' (minutes)"), what=what)
        self.positive_number(p, "time_limit", what, integer=True, most=MAX_TIME_LIMIT)
        self.positive_number(p, "max_attempts", what, integer=True, most=MAX_ATTEMPTS)
        for flag in ("shuffle_options", "track_focus"):
            if flag in p and not isinstance(p[flag], bool):
                self.add(line_of(p, flag), N_("%(what)s: '%(key)s' must be true or false"), what=what, key=flag)
        if "pass_mark" in p and (not is_number(p["pass_mark"]) or not 0 < p["pass_mark"] <= 100):
            self.add(line_of(p, "pass_mark"), N_("%(what)s: 'pass_mark' is a percentage of the paper's points, "
                                                 "more than 0 and at most 100"), what=what)
        if "pair" in p and (not isinstance(p["pair"], str) or not ID_RE.match(p["pair"]) or p["pair"] == pid):
            self.add(line_of(p, "pair"), N_("%(what)s: 'pair' must be the id of another paper (passed together)"),
                     what=what)
        sections = p.get("sections")
        if not isinstance(sections, list) or not sections:
            self.add(line_of(p, "sections") if "sections" in p else line_of(p),
                     N_("%(what)s: needs 'sections', a non-empty list"), what=what)
            return pid
        for i, section in enumerate(sections):
            self.section(section, Message(N_("%(what)s section %(n)s"), what=what, n=i + 1), question_index,
                         line_of(sections, i))
        if kind == "mock":
            self.no_repeated_question(sections, what, question_index)
        return pid

    def no_repeated_question(self, sections: list, what: str, question_index: dict) -> None:
        """A mock paper must not ask the same thing twice: no two fixed questions with overlapping parts."""
        seen: list[str] = []
        for section in sections:
            ids = section.get("questions") if isinstance(section, dict) else None
            if not isinstance(ids, list):
                continue
            for j, qid in enumerate(ids):
                if qid not in question_index:
                    continue
                for earlier in seen:
                    if overlap(earlier, question_index[earlier], qid, question_index[qid]):
                        self.add(line_of(ids, j), N_("%(what)s: questions '%(first)s' and '%(second)s' have parts "
                                                     "that ask the same thing (see their 'overlaps'); a mock paper "
                                                     "should ask it once"), what=what, first=earlier, second=qid)
                seen.append(qid)

    def section(self, s, what: str, question_index: dict, line: int) -> None:
        if not isinstance(s, dict):
            self.add(line, N_("%(what)s must be a mapping"), what=what)
            return
        self.unknown_fields(s, SECTION_FIELDS, what)
        self.require_text(s, "title", what)
        self.positive_number(s, "points_each", what, most=MAX_POINTS)
        has_draw, has_list = "draw" in s, "questions" in s
        if has_draw == has_list:
            self.add(line_of(s), N_("%(what)s: give either 'draw' or 'questions'"), what=what)
            return
        if has_list:
            ids = s["questions"]
            if not isinstance(ids, list) or not ids:
                self.add(line_of(s, "questions"), N_("%(what)s: 'questions' must be a non-empty list of question ids"),
                         what=what)
                return
            for j, qid in enumerate(ids):
                if qid not in question_index:
                    self.add(line_of(ids, j), N_("%(what)s: unknown question '%(id)s'"), what=what, id=qid)
            return
        draws = s["draw"] if isinstance(s["draw"], list) else [s["draw"]]
        if not draws or not all(isinstance(d, dict) for d in draws):
            self.add(line_of(s, "draw"), N_("%(what)s: 'draw' must be a mapping, or a list of mappings (several "
                                            "draws in one section, e.g. n items of each area)"), what=what)
            return
        wanted, fitting = 0, set()
        for k, draw in enumerate(draws):
            label = (Message(N_("%(what)s draw"), what=what) if len(draws) == 1
                     else Message(N_("%(what)s draw %(n)s"), what=what, n=k + 1))
            count = self.draw_spec(draw, label, question_index)
            if count:
                wanted += count
                fitting |= {qid for qid, summary in question_index.items() if draw_accepts(draw, summary)}
        if len(draws) > 1 and wanted > len(fitting):
            self.add(line_of(s, "draw"), N_("%(what)s: the draws ask for %(wanted)s questions together but the bank "
                                            "has only %(found)s that fit any of them"),
                     what=what, wanted=wanted, found=len(fitting))

    def draw_spec(self, draw: dict, what: str, question_index: dict) -> int | None:
        """Check one draw; returns its count when it is usable."""
        self.unknown_fields(draw, DRAW_FIELDS, what)
        if draw.get("type") not in TYPES:
            self.add(line_of(draw, "type") if "type" in draw else line_of(draw),
                     N_("%(what)s: 'type' must be one of %(types)s"), what=what, types=", ".join(TYPES))
            return None
        count = self.positive_number(draw, "count", what, integer=True, most=MAX_DRAW)
        if "count" not in draw:
            self.add(line_of(draw), N_("%(what)s: needs 'count'"), what=what)
        difficulty = draw.get("difficulty")
        if difficulty is not None and not (isinstance(difficulty, list) and len(difficulty) == 2
                                           and all(isinstance(d, int) for d in difficulty)):
            self.add(line_of(draw, "difficulty"), N_("%(what)s: 'difficulty' must be [min, max]"), what=what)
            return None
        for key in ("tags", "exclude_tags"):
            if key in draw and (not isinstance(draw[key], list) or not all(is_text(t) for t in draw[key])):
                self.add(line_of(draw, key), N_("%(what)s: '%(key)s' must be a list of tags"), what=what, key=key)
                return None
        if count:
            available = sum(1 for summary in question_index.values() if draw_accepts(draw, summary))
            topic = draw.get("topic")
            known = {summary["topic"] for summary in question_index.values() if is_text(summary.get("topic"))}
            unknown = [t for t in (topic if isinstance(topic, list) else [topic]) if is_text(t) and t not in known]
            if available < count and unknown and known:  # a mistyped area (投诉 for 投诉处理) says so
                message = N_("%(what)s: no question has the area %(topic)s; the areas are %(areas)s")
                self.add(line_of(draw, "topic"), message, what=what, topic="、".join(unknown),
                         areas="、".join(sorted(known)))
            elif available < count:
                self.add(line_of(draw, "count"),
                         N_("%(what)s: asks for %(count)s questions but the bank has only %(found)s that fit"),
                         what=what, count=count, found=available)
        return count

    # -- synonyms ------------------------------------------------------------------------------------------
    def synonyms(self, data) -> dict:
        if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
            self.add(line_of(data), N_("synonyms file must hold 'sets:', a mapping of set names to term lists"))
            return {}
        self.unknown_fields(data, {"sets"}, Message(N_("synonyms file")))
        sets, owner = {}, {}
        for name, terms in data["sets"].items():
            where = line_of(data["sets"], name)
            if not isinstance(name, str) or not SET_NAME_RE.match(name):
                self.add(where, N_("synonym set name may hold only lowercase letters, digits, _ and - "
                                   "(got %(value)s)"), value=repr(name))
                continue
            if len(name) > MAX_PART_ID_LENGTH:
                self.add(where, N_("synonym set name has at most %(n)s characters"), n=MAX_PART_ID_LENGTH)
                continue
            if not isinstance(terms, list) or len(terms) < 2 or not all(is_text(t) for t in terms):
                self.add(where, N_("synonym set '%(name)s' must be a list of two or more terms"), name=name)
                continue
            for term in terms:
                if term in owner and owner[term] != name:
                    self.add(where, N_("term '%(term)s' is in synonym sets '%(first)s' and '%(second)s'"), term=term,
                             first=owner[term], second=name)
                owner[term] = name
            sets[name] = list(terms)
        return sets


def draw_specs(section: dict) -> list[dict]:
    """A section's draw specs: one mapping, or a list drawn in turn (n items of each area); the mappings only."""
    draw = section.get("draw") or []
    return [spec for spec in (draw if isinstance(draw, list) else [draw]) if isinstance(spec, dict)]


def draw_accepts(draw, summary: dict) -> bool:
    """Whether a question (its summary: type, topic, difficulty, tags) fits a paper section's draw."""
    if summary["type"] != draw.get("type"):
        return False
    topic = draw.get("topic")
    if topic is not None:
        topics = topic if isinstance(topic, list) else [topic]
        if summary["topic"] not in topics:
            return False
    difficulty = draw.get("difficulty")
    if difficulty is not None and not difficulty[0] <= summary.get("difficulty", 3) <= difficulty[1]:
        return False
    if set(draw.get("exclude_tags") or ()) & set(summary.get("tags", [])):
        return False
    tags = draw.get("tags")
    if tags and not set(tags) <= set(summary.get("tags", [])):
        return False
    return True
