"""The printable handbook: the catalogue as one HTML document and as PDFs (WeasyPrint).

The Jinja templates in templates/handbook/ give the PDF's HTML, which gets its own
print stylesheet (templates/handbook/print.css); the /handboek/ page on the site
offers the PDFs for download::

    catalogue = load_catalogue(Path("catalogue"))
    pdf = render_handbook_pdf(catalogue, Edition(site_url="https://example.org/kb/"))
    written = write_pdfs(catalogue, Path("site"), Edition())   # handboek.pdf + checklists/<slug>.pdf
    short, selection = select(catalogue, thema="ouderperspectief")   # a shorter handbook

Entry links point at the site (site_url + page); print shows their address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from kennisbank.files import write_atomic
from kennisbank.markup import to_html
from kennisbank.model import Catalogue, Entry
from kennisbank.templates import date_nl, environment, md_escape, summary

TEMPLATES = Path(__file__).parent / "templates" / "handbook"
PRINT_CSS = TEMPLATES / "print.css"
PDF_FILE = "handboek.pdf"
PAGE = "handboek/index.md"

# Which facet a trainer can narrow the handbook to: option -> field in entries.
SELECTIONS = {"thema": "themas", "doelgroep": "doelgroepen"}


class HandbookError(Exception):
    """A handbook that cannot be made; the message is Dutch and meant for the reader."""


@dataclass(frozen=True)
class Edition:
    """What the cover says: subtitle, edition (the month of the build) and where the site lives."""

    built: dt.date = field(default_factory=dt.date.today)
    site_url: str = ""
    subtitle: str = "Handboek voor trainers, professionals, ouders en jongeren"
    selection: str = ""   # "Thema: Het perspectief van ouders" for a shorter handbook

    @property
    def month(self) -> str:
        """The edition: the month of the build, "december 2026"."""
        return date_nl(self.built).split(" ", 1)[1]


def select(catalogue: Catalogue, thema: str | None = None, doelgroep: str | None = None) -> tuple[Catalogue, str]:
    """A smaller catalogue: entries with the theme and/or target group, plus what they cite.

    Returns the catalogue and a line for the cover. Raises HandbookError for an unknown value.
    """
    wanted = {"thema": thema, "doelgroep": doelgroep}
    conditions = []
    for option, value in wanted.items():
        if not value:
            continue
        entry_field = SELECTIONS[option]
        vocabulary = catalogue.schema.vocabulary_of(entry_field)
        if value not in vocabulary.values:
            raise HandbookError(f"'{value}' is geen bekende waarde voor --{option}. "
                                f"Kies uit: {', '.join(vocabulary.values)}.")
        conditions.append((entry_field, value, f"{option.capitalize()}: {vocabulary.label(value)}"))
    if not conditions:
        return catalogue, ""
    kept = {e.key: e for e in catalogue.entries
            if e.kind.folder != "bronnen" and all(value in e.values(f) for f, value, _ in conditions)}
    # Keep what the chosen entries point to (organisations, sources, and what those cite),
    # so cards and the directory stay complete.
    todo = list(kept.values())
    while todo:
        for _, folder, slug in catalogue.references(todo.pop()):
            if folder in ("organisaties", "bronnen") and (folder, slug) not in kept:
                kept[(folder, slug)] = catalogue.get(folder, slug)
                todo.append(kept[(folder, slug)])
    entries = tuple(e for e in catalogue.entries if e.key in kept)
    return Catalogue(entries, catalogue.schema), "; ".join(label for _, _, label in conditions)


def _markdown(text: str | None) -> Markup:
    # Catalogue text is Markdown without raw HTML (the validator refuses it, see safety.py).
    return Markup(to_html(str(text))) if text else Markup("")


class HandbookRenderer:
    """Renders the handbook templates for one catalogue and edition."""

    def __init__(self, catalogue: Catalogue, edition: Edition):
        self.catalogue = catalogue
        self.edition = edition
        base = edition.site_url.rstrip("/") + "/" if edition.site_url else ""
        # The entry's address on the public site: the link, and printed after it.
        self.site_address = lambda e: f"{base}{e.kind.folder}/{e.slug}/" if base else ""
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(markdown=_markdown, summary=summary, date_nl=date_nl, md=md_escape)

    def _context(self) -> dict:
        cat = self.catalogue
        voc = cat.vocabularies
        of = cat.schema.vocabulary_of
        examples = cat.of_kind("voorbeelden")
        # Each example once, under its first theme, in the order of the theme list.
        by_theme = {value: [] for value in of("themas").values}
        for example in examples:
            themes = example.values("themas")
            by_theme.setdefault(themes[0] if themes else "", []).append(example)
        checklists = cat.of_kind("checklists")
        # Sources numbered in the order of the sources chapter.
        sources = cat.of_kind("bronnen")
        helping_items = {value: [] for value in of("knelpunt").values}
        for checklist in checklists:
            for number, item in enumerate(checklist.fields["punten"], 1):
                if item.get("knelpunt") in helping_items:
                    helping_items[item["knelpunt"]].append((checklist, number, item))
        return {
            "catalogue": cat, "edition": self.edition, "vocabularies": voc,
            "examples": examples, "themes_with_examples": [(of("themas").term(v), es)
                                                          for v, es in by_theme.items() if es and v],
            "meerwaarde": [(t, cat.with_value("meerwaarde", t.value)) for t in of("meerwaarde").terms],
            "knelpunten": [(t, helping_items[t.value]) for t in of("knelpunt").terms],
            "checklists": checklists, "agenda": cat.of_kind("agenda"),
            "organisations": cat.of_kind("organisaties"), "sources": sources,
            "source_number": {s.slug: n for n, s in enumerate(sources, 1)},
            "get": cat.get, "page_url": self.site_address, "site_address": self.site_address, "anchor": anchor,
            "label": lambda field, value, folder=None: of(field, folder).label(value),
        }

    def render(self, template: str, **extra: object) -> str:
        return self.env.get_template(template).render(**self._context(), **extra)


def anchor(entry: Entry) -> str:
    """The id of an entry inside the handbook: "voorbeelden-jongwijs"."""
    return f"{entry.kind.folder}-{entry.slug}"


def handbook_html(catalogue: Catalogue, edition: Edition) -> str:
    """The whole handbook as one HTML document, for WeasyPrint."""
    return HandbookRenderer(catalogue, edition).render("document.html.j2")


def handbook_page(catalogue: Catalogue, edition: Edition) -> str:
    """The Markdown source of the /handboek/ page: what the PDFs are and where to download them."""
    return environment().get_template("handbook/page.md.j2").render(
        edition=edition, checklists=catalogue.of_kind("checklists"), pdf_file=PDF_FILE)


def _pdf(html: str, cache: Path | None = None) -> bytes:
    """The PDF for `html`; with a cache folder, an unchanged document is not rendered twice."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    if cache is None:
        return _render_pdf(html, css)
    key = hashlib.sha256("\0".join((html, css, _weasyprint_version()))
                         .encode("utf-8")).hexdigest()
    cached = cache / f"{key}.pdf"
    if cached.is_file():
        return cached.read_bytes()
    data = _render_pdf(html, css)
    write_atomic(cached, data)
    return data


def _weasyprint_version() -> str:
    from importlib.metadata import version
    return version("weasyprint")


def _render_pdf(html: str, css: str) -> bytes:
    # Imported here: WeasyPrint needs pango, which only PDF work should require.
    try:
        from weasyprint import CSS, HTML
    except OSError as error:  # pango missing
        raise HandbookError(f"WeasyPrint kan niet starten ({error}). Installeer pango "
                            "(Debian: libpango-1.0-0 libpangoft2-1.0-0).") from None
    # WeasyPrint reports every CSS property it does not know; that is noise here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    out = io.BytesIO()
    HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
        out, stylesheets=[CSS(string=css, base_url=str(TEMPLATES))], pdf_variant="pdf/ua-1", pdf_tags=True)
    return out.getvalue()


def render_handbook_pdf(catalogue: Catalogue, edition: Edition, cache: Path | None = None) -> bytes:
    return _pdf(handbook_html(catalogue, edition), cache)


def pdf_paths(catalogue: Catalogue) -> list[str]:
    """Paths (relative to the site) of every PDF write_pdfs makes."""
    return [PDF_FILE] + [f"checklists/{c.slug}.pdf" for c in catalogue.of_kind("checklists")]


def write_pdfs(catalogue: Catalogue, site: Path, edition: Edition,
               say: Callable[[str], None] = print, cache: Path | None = None) -> dict[str, int]:
    """Write handboek.pdf and checklists/<slug>.pdf into `site`; returns bytes per path.

    `say` gets progress lines with the time each step took. `cache` (a folder) keeps
    PDFs by the hash of their HTML, so the offline build and `mkdocs serve` reuse them.
    """
    written: dict[str, int] = {}
    started = time.perf_counter()
    say(f"Handboek maken ({len(catalogue.entries)} items) ...")
    data = render_handbook_pdf(catalogue, edition, cache)
    write_atomic(site / PDF_FILE, data)
    written[PDF_FILE] = len(data)
    say(f"  {PDF_FILE}: {page_count(data)} pagina's in {time.perf_counter() - started:.1f} s")
    sheets_started = time.perf_counter()
    checklists = catalogue.of_kind("checklists")
    renderer = HandbookRenderer(catalogue, edition)
    for checklist in checklists:
        data = _pdf(renderer.render("worksheet.html.j2", checklist=checklist), cache)
        path = f"checklists/{checklist.slug}.pdf"
        write_atomic(site / path, data)
        written[path] = len(data)
    say(f"  {len(checklists)} werkbladen (checklists/*.pdf) in {time.perf_counter() - sheets_started:.1f} s")
    return written


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(pdf)).pages)

