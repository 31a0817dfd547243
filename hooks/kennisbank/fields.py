"""The fields of each kind, read from its JSON Schema, for people and forms.

The schemas in catalogue/schema/ define the fields; this module flattens them
into a list the scaffold (scripts/new.py), CONTRIBUTING.md and the form on the
site are generated from, so none of them can drift from the schema::

    for field in kind_fields(Path("catalogue"), "organisaties"):
        print(field.name, field.required, field.type)   # "naam True korte_tekst", ...
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.model import REFERENCE_FIELDS
from kennisbank.vocabularies import Term, load_vocabularies

SCHEMA_FOLDER = "schema"
VOCABULARY_SCHEMA = "vocabulaires.schema.json"
DEFINITIONS = "definities.schema.json"

# Field types, named for what a contributor fills in.
TYPE_WORDS = {
    "korte_tekst": "korte tekst op één regel",
    "tekst": "tekst, Markdown mag",
    "teksten": "lijst met teksten",
    "datum": "datum (jaar-maand-dag)",
    "url": "webadres",
    "getal": "heel getal",
    "keuze": "één waarde uit een lijst",
    "keuzes": "een of meer waarden uit een lijst",
    "verwijzing": "bestandsnaam van een ander item",
    "verwijzingen": "lijst met bestandsnamen van andere items",
    "gerelateerd": "lijst met map/bestandsnaam",
    "groep": "groep velden",
    "groepen": "lijst met groepen velden",
}


@dataclass(frozen=True)
class Field:
    name: str
    title: str
    description: str       # what the field means (the schema's own words)
    hint: str              # how to write the value (from the shared definition), may be ""
    required: bool
    type: str              # a key of TYPE_WORDS
    vocabulary: str = ""   # for keuze/keuzes: the file name in catalogue/vocabulaires
    choices: tuple[Term, ...] = ()
    target: str = ""       # for verwijzing(en): the folder the names point into
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    children: tuple[Field, ...] = ()

    @property
    def type_words(self) -> str:
        return TYPE_WORDS[self.type]

    def as_dict(self) -> dict[str, Any]:
        """Plain data for the form page (JSON)."""
        return {
            "name": self.name, "title": self.title, "description": self.description, "hint": self.hint,
            "required": self.required, "type": self.type, "vocabulary": self.vocabulary,
            "choices": [{"value": t.value, "label": t.label} for t in self.choices],
            "target": self.target, "minimum": self.minimum, "maximum": self.maximum, "max_length": self.max_length,
            "children": [child.as_dict() for child in self.children],
        }


def load_schemas(root: Path) -> dict[str, dict]:
    return {path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((root / SCHEMA_FOLDER).glob("*.schema.json"))}


def kind_schema(root: Path, folder: str) -> dict:
    return load_schemas(root)[f"{folder}.schema.json"]


def kind_fields(root: Path, folder: str) -> tuple[Field, ...]:
    """Every field of the kind stored in catalogue/<folder>/, in schema order."""
    schemas = load_schemas(root)
    vocabularies, _ = load_vocabularies(root)
    reader = _Reader(schemas[DEFINITIONS].get("$defs", {}), vocabularies)
    return reader.fields(schemas[f"{folder}.schema.json"])


def kinds_fields(root: Path, vocabularies: dict | None = None) -> dict[str, tuple[Field, ...]]:
    """kind_fields for every kind at once: reads the schemas and word lists once (exports, 5,000 entries)."""
    schemas = load_schemas(root)
    reader = _Reader(schemas[DEFINITIONS].get("$defs", {}),
                     vocabularies if vocabularies is not None else load_vocabularies(root)[0])
    return {name.removesuffix(".schema.json"): reader.fields(schema) for name, schema in schemas.items()
            if name not in (DEFINITIONS, VOCABULARY_SCHEMA)}


class _Reader:
    def __init__(self, definitions: dict, vocabularies: dict):
        self.definitions = definitions
        self.vocabularies = vocabularies

    def fields(self, schema: dict) -> tuple[Field, ...]:
        required = set(schema.get("required", ()))
        return tuple(self.field(name, spec, name in required) for name, spec in schema.get("properties", {}).items())

    def field(self, name: str, spec: dict, required: bool) -> Field:
        definition, vocabulary = self.resolve(spec)
        items = spec.get("items", {})
        item_definition, item_vocabulary = self.resolve(items) if items else ("", "")
        kind = spec.get("type", "")
        extra: dict[str, Any] = {}
        if vocabulary:
            type_ = "keuze"
        elif item_vocabulary:
            type_, vocabulary = "keuzes", item_vocabulary
        elif definition in ("bronnen", "organisaties"):
            type_, extra["target"] = "verwijzingen", definition
        elif definition == "slug":
            type_, extra["target"] = "verwijzing", REFERENCE_FIELDS.get(name, "bronnen")
        elif definition in ("tekst", "korte_tekst", "teksten", "datum", "url", "gerelateerd"):
            type_ = definition
        elif kind == "integer":
            type_, extra["minimum"], extra["maximum"] = "getal", spec.get("minimum"), spec.get("maximum")
        elif kind == "object":
            type_, extra["children"] = "groep", self.fields(spec)
        elif kind == "array" and items.get("type") == "object":
            type_, extra["children"] = "groepen", self.fields(items)
        elif kind == "string":
            type_ = "korte_tekst"
        else:
            raise ValueError(f"field '{name}': no form type for schema {spec}")
        if vocabulary:
            extra["vocabulary"] = vocabulary
            extra["choices"] = self.vocabularies[vocabulary].terms if vocabulary in self.vocabularies else ()
        shared = self.definitions.get(definition, {})
        if spec.get("maxLength") or shared.get("maxLength"):
            extra["max_length"] = spec.get("maxLength") or shared.get("maxLength")
        description = spec.get("description") or shared.get("description", "")
        hint = shared.get("description", "") if spec.get("description") else ""
        return Field(name=name, title=spec.get("title", name), description=description, hint=hint,
                     required=required, type=type_, **extra)

    @staticmethod
    def resolve(spec: dict) -> tuple[str, str]:
        """("tekst", "") for a shared definition, ("", "themas") for a vocabulary, ("", "") otherwise."""
        ref = spec.get("$ref", "")
        document, _, pointer = ref.partition("#/$defs/")
        if document == DEFINITIONS:
            return pointer, ""
        if document == VOCABULARY_SCHEMA:
            return "", pointer
        return "", ""
