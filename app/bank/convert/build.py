"""From the fields a converter read (a ``Draft``) to a question in the bank's shape, checked by the bank itself.

The checks here give the common mistakes a reason in Chinese, in the words of the source file (选项, 答案, 知识点);
the bank's own ``Checker`` then runs on the result, so that nothing the bank would refuse is passed on.
"""
from dataclasses import dataclass, field

from ...grading.messages import Message, N_, message_of
from ..schema import ID_RE, Checker
from . import values
from .ids import file_slug
from .result import ConversionProblem, ConversionResult, Entry


@dataclass
class Draft:
    """The raw text of one question as found in the source; every field may be empty or wrong."""

    type_text: str = ""
    stem: str = ""
    options: dict[str, str] = field(default_factory=dict)  # letter -> text, in the order found
    answer: str = ""
    explanation: str = ""
    points: str = ""
    difficulty: str = ""
    topic: str = ""
    tags: str = ""
    id: str = ""
    qtype: str | None = None  # already known (a section heading, a GIFT form); wins over type_text
    judge_answer: bool | None = None  # already known as true/false (GIFT, Excel's TRUE)
    notes: list[str] = field(default_factory=list)  # what the reader already found wrong


class Builder:
    """Collects the entries of one source file: numbers them, gives them ids, checks them."""

    def __init__(self, name: str = "import", topic: str | None = None, prefix: str | None = None):
        self.result = ConversionResult()
        self.prefix = f"import.{file_slug(name)}"
        if prefix and ID_RE.match(prefix):
            self.prefix = prefix
        elif prefix:
            self.file_problem("file", Message(N_("编号前缀“%(prefix)s”只能包含小写字母、数字、点、横线和下划线"),
                                              prefix=prefix))
        self.topic = values.clean_text(topic or "")
        self.ids: dict[str, str] = {}

    def file_problem(self, location: str, reason: str) -> None:
        self.result.file_problems.append(ConversionProblem(location, reason))

    def unreadable(self, location: str, reason: str) -> None:
        """An item that could not be read at all: listed in the preview with its reason."""
        self.result.entries.append(Entry(location, None, [ConversionProblem(location, reason)]))

    def add(self, location: str, draft: Draft) -> Entry:
        number = len(self.result.entries) + 1  # counts bad items too: fixing one keeps the others' ids
        reasons: list[str] = []
        question = build(draft, self.topic, f"{self.prefix}-{number}", reasons)
        if question is not None and not reasons:
            reasons += checker_reasons(question)
        if question is not None:
            first = self.ids.get(question["id"])
            if first is not None:
                reasons.append(Message(N_("编号“%(id)s”与%(first)s重复"), id=question["id"], first=first))
            else:
                self.ids[question["id"]] = location
        entry = Entry(location, question, [ConversionProblem(location, r) for r in reasons])
        self.result.entries.append(entry)
        return entry


def build(draft: Draft, default_topic: str, default_id: str, reasons: list[str]) -> dict | None:
    """The question made of ``draft`` (None when there is not even a stem); ``reasons`` gets what is wrong."""
    reasons.extend(draft.notes)
    stem = values.clean_text(draft.stem)
    if not stem:
        reasons.append(Message(N_("题干为空")))
        return None
    qid = values.clean_text(draft.id).lower() or default_id
    if not ID_RE.match(qid):
        reasons.append(Message(N_("编号“%(id)s”只能包含小写字母、数字、点、横线和下划线"), id=qid))
        qid = default_id
    question: dict = {"id": qid, "type": None}
    topic = values.clean_text(draft.topic) or default_topic
    if topic:
        question["topic"] = topic
    else:
        reasons.append(Message(N_("缺少知识点（填写“知识点”一栏，或导入时指定默认知识点）")))
    if draft.difficulty.strip():
        level = values.difficulty(draft.difficulty)
        if level is None:
            reasons.append(Message(N_("难度“%(value)s”看不懂（可写 1 到 5，或 易、中、难）"), value=draft.difficulty.strip()))
        else:
            question["difficulty"] = level
    tags = values.tags(values.clean_text(draft.tags))
    if tags:
        question["tags"] = tags
    question["stem"] = stem
    qtype = draft.qtype
    if qtype is None:
        try:
            qtype = values.question_type(draft.type_text)
        except values.UnknownType as exc:
            reasons.append(message_of(exc))
            return question
    options = _options(draft.options, reasons)
    qtype = _answer(question, qtype, options, draft, reasons)
    if qtype is None:
        return question
    question["type"] = qtype
    if draft.points.strip():
        value = values.points(draft.points)
        if value is None:
            reasons.append(Message(N_("分值“%(value)s”不是大于 0 的数"), value=draft.points.strip()))
        else:
            question["points"] = value
    explanation = values.clean_text(draft.explanation)
    if explanation:
        question["explanation"] = explanation
    else:
        reasons.append(Message(N_("缺少解析（题库要求每道客观题都有解析）")))
    return _ordered(question)


def _options(found: dict[str, str], reasons: list[str]) -> dict[str, str]:
    """Options by letter, trailing empty ones dropped; a gap (C empty, D written) is a mistake."""
    texts = {letter: values.clean_text(text) for letter, text in found.items()}
    options: dict[str, str] = {}
    last = max((i for i, letter in enumerate(values.LETTERS) if texts.get(letter)), default=-1)
    for letter in values.LETTERS[:last + 1]:
        if not texts.get(letter):
            reasons.append(Message(N_("选项%(letter)s为空，但后面还有选项"), letter=letter))
            continue
        options[letter] = texts[letter]
    return options


def _answer(question: dict, qtype: str | None, options: dict, draft: Draft, reasons: list[str]) -> str | None:
    """Sets ``options`` and ``answer``; returns the type (decided by the answer when the source left it open)."""
    written = values.clean_text(draft.answer)
    truth = draft.judge_answer
    if truth is None and written:
        truth = values.judge_answer(written)
    letters = values.answer_letters(written) if written else None
    if letters is None and written in options.values():  # some exports write the right option's text
        letters = [next(letter for letter, text in options.items() if text == written)]
    if qtype == "judge" or (qtype is None and truth is not None and letters is None):
        if truth is None and letters is not None and len(letters) == 1 and letters[0] in options:
            truth = values.judge_answer(options[letters[0]])  # 判断题 written as A.正确 B.错误
        if truth is None:
            reasons.append(Message(N_("判断题的答案“%(value)s”看不懂（可写 对/错、√/×、正确/错误、T/F）"), value=written)
                           if written else Message(N_("缺少答案")))
            return None
        question["answer"] = truth
        return "judge"
    if not written:
        reasons.append(Message(N_("缺少答案")))
        return None
    if letters is None:
        reasons.append(Message(N_("答案“%(value)s”不是选项字母（可写 B、ABD、A,B,D 或 A、B、D）"), value=written))
        return None
    if len(set(letters)) != len(letters):
        reasons.append(Message(N_("答案“%(value)s”中有重复的字母"), value=written))
        return None
    if len(options) < 2:
        reasons.append(Message(N_("选择题至少要有两个选项")) if options else Message(N_("缺少选项（选项A、选项B……）")))
        return None
    missing = [letter for letter in letters if letter not in options]
    if missing:
        reasons.append(Message(N_("答案中的%(missing)s不在选项中（选项为%(options)s）"), missing="、".join(missing),
                               options="、".join(options)))
        return None
    if qtype is None:
        qtype = "single" if len(letters) == 1 else "multiple"
    if qtype == "single" and len(letters) != 1:
        reasons.append(Message(N_("单选题只能有一个答案，写的是“%(value)s”"), value=written))
        return None
    if qtype == "multiple" and len(letters) < 2:
        reasons.append(Message(N_("多选题要有两个或更多正确答案，写的是“%(value)s”"), value=written))
        return None
    question["options"] = options
    question["answer"] = letters[0] if qtype == "single" else sorted(letters)
    return qtype


_FIELD_ORDER = ("id", "type", "topic", "difficulty", "tags", "stem", "options", "answer", "points", "explanation")


def _ordered(question: dict) -> dict:
    """Fields in the order the bank's own files use, so that the YAML reads the same."""
    return {key: question[key] for key in _FIELD_ORDER if key in question}


def checker_reasons(question: dict) -> list[str]:
    """What the bank's own validation says about ``question`` (the last word: nothing it refuses gets through)."""
    checker = Checker("import")
    checker.question(question)
    # the converters speak Chinese (the words of the source file); the English pages translate this one too
    return [Message(N_("题库校验未通过：%(message)s"), message=p.message) for p in checker.problems]
