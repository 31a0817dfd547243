"""The pipeline from a catalogue folder to a validated :class:`Catalogue`.

Reads every file, reports every problem at once, and only then builds the model::

    try:
        catalogue = load_catalogue(Path("catalogue"))
    except CatalogueError as error:
        for problem in error.problems:
            print(problem)        # catalogue/organisaties/njr.yml:12: ...

A list of sources may hold a source that is not in catalogue/bronnen yet, written out in full
(titel, uitgever, ...). It becomes a source entry like any other (kennisbank.new_sources), so an
entry and its new source arrive in one pull request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kennisbank.kinds import KINDS, Kind
from kennisbank.model import Catalogue, Entry, GlossaryTerm, freeze
from kennisbank.new_sources import NewSource, collect_new_sources, merge_new_sources, with_slugs
from kennisbank.personal_data import personal_data
from kennisbank.placeholders import with_placeholders
from kennisbank.problems import CatalogueError, FieldPath, Problem, problem
from kennisbank.safety import unsafe_text
from kennisbank.schema import GLOSSARY, Schema, load_schema
from kennisbank.validate import Context, Validators, reference_problems, slug_problem
from kennisbank.yamlfile import Comment, Lines, YamlFile, line_of, load_yaml, strings

TEXT_TYPES = ("tekst", "korte_tekst", "teksten")


def load_catalogue(root: Path, today: dt.date | None = None) -> Catalogue:
    """Load and validate everything under `root`; raise CatalogueError listing all problems.

    `today` (default: the real today) is the latest date a check date may have.
    """
    root = Path(root)
    # 1. The rules every entry is checked against: schemas and word lists.
    schema, problems = load_schema(root)

    # 2. The entry files, one per entry, named after its slug.
    files, found = _entry_files(root)
    problems += found
    checker = _Checker(schema, files, root, today or dt.date.today())

    # 3. Each file on its own: read it, check its fields and texts; note its references and new sources.
    checked: list[_Checked] = []
    seen: dict[str, str] = {}   # slug -> file, over all kinds
    for file in files:
        result = checker.check(file)
        problems += result.file_problems
        if result.content_problems is None:
            continue
        if file.slug in seen:
            problems.append(problem("naam-bezet", file.rel, None, slug=file.slug, other=seen[file.slug]))
            continue
        seen[file.slug] = file.rel
        problems += result.content_problems
        checked.append(result)

    # 4. Sources written out in an entry become source entries; one source written twice is one entry.
    new_sources, found = merge_new_sources([new for result in checked for new in result.new_sources], seen)
    problems += found

    # 5. References, now that every name is known (files and new sources).
    known = checker.existing | {("bronnen", new.slug) for new in new_sources}
    candidates = {folder: slugs + ([new.slug for new in new_sources] if folder == "bronnen" else [])
                  for folder, slugs in checker.slugs.items()}
    for result in checked:
        problems += result.references(known, candidates)
    entries = [result.entry for result in checked if result.entry is not None]
    entries += [new.entry() for new in new_sources]

    # 6. The glossary (catalogue/begrippen.yml), checked like an entry.
    glossary, found = checker.glossary(root / f"{GLOSSARY}.yml", known, candidates)
    problems += found

    # 7. All or nothing: an error stops here; warnings travel with the catalogue.
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


@dataclass
class _Checked:
    """One file, checked on its own: what is known once every file has been read comes later."""

    entry: Entry | None
    file_problems: list[Problem]
    content_problems: list[Problem] | None       # None: the file could not be read as an entry at all
    new_sources: list[NewSource] = field(default_factory=list)
    references: Callable[[Any, Any], list[Problem]] = lambda known, candidates: []


class _Checker:
    """Checks one entry file at a time against the schema and the names of all entry files."""

    def __init__(self, schema: Schema, files: list[_File], root: Path, today: dt.date):
        self.schema = schema
        self.root = root
        self.today = today
        self.validators = Validators(schema)
        self.existing = {(file.kind.folder, file.slug) for file in files}   # valid or not
        self.slugs: dict[str, list[str]] = {kind.folder: [] for kind in KINDS}   # per folder, for "Bedoelde je ...?"
        self.files = files
        for file in files:
            self.slugs[file.kind.folder].append(file.slug)

    @cached_property
    def _addresses(self) -> dict[tuple[str, str], str]:
        """(folder, web address) -> slug, read only when someone writes an address where a name belongs."""
        found = {}
        for file in self.files:
            data = load_yaml(file.path, file.rel).data
            if isinstance(data, dict):
                for name in ("url", "website"):
                    if isinstance(data.get(name), str):
                        found.setdefault((file.kind.folder, data[name].strip().rstrip("/")), file.slug)
        return found

    def find_url(self, folder: str, url: str) -> str | None:
        return self._addresses.get((folder, url.strip().rstrip("/")))

    def context(self, folder: str, text: str) -> Context:
        return Context(self.schema, folder, tuple(text.split("\n")), self.slugs, self.find_url, self.today)

    def glossary(self, path: Path, known: set[tuple[str, str]], candidates: dict[str, list[str]]
                 ) -> tuple[tuple[GlossaryTerm, ...], list[Problem]]:
        """The terms of the glossary, alphabetical, and the problems in its file (if there is one)."""
        if not path.is_file() and not path.is_symlink():
            return (), []
        rel = f"{path.parent.name}/{path.name}"
        read = load_yaml(path, rel)
        data, lines = read.data, read.lines
        if data is None and read.problems:
            return (), read.problems
        context = self.context(GLOSSARY, read.text)
        texts = strings(data)
        errors = read.problems + self.validators.problems(GLOSSARY, data, rel, lines, context)
        errors += _text_problems(texts, unsafe_text, rel, lines) + self.comment_problems(GLOSSARY, read, rel)
        bad = {p.path for p in errors if p.path}
        items = [(index, item) for index, item in enumerate(data if isinstance(data, list) else ())
                 if isinstance(item, dict) and isinstance(item.get("term"), str)]
        terms: dict[str, int] = {}
        for index, item in items:
            if (first := terms.setdefault(item["term"].casefold(), index)) != index:
                errors.append(problem("dubbele-term", rel, line_of(lines, (index, "term")), (index, "term"),
                                      term=item["term"], first=line_of(lines, (first,))))
        # The glossary has no date of its own to give a new source: its sources are files.
        errors += [problem("nieuwe-bron-in-begrippen", rel, line_of(lines, at), at)
                   for index, item in items for at, _ in self.schema.new_sources(GLOSSARY, item, (index,))]
        for index, item in items:
            errors += reference_problems(self.schema.references(GLOSSARY, item, (index,)), known, candidates,
                                         rel, lines, skip=lambda path: any(path[:len(b)] == b for b in bad),
                                         context=context)
            for at, other in enumerate(item.get("zie_ook") or ()):
                if isinstance(other, str) and other.casefold() not in terms:
                    errors.append(problem("onbekende-term", rel, line_of(lines, (index, "zie_ook", at)),
                                          (index, "zie_ook", at), term=other))
        warnings = _text_problems(texts, personal_data, rel, lines)
        if errors:
            return (), errors + warnings
        glossary = [GlossaryTerm(item["term"], item["uitleg"], tuple(item["bronnen"]), item.get("afkorting", ""),
                                 tuple(item.get("zie_ook", ()))) for item in data]
        return tuple(sorted(glossary, key=lambda t: t.term.casefold())), errors + warnings

    def check(self, file: _File) -> _Checked:
        """The entry if it is valid, the problems with the file itself and with its content, and what
        is checked once all files are read (references, new sources)."""
        read = load_yaml(file.path, file.rel)
        data, lines = read.data, read.lines
        if data is None and read.problems:
            return _Checked(None, read.problems, None)
        if not isinstance(data, dict):
            return _Checked(None, read.problems + [problem("geen-velden", file.rel, 1)], None)
        name = slug_problem(file.rel, file.slug)
        folder = file.kind.folder
        context = self.context(folder, read.text)
        texts = strings(data)
        errors = read.problems + with_placeholders(
            self.validators.problems(folder, data, file.rel, lines, context), texts, file.rel, lines,
            lambda path: self.schema.is_required(folder, path))
        errors += _text_problems(texts, unsafe_text, file.rel, lines)
        errors += self.comment_problems(folder, read, file.rel) + self.date_problems(folder, data, file.rel, lines)
        # A reference in a field that has errors is not reported again, so every mistake shows once.
        bad = {p.path for p in errors if p.path}
        skip = lambda path: any(path[:len(b)] == b for b in bad)   # noqa: E731
        new_sources = collect_new_sources(self.schema, folder, data, file.rel, lines, (), self.validators, context,
                                          skip=bad)
        errors += [p for source in new_sources for p in source.problems]
        warnings = _text_problems(texts, personal_data, file.rel, lines)
        entry = None
        if not errors:
            entry = Entry(file.kind, file.slug, file.rel, freeze(with_slugs(data, new_sources)))
        references = list(self.schema.references(folder, data))

        def check_references(known: Any, candidates: Any) -> list[Problem]:
            return reference_problems(references, known, candidates, file.rel, lines, skip=skip, context=context)

        return _Checked(entry, [name] if name else [], errors + warnings, [s for s in new_sources if not s.problems],
                        check_references)

    def comment_problems(self, folder: str, read: YamlFile, rel: str) -> list[Problem]:
        """Text after an unquoted ' #' in a text field: YAML would drop it, so it is refused."""
        found = []
        for path, comment in read.comments.items():
            spec = self.schema.field_at(folder, path)
            if spec is not None and spec.type in TEXT_TYPES:
                found.append(_comment_problem(path, comment, rel))
        return found

    def date_problems(self, folder: str, data: dict, rel: str, lines: Lines) -> list[Problem]:
        """Dates that cannot lie in the future (a check, a visit) and do."""
        return [problem("datum-in-de-toekomst", rel, line_of(lines, path), path, value=value,
                        today=self.today.isoformat())
                for path, value in _past_only_dates(self.schema, folder, data)
                if _is_date(value) and dt.date.fromisoformat(value) > self.today]


def _past_only_dates(schema: Schema, folder: str, data: dict) -> list[tuple[FieldPath, str]]:
    found = []
    for path, value in strings(data):
        spec = schema.field_at(folder, path)
        if spec is not None and spec.past_only:
            found.append((path, value))
    return found


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _comment_problem(path: FieldPath, comment: Comment, rel: str) -> Problem:
    return problem("hekje", rel, comment.line, path, lost="#" + comment.text, fixed=comment.fixed.rstrip())


def _text_problems(texts: list[tuple[FieldPath, str]], check: Any, rel: str, lines: Lines) -> list[Problem]:
    """What `check` (safety.unsafe_text or personal_data.personal_data) finds in each text of an entry."""
    return [problem(code, rel, line_of(lines, path), path, **facts)
            for path, text in texts for code, facts in check(text)]
