"""Refuse entries that still hold the scaffold's placeholder "VUL IN".

A fresh file from scripts/new.py is valid YAML but unfinished. Instead of the
schema's complaints about a placeholder (not in the list, not a web address...),
the contributor gets one plain message per unfinished field::

    problems = with_placeholders(schema_problems(...), strings(data), rel, lines, required={"naam", ...})
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kennisbank.problems import Problem
from kennisbank.scaffold import PLACEHOLDER
from kennisbank.validate import _line, field_name
from kennisbank.yamlfile import FieldPath, Lines


def with_placeholders(problems: list[Problem], texts: Sequence[tuple[FieldPath, str]], rel: str, lines: Lines,
                      required: Collection[str]) -> list[Problem]:
    """`problems` with the ones about placeholders replaced by 'not filled in yet'.

    `texts` are the entry's texts as listed by safety.strings().
    """
    if not has_placeholder("\n".join(text for _, text in texts)):   # one look at the whole entry
        return problems
    found: list[Problem] = []
    for path, text in texts:
        if not text.lstrip()[:len(PLACEHOLDER)].upper() == PLACEHOLDER:
            continue
        name = field_name(path)
        needed = path[0] in required and all(isinstance(part, int) for part in path[1:])
        fix = "Dit veld is verplicht: vul het in." if needed else \
            "Vul het in, of haal het hele veld weg als je het niet weet."
        found.append(Problem(rel, _line(lines, path),
                             f"het veld '{name}' is nog niet ingevuld: er staat '{PLACEHOLDER}'. {fix}", name))
    if not found:
        return problems
    covered = {p.field for p in found}
    return found + [p for p in problems if p.field not in covered]


def has_placeholder(text: str) -> bool:
    """Whether "VUL IN" is anywhere in `text` (or in all_text of an entry), in any case."""
    return PLACEHOLDER in text.upper()
