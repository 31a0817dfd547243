"""The pipeline from a catalogue folder to a validated :class:`Catalogue`.

Reads every file, reports every problem at once, and only then builds the model::

    try:
        catalogue = load_catalogue(Path("catalogue"))
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)        # catalogue/organisaties/njr.yml:12: ...
"""

from __future__ import annotations

from pathlib import Path

from kennisbank.model import KINDS, Catalogue, Entry, freeze
from kennisbank.placeholders import with_placeholders
from kennisbank.problems import CatalogueError, Problem
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
            problems += schema_found
            if not schema_found:
                entries.append(Entry(kind, path.stem, rel, freeze(data)))
                lines[rel] = file_lines

    # 3. References between entries, once every file is known. A reference to a file
    #    that exists but has errors is not reported again.
    problems += reference_problems(entries, existing, lines)

    warnings = tuple(sorted(p for p in problems if p.warning))
    if len(warnings) < len(problems):
        raise CatalogueError(problems)
    return Catalogue(tuple(entries), vocabularies, warnings)
