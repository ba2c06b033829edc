"""What a converter returns: every item it found, each with where it came from and what is wrong with it."""
from dataclasses import dataclass, field

from ...grading.messages import Message, N_


def row(number: int) -> Message:
    """Where an item was found, as a Message that the pages translate (its text stays ``row 3``)."""
    return Message(N_("row %(n)s"), n=number)


def line(number: int) -> Message:
    return Message(N_("line %(n)s"), n=number)


def paragraph(number: int) -> Message:
    return Message(N_("paragraph %(n)s"), n=number)


def table(number: int) -> Message:
    return Message(N_("table %(n)s"), n=number)


def sheet(title: str) -> Message:
    return Message(N_("工作表“%(sheet)s”"), sheet=title)


def within(where: Message | None, location: Message) -> Message:
    """``location`` inside a table or a sheet (``table 1 row 3``), or alone when ``where`` is None."""
    return location if where is None else Message(N_("%(where)s %(location)s"), where=where, location=location)


@dataclass(frozen=True)
class ConversionProblem:
    """Why one row, paragraph or line could not become a question; ``location`` is ``row 3``, ``paragraph 12``..."""

    location: str  # "file", or a Message made by row(), line(), paragraph(), within()
    reason: str  # a Message (a template marked N_ and its values), translated where it is shown

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass
class Entry:
    """One item of the source: the question made of it (None if nothing could be made) and its problems."""

    location: str
    question: dict | None
    problems: list[ConversionProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.question is not None and not self.problems


@dataclass
class ConversionResult:
    """``entries`` in source order (what a row-by-row preview shows); ``problems`` also holds file-level ones."""

    entries: list[Entry] = field(default_factory=list)
    file_problems: list[ConversionProblem] = field(default_factory=list)

    @property
    def questions(self) -> list[dict]:
        """The questions that passed every check, in the bank's YAML shape."""
        return [entry.question for entry in self.entries if entry.ok]

    @property
    def problems(self) -> list[ConversionProblem]:
        return self.file_problems + [p for entry in self.entries for p in entry.problems]

    @property
    def ok(self) -> bool:
        return not self.problems
