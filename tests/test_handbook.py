"""The printable handbook: handboek.pdf, the worksheets, the /handboek/ page and the print CSS.

The PDFs are made once per run from the real catalogue (kennisbank.handbook.write_pdfs, the
function the MkDocs hook calls). Text comes from pdftotext when poppler is installed
(.ci/run installs it), otherwise from pypdf; these tests install nothing themselves.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import tinycss2
from pypdf import PdfReader

import datetime as dt

from conftest import REAL_CATALOGUE, ROOT, kennisbank
from kennisbank import handbook, load_catalogue
from kennisbank.handbook import Edition, HandbookError, handbook_page, pdf_paths, select, write_pdfs
from kennisbank.pages import Renderer
from synthetic import write_catalogue

CHAPTERS = [title for _, title in (
    ("wat-is-ervaringsdeskundigheid", "Wat is ervaringsdeskundigheid?"),
    ("meerwaarde", "Wat ervaringsdeskundigen toevoegen"),
    ("knelpunten", "Knelpunten en eyeopeners"),
    ("voorbeelden", "Goede voorbeelden"),
    ("checklists", "Checklists en werkbladen"),
    ("agenda", "Ontwikkelagenda"),
    ("organisaties", "Wie doet wat: organisaties"),
    ("bronnen", "Bronnen"),
)]
EDITION = Edition(built=dt.date(2026, 12, 2), site_url="https://kennisbank-ej.github.io/kennisbank/")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def page_texts(pdf: Path, layout: bool = False) -> list[str]:
    """Text per page; pdftotext when poppler is installed, else pypdf.

    layout=True keeps each printed line together (contents lines with their page number);
    without it, text in two columns is read column by column.
    """
    if shutil.which("pdftotext"):
        command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return [flat(page) for page in out.split("\f")[:-1]]
    return [flat(page.extract_text() or "") for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REAL_CATALOGUE)


@pytest.fixture(scope="module")
def built(tmp_path_factory, catalogue):
    site = tmp_path_factory.mktemp("pdf-site")
    lines: list[str] = []
    written = write_pdfs(catalogue, site, EDITION, say=lines.append)
    return site, written, lines


@pytest.fixture(scope="module")
def pages(built):
    return page_texts(built[0] / "handboek.pdf")


@pytest.fixture(scope="module")
def lines(built):
    return page_texts(built[0] / "handboek.pdf", layout=True)


@pytest.fixture(scope="module")
def chapter_pages(lines):
    """Chapter title -> page number, as the contents says."""
    found = {}
    for title in CHAPTERS:
        number = re.search(re.escape(title) + r"[ .]*?(\d+)", lines[1])
        found[title] = int(number.group(1)) if number else None
    return found


def test_the_handbook_and_one_worksheet_per_checklist_are_written(built, catalogue):
    site, written, _ = built
    checklists = catalogue.of_kind("checklists")
    assert checklists
    assert sorted(written) == sorted(["handboek.pdf"] + [f"checklists/{c.slug}.pdf" for c in checklists])
    for path in written:
        assert (site / path).read_bytes().startswith(b"%PDF-")
    assert not list(site.rglob("*.tmp"))


def test_progress_says_what_it_does_and_how_long_it_took(built):
    _, _, lines = built
    assert lines[0].startswith("Handboek maken")
    assert re.search(r"handboek\.pdf: \d+ pagina's in \d+\.\d s", lines[1])
    assert re.search(r"werkbladen .* in \d+\.\d s", lines[2])


def test_every_organisation_is_named(pages, catalogue):
    text = " ".join(pages)
    missing = [o.title for o in catalogue.of_kind("organisaties") if flat(o.title) not in text]
    assert not missing


def test_cover_and_contents_list_the_chapters_with_their_page_numbers(pages, lines, chapter_pages):
    assert "Handboek ervaringsdeskundigheid in de jeugdhulp" in pages[0]
    assert "Editie december 2026" in pages[0] and "Gemaakt op" in pages[0]
    assert "Inhoud" in lines[1]
    numbers = list(chapter_pages.values())
    assert None not in numbers, chapter_pages
    assert numbers == sorted(numbers) and numbers[0] == 3
    for title, page in chapter_pages.items():
        # The chapter really starts on that page, under its number.
        assert re.search(r"\d+ " + re.escape(title), lines[page - 1]), (title, page)


def test_running_header_and_footer(lines, chapter_pages):
    total = len(lines)
    for number, text in enumerate(lines[1:], 2):
        assert f"pagina {number} van {total}" in text
    second_page = lines[chapter_pages["Goede voorbeelden"]]  # the page after the chapter's first
    assert second_page.startswith("Goede voorbeelden Handboek ervaringsdeskundigheid")


def test_bookmarks_for_chapters_and_entries(built, catalogue):
    reader = PdfReader(built[0] / "handboek.pdf")
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [flat(item.title) for item in top]
    for title in CHAPTERS:
        assert any(t.endswith(title) for t in titles), title
    nested = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                nested.append(flat(item.title))
    walk(reader.outline)
    for entry in catalogue.of_kind("voorbeelden") + catalogue.of_kind("checklists"):
        assert flat(entry.title) in nested, entry.title


def test_chapter_bookmarks_open_the_page_the_contents_names(built, chapter_pages):
    reader = PdfReader(built[0] / "handboek.pdf")
    opened = {}
    for item in reader.outline:
        if not isinstance(item, list):
            for title in CHAPTERS:
                if flat(item.title).endswith(title):
                    opened[title] = reader.get_destination_page_number(item) + 1
    assert opened == chapter_pages


def test_tagged_with_title_author_and_language(built):
    path = built[0] / "handboek.pdf"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "nl"
    assert reader.metadata.title == "Handboek ervaringsdeskundigheid in de jeugdhulp"
    assert reader.metadata.author == "Kennisbank Ervaringsdeskundigheid Jeugd"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.M)
        assert re.search(r"^Page size:.*\(A4\)$", info, re.M)


def test_page_count_is_sane(pages, catalogue):
    entries = len(catalogue.entries)
    # Cover, contents, eight chapters; each example or worksheet needs at most about a page.
    assert 10 <= len(pages) <= 12 + entries


def test_links_to_the_web_show_their_address(pages, catalogue):
    text = " ".join(pages)
    with_site = [o for o in catalogue.of_kind("organisaties") if o.fields.get("website")]
    assert with_site
    squeezed = text.replace(" ", "")  # a long address may wrap over two lines
    for organisation in with_site:
        assert organisation.fields["website"] in squeezed


def test_worksheets_hold_every_question_with_a_tick_box(built, catalogue):
    site = built[0]
    for checklist in catalogue.of_kind("checklists"):
        path = site / "checklists" / f"{checklist.slug}.pdf"
        texts = page_texts(path)
        assert len(texts) <= 2, f"{checklist.slug}: {len(texts)} pagina's"
        text = " ".join(texts)
        assert flat(checklist.title) in text
        for item in checklist.fields["punten"]:
            assert flat(item["vraag"]) in text
        assert "Aantekeningen" in text


def test_worksheet_template_draws_tick_boxes_with_borders():
    css = (handbook.PRINT_CSS).read_text(encoding="utf-8")
    box = re.search(r"\.hb-box \{([^}]*)\}", css).group(1)
    assert "border:" in box and "width:" in box and "height:" in box
    assert re.search(r"\.hb-card \{[^}]*break-inside: avoid", css)
    assert re.search(r"\.hb-chapter \{[^}]*break-before: page", css)
    assert re.search(r"@page \{\s*size: A4;", css)
    assert "target-counter(attr(href), page)" in css and "string-set: chapter" in css


def test_a_failed_pdf_leaves_no_file(tmp_path, catalogue, monkeypatch):
    def broken(html, css):
        raise HandbookError("kapot")
    monkeypatch.setattr(handbook, "_render_pdf", broken)
    with pytest.raises(HandbookError):
        write_pdfs(catalogue, tmp_path, EDITION, say=lambda line: None)
    assert list(tmp_path.rglob("*")) == []


def test_the_hook_stops_the_build_when_a_pdf_fails(tmp_path, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    hooks = config.hooks["hooks/kennisbank_hooks.py"]
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)

    def broken(*args, **kwargs):
        raise OSError("schijf vol")
    monkeypatch.setattr(hooks, "write_pdfs", broken)
    monkeypatch.delenv("KENNISBANK_PDF", raising=False)
    with pytest.raises(Abort, match="Het handboek \\(PDF\\) is niet gemaakt"):
        hooks.on_post_build(config)


def test_a_shorter_handbook_for_one_theme(catalogue):
    short, line = select(catalogue, thema="ouderperspectief")
    assert line == "Thema: " + catalogue.vocabularies["themas"].label("ouderperspectief")
    examples = short.of_kind("voorbeelden")
    assert examples and all("ouderperspectief" in e.values("themas") for e in examples)
    assert len(examples) < len(catalogue.of_kind("voorbeelden"))
    # What the chosen entries cite stays, so every card can name its organisation and sources.
    for entry in short.entries:
        for _, folder, slug in short.references(entry):
            if folder in ("organisaties", "bronnen"):
                short.get(folder, slug)
    with pytest.raises(HandbookError, match="geen bekende waarde voor --doelgroep"):
        select(catalogue, doelgroep="marsmannetjes")


def test_the_handbook_command_writes_a_short_pdf(tmp_path):
    out = tmp_path / "kort.pdf"
    result = kennisbank("handboek", "--doelgroep", "ouders", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "pagina's in" in result.stdout
    assert "Doelgroep: Ouders" in " ".join(page_texts(out)[:1])
    assert "kennisbank-ej.github.io/kennisbank" in " ".join(page_texts(out))   # site_url, read by MkDocs
    bad = kennisbank("handboek", "--thema", "bestaat-niet", "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 1 and "geen bekende waarde voor --thema" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "x.pdf").exists()


def test_handbook_page_links_every_pdf(catalogue):
    page = handbook_page(catalogue, EDITION)
    assert "](../handboek.pdf)" in page
    for path in pdf_paths(catalogue)[1:]:
        assert f"](../{path})" in page


def test_checklist_pages_link_their_worksheet(catalogue):
    rendered = Renderer(catalogue, dt.date(2026, 11, 23)).pages()
    for checklist in catalogue.of_kind("checklists"):
        assert f"]({checklist.slug}.pdf)" in rendered[checklist.path]


def test_start_page_links_the_handbook():
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "(handboek.pdf)" in index and "(handboek/index.md)" in index


def _print_rules(path: Path) -> list[tuple[str, str]]:
    """(selector, declarations) of every rule inside @media print."""
    rules = []
    for node in tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True,
                                          skip_whitespace=True):
        if node.type == "at-rule" and node.lower_at_keyword == "media" and "print" in tinycss2.serialize(node.prelude):
            for rule in tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True):
                if rule.type == "qualified-rule":
                    rules.append((flat(tinycss2.serialize(rule.prelude)), tinycss2.serialize(rule.content)))
    return rules


def test_site_print_stylesheet_hides_the_site_chrome():
    rules = _print_rules(ROOT / "docs" / "assets" / "handboek.css")
    hidden = {s.strip() for selector, body in rules if re.search(r"display:\s*none", body)
              for s in selector.split(",")}
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-top",
                   ".md-content__button"):
        assert chrome in hidden, chrome
    breaks = {s.strip(): body for selector, body in rules for s in selector.split(",")}
    assert "break-before: page" in breaks[".kb-handboek .hb-chapter"]
    assert "break-inside: avoid" in breaks[".kb-handboek .hb-card"]
    assert "attr(href)" in breaks['.md-typeset a[href^="http"]::after']
    mkdocs_yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/handboek.css" in mkdocs_yml


def test_handbook_of_a_synthetic_catalogue(tmp_path):
    """Nothing depends on particular entries: a generated catalogue makes a complete handbook."""
    write_catalogue(tmp_path / "catalogue", 40, seed=3)
    synthetic = load_catalogue(tmp_path / "catalogue")
    html = handbook.handbook_html(synthetic, EDITION)
    for entry in synthetic.entries:
        assert f'id="{entry.kind.folder}-{entry.slug}"' in html
    pdf = handbook.render_handbook_pdf(synthetic, EDITION)
    assert 10 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 12 + len(synthetic.entries)
