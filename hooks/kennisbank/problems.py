"""Problems found in the catalogue, reported as `file:line: message` in plain Dutch."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One mistake in one file. `line` is 1-based, or None when the file has no lines."""

    file: str
    line: int | None
    message: str
    field: str | None = None
    warning: bool = False

    def _key(self) -> tuple:
        # A problem without a line (about the whole file) comes first; None and int don't compare.
        return (self.file, self.line or 0, self.message, self.field or "", self.warning)

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {'waarschuwing: ' if self.warning else ''}{self.message}"


class CatalogueError(Exception):
    """The catalogue has errors; `problems` holds every one of them, sorted."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} fout(en) in de catalogus")


def closest(value: object, allowed: Iterable[str]) -> str | None:
    """The allowed value `value` is most likely a misspelling of, if any is close."""
    if not isinstance(value, str):
        return None
    close = difflib.get_close_matches(value.lower(), list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


def suggestion(value: object, allowed: Iterable[str]) -> str:
    """' Bedoelde je 'x'?' for the closest allowed value, or '' when none is close."""
    close = closest(value, allowed)
    return f" Bedoelde je '{close}'?" if close else ""


def choices(allowed: Iterable[str]) -> str:
    return ", ".join(allowed)
