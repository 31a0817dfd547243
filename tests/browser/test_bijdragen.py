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
    assert "Vul 'Naam' in." in text and "Kies minstens één bron bij 'Bronnen', of vul een nieuwe bron in." in text
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


def fill_required(page, name: str) -> None:
    page.fill("#veld-naam", name)
    page.select_option("#veld-soort", index=1)
    page.fill("#veld-beschrijving", "Een netwerk van ouders.")


def test_a_new_source_goes_into_the_same_file(page, site_url):
    page.goto(site_url + "bijdragen/")
    fill_required(page, "Stichting Nieuwe Bron")
    assert page.locator("#veld-bronnen-nieuw-1").is_hidden()
    page.check("#veld-bronnen-nieuw")
    assert page.locator("#veld-bronnen-nieuw-1").is_visible()
    assert page.evaluate("document.activeElement.id") == "veld-bronnen-nieuw-1-titel"
    page.fill("#veld-bronnen-nieuw-1-titel", "Jaarverslag 2024 van de stichting")
    page.fill("#veld-bronnen-nieuw-1-uitgever", "Stichting Nieuwe Bron")
    page.select_option("#veld-bronnen-nieuw-1-soort", "brochure")
    page.fill("#veld-bronnen-nieuw-1-jaar", "2025")
    page.fill("#veld-bronnen-nieuw-1-url", "https://www.voorbeeld.nl/jaarverslag.pdf")
    submit_with_keyboard(page)
    # The new source's missing description is reported at its own field.
    assert page.locator("#veld-bronnen-nieuw-1-beschrijving-fout").inner_text() == \
        "Vul 'Waar gaat het over?' van nieuwe bron 1 in."
    page.fill("#veld-bronnen-nieuw-1-beschrijving", "Wat de stichting in 2024 deed.")
    submit_with_keyboard(page)
    assert page.locator("#kb-resultaat").is_visible(), page.locator("#kb-foutlijst").inner_text()
    data = yaml.safe_load(parse_qs(urlparse(page.locator("#kb-naar-github").get_attribute("href")).query)["value"][0])
    assert data["bronnen"] == [{"titel": "Jaarverslag 2024 van de stichting", "uitgever": "Stichting Nieuwe Bron",
                                "soort": "brochure", "jaar": 2025, "beschrijving": "Wat de stichting in 2024 deed.",
                                "url": "https://www.voorbeeld.nl/jaarverslag.pdf"}]


def test_a_long_text_is_offered_for_copy_and_paste(page, site_url):
    page.goto(site_url + "bijdragen/")
    fill_required(page, "Stichting Lange Tekst")
    page.fill("#veld-beschrijving", "Ervaringsdeskundigheid ‘in de praktijk’: één café – “samen”. " * 70)
    page.check("#veld-bronnen input[name=bronnen]")
    submit_with_keyboard(page)
    assert page.locator("#kb-lang").is_visible() and page.locator("#kb-kort").is_hidden()
    empty = urlparse(page.locator("#kb-lege-pagina").get_attribute("href"))
    assert parse_qs(empty.query) == {"filename": ["catalogue/organisaties/stichting-lange-tekst.yml"]}
    text = page.locator("#kb-tekst").input_value()
    assert yaml.safe_load(text)["naam"] == "Stichting Lange Tekst"
    page.click("#kb-kopieer")
    assert page.locator("#kb-gekopieerd").inner_text() in (
        "Gekopieerd. Ga nu naar stap 2.", "Kopiëren lukte niet. Selecteer de tekst hieronder en kopieer hem zelf (Ctrl+C).")


def test_the_source_list_says_who_published_each_source(page, site_url):
    page.goto(site_url + "bijdragen/")
    labels = page.locator("#veld-bronnen label").all_inner_texts()
    assert any(label.strip().startswith("Over ons (") for label in labels)


def test_new_source_blocks_and_the_copy_steps_have_no_accessibility_violations(page, site_url, axe):
    page.goto(site_url + "bijdragen/")
    page.check("#veld-bronnen-nieuw")
    page.click("button[data-volgende]")
    submit_with_keyboard(page)
    violations = axe(page)
    assert violations == [], axe.describe(violations)
    fill_required(page, "Stichting Toegankelijk")
    page.fill("#veld-beschrijving", "Één “lange” tekst. " * 250)
    page.uncheck("#veld-bronnen-nieuw")
    page.check("#veld-bronnen input[name=bronnen]")
    submit_with_keyboard(page)
    assert page.locator("#kb-lang").is_visible(), page.locator("#kb-foutlijst").inner_text()
    violations = axe(page)
    assert violations == [], axe.describe(violations)


def test_with_a_long_text_only_the_copy_steps_show(page, site_url):
    page.goto(site_url + "bijdragen/")
    fill_required(page, "Stichting Alleen Kopiëren")
    page.fill("#veld-beschrijving", "Één “lange” tekst. " * 250)
    page.check("#veld-bronnen input[name=bronnen]")
    submit_with_keyboard(page)
    assert page.locator("#kb-lang").is_visible()
    assert page.locator("#kb-kort").is_hidden() and page.locator("#kb-bekijk").is_hidden()
