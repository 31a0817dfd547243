"""Large catalogues: the one speed-up in validation agrees with jsonschema, the catalogue's
indexes answer as a scan would, long lists of back-links are cut; synthetic catalogues
(the benchmark's) are valid and linked.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REAL_CATALOGUE
from kennisbank import KINDS, load_catalogue
from kennisbank.model import FACET_FIELDS, sort_key
from kennisbank.pages import Renderer
from kennisbank.schema import load_schema
from kennisbank.validate import Validators
from kennisbank.yamlfile import read_yaml
from synthetic import counts_for, write_catalogue

SCHEMA, _ = load_schema(REAL_CATALOGUE)
VALIDATORS = Validators(SCHEMA)
SAMPLES = {kind.folder: read_yaml(path, path.name)[0]
           for kind in KINDS for path in sorted((REAL_CATALOGUE / kind.folder).glob("*.yml"))[:1]}
TODAY = dt.date(2026, 11, 23)

# Values that sit on the edges of the schemas: types, empty values, dates, web addresses, slugs.
ODD = st.sampled_from([
    "", " ", None, 0, 1, -1, 1.0, 1.5, 1900, 2101, True, False, [], [""], ["x", "x"], [1, True], {}, {"van": 3},
    {"van": True}, {"tot": 100}, "2026-02-30", "2026-13-01", "2026-1-01", "2026-11-01\n", "２０２６-11-01",
    "https://x.nl", "https://x.nl\n", "http://x", "ftp://x.nl", "https://a b.nl", "jongeren", ["jongeren"],
    ["landelijk", "landelijk"], "a" * 200, "a" * 201, "Hoofd Letters", "slug-ok", "slug--dubbel",
    ["organisaties/nationale-jeugdraad"], ["bronnen/x", "bronnen/x"], ["personen/x"], "VUL IN",
])


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, path + (i,))


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(sorted(SAMPLES)), data=st.data())
def test_fast_check_agrees_with_jsonschema(kind, data):
    entry = copy.deepcopy(SAMPLES[kind])
    fields = list(SCHEMA.kind_schema(kind)["properties"]) + ["onbekend"]
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from([p for p in paths(entry) if p] + [(f,) for f in fields]))
        parent = entry
        for part in where[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            parent.pop(where[-1], None)
        elif isinstance(parent, dict) or where[-1] < len(parent):
            parent[where[-1]] = copy.deepcopy(data.draw(ODD))
    # What the fast check lets through, jsonschema would let through too. (The other way round
    # is harmless: jsonschema then looks again. fastjsonschema reads '$' as end of text, so
    # it refuses "slug\n", which jsonschema accepts and the reference check then refuses.)
    if VALIDATORS.quick[kind](entry):
        assert VALIDATORS.full[kind].is_valid(entry), entry


def test_fast_check_passes_the_real_entries():
    # Otherwise every entry would take the slow path and the speed-up would be gone.
    for kind in KINDS:
        for path in sorted((REAL_CATALOGUE / kind.folder).glob("*.yml")):
            assert VALIDATORS.quick[kind.folder](read_yaml(path, path.name)[0]), path


def test_synthetic_catalogue_is_valid_linked_and_renders(tmp_path: Path):
    counts = write_catalogue(tmp_path / "catalogue", 60, seed=3)
    assert counts == counts_for(60) and sum(counts.values()) == 60
    catalogue = load_catalogue(tmp_path / "catalogue")
    assert len(catalogue.entries) == 60
    assert {e.kind.folder for e in catalogue.entries} == set(counts)
    sources = catalogue.of_kind("bronnen")
    assert max(len(catalogue.referrers(s)) for s in sources) >= 5   # skewed: one source cited often
    assert any(catalogue.referrers(o, "voorbeelden") for o in catalogue.of_kind("organisaties"))
    pages = Renderer(catalogue, TODAY).pages()
    assert all(e.path in pages for e in catalogue.entries)


def test_synthetic_catalogue_is_the_same_for_the_same_seed(tmp_path: Path):
    write_catalogue(tmp_path / "a", 12, seed=5)
    write_catalogue(tmp_path / "b", 12, seed=5)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yml"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yml"))
    assert all((tmp_path / "a" / f).read_text() == (tmp_path / "b" / f).read_text() for f in files)


def test_indexes_answer_as_a_scan_would(tmp_path: Path):
    write_catalogue(tmp_path / "catalogue", 80, seed=11)
    catalogue = load_catalogue(tmp_path / "catalogue")
    everything = sorted(catalogue.entries, key=sort_key)
    for field in FACET_FIELDS:
        for value in catalogue.schema.vocabulary_of(field).values:
            assert catalogue.with_value(field, value) == [e for e in everything if value in e.values(field)]
    for entry in catalogue.entries:
        pointing = [e for e in everything if any((f, s) == entry.key for _, f, s in catalogue.references(e))]
        assert catalogue.referrers(entry) == pointing
        assert catalogue.referrers(entry, "voorbeelden") == [e for e in pointing if e.kind.folder == "voorbeelden"]
    for kind in {e.kind.folder for e in everything}:
        assert catalogue.of_kind(kind) == [e for e in everything if e.kind.folder == kind]


def test_long_back_link_lists_are_cut_and_counted(tmp_path: Path, monkeypatch):
    import kennisbank.pages

    monkeypatch.setattr(kennisbank.pages, "BACKLINKS_MAX", 2)
    write_catalogue(tmp_path / "catalogue", 60, seed=3)
    catalogue = load_catalogue(tmp_path / "catalogue")
    pages = Renderer(catalogue, TODAY).pages()
    source = max(catalogue.of_kind("bronnen"), key=lambda s: len(catalogue.referrers(s, "organisaties")))
    citing = catalogue.referrers(source, "organisaties")
    assert len(citing) > 2
    page = pages[source.path]
    assert f"en nog {len(citing) - 2} andere" in page
    assert citing[1].path.split("/")[1] in page and citing[2].path.split("/")[1] not in page
    organisation = max(catalogue.of_kind("organisaties"), key=lambda o: len(catalogue.referrers(o, "voorbeelden")))
    examples = catalogue.referrers(organisation, "voorbeelden")
    assert len(examples) > 2
    assert f"En nog {len(examples) - 2} andere goede voorbeelden." in pages[organisation.path]
