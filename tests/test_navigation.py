"""The menu (mkdocs.yml's nav) and the titles of the form pages. The browser checks (the menu fits the
screen, the labels show) are in tests/browser/test_menu_and_tables.py."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT, TinyCatalogue
from kennisbank import load_catalogue
from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.contribute_form import FORM_PAGES, form_pages


def nav() -> list:
    # mkdocs.yml holds !ENV tags; only the nav is read here.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text[text.index("\nnav:"):])["nav"]


def labels(items: list) -> dict[str, str]:
    """Every page in the nav: path -> label."""
    found = {}
    for item in items:
        [(label, target)] = item.items()
        found |= labels(target) if isinstance(target, list) else {target: label}
    return found


def test_voor_wie_follows_start_with_the_four_routes():
    top = [next(iter(item)) for item in nav()]
    assert top[:2] == ["Start", "Voor wie"]
    assert nav()[1]["Voor wie"] == [
        {"Gemeente en beleid": "voor/gemeente-en-beleid.md"},
        {"Organisatie en professional": "voor/organisatie-en-professional.md"},
        {"Ouder of jongere": "voor/ouder-of-jongere.md"},
        {"Trainer": "voor/trainer.md"},
    ]
    for path in labels(nav()):
        assert (ROOT / "docs" / path).exists() or path.endswith("index.md") or path.startswith("bijdragen/"), path


def test_topic_pages_have_their_own_labels():
    # Without navigation.indexes no index page hides behind its group's name (Thema's did).
    found = labels(nav())
    assert {found["themas/index.md"], found["doelgroepen/index.md"], found["werkgebieden/index.md"]} == {
        "Thema's", "Doelgroepen", "Werkgebieden"}
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.indexes" not in config


def test_each_form_page_is_titled_for_its_own_form(tmp_path):
    catalogue = TinyCatalogue(tmp_path / "catalogue")
    pages = form_pages(load_catalogue(catalogue.root), "https://github.com/kennisbank-ej/kennisbank")
    menu = labels(nav())
    for page in FORM_PAGES:
        # The title names the kind its form adds, and no other ("Organisatie of voorbeeld toevoegen" held
        # only the organisation form).
        words = page.title.lower()
        assert KINDS_BY_FOLDER[page.folder].singular in words and words.endswith(" toevoegen"), page.title
        others = [KINDS_BY_FOLDER[other.folder].singular for other in FORM_PAGES if other is not page]
        assert not [other for other in others if other in words], page.title
        # The form on the page is that kind's, and the page's heading and menu label are its title.
        assert f'"folder": "{page.folder}"' in pages[page.path]
        assert re.search(rf"^# {page.title}$", pages[page.path], re.MULTILINE)
        assert menu[page.path] == page.title


def test_the_themes_invalid_bits_are_mended_and_nothing_else_changes():
    from kennisbank.theme_markup import valid_theme_markup
    page = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">'
            '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
            '<label class="md-nav__title" for="__toc">')
    assert valid_theme_markup(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
        '<label class="md-nav__title">')
    with_toc = page + '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    assert '<label class="md-nav__title" for="__toc">' in valid_theme_markup(with_toc)
