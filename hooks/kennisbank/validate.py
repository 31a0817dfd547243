"""Check entries against their kind's JSON Schema and each other, in plain Dutch.

The schemas in catalogue/schema/ are the one definition of the fields; this
module only translates what `jsonschema` finds into messages a contributor
understands, with the line of the field and, where it can, the fix.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from slugify import slugify

from kennisbank.model import KINDS_BY_FOLDER, Entry
from kennisbank.problems import Problem, choices, closest, suggestion
from kennisbank.vocabularies import SCHEMA_FILE, Vocabulary, vocabulary_schema
from kennisbank.yamlfile import FieldPath, Lines

SCHEMA_FOLDER = "schema"
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


@dataclass(frozen=True)
class KindValidator:
    """The schema of one kind, checked twice over.

    `is_valid` is compiled Python (fastjsonschema), about 25 times faster than jsonschema;
    only an entry it refuses goes through `full` (jsonschema), which finds every error
    for the messages. jsonschema has the last word: fast and full agree on what is valid
    (tests/test_validate.py compares them).
    """

    schema: dict                       # the kind's schema as written, with its $refs
    full: Draft202012Validator
    is_valid: Callable[[Any], bool]


def load_validators(root: Path, vocabularies: Mapping[str, Vocabulary]) -> dict[str, KindValidator]:
    """One validator per kind, resolving `$ref`s to the files next to it (and the vocabularies)."""
    folder = root / SCHEMA_FOLDER
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in folder.glob("*.schema.json")}
    schemas[SCHEMA_FILE] = vocabulary_schema(dict(vocabularies))
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    validators = {}
    for kind in KINDS_BY_FOLDER:
        name = f"{kind}.schema.json"
        validators[kind] = KindValidator(
            schemas[name],
            Draft202012Validator(schemas[name], registry=registry, format_checker=FormatChecker()),
            _compile(json.dumps(inline_refs(schemas[name], name, schemas), sort_keys=True)),
        )
    return validators


def inline_refs(node: Any, base: str, schemas: Mapping[str, Any]) -> Any:
    """The schema with every `$ref` replaced by what it points to (our schemas have no cycles)."""
    if isinstance(node, list):
        return [inline_refs(item, base, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target = schemas[file or base]
        for part in filter(None, pointer.split("/")):
            target = target[part]
        siblings = {key: value for key, value in node.items() if key != "$ref"}
        return siblings | inline_refs(target, file or base, schemas)
    return {key: inline_refs(value, base, schemas) for key, value in node.items() if key not in ("$defs", "$schema")}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def _is_date(text: str) -> bool:
    """The same test as jsonschema's "date" format."""
    try:
        return bool(_DATE.fullmatch(text) and dt.date.fromisoformat(text))
    except ValueError:
        return False


@functools.lru_cache(maxsize=16)
def _compile(schema_json: str) -> Callable[[Any], bool]:
    """Compiling takes ~20 ms a schema; `mkdocs serve` rebuilds reuse the result for the same schema."""
    check = fastjsonschema.compile(json.loads(schema_json), formats={"date": _is_date}, use_default=False)

    def is_valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # noqa: BLE001 - only a shortcut: on any doubt jsonschema decides
            return False
        return True

    return is_valid


def field_name(path: Iterable[str | int]) -> str:
    """("punten", 2, "bron") -> "punten[3].bron" (people count from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def schema_problems(validator: KindValidator, data: Any, rel: str, lines: Lines) -> list[Problem]:
    if validator.is_valid(data):
        return []
    problems: list[Problem] = []
    reported: set[tuple[str | None, int | None]] = set()
    for error in validator.full.iter_errors(data):
        for problem in _translate(error, rel, lines):
            # One message per field: a bad date breaks both its pattern and its format.
            if (problem.field, problem.line) not in reported:
                reported.add((problem.field, problem.line))
                problems.append(problem)
        if len(problems) >= MAX_PROBLEMS_PER_FILE:   # a list of 10,000 wrong values: say so once
            return problems + [_more_problems(rel)]
    return problems


def _more_problems(rel: str) -> Problem:
    return Problem(rel, None, f"dit bestand heeft meer dan {MAX_PROBLEMS_PER_FILE} fouten; alleen de eerste "
                              f"staan hier. Herstel die en controleer opnieuw.")


def _line(lines: Lines, path: FieldPath) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


def _translate(error: ValidationError, rel: str, lines: Lines) -> list[Problem]:
    path = tuple(error.absolute_path)
    name = field_name(path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator

    def problem(message: str, at: FieldPath = path, field: str = name) -> Problem:
        return Problem(rel, _line(lines, at), message, field or None)

    if kind == "required":
        # A misspelled field is reported once, as unknown with "Bedoelde je ...?", not also as missing.
        known = list(schema.get("properties", {}))
        misspelled = ({closest(f, known) for f in value if f not in known}
                      if schema.get("additionalProperties") is False else set())
        missing = [f for f in error.validator_value if f not in value and f not in misspelled]
        return [problem(f"het verplichte veld '{field_name(path + (f,))}' ontbreekt. "
                        f"Voeg een regel '{f}: ...' toe.", path, field_name(path + (f,))) for f in missing]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [f for f in value if f not in allowed]
        return [problem(f"onbekend veld '{f}'.{suggestion(f, allowed)} Toegestane velden: {choices(allowed)}.",
                        path + (f,), field_name(path + (f,))) for f in extra]
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        vocabulary = schema.get("title", "")
        return [problem(f"'{value}' staat niet in de lijst {vocabulary} (veld '{name}').{suggestion(value, allowed)} "
                        f"Kies uit: {choices(allowed)}.")]
    if kind == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        hint = ""
        if error.validator_value == "array" and isinstance(value, str):
            hint = f" Zet de waarde op een nieuwe regel met '- ' ervoor, zoals:\n    {path[-1] if path else name}:\n      - {value}"
        elif error.validator_value == "string" and value is None:
            return [problem(f"het veld '{name}' is leeg. Vul een waarde in of haal het veld weg.")]
        elif error.validator_value == "string":
            hint = " Zet de waarde tussen aanhalingstekens."
        return [problem(f"het veld '{name}' moet {wanted} zijn, maar is {_type_of(value)}.{hint}")]
    if kind in ("pattern", "format"):
        return [problem(_pattern_message(name, value, schema))]
    if kind == "minItems":
        return [problem(f"de lijst '{name}' is leeg. Vul minstens één waarde in of haal het veld weg.")]
    if kind == "minLength":
        return [problem(f"het veld '{name}' is leeg. Vul een waarde in of haal het veld weg.")]
    if kind == "maxLength":
        return [problem(f"het veld '{name}' is te lang ({len(value)} tekens; hoogstens {error.validator_value}). "
                        f"Maak het korter; meer uitleg past in 'beschrijving'.")]
    if kind == "uniqueItems":
        return [problem(f"in de lijst '{name}' staat een waarde twee keer. Haal de dubbele weg.")]
    if kind in ("minimum", "maximum"):
        word = "minstens" if kind == "minimum" else "hoogstens"
        return [problem(f"het veld '{name}' moet {word} {error.validator_value} zijn, maar is {value}.")]
    if kind == "minProperties":
        return [problem(f"het veld '{name}' is leeg. Vul het in of haal het weg.")]
    return [problem(f"het veld '{name}' klopt niet: {error.message}")]


def _pattern_message(name: str, value: Any, schema: dict) -> str:
    pattern = schema.get("pattern", "")
    if pattern.startswith("^https?"):
        return (f"'{value}' in veld '{name}' is geen geldig webadres. "
                f"Een webadres begint met https:// of http://, zoals https://www.voorbeeld.nl.")
    if "format" in schema and schema.get("format") == "date":
        return f"'{value}' in veld '{name}' is geen bestaande datum. Schrijf jaar-maand-dag, zoals 2026-11-23."
    if pattern.startswith("^(organisaties"):
        return (f"'{value}' in veld '{name}' is geen verwijzing. Schrijf map/bestandsnaam, "
                f"zoals organisaties/nationale-jeugdraad.")
    return (f"'{value}' in veld '{name}' is geen geldige bestandsnaam. Gebruik alleen kleine letters, cijfers "
            f"en streepjes, zonder .yml, zoals '{slugify(str(value)) or 'naam-van-het-item'}'.")


_CLEAN_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")   # slugify() leaves these as they are


def slug_problem(rel: str, stem: str) -> Problem | None:
    if _CLEAN_SLUG.fullmatch(stem):
        return None
    expected = slugify(stem)
    if stem == expected:
        return None
    return Problem(rel, None, f"de bestandsnaam '{stem}.yml' mag alleen kleine letters, cijfers en streepjes "
                              f"bevatten. Noem het bestand '{expected or 'naam-van-het-item'}.yml'.")


def reference_problems(entries: Iterable[Entry], known: set[tuple[str, str]],
                       lines: Mapping[str, Lines]) -> list[Problem]:
    """Every reference must name an existing entry of the right kind."""
    problems = []
    for entry in entries:
        entry_lines = lines[entry.file]
        count = 0
        for name, folder, slug in entry.references():
            if (folder, slug) in known:
                continue
            count += 1
            if count > MAX_PROBLEMS_PER_FILE:
                problems.append(_more_problems(entry.file))
                break
            path = _reference_path(entry, name, folder, slug)
            candidates = [s for (f, s) in known if f == folder]
            target = f"{folder}/{slug}" if name == "gerelateerd" else slug
            problems.append(Problem(
                entry.file, _line(entry_lines, path),
                f"'{target}' in veld '{field_name(path)}' bestaat niet: er is geen bestand "
                f"catalogue/{folder}/{slug}.yml.{suggestion(slug, candidates)}",
                field_name(path),
            ))
    return problems


def _reference_path(entry: Entry, name: str, folder: str, slug: str) -> FieldPath:
    if name == "punten.bron":
        index = next(i for i, item in enumerate(entry.fields["punten"]) if item.get("bron") == slug)
        return ("punten", index, "bron")
    value = entry.fields[name]
    if isinstance(value, str):
        return (name,)
    wanted = f"{folder}/{slug}" if name == "gerelateerd" else slug
    return (name, list(value).index(wanted))
