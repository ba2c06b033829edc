"""The shape every report builder returns: a sheet of columns and a stream of rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

# Number formats by column kind (XLSX); CSV writes the plain value.
TEXT, INT, SCORE, PERCENT, MINUTES, DATETIME = "text", "int", "score", "percent", "minutes", "datetime"


@dataclass
class Column:
    header: str
    kind: str = TEXT
    width: float = 10


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
