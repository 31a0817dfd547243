"""The rules of the catalogue, read once: each kind's JSON Schema, its fields and the word lists.

The schemas in catalogue/schema/ are the one definition of the fields. Which word
list a field draws from, and which kind a reference points to, is read from their
`$ref`s, so no other module writes that down again::

    schema, problems = load_schema(Path("catalogue"))
    schema.fields["organisaties"]            # (Field("naam", ...), Field("afkorting", ...), ...)
    schema.vocabulary_of("werkgebied")       # Vocabulary("werkgebieden", ...), the same in every kind
    schema.vocabulary_of("soort", "bronnen") # Vocabulary("soorten-bron", ...)
    list(schema.references("voorbeelden", data))   # [(("organisaties", 0), "organisaties", "njr"), ...]
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.fields import DEFINITIONS, VOCABULARY_SCHEMA, Field, read_fields
from kennisbank.kinds import KINDS
from kennisbank.problems import FieldPath, Problem
from kennisbank.vocabularies import Vocabulary, load_vocabularies, vocabulary_schema

SCHEMA_FOLDER = "schema"
GLOSSARY = "begrippen"   # catalogue/begrippen.yml, a list checked by schema/begrippen.schema.json


@dataclass(frozen=True)
class Schema:
    documents: Mapping[str, dict]             # file name -> JSON Schema; the vocabulary one made from the lists
    vocabularies: Mapping[str, Vocabulary]    # file name in catalogue/vocabulaires -> its words
    fields: Mapping[str, tuple[Field, ...]]   # kind folder (and GLOSSARY: one term) -> its fields

    def kind_schema(self, folder: str) -> dict:
        return self.documents[f"{folder}.schema.json"]

    def field(self, folder: str, name: str) -> Field:
        return next(field for field in self.fields[folder] if field.name == name)

    def vocabulary_of(self, name: str, folder: str | None = None) -> Vocabulary:
        """The word list field `name` draws from; without `folder` it must be the same list in every kind."""
        found = {field.vocabulary for kind, fields in self.fields.items() if folder in (None, kind)
                 for field in _all(fields) if field.name == name and field.vocabulary}
        if len(found) != 1:
            raise KeyError(f"field {name!r} draws from {sorted(found) or 'no word list'}"
                           f"{'' if folder else ' (name a kind)'}")
        return self.vocabularies[found.pop()]

    def references(self, folder: str, data: Mapping[str, Any], path: FieldPath = ()
                   ) -> Iterator[tuple[FieldPath, str, str]]:
        """(path of the value, folder it points into, slug) for every reference in an entry of `folder`."""
        return _references(self.fields[folder], data, path)


def _all(fields: tuple[Field, ...]) -> Iterator[Field]:
    """The fields and the fields inside groups (the points of a checklist)."""
    for field in fields:
        yield field
        yield from _all(field.children)


def _references(fields: tuple[Field, ...], data: Mapping[str, Any], path: FieldPath
                ) -> Iterator[tuple[FieldPath, str, str]]:
    for field in fields:
        value = data.get(field.name)
        at = path + (field.name,)
        if field.type == "verwijzing" and isinstance(value, str):
            yield at, field.target, value
        elif field.type in ("verwijzingen", "gerelateerd") and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    folder, slug = item.partition("/")[::2] if field.type == "gerelateerd" else (field.target, item)
                    yield at + (index,), folder, slug
        elif field.type == "groep" and isinstance(value, Mapping):
            yield from _references(field.children, value, at)
        elif field.type == "groepen" and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    yield from _references(field.children, item, at + (index,))


def load_schema(root: Path) -> tuple[Schema, list[Problem]]:
    """The schemas in root/schema and the word lists in root/vocabulaires; problems in the word lists."""
    vocabularies, problems = load_vocabularies(root)
    documents = {path.name: json.loads(path.read_text(encoding="utf-8"))
                 for path in sorted((root / SCHEMA_FOLDER).glob("*.schema.json"))}
    documents[VOCABULARY_SCHEMA] = vocabulary_schema(vocabularies)   # the lists as they are now, not as committed
    definitions = documents[DEFINITIONS].get("$defs", {})
    fields = {kind.folder: read_fields(documents[f"{kind.folder}.schema.json"], definitions, vocabularies)
              for kind in KINDS}
    if (glossary := documents.get(f"{GLOSSARY}.schema.json")) is not None:
        fields[GLOSSARY] = read_fields(glossary["items"], definitions, vocabularies)
    return Schema(documents, vocabularies, fields), problems
