"""Render the catalogue to Markdown pages through the Jinja templates in templates/.

The result maps a path inside the docs folder to its Markdown, so MkDocs can add
the pages as generated files, and any other tool can write them to disk::

    for path, markdown in Renderer(catalogue, today).pages().items():
        print(path)        # "organisaties/index.md", "organisaties/njr.md", ...

Every page is rendered with its own Links, which know the page's folder, so the
templates write relative links without keeping any state between pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable

from kennisbank.kinds import KINDS
from kennisbank.model import FACET_FIELDS, Catalogue, Entry
from kennisbank.handbook import subset_path, subsets
from kennisbank.templates import environment, md_escape, summary

# Back-links listed on one entry page, per list. A source cited by a thousand entries would
# otherwise get a page that grows with the catalogue; the rest is counted ("en nog 950 andere").
BACKLINKS_MAX = 40
GLOSSARY_PAGE = "begrippen/index.md"
# Word lists explained on a hand-written page, one section per value ({ #value } in docs/).
EXPLAINED_ON = {"meerwaarde": "meerwaarde.md", "knelpunten": "knelpunten.md"}


def by_kind(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries grouped by kind folder, in their order."""
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.kind.folder, []).append(entry)
    return grouped


class Links:
    """Links from one page to other pages: entries, facet pages and the pages that explain a value."""

    def __init__(self, catalogue: Catalogue, page: str, facet_pages: set[tuple[str, str]]):
        self.catalogue = catalogue
        self.here = posixpath.dirname(page) or "."
        self.facet_pages = facet_pages   # (word list, value) that have a page of their own

    def href(self, target: str) -> str:
        # Both from the root, so relpath need not ask the file system for the working folder.
        return posixpath.relpath(f"/{target}", f"/{self.here}")

    def link(self, entry: Entry, text: str | None = None) -> str:
        return f"[{md_escape(text or entry.title)}]({self.href(entry.path)})"

    def facet(self, field: str, value: str, folder: str | None = None) -> str:
        """The label of a value, linked to its facet page or to the page that explains it."""
        vocabulary = self.catalogue.schema.vocabulary_of(field, folder)
        label = md_escape(vocabulary.label(value))
        if (vocabulary.name, value) in self.facet_pages:
            return f"[{label}]({self.href(f'{vocabulary.name}/{value}.md')})"
        if vocabulary.name in EXPLAINED_ON:
            return f"[{label}]({self.href(EXPLAINED_ON[vocabulary.name])}#{value})"
        return label

    def facet_links(self, entry: Entry, field: str) -> str:
        """The entry's values of a field as facet links, separated by commas."""
        return ", ".join(self.facet(field, value, entry.kind.folder) for value in entry.values(field))

    def labels(self, entry: Entry, field: str) -> str:
        """The entry's values of a field as plain labels, separated by commas."""
        vocabulary = self.catalogue.schema.vocabulary_of(field, entry.kind.folder)
        return ", ".join(md_escape(vocabulary.label(value)) for value in entry.values(field))

    def entry_list(self, entries: Iterable[Entry], with_summary: bool = True) -> str:
        """A Markdown list of links, each with the first sentence of the entry's description."""
        return "".join(f"- {self.link(e)}{': ' + md_escape(summary(e.fields['beschrijving'])) if with_summary else ''}"
                       f"\n" for e in entries)

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


def fact(label: str, text: object) -> str:
    """One item of "In het kort": a Markdown definition (the label, then ':   ' and the text); nothing without text."""
    return f"{label}\n:   {text}\n\n" if text else ""


class Renderer:
    """Renders the page templates for one catalogue and one day (which entries are due for a check)."""

    def __init__(self, catalogue: Catalogue, today: dt.date):
        self.catalogue = catalogue
        self.today = today
        self.env = environment()
        self.env.globals.update(catalogue=catalogue, kinds=KINDS, today=today, fact=fact, by_kind=by_kind,
                                backlinks_max=BACKLINKS_MAX)
        self.facets = [(field, catalogue.schema.vocabulary_of(field)) for field in FACET_FIELDS]
        self.facet_pages = {(vocabulary.name, value) for field, vocabulary in self.facets
                            for value in vocabulary.values if catalogue.with_value(field, value)}
        self.subsets = {path for path, _, _ in subsets(catalogue)}   # short handbooks, per theme and target group

    def render(self, template: str, page: str, **context: object) -> str:
        links = Links(self.catalogue, page, self.facet_pages)
        return self.env.get_template(template).render(
            page=page, href=links.href, link=links.link, facet=links.facet, facet_links=links.facet_links,
            labels=links.labels, entry_list=links.entry_list, related=links.related, **context)

    def pages(self) -> dict[str, str]:
        pages: dict[str, str] = {}
        for kind in KINDS:
            path = f"{kind.folder}/index.md"
            pages[path] = self.render("overview.md.j2", path, kind=kind, entries=self.catalogue.of_kind(kind.folder))
            for entry in self.catalogue.of_kind(kind.folder):
                pages[entry.path] = self.render(f"{kind.folder}.md.j2", entry.path, entry=entry,
                                                stale=entry.is_stale(self.today))
        if self.catalogue.glossary:
            pages[GLOSSARY_PAGE] = self.render("begrippen.md.j2", GLOSSARY_PAGE, glossary=self.catalogue.glossary,
                                               by_term={t.term.casefold(): t for t in self.catalogue.glossary})
        for field, vocabulary in self.facets:
            path = f"{vocabulary.name}/index.md"
            pages[path] = self.render("facet_index.md.j2", path, field=field, vocabulary=vocabulary)
            for term in vocabulary.terms:
                if (vocabulary.name, term.value) in self.facet_pages:
                    path = f"{vocabulary.name}/{term.value}.md"
                    pdf = subset_path(field, term.value, self.catalogue)
                    pages[path] = self.render("facet.md.j2", path, term=term,
                                              entries=self.catalogue.with_value(field, term.value),
                                              pdf=pdf if pdf in self.subsets else None)
        return pages
