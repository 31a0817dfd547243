"""site-offline.zip: unzipped and opened from file://, search and the explorer work
and nothing is fetched from anywhere but the unzipped folder."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from kennisbank.commands.offline import FOLDER

from .test_privacy import FETCHING
from .polling import wait_until

ROOT = Path(__file__).resolve().parents[2]
SHIM = ROOT / "hooks" / "theme" / "assets" / "vendor" / "iframe-worker" / "shim.js"
# iframe-worker 1.0.4, shim/index.js from npm; see the README.md next to it.
SHIM_SHA256 = "e8e412dbcfea9b7e31b5ffa288d7b6035915e714c542f4176a0cdbe262fc9609"


@pytest.fixture(scope="session")
def offline_site(real_build, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(real_build.offline_zip) as archive:
        archive.extractall(target)
    return target / FOLDER


@pytest.fixture
def offline_page(browser):
    """A page plus the list of every URL it requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    yield page, requested
    context.close()


def test_vendored_shim_is_the_pinned_version():
    assert hashlib.sha256(SHIM.read_bytes()).hexdigest() == SHIM_SHA256


def test_zip_holds_the_offline_build(offline_site):
    index = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in index
    assert "unpkg.com" not in index
    assert (offline_site / "search" / "search_index.js").exists()
    # Links point at files, because file:// has no index.html lookup for folders.
    assert 'href="organisaties/index.html"' in index
    fetching = [f"{html.relative_to(offline_site)}: {match.group(0)[:120]}"
                for html in sorted(offline_site.rglob("*.html"))
                for match in FETCHING.finditer(html.read_text(encoding="utf-8"))]
    assert fetching == []


def test_search_works_from_file(offline_site, offline_page):
    page, requested = offline_page
    page.goto((offline_site / "index.html").as_uri())
    page.click("input.md-search__input")
    page.keyboard.type("jongeren")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 0
    # Each result says its kind here too (the addresses end in index.html).
    page.wait_for_selector(".md-search-result__item .kb-zoek-soort")
    labels = set(page.locator(".kb-zoek-soort").all_text_contents())
    assert labels - {"Pagina"} and labels <= {"Organisatie", "Goed voorbeeld", "Checklist", "Agendapunt", "Bron",
                                              "Pagina"}, labels
    # Following a result opens a page from the folder.
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(offline_site.as_uri())
    elsewhere = sorted({url for url in requested if not url.startswith(("file://", "data:", "blob:"))})
    assert elsewhere == []


def test_explorer_works_from_file(offline_site, offline_page):
    page, requested = offline_page
    # verkennen/index.md becomes verkennen/index.html, verkennen.md becomes verkennen.html.
    found = [path for path in (offline_site / "verkennen" / "index.html",
                               offline_site / "verkennen.html") if path.exists()]
    assert found, "de verkenner (verkennen/) bestaat (nog) niet"
    explorer = found[0]
    page.goto(explorer.as_uri())
    control = page.locator(".md-content input[type=checkbox], .md-content select").first
    before = page.url
    count = page.locator(".md-content [role=status]").first
    count_before = count.text_content()
    if control.evaluate("el => el.tagName") == "SELECT":
        control.select_option(index=1)
    else:
        control.check()
    wait_until(page, "before => location.href !== before", arg=before, timeout=5_000)
    # The live count follows the filter.
    assert count.text_content() != count_before
    elsewhere = sorted({url for url in requested if not url.startswith(("file://", "data:", "blob:"))})
    assert elsewhere == []
