"""Refuse entries that still hold the placeholder "VUL IN" of a new file (kennisbank.scaffold).

A fresh file from `kennisbank nieuw` is valid YAML but unfinished. Instead of the
schema's complaints about a placeholder (not in the list, not a web address...),
the contributor gets one plain message per unfinished field::

    problems = with_placeholders(schema_problems, strings(data), rel, lines, is_required)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kennisbank.problems import FieldPath, Problem, problem
from kennisbank.yamlfile import Lines, line_of

PLACEHOLDER = "VUL IN"


def with_placeholders(problems: list[Problem], texts: Sequence[tuple[FieldPath, str]], rel: str, lines: Lines,
                      is_required: Callable[[FieldPath], bool]) -> list[Problem]:
    """`problems` with the ones about placeholders replaced by 'not filled in yet'.

    `texts` are the entry's texts as listed by yamlfile.strings(); `is_required(path)` says whether
    the field must be filled in (Schema.is_required).
    """
    found: list[Problem] = []
    for path, text in texts:
        if text.lstrip()[:len(PLACEHOLDER)].upper() != PLACEHOLDER:
            continue
        found.append(problem("niet-ingevuld-verplicht" if is_required(path) else "niet-ingevuld", rel,
                             line_of(lines, path), path, placeholder=PLACEHOLDER))
    covered = {p.path for p in found}
    return found + [p for p in problems if p.path not in covered]
