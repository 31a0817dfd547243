"""Check an entry against its kind's JSON Schema, its file name and its references, in plain Dutch.

The schemas are the one definition of the fields; this module only translates what
`jsonschema` finds into problems with a code, the line of the field and, where it
can, the fix::

    validators = Validators(schema)
    problems = validators.problems("organisaties", data, "catalogue/organisaties/njr.yml", lines)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Container, Iterable
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from slugify import slugify

from kennisbank.kinds import KINDS
from kennisbank.problems import FieldPath, Problem, choices, closest, field_name, problem, suggestion
from kennisbank.schema import GLOSSARY, Schema
from kennisbank.yamlfile import Lines, line_of

MAX_PROBLEMS_PER_FILE = 20

_TYPE_WORDS = {
    "string": "een tekst",
    "array": "een lijst (regels die beginnen met '- ')",
    "object": "een groep velden (naam: waarde)",
    "integer": "een heel getal",
    "number": "een getal",
    "boolean": "ja of nee (true of false)",
    "null": "leeg",
}


def _type_of(value: Any) -> str:
    for name, kind in (("boolean", bool), ("integer", int), ("number", float), ("string", str),
                       ("array", list), ("object", dict)):
        if isinstance(value, kind):
            return _TYPE_WORDS[name]
    return "leeg"


class Validators:
    """One jsonschema validator per kind (and for the glossary), its `$ref`s resolved once.

    Speed-up (the only one in validation): a schema compiled to Python by fastjsonschema
    says whether an entry is valid; only the entries it refuses go through jsonschema,
    which finds every error for the messages. `make bench`: validating 5,000 entries
    takes about half the time (jsonschema alone costs ~2.5 s of ~4.5 s there).
    jsonschema has the last word; tests/test_validate.py checks the two agree.
    """

    def __init__(self, schema: Schema):
        self.full: dict[str, Draft202012Validator] = {}
        self.quick: dict[str, Callable[[Any], bool]] = {}
        for folder in [kind.folder for kind in KINDS] + [GLOSSARY]:
            name = f"{folder}.schema.json"
            if name in schema.documents:
                inlined = inline_refs(schema.documents[name], name, schema.documents)
                self.full[folder] = Draft202012Validator(inlined, format_checker=FormatChecker())
                self.quick[folder] = _compile(inlined)

    def problems(self, folder: str, data: Any, rel: str, lines: Lines) -> list[Problem]:
        if self.quick[folder](data):
            return []
        found: list[Problem] = []
        reported: set[tuple[FieldPath, int | None]] = set()
        for error in self.full[folder].iter_errors(data):
            for item in _translate(error, rel, lines):
                # One message per field: a bad date breaks both its pattern and its format.
                if (item.path, item.line) not in reported:
                    reported.add((item.path, item.line))
                    found.append(item)
            if len(found) >= MAX_PROBLEMS_PER_FILE:   # a list of 10,000 wrong values: say so once
                return found + [problem("te-veel-fouten", rel, None, limit=MAX_PROBLEMS_PER_FILE)]
        return found


def inline_refs(node: Any, base: str, documents: dict[str, Any]) -> Any:
    """The schema with every `$ref` replaced by what it points to (our schemas have no cycles)."""
    if isinstance(node, list):
        return [inline_refs(item, base, documents) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target = documents[file or base]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return siblings | inline_refs(target, file or base, documents)
    return {key: inline_refs(value, base, documents) for key, value in node.items() if key not in ("$defs", "$schema")}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(text: str) -> bool:
    """The same test as jsonschema's "date" format."""
    try:
        return bool(_DATE.fullmatch(text) and dt.date.fromisoformat(text))
    except ValueError:
        return False


def _compile(schema: dict) -> Callable[[Any], bool]:
    check = fastjsonschema.compile(json.loads(json.dumps(schema)), formats={"date": _is_date}, use_default=False)

    def is_valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # noqa: BLE001 - only a shortcut: on any doubt jsonschema decides
            return False
        return True

    return is_valid


def _translate(error: ValidationError, rel: str, lines: Lines) -> list[Problem]:
    path = tuple(error.absolute_path)
    field = field_name(path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator

    def at(code: str, where: FieldPath = path, **params: object) -> Problem:
        return problem(code, rel, line_of(lines, where), where, field=field_name(where), **params)

    if kind == "required":
        # A misspelled field is reported once, as unknown with "Bedoelde je ...?", not also as missing.
        known = list(schema.get("properties", {}))
        misspelled = ({near for f in value if f not in known if (near := closest(f, known))}
                      if schema.get("additionalProperties") is False else set())
        missing = [f for f in error.validator_value if f not in value and f not in misspelled]
        return [problem("verplicht-veld", rel, line_of(lines, path), path + (f,), field=field_name(path + (f,)),
                        name=f) for f in missing]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        return [at("onbekend-veld", path + (f,), name=f, suggestion=suggestion(f, allowed), allowed=choices(allowed))
                for f in value if f not in allowed]
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        return [at("niet-in-lijst", value=value, vocabulary=schema.get("title", ""),
                   suggestion=suggestion(value, allowed), allowed=choices(allowed))]
    if kind == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        if error.validator_value == "array" and isinstance(value, str):
            return [at("geen-lijst", wanted=wanted, actual=_type_of(value), name=path[-1] if path else field,
                       value=value)]
        if error.validator_value == "string" and value is None:
            return [at("leeg-veld")]
        if error.validator_value == "string":
            return [at("geen-tekst", wanted=wanted, actual=_type_of(value))]
        return [at("verkeerd-soort", wanted=wanted, actual=_type_of(value))]
    if kind in ("pattern", "format"):
        return [at(_pattern_code(schema), value=value, example=slugify(str(value)) or "naam-van-het-item")]
    simple = {"minItems": "lege-lijst", "minLength": "leeg-veld", "uniqueItems": "dubbele-waarde",
              "minProperties": "lege-groep"}
    if kind in simple:
        return [at(simple[kind])]
    if kind == "maxLength":
        return [at("te-lang", length=len(value), limit=error.validator_value)]
    if kind in ("minimum", "maximum"):
        return [at("te-klein" if kind == "minimum" else "te-groot-getal", limit=error.validator_value, value=value)]
    return [at("klopt-niet", detail=error.message)]


def _pattern_code(schema: dict) -> str:
    pattern = schema.get("pattern", "")
    if pattern.startswith("^https?"):
        return "geen-webadres"
    if schema.get("format") == "date":
        return "geen-datum"
    if pattern.startswith("^(organisaties"):
        return "geen-verwijzing"
    return "geen-bestandsnaam"


_CLEAN_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")   # slugify() leaves these as they are


def slug_problem(rel: str, stem: str) -> Problem | None:
    if _CLEAN_SLUG.fullmatch(stem) or stem == (expected := slugify(stem)):
        return None
    return problem("bestandsnaam", rel, None, stem=stem, expected=expected or "naam-van-het-item")


def reference_problems(references: Iterable[tuple[FieldPath, str, str]], known: Container[tuple[str, str]],
                       candidates: dict[str, list[str]], rel: str, lines: Lines,
                       skip: Callable[[FieldPath], bool] = lambda path: False) -> list[Problem]:
    """Every reference must name an existing entry of the right kind; `skip` passes over fields with errors."""
    found = []
    for path, folder, slug in references:
        if (folder, slug) in known or skip(path) or not _CLEAN_SLUG.fullmatch(slug):
            continue   # a malformed name is already a schema problem
        if len(found) == MAX_PROBLEMS_PER_FILE:
            return found + [problem("te-veel-fouten", rel, None, limit=MAX_PROBLEMS_PER_FILE)]
        found.append(problem("bestaat-niet", rel, line_of(lines, path), path, field=field_name(path),
                             target=f"{folder}/{slug}" if path[0] == "gerelateerd" else slug, folder=folder,
                             slug=slug, suggestion=suggestion(slug, candidates.get(folder, ()))))
    return found
