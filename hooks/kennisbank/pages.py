"""Render the catalogue to Markdown pages through the Jinja templates in templates/.

The result maps a path inside the docs folder to its Markdown, so MkDocs can add
the pages as generated files, and any other tool can write them to disk::

    for path, markdown in render_pages(catalogue).items():
        print(path)        # "organisaties/index.md", "organisaties/njr.md", ...
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2

from kennisbank.model import FACETS, KINDS, Catalogue, Entry

TEMPLATES = Path(__file__).parent / "templates"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
STALE_AFTER_DAYS = 365
# Back-links listed on one entry page, per list. A source cited by a thousand entries would
# otherwise get a page that grows with the catalogue; the rest is counted ("en nog 950 andere").
BACKLINKS_MAX = 40
# Vocabularies explained on a hand-written page, one section per value ({ #value } in docs/).
EXPLAINED_ON = {"meerwaarde": "meerwaarde.md", "knelpunt": "knelpunten.md"}


def date_nl(value: dt.date | str) -> str:
    """2026-11-03 -> '3 november 2026'."""
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def is_stale(entry: Entry, today: dt.date | None = None) -> bool:
    return ((today or dt.date.today()) - entry.checked).days > STALE_AFTER_DAYS


_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|#]")
_MD_ESCAPED = str.maketrans({char: "\\" + char for char in "\\`*_[]<>|#"})


def md_escape(text: str) -> str:
    """Escape text for use inside a Markdown link or table cell: a backslash before each special character."""
    text = str(text)
    return text.translate(_MD_ESCAPED) if _MD_SPECIAL.search(text) else text   # most text has none


_JSON = json.JSONEncoder(ensure_ascii=False)   # json.dumps makes a new encoder per call for these options


def front_matter(**meta: object) -> str:
    """YAML front matter; JSON strings are valid YAML, so every value is quoted safely."""
    lines = [f"{key}: {_JSON.encode(value)}" for key, value in meta.items() if value]
    return "---\n" + "\n".join(lines) + "\n---\n"


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`#>]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@functools.lru_cache(maxsize=8192)  # an entry's summary appears on its overview and every facet page
def summary(text: str, limit: int = 160) -> str:
    """First sentence of a Markdown text, without markup, for descriptions and cards."""
    plain = _LINK.sub(r"\1", text)
    plain = _MARKUP.sub("", plain).strip().replace("\n", " ")
    sentence = _SENTENCE_END.split(plain, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def by_kind(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries grouped by kind folder, in their order; one pass instead of a filter per kind."""
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.kind.folder, []).append(entry)
    return grouped


def relative_path(target: str, folder: str) -> str:
    """posixpath.relpath(target, folder) for a file inside the docs folder, without the
    file system calls (abspath) that made it the slowest part of rendering."""
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


class Renderer:
    """Renders the page templates for one catalogue; one Jinja environment for all its pages.

    The helpers (href, link, facet, ...) are globals that read the folder of the page being
    rendered (self._here), so the macros of macros.md.j2 need no page context: pages() makes
    them once and gives them to every page template as `m`, instead of an {% import %} per page. Links and
    facets repeat across the pages of a folder, so they are cached per folder.
    """

    def __init__(self, catalogue: Catalogue, today: dt.date | None = None):
        self.catalogue = catalogue
        self.today = today or dt.date.today()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # the output is Markdown; text is escaped with md_escape where needed
            # No file system check on every get_template (each page, each extends and import):
            # a Renderer lives for one build, and the next build (mkdocs serve) makes a new one.
            auto_reload=False,
            optimized=False,   # Jinja's constant folding costs more compile time than it saves here
        )
        self.env.filters.update(date_nl=date_nl, md=md_escape, summary=summary)
        self.env.globals.update(
            catalogue=catalogue, kinds=KINDS, facets=FACETS, today=self.today,
            href=self.href, link=self.link, facet=self.facet, facet_links=self.facet_links, related=self.related,
            fact=self.fact, front_matter=front_matter, by_kind=by_kind, backlinks_max=BACKLINKS_MAX,
            is_stale=lambda e: is_stale(e, self.today),
        )
        self.facet_pages = {
            (folder, value)
            for field, vocabulary, folder in FACETS
            for value in catalogue.vocabularies[vocabulary].values
            if catalogue.with_value(field, value)
        }
        self._here = ""
        self._cache: dict[tuple, str] = {}

    def href(self, target: str) -> str:
        return relative_path(target, self._here)

    def link(self, entry: Entry, text: str | None = None) -> str:
        key = ("link", self._here, entry.kind.folder, entry.slug, text)
        if (found := self._cache.get(key)) is None:
            found = self._cache[key] = f"[{md_escape(text or entry.title)}]({self.href(entry.path)})"
        return found

    def facet(self, field: str, value: str) -> str:
        key = ("facet", self._here, field, value)
        if (found := self._cache.get(key)) is None:
            found = self._cache[key] = self._facet(field, value)
        return found

    def related(self, entry: Entry, listed_kinds: Iterable[str]) -> list[Entry]:
        """For "Zie ook": the entries it names under gerelateerd, then those that point to it,
        except the kinds its page lists in sections of their own."""
        found = [self.catalogue.get(*ref.split("/")) for ref in entry.values("gerelateerd")]
        seen = {e.key for e in found}
        for other in self.catalogue.referrers(entry):
            if other.key not in seen and other.kind.folder not in listed_kinds:
                found.append(other)
                seen.add(other.key)
        return found

    @staticmethod
    def fact(label: str, text: object) -> str:
        """One item of "In het kort": a Markdown definition (the label, then ':   ' and the text).
        Nothing without text. A function rather than a macro: pages have many, and a Jinja macro
        call costs more than the rest of the item."""
        return f"{label}\n:   {text}\n\n" if text else ""

    def facet_links(self, entry: Entry, field: str) -> str:
        """The entry's values of a field as facet links, separated by commas."""
        return ", ".join([self.facet(field, value) for value in entry.values(field)])

    def _facet(self, field: str, value: str) -> str:
        spec = next((f for f in FACETS if f[0] == field), None)
        vocabulary = spec[1] if spec else {"rollen": "rollen", "domeinen": "domeinen", "niveau": "niveaus",
                                           "soort": "soorten-organisatie", "meerwaarde": "meerwaarde",
                                           "knelpunt": "knelpunten"}[field]
        label = self.catalogue.vocabularies[vocabulary].label(value)
        if spec and (spec[2], value) in self.facet_pages:
            return f"[{md_escape(label)}]({self.href(f'{spec[2]}/{value}.md')})"
        if field in EXPLAINED_ON:
            return f"[{md_escape(label)}]({self.href(EXPLAINED_ON[field])}#{value})"
        return md_escape(label)

    def render(self, template: str, page: str, **context: object) -> str:
        self._here = posixpath.dirname(page)
        return self.env.get_template(template).render(page=page, **context)

    def pages(self) -> dict[str, str]:
        self.env.globals["m"] = self.env.get_template("macros.md.j2").module   # the page templates' macros
        pages: dict[str, str] = {}
        for kind in KINDS:
            path = f"{kind.folder}/index.md"
            pages[path] = self.render("overview.md.j2", path, kind=kind, entries=self.catalogue.of_kind(kind.folder))
            for entry in self.catalogue.of_kind(kind.folder):
                pages[entry.path] = self.render(f"{kind.folder}.md.j2", entry.path, entry=entry)
        for field, vocabulary, folder in FACETS:
            path = f"{folder}/index.md"
            pages[path] = self.render("facet_index.md.j2", path, field=field, folder=folder,
                                      vocabulary=self.catalogue.vocabularies[vocabulary])
            for value in self.catalogue.vocabularies[vocabulary].values:
                if (folder, value) in self.facet_pages:
                    path = f"{folder}/{value}.md"
                    pages[path] = self.render("facet.md.j2", path, field=field, folder=folder, value=value,
                                              term=self.catalogue.vocabularies[vocabulary].term(value),
                                              entries=self.catalogue.with_value(field, value))
        return pages


def render_pages(catalogue: Catalogue, today: dt.date | None = None) -> dict[str, str]:
    return Renderer(catalogue, today).pages()
