"""The generated part of CONTRIBUTING.md: every field of every kind, the lists of values, and a
template to copy, all from the schemas and vocabularies.

Only the text between the two marker comments is ours; the rest of CONTRIBUTING.md is
written by hand::

    text = CONTRIBUTING.read_text()
    new = replace_generated(text, field_reference(Path("catalogue")))
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from kennisbank.fields import kind_fields
from kennisbank.model import KINDS
from kennisbank.scaffold import PLACEHOLDER, scaffold
from kennisbank.vocabularies import load_vocabularies

TEMPLATES = Path(__file__).parent / "templates"
BEGIN = "<!-- BEGIN VELDEN: gemaakt door scripts/contributing.py uit catalogue/schema; niet met de hand wijzigen -->"
END = "<!-- EINDE VELDEN -->"


class MarkersMissing(ValueError):
    """The file lacks the BEGIN/END marker comments (or has them in the wrong order)."""


def field_reference(root: Path) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, autoescape=False)
    vocabularies, _ = load_vocabularies(root)
    kinds = [(kind, kind_fields(root, kind.folder), scaffold(root, kind.folder)) for kind in KINDS]
    return env.get_template("contributing_fields.md.j2").render(
        kinds=kinds, vocabularies=sorted(vocabularies.values(), key=lambda v: v.name), placeholder=PLACEHOLDER)


def replace_generated(text: str, generated: str) -> str:
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise MarkersMissing(f"markers {BEGIN!r} ... {END!r} not found")
    return text[: start + len(BEGIN)] + "\n" + generated.strip("\n") + "\n" + text[end:]
