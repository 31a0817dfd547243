"""The fields of a kind, read from its JSON Schema, for people, forms, pages and exports.

The schemas in catalogue/schema/ define the fields; read_fields flattens one into a
list of Field, with what a contributor fills in (the type), the word list it draws
from (from the `$ref` to vocabulaires.schema.json) and the kind a reference points
to (from the `$ref` to a shared definition)::

    schema.fields["organisaties"][0]        # Field(name="naam", required=True, type="korte_tekst", ...)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kennisbank.vocabularies import Term, Vocabulary

DEFINITIONS = "definities.schema.json"
VOCABULARY_SCHEMA = "vocabulaires.schema.json"

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

# Shared definitions that name another entry, and the folder of the entry they name.
REFERENCE_TARGETS = {"bron": "bronnen", "bronnen": "bronnen", "organisatie": "organisaties",
                     "organisaties": "organisaties"}
REFERENCE_TYPES = ("verwijzing", "verwijzingen", "gerelateerd")


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


def read_fields(schema: dict, definitions: Mapping[str, dict],
                vocabularies: Mapping[str, Vocabulary]) -> tuple[Field, ...]:
    """Every field of one kind's schema, in schema order."""
    return _Reader(definitions, vocabularies).fields(schema)


class _Reader:
    def __init__(self, definitions: Mapping[str, dict], vocabularies: Mapping[str, Vocabulary]):
        self.definitions = definitions
        self.vocabularies = vocabularies

    def fields(self, schema: dict) -> tuple[Field, ...]:
        required = set(schema.get("required", ()))
        return tuple(self.field(name, spec, name in required) for name, spec in schema.get("properties", {}).items())

    def field(self, name: str, spec: dict, required: bool) -> Field:
        definition, vocabulary = self.resolve(spec)
        items = spec.get("items", {})
        _, item_vocabulary = self.resolve(items) if items else ("", "")
        kind = spec.get("type", "")
        extra: dict[str, Any] = {}
        if vocabulary:
            type_ = "keuze"
        elif item_vocabulary:
            type_, vocabulary = "keuzes", item_vocabulary
        elif definition in REFERENCE_TARGETS:
            type_ = "verwijzingen" if self.definitions[definition].get("type") == "array" else "verwijzing"
            extra["target"] = REFERENCE_TARGETS[definition]
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
        document, _, pointer = spec.get("$ref", "").partition("#/$defs/")
        if document == DEFINITIONS:
            return pointer, ""
        if document == VOCABULARY_SCHEMA:
            return "", pointer
        return "", ""
