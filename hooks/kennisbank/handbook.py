"""The printable handbook: the catalogue and the site's own pages as A4 PDFs, typeset by Typst.

Everything a PDF shows reaches Typst as data (JSON through sys.inputs), never as markup:
Markdown is turned into a small tree first (kennisbank.markup.to_tree), and the templates in
templates/handbook/ lay it out. Fonts come only from kennisbank/fonts; a font Typst cannot
find stops the PDF instead of falling back::

    pdf = handbook_pdf(catalogue, Edition(site_url="https://example.org/kb/"), docs=Path("docs"))
    files = pdf_files(catalogue, edition, docs)   # handboek.pdf, checklists/*.pdf, handboek/<facet>.pdf
    short, selection = select(catalogue, thema="ouderperspectief")

The chapters that explain (what experiential expertise is, added value, bottlenecks, ...) are
the site's own pages in docs/ (CHAPTERS): one text, on the site and on paper.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import zxingcpp
import typst

from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.markup import Converter, Node
from kennisbank.model import Catalogue, Entry
from kennisbank.structure import structure_svg
from kennisbank.templates import date_nl, environment

TEMPLATES = Path(__file__).parent / "templates" / "handbook"
FONTS = Path(__file__).parent / "fonts"
PDF_FILE = "handboek.pdf"
PAGE = "handboek/index.md"
AUTHOR = "Kennisbank Ervaringsdeskundigheid Jeugd"
TITLE = "Handboek ervaringsdeskundigheid in de jeugdhulp"

# The site's pages that are chapters of the full handbook, in order, among the catalogue's own.
# ("page", file in docs/) or ("kind", what the catalogue gives).
CHAPTERS: tuple[tuple[str, str], ...] = (
    ("page", "wat-is-ervaringsdeskundigheid.md"),
    ("page", "meerwaarde.md"),
    ("page", "knelpunten.md"),
    ("kind", "voorbeelden"),
    ("page", "zo-begin-je.md"),
    ("kind", "checklists"),
    ("kind", "agenda"),
    ("page", "zelf-ervaringsdeskundige-worden.md"),
    ("page", "samen-wijzer.md"),
    ("kind", "organisaties"),
    ("kind", "begrippen"),
    ("kind", "bronnen"),
)
SHORT_CHAPTERS = ("voorbeelden", "checklists", "agenda", "organisaties", "bronnen")   # a handbook for one facet
# Which facet a trainer can narrow the handbook to: option -> field in entries.
SELECTIONS = {"thema": "themas", "doelgroep": "doelgroepen"}


class HandbookError(Exception):
    """A handbook that cannot be made; the message is Dutch and meant for the reader."""


@dataclass(frozen=True)
class Edition:
    """What the cover says: subtitle, edition (the month of the build), where the site lives, what is selected."""

    built: dt.date = field(default_factory=dt.date.today)
    site_url: str = ""
    subtitle: str = "Handboek voor trainers, professionals, ouders en jongeren"
    selection: str = ""   # "Thema: Het perspectief van ouders" for a shorter handbook

    @property
    def month(self) -> str:
        """The edition: the month of the build, "december 2026"."""
        return date_nl(self.built).split(" ", 1)[1]

    def address(self, path: str = "") -> str:
        """The web address of a page of the site ("" without a site address)."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else ""
        return f"{base}{path}" if base else ""


@dataclass(frozen=True)
class PdfFile:
    """One PDF of the site: where it goes, its bytes, and what /handboek/ says about it."""

    path: str
    data: bytes
    pages: int        # 0: not made in this build
    title: str        # the whole handbook's title, or what the worksheet or short version is about
    holds: str        # one line on what is in it: "11 punten"; "8 voorbeelden, 3 agendapunten, 9 organisaties"

    @property
    def size(self) -> int:
        return len(self.data)


def select(catalogue: Catalogue, thema: str | None = None, doelgroep: str | None = None) -> tuple[Catalogue, str]:
    """A smaller catalogue: entries with the theme and/or target group, plus what they cite.

    Returns the catalogue and a line for the cover. Raises HandbookError for an unknown value.
    """
    conditions = []
    for option, value in {"thema": thema, "doelgroep": doelgroep}.items():
        if not value:
            continue
        vocabulary = catalogue.schema.vocabulary_of(SELECTIONS[option])
        if value not in vocabulary.values:
            raise HandbookError(f"'{value}' is geen bekende waarde voor --{option}. "
                                f"Kies uit: {', '.join(vocabulary.values)}.")
        conditions.append((SELECTIONS[option], value, f"{option.capitalize()}: {vocabulary.label(value)}"))
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
    return (Catalogue(entries, catalogue.schema, catalogue.warnings, catalogue.glossary),
            "; ".join(label for _, _, label in conditions))


def label(entry: Entry) -> str:
    """The label of an entry inside the handbook: "voorbeelden-jongwijs"."""
    return f"{entry.kind.folder}-{entry.slug}"


def point_label(checklist: Entry, number: int) -> str:
    return f"punt-{checklist.slug}-{number}"


def short_address(url: str) -> str:
    """'https://www.njr.nl/nl/' -> 'njr.nl/nl': what a reader types."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def qr_svg(url: str) -> str:
    """A QR code of `url` (error correction M) as SVG, drawn as vector shapes, without the quiet zone
    (the page leaves room). zxing-cpp, compiled: a pure-Python encoder took 12 ms a code, most of a
    large handbook's time."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    svg = zxingcpp.write_barcode_to_svg(code, add_quiet_zones=False)
    return svg[svg.index("<svg"):]


class _Builder:
    """Turns the catalogue (and the docs pages) into the data of one handbook."""

    def __init__(self, catalogue: Catalogue, edition: Edition, pages: Mapping[str, str], full: bool):
        self.catalogue = catalogue
        self.edition = edition
        self.pages = pages            # docs file name -> its Markdown (front matter included)
        self.full = full
        self.markdown = Converter()
        self.sources = {s.slug: n for n, s in enumerate(catalogue.of_kind("bronnen"), 1)}
        self.included = {e.key for e in catalogue.entries}
        self.chapters = [what for _, what in CHAPTERS if (full or what in SHORT_CHAPTERS)
                         and (what != "begrippen" or catalogue.glossary)]
        # Sections of the chapters that are pages, which links in other texts can point at.
        self.anchors = {f"{name.removesuffix('.md')}--{anchor}" for name in self.chapters if name.endswith(".md")
                        for anchor in re.findall(r"\{ *#([\w-]+) *\}", pages.get(name, ""))}

    # --- links in text ---------------------------------------------------------------------

    def link(self, href: str, here: str = "") -> dict:
        """Where a link in a text goes in print: a label inside this handbook, or a web address."""
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            return {"url": href, "address": short_address(href) if href.startswith("http") else ""}
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
        folder, _, name = target.partition("/")
        slug = name.removesuffix(".md")
        if folder in KINDS_BY_FOLDER and slug != "index" and (folder, slug) in self.included:
            entry = self.catalogue.get(folder, slug)
            if folder == "bronnen":
                return {"label": label(entry), "source": self.sources[slug]}
            match = re.fullmatch(r"punt-(\d+)", fragment)
            if folder == "checklists" and match and int(match.group(1)) <= len(entry.fields["punten"]):
                return {"label": point_label(entry, int(match.group(1))), "page": True}
            return {"label": label(entry), "page": True}
        chapter = folder if slug == "index" else target.removesuffix(".md")
        if chapter in self.chapters or f"{chapter}.md" in self.chapters:
            terms = {term.anchor for term in self.catalogue.glossary}
            if chapter == "begrippen" and fragment in terms:
                return {"label": f"begrip-{fragment}", "page": True}
            anchor = f"{chapter}--{fragment}"
            return {"label": anchor if anchor in self.anchors else f"hoofdstuk-{chapter}", "page": True}
        page = "" if target == "index.md" else target.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
        url = self.edition.address(page) + (f"#{fragment}" if fragment else "")
        return {"url": url, "address": short_address(url)} if url else {}

    def tree(self, text: str, here: str = "") -> list[Node]:
        """A text of the catalogue: a heading in it becomes a bold line (the handbook's headings are its own)."""
        return [{"t": "p", "c": [{"t": "b", "c": b["c"]}]} if isinstance(b, dict) and b["t"] == "h" else b
                for b in self.markdown.tree(text, lambda href: self.link(href, here))]

    def page_tree(self, text: str, here: str) -> list[Node]:
        """A page of the site, headings and all."""
        return self.markdown.tree(_without_front_matter(text), lambda href: self.link(href, here))

    # --- the parts ---------------------------------------------------------------------------

    def data(self) -> dict[str, Any]:
        chapters = [self.chapter(name) for name in self.chapters]
        counts = {kind: len(self.catalogue.of_kind(kind)) for kind in ("voorbeelden", "checklists", "organisaties",
                                                                        "bronnen")}
        return {
            "title": TITLE, "author": AUTHOR, "subtitle": self.edition.subtitle,
            "edition": f"Editie {self.edition.month}", "selection": self.edition.selection,
            "site": short_address(self.edition.site_url), "site_qr": qr_svg(self.edition.site_url)
            if self.edition.site_url else "", "structure": structure_svg(self.catalogue) if self.full else "",
            "counts": counts, "chapters": chapters,
        }

    def chapter(self, name: str) -> dict[str, Any]:
        if name.endswith(".md"):
            return self.page_chapter(name)
        if name == "begrippen":
            return {"kind": "glossary", "id": "hoofdstuk-begrippen", "title": "Begrippen", "intro": self.tree(
                "Welke woorden gebruikt dit handboek, en wat bedoelen we ermee? Bij elk woord staan de bronnen "
                "die het woord zo gebruiken, met hun nummer uit de bronnenlijst. Gewone woorden, zoals ggz en "
                "mbo, legt de redactie kort zelf uit."),
                "terms": [self.term(t) for t in self.catalogue.glossary]}
        kind = KINDS_BY_FOLDER[name]
        chapter = {"id": f"hoofdstuk-{name}", "title": kind.plural, "intro": self.tree(kind.intro)}
        entries = self.catalogue.of_kind(name)
        if name == "voorbeelden":
            return {**chapter, "kind": "examples", "groups": self.example_groups(entries)}
        if name == "checklists":
            return {**chapter, "kind": "worksheets", "title": "Werkbladen",
                    "use": self.page_blocks("werkbladen-gebruiken.md"), "sheets": [self.sheet(c) for c in entries]}
        if name == "agenda":
            return {**chapter, "kind": "agenda", "items": [self.agenda_item(a) for a in entries]}
        if name == "organisaties":
            return {**chapter, "kind": "directory", "title": "Wie doet wat: organisaties",
                    "organisations": [self.organisation(o) for o in entries]}
        return {**chapter, "kind": "sources", "sources": [self.source(s, n) for n, s in enumerate(entries, 1)]}

    def page_blocks(self, name: str) -> list[Node]:
        text = self.pages.get(name)
        if text is None:
            return []
        blocks = self.page_tree(text, name)
        return [b for b in blocks if not (isinstance(b, dict) and b.get("t") == "h" and b["level"] == 1)]

    def page_chapter(self, name: str) -> dict[str, Any]:
        text = self.pages.get(name)
        if text is None:
            raise HandbookError(f"het hoofdstuk docs/{name} ontbreekt; zonder die pagina kan het handboek niet "
                                f"gemaakt worden.")
        blocks = self.page_tree(text, name)
        title = next((b for b in blocks if isinstance(b, dict) and b.get("t") == "h" and b["level"] == 1), None)
        body = [b for b in blocks if b is not title]
        # Each heading gets the label links in other chapters point at.
        for block in body:
            if isinstance(block, dict) and block.get("t") == "h" and block.get("id"):
                block["label"] = f"{name.removesuffix('.md')}--{block['id']}"
        return {"kind": "text", "id": f"hoofdstuk-{name.removesuffix('.md')}",
                "title": _plain(title["c"]) if title else name, "blocks": body}

    def qr(self, entry: Entry) -> dict[str, str]:
        url = self.edition.address(f"{entry.kind.folder}/{entry.slug}/")
        return {"qr": qr_svg(url), "address": short_address(url)} if url else {"qr": "", "address": ""}

    def source_refs(self, entry: Entry) -> list[dict]:
        return [{"n": self.sources[slug], "label": f"bronnen-{slug}",
                 "text": self._source_line(self.catalogue.get("bronnen", slug))} for slug in entry.values("bronnen")]

    @staticmethod
    def _source_line(source: Entry) -> str:
        return source.fields["uitgever"] + (f" {source.fields['jaar']}" if source.fields.get("jaar") else "")

    def example_groups(self, examples: list[Entry]) -> list[dict]:
        themes = self.catalogue.schema.vocabulary_of("themas")
        groups: dict[str, list[Entry]] = {value: [] for value in themes.values}
        for example in examples:   # each example once, under its first theme
            groups.setdefault((example.values("themas") or ("",))[0], []).append(example)
        return [{"title": themes.label(value) if value else "Andere voorbeelden", "cards": [self.card(e) for e in es]}
                for value, es in groups.items() if es]

    def card(self, entry: Entry) -> dict:
        f = entry.fields
        sections = [(title, f.get(name)) for name, title in (("beschrijving", "Wat is het?"), ("voor_wie", "Voor wie?"),
                                                              ("aanpak", "Hoe werkt het?"),
                                                              ("opbrengst", "Wat levert het op?"))]
        needs = f.get("randvoorwaarden") or {}
        organisations = [self.catalogue.get("organisaties", slug) for slug in entry.values("organisaties")]
        return {
            "label": label(entry), "title": entry.title,
            "organisations": [{"name": o.title, "label": label(o)} for o in organisations],
            "sections": [{"title": title, "blocks": self.tree(text)} for title, text in sections if text],
            "needs": [{"title": title, "blocks": self.tree(needs[key])}
                      for key, title in (("vergoeding", "Vergoeding"), ("begeleiding", "Begeleiding"),
                                         ("training", "Training")) if needs.get(key)],
            "lessons": [self.tree(lesson) for lesson in entry.values("lessen")],
            "tags": [self.catalogue.schema.vocabulary_of("meerwaarde").label(v) for v in entry.values("meerwaarde")],
            "sources": self.source_refs(entry), **self.qr(entry),
        }

    def sheet(self, checklist: Entry) -> dict:
        knelpunten = self.catalogue.schema.vocabulary_of("knelpunt")
        return {
            "label": label(checklist), "title": checklist.title, "intro": self.tree(checklist.fields["beschrijving"]),
            "for": self.tree(checklist.fields["voor_wie"]) if checklist.fields.get("voor_wie") else [],
            "points": [{"n": n, "label": point_label(checklist, n), "question": point["vraag"],
                        "explanation": self.tree(point["uitleg"]),
                        "knelpunt": knelpunten.label(point["knelpunt"]) if point.get("knelpunt") else "",
                        "source": self.sources[point["bron"]], "source_label": f"bronnen-{point['bron']}",
                        "source_text": self._source_line(self.catalogue.get("bronnen", point["bron"]))}
                       for n, point in enumerate(checklist.fields["punten"], 1)],
            "sources": self.source_refs(checklist), **self.qr(checklist),
        }

    def agenda_item(self, item: Entry) -> dict:
        f = item.fields
        return {"label": label(item), "title": item.title, "question": f["vraag"], "number": f.get("volgorde"),
                "why": self.tree(f["beschrijving"]), "who": self.tree(f["wie"]) if f.get("wie") else [],
                "organisations": [{"name": self.catalogue.get("organisaties", s).title,
                                   "label": f"organisaties-{s}"} for s in item.values("organisaties")],
                "sources": self.source_refs(item), **self.qr(item)}

    def organisation(self, entry: Entry) -> dict:
        f = entry.fields
        schema = self.catalogue.schema
        meta = [schema.vocabulary_of("soort", "organisaties").label(f["soort"])]
        meta += [schema.vocabulary_of("werkgebied").label(v) for v in entry.values("werkgebied")]
        address = self.edition.address(f"organisaties/{entry.slug}/")
        return {"label": label(entry), "name": entry.title, "abbreviation": f.get("afkorting", ""),
                "meta": " · ".join(meta), "text": self.tree(f["beschrijving"]),
                "website": short_address(f["website"]) if f.get("website") else "",
                "website_url": f.get("website", ""), "address": short_address(address) if address else "",
                "sources": self.source_refs(entry)}

    def source(self, entry: Entry, number: int) -> dict:
        f = entry.fields
        return {"n": number, "label": label(entry), "title": entry.title, "publisher": f["uitgever"],
                "year": str(f.get("jaar") or ""), "authors": ", ".join(entry.values("auteurs")),
                "url": f.get("url", ""), "address": short_address(f["url"]) if f.get("url") else "",
                "consulted": date_nl(f["geraadpleegd"]) if f.get("geraadpleegd") else ""}

    def term(self, term) -> dict:
        return {"label": f"begrip-{term.anchor}", "term": term.term, "abbreviation": term.abbreviation,
                "text": self.tree(term.explanation), "sources": [self.sources[s] for s in term.sources
                                                                 if s in self.sources]}


def _without_front_matter(text: str) -> str:
    return text.split("---", 2)[2] if text.startswith("---") else text


def _plain(nodes: list[Node]) -> str:
    return "".join(n if isinstance(n, str) else _plain(n.get("c", [])) for n in nodes)


def handbook_data(catalogue: Catalogue, edition: Edition, pages: Mapping[str, str]) -> dict[str, Any]:
    """Everything the handbook shows, as plain data for Typst. `pages`: docs file -> Markdown."""
    return _Builder(catalogue, edition, pages, full=not edition.selection).data()


def docs_pages(docs: Path) -> dict[str, str]:
    """The site's pages the handbook uses, read from the docs folder."""
    names = [what for kind, what in CHAPTERS if kind == "page"] + ["werkbladen-gebruiken.md"]
    return {name: (docs / name).read_text(encoding="utf-8") for name in names if (docs / name).is_file()}


def compile_pdf(template: str, data: dict[str, Any]) -> bytes:
    """One PDF from a template in templates/handbook/ and its data; any Typst warning is an error."""
    try:
        pdf, warnings = typst.compile_with_warnings(
            str(TEMPLATES / template), root=str(TEMPLATES), font_paths=[str(FONTS)], ignore_system_fonts=True,
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)}, pdf_standards=["ua-1"])
    except typst.TypstError as error:   # a mistake in our templates, never in the catalogue's text
        raise HandbookError(f"Typst kan het document niet maken: {getattr(error, 'diagnostic', '') or error}") from None
    if warnings:
        raise HandbookError("Typst waarschuwt: " + "; ".join(str(w) for w in warnings)
                            + ". Het handboek gebruikt alleen de lettertypen in hooks/kennisbank/fonts.")
    return pdf


def handbook_pdf(catalogue: Catalogue, edition: Edition, pages: Mapping[str, str]) -> bytes:
    return compile_pdf("handboek.typ", handbook_data(catalogue, edition, pages))


def worksheet_pdf(catalogue: Catalogue, checklist: Entry, edition: Edition) -> bytes:
    builder = _Builder(catalogue, edition, {}, full=False)
    data = {"title": f"Werkblad: {checklist.title}", "author": AUTHOR, "edition": f"Editie {edition.month}",
            "site": short_address(edition.site_url), "sheet": builder.sheet(checklist)}
    return compile_pdf("werkblad.typ", data)


def page_count(pdf: bytes) -> int:
    """The pages of a PDF Typst made, read from its page tree's root (/Type/Pages/Count N): parsing
    the whole file took 0.3 s for 140 pages."""
    return max(int(n) for n in re.findall(rb"/Type\s*/Pages\s*/Count\s+(\d+)", pdf))


def subsets(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(path, option, value) of every shorter handbook the site offers: one per theme and target group in use."""
    found = []
    for option, entry_field in SELECTIONS.items():
        vocabulary = catalogue.schema.vocabulary_of(entry_field)
        for value in vocabulary.values:
            if any(e.kind.folder != "bronnen" for e in catalogue.with_value(entry_field, value)):
                found.append((subset_path(entry_field, value, catalogue), option, value))
    return found


def subset_path(entry_field: str, value: str, catalogue: Catalogue) -> str:
    """handboek/themas-beleid.pdf: the word list's name and the value, as the facet page's address."""
    return f"handboek/{catalogue.schema.vocabulary_of(entry_field).name}-{value}.pdf"


def pdf_files(catalogue: Catalogue, edition: Edition, pages: Mapping[str, str], render: bool = True,
              say: Callable[[str], None] = lambda line: None) -> list[PdfFile]:
    """Every PDF of the site: the handbook, one worksheet per checklist, a short handbook per theme and
    target group in use. Without `render`, the same list with empty files (a quick build)."""
    def made(make: Callable[[], bytes]) -> tuple[bytes, int]:
        data = make() if render else b""
        return data, page_count(data) if render else 0

    files = [PdfFile(PDF_FILE, *made(lambda: handbook_pdf(catalogue, edition, pages)), TITLE, _holds(catalogue))]
    for checklist in catalogue.of_kind("checklists"):
        files.append(PdfFile(f"checklists/{checklist.slug}.pdf",
                             *made(lambda c=checklist: worksheet_pdf(catalogue, c, edition)), checklist.title,
                             _count(len(checklist.fields["punten"]), "punt", "punten")))
    for path, option, value in subsets(catalogue):
        short, selection = select(catalogue, **{option: value})
        files.append(PdfFile(path, *made(lambda: handbook_pdf(short, replace(edition, selection=selection), pages)),
                             selection.split(": ", 1)[1], _holds(short)))
    if render:
        say(f"  {len(files)} PDF's: het handboek ({files[0].pages} pagina's), "
            f"{len(catalogue.of_kind('checklists'))} werkbladen en {len(files) - 1 - len(catalogue.of_kind('checklists'))}"
            f" korte versies")
    return files


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _holds(catalogue: Catalogue) -> str:
    """'8 voorbeelden, 3 agendapunten, 9 organisaties': what a handbook holds beyond the fixed chapters."""
    return ", ".join(_count(len(catalogue.of_kind(folder)), one, more) for folder, one, more in
                     (("voorbeelden", "voorbeeld", "voorbeelden"), ("checklists", "werkblad", "werkbladen"),
                      ("agenda", "agendapunt", "agendapunten"), ("organisaties", "organisatie", "organisaties"))
                     if catalogue.of_kind(folder))


def file_size(size: int) -> str:
    """1234567 -> '1,2 MB'; 56789 -> '56 kB'."""
    return f"{size / 1_000_000:.1f} MB".replace(".", ",") if size >= 1_000_000 else f"{max(1, size // 1000)} kB"


def handbook_page(files: list[PdfFile], edition: Edition) -> str:
    """The Markdown of the /handboek/ page: every PDF with its page count and size."""
    return environment().get_template("handbook/page.md.j2").render(
        files=files, edition=f"Dit is de editie van {edition.month}", size=file_size)
