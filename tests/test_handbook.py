"""The printable handbook: every PDF of the site, typeset by Typst from data, and the pages that offer them.

The PDFs are made once per module from the real catalogue (handbook.pdf_files, what the build
does). Text and structure are read with pypdf, so no assertion depends on what the machine has.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import replace

import pytest
import zxingcpp
from pypdf import PdfReader

from conftest import REAL_CATALOGUE, ROOT, kennisbank
from kennisbank import Catalogue, handbook, load_catalogue
from kennisbank.handbook import (PDF_FILE, Edition, HandbookError, docs_pages, handbook_page, handbook_pdf,
                                 pdf_files, select, short_address, worksheet_pdf)
from kennisbank.markup import to_html, to_tree
from kennisbank.model import freeze
from kennisbank.pages import Renderer

SITE = "https://kennisbank-ej.github.io/kennisbank/"
PDFTOPPM = shutil.which("pdftoppm")
EDITION = Edition(built=dt.date(2026, 12, 2), site_url=SITE)
PAGES = docs_pages(ROOT / "docs")


def words(text: str) -> str:
    """Text as a run of lower-case words: line breaks, hyphenation and spacing do not matter."""
    text = re.sub(r"[\u00ad]|-\n", "", text)
    return " ".join(re.findall(r"\w+", text.lower()))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REAL_CATALOGUE)


@pytest.fixture(scope="module")
def files(catalogue):
    """Every PDF of the site (some seconds: the tests that use it are slow)."""
    return {pdf.path: pdf for pdf in pdf_files(catalogue, EDITION, PAGES)}


@pytest.fixture(scope="module")
def book(catalogue) -> bytes:
    return handbook_pdf(catalogue, EDITION, PAGES)


@pytest.fixture(scope="module")
def texts(book) -> list[str]:
    return page_texts(book)


@pytest.fixture(scope="module")
def everything(texts) -> str:
    return words(" ".join(texts))


@pytest.mark.slow
def test_every_pdf_of_the_site_is_made(files, catalogue):
    checklists = [f"checklists/{c.slug}.pdf" for c in catalogue.of_kind("checklists")]
    themes = [p for p in files if p.startswith("handboek/themas-")]
    groups = [p for p in files if p.startswith("handboek/doelgroepen-")]
    assert set(files) == {PDF_FILE, *checklists, *themes, *groups}
    assert themes and groups
    for pdf in files.values():
        assert pdf.data.startswith(b"%PDF-") and pdf.pages == len(PdfReader(io.BytesIO(pdf.data)).pages) > 0


def test_accessible_pdf_tagged_with_title_author_language_and_pdf_ua(book):
    reader = PdfReader(io.BytesIO(book))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("nl")
    assert reader.metadata.title == handbook.TITLE and reader.metadata.author == handbook.AUTHOR
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfuaid:part[^0-9]*1", xmp)


def bookmarks(items, level=1):
    """(level, title) of every bookmark, in order."""
    for item in items:
        if isinstance(item, list):
            yield from bookmarks(item, level + 1)
        else:
            yield level, item.title


def test_bookmarks_go_three_levels_deep(book, catalogue):
    found = list(bookmarks(PdfReader(io.BytesIO(book)).outline))
    chapters = [title for level, title in found if level == 1]
    assert {"4 Goede voorbeelden", "6 Werkbladen", "12 Bronnen"} <= set(chapters), chapters
    cards = {title for level, title in found if level == 3}
    assert {e.title for e in catalogue.of_kind("voorbeelden")} <= cards


def test_the_contents_names_the_page_each_chapter_starts_on(texts):
    contents = texts[1]
    entries = re.findall(r"^(\d+)\s+(.+?)\s*(?:\.\s*){3,}(\d+)\s*$", contents, re.MULTILINE)
    assert len(entries) >= 10, contents
    for number, title, page in entries:
        start = words(texts[int(page) - 1])[:120]
        assert start.startswith(words(f"{number} {title}")), (title, page, start[:80])


def test_cover_has_title_edition_and_no_commit(texts):
    cover = words(texts[0])
    assert words("Handboek ervaringsdeskundigheid in de jeugdhulp") in cover
    assert "editie december 2026" in cover
    assert "versie" not in cover


def test_every_card_carries_all_a_reader_needs_and_its_address(everything, texts, catalogue):
    for example in catalogue.of_kind("voorbeelden"):
        for lesson in example.values("lessen"):
            assert words(lesson) in everything, (example.slug, lesson)
        for name in ("opbrengst", "aanpak"):
            if example.fields.get(name):
                assert words(example.fields[name])[:60] in everything, (example.slug, name)
        address = short_address(f"{SITE}voorbeelden/{example.slug}/")   # may wrap after one of its hyphens
        assert address in re.sub(r"\s", "", " ".join(texts)), example.slug


def scanned(pdf: bytes, page: int) -> set[str]:
    """What a phone reads from the QR codes on one page (1-based), printed at 150 dpi in grey."""
    if not PDFTOPPM:
        pytest.skip("LET OP: pdftoppm (poppler-utils) ontbreekt; de QR-codes zijn niet gescand. "
                    "Installeer poppler-utils (.ci/run doet dat).")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        image = subprocess.run([PDFTOPPM, "-gray", "-r", "150", "-f", str(page), "-l", str(page), file.name],
                               capture_output=True, check=True).stdout
    magic, size, _, pixels = image.split(b"\n", 3)   # PGM: P5, "width height", 255, the pixels
    width, height = map(int, size.split())
    return {code.text for code in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))}


def test_the_qr_codes_scan_to_the_pages_they_name(book, texts, catalogue):
    example = catalogue.of_kind("voorbeelden")[0]
    page = next(i for i, text in enumerate(texts, 1) if words(short_address(f"{SITE}voorbeelden/{example.slug}/"))
                in words(text))
    assert f"{SITE}voorbeelden/{example.slug}/" in scanned(book, page)
    assert SITE in scanned(book, 1)   # the cover: the site itself
    checklist = catalogue.of_kind("checklists")[0]
    assert scanned(worksheet_pdf(catalogue, checklist, EDITION), 1) == {f"{SITE}checklists/{checklist.slug}/"}


def test_the_directorys_last_page_has_two_columns_of_about_equal_height(book, texts):
    """Typst does not balance columns; the template does, on the last page of the directory."""
    last = max(i for i, text in enumerate(texts) if text.upper().startswith("WIE DOET WAT"))
    page = PdfReader(io.BytesIO(book)).pages[last]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    lines: list[tuple[float, float]] = []

    def seen(text, cm, tm, font, size):
        x, y = cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        if text.strip() and 60 < y < height - 60:   # not the running header or the footer
            lines.append((x, y))

    page.extract_text(visitor_text=seen)
    top = max(y for _, y in lines)
    left = top - min(y for x, y in lines if x < width / 2)
    right = top - min((y for x, y in lines if x >= width / 2), default=top)
    assert right > 0 and max(left, right) < 2 * min(left, right), (left, right)


def test_the_sites_own_pages_are_chapters(everything):
    for name in ("wat-is-ervaringsdeskundigheid.md", "meerwaarde.md", "knelpunten.md", "zo-begin-je.md",
                 "zelf-ervaringsdeskundige-worden.md", "samen-wijzer.md"):
        for heading in re.findall(r"^## (.+?)(?:\s*\{.*\})?$", PAGES[name], re.MULTILINE):
            assert words(heading) in everything, (name, heading)


def test_a_cross_reference_names_the_page_of_the_point(texts, catalogue):
    """The bottlenecks chapter links checklist points; "(p. N)" is the page where the point stands."""
    checked = 0
    for index, text in enumerate(texts):
        for question, page in re.findall(r"([A-Z][^?\n]{10,}\?)\s*\(p\.\s*(\d+)\)", text):
            target = words(texts[int(page) - 1])
            if words(question) in words(" ".join(p["vraag"] for c in catalogue.of_kind("checklists")
                                                 for p in c.fields["punten"])):
                assert words(question) in target, (index + 1, question, page)
                checked += 1
    assert checked >= 5


def test_every_worksheet_fits_one_page_with_its_explanation_overleaf(catalogue):
    for checklist in catalogue.of_kind("checklists"):
        pages = page_texts(worksheet_pdf(catalogue, checklist, EDITION))
        points = checklist.fields["punten"]
        sheet = words(pages[0])
        assert len(pages) == 2, checklist.slug
        assert all(words(p["vraag"]) in sheet for p in points), checklist.slug
        assert "afspraken" in sheet and "naam" in sheet and "datum" in sheet
        assert all(words(p["uitleg"])[:50] in words(pages[1]) for p in points), checklist.slug


def test_a_list_too_long_for_one_page_flows_on_and_keeps_every_point(catalogue):
    checklist = catalogue.of_kind("checklists")[0]
    point = checklist.fields["punten"][0]
    many = tuple(freeze({**point, "vraag": f"Vraag nummer {n} van de lange lijst?"}) for n in range(1, 31))
    long = replace(checklist, fields=freeze({**checklist.fields, "punten": many}))
    pages = page_texts(worksheet_pdf(Catalogue(tuple(e if e is not checklist else long for e in catalogue.entries),
                                               catalogue.schema), long, EDITION))
    explained = next(i for i, text in enumerate(pages) if "uitleg bij het werkblad" in words(text))
    sheet = words(" ".join(pages[:explained]))
    assert explained >= 2   # the sheet itself took more than one page
    assert all(f"vraag nummer {n} van de lange lijst" in sheet for n in range(1, 31))
    assert "afspraken" in words(pages[explained - 1])


EVIL = '#panic("x") $x$ *b* _i_ @label <tag> ] \\ // c'
# In a Markdown field the stars and underscores mean emphasis, as on the site; the rest stays text.
MARKDOWN_EVIL, MARKDOWN_PRINTED = 'Zie #panic("x") $x$ @label &lt;tag&gt; ] // c', 'Zie #panic("x") $x$ @label <tag> ] // c'


def with_evil(entry, **fields):
    """The entry with `fields` replaced, past the validator (which refuses '<tag>'): what if a text slipped through?"""
    return replace(entry, fields=freeze({**entry.fields, **fields}))


def test_the_handbook_reads_markdown_whitespace_as_a_browser_does():
    """A list item wrapped over two source lines: one space where the line broke, none doubled."""
    tree = to_tree("- Jongeren praten mee\n  (Samen Wijzer) en\n  **vaak\n  ook** thuis\u00a0mee.\n")
    item = tree[0]["items"][0][0]["c"]
    assert item[0] == "Jongeren praten mee (Samen Wijzer) en "
    assert item[1] == {"t": "b", "c": ["vaak ook"]} and item[2] == " thuis\u00a0mee."


def test_text_that_looks_like_typst_prints_literally(tiny):
    """In a title, a text field, a lesson, a checklist question and a source title: printed as typed."""
    tiny.write("checklists/lijst.yml", """
        titel: Lijst
        beschrijving: Een lijst.
        punten:
          - vraag: Een vraag?
            uitleg: Uitleg.
            bron: een-bron
        bronnen: [een-bron]
        laatst_gecontroleerd: 2026-11-01
    """)
    loaded = load_catalogue(tiny.root)
    evil_entries = []
    for entry in loaded.entries:
        if entry.kind.folder == "voorbeelden":
            entry = with_evil(entry, titel=f"{EVIL} titel", lessen=(f"{MARKDOWN_EVIL} les",),
                              beschrijving=f"Tekst: {MARKDOWN_EVIL} veld.", aanpak="# Een kop\n\nDan tekst.")
        elif entry.kind.folder == "checklists":
            entry = with_evil(entry, punten=(freeze({**entry.fields["punten"][0], "vraag": f"{EVIL} vraag?"}),))
        elif entry.kind.folder == "bronnen":
            entry = with_evil(entry, titel=f"{EVIL} bron")
        evil_entries.append(entry)
    catalogue = Catalogue(tuple(evil_entries), loaded.schema)
    compact = re.sub(r"\s+", "", " ".join(page_texts(handbook_pdf(catalogue, EDITION, PAGES))))
    for printed in (f"{EVIL} titel", f"{EVIL} vraag?", f"{EVIL} bron", f"{MARKDOWN_PRINTED} les",
                    f"{MARKDOWN_PRINTED} veld."):
        assert re.sub(r"\s+", "", printed) in compact, printed
    sheet = " ".join(page_texts(worksheet_pdf(catalogue, catalogue.get("checklists", "lijst"), EDITION)))
    assert re.sub(r"\s+", "", f"{EVIL} vraag?") in re.sub(r"\s+", "", sheet)


def test_a_missing_font_stops_the_pdf(tmp_path, monkeypatch, catalogue):
    monkeypatch.setattr(handbook, "FONTS", tmp_path)   # no Lato: Typst would fall back silently
    with pytest.raises(HandbookError, match="lettertype|font"):
        worksheet_pdf(catalogue, catalogue.of_kind("checklists")[0], EDITION)


def test_a_shorter_handbook_for_one_theme(catalogue):
    short, line = select(catalogue, thema="ouderperspectief")
    assert line == "Thema: " + catalogue.schema.vocabulary_of("themas").label("ouderperspectief")
    examples = short.of_kind("voorbeelden")
    assert examples and all("ouderperspectief" in e.values("themas") for e in examples)
    assert len(examples) < len(catalogue.of_kind("voorbeelden"))
    for entry in short.entries:   # what the chosen entries cite stays, so every card is complete
        for _, folder, slug in short.references(entry):
            if folder in ("organisaties", "bronnen"):
                short.get(folder, slug)
    with pytest.raises(HandbookError, match="geen bekende waarde voor --doelgroep"):
        select(catalogue, doelgroep="marsmannetjes")


@pytest.mark.slow
def test_the_short_versions_say_what_they_hold(files, catalogue):
    pdf = files["handboek/themas-ouderperspectief.pdf"]
    cover = words(page_texts(pdf.data)[0])
    assert "korte versie" in cover and words(catalogue.schema.vocabulary_of("themas").label("ouderperspectief")) in cover
    assert pdf.pages < files[PDF_FILE].pages


@pytest.mark.slow
def test_the_download_page_offers_every_pdf_with_pages_and_size(files):
    page = handbook_page(list(files.values()), EDITION)
    for pdf in files.values():
        line = next(line for line in page.splitlines() if f"](../{pdf.path})" in line)
        size = handbook.file_size(pdf.size)
        assert f"{pdf.pages} pagina's, {size}" in line, line
        parts = pdf.holds.split(", ")
        assert all(re.fullmatch(r"[1-9]\d* (punt(en)?|voorbeeld(en)?|werkblad(en)?|agendapunt(en)?|organisaties?)", p) for p in parts), pdf.holds
        assert pdf.holds in line or pdf is files[PDF_FILE]
    assert "editie van december 2026" in page
    html = to_html(page.split("---", 2)[2])   # without the front matter
    assert html.count("<table>") == 3 and html.count('class="md-button md-button--primary"') == 1


def test_theme_and_target_group_pages_offer_their_short_handbook(catalogue):
    pages = Renderer(catalogue, dt.date(2026, 12, 2)).pages()
    assert "(../handboek/themas-ouderperspectief.pdf)" in pages["themas/ouderperspectief.md"]
    assert "(../handboek/doelgroepen-ouders.pdf)" in pages["doelgroepen/ouders.md"]
    for checklist in catalogue.of_kind("checklists"):
        assert f"]({checklist.slug}.pdf)" in pages[checklist.path]


def test_the_handbook_command_writes_a_short_pdf(tmp_path):
    out = tmp_path / "kort.pdf"
    result = kennisbank("handboek", "--doelgroep", "ouders", "-o", str(out))
    assert result.returncode == 0, result.stderr
    cover = words(page_texts(out.read_bytes())[0])
    assert "doelgroep ouders" in cover and "kennisbank ej github io kennisbank" in cover   # site_url, read by MkDocs
    bad = kennisbank("handboek", "--thema", "bestaat-niet", "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "geen bekende waarde voor --thema" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "x.pdf").exists()


def test_the_build_stops_when_a_pdf_cannot_be_made(tmp_path, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from mkdocs.structure.files import Files

    import kennisbank.site

    def broken(*args, **kwargs):
        raise HandbookError("kapot")
    monkeypatch.setattr(kennisbank.site, "pdf_files", broken)
    monkeypatch.delenv("KENNISBANK_PDF", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    config = config.plugins.on_config(config)
    with pytest.raises(Abort, match="Het handboek \\(PDF\\) is niet gemaakt: kapot"):
        config.plugins.on_files(Files([]), config=config)


def test_the_sites_print_stylesheet_hides_the_screen_and_shows_addresses():
    css = (ROOT / "docs" / "assets" / "print.css").read_text(encoding="utf-8")
    hidden = re.search(r"\{[^}]*display: none", css[css.index(".md-header"):]).group(0)
    rules = css[css.index(".md-header"):css.index(hidden) + len(hidden)]
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".md-search", ".md-typeset .md-button",
                   ".md-typeset form", ".md-typeset input", ".kb-afvinken"):
        assert chrome in rules, chrome
    assert re.search(r"h2[^{]*\{\s*break-after: avoid", css)
    assert 'a[href^="http"]::after' in css and "attr(href)" in css
    assert "assets/print.css" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_start_page_links_the_handbook():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "(handboek.pdf)" in index and "(handboek/index.md)" in index   # also in the tiles of hooks/theme/home.html
