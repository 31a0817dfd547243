"""The rules of the catalogue, read once: each kind's JSON Schema, its fields and the word lists.

The schemas in catalogue/schema/ are the one definition of the fields. Which word
list a field draws from, and which kind a reference points to, is read from their
`$ref`s, so no other module writes that down again::

    schema, problems = load_schema(Path("catalogue"))
    schema.fields["organisaties"]            # (Field("naam", ...), Field("afkorting", ...), ...)
    schema.vocabulary_of("werkgebied")       # Vocabulary("werkgebieden", ...), the same in every kind
    schema.vocabulary_of("soort", "bronnen") # Vocabulary("soorten-bron", ...)
    list(schema.references("voorbeelden", data))   # [(("organisaties", 0), "organisaties", "njr"), ...]
    list(schema.new_sources("voorbeelden", data))  # [(("bronnen", 1), {"titel": ..., "uitgever": ...}), ...]
    schema.field_at("checklists", ("punten", 2, "bron"))   # Field("bron", ...)
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.fields import VOCABULARY_SCHEMA, Field, read_fields
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
    word_lists: Mapping[str, Mapping[str, str]]   # field name -> kind folder -> word list it draws from

    def kind_schema(self, folder: str) -> dict:
        return self.documents[f"{folder}.schema.json"]

    def field(self, folder: str, name: str) -> Field:
        return next(field for field in self.fields[folder] if field.name == name)

    def vocabulary_of(self, name: str, folder: str | None = None) -> Vocabulary:
        """The word list field `name` draws from; without `folder` it must be the same list in every kind."""
        found = {vocabulary for kind, vocabulary in self.word_lists.get(name, {}).items() if folder in (None, kind)}
        if len(found) != 1:
            raise KeyError(f"field {name!r} draws from {sorted(found) or 'no word list'}"
                           f"{'' if folder else ' (name a kind)'}")
        return self.vocabularies[found.pop()]

    def references(self, folder: str, data: Mapping[str, Any], path: FieldPath = ()
                   ) -> Iterator[tuple[FieldPath, str, str]]:
        """(path of the value, folder it points into, slug) for every reference in an entry of `folder`."""
        return _references(self.fields[folder], data, path)

    def new_sources(self, folder: str, data: Mapping[str, Any], path: FieldPath = ()
                    ) -> Iterator[tuple[FieldPath, Mapping[str, Any]]]:
        """(path, fields) of every source written out in full in a list of sources, instead of its file name."""
        for at, field, value in _walk(self.fields[folder], data, path):
            if field.new_fields and isinstance(value, (list, tuple)):
                for index, item in enumerate(value):
                    if isinstance(item, Mapping):
                        yield at + (index,), item

    def field_at(self, folder: str, path: FieldPath) -> Field | None:
        """The field a value at `path` belongs to (list positions skipped), or None for an unknown field."""
        field, fields = None, self.fields.get(folder, ())
        for part in path:
            if isinstance(part, int):
                continue
            field = next((f for f in fields if f.name == part), None)
            if field is None:
                return None
            fields = field.children or field.new_fields
        return field

    def is_required(self, folder: str, path: FieldPath) -> bool:
        """Whether the value at `path` must be there: its field and every field around it are required."""
        fields = self.fields.get(folder, ())
        for part in path:
            if isinstance(part, int):
                continue
            field = next((f for f in fields if f.name == part), None)
            if field is None or not field.required:
                return False
            fields = field.children or field.new_fields
        return bool(path)


def _all(fields: tuple[Field, ...]) -> Iterator[Field]:
    """The fields and the fields inside groups (the points of a checklist)."""
    for field in fields:
        yield field
        yield from _all(field.children)


def _walk(fields: tuple[Field, ...], data: Mapping[str, Any], path: FieldPath
          ) -> Iterator[tuple[FieldPath, Field, Any]]:
    """(path, field, value) of every field present in `data`, into groups and new sources."""
    for field in fields:
        if field.name not in data:
            continue
        value, at = data[field.name], path + (field.name,)
        yield at, field, value
        if field.type == "groep" and isinstance(value, Mapping):
            yield from _walk(field.children, value, at)
        elif (field.type == "groepen" or field.new_fields) and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    yield from _walk(field.children or field.new_fields, item, at + (index,))


def _references(fields: tuple[Field, ...], data: Mapping[str, Any], path: FieldPath
                ) -> Iterator[tuple[FieldPath, str, str]]:
    for at, field, value in _walk(fields, data, path):
        if field.type == "verwijzing" and isinstance(value, str):
            yield at, field.target, value
        elif field.type in ("verwijzingen", "gerelateerd") and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    folder, slug = item.partition("/")[::2] if field.type == "gerelateerd" else (field.target, item)
                    yield at + (index,), folder, slug


def load_schema(root: Path) -> tuple[Schema, list[Problem]]:
    """The schemas in root/schema and the word lists in root/vocabulaires; problems in the word lists."""
    vocabularies, problems = load_vocabularies(root)
    documents = {path.name: json.loads(path.read_text(encoding="utf-8"))
                 for path in sorted((root / SCHEMA_FOLDER).glob("*.schema.json"))}
    documents[VOCABULARY_SCHEMA] = vocabulary_schema(vocabularies)   # the lists as they are now, not as committed
    fields = {kind.folder: read_fields(documents[f"{kind.folder}.schema.json"], documents, vocabularies)
              for kind in KINDS}
    if (glossary := documents.get(f"{GLOSSARY}.schema.json")) is not None:
        fields[GLOSSARY] = read_fields(glossary["items"], documents, vocabularies)
    word_lists: dict[str, dict[str, str]] = {}   # looked up for every link on every page: made once
    for kind, kind_fields in fields.items():
        for field in _all(kind_fields):
            if field.vocabulary:
                word_lists.setdefault(field.name, {})[kind] = field.vocabulary
    return Schema(documents, vocabularies, fields, word_lists), problems
