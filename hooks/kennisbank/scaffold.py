"""A new, unfinished entry file for one kind, generated from its JSON Schema.

Every field is written out with a Dutch comment saying what it means. Values
the contributor still has to write are the placeholder "VUL IN"; the validator
refuses any file that still holds one (see kennisbank.placeholders), so a
template cannot be published by accident::

    text = scaffold(schema, "organisaties", "Stichting Voorbeeld", dt.date(2026, 11, 23))
    # first line: "# yaml-language-server: $schema=../schema/organisaties.schema.json"
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

from kennisbank.fields import Field
from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.placeholders import PLACEHOLDER
from kennisbank.schema import Schema

WIDTH = 100


def modeline(folder: str) -> str:
    """The first line of every entry file: editors with the YAML extension read the schema from it."""
    return f"# yaml-language-server: $schema=../schema/{folder}.schema.json"


def scaffold(schema: Schema, folder: str, title: str | None = None, today: dt.date | None = None) -> str:
    """The text of a new entry; without a title or date those are placeholders too."""
    kind = KINDS_BY_FOLDER[folder]
    lines = [
        modeline(folder),
        f"# Een {kind.singular} voor de kennisbank. Zo vul je dit bestand in:",
        f"# - Vervang elke '{PLACEHOLDER}'. Zolang die er staat, weigert de controle het bestand.",
        "# - Is een veld niet verplicht en weet je het niet? Haal dan het hele veld weg.",
        "# - Controleer daarna met: make validate",
        "# Meer uitleg staat in CONTRIBUTING.md. De regels met # mogen blijven staan.",
    ]
    for field in schema.fields[folder]:
        lines.append("")
        lines += _field(field, "", title if field.name == kind.title_field else None, today)
    return "\n".join(lines) + "\n"


def _comment(field: Field, indent: str) -> list[str]:
    need = "verplicht" if field.required else "niet verplicht"
    description = field.description.replace(f" Kies uit de lijst {field.vocabulary}.", "")
    text = f"{field.title} ({need}): {description}"
    if field.hint and field.type not in ("keuze", "keuzes", "korte_tekst", "verwijzing", "verwijzingen"):
        text += f" {field.hint}"
    if field.choices:
        text += " Kies uit: " + ", ".join(t.value for t in field.choices) + "."
    if field.type == "getal" and field.minimum is not None:
        text += f" Een getal van {field.minimum} tot en met {field.maximum}." if field.maximum is not None \
            else f" Een getal vanaf {field.minimum}."
    return textwrap.wrap(text, WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}#   ", break_on_hyphens=False)


def _field(field: Field, indent: str, value: str | None, today: dt.date | None) -> list[str]:
    lines = _comment(field, indent)
    key = f"{indent}{field.name}:"
    if field.type in ("keuzes", "verwijzingen", "teksten", "gerelateerd"):
        return lines + [key, f"{indent}  - {PLACEHOLDER}"]
    if field.type == "groep":
        lines.append(key)
        for child in field.children:
            lines += _field(child, indent + "  ", None, today)
        return lines
    if field.type == "groepen":
        lines.append(key)
        for i, child in enumerate(field.children):
            child_lines = _field(child, indent + "    ", None, today)
            if i == 0:  # the first field of the item carries the dash, its comment sits above it
                child_lines = [f"{indent}  {line.lstrip()}" if line.lstrip().startswith("#") else line
                               for line in child_lines]
                child_lines[-1] = f"{indent}  - " + child_lines[-1].lstrip()
            lines += child_lines
        return lines
    if field.type == "datum" and today and field.name in ("laatst_gecontroleerd", "geraadpleegd"):
        return lines + [f"{key} {today.isoformat()}"]
    if field.type == "tekst":
        return lines + [f"{key} >-", f"{indent}  {value or PLACEHOLDER}"]
    # JSON strings are valid YAML: a title with ':' or '#' stays one safe value.
    return lines + [f"{key} {json.dumps(value, ensure_ascii=False) if value else PLACEHOLDER}"]
