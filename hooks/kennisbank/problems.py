"""Problems found in the catalogue: a stable code, the file and line, and a Dutch message.

Every problem is made by :func:`problem`, which takes its text from kennisbank.messages,
so tests can assert the code, file and line while the wording lives in one place::

    problem("onbekend-veld", "catalogue/organisaties/njr.yml", 4, ("beschrijvng",),
            name="beschrijvng", suggestion=" Bedoelde je 'beschrijving'?", allowed="naam, ...")
    str(_)   # "catalogue/organisaties/njr.yml:4: onbekend veld 'beschrijvng'. Bedoelde je ..."
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from kennisbank.messages import ITEM_WORDS, ORDINALS, WARNINGS, text

FieldPath = tuple[str | int, ...]
Finding = tuple[str, dict[str, object]]   # what a text check found: (message code, the facts for its text)


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One mistake in one file. `line` is 1-based, or None when the problem is about the whole file."""

    file: str
    line: int | None
    code: str                   # a key of kennisbank.messages.MESSAGES, e.g. "onbekend-veld"
    message: str
    path: FieldPath = ()        # the field it is about, e.g. ("punten", 2, "bron"); () for the file

    @property
    def warning(self) -> bool:
        """Warnings (e.g. what looks like personal data) are printed, but do not stop the build."""
        return self.code in WARNINGS

    def _key(self) -> tuple:
        # A problem without a line (about the whole file) comes first; None and int don't compare.
        return (self.file, self.line or 0, self.message, self.code)

    def __lt__(self, other: Problem) -> bool:
        return self._key() < other._key()

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {'waarschuwing: ' if self.warning else ''}{self.message}"


def problem(code: str, file: str, line: int | None, path: FieldPath = (), **params: object) -> Problem:
    """A Problem with the Dutch text of `code`, filled in with `params`.

    A message names its field as {field}: the field at `path` in words (field_words), unless
    the caller gives `field` itself.
    """
    if path and "field" not in params:
        params["field"] = field_words(path)
    return Problem(file, line, code, text(code, **params), path)


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
    return text("bedoelde-je", value=close) if close else ""


def choices(allowed: Iterable[str]) -> str:
    return ", ".join(allowed)


def field_name(path: Iterable[str | int]) -> str:
    """("punten", 2, "bron") -> "punten[3].bron" (people count from 1): the field for tools (JSON output)."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def ordinal(index: int) -> str:
    """0 -> "eerste", 1 -> "tweede", ... 24 -> "25e"."""
    return ORDINALS[index] if index < len(ORDINALS) else f"{index + 1}e"


def field_words(path: Iterable[str | int]) -> str:
    """The field at `path` as people say it, for messages.

        ("naam",)                 -> "het veld 'naam'"
        ("leeftijd", "van")       -> "het veld 'leeftijd: van'"
        ("themas", 1)             -> "het tweede thema"
        ("punten", 2, "bron")     -> "het veld 'bron' bij het derde punt"
        (0, "bronnen", 1)         -> "de tweede bron bij het eerste begrip"   (the glossary is a list)
    """
    parts = list(path)
    steps: list[str] = []       # from the outside in: "het derde punt", "het veld 'bron'"
    names: list[str] = []       # field names in a row, as in "leeftijd: van"
    for at, part in enumerate(parts):
        if isinstance(part, int):
            continue
        following = parts[at + 1] if at + 1 < len(parts) else None
        if isinstance(following, int):
            if names:
                steps.append(f"het veld '{': '.join(names)}'")
                names = []
            words = ITEM_WORDS.get(part, "de {n} waarde bij '" + part + "'")
            steps.append(words.format(n=ordinal(following)))
        else:
            names.append(part)
    if names:
        steps.append(f"het veld '{': '.join(names)}'")
    if parts and isinstance(parts[0], int):      # an item of a file that is a list (the glossary)
        steps.insert(0, ITEM_WORDS[None].format(n=ordinal(parts[0])))
    return " bij ".join(reversed(steps))
