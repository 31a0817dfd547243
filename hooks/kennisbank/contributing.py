"""The generated part of CONTRIBUTING.md: every field of every kind, the lists of values, and a
template to copy, all from the schemas and word lists.

Only the text between the two marker comments is ours; the rest of CONTRIBUTING.md is
written by hand::

    text = CONTRIBUTING.read_text()
    new = replace_generated(text, field_reference(schema, today))
"""

from __future__ import annotations

from kennisbank.kinds import KINDS
from kennisbank.placeholders import PLACEHOLDER
from kennisbank.scaffold import scaffold
from kennisbank.schema import Schema
from kennisbank.templates import environment

BEGIN = "<!-- BEGIN VELDEN: gemaakt door 'kennisbank bijwerken' uit catalogue/schema; niet met de hand wijzigen -->"
END = "<!-- EINDE VELDEN -->"


class MarkersMissing(ValueError):
    """The file lacks the BEGIN/END marker comments (or has them in the wrong order)."""


def field_reference(schema: Schema) -> str:
    kinds = [(kind, schema.fields[kind.folder], scaffold(schema, kind.folder)) for kind in KINDS]
    return environment().get_template("contributing_fields.md.j2").render(
        kinds=kinds, vocabularies=sorted(schema.vocabularies.values(), key=lambda v: v.name), placeholder=PLACEHOLDER)


def replace_generated(text: str, generated: str) -> str:
    start = text.find(BEGIN.split(":")[0])
    end = text.find(END)
    if start < 0 or end < start:
        raise MarkersMissing(f"markers {BEGIN!r} ... {END!r} not found")
    return text[:start] + BEGIN + "\n" + generated.strip("\n") + "\n" + text[end:]
