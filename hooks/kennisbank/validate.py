"""Check an entry against its kind's JSON Schema, its file name and its references, in plain Dutch.

The schemas are the one definition of the fields; this module only translates what
`jsonschema` finds into problems with a code, the line of the field and, where it
can, the fix::

    validators = Validators(schema)
    problems = validators.problems("organisaties", data, "catalogue/organisaties/njr.yml", lines)
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from slugify import slugify

from kennisbank.advice import (best_value, date_advice, integer_advice, invisible_finding, list_example, list_items,
                               new_source_example, quoted_line, reference_advice, related_advice, split_line,
                               url_advice)
from kennisbank.kinds import KINDS, KINDS_BY_FOLDER
from kennisbank.problems import FieldPath, Finding, Problem, choices, closest, field_words, problem, suggestion
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

    def problems(self, folder: str, data: Any, rel: str, lines: Lines, context: Context | None = None,
                 prefix: FieldPath = ()) -> list[Problem]:
        """The problems of `data` as an entry of `folder`; `prefix` is where `data` sits in its file."""
        if self.quick[folder](data):
            return []
        context = context or Context()
        found: list[Problem] = []
        reported: set[tuple[FieldPath, int | None]] = set()
        for error in self.full[folder].iter_errors(data):
            for item in _translate(error, rel, lines, context, prefix):
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
    return _compiled(json.dumps(schema, sort_keys=True))


@functools.lru_cache(maxsize=32)
def _compiled(schema_json: str) -> Callable[[Any], bool]:
    """Compiled once per schema text: compiling costs ~0.2 s per catalogue, and `mkdocs serve` and the
    tests load the same schemas again and again."""
    check = fastjsonschema.compile(json.loads(schema_json), formats={"date": _is_date}, use_default=False)

    def is_valid(data: Any) -> bool:
        try:
            check(data)
        except Exception:  # noqa: BLE001 - only a shortcut: on any doubt jsonschema decides
            return False
        return True

    return is_valid


@dataclass(frozen=True)
class Context:
    """What the advice in a message needs beyond the error: the file's text, the catalogue's names, today.

    `slugs` lists the file names per folder; `find_url(folder, url)` names the entry of that folder
    with that web address, if there is one. Without a Context the messages still say what is wrong.
    """

    schema: Schema | None = None
    folder: str = ""
    source: tuple[str, ...] = ()
    slugs: Mapping[str, Sequence[str]] = field(default_factory=dict)
    find_url: Callable[[str, str], str | None] = lambda folder, url: None
    today: dt.date = field(default_factory=dt.date.today)

    def line(self, number: int | None) -> str:
        return self.source[number - 1] if number and number <= len(self.source) else ""

    def required(self, path: FieldPath) -> bool:
        return self.schema is not None and self.schema.is_required(self.folder, path)


def _translate(error: ValidationError, rel: str, lines: Lines, context: Context, prefix: FieldPath = ()
               ) -> list[Problem]:
    path = prefix + tuple(error.absolute_path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    line = line_of(lines, path)
    text = context.line(line)
    name = next((part for part in reversed(path) if isinstance(part, str)), "")

    def at(code: str, at_path: FieldPath = path, **params: object) -> Problem:
        return problem(code, rel, line_of(lines, at_path), at_path, **params)

    def found(finding: Finding, **params: object) -> list[Problem]:
        code, facts = finding
        return [at(code, **params, **facts)]

    if kind in ("anyOf", "oneOf"):   # a source: a file name or a new source written out; judge by what it is
        return [item for sub in _branch_errors(error) for item in _translate(sub, rel, lines, context, prefix)]
    if isinstance(value, str) and kind in ("enum", "pattern", "format") and (hidden := invisible_finding(value, text)):
        return found(hidden)
    if kind == "required":
        # A misspelled field is reported once, as unknown with "Bedoelde je ...?", not also as missing.
        known = list(schema.get("properties", {}))
        misspelled = ({near for f in value if f not in known if (near := closest(f, known))}
                      if schema.get("additionalProperties") is False else set())
        missing = [f for f in error.validator_value if f not in value and f not in misspelled]
        return [at("bronnen-ontbreekt" if path + (f,) == ("bronnen",) else "verplicht-veld", path + (f,), name=f,
                   new_source=_new_source_example(context, "")) for f in missing]
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        where = f" bij {field_words(path)}" if path else ""
        return [at("onbekend-veld", path + (f,), name=f, where=where, suggestion=suggestion(f, allowed),
                   allowed=choices(allowed)) for f in value if f not in allowed]
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        return [at("niet-in-lijst", value=value, vocabulary=schema.get("title", ""),
                   suggestion=suggestion(value, allowed), allowed=choices(allowed))]
    if kind == "type":
        return _type_problem(error, path, text, context, at)
    if kind in ("pattern", "format"):
        return _pattern_problem(schema, path, value, text, context, at)
    if kind in ("minItems", "minLength"):
        return [_empty(path, context, at)]
    if kind == "minProperties":
        return [at("lege-groep")]
    if kind == "uniqueItems":
        seen: list[Any] = []
        for index, item in enumerate(value):
            if item in seen:
                return [at("dubbele-waarde", path + (index,), value=item if isinstance(item, str) else
                           item.get("titel", "") if isinstance(item, dict) else item)]
            seen.append(item)
    if kind == "maxLength":
        return [at("te-lang", length=len(value), limit=error.validator_value)]
    if kind in ("minimum", "maximum"):
        return [at("te-klein" if kind == "minimum" else "te-groot-getal", limit=error.validator_value, value=value)]
    return [at("klopt-niet", detail=error.message)]


def _branch_errors(error: ValidationError) -> list[ValidationError]:
    """The errors of the one branch of an anyOf that fits the value's type (a text or a group of fields)."""
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    options = error.validator_value
    for index, option in enumerate(options):
        wanted = option.get("type")
        if wanted and _fits(error.instance, wanted):
            return by_branch.get(index, [])
    return [next(iter(by_branch.values()))[0]] if by_branch else []


def _fits(value: Any, wanted: str) -> bool:
    return {"string": isinstance(value, str), "object": isinstance(value, dict)}.get(wanted, False)


def _empty(path: FieldPath, context: Context, at: Callable[..., Problem]) -> Problem:
    """An empty value or list: required fields must be filled in, optional ones may go."""
    if path == ("bronnen",):
        return at("bronnen-ontbreekt", new_source=_new_source_example(context, ""))
    is_list_item = bool(path) and isinstance(path[-1], int)
    required = context.required(path) and not is_list_item
    field_spec = context.schema.field_at(context.folder, path) if context.schema else None
    if field_spec is not None and field_spec.type in ("keuzes", "verwijzingen", "teksten", "gerelateerd", "groepen") \
            and not is_list_item:
        return at("lege-lijst-verplicht" if required else "lege-lijst")
    return at("leeg-verplicht" if required else "leeg-veld")


def _type_problem(error: ValidationError, path: FieldPath, text: str, context: Context,
                  at: Callable[..., Problem]) -> list[Problem]:
    wanted, value = str(error.validator_value), error.instance
    if value is None or value == "":
        return [at("lege-groep")] if wanted == "object" else [_empty(path, context, at)]
    if wanted == "array" and isinstance(value, str):
        name = path[-1] if path and isinstance(path[-1], str) else ""
        items = list_items(value)
        field_spec = context.schema.field_at(context.folder, path) if context.schema else None
        if field_spec is not None and field_spec.choices:
            items = [best_value(item, [t.value for t in field_spec.choices],
                                {t.value: t.label for t in field_spec.choices}) for item in items]
        elif field_spec is not None and field_spec.target:
            slugs = context.slugs.get(field_spec.target, ())
            items = [reference_advice(item, field_spec.target, slugs, context.find_url)[1].get("example", item)
                     if item not in slugs else item for item in items]
        return [at("geen-lijst", list_example=list_example(text, name, items))]
    if wanted == "string":
        shown = value if not isinstance(value, bool) else text.partition(":")[2].strip()
        return [at("geen-tekst", actual=_type_of(value), fixed=quoted_line(text, _as_written(text, shown)))]
    if wanted == "integer" and not isinstance(value, (list, dict)):
        field_spec = context.schema.field_at(context.folder, path) if context.schema else None
        code, facts = integer_advice(value, text, field_spec.minimum if field_spec else None)
        return [at(code, value=value, **facts)]
    return [at("verkeerd-soort", wanted=_TYPE_WORDS.get(wanted, wanted), actual=_type_of(value))]


def _as_written(line: str, value: Any) -> str:
    """The value as the contributor typed it on its line (a list or number becomes that text)."""
    _, written = split_line(line)
    return written if written and not isinstance(value, str) else str(value)


def _pattern_problem(schema: dict, path: FieldPath, value: Any, text: str, context: Context,
                     at: Callable[..., Problem]) -> list[Problem]:
    pattern = schema.get("pattern", "")
    if schema.get("format") == "date" or pattern.startswith("^[0-9]{4}"):
        code, facts = date_advice(value, context.today)
        return [at(code, value=value, **facts)]
    if pattern.startswith("^https?"):
        code, facts = url_advice(value, text, pattern)
        return [at(code, value=value, **facts)]
    if pattern.startswith("^[^\\n"):
        return [at("een-regel")]
    if pattern.startswith("^(organisaties"):
        return [at("geen-verwijzing", value=value, example=related_advice(str(value), context.slugs))]
    field_spec = context.schema.field_at(context.folder, path) if context.schema else None
    folder = field_spec.target if field_spec is not None and field_spec.target else ""
    code, facts = reference_advice(str(value), folder, context.slugs.get(folder, ()), context.find_url)
    url = str(value).strip() if code == "bron-is-webadres" else ""
    return [at(code, value=value, new_source=_new_source_example(context, text, url), **facts)]


def _new_source_example(context: Context, line: str, url: str = "") -> str:
    """A new source written out, indented as the line it replaces (or as a field of its own), with its
    web address when the contributor gave one."""
    if context.schema is None:
        return ""
    lead = re.match(r"[ \t]*", line).group() if line.lstrip().startswith("-") else ""
    indent = lead[:-2] if len(lead) >= 2 else ""
    fields = [f.name for f in context.schema.field("organisaties", "bronnen").new_fields
              if f.required or f.name in ("jaar", "url")]
    return new_source_example(indent, fields, url)


_CLEAN_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")   # slugify() leaves these as they are


def slug_problem(rel: str, stem: str) -> Problem | None:
    if _CLEAN_SLUG.fullmatch(stem) or stem == (expected := slugify(stem)):
        return None
    return problem("bestandsnaam", rel, None, stem=stem, expected=expected or "naam-van-het-item")


def reference_problems(references: Iterable[tuple[FieldPath, str, str]], known: Container[tuple[str, str]],
                       candidates: Mapping[str, Sequence[str]], rel: str, lines: Lines,
                       skip: Callable[[FieldPath], bool] = lambda path: False,
                       context: Context | None = None) -> list[Problem]:
    """Every reference must name an existing entry of the right kind; `skip` passes over fields with errors."""
    context = context or Context()
    found = []
    for path, folder, slug in references:
        if (folder, slug) in known or skip(path) or not _CLEAN_SLUG.fullmatch(slug):
            continue   # a malformed name is already a schema problem
        if len(found) == MAX_PROBLEMS_PER_FILE:
            return found + [problem("te-veel-fouten", rel, None, limit=MAX_PROBLEMS_PER_FILE)]
        line = line_of(lines, path)
        new_source = folder == "bronnen" and path[0] != "gerelateerd"
        found.append(problem("bron-bestaat-niet" if new_source else "bestaat-niet", rel, line, path,
                             slug=f"{folder}/{slug}" if path[0] == "gerelateerd" else slug, folder=folder,
                             singular=KINDS_BY_FOLDER[folder].singular if folder in KINDS_BY_FOLDER else "item",
                             suggestion=suggestion(slug, candidates.get(folder, ())),
                             new_source=_new_source_example(context, context.line(line)) if new_source else ""))
    return found
