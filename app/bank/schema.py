"""Validation of the bank's content, one check per rule, every problem with its file and line.

A ``Checker`` walks the located data read by ``yamlsource`` and collects ``Problem``s; it never stops at the
first one, so that an author sees every mistake at once.
"""
import re

from ..grading.terms import glued_pronoun
from ..qtypes import QUESTION_TYPES, question_type
from ..qtypes.base import DEFAULT_PART_POINTS
from .overlaps import overlap, split_ref
from .problems import Problem
from .yamlsource import line_of

ID_RE = re.compile(r"^[a-z0-9._-]+$")
PART_ID_RE = re.compile(r"^[a-z0-9_-]+$")
SET_NAME_RE = re.compile(r"^[a-z0-9_-]+$")
TYPES = tuple(QUESTION_TYPES)
PAPER_KINDS = ("mock", "practice")
MAX_ID_LENGTH = 120  # the database's column sizes (app/models/questions.py)
MAX_TOPIC_LENGTH = 50
MAX_TITLE_LENGTH = 200

COMMON_FIELDS = {"id", "type", "topic", "difficulty", "tags", "stem", "source"}
FIELDS_BY_TYPE = {name: COMMON_FIELDS | qtype.fields for name, qtype in QUESTION_TYPES.items()}
PART_FIELDS = {"id", "prompt", "points", "reference", "rubric", "order", "order_points", "samples", "overlaps"}
POINT_FIELDS = {"id", "text", "points", "match", "polarity", "scope", "not_with"}
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

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.filename, line, message))

    # -- small helpers -------------------------------------------------------------------------------------
    def unknown_fields(self, mapping, allowed: set, what: str) -> None:
        for key in mapping:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.add(line_of(mapping, key), f"unknown field '{key}' in {what} (allowed: {hint})")

    def require_text(self, mapping, key: str, what: str) -> bool:
        if key not in mapping:
            self.add(line_of(mapping), f"{what} needs '{key}'")
            return False
        if not is_text(mapping[key]):
            self.add(line_of(mapping, key), f"'{key}' of {what} must be non-empty text")
            return False
        return True

    def positive_number(self, mapping, key: str, what: str, default=None, integer=False, most=None):
        if key not in mapping:
            return default
        value = mapping[key]
        ok = (isinstance(value, int) and not isinstance(value, bool)) if integer else is_number(value)
        if not ok or value <= 0:
            kind = "a whole number" if integer else "a number"
            self.add(line_of(mapping, key), f"'{key}' of {what} must be {kind} greater than 0, got {value!r}")
            return default
        if most is not None and value > most:
            self.add(line_of(mapping, key), f"'{key}' of {what} must be at most {most}, got {value!r}")
            return default
        return value

    # -- questions -----------------------------------------------------------------------------------------
    def question(self, q) -> str | None:
        """Check one question; returns its id when it has a usable one."""
        if not isinstance(q, dict):
            self.add(line_of(q), "each question must be a mapping")
            return None
        qid = q.get("id")
        if not isinstance(qid, str) or not ID_RE.match(qid):
            self.add(line_of(q, "id") if "id" in q else line_of(q),
                     f"question id must match [a-z0-9._-]+, got {qid!r}")
            qid = None
        if qid and len(qid) > MAX_ID_LENGTH:
            self.add(line_of(q, "id"), f"question id has at most {MAX_ID_LENGTH} characters")
            qid = None
        what = f"question '{qid}'" if qid else "question"
        qtype = q.get("type")
        if qtype not in TYPES:
            self.add(line_of(q, "type") if "type" in q else line_of(q),
                     f"{what}: 'type' must be one of {', '.join(TYPES)}, got {qtype!r}")
            return qid
        self.unknown_fields(q, FIELDS_BY_TYPE[qtype], what)
        if self.require_text(q, "topic", what) and len(q["topic"]) > MAX_TOPIC_LENGTH:
            self.add(line_of(q, "topic"), f"{what}: 'topic' has at most {MAX_TOPIC_LENGTH} characters")
        self.require_text(q, "stem", what)
        if "difficulty" in q and (not isinstance(q["difficulty"], int) or isinstance(q["difficulty"], bool)
                                  or not 1 <= q["difficulty"] <= 5):
            self.add(line_of(q, "difficulty"), f"{what}: 'difficulty' must be a whole number from 1 to 5")
        if "tags" in q and (not isinstance(q["tags"], list) or not all(is_text(t) for t in q["tags"])):
            self.add(line_of(q, "tags"), f"{what}: 'tags' must be a list of text")
        if "source" in q and not isinstance(q["source"], str):
            self.add(line_of(q, "source"), f"{what}: 'source' must be text")
        question_type(qtype).check(self, q, what)
        return qid

    def case_parts(self, q, what: str) -> None:
        parts = q.get("parts")
        if not isinstance(parts, list) or not parts:
            self.add(line_of(q, "parts") if "parts" in q else line_of(q),
                     f"{what}: a case question needs 'parts', a non-empty list")
            return
        seen: dict = {}
        for i, part in enumerate(parts):
            if not isinstance(part, dict):
                self.add(line_of(parts, i), f"{what}: each part must be a mapping")
                continue
            pid = part.get("id")
            if not isinstance(pid, str) or not PART_ID_RE.match(pid):
                self.add(line_of(part, "id") if "id" in part else line_of(part),
                         f"{what}: part id must match [a-z0-9_-]+, got {pid!r}")
                pid = f"#{i + 1}"
            elif pid in seen:
                self.add(line_of(part, "id"), f"{what}: duplicate part id '{pid}' (first on line {seen[pid]})")
            else:
                seen[pid] = line_of(part, "id")
            self.part(part, f"{what} part '{pid}'")

    def part(self, part, what: str) -> None:
        self.unknown_fields(part, PART_FIELDS, what)
        self.require_text(part, "prompt", what)
        self.require_text(part, "reference", what)
        total = self.positive_number(part, "points", what, default=DEFAULT_PART_POINTS)
        rubric = part.get("rubric")
        if not isinstance(rubric, list) or not rubric:
            self.add(line_of(part, "rubric") if "rubric" in part else line_of(part),
                     f"{what}: needs 'rubric', a non-empty list of key points")
            rubric = []
        ids: dict = {}
        earned_total = 0.0
        for i, point in enumerate(rubric):
            if not isinstance(point, dict):
                self.add(line_of(rubric, i), f"{what}: each rubric point must be a mapping")
                continue
            pid = point.get("id")
            if not isinstance(pid, str) or not PART_ID_RE.match(pid):
                self.add(line_of(point, "id") if "id" in point else line_of(point),
                         f"{what}: rubric point id must match [a-z0-9_-]+, got {pid!r}")
            elif pid in ids:
                self.add(line_of(point, "id"), f"{what}: duplicate rubric point id '{pid}'")
            else:
                ids[pid] = True
            earned_total += self.rubric_point(point, f"{what} point '{pid}'")
        order_points = 0.0
        if "order" in part:
            order = part["order"]
            if not isinstance(order, list) or len(order) < 2:
                self.add(line_of(part, "order"), f"{what}: 'order' must list two or more rubric point ids")
            else:
                for j, ref in enumerate(order):
                    if ref not in ids:
                        self.add(line_of(order, j), f"{what}: 'order' names unknown rubric point {ref!r}")
            if "order_points" not in part:
                self.add(line_of(part, "order"), f"{what}: 'order' needs 'order_points'")
            order_points = self.positive_number(part, "order_points", what, default=0.0)
        elif "order_points" in part:
            self.add(line_of(part, "order_points"), f"{what}: 'order_points' without 'order'")
        if total is not None and rubric and abs(earned_total + order_points - total) > 1e-9:
            extra = f" + order {order_points:g}" if order_points else ""
            self.add(line_of(part, "rubric"),
                     f"{what}: rubric points add up to {earned_total:g}{extra}, but the part is worth {total:g}")
        self.samples(part, what, total)
        self.overlaps(part, what)

    def overlaps(self, part, what: str) -> None:
        """The form of ``overlaps:``; whether the named parts exist is checked once every question is read."""
        if "overlaps" not in part:
            return
        refs = part["overlaps"]
        if not isinstance(refs, list) or not refs:
            self.add(line_of(part, "overlaps"), f"{what}: 'overlaps' must be a list of 'question-id/part-id'")
            return
        for j, ref in enumerate(refs):
            if split_ref(ref) is None:
                self.add(line_of(refs, j), f"{what}: overlap {ref!r} must be written 'question-id/part-id'")

    def overlap_targets(self, question, question_index: dict) -> None:
        """Each part named in ``overlaps:`` exists and belongs to another question."""
        for part in question.get("parts", []):
            refs = part.get("overlaps") if isinstance(part, dict) else None
            if not isinstance(refs, list):
                continue
            what = f"question '{question['id']}' part '{part.get('id')}'"
            for j, ref in enumerate(refs):
                target = split_ref(ref)
                if target is None:
                    continue
                qid, pid = target
                if qid == question["id"]:
                    self.add(line_of(refs, j), f"{what}: an overlap must name a part of another question, not '{ref}'")
                elif qid not in question_index:
                    self.add(line_of(refs, j), f"{what}: overlap names unknown question '{qid}'")
                elif pid not in question_index[qid].get("parts", ()):
                    self.add(line_of(refs, j), f"{what}: overlap names unknown part '{pid}' of question '{qid}'")

    def rubric_point(self, point, what: str) -> float:
        self.unknown_fields(point, POINT_FIELDS, what)
        self.require_text(point, "text", what)
        value = self.positive_number(point, "points", what, default=None)
        if "points" not in point:
            self.add(line_of(point), f"{what} needs 'points'")
        if point.get("polarity", "positive") not in ("positive", "negative"):
            self.add(line_of(point, "polarity"), f"{what}: 'polarity' must be positive or negative")
        if point.get("scope", "sentence") not in ("clause", "sentence", "answer"):
            self.add(line_of(point, "scope"), f"{what}: 'scope' must be clause, sentence or answer")
        match = point.get("match")
        if match is None:
            self.add(line_of(point), f"{what} needs 'match', a list of term groups")
        elif isinstance(match, str):
            pass  # a single term: one group of one term
        elif not isinstance(match, list) or not match:
            self.add(line_of(point, "match"), f"{what}: 'match' must be a non-empty list of term groups")
        else:
            for g, group in enumerate(match):
                terms = [group] if isinstance(group, str) else group
                if not isinstance(terms, list) or not terms or not all(is_text(t) for t in terms):
                    self.add(line_of(match, g), f"{what}: match group {g + 1} must be a term or a list of terms")
                    continue
                self.glued_terms(terms, line_of(match, g), f"{what}: match group {g + 1}")
        if "not_with" in point:
            not_with = point["not_with"]
            terms = [not_with] if isinstance(not_with, str) else not_with
            if not isinstance(terms, list) or not terms or not all(is_text(t) for t in terms):
                self.add(line_of(point, "not_with"), f"{what}: 'not_with' must be a term or a list of terms")
            else:
                self.glued_terms(terms, line_of(point, "not_with"), f"{what}: not_with")
        return float(value or 0)

    def glued_terms(self, terms: list, line: int, what: str) -> None:
        """Refuse pronoun-glued terms (把顾客请, 请她): they cut other answers apart (see glued_pronoun)."""
        for term in terms:
            reason = glued_pronoun(term) if isinstance(term, str) else None
            if reason:
                self.add(line, f"{what}: term '{term}' is refused: {reason}; write the verb with its "
                               f"complement instead (请到, 带离: they also match 请她到, 带她离开)")

    def samples(self, part, what: str, total) -> None:
        if "samples" not in part:
            return
        samples = part["samples"]
        if not isinstance(samples, list):
            self.add(line_of(part, "samples"), f"{what}: 'samples' must be a list")
            return
        for i, sample in enumerate(samples):
            if not isinstance(sample, dict):
                self.add(line_of(samples, i), f"{what}: each sample must be a mapping with 'answer' and 'expect'")
                continue
            self.unknown_fields(sample, SAMPLE_FIELDS, f"{what} sample {i + 1}")
            if not isinstance(sample.get("answer"), str):
                self.add(line_of(sample), f"{what} sample {i + 1}: 'answer' must be text")
            expect = sample.get("expect")
            if not is_number(expect) or expect < 0 or (total is not None and expect > total):
                self.add(line_of(sample, "expect") if "expect" in sample else line_of(sample),
                         f"{what} sample {i + 1}: 'expect' must be a score from 0 to {total:g}")
            if "tolerance" in sample and (not is_number(sample["tolerance"]) or sample["tolerance"] < 0):
                self.add(line_of(sample, "tolerance"), f"{what} sample {i + 1}: 'tolerance' must be a number ≥ 0")

    # -- papers --------------------------------------------------------------------------------------------
    def paper(self, p, question_index: dict) -> str | None:
        if not isinstance(p, dict):
            self.add(line_of(p), "each paper must be a mapping")
            return None
        pid = p.get("id")
        if not isinstance(pid, str) or not ID_RE.match(pid):
            self.add(line_of(p, "id") if "id" in p else line_of(p), f"paper id must match [a-z0-9._-]+, got {pid!r}")
            pid = None
        if pid and len(pid) > MAX_ID_LENGTH:
            self.add(line_of(p, "id"), f"paper id has at most {MAX_ID_LENGTH} characters")
            pid = None
        what = f"paper '{pid}'" if pid else "paper"
        self.unknown_fields(p, PAPER_FIELDS, what)
        if self.require_text(p, "title", what) and len(p["title"]) > MAX_TITLE_LENGTH:
            self.add(line_of(p, "title"), f"{what}: 'title' has at most {MAX_TITLE_LENGTH} characters")
        kind = p.get("kind", "mock")
        if kind not in PAPER_KINDS:
            self.add(line_of(p, "kind"), f"{what}: 'kind' must be mock or practice")
        if kind == "mock" and "time_limit" not in p:
            self.add(line_of(p), f"{what}: a mock paper needs 'time_limit' (minutes)")
        self.positive_number(p, "time_limit", what, integer=True, most=MAX_TIME_LIMIT)
        self.positive_number(p, "max_attempts", what, integer=True, most=MAX_ATTEMPTS)
        for flag in ("shuffle_options", "track_focus"):
            if flag in p and not isinstance(p[flag], bool):
                self.add(line_of(p, flag), f"{what}: '{flag}' must be true or false")
        if "pass_mark" in p and (not is_number(p["pass_mark"]) or not 0 < p["pass_mark"] <= 100):
            self.add(line_of(p, "pass_mark"), f"{what}: 'pass_mark' is a percentage of the paper's points, "
                                              f"more than 0 and at most 100")
        if "pair" in p and (not isinstance(p["pair"], str) or not ID_RE.match(p["pair"]) or p["pair"] == pid):
            self.add(line_of(p, "pair"), f"{what}: 'pair' must be the id of another paper (passed together)")
        sections = p.get("sections")
        if not isinstance(sections, list) or not sections:
            self.add(line_of(p, "sections") if "sections" in p else line_of(p),
                     f"{what}: needs 'sections', a non-empty list")
            return pid
        for i, section in enumerate(sections):
            self.section(section, f"{what} section {i + 1}", question_index, line_of(sections, i))
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
                        self.add(line_of(ids, j), f"{what}: questions '{earlier}' and '{qid}' have parts that ask "
                                                  f"the same thing (see their 'overlaps'); a mock paper should ask "
                                                  f"it once")
                seen.append(qid)

    def section(self, s, what: str, question_index: dict, line: int) -> None:
        if not isinstance(s, dict):
            self.add(line, f"{what} must be a mapping")
            return
        self.unknown_fields(s, SECTION_FIELDS, what)
        self.require_text(s, "title", what)
        self.positive_number(s, "points_each", what, most=MAX_POINTS)
        has_draw, has_list = "draw" in s, "questions" in s
        if has_draw == has_list:
            self.add(line_of(s), f"{what}: give either 'draw' or 'questions'")
            return
        if has_list:
            ids = s["questions"]
            if not isinstance(ids, list) or not ids:
                self.add(line_of(s, "questions"), f"{what}: 'questions' must be a non-empty list of question ids")
                return
            for j, qid in enumerate(ids):
                if qid not in question_index:
                    self.add(line_of(ids, j), f"{what}: unknown question '{qid}'")
            return
        draws = s["draw"] if isinstance(s["draw"], list) else [s["draw"]]
        if not draws or not all(isinstance(d, dict) for d in draws):
            self.add(line_of(s, "draw"), f"{what}: 'draw' must be a mapping, or a list of mappings (several "
                                         f"draws in one section, e.g. n items of each area)")
            return
        wanted, fitting = 0, set()
        for k, draw in enumerate(draws):
            label = f"{what} draw" if len(draws) == 1 else f"{what} draw {k + 1}"
            count = self.draw_spec(draw, label, question_index)
            if count:
                wanted += count
                fitting |= {qid for qid, summary in question_index.items() if draw_accepts(draw, summary)}
        if len(draws) > 1 and wanted > len(fitting):
            self.add(line_of(s, "draw"), f"{what}: the draws ask for {wanted} questions together but the bank has "
                                         f"only {len(fitting)} that fit any of them")

    def draw_spec(self, draw: dict, what: str, question_index: dict) -> int | None:
        """Check one draw; returns its count when it is usable."""
        self.unknown_fields(draw, DRAW_FIELDS, what)
        if draw.get("type") not in TYPES:
            self.add(line_of(draw, "type") if "type" in draw else line_of(draw),
                     f"{what}: 'type' must be one of {', '.join(TYPES)}")
            return None
        count = self.positive_number(draw, "count", what, integer=True, most=MAX_DRAW)
        if "count" not in draw:
            self.add(line_of(draw), f"{what}: needs 'count'")
        difficulty = draw.get("difficulty")
        if difficulty is not None and not (isinstance(difficulty, list) and len(difficulty) == 2
                                           and all(isinstance(d, int) for d in difficulty)):
            self.add(line_of(draw, "difficulty"), f"{what}: 'difficulty' must be [min, max]")
            return None
        for key in ("tags", "exclude_tags"):
            if key in draw and (not isinstance(draw[key], list) or not all(is_text(t) for t in draw[key])):
                self.add(line_of(draw, key), f"{what}: '{key}' must be a list of tags")
                return None
        if count:
            available = sum(1 for summary in question_index.values() if draw_accepts(draw, summary))
            if available < count:
                self.add(line_of(draw, "count"),
                         f"{what}: asks for {count} questions but the bank has only {available} that fit")
        return count

    # -- synonyms ------------------------------------------------------------------------------------------
    def synonyms(self, data) -> dict:
        if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
            self.add(line_of(data), "synonyms file must hold 'sets:', a mapping of set names to term lists")
            return {}
        self.unknown_fields(data, {"sets"}, "synonyms file")
        sets, owner = {}, {}
        for name, terms in data["sets"].items():
            where = line_of(data["sets"], name)
            if not isinstance(name, str) or not SET_NAME_RE.match(name):
                self.add(where, f"synonym set name must match [a-z0-9_-]+, got {name!r}")
                continue
            if not isinstance(terms, list) or len(terms) < 2 or not all(is_text(t) for t in terms):
                self.add(where, f"synonym set '{name}' must be a list of two or more terms")
                continue
            for term in terms:
                if term in owner and owner[term] != name:
                    self.add(where, f"term '{term}' is in synonym sets '{owner[term]}' and '{name}'")
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
