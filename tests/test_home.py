"""The home page by task, the route pages, the share images and the site's look (#16)."""

from __future__ import annotations

import datetime as dt
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import material
import pytest
import yaml

from conftest import REAL_CATALOGUE, ROOT
from kennisbank import load_catalogue
from kennisbank.home import THEME_ICONS, home_tiles
from kennisbank.moved import MOVED, redirect_pages
from kennisbank.pages import Renderer
from kennisbank.routes import ListError, fill_lists
from kennisbank.share import HEIGHT, SECTIONS, WIDTH, share_image, share_images
from tests.browser.site_pages import PAGE_TYPES

ICONS = Path(material.__file__).parent / "templates" / ".icons"
ROUTES = ["voor/gemeente-en-beleid.md", "voor/organisatie-en-professional.md", "voor/ouder-of-jongere.md",
          "voor/trainer.md"]
SITE_URL = "https://kennisbank-ej.github.io/kennisbank/"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REAL_CATALOGUE)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def article(html: str) -> str:
    return html[html.index('<article'):html.index('</article>')]


def local_target(site: Path, page_url: str, href: str) -> Path | None:
    """The file a relative link in the site leads to; None for links elsewhere or within the page."""
    if href.startswith(("#", "mailto:")) or urlsplit(href).scheme:
        return None
    path = urlsplit(urljoin(page_url, href)).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


# --- without a build ---------------------------------------------------------------------------

def test_every_theme_has_an_icon_that_material_ships(catalogue):
    assert set(THEME_ICONS) == set(catalogue.vocabularies["themas"].values)
    for icon in THEME_ICONS.values():
        assert (ICONS / f"{icon}.svg").is_file(), icon


def test_the_home_page_names_four_routes_with_icons_and_existing_featured_entries(catalogue):
    meta = front_matter(ROOT / "docs" / "index.md")
    assert [route["pagina"] for route in meta["routes"]] == ROUTES
    for route in meta["routes"]:
        assert (ROOT / "docs" / route["pagina"]).is_file() and (ICONS / f"{route['icoon']}.svg").is_file()
    warnings: list[str] = []
    tiles = home_tiles(catalogue, meta, warn=warnings.append)
    assert not warnings
    assert [t.path for t in tiles["uitgelicht"]] == [f"{key}.md" for key in meta["uitgelicht"]]
    assert len(tiles["routes"]) == 4 and len(tiles["uitgelicht"]) == 3 and len(tiles["themas"]) > 5
    # A name that is gone: a warning, and the first examples fill up (another catalogue still builds).
    tiles = home_tiles(catalogue, {"uitgelicht": ["voorbeelden/bestaat-niet"]}, warn=warnings.append)
    assert "voorbeelden/bestaat-niet" in warnings[0] and len(tiles["uitgelicht"]) == 3


def test_a_route_page_lists_the_entries_of_its_front_matter(catalogue):
    page = "voor/x.md"
    text = fill_lists("## C\n\n<!-- lijst: checklists -->\n\n## V\n\n<!-- lijst: voorbeelden -->\n",
                      {"checklists": {"doelgroepen": ["gemeenten"]}, "voorbeelden": {}}, catalogue, page)
    assert "<!--" not in text
    for entry in catalogue.of_kind("checklists"):
        assert (f"](../{entry.path})" in text) == ("gemeenten" in entry.values("doelgroepen")), entry.slug
    for entry in catalogue.of_kind("voorbeelden"):
        assert f"](../{entry.path})" in text
    with pytest.raises(ListError, match="lijsten"):
        fill_lists("<!-- lijst: agenda -->\n", {}, catalogue, page)


def test_every_route_page_has_its_lists_in_its_front_matter_and_lists_something(catalogue):
    for route in ROUTES:
        text = (ROOT / "docs" / route).read_text(encoding="utf-8")
        meta = front_matter(ROOT / "docs" / route)
        filled = fill_lists(text, meta["lijsten"], catalogue, route)
        assert filled.count("](../") > text.count("](../"), route
        assert "Hier staat nog niets" not in filled, route


def test_an_old_address_leads_to_an_entry_and_is_never_used_again(catalogue):
    for (folder, old), new in MOVED.items():
        catalogue.get(folder, new)
        assert not (REAL_CATALOGUE / folder / f"{old}.yml").exists()
    pages = dict(redirect_pages(catalogue))
    page = pages["voorbeelden/jongeren-getraind-als-adviseur-njr/index.html"]
    assert 'content="0; url=../jongeren-getraind-als-adviseur-bij-njr-hoofdzaken/"' in page
    assert '<html lang="nl">' in page


def test_the_njr_example_is_named_after_its_title(catalogue):
    entry = catalogue.get("voorbeelden", "jongeren-getraind-als-adviseur-bij-njr-hoofdzaken")
    assert entry.title == "Jongeren getraind als adviseur bij NJR Hoofdzaken"


def test_share_images_are_1200_by_630_pngs_one_per_part_of_the_site(tmp_path):
    logo = (ROOT / "docs" / "assets" / "logo.svg").read_text(encoding="utf-8")
    images = dict(share_images(logo, cache=tmp_path))
    assert len(images) == len({name for name, _ in SECTIONS.values()}) + 1
    for path, png in images.items():
        assert png_size(png) == (WIDTH, HEIGHT) == (1200, 630), path
    assert dict(share_images(logo, cache=tmp_path)) == images   # the second time from the cache
    assert share_image("index.md") == "assets/delen/start.png"
    assert share_image("voorbeelden/njr.md") == "assets/delen/voorbeelden.png"
    assert share_image("voor/trainer.md") == "assets/delen/voor-wie.png"
    assert share_image("privacy.md") == "assets/delen/pagina.png"
    assert all(path in images for path in map(share_image, ["index.md", "bronnen/x.md", "over.md", "themas/a.md"]))


def test_a_source_is_consulted_on_the_site_and_in_the_pdf_never_read():
    """One word for a source's access date: 'Geraadpleegd op', in the schema, the page and the handbook."""
    folders = [ROOT / "hooks", ROOT / "catalogue", ROOT / "docs", ROOT / "CONTRIBUTING.md"]
    files = [f for folder in folders for f in ([folder] if folder.is_file() else folder.rglob("*"))
             if f.is_file() and f.suffix in {".md", ".j2", ".typ", ".json", ".yml", ".py", ".html"}]
    assert not [f for f in files if "gelezen op" in f.read_text(encoding="utf-8").casefold()]
    templates = ROOT / "hooks" / "kennisbank" / "templates"
    assert 'fact("Geraadpleegd op"' in (templates / "bronnen.md.j2").read_text(encoding="utf-8")
    assert "Geraadpleegd op" in (templates / "handbook" / "handboek.typ").read_text(encoding="utf-8")


def test_the_agenda_question_is_text_at_body_size_not_a_box(catalogue):
    pages = Renderer(catalogue, dt.date(2026, 12, 1)).pages()
    entry = catalogue.of_kind("agenda")[0]
    page = pages[entry.path]
    assert "!!!" not in page.split("## Waarom")[0]
    assert '<div class="kb-vraag" markdown>' in page and entry.fields["vraag"] in page


# --- on the built site ---------------------------------------------------------------------------

def test_the_home_page_has_four_route_links_that_resolve(real_build):
    html = (real_build.site / "index.html").read_text(encoding="utf-8")
    routes = html[html.index('class="kb-tegels kb-tegels--routes"'):]
    routes = routes[:routes.index("</ul>")]
    hrefs = [attrs["href"] for tag, attrs in tags(routes) if tag == "a"]
    assert hrefs == [f"voor/{Path(r).stem}/" for r in ROUTES]
    for href in hrefs:
        assert (real_build.site / href / "index.html").is_file(), href
    assert 'href="handboek.pdf"' in html and (real_build.site / "handboek.pdf").stat().st_size > 10_000
    assert 'src="assets/structuur.svg"' in html and (real_build.site / "assets" / "structuur.svg").is_file()
    assert html.count('class="kb-tegel"') >= 4 + 3 + 6   # routes, featured examples, themes


def test_each_route_page_links_only_to_pages_that_exist(real_build):
    for route in ROUTES:
        url = f"https://site.invalid/voor/{Path(route).stem}/"   # the site root as the URL root
        html = (real_build.site / "voor" / Path(route).stem / "index.html").read_text(encoding="utf-8")
        links = [attrs["href"] for tag, attrs in tags(article(html)) if tag == "a" and "href" in attrs]
        entries = [href for href in links if re.match(r"\.\./\.\./(checklists|voorbeelden|organisaties|agenda)/", href)]
        assert len(entries) >= 3, route
        for href in links:
            target = local_target(real_build.site, url, href)
            assert target is None or target.is_file(), (route, href)


def test_every_page_type_has_share_tags_with_an_absolute_image_of_1200_by_630(real_build):
    for name, path in PAGE_TYPES.items():
        html = (real_build.site / path / "index.html").read_text(encoding="utf-8")
        meta = {attrs.get("property") or attrs.get("name"): attrs.get("content") for tag, attrs in tags(html)
                if tag == "meta"}
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary_large_image", name
        image = meta["og:image"]
        assert image == meta["twitter:image"] and image.startswith(SITE_URL) and image.endswith(".png"), name
        png = (real_build.site / image.removeprefix(SITE_URL)).read_bytes()
        assert png_size(png) == (1200, 630), name


def test_the_footer_is_dutch_and_the_logo_is_there(real_build):
    for path in ["", PAGE_TYPES["voorbeeld"], "voor/trainer/"]:
        html = (real_build.site / path / "index.html").read_text(encoding="utf-8")
        assert "Made with" not in html and "Gemaakt met" in html and "Material for MkDocs" in html, path
        logo = [attrs for tag, attrs in tags(html) if tag == "img" and attrs.get("src", "").endswith("assets/logo.svg")]
        assert logo and logo[0]["alt"] == "", path
        assert re.search(r'<link rel="icon" href="[./]*assets/logo\.svg">', html), path
    assert (real_build.site / "assets" / "logo.svg").read_text(encoding="utf-8").startswith("<svg")


def test_the_old_njr_address_sends_the_reader_on(real_build):
    old = real_build.site / "voorbeelden" / "jongeren-getraind-als-adviseur-njr" / "index.html"
    new = real_build.site / "voorbeelden" / "jongeren-getraind-als-adviseur-bij-njr-hoofdzaken" / "index.html"
    assert new.is_file() and 'url=../jongeren-getraind-als-adviseur-bij-njr-hoofdzaken/"' in old.read_text(encoding="utf-8")
