"""WCAG 2.1 AA in a real browser: axe-core finds nothing, in the light and the dark palette,
and the site works with the keyboard alone."""

from __future__ import annotations

import pytest

from .site_pages import PAGE_TYPES

# name -> (prefers-color-scheme to emulate, Material scheme it must switch to)
PALETTES = {"licht": ("light", "default"), "donker": ("dark", "slate")}


def open_page(page, url: str, palette: str):
    color, scheme = PALETTES[palette]
    page.emulate_media(color_scheme=color)
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} geeft geen pagina"
    # Proves the palette really switched, so the dark run is not a second light run.
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_has_no_axe_violations(page, site_url, axe, name, palette):
    open_page(page, site_url + PAGE_TYPES[name], palette)
    violations = axe(page)
    assert not violations, f"{name} ({palette}):\n{axe.describe(violations)}"


@pytest.mark.parametrize("palette", PALETTES)
def test_search_results_have_no_axe_violations(page, site_url, axe, palette):
    open_page(page, site_url, palette)
    page.click("input.md-search__input")
    # Results of several kinds, with their kind labels and the abbreviation tags.
    page.keyboard.type("NJR")
    page.wait_for_selector(".md-search-result__item .kb-zoek-soort", timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 3
    assert page.locator(".md-search-result .md-tag").count() > 0
    violations = axe(page)
    assert not violations, f"zoekresultaten ({palette}):\n{axe.describe(violations)}"


@pytest.mark.parametrize("name", ["start", "organisatie", "checklist", "verkenner"])
@pytest.mark.parametrize("palette", PALETTES)
def test_phone_width_has_no_axe_violations(page, site_url, axe, name, palette):
    page.set_viewport_size({"width": 375, "height": 800})
    open_page(page, site_url + PAGE_TYPES[name], palette)
    # The navigation drawer, opened as a phone user would.
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_selector(".md-sidebar--primary .md-nav__title", state="visible")
    violations = axe(page)
    assert not violations, f"{name} ({palette}, 375 px, menu open):\n{axe.describe(violations)}"
