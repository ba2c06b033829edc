"""The shape every report builder returns: a sheet of columns and a stream of rows."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable

# Number formats by column kind (XLSX); CSV writes the plain value.
TEXT, INT, SCORE, PERCENT, MINUTES, DATETIME = "text", "int", "score", "percent", "minutes", "datetime"


@dataclass
class Column:
    header: str
    kind: str = TEXT
    width: float = 10  # at least; a longer heading widens it (xlsx.heading_width)


def display_width(text: str) -> int:
    """Columns of a spreadsheet's default font that ``text`` takes: a Chinese (wide) character two, others one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass
class Sheet:
    """One sheet: ``rows`` is iterated once, lazily (a generator), so it may be as long as it likes.
    ``rows_factory`` instead defers even building the iterator until the sheet is written (a summary that
    depends on an earlier sheet's rows)."""

    name: str
    columns: list[Column]
    rows: Iterable[list] | None = None
    rows_factory: Callable[[], Iterable[list]] | None = None
    meta: dict = field(default_factory=dict)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def iter_rows(self) -> Iterable[list]:
        return self.rows_factory() if self.rows_factory is not None else (self.rows or [])
