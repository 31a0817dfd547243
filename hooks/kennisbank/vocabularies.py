"""Controlled vocabularies: the lists of allowed values kept as data in catalogue/vocabulaires/.

Each file is a list of terms (`waarde`, `label`, optional `uitleg`). The schemas
point at them as `vocabulaires.schema.json#/$defs/<file name>`; that schema is
built here from the data, so the YAML files are the only place a value is defined::

    vocabularies, problems = load_vocabularies(Path("catalogue"))
    vocabularies["themas"].label("ouderperspectief")   # -> "Het perspectief van ouders"
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kennisbank.problems import Problem, problem
from kennisbank.yamlfile import read_yaml

FOLDER = "vocabulaires"
SCHEMA_FILE = "vocabulaires.schema.json"


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    explanation: str = ""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: tuple[Term, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(term.value for term in self.terms)

    def label(self, value: str) -> str:
        return next((term.label for term in self.terms if term.value == value), value)

    def term(self, value: str) -> Term:
        return next(term for term in self.terms if term.value == value)


def load_vocabularies(root: Path) -> tuple[dict[str, Vocabulary], list[Problem]]:
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    for path in sorted((root / FOLDER).glob("*.yml")):
        rel = path.relative_to(root.parent).as_posix()
        data, lines, found = read_yaml(path, rel)
        problems += found
        if found:
            continue
        if not isinstance(data, list):
            problems.append(problem("woordenlijst-geen-lijst", rel, 1))
            continue
        terms = []
        for i, item in enumerate(data):
            line = lines.get((i,))
            if not (isinstance(item, dict) and isinstance(item.get("waarde"), str)
                    and isinstance(item.get("label"), str) and set(item) <= {"waarde", "label", "uitleg"}):
                problems.append(problem("woordenlijst-woord", rel, line))
                continue
            if item["waarde"] in {t.value for t in terms}:
                problems.append(problem("woordenlijst-dubbel", rel, line, value=item["waarde"]))
                continue
            terms.append(Term(item["waarde"], item["label"], str(item.get("uitleg", ""))))
        vocabularies[path.stem] = Vocabulary(path.stem, tuple(terms))
    return vocabularies, problems


def vocabulary_schema(vocabularies: dict[str, Vocabulary]) -> dict:
    """The JSON Schema the kind schemas refer to; committed for editors, checked by a test."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Lijsten met toegestane waarden",
        "description": "Gemaakt uit catalogue/vocabulaires/*.yml door kennisbank bijwerken. Niet met de hand wijzigen.",
        "$defs": {
            name: {
                "title": name,
                "type": "string",
                "enum": list(vocabulary.values),
                "description": "; ".join(f"{t.value}: {t.label}" for t in vocabulary.terms),
            }
            for name, vocabulary in sorted(vocabularies.items())
        },
    }


def vocabulary_schema_text(vocabularies: dict[str, Vocabulary]) -> str:
    return json.dumps(vocabulary_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
