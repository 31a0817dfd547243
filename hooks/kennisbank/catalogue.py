"""The pipeline from a catalogue folder to a validated :class:`Catalogue`.

Reads every file, reports every problem at once, and only then builds the model::

    try:
        catalogue = load_catalogue(Path("catalogue"))
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)        # catalogue/organisaties/njr.yml:12: ...
"""

from __future__ import annotations

import re
from pathlib import Path

from kennisbank.model import KINDS, REFERENCE_FIELDS, Catalogue, Entry, freeze
from kennisbank.personal_data import personal_data_warnings
from kennisbank.placeholders import with_placeholders
from kennisbank.problems import CatalogueError, Problem
from kennisbank.safety import text_problems
from kennisbank.validate import load_validators, reference_problems, schema_problems, slug_problem
from kennisbank.vocabularies import load_vocabularies
from kennisbank.yamlfile import Lines, read_yaml


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate everything under `root`; raise CatalogueError listing all problems."""
    root = Path(root)
    # 1. Vocabularies and schemas: the rules every entry is checked against.
    vocabularies, problems = load_vocabularies(root)
    validators = load_validators(root, vocabularies)

    # 2. Every entry file: parse, check its name and its fields.
    entries: list[Entry] = []
    lines: dict[str, Lines] = {}
    seen: dict[str, str] = {}          # slug -> file, over all kinds
    existing: set[tuple[str, str]] = set()   # every entry file, valid or not
    unfinished: list[tuple[Entry, set[str]]] = []   # entries with schema problems
    for kind in KINDS:
        for path in sorted((root / kind.folder).iterdir()) if (root / kind.folder).is_dir() else ():
            rel = path.relative_to(root.parent).as_posix()
            if path.suffix == ".yaml":
                problems.append(Problem(rel, None, f"gebruik de extensie .yml: noem het bestand '{path.stem}.yml'."))
                continue
            if path.suffix != ".yml" or not path.is_file():
                continue
            existing.add((kind.folder, path.stem))
            data, file_lines, found = read_yaml(path, rel)
            problems += found
            if found:
                continue
            if not isinstance(data, dict):
                problems.append(Problem(rel, 1, "een item bestaat uit velden (naam: waarde), niet uit een losse "
                                                "lijst of tekst. Begin met bijvoorbeeld 'naam: ...'."))
                continue
            if problem := slug_problem(rel, path.stem):
                problems.append(problem)
            if path.stem in seen:
                problems.append(Problem(rel, None, f"de naam '{path.stem}' is al in gebruik door {seen[path.stem]}. "
                                                   f"Elke bestandsnaam komt één keer voor; kies een andere."))
                continue
            seen[path.stem] = rel
            schema_found = schema_problems(validators[kind.folder], data, rel, file_lines)
            schema_found = with_placeholders(schema_found, data, rel, file_lines,
                                             validators[kind.folder].schema.get("required", ()))
            schema_found += text_problems(data, rel, file_lines)     # no HTML, no javascript: links
            problems += schema_found + personal_data_warnings(data, rel, file_lines)
            lines[rel] = file_lines
            if not schema_found:
                entries.append(Entry(kind, path.stem, rel, freeze(data)))
            else:  # its references are still checked below, so every mistake shows in one run
                unfinished.append((Entry(kind, path.stem, rel, freeze(_references_only(data))),
                                   {p.field for p in schema_found if p.field}))

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
