"""Load a bank folder (or one file) into plain data, or raise BankError with every problem found."""
from dataclasses import dataclass, field
from pathlib import Path

from ..grading.errors import RubricError
from ..grading.messages import Message, N_, message_of
from ..grading.rubric import compile_part
from ..grading.terms import SynonymTable
from .overlaps import overlapping_questions
from .problems import BankError, Problem
from .schema import DEFAULT_PART_POINTS, Checker
from .yamlsource import line_of, plain, read_yaml

SYNONYMS_FILE = "synonyms.yaml"
TOP_LEVEL = {"questions", "papers"}


@dataclass
class Bank:
    """A validated bank: questions and papers by id (plain dicts, defaults filled in) and synonym sets."""

    questions: dict[str, dict] = field(default_factory=dict)
    papers: dict[str, dict] = field(default_factory=dict)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)  # id -> "file:line", for messages

    def case_parts(self) -> list[dict]:
        """Every case part of the bank: what a Grader should learn before grading (see ``Grader``)."""
        return [part for content in self.questions.values() if content for part in content.get("parts", [])]

    def part(self, question_id: str, part_id: str) -> dict | None:
        question = self.questions.get(question_id)
        for part in (question or {}).get("parts", []):
            if part["id"] == part_id:
                return part
        return None


def summary(content: dict) -> dict:
    """What a paper's draw and the cross-references look at."""
    found = {"type": content["type"], "topic": content.get("topic"),
             "difficulty": content.get("difficulty", 3), "tags": content.get("tags", [])}
    if content["type"] == "case":
        found["parts"] = [part["id"] for part in content.get("parts", [])]
        found["overlaps"] = overlapping_questions(content)
    return found


def with_defaults(question: dict) -> dict:
    """The stored form of a question: defaults written out, so that export and re-import are stable."""
    content = plain(question)
    content.setdefault("difficulty", 3)
    content.setdefault("tags", [])
    if content["type"] == "case":
        for part in content["parts"]:
            part.setdefault("points", DEFAULT_PART_POINTS)
    else:
        content.setdefault("points", 1)
    return content


def bank_files(path: Path) -> tuple[list[Path], Path | None]:
    """The question/paper files below ``path`` and the synonyms file that goes with them."""
    if path.is_file():
        synonyms = path.parent / SYNONYMS_FILE
        if path.name == SYNONYMS_FILE:
            return [], path
        return [path], synonyms if synonyms.exists() else None
    files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    synonyms = path / SYNONYMS_FILE
    return [p for p in files if p != synonyms], synonyms if synonyms.exists() else None


def _read(path: Path, display: str):
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 1, Message(N_("not UTF-8 text (%(reason)s at byte %(at)s)"), reason=exc.reason,
                                                  at=exc.start))]
    return read_yaml(text, display)


def load_bank(path, known_questions: dict[str, dict] | None = None, synonyms: dict | None = None) -> Bank:
    """Read and validate the bank at ``path``.

    ``known_questions`` (id -> summary) are questions already in the database that papers may name or draw
    from; ``synonyms`` are sets to use when ``path`` has no synonyms file of its own.
    """
    root = Path(path)
    if not root.exists():
        raise BankError([Problem(str(path), 1, Message(N_("no such file or folder")))])
    files, synonyms_path = bank_files(root)
    problems: list[Problem] = []
    bank = Bank(synonyms=dict(synonyms or {}))

    if synonyms_path is not None:
        display = _display(synonyms_path)
        data, found = _read(synonyms_path, display)
        problems += found
        if data is not None:
            checker = Checker(display)
            bank.synonyms = checker.synonyms(data)
            problems += checker.problems
    try:
        table = SynonymTable(bank.synonyms)
    except RubricError as exc:
        problems.append(Problem(_display(synonyms_path) if synonyms_path else str(path), 1, message_of(exc)))
        table = SynonymTable({})

    paper_entries, case_entries = [], []
    for file in files:
        display = _display(file)
        data, found = _read(file, display)
        problems += found
        if data is None:
            continue
        checker = Checker(display)
        if not isinstance(data, dict):
            checker.add(line_of(data), N_("a bank file must be a mapping with 'questions:' and/or 'papers:'"))
            problems += checker.problems
            continue
        checker.unknown_fields(data, TOP_LEVEL, Message(N_("a bank file")))
        questions = data.get("questions", [])
        if not isinstance(questions, list):
            checker.add(line_of(data, "questions"), N_("'%(key)s' must be a list"), key="questions")
            questions = []
        for question in questions:
            if question is None:
                continue  # refused while reading (a forbidden tag): already reported
            before = len(checker.problems)
            qid = checker.question(question)
            if qid is None:
                continue
            where = f"{display}:{line_of(question, 'id')}"
            if qid in bank.questions:
                checker.add(line_of(question, "id"), N_("duplicate question id '%(id)s' (first at %(where)s)"), id=qid,
                            where=bank.origins[qid])
                continue
            if len(checker.problems) == before and question["type"] == "case":
                _check_rubrics(checker, question, table)
                case_entries.append((checker, question))
            if len(checker.problems) == before:
                bank.questions[qid] = with_defaults(question)
            else:
                bank.questions[qid] = None  # known id with problems: papers may still name it
            bank.origins[qid] = where
        papers = data.get("papers", [])
        if not isinstance(papers, list):
            checker.add(line_of(data, "papers"), N_("'%(key)s' must be a list"), key="papers")
            papers = []
        paper_entries += [(checker, display, p) for p in papers if p is not None]
        problems += checker.problems
        checker.problems = []  # papers are checked below, once every question is known

    index = dict(known_questions or {})
    index.update({qid: summary(c) for qid, c in bank.questions.items() if c is not None})
    index.update({qid: {"type": None} for qid, c in bank.questions.items() if c is None})
    for checker, question in case_entries:
        checker.overlap_targets(question, index)
    for checker, display, paper in paper_entries:
        before = len(checker.problems)
        pid = checker.paper(paper, index)
        if pid is None:
            continue
        if pid in bank.papers:
            checker.add(line_of(paper, "id"), N_("duplicate paper id '%(id)s' (first at %(where)s)"), id=pid,
                        where=bank.origins["paper:" + pid])
        elif len(checker.problems) == before:
            definition = plain(paper)
            definition.setdefault("kind", "mock")
            bank.papers[pid] = definition
            bank.origins["paper:" + pid] = f"{display}:{line_of(paper, 'id')}"
    for checker, display, paper in paper_entries:
        partner = paper.get("pair") if isinstance(paper, dict) else None
        if isinstance(partner, str) and partner not in bank.papers and paper.get("id") in bank.papers:
            checker.add(line_of(paper, "pair"), N_("%(what)s: 'pair' names an unknown paper '%(id)s'"),
                        what=Message(N_("paper '%(id)s'"), id=paper.get("id")), id=partner)
    for checker in {id(c): c for c, *_ in paper_entries + case_entries}.values():
        problems += checker.problems
        checker.problems = []

    if problems:
        raise BankError(_unique(problems))
    return bank


def _check_rubrics(checker: Checker, question, table: SynonymTable) -> None:
    """The grader's own compilation catches what the schema cannot see (unknown @sets, bad terms)."""
    for part in question["parts"]:
        try:
            compile_part(plain(part), table)
        except RubricError as exc:
            what = Message(N_("%(what)s part '%(id)s'"), what=Message(N_("question '%(id)s'"), id=question["id"]),
                           id=part["id"])
            checker.add(line_of(part, "rubric"), N_("%(what)s: %(reason)s"), what=what, reason=message_of(exc))


def _display(path: Path) -> str:
    return str(path)  # as the author named it: relative paths stay relative


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
