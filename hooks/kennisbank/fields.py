"""The fields of a kind, read from its JSON Schema, for people, forms, pages and exports.

The schemas in catalogue/schema/ define the fields; read_fields flattens one into a
list of Field, with what a contributor fills in (the type), the word list it draws
from (from the `$ref` to vocabulaires.schema.json) and the kind a reference points
to (from the `$ref` to a shared definition). A list of sources may also hold a new source
written out in full; its fields (`new_fields`) are the source schema's own, by `$ref`::

    schema.fields["organisaties"][0]        # Field(name="naam", required=True, type="korte_tekst", ...)
    schema.field("organisaties", "bronnen").new_fields[0]   # Field(name="titel", ...) of bronnen.schema.json
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
# Shared definitions of a date that cannot lie in the future (a check, a visit): type "datum", past_only.
PAST_DATES = ("datum_geweest",)


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
    pattern: str = ""      # for korte_tekst, datum, url: the regular expression the value must match
    past_only: bool = False   # for datum: not after today
    children: tuple[Field, ...] = ()
    new_fields: tuple[Field, ...] = ()   # for a list of sources: the fields of a new source written out in full

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
            "pattern": self.pattern, "past_only": self.past_only,
            "children": [child.as_dict() for child in self.children],
            "new_fields": [child.as_dict() for child in self.new_fields],
        }


def read_fields(schema: dict, documents: Mapping[str, dict],
                vocabularies: Mapping[str, Vocabulary]) -> tuple[Field, ...]:
    """Every field of one kind's schema, in schema order; `documents` are all schemas by file name."""
    return _Reader(documents, vocabularies).fields(schema)


class _Reader:
    def __init__(self, documents: Mapping[str, dict], vocabularies: Mapping[str, Vocabulary]):
        self.documents = documents
        self.definitions = documents[DEFINITIONS].get("$defs", {})
        self.vocabularies = vocabularies

    def fields(self, schema: dict) -> tuple[Field, ...]:
        required = set(schema.get("required", ()))
        return tuple(self.field(name, spec, name in required) for name, spec in schema.get("properties", {}).items())

    def field(self, name: str, spec: dict, required: bool) -> Field:
        document, _, pointer = spec.get("$ref", "").partition("#/properties/")
        if pointer and document in self.documents:   # a field of another kind's schema, as it is there
            return self.field(name, self.documents[document]["properties"][pointer], required)
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
            extra["new_fields"] = self.new_fields(self.definitions[definition].get("items", {}))
        elif definition in ("tekst", "korte_tekst", "teksten", "datum", "url", "gerelateerd"):
            type_ = definition
        elif definition in PAST_DATES:
            type_, extra["past_only"] = "datum", True
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
        if type_ in ("korte_tekst", "datum", "url"):
            extra["pattern"] = spec.get("pattern") or self.pattern(definition)
        description = spec.get("description") or shared.get("description", "")
        hint = shared.get("description", "") if spec.get("description") else ""
        return Field(name=name, title=spec.get("title", name), description=description, hint=hint,
                     required=required, type=type_, **extra)

    def pattern(self, definition: str) -> str:
        """The pattern of a shared definition, following its `$ref`s within the definitions."""
        spec = self.definitions.get(definition, {})
        while "pattern" not in spec and spec.get("$ref", "").startswith("#/$defs/"):
            spec = self.definitions[spec["$ref"].removeprefix("#/$defs/")]
        return spec.get("pattern", "")

    def new_fields(self, items: dict) -> tuple[Field, ...]:
        """The fields of a new source, when a list of references may hold one ({"anyOf": [slug, object]})."""
        for option in items.get("anyOf", ()):
            definition, _ = self.resolve(option)
            if self.definitions.get(definition, {}).get("type") == "object":
                return self.fields(self.definitions[definition])
        return ()

    @staticmethod
    def resolve(spec: dict) -> tuple[str, str]:
        """("tekst", "") for a shared definition, ("", "themas") for a vocabulary, ("", "") otherwise."""
        document, _, pointer = spec.get("$ref", "").partition("#/$defs/")
        if document in (DEFINITIONS, "") and pointer:
            return pointer, ""
        if document == VOCABULARY_SCHEMA:
            return "", pointer
        return "", ""
