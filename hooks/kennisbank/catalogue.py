"""The pipeline from a catalogue folder to a validated :class:`Catalogue`.

Reads every file, reports every problem at once, and only then builds the model::

    try:
        catalogue = load_catalogue(Path("catalogue"))
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)        # catalogue/organisaties/njr.yml:12: ...
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from kennisbank.gcpause import paused_gc
from kennisbank.model import KINDS, REFERENCE_FIELDS, Catalogue, Entry, Kind, freeze
from kennisbank.parallel import in_parallel
from kennisbank.personal_data import might_be_personal, personal_data_warnings
from kennisbank.placeholders import has_placeholder, with_placeholders
from kennisbank.problems import CatalogueError, Problem
from kennisbank.safety import all_text, might_be_unsafe, strings, text_problems
from kennisbank.validate import load_validators, reference_problems, schema_problems, slug_problem
from kennisbank.vocabularies import load_vocabularies
from kennisbank.yamlfile import Lines, read_yaml


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate everything under `root`; raise CatalogueError listing all problems."""
    with paused_gc():
        return _load(Path(root))


def _load(root: Path) -> Catalogue:
    # 1. Vocabularies and schemas: the rules every entry is checked against.
    vocabularies, problems = load_vocabularies(root)
    validators = load_validators(root, vocabularies)

    # 2. Every entry file: parse, check its name and its fields (each file on its own).
    files: list[tuple[Kind, str, str, str]] = []    # (kind, slug, path, name in messages)
    for kind in KINDS:
        folder = os.path.join(root, kind.folder)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else ():
            stem, suffix = os.path.splitext(name)
            rel = f"{root.name}/{kind.folder}/{name}"
            if suffix == ".yaml":
                problems.append(Problem(rel, None, f"gebruik de extensie .yml: noem het bestand '{stem}.yml'."))
                continue
            path = os.path.join(folder, name)
            if suffix == ".yml" and (os.path.isfile(path) or os.path.islink(path)):   # read_yaml refuses links
                files.append((kind, stem, path, rel))

    def check(file: tuple[Kind, str, str, str]) -> _Checked:
        kind, stem, path, rel = file
        data, file_lines, found = read_yaml(path, rel)
        if found:
            return _Checked(None, file_lines, found, [], [])
        if not isinstance(data, dict):
            return _Checked(None, file_lines, [Problem(rel, 1, "een item bestaat uit velden (naam: waarde), niet "
                                                               "uit een losse lijst of tekst. Begin met "
                                                               "bijvoorbeeld 'naam: ...'.")], [], [])
        schema_found = schema_problems(validators[kind.folder], data, rel, file_lines)
        warnings = []
        everything = all_text(data)   # one look first; most entries have nothing for the text checks
        if might_be_unsafe(everything) or might_be_personal(everything) or has_placeholder(everything):
            texts = strings(data)
            schema_found = with_placeholders(schema_found, texts, rel, file_lines,
                                             validators[kind.folder].schema.get("required", ()))
            schema_found += text_problems(texts, rel, file_lines)     # no HTML, no javascript: links
            warnings = personal_data_warnings(texts, rel, file_lines)
        name_problem = slug_problem(rel, stem)
        return _Checked(data, file_lines, [name_problem] if name_problem else [], schema_found, warnings)

    entries: list[Entry] = []
    lines: dict[str, Lines] = {}
    seen: dict[str, str] = {}          # slug -> file, over all kinds
    existing = {(kind.folder, stem) for kind, stem, _, _ in files}   # every entry file, valid or not
    unfinished: list[tuple[Entry, set[str]]] = []   # entries with schema problems
    for (kind, stem, _, rel), checked in zip(files, in_parallel(check, files)):
        problems += checked.file_problems
        if checked.data is None:
            continue
        if stem in seen:
            problems.append(Problem(rel, None, f"de naam '{stem}' is al in gebruik door {seen[stem]}. "
                                               f"Elke bestandsnaam komt één keer voor; kies een andere."))
            continue
        seen[stem] = rel
        problems += checked.schema_problems + checked.warnings
        lines[rel] = checked.lines
        if not checked.schema_problems:
            entries.append(Entry(kind, stem, rel, freeze(checked.data)))
        else:  # its references are still checked below, so every mistake shows in one run
            unfinished.append((Entry(kind, stem, rel, freeze(_references_only(checked.data))),
                               {p.field for p in checked.schema_problems if p.field}))

    # 3. References between entries, once every file is known. A reference to a file
    #    that exists but has errors is not reported again, nor one in a field that has errors.
    problems += reference_problems(entries, existing, lines)
    for entry, bad_fields in unfinished:
        problems += [p for p in reference_problems([entry], existing, lines)
                     if not any(p.field == f or p.field.startswith((f + "[", f + ".")) for f in bad_fields)]

    warnings = tuple(sorted(p for p in problems if p.warning))
    if len(warnings) < len(problems):
        raise CatalogueError(problems)
    return Catalogue(tuple(entries), vocabularies, warnings)


class _Checked(NamedTuple):
    """What checking one file on its own found; picklable, so another process can do it."""

    data: dict | None                 # None: the file could not be read as an entry
    lines: Lines
    file_problems: list[Problem]      # reading and the file name
    schema_problems: list[Problem]    # fields: schema, placeholders, unsafe text
    warnings: list[Problem]           # personal data


_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_RELATED = re.compile(r"[a-z]+/[a-z0-9]+(-[a-z0-9]+)*")


def _references_only(data: dict) -> dict:
    """The reference fields of an entry that failed its schema, where they have the right shape."""
    def well_formed(value: object, pattern: re.Pattern) -> bool:
        items = [value] if isinstance(value, str) else value
        return isinstance(items, list) and all(isinstance(v, str) and pattern.fullmatch(v) for v in items)

    view: dict = {name: data[name] for name in REFERENCE_FIELDS if well_formed(data.get(name), _SLUG)}
    if well_formed(data.get("gerelateerd"), _RELATED):
        view["gerelateerd"] = data["gerelateerd"]
    if isinstance(data.get("punten"), list):  # keep positions, so lines stay right
        view["punten"] = [{"bron": item["bron"]} if isinstance(item, dict) and well_formed(item.get("bron"), _SLUG)
                          else {} for item in data["punten"]]
    return view
