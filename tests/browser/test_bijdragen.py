"""The contributor form on /bijdragen/ in a real browser: keyboard only, errors announced and
focused, no request to another host, and the link to GitHub's new-file page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import yaml

REPO = "https://github.com/kennisbank-ej/kennisbank"


def submit_with_keyboard(page) -> None:
    page.focus("#kb-formulier button[type=submit]")
    page.keyboard.press("Enter")


def test_empty_form_shows_focused_error_summary_linked_to_fields(page, site_url):
    page.goto(site_url + "bijdragen/")
    submit_with_keyboard(page)
    summary = page.locator("#kb-foutlijst")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "kb-foutlijst"
    text = summary.inner_text()
    assert "Vul 'Naam' in." in text and "Kies minstens één waarde bij 'Bronnen'." in text
    naam = page.locator("#veld-naam")
    assert naam.get_attribute("aria-invalid") == "true"
    assert "veld-naam-fout" in naam.get_attribute("aria-describedby")
    assert page.locator("#veld-naam-fout").inner_text() == "Vul 'Naam' in."
    # The first link in the summary moves the focus to the field, by keyboard.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "veld-naam"
    assert page.locator("#kb-resultaat").is_hidden()


def test_filled_form_offers_githubs_new_file_page_without_other_requests(page, site_url):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(site_url + "bijdragen/")
    page.focus("#veld-naam")
    page.keyboard.type("Stichting Toetsenbord")
    page.focus("#veld-soort")
    page.keyboard.press("ArrowDown")          # first real choice after "Kies…"
    page.focus("#veld-beschrijving")
    page.keyboard.type("Een netwerk.\n\nMet een tweede alinea.")
    page.focus("#veld-bronnen input")
    page.keyboard.press("Space")
    submit_with_keyboard(page)
    result = page.locator("#kb-resultaat")
    assert result.is_visible(), page.locator("#kb-foutlijst").inner_text()
    assert page.evaluate("document.activeElement.id") == "kb-resultaat"
    href = page.locator("#kb-naar-github").get_attribute("href")
    url = urlparse(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main"
    query = parse_qs(url.query)
    assert query["filename"] == ["catalogue/organisaties/stichting-toetsenbord.yml"]
    data = yaml.safe_load(query["value"][0])
    assert data["naam"] == "Stichting Toetsenbord"
    assert data["beschrijving"] == "Een netwerk.\n\nMet een tweede alinea."
    assert len(data["bronnen"]) == 1 and data["soort"]
    assert hosts == {urlparse(site_url).netloc}


def test_form_with_errors_has_no_accessibility_violations(page, site_url, axe):
    page.goto(site_url + "bijdragen/")
    submit_with_keyboard(page)
    violations = axe(page)
    assert violations == [], axe.describe(violations)
