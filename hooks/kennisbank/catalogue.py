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
from collections.abc import Mapping
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
from kennisbank.yamlfile import read_yaml


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate everything under `root`; raise CatalogueError listing all problems."""
    with paused_gc():
        return _load(Path(root))


def _load(root: Path) -> Catalogue:
    # 1. Vocabularies and schemas: the rules every entry is checked against.
    vocabularies, problems = load_vocabularies(root)
    validators = load_validators(root, vocabularies)

    # 2. Every entry file: parse, check its name, its fields and its references (each file on
    #    its own: only the list of files is shared, so this runs on every core).
    files: list[tuple[Kind, str, str, str]] = []    # (kind, slug, path, name in messages)
    root_name = root.name
    for kind in KINDS:
        folder = os.path.join(root, kind.folder)
        # scandir: the kind of each file comes with the listing, without a system call per file.
        for item in sorted(os.scandir(folder), key=lambda item: item.name) if os.path.isdir(folder) else ():
            stem, suffix = os.path.splitext(item.name)
            rel = f"{root_name}/{kind.folder}/{item.name}"
            if suffix == ".yaml":
                problems.append(Problem(rel, None, f"gebruik de extensie .yml: noem het bestand '{stem}.yml'."))
                continue
            if suffix == ".yml" and (item.is_symlink() or item.is_file()):   # read_yaml refuses links
                files.append((kind, stem, item.path, rel))
    existing = {(kind.folder, stem) for kind, stem, _, _ in files}   # every entry file, valid or not

    def check(file: tuple[Kind, str, str, str]) -> _Checked:
        kind, stem, path, rel = file
        data, file_lines, found = read_yaml(path, rel)
        if found:
            return _Checked(None, found, None)
        if not isinstance(data, dict):
            return _Checked(None, [Problem(rel, 1, "een item bestaat uit velden (naam: waarde), niet uit een losse "
                                                   "lijst of tekst. Begin met bijvoorbeeld 'naam: ...'.")], None)
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
        fields = freeze(data if not schema_found else _references_only(data))
        # A reference to a file that exists but has errors is not reported again, nor one in a
        # field that has errors: an entry with schema problems still has its other references
        # checked, so every mistake shows in one run.
        bad = {p.field for p in schema_found if p.field}
        references = [p for p in reference_problems([Entry(kind, stem, rel, fields)], existing, {rel: file_lines})
                      if not any(p.field == f or p.field.startswith((f + "[", f + ".")) for f in bad)]
        return _Checked(None if schema_found else fields, [name_problem] if name_problem else [],
                        schema_found + warnings + references)

    entries: list[Entry] = []
    seen: dict[str, str] = {}          # slug -> file, over all kinds
    for (kind, stem, _, rel), checked in zip(files, in_parallel(check, files)):
        problems += checked.file_problems
        if checked.entry_problems is None:
            continue
        if stem in seen:
            problems.append(Problem(rel, None, f"de naam '{stem}' is al in gebruik door {seen[stem]}. "
                                               f"Elke bestandsnaam komt één keer voor; kies een andere."))
            continue
        seen[stem] = rel
        problems += checked.entry_problems
        if checked.fields is not None:
            entries.append(Entry(kind, stem, rel, checked.fields))

    warnings = tuple(sorted(p for p in problems if p.warning))
    if len(warnings) < len(problems):
        raise CatalogueError(problems)
    return Catalogue(tuple(entries), vocabularies, warnings)


class _Checked(NamedTuple):
    """What checking one file on its own found; picklable, so another process can do it."""

    fields: Mapping | None            # the entry, frozen (model.freeze); None when it has schema problems
    file_problems: list[Problem]      # reading and the file name
    entry_problems: list[Problem] | None   # fields (schema, placeholders, unsafe text), references, warnings;
                                           # None: the file could not be read as an entry


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
