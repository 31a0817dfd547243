"""Search in a real browser: Dutch word forms, whole words, the fields readers search by,
abbreviations that find an organisation's examples, the kind of every result, and the pages
kept out of the index (forms, open data, statistics).

Material appends "*" to every typed word and lunr skips the stemmer for such terms;
hooks/theme/assets/javascripts/workers/zoeken.js adds the Dutch stem of each word.
These tests type into the real search box of the built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kennisbank import KINDS, load_catalogue
from kennisbank.model import FACET_FIELDS
from .polling import wait_until

ROOT = Path(__file__).resolve().parents[2]
MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"
WRAPPER = ROOT / "hooks" / "theme" / "assets" / "javascripts" / "workers" / "zoeken.js"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "catalogue")


def search(page, site_url: str, query: str, every: bool = False) -> list[str]:
    """Type `query` into the search box; the result pages (paths below the site, best first).

    Material shows ten result pages, then four more each time the list is scrolled to its
    end; with every=True the list is scrolled until all are shown.
    """
    page.goto(site_url)  # a fresh page per query: no results of the previous query in the list
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    # Typed key by key, as a reader does: Material reacts to key presses, not to fill().
    page.keyboard.type(query)
    # Results carry the query they belong to (?h=...); "Geen ..." when there are none.
    wait_until(
        page,
        """q => { const meta = document.querySelector('.md-search-result__meta');
                  const first = document.querySelector('.md-search-result__item a');
                  if (meta && /^\\s*Geen/.test(meta.textContent)) return true;
                  // Material writes the query's words, joined by spaces: "Noord-Brabant" -> "noord brabant".
                  const words = text => text.toLowerCase().split(/[\\s-]+/).join(' ');
                  return !!first && words(new URL(first.href).searchParams.get('h')) === words(q); }""",
        arg=query, timeout=15_000)
    meta = page.locator(".md-search-result__meta").text_content()
    total = int(re.search(r"\d+", meta).group(0)) if every and re.search(r"\d+", meta) else 0
    items = page.locator(".md-search-result__item")
    while items.count() < total:
        count = items.count()
        page.eval_on_selector(".md-search__scrollwrap", """async el => {
            el.scrollTop = 0;
            await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            el.scrollTop = el.scrollHeight; }""")
        wait_until(page, "n => document.querySelectorAll('.md-search-result__item').length > n",
                               arg=count, timeout=5_000)
    found: list[str] = []
    for href in page.locator(".md-search-result__item > a").evaluate_all("els => els.map(a => a.href)"):
        path = urlsplit(href).path.removeprefix(urlsplit(site_url).path)
        if path not in found:
            found.append(path)
    return found


def marks(page) -> set[str]:
    """The words search highlighted in its results, lower case, without punctuation."""
    texts = page.locator(".md-search-result mark").evaluate_all("els => els.map(m => m.textContent)")
    return {re.sub(r"\W+$|^\W+", "", text.lower()) for text in texts}


def index_words(site_dir: Path) -> set[str]:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]) for doc in index["docs"])
    return set(re.findall(r"\w+", text.lower()))


def test_wrapper_loads_the_worker_of_the_installed_material():
    worker = re.search(r'var MATERIAL_WORKER = "([^"]+)"', WRAPPER.read_text(encoding="utf-8")).group(1)
    assert (MATERIAL_TEMPLATES / "assets" / "javascripts" / "workers" / worker).is_file()
    # Our main.html copies Material's block config; an upgrade that changes it must be noticed.
    assert f'"search": "assets/javascripts/workers/{worker}" | url' in (
        MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("query, other_form", [
    ("jongere", "jongeren"),   # the brief: a shorter form finds the longer one
    ("ouder", "ouders"),
    ("ouders", "ouder"),       # and the longer form the shorter one: only the stemmer does this
    ("jongeren", "jongere"),
])
def test_dutch_word_forms_find_each_other(page, site_url, site_dir, query, other_form):
    assert other_form in index_words(site_dir), f"de site bevat het woord '{other_form}' niet meer; kies een ander"
    assert search(page, site_url, query), f"'{query}' vindt niets"
    assert other_form in marks(page), f"'{query}' vindt '{other_form}' niet; gemarkeerd: {sorted(marks(page))}"


@pytest.mark.parametrize("query", ["pleegouders", "Nationale Jeugdraad", "ervaringsdeskundigheid"])
def test_whole_words_are_found(page, site_url, query):
    """Regression: with a stemmed index, whole words whose stem is shorter found nothing."""
    assert search(page, site_url, query), f"'{query}' vindt niets"


def test_abbreviation_puts_its_organisation_first(page, site_url, catalogue):
    abbreviated = [e for e in catalogue.of_kind("organisaties") if e.fields.get("afkorting")]
    assert {e.fields["afkorting"] for e in abbreviated} >= {"NJR", "LEJO", "OZJ"}
    for entry in abbreviated:
        found = search(page, site_url, entry.fields["afkorting"])
        assert found and found[0] == f"organisaties/{entry.slug}/", (entry.fields["afkorting"], found[:3])


def test_organisation_name_puts_it_first(page, site_url, catalogue):
    entry = catalogue.get("organisaties", "nationale-jeugdraad")
    found = search(page, site_url, entry.title)
    assert found[0] == "organisaties/nationale-jeugdraad/", found[:3]


@pytest.mark.parametrize("field", FACET_FIELDS)
def test_facet_values_find_their_entries(page, site_url, catalogue, field):
    """Searching the label of a target group, region or theme finds every entry that has it."""
    terms = catalogue.schema.vocabulary_of(field).terms
    # The rarest one-word label in use: few entries, so all of them must be among the results.
    used = [(len(catalogue.with_value(field, t.value)), t) for t in terms
            if " " not in t.label and catalogue.with_value(field, t.value)]
    _, term = min(used, key=lambda pair: pair[0])
    found = search(page, site_url, term.label, every=True)
    expected = [f"{e.kind.folder}/{e.slug}/" for e in catalogue.with_value(field, term.value)]
    missing = [path for path in expected if path not in found]
    assert missing == [], f"zoeken op '{term.label}' vindt niet: {missing}"


# What every result says it is (docs/assets/zoekresultaten.js): the catalogue's kinds, else "Pagina".
KIND_LABELS = {"organisaties": "Organisatie", "voorbeelden": "Goed voorbeeld", "checklists": "Checklist",
               "agenda": "Agendapunt", "bronnen": "Bron"}
NOT_INDEXED = ("bijdragen/", "open-data/", "statistieken/")


def kinds(page, site_url: str) -> dict[str, str]:
    """Per result page of the last search: the kind label shown above its title."""
    wait_until(page, """() => [...document.querySelectorAll('.md-search-result__item')]
                                    .every(li => li.querySelector('.kb-zoek-soort'))""")
    # The first link of each result is the page; the others are its sections.
    found = page.locator(".md-search-result__item").evaluate_all(
        "els => els.map(li => [li.querySelector('a').href, li.querySelector('.kb-zoek-soort').textContent])")
    return {urlsplit(href).path.removeprefix(urlsplit(site_url).path): label for href, label in found}


def test_abbreviations_and_other_names_find_the_examples_of_their_organisation(page, site_url, catalogue):
    """ "NJR" finds the NJR example right after the organisation, as every abbreviation and other name does."""
    assert "voorbeelden/jongeren-getraind-als-adviseur-bij-njr-hoofdzaken/" in search(page, site_url, "NJR")[:2]
    names = [(o, name) for o in catalogue.of_kind("organisaties") for name in catalogue.also_known_as(o)]
    assert {name for _, name in names} >= {"NJR", "LEJO", "OZJ", "Experienced Experts"}
    for organisation, name in names:
        naming = [f"{e.kind.folder}/{e.slug}/" for e in catalogue.referrers(organisation)
                  if organisation.slug in e.values("organisaties")]
        found = search(page, site_url, name)
        assert found[0] == f"organisaties/{organisation.slug}/", (name, found[:3])
        assert sorted(found[1:1 + len(naming)]) == sorted(naming), (name, found[:1 + len(naming)])


def test_results_show_their_kind(page, site_url, catalogue):
    assert set(KIND_LABELS) == {kind.folder for kind in KINDS}, "a new kind needs its label in zoekresultaten.js"
    shown = kinds(page, site_url) if search(page, site_url, "NJR") else {}
    assert shown["organisaties/nationale-jeugdraad/"] == "Organisatie"
    assert shown["voorbeelden/jongeren-getraind-als-adviseur-bij-njr-hoofdzaken/"] == "Goed voorbeeld"
    assert shown["bronnen/njr-hoofdzaken/"] == "Bron"
    assert shown["voorbeelden/"] == "Pagina", "an overview is a page, not an example"
    search(page, site_url, "LEJO")
    shown = kinds(page, site_url)
    assert shown["agenda/een-blijvend-leernetwerk-in-overijssel/"] == "Agendapunt"
    assert shown["checklists/een-leernetwerk-opzetten/"] == "Checklist"
    # Every result of a broad query has a label that matches its address.
    search(page, site_url, "ervaringsdeskundigen")
    for path, label in kinds(page, site_url).items():
        parts = path.strip("/").split("/")
        expected = KIND_LABELS[parts[0]] if len(parts) == 2 and parts[0] in KIND_LABELS else "Pagina"
        assert label == expected, path


def test_forms_open_data_and_statistics_are_not_in_the_index(page, site_url, site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(location.startswith("organisaties/") for location in locations)
    assert [loc for loc in locations if loc.startswith(NOT_INDEXED)] == []
    # "training" led to the contribute form second; now to what the site says about training.
    found = search(page, site_url, "training")
    assert found[0] == "themas/training/"
    assert not any(path.startswith(NOT_INDEXED) for path in found)
