"""Readers' tools: the explorer page, open data (catalogus.json/.csv), statistics, light pages.

Data checks run on the real catalogue and on tiny ones; the HTML checks on a real
strict build of the site (the session's real_build).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from conftest import REAL_CATALOGUE
from kennisbank import KINDS, load_catalogue
from kennisbank.explorer import FILTERS, embedded_json, explorer_data, render_explorer
from kennisbank.exports import (CSV_DELIMITER, LIST_SEPARATOR, catalogue_csv, catalogue_json, cell, columns,
                                plain, records, render_open_data)
from kennisbank.model import FACET_FIELDS, STALE_AFTER_DAYS
from kennisbank.statistics import counts_per_kind, counts_per_value, render_statistics

SITE_URL = "https://kennisbank-ej.github.io/kennisbank/"
TODAY = dt.date(2026, 11, 23)
ENTRY_PAGE_LIMIT = 60 * 1024


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(REAL_CATALOGUE)


def entry_ids(catalogue) -> set[str]:
    return {f"{e.kind.folder}/{e.slug}" for e in catalogue.entries}


# ---- explorer ----

def test_explorer_data_has_every_entry_with_its_facets(catalogue):
    data = explorer_data(catalogue)
    items = {item["id"]: item for item in data["items"]}
    assert len(items) == len(data["items"]) == len(catalogue.entries)
    assert set(items) == entry_ids(catalogue)
    assert data["filters"] == ["soort", "thema", "doelgroep", "werkgebied", "domein", "rol"]
    for entry in catalogue.entries:
        item = items[f"{entry.kind.folder}/{entry.slug}"]
        assert item["soort"] == [entry.kind.folder]
        for spec in FILTERS[1:]:
            assert item.get(spec.param, []) == list(entry.values(spec.field)), (entry.file, spec.param)


def test_explorer_page_offers_every_used_value_once(catalogue):
    page = render_explorer(catalogue, TODAY)
    for spec in FILTERS[1:]:
        used = {value for entry in catalogue.entries for value in entry.values(spec.field)}
        offered = re.findall(rf'name="{spec.param}" value="([^"]+)"', page)
        assert sorted(offered) == sorted(used), spec.param
    assert re.findall(r'name="soort" value="([^"]+)"', page) == [k.folder for k in KINDS if catalogue.of_kind(k.folder)]


def test_explorer_page_lists_every_entry_without_javascript(catalogue, real_build):
    site = real_build.site
    html = (site / "verkennen" / "index.html").read_text(encoding="utf-8")
    listed = dict(re.findall(r'<a data-kb-item="([^"]+)" href="([^"]+)"', html))
    assert set(listed) == entry_ids(catalogue)
    for item, href in listed.items():
        assert href == f"../{item}/", item
        assert (site / item / "index.html").is_file()
    # Without JavaScript the filters do nothing, so they stay hidden; the list is never hidden.
    assert re.search(r'<form(?=[^>]*\sid="kb-verkenner")[^>]*\shidden[\s=>]', html)
    assert not re.search(r'<li[^>]*hidden', html)
    assert '<script src="../assets/verkenner.js"></script>' in html
    assert (site / "assets" / "verkenner.js").is_file()
    embedded = re.search(r'<script type="application/json" id="kb-verkenner-gegevens">(.*?)</script>', html, re.S)
    assert json.loads(embedded.group(1)) == explorer_data(catalogue)


def test_embedded_data_cannot_close_its_script_element():
    text = embedded_json({"items": [{"id": "organisaties/x", "naam": "Raad </script><script>alert(1)</script>"}]})
    assert "<" not in text
    assert json.loads(text)["items"][0]["naam"] == "Raad </script><script>alert(1)</script>"


def test_explorer_is_kept_out_of_search(catalogue):
    assert 'search: {"exclude": true}' in render_explorer(catalogue, TODAY)


# ---- open data ----

def test_json_export_has_every_entry_with_all_its_fields(catalogue):
    data = json.loads(catalogue_json(catalogue, SITE_URL, TODAY))
    assert data["aantal"] == len(catalogue.entries) == len(data["items"])
    assert data["gemaakt_op"] == "2026-11-23" and data["licentie"] == "CC BY 4.0"
    by_id = {item["id"]: item for item in data["items"]}
    assert set(by_id) == entry_ids(catalogue)
    for entry in catalogue.entries:
        item = dict(by_id[f"{entry.kind.folder}/{entry.slug}"])
        assert item.pop("categorie") == entry.kind.folder
        assert item.pop("pagina") == f"{SITE_URL}{entry.kind.folder}/{entry.slug}/"
        item.pop("id")
        assert item == plain(entry.fields), entry.file
    assert data["vocabulaires"]["themas"][0].keys() >= {"waarde", "label"}
    assert set(data["vocabulaires"]) == set(catalogue.vocabularies)


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=CSV_DELIMITER))


def test_csv_export_has_a_row_per_entry_and_every_field(catalogue):
    rows = read_csv(catalogue_csv(catalogue, SITE_URL))
    assert len(rows) == len(catalogue.entries)
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == entry_ids(catalogue)
    for record in records(catalogue, SITE_URL):
        row = by_id[record["id"]]
        for name, value in record.items():
            if isinstance(value, dict):
                for key, sub in value.items():
                    assert row[f"{name}.{key}"] == cell(sub), (record["id"], name, key)
            else:
                assert row[name] == cell(value), (record["id"], name)
        # Columns the entry does not fill stay empty.
        filled = {f"{n}.{k}" if isinstance(v, dict) else n for n, v in record.items()
                  for k in (v if isinstance(v, dict) else [None])}
        assert all(value == "" for name, value in row.items() if name not in filled), record["id"]


def test_csv_cells_join_lists_and_defuse_formulas():
    assert cell(["jongeren", "ouders"]) == "jongeren" + LIST_SEPARATOR + "ouders"
    assert json.loads(cell([{"vraag": "Wie?", "bron": "x"}])) == [{"vraag": "Wie?", "bron": "x"}]
    assert cell("=HYPERLINK(\"https://example.org\")").startswith("'=")
    assert cell("-1") == "'-1" and cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell(2026) == "2026" and cell(None) == ""


def test_csv_columns_cover_every_schema_field(catalogue):
    names = {column.name for column in columns(catalogue.schema)}
    for kind in KINDS:
        for field, spec in catalogue.schema.kind_schema(kind.folder)["properties"].items():
            if spec.get("type") == "object":
                assert {f"{field}.{sub}" for sub in spec["properties"]} <= names, field
            else:
                assert field in names, field


def test_open_data_page_lists_every_column(catalogue):
    page = render_open_data(catalogue, TODAY)
    for column in columns(catalogue.schema):
        name = column.name.replace(".", ".<wbr>").replace("_", "_<wbr>")
        assert f'| <code class="kb-veldnaam">{name}</code> |' in page, column.name
    assert "[catalogus.csv](../catalogus.csv)" in page and "[catalogus.json](../catalogus.json)" in page


def test_open_data_field_names_break_only_between_words_and_labels_read_well(catalogue):
    page = render_open_data(catalogue, TODAY)
    names = re.findall(r'<code class="kb-veldnaam">(.*?)</code>', page)
    assert len(names) == len(columns(catalogue.schema))
    assert "randvoorwaarden.<wbr>vergoeding" in names and "laatst_<wbr>gecontroleerd" in names
    for name in names:
        # A break opportunity after every "." and "_", and nowhere else (the CSS forbids other breaks).
        assert re.fullmatch(r"[a-z]+(?:[._]<wbr>[a-z]+)*", name), name
    labels = re.findall(r"\| \*\*(.*?)\*\* ", page)
    assert "Wat is er nodig? Vergoeding." in labels
    assert not [label for label in labels if re.search(r"[?!.][:.]", label)]


def test_built_site_has_the_downloads(catalogue, real_build):
    site = real_build.site
    data = json.loads((site / "catalogus.json").read_text(encoding="utf-8"))
    assert {item["id"] for item in data["items"]} == entry_ids(catalogue)
    assert data["items"][0]["pagina"].startswith(SITE_URL)
    rows = read_csv((site / "catalogus.csv").read_bytes().decode("utf-8"))
    assert {row["id"] for row in rows} == entry_ids(catalogue)
    page = (site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../catalogus.csv"' in page and 'href="../catalogus.json"' in page


# ---- statistics ----

def test_statistics_counts_match_the_catalogue(catalogue):
    assert counts_per_kind(catalogue) == {k.folder: len(catalogue.of_kind(k.folder)) for k in KINDS}
    assert sum(counts_per_kind(catalogue).values()) == len(catalogue.entries)
    for field, vocabulary in (("themas", "themas"), ("doelgroepen", "doelgroepen"), ("werkgebied", "werkgebieden")):
        assert field in FACET_FIELDS
        rows = counts_per_value(catalogue, field)
        assert [value for value, _, _ in rows] == list(catalogue.vocabularies[vocabulary].values)
        for value, _, per_kind in rows:
            having = [e for e in catalogue.entries if value in e.values(field)]
            assert sum(per_kind.values()) == len(having), value
            for kind in KINDS:
                assert per_kind[kind.folder] == sum(e.kind.folder == kind.folder for e in having)


def test_statistics_page_shows_the_counts(catalogue):
    page = render_statistics(catalogue, TODAY)
    assert f"| **Totaal** | **{len(catalogue.entries)}** |" in page
    for kind in KINDS:
        assert f"| [{kind.plural}](../{kind.folder}/index.md) | {len(catalogue.of_kind(kind.folder))} |" in page
    for value, label, per_kind in counts_per_value(catalogue, "themas"):
        assert re.search(rf"\| \[?{re.escape(label)}\]?[^|]* \| {sum(per_kind.values())} \|", page), label


def test_statistics_lists_entries_due_for_a_check(tiny):
    old = tiny.root / "organisaties" / "jongerenraad-test.yml"
    old.write_text(old.read_text(encoding="utf-8").replace("2026-11-01", "2025-06-01"), encoding="utf-8")
    catalogue = load_catalogue(tiny.root)
    today = dt.date(2026, 11, 23)
    due = catalogue.due_for_check(today)
    assert [e.slug for e in due] == ["jongerenraad-test"]
    assert due == [e for e in catalogue.entries if e.is_stale(today)]
    page = render_statistics(catalogue, today)
    assert "| [Jongerenraad Test](../organisaties/jongerenraad-test.md) | organisatie | 1 juni 2025 |" in page
    assert f"meer dan {STALE_AFTER_DAYS} dagen" in page
    # A year later everything is due; the day after the oldest check nothing is.
    assert len(catalogue.due_for_check(today + dt.timedelta(days=400))) == len(catalogue.entries)
    assert "Geen enkel item is toe aan een controle." in render_statistics(catalogue, dt.date(2025, 6, 2))


# ---- search and light pages ----

def test_abbreviation_is_a_search_tag(catalogue, real_build):
    site = real_build.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    with_abbreviation = [e for e in catalogue.of_kind("organisaties") if e.fields.get("afkorting")]
    assert with_abbreviation, "the catalogue has organisations with an abbreviation"
    for entry in with_abbreviation:
        docs = [d for d in index["docs"] if d["location"] == f"organisaties/{entry.slug}/"]
        assert docs and docs[0].get("tags") == [entry.fields["afkorting"]], entry.slug
    # The tag is for search only: Material shows no tag list without its tags plugin.
    assert 'class="md-tag' not in (site / "organisaties" / with_abbreviation[0].slug / "index.html").read_text(
        encoding="utf-8")


def test_entries_that_name_an_organisation_carry_its_abbreviation(catalogue):
    """So "NJR" finds the NJR example too (its search tags), not only the organisation."""
    njr = catalogue.get("organisaties", "nationale-jeugdraad")
    example = catalogue.get("voorbeelden", "jongeren-getraind-als-adviseur-bij-njr-hoofdzaken")
    assert njr.slug in example.values("organisaties")
    assert catalogue.also_known_as(njr) == ["NJR"]
    assert catalogue.also_known_as(example) == ["NJR"]
    assert catalogue.also_known_as(catalogue.of_kind("bronnen")[0]) == []
    # Other names count as well: ExpEx is also known as Experienced Experts.
    expex = catalogue.get("organisaties", "expex")
    assert catalogue.also_known_as(expex) == ["Experienced Experts"]
    assert all("Experienced Experts" in catalogue.also_known_as(e) for e in catalogue.referrers(expex, "voorbeelden")
               if "expex" in e.values("organisaties"))


def test_every_entry_page_stays_under_60_kb(catalogue, real_build):
    site = real_build.site
    sizes = {e.path: (site / e.kind.folder / e.slug / "index.html").stat().st_size for e in catalogue.entries}
    too_big = {path: size for path, size in sizes.items() if size >= ENTRY_PAGE_LIMIT}
    assert too_big == {}, f"entry pages over 60 KB: {too_big}"
    assert len(sizes) == len(catalogue.entries)
