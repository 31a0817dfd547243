"""The printable handbook: the catalogue as one HTML document and as PDFs (WeasyPrint).

The same Jinja templates (templates/handbook/) give the PDF and the /handboek/ page
on the site; the PDF gets its own print stylesheet (templates/handbook/print.css)::

    catalogue = load_catalogue(Path("catalogue"))
    pdf = render_handbook_pdf(catalogue, Edition(version="abc1234"))
    written = write_pdfs(catalogue, Path("site"), Edition())   # handboek.pdf + checklists/<slug>.pdf
    short = select(catalogue, thema="ouderperspectief")        # a shorter handbook

Entry links point at the site (site_url + page); print shows their address.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import logging
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from kennisbank.gcpause import paused_gc
from kennisbank.model import FACETS, Catalogue, Entry
from kennisbank.pages import date_nl, md_escape, summary

TEMPLATES = Path(__file__).parent / "templates" / "handbook"
PRINT_CSS = TEMPLATES / "print.css"
PDF_FILE = "handboek.pdf"
PAGE = "handboek/index.md"
AUTHOR = "Kennisbank Ervaringsdeskundigheid Jeugd"

# Which facet a trainer can narrow the handbook to: option -> (field in entries, vocabulary).
SELECTIONS = {"thema": ("themas", "themas"), "doelgroep": ("doelgroepen", "doelgroepen")}


class HandbookError(Exception):
    """A handbook that cannot be made; the message is Dutch and meant for the reader."""


@dataclass(frozen=True)
class Edition:
    """What the cover says: subtitle, version and build date, and where the site lives."""

    version: str = ""
    built: dt.date = field(default_factory=dt.date.today)
    site_url: str = ""
    subtitle: str = "Handboek voor trainers, professionals, ouders en jongeren"
    selection: str = ""   # "Thema: Het perspectief van ouders" for a shorter handbook


def git_version(root: Path) -> str:
    """Short commit hash of the repository at `root`, or "" outside git."""
    try:
        result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root,
                                capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def select(catalogue: Catalogue, thema: str | None = None, doelgroep: str | None = None) -> tuple[Catalogue, str]:
    """A smaller catalogue: entries with the theme and/or target group, plus what they cite.

    Returns the catalogue and a line for the cover. Raises HandbookError for an unknown value.
    """
    wanted = {"thema": thema, "doelgroep": doelgroep}
    conditions = []
    for option, value in wanted.items():
        if not value:
            continue
        entry_field, vocabulary_name = SELECTIONS[option]
        vocabulary = catalogue.vocabularies[vocabulary_name]
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
        for _, folder, slug in todo.pop().references():
            if folder in ("organisaties", "bronnen") and (folder, slug) not in kept:
                kept[(folder, slug)] = catalogue.get(folder, slug)
                todo.append(kept[(folder, slug)])
    entries = tuple(e for e in catalogue.entries if e.key in kept)
    return Catalogue(entries, catalogue.vocabularies), "; ".join(label for _, _, label in conditions)


def _markdown(text: str | None) -> Markup:
    # Catalogue text is Markdown without raw HTML (the validator refuses it, see safety.py).
    return Markup(markdown.markdown(str(text or ""))) if text else Markup("")


class HandbookRenderer:
    """Renders the handbook templates for one catalogue and edition."""

    def __init__(self, catalogue: Catalogue, edition: Edition,
                 page_url: Callable[[Entry], str] | None = None):
        self.catalogue = catalogue
        self.edition = edition
        base = edition.site_url.rstrip("/") + "/" if edition.site_url else ""
        # The entry's address on the public site (printed), and the link to use (relative on the site).
        self.site_address = lambda e: f"{base}{e.kind.folder}/{e.slug}/" if base else ""
        self.page_url = page_url or self.site_address
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(markdown=_markdown, summary=summary, date_nl=date_nl, md=md_escape)

    def _context(self) -> dict:
        cat = self.catalogue
        voc = cat.vocabularies
        examples = cat.of_kind("voorbeelden")
        # Each example once, under its first theme, in the order of the theme list.
        by_theme = {value: [] for value in voc["themas"].values}
        for example in examples:
            themes = example.values("themas")
            by_theme.setdefault(themes[0] if themes else "", []).append(example)
        checklists = cat.of_kind("checklists")
        # Sources numbered in the order of the sources chapter.
        sources = cat.of_kind("bronnen")
        helping_items = {value: [] for value in voc["knelpunten"].values}
        for checklist in checklists:
            for number, item in enumerate(checklist.fields["punten"], 1):
                if item.get("knelpunt") in helping_items:
                    helping_items[item["knelpunt"]].append((checklist, number, item))
        return {
            "catalogue": cat, "edition": self.edition, "vocabularies": voc, "facets": FACETS,
            "examples": examples, "themes_with_examples": [(voc["themas"].term(v), es)
                                                          for v, es in by_theme.items() if es and v],
            "meerwaarde": [(t, cat.with_value("meerwaarde", t.value)) for t in voc["meerwaarde"].terms],
            "knelpunten": [(t, helping_items[t.value]) for t in voc["knelpunten"].terms],
            "checklists": checklists, "agenda": cat.of_kind("agenda"),
            "organisations": cat.of_kind("organisaties"), "sources": sources,
            "source_number": {s.slug: n for n, s in enumerate(sources, 1)},
            "get": cat.get, "page_url": self.page_url, "site_address": self.site_address, "anchor": anchor,
            "label": lambda vocabulary, value: voc[vocabulary].label(value),
        }

    def render(self, template: str, **extra: object) -> str:
        return self.env.get_template(template).render(**self._context(), **extra)


def anchor(entry: Entry) -> str:
    """The id of an entry inside the handbook: "voorbeelden-jongwijs"."""
    return f"{entry.kind.folder}-{entry.slug}"


def handbook_html(catalogue: Catalogue, edition: Edition) -> str:
    """The whole handbook as one HTML document, for WeasyPrint."""
    return HandbookRenderer(catalogue, edition).render("document.html.j2")


def worksheet_html(catalogue: Catalogue, checklist: Entry, edition: Edition) -> str:
    """One checklist as a stand-alone worksheet document."""
    return HandbookRenderer(catalogue, edition).render("worksheet.html.j2", checklist=checklist)


def handbook_page(catalogue: Catalogue, edition: Edition, page_url: Callable[[Entry], str]) -> str:
    """The Markdown source of the /handboek/ page: an intro, the PDF links and the handbook body."""
    return HandbookRenderer(catalogue, edition, page_url).render("page.md.j2")


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
        from weasyprint import HTML
    except OSError as error:  # pango missing
        raise HandbookError(f"WeasyPrint kan niet starten ({error}). Installeer pango "
                            "(Debian: libpango-1.0-0 libpangoft2-1.0-0).") from None
    # WeasyPrint reports every CSS property it does not know; that is noise here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    _cache_page_references()
    stylesheet, fonts = _print_stylesheet(css)
    out = io.BytesIO()
    # The cyclic garbage collector finds next to nothing among WeasyPrint's many short-lived
    # objects, but walks them (and, in a MkDocs build, the whole site) again and again.
    with paused_gc():
        HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
            out, stylesheets=[stylesheet], font_config=fonts, pdf_variant="pdf/ua-1", pdf_tags=True)
    return out.getvalue()


@functools.lru_cache(maxsize=1)
def _print_stylesheet(css: str) -> tuple:
    """print.css, parsed once, and one font configuration for all PDFs of a process:
    fontconfig then scans the machine's fonts once, and Pango loads each font once."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()
    return CSS(string=css, base_url=str(TEMPLATES), font_config=fonts), fonts


def _cache_page_references() -> None:
    """Make pydyf keep its list of page references until a page is added.

    pydyf 0.13 builds that list anew on every read of PDF.page_references, and WeasyPrint
    reads it for every tagged element and link: quadratic in the number of pages (a twentieth
    of the handbook's time at 100 pages). Same values, so the same PDF. Only for the pinned
    pydyf: another version may have changed the attribute.
    """
    import pydyf
    if pydyf.__version__ != "0.13.0" or getattr(pydyf.PDF, "_kennisbank_refs_cached", False):
        return

    def page_references(pdf: pydyf.PDF) -> tuple:
        kids = pdf.pages["Kids"]  # [number, 0, "R", number, 0, "R", ...]; only add_page changes it
        cached = pdf.__dict__.get("_kennisbank_refs")
        if cached is None or cached[0] != len(kids):
            cached = pdf.__dict__["_kennisbank_refs"] = (
                len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    pydyf.PDF._kennisbank_refs_cached = True


def render_handbook_pdf(catalogue: Catalogue, edition: Edition, cache: Path | None = None) -> bytes:
    return _pdf(handbook_html(catalogue, edition), cache)


def render_worksheet_pdf(catalogue: Catalogue, checklist: Entry, edition: Edition,
                         cache: Path | None = None) -> bytes:
    return _pdf(worksheet_html(catalogue, checklist, edition), cache)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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

