"""What a pull request changes in the catalogue, for the Dutch summary on its check page.

The pull-request workflow writes this Markdown into the job summary: which entries are
added, changed or removed (new sources written out in an entry included), what the
validator found, and how to open the preview of the site (the offline build, which works
from disk)::

    changes = changed_entries(Path("catalogue"), "HEAD^1")
    markdown = summary(changes, problems, ok=True, preview_url="https://github.com/.../artifacts/1")
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.model import Catalogue
from kennisbank.problems import Problem
from kennisbank.templates import environment
from kennisbank.yamlfile import parse_text

STATES = {"A": "nieuw", "M": "gewijzigd", "D": "verwijderd"}
PREVIEW_FOLDER = "kennisbank-ervaringsdeskundigheid-jeugd"   # the folder inside the offline zip
MAX_LISTED = 60   # problems listed in the summary; the annotations show them all


@dataclass(frozen=True)
class Change:
    file: str            # "catalogue/organisaties/njr.yml"
    state: str           # "nieuw", "gewijzigd", "verwijderd"
    kind: str            # "organisatie"
    title: str           # the entry's name or title, or the file name when it cannot be read
    page: str = ""       # in the preview: "organisaties/njr.html"; "" when there is none
    inside: str = ""     # for a new source written out in an entry: that entry's file


class GitError(Exception):
    """git could not say what changed (no such base, not a repository)."""


def changed_files(catalogue: Path, base: str) -> list[tuple[str, str]]:
    """(state letter, path) of every file under `catalogue` that differs between `base` and HEAD."""
    result = subprocess.run(["git", "diff", "--name-status", "--no-renames", "-z", base, "HEAD", "--",
                             catalogue.as_posix()], capture_output=True, text=True)
    if result.returncode:
        raise GitError(result.stderr.strip())
    parts = result.stdout.split("\0")
    return [(parts[i][0], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]


def changed_entries(catalogue: Path, files: Sequence[tuple[str, str]], loaded: Catalogue | None,
                    base: str = "HEAD^1") -> list[Change]:
    """The changed entry files as entries, plus the new sources written out in them; a removed
    entry is named as it was in `base`."""
    changes = []
    entries = {(entry.kind.folder, entry.slug): entry for entry in loaded.entries} if loaded else {}
    for letter, path in files:
        parts = Path(path).parts
        if len(parts) != 3 or parts[1] not in KINDS_BY_FOLDER or not path.endswith(".yml"):
            continue
        kind = KINDS_BY_FOLDER[parts[1]]
        slug = Path(path).stem
        entry = entries.get((kind.folder, slug)) if letter != "D" else None
        text = _text_at(base, path) if letter == "D" else _text_of(catalogue.parent / path)
        title = entry.title if entry else _title_in(text, kind.title_field) or Path(path).name
        changes.append(Change(path, STATES.get(letter, "gewijzigd"), kind.singular, title,
                              f"{kind.folder}/{slug}.html" if entry else ""))
        for source in entries.values() if letter != "D" else ():
            if source.file == path and source.kind.folder == "bronnen" and source.slug != slug:
                changes.append(Change(path, "nieuw" if letter == "A" else "in dit bestand", "bron", source.title,
                                      f"bronnen/{source.slug}.html", inside=path))
    return changes


def _text_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _text_at(base: str, path: str) -> str:
    result = subprocess.run(["git", "show", f"{base}:{path}"], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else ""


def _title_in(text: str, field: str) -> str:
    data = parse_text(text, "f.yml").data if text else None
    value = data.get(field) if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def summary(changes: Sequence[Change], problems: Sequence[Problem], *, built: bool, preview_url: str) -> str:
    """The Markdown for the job summary."""
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    return environment().get_template("samenvatting.md.j2").render(
        changes=changes, errors=errors[:MAX_LISTED], more=max(len(errors) - MAX_LISTED, 0),
        error_count=len(errors), warnings=warnings[:MAX_LISTED], built=built, preview_url=preview_url,
        folder=PREVIEW_FOLDER)
