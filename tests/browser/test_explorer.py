"""The catalogue explorer (/verkennen/) in a real browser: combined filters, live count,
filter state in the URL, and the full list without JavaScript."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kennisbank import load_catalogue
from .polling import wait_until

ROOT = Path(__file__).resolve().parents[2]
PAGE = "verkennen/"
VISIBLE = ("() => [...document.querySelectorAll('[data-kb-item]')]"
           ".filter(a => !a.closest('li').hidden && a.offsetParent !== null).map(a => a.dataset.kbItem)")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "catalogue")


def ids(entries) -> set[str]:
    return {f"{e.kind.folder}/{e.slug}" for e in entries}


def most_used(catalogue, field: str, n: int) -> list[str]:
    counts = Counter(value for entry in catalogue.entries for value in entry.values(field))
    return [value for value, _ in counts.most_common(n)]


def test_filters_combine_and_the_url_carries_them(page, site_url, catalogue):
    theme, other_theme = most_used(catalogue, "themas", 2)
    group = most_used(catalogue, "doelgroepen", 1)[0]
    # Any of the ticked themes, and the target group.
    expected = ids(e for e in catalogue.entries
                   if {theme, other_theme} & set(e.values("themas")) and group in e.values("doelgroepen"))
    total = len(catalogue.entries)
    assert 0 < len(expected) < total, "choose values that filter something"

    page.goto(site_url + PAGE)
    assert set(page.evaluate(VISIBLE)) == ids(catalogue.entries)
    for box in (f"#kb-thema-{theme}", f"#kb-thema-{other_theme}", f"#kb-doelgroep-{group}"):
        page.check(box)
    assert set(page.evaluate(VISIBLE)) == expected
    status = page.locator("#kb-verkenner-aantal")
    assert status.get_attribute("role") == "status"
    assert status.text_content() == f"{len(expected)} van de {total} items"
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"thema": [theme, other_theme], "doelgroep": [group]}

    # The shared address opens the same view.
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert page.is_checked(f"#kb-thema-{theme}") and page.is_checked(f"#kb-doelgroep-{group}")
    assert set(page.evaluate(VISIBLE)) == expected
    assert page.locator("#kb-verkenner-aantal").text_content() == f"{len(expected)} van de {total} items"

    # Clearing shows everything again and empties the query string.
    page.click("text=Alle filters wissen")
    wait_until(page, "() => location.search === ''")
    assert set(page.evaluate(VISIBLE)) == ids(catalogue.entries)
    assert page.locator("#kb-verkenner-aantal").text_content() == f"{total} items"


def test_kind_filter_and_an_empty_result(page, site_url, catalogue):
    page.goto(site_url + PAGE + "?soort=organisaties")
    assert set(page.evaluate(VISIBLE)) == ids(catalogue.of_kind("organisaties"))
    # Sources have no themes: sources with a theme is an empty list, and the page says so.
    theme = most_used(catalogue, "themas", 1)[0]
    page.goto(site_url + PAGE + f"?soort=bronnen&thema={theme}")
    assert page.evaluate(VISIBLE) == []
    assert page.locator("#kb-verkenner-leeg").is_visible()
    assert page.locator("#kb-verkenner-aantal").text_content().startswith("0 van de ")


def test_counts_next_to_each_value_follow_the_other_filters(page, site_url, catalogue):
    group = most_used(catalogue, "doelgroepen", 1)[0]
    page.goto(site_url + PAGE + f"?doelgroep={group}")
    theme = most_used(catalogue, "themas", 1)[0]
    expected = sum(1 for e in catalogue.entries if theme in e.values("themas") and group in e.values("doelgroepen"))
    label = page.locator(f"label[for=kb-thema-{theme}] .kb-filter__aantal").text_content()
    assert label == f"({expected})"


def test_without_javascript_the_page_lists_every_entry(browser, site_url, catalogue):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site_url + PAGE)
    listed = page.locator("[data-kb-item]")
    assert listed.count() == len(catalogue.entries)
    assert all(listed.nth(i).is_visible() for i in range(listed.count()))
    assert not page.locator("#kb-verkenner").is_visible(), "filters without JavaScript do nothing; hide them"
    context.close()


FIRST_VISIBLE = ("() => { const a = [...document.querySelectorAll('[data-kb-item]')]"
                 ".find(a => !a.closest('li').hidden); const r = a.getBoundingClientRect();"
                 " return {x: r.left, top: r.top, bottom: r.bottom}; }")


def test_wide_screen_shows_the_results_beside_the_filters(page, site_url, catalogue):
    """At 1280 x 900 the results start on the first screen, right of the filter column."""
    page.goto(site_url + PAGE)
    height = page.viewport_size["height"]
    filters = page.locator("#kb-verkenner-filters").bounding_box()
    first = page.evaluate(FIRST_VISIBLE)
    assert first["bottom"] <= height, f"het eerste resultaat staat pas op {first['top']:.0f} px"
    assert first["x"] >= filters["x"] + filters["width"], "de resultaten staan niet naast de filters"
    assert first["top"] < filters["y"] + filters["height"], "de resultaten staan onder de filters"
    # The filters are simply there: no toggle and no "Toon N resultaten" on a wide screen.
    assert not page.locator("#kb-verkenner-knop").is_visible()
    assert not page.locator("#kb-verkenner-toon").is_visible()
    # Ticking a box low in the filter column keeps the changing list in view.
    role = most_used(catalogue, "rollen", 1)[0]
    page.check(f"#kb-rol-{role}")
    first = page.evaluate(FIRST_VISIBLE)
    assert 0 <= first["top"] and first["bottom"] <= height


def test_phone_shows_the_results_after_filtering(page, site_url, catalogue):
    """At 390 px the filters fold; "Toon N resultaten" closes them and moves the focus to the results."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + PAGE)
    toggle = page.locator("#kb-verkenner-knop")
    panel = page.locator("#kb-verkenner-filters")
    chevron = "el => getComputedStyle(el, '::after').transform"
    assert toggle.get_attribute("aria-expanded") == "false" and not panel.is_visible()
    closed_sign = toggle.evaluate(chevron)

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_visible()
    assert toggle.evaluate(chevron) != closed_sign, "de knop Filters laat niet zien dat hij open is"
    theme = most_used(catalogue, "themas", 1)[0]
    page.check(f"#kb-thema-{theme}")
    expected = sum(1 for e in catalogue.entries if theme in e.values("themas"))
    show = page.locator("#kb-verkenner-toon")
    assert show.text_content() == f"Toon {expected} resultaten"
    box = show.bounding_box()
    assert box["y"] + box["height"] <= 844, "de knop staat niet in beeld terwijl je filters kiest"
    assert "(1 gekozen)" in toggle.text_content()

    show.click()
    assert toggle.get_attribute("aria-expanded") == "false" and not panel.is_visible()
    assert page.evaluate("() => document.activeElement.id") == "kb-verkenner-aantal"
    assert page.locator("#kb-verkenner-aantal").text_content() == f"{expected} van de {len(catalogue.entries)} items"
    first = page.evaluate(FIRST_VISIBLE)
    assert 0 <= first["top"] and first["bottom"] <= 844, "het eerste resultaat staat niet in beeld"
    assert len(page.evaluate(VISIBLE)) == expected
