"""Papers: a form for a paper's definition (fixed questions and random draws, section points, time limit,
attempts, shuffling, tab-switch tracking), checked by the bank's own Checker, a preview exactly as a trainee sees
it (a throw-away attempt through app/exams' drawing and payloads, never stored) and a check that the draws can be
filled. Which classes may sit a paper, and when, is set per class by administrators. Flushes, never commits."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from ..bank.schema import Checker, draw_accepts, draw_specs
from ..bank.writer import dump
from ..bank.yamlsource import plain, read_yaml
from ..exams.drawing import paper_questions
from ..grading.messages import Message, N_
from ..exams.errors import ExamError
from ..exams.payloads import attempt_payload
from ..extensions import db
from ..models import Attempt, AttemptItem, CohortPaper, Paper, utcnow
from ..qtypes import QUESTION_TYPES, question_type
from ..qtypes.case import storable
from .services import known_questions

MAX_SECTIONS = 20
_SECTION_RE = re.compile(r"section (\d+)")


def open_to_every_trainee(paper) -> bool:
    """Whether every trainee may sit ``paper`` once it is published (a new one, or one no class has been given):
    the exam side restricts a paper to classes only once an administrator gives it to one
    (exams.access.closed_papers)."""
    if paper is None:
        return True
    return db.session.scalar(select(CohortPaper.id).where(CohortPaper.paper_id == paper.id).limit(1)) is None


@dataclass
class PaperProblem:
    message: str  # a Message (English, with its template), shown translated (app/authoring/messages.py)
    section: int | None = None  # 0-based section index the message names


@dataclass
class PaperCheck:
    definition: dict | None
    problems: list[PaperProblem] = field(default_factory=list)


def _int(text):
    text = (text or "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _list(text) -> list[str]:
    return [t.strip() for t in re.split(r"[\s,，、]+", text or "") if t.strip()]


def _section_indexes(form) -> list[int]:
    found = set()
    for key in form.keys():
        if key.startswith("section-"):
            piece = key.split("-", 2)[1]
            if piece.isascii() and piece.isdigit() and len(piece) < 4 and int(piece) < MAX_SECTIONS:
                found.add(int(piece))
    return sorted(found)


FORM_KEYS = {"id", "title", "kind", "description", "time_limit", "max_attempts", "shuffle_options", "track_focus",
             "sections"}
SIMPLE_DRAW = {"type", "count", "topic", "difficulty", "tags"}


def definition_from_form(form, keep: dict | None = None) -> tuple[dict, list[PaperProblem]]:
    """The paper the form describes; ``keep`` (the paper being edited) gives the fields the form does not show
    (pass mark, pair), kept as they are. Also returns the problems of sections written as YAML that cannot be read."""
    unreadable: list[PaperProblem] = []
    definition: dict = {k: v for k, v in (keep or {}).items() if k not in FORM_KEYS}
    definition.update({"id": (form.get("id") or "").strip(), "title": (form.get("title") or "").strip(),
                        "kind": form.get("kind", "mock")})
    if (form.get("description") or "").strip():
        definition["description"] = form["description"].replace("\r\n", "\n").strip()
    for name in ("time_limit", "max_attempts"):
        value = _int(form.get(name))
        if value is not None:
            definition[name] = value
    definition["shuffle_options"] = form.get("shuffle_options") == "1"
    definition["track_focus"] = form.get("track_focus") == "1"
    sections = []
    for index in _section_indexes(form):
        get = lambda name: form.get(f"section-{index}-{name}", "")  # noqa: E731
        if get("mode") == "yaml":
            if get("yaml").strip():
                data, problems = read_yaml(get("yaml"), "section.yaml")
                unreadable += [PaperProblem(Message(N_("line %(n)s: %(message)s"), n=p.line, message=p.message),
                                            len(sections)) for p in problems]
                sections.append(plain(data) if data is not None else {})
            continue
        if not get("title").strip() and not get("questions").strip() and not get("draw_count").strip():
            continue  # the empty "new section" block
        section: dict = {"title": get("title").strip()}
        points = _int(get("points_each"))
        if points is not None:
            section["points_each"] = points
        if get("mode") == "draw":
            draw: dict = {"type": get("draw_type")}
            if _int(get("draw_count")) is not None:  # left empty: the check says it is needed
                draw["count"] = _int(get("draw_count"))
            topics = _list(get("draw_topic"))
            if topics:
                draw["topic"] = topics[0] if len(topics) == 1 else topics
            low, high = _int(get("draw_min")), _int(get("draw_max"))
            if low is not None or high is not None:
                draw["difficulty"] = [low if low is not None else 1, high if high is not None else 5]
            tags = _list(get("draw_tags"))
            if tags:
                draw["tags"] = tags
            section["draw"] = draw
        else:
            section["questions"] = _list(get("questions"))
        sections.append(section)
    definition["sections"] = sections
    return definition, unreadable


def form_values(definition: dict | None) -> dict:
    definition = definition or {"kind": "mock", "sections": []}
    values = {k: definition.get(k, "") for k in ("id", "title", "kind", "description")}
    values["time_limit"] = definition.get("time_limit", "") or ""
    values["max_attempts"] = definition.get("max_attempts", "") or ""
    values["shuffle_options"] = bool(definition.get("shuffle_options"))
    values["track_focus"] = bool(definition.get("track_focus"))
    values["sections"] = []
    for section in definition.get("sections", []):
        if not _fits_the_form(section):  # several draws, excluded tags, or a section that is not one at all
            title = section.get("title", "") if isinstance(section, dict) else ""
            values["sections"].append({"title": title if isinstance(title, str) else "", "mode": "yaml",
                                       "yaml": dump(section)})
            continue
        draw = section.get("draw") or {}
        difficulty = draw.get("difficulty") or ["", ""]
        topic = draw.get("topic", "")
        values["sections"].append({
            "title": section.get("title", ""), "points_each": section.get("points_each", ""),
            "mode": "draw" if "draw" in section else "fixed",
            "questions": "\n".join(section.get("questions") or []),
            "draw_type": draw.get("type", ""), "draw_count": draw.get("count", ""),
            "draw_topic": "、".join(topic) if isinstance(topic, list) else topic,
            "draw_min": difficulty[0], "draw_max": difficulty[1], "draw_tags": "、".join(draw.get("tags") or [])})
    return values


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _fits_the_form(section) -> bool:
    """Whether the form's fields can show ``section`` as it is; otherwise it is shown as YAML (a section written as
    YAML comes back as written, whatever its mistakes)."""
    if not isinstance(section, dict) or "description" in section or ("draw" in section) == ("questions" in section):
        return False
    if "questions" in section:
        return _texts(section["questions"])
    draw = section["draw"]
    if not isinstance(draw, dict) or set(draw) - SIMPLE_DRAW:
        return False
    difficulty, topic = draw.get("difficulty"), draw.get("topic")
    return ((difficulty is None or (isinstance(difficulty, list) and len(difficulty) == 2))
            and (topic is None or isinstance(topic, str) or _texts(topic))
            and (draw.get("tags") is None or _texts(draw["tags"])))


def _all_storable(value) -> bool:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return all(_all_storable(k) and _all_storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_all_storable(v) for v in value)
    return True


def check_definition(definition: dict, editing: Paper | None) -> PaperCheck:
    """The bank's checks of a paper (as ``flask bank validate``), on the definition written out as YAML."""
    data, problems = read_yaml(dump(definition), "paper.yaml")
    checker = Checker("paper.yaml")
    pid = checker.paper(data, known_questions()) if data is not None else None
    found = [p.message for p in problems] + [p.message for p in checker.problems]
    if not _all_storable(definition):
        found.append(Message(N_("the paper holds characters that cannot be stored (NUL or a broken surrogate)")))
    if pid is not None:
        if editing is not None and pid != editing.key:
            found.append(Message(N_("the id cannot change: this paper is '%(id)s'"), id=editing.key))
        elif editing is None and Paper.by_key(pid) is not None:
            found.append(Message(N_("paper id '%(id)s' is already in use"), id=pid))
    out = []
    for message in found:
        match = _SECTION_RE.search(message)
        out.append(PaperProblem(message, int(match.group(1)) - 1 if match else None))
    if out:
        return PaperCheck(None, out)
    result = plain(data)
    result.setdefault("kind", "mock")
    return PaperCheck(result)


def save_paper(definition: dict, editing: Paper | None, publish: bool = False) -> tuple[Paper, bool, Message | None]:
    """Save the checked ``definition`` -> (paper, whether anything changed, why it was not published). A new paper
    is a draft unless ``publish`` (and publishing is refused, the paper kept a draft, when ``set_draft`` refuses
    it); a revised one keeps its state, published, draft or withdrawn."""
    paper = editing
    if paper is None:
        paper = Paper(key=definition["id"], content_hash="", draft=True)
        db.session.add(paper)
    withdrawn = not paper.active and editing is not None
    hash_before = paper.content_hash
    changed = paper.update_from(definition)
    if withdrawn:
        # editing a withdrawn paper (readying it for the next session) does not put it back in use: its page does
        paper.active = False
        changed = paper.content_hash != hash_before
    db.session.flush()
    refused = None
    if editing is None and publish:
        _published, refused = set_draft(paper, False)
    return paper, changed, refused


def set_draft(paper: Paper, draft: bool) -> tuple[bool, Message | None]:
    """Publish a draft paper or return a published one to draft -> (whether anything changed, why it was refused).
    Refused: an inactive paper either way; publishing a paper whose sections cannot all be filled from the live
    questions (``draw_check``: trainees could not start it); a return to draft once anyone has attempted the
    paper (Paper.make_draft)."""
    if not paper.active:
        return False, Message(N_("This paper is no longer in use: it can be neither published nor made a draft."))
    if draft:
        paper.lock()  # a trainee's start in flight either commits first (and is seen below) or waits and is refused
        if paper.draft:
            return False, None
        if paper.has_attempts():
            return False, Message(N_("Trainees have already sat this paper, so it stays published: their results "
                                     "and any open attempt belong to it. To stop new attempts, an administrator "
                                     "gives it to classes with closed windows under Administration → Classes."))
        changed = paper.make_draft()
    else:
        if not paper.draft:
            return False, None
        if not paper.sections:
            return False, Message(N_("Not published: the paper has no section."))
        short = [check["number"] for check in draw_check(paper) if not check["ok"]]
        if short:
            return False, Message(N_("Not published: section %(n)s cannot be filled from the published questions "
                                     "(see “Can the draws be filled?”)."), n=", ".join(map(str, short)))
        changed = paper.publish()
    if changed:
        db.session.flush()
    return changed, None


def set_active(paper: Paper, active: bool) -> tuple[bool, int]:
    """Withdraw a paper (nobody may start it; results stay, open attempts may still be submitted) or reinstate it
    -> (whether anything changed, how many attempts are still open on it)."""
    changed = paper.reinstate() if active else paper.withdraw()
    if changed:
        db.session.flush()
    return changed, paper.open_attempts()


def draw_check(paper: Paper) -> list[dict]:
    """Each section: how many questions it needs and how many live questions fit (fixed ones: which are missing)."""
    index = known_questions(live_only=True)
    out = []
    for number, section in enumerate(paper.sections, start=1):
        if "draw" in section:
            draws = draw_specs(section)
            needs = sum(int(d.get("count", 0) or 0) for d in draws)
            fitting = {key for d in draws for key, found in index.items() if draw_accepts(d, found)}
            short = any(sum(1 for found in index.values() if draw_accepts(d, found)) < int(d.get("count", 0) or 0)
                        for d in draws if isinstance(d, dict))
            out.append({"number": number, "title": section.get("title", ""), "kind": "draw",
                        "needs": needs, "fits": len(fitting), "ok": len(fitting) >= needs and not short,
                        "missing": []})
        else:
            missing = [key for key in section.get("questions") or [] if key not in index]
            out.append({"number": number, "title": section.get("title", ""), "kind": "fixed",
                        "needs": len(section.get("questions") or []), "fits": len(section.get("questions") or []) - len(missing),
                        "ok": not missing, "missing": missing})
    return out


def preview_payload(paper: Paper, seed: int | None = None) -> dict:
    """The exam page's payload of a throw-away attempt at ``paper`` (raises ExamError when a draw cannot be
    filled). The attempt never enters the session; the request rolls back in any case (a GET)."""
    rng = random.Random(seed)
    attempt = Attempt(id=0, paper=paper, status=Attempt.STARTED, started_at=utcnow(), max_score=0.0)
    position = 0
    for section_index, version in paper_questions(paper, rng):
        section = paper.sections[section_index]
        content = version.content
        qtype = question_type(content)
        points = section.get("points_each") or qtype.max_points(content)
        order = None
        if paper.shuffle_options and content.get("options"):
            order = list(content["options"])
            rng.shuffle(order)
        position += 1
        attempt.items.append(AttemptItem(position=position, section=section_index, version=version,
                                         points=float(points), option_order=order))
    if paper.time_limit:
        from datetime import timedelta

        attempt.deadline = attempt.started_at + timedelta(minutes=paper.time_limit)
    return attempt_payload(attempt)


def exam_page(payload: dict) -> dict:
    """What the trainee's exam page shows of a payload: sections of numbered items with their options (a
    true/false item's fixed options labelled in the user's language)."""
    from flask_babel import gettext as _

    sections = [{"index": s["index"], "title": s["title"], "points": s["points"], "items": []}
                for s in payload["sections"]]
    by_index = {s["index"]: s for s in sections}
    for number, item in enumerate(sorted(payload["items"], key=lambda i: i["position"]), start=1):
        qtype = question_type(item["type"])
        options = item.get("options") or [{"value": v, "label": label, "text": _(text)}
                                          for v, label, text in qtype.fixed_options()]
        by_index[item["section"]]["items"].append(dict(item, number=number, objective=qtype.objective,
                                                       options=options))
    paper = payload["paper"]
    return {"title": paper["title"], "description": paper.get("description"), "track_focus": paper["track_focus"],
            "time_limit": paper["time_limit"], "sections": sections, "total": len(payload["items"]),
            "max_score": sum(s["points"] for s in sections)}


def paper_list() -> list[Paper]:
    return db.session.scalars(select(Paper).order_by(Paper.kind, Paper.key)).all()


TYPES = list(QUESTION_TYPES)
__all__ = ["ExamError", "TYPES", "check_definition", "definition_from_form", "draw_check", "form_values",
           "paper_list", "preview_payload", "save_paper", "set_draft"]
