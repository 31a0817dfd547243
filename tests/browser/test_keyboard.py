"""Keyboard-only use: skip link, visible focus, filters and checklists work without a mouse."""

from __future__ import annotations

import pytest

from .polling import wait_until
from .site_pages import PAGE_TYPES

IN_CONTENT = "() => !!document.activeElement.closest('.md-content')"


def tab_until(page, condition: str, limit: int = 80) -> bool:
    """Press Tab until the JS condition holds for the focused element; False if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(condition):
            return True
    return False


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_skip_link_is_first_and_jumps_to_content(page, site_url, name):
    response = page.goto(site_url + PAGE_TYPES[name])
    assert response.status == 200, f"{name}: {PAGE_TYPES[name]} bestaat (nog) niet"
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('md-skip'),"
                            " document.activeElement.textContent.trim()]")
    assert focused == [True, "Ga naar inhoud"], f"{name}: eerste Tab geeft {focused}"
    # Visible once focused (Material hides it until then and fades it in).
    wait_until(page, "() => getComputedStyle(document.activeElement).opacity === '1'",
                           timeout=3_000)
    page.keyboard.press("Enter")
    # The next Tab lands in the page content, past header and navigation.
    page.keyboard.press("Tab")
    assert page.evaluate(IN_CONTENT), f"{name}: na 'Ga naar inhoud' staat de focus niet in de inhoud"


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_focused_link_has_visible_outline(page, site_url, palette):
    page.emulate_media(color_scheme=palette)
    page.goto(site_url + PAGE_TYPES["overzicht"])
    assert tab_until(page, IN_CONTENT + " && document.activeElement.tagName === 'A'")
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }")
    assert style[0] == "solid" and style[1] >= 2, f"focus is niet goed zichtbaar: {style}"


def test_explorer_filters_work_with_keyboard(page, site_url):
    response = page.goto(site_url + PAGE_TYPES["verkenner"])
    assert response.status == 200, "de verkenner bestaat (nog) niet"
    control = ("() => !!document.activeElement.closest('.md-content') && "
               "document.activeElement.matches('input[type=checkbox], input[type=radio], select')")
    assert tab_until(page, control, limit=150), "geen filter te bereiken met Tab"
    before = page.url
    if page.evaluate("() => document.activeElement.tagName") == "SELECT":
        page.keyboard.press("ArrowDown")
    else:
        page.keyboard.press("Space")
    wait_until(page, "before => location.href !== before", arg=before, timeout=5_000)
    assert page.url != before


def test_checklist_points_can_be_ticked_with_keyboard(page, site_url):
    page.goto(site_url + PAGE_TYPES["checklist"])
    boxes = page.locator(".md-content input[type=checkbox]")
    assert boxes.count() > 0, "de checklist heeft geen afvinkvakjes"
    checkbox = ("() => !!document.activeElement.closest('.md-content') && "
                "document.activeElement.matches('input[type=checkbox]')")
    assert tab_until(page, checkbox, limit=150), "geen afvinkvakje te bereiken met Tab"
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    # Every box has a visible label that names its point.
    labels = page.evaluate("() => [...document.querySelectorAll('.md-content input[type=checkbox]')]"
                           ".map(box => box.labels.length ? box.labels[0].textContent.trim() : '')")
    assert all(label.startswith("Punt ") for label in labels), labels
