"""The pipeline from a catalogue folder to a validated :class:`Catalogue`.

Reads every file, reports every problem at once, and only then builds the model::

    try:
        catalogue = load_catalogue(Path("catalogue"))
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)        # catalogue/organisaties/njr.yml:12: ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kennisbank.kinds import KINDS, Kind
from kennisbank.model import Catalogue, Entry, GlossaryTerm, freeze
from kennisbank.personal_data import personal_data
from kennisbank.placeholders import with_placeholders
from kennisbank.problems import CatalogueError, FieldPath, Problem, field_name, problem
from kennisbank.safety import unsafe_text
from kennisbank.schema import GLOSSARY, Schema, load_schema
from kennisbank.validate import Validators, reference_problems, slug_problem
from kennisbank.yamlfile import Lines, line_of, read_yaml, strings


def load_catalogue(root: Path) -> Catalogue:
    """Load and validate everything under `root`; raise CatalogueError listing all problems."""
    root = Path(root)
    # 1. The rules every entry is checked against: schemas and word lists.
    schema, problems = load_schema(root)

    # 2. The entry files, one per entry, named after its slug.
    files, found = _entry_files(root)
    problems += found
    checker = _Checker(schema, files)

    # 3. Each file on its own: read it, check its fields, texts and references.
    entries: list[Entry] = []
    seen: dict[str, str] = {}   # slug -> file, over all kinds
    for file in files:
        entry, file_problems, entry_problems = checker.check(file)
        problems += file_problems
        if entry_problems is None:
            continue
        if file.slug in seen:
            problems.append(problem("naam-bezet", file.rel, None, slug=file.slug, other=seen[file.slug]))
            continue
        seen[file.slug] = file.rel
        problems += entry_problems
        if entry is not None:
            entries.append(entry)

    # 4. The glossary (catalogue/begrippen.yml), checked like an entry.
    glossary, found = checker.glossary(root / f"{GLOSSARY}.yml")
    problems += found

    # 5. All or nothing: an error stops here; warnings travel with the catalogue.
    warnings = tuple(sorted(p for p in problems if p.warning))
    if len(warnings) < len(problems):
        raise CatalogueError(problems)
    return Catalogue(tuple(entries), schema, warnings, glossary)


@dataclass(frozen=True)
class _File:
    kind: Kind
    slug: str
    path: Path
    rel: str        # the name in messages: "catalogue/organisaties/njr.yml"


def _entry_files(root: Path) -> tuple[list[_File], list[Problem]]:
    files, problems = [], []
    for kind in KINDS:
        folder = root / kind.folder
        for path in sorted(folder.iterdir(), key=lambda p: p.name) if folder.is_dir() else ():
            rel = f"{root.name}/{kind.folder}/{path.name}"
            if path.suffix == ".yaml":
                problems.append(problem("extensie", rel, None, stem=path.stem))
            elif path.suffix == ".yml" and (path.is_symlink() or path.is_file()):   # read_yaml refuses links
                files.append(_File(kind, path.stem, path, rel))
    return files, problems


class _Checker:
    """Checks one entry file at a time against the schema and the names of all entry files."""

    def __init__(self, schema: Schema, files: list[_File]):
        self.schema = schema
        self.validators = Validators(schema)
        self.existing = {(file.kind.folder, file.slug) for file in files}   # valid or not
        self.slugs: dict[str, list[str]] = {}   # per folder, for "Bedoelde je ...?"
        for file in files:
            self.slugs.setdefault(file.kind.folder, []).append(file.slug)

    def glossary(self, path: Path) -> tuple[tuple[GlossaryTerm, ...], list[Problem]]:
        """The terms of the glossary, alphabetical, and the problems in its file (if there is one)."""
        if not path.is_file() and not path.is_symlink():
            return (), []
        rel = f"{path.parent.name}/{path.name}"
        data, lines, found = read_yaml(path, rel)
        if found:
            return (), found
        texts = strings(data)
        errors = self.validators.problems(GLOSSARY, data, rel, lines) + _text_problems(texts, unsafe_text, rel, lines)
        bad = {p.path for p in errors if p.path}
        items = [(index, item) for index, item in enumerate(data if isinstance(data, list) else ())
                 if isinstance(item, dict) and isinstance(item.get("term"), str)]
        known: dict[str, int] = {}
        for index, item in items:
            if (first := known.setdefault(item["term"].casefold(), index)) != index:
                errors.append(problem("dubbele-term", rel, line_of(lines, (index, "term")), (index, "term"),
                                      term=item["term"], first=line_of(lines, (first,))))
        for index, item in items:
            errors += reference_problems(self.schema.references(GLOSSARY, item, (index,)), self.existing, self.slugs,
                                         rel, lines, skip=lambda path: any(path[:len(b)] == b for b in bad))
            for at, other in enumerate(item.get("zie_ook") or ()):
                if isinstance(other, str) and other.casefold() not in known:
                    errors.append(problem("onbekende-term", rel, line_of(lines, (index, "zie_ook", at)),
                                          (index, "zie_ook", at), term=other))
        warnings = _text_problems(texts, personal_data, rel, lines)
        if errors:
            return (), errors + warnings
        terms = [GlossaryTerm(item["term"], item["uitleg"], tuple(item["bronnen"]), item.get("afkorting", ""),
                              tuple(item.get("zie_ook", ()))) for item in data]
        return tuple(sorted(terms, key=lambda t: t.term.casefold())), errors + warnings

    def check(self, file: _File) -> tuple[Entry | None, list[Problem], list[Problem] | None]:
        """(the entry if it is valid, problems with the file itself, problems with its content).

        The content problems are None when the file could not be read as an entry at all.
        """
        data, lines, found = read_yaml(file.path, file.rel)
        if found:
            return None, found, None
        if not isinstance(data, dict):
            return None, [problem("geen-velden", file.rel, 1)], None
        name = slug_problem(file.rel, file.slug)
        folder = file.kind.folder
        texts = strings(data)
        required = self.schema.kind_schema(folder).get("required", ())
        errors = with_placeholders(self.validators.problems(folder, data, file.rel, lines), texts, file.rel, lines,
                                   required)
        errors += _text_problems(texts, unsafe_text, file.rel, lines)
        # A reference in a field that has errors is not reported again, so every mistake shows once.
        bad = {p.path for p in errors if p.path}
        references = reference_problems(
            self.schema.references(folder, data), self.existing, self.slugs, file.rel, lines,
            skip=lambda path: any(path[:len(b)] == b for b in bad))
        warnings = _text_problems(texts, personal_data, file.rel, lines)
        entry = Entry(file.kind, file.slug, file.rel, freeze(data)) if not errors else None
        return entry, [name] if name else [], errors + references + warnings


def _text_problems(texts: list[tuple[FieldPath, str]], check: Any, rel: str, lines: Lines) -> list[Problem]:
    """What `check` (safety.unsafe_text or personal_data.personal_data) finds in each text of an entry."""
    return [problem(code, rel, line_of(lines, path), path, field=field_name(path), **facts)
            for path, text in texts for code, facts in check(text)]
