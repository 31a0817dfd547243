"""The form on /bijdragen/: its real JavaScript (docs/assets/bijdragen.js) runs under node, and what
it produces goes through the same validator as every catalogue file."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from types import MappingProxyType
from urllib.parse import parse_qs, urlparse

import pytest
from slugify import slugify

from conftest import ROOT
from kennisbank import Catalogue, load_catalogue
from kennisbank.contribute_form import FORM_PAGES, form_data, form_pages

SCRIPT = ROOT / "docs" / "assets" / "bijdragen.js"
REPO = "https://github.com/kennisbank-ej/kennisbank"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: the form's JavaScript cannot run")

RUNNER = """
const kb = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => input += chunk);
process.stdin.on("end", () => {
  const {op, data, values} = JSON.parse(input);
  const result = op === "slugify" ? values.map(kb.slugify) : kb[op](data, values);
  process.stdout.write(JSON.stringify(result));
});
"""


def js(op: str, data: dict | None, values) -> object:
    result = subprocess.run([NODE, "-e", RUNNER, str(SCRIPT)], input=json.dumps({"op": op, "data": data,
                            "values": values}), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def data_for(tiny, folder: str) -> dict:
    return form_data(load_catalogue(tiny.root), folder, REPO)


NASTY = "Samen: jongeren # en ouders, 'echt' \"waar\""

ORGANISATION = {
    "naam": NASTY, "afkorting": "SJO", "soort": "netwerk", "onderdeel_van": "jongerenraad-test",
    "beschrijving": "Eerste regel met: een dubbele punt.\n\n- een lijstje\n- # geen kop\n\n  ingesprongen  \r\nlaatste",
    "doelgroepen": ["jongeren", "ouders"], "leeftijd": {"van": "12", "tot": ""}, "domeinen": [],
    "werkgebied": ["landelijk"], "rollen": [], "themas": ["beleid"], "website": "https://www.voorbeeld.nl/pad?x=1",
    "bronnen": ["een-bron"], "laatst_gecontroleerd": "2026-11-23",
}


def test_form_yaml_passes_the_validator_and_keeps_every_value(tiny):
    data = data_for(tiny, "organisaties")
    assert js("check", data, ORGANISATION) == []
    text = js("buildYaml", data, ORGANISATION)
    assert text.startswith("# yaml-language-server: $schema=../schema/organisaties.schema.json\n")
    name = js("fileName", data, ORGANISATION)
    assert name == f"catalogue/organisaties/{slugify(NASTY)}.yml"
    (tiny.root.parent / name).write_text(text, encoding="utf-8")
    entry = load_catalogue(tiny.root).get("organisaties", slugify(NASTY))
    fields = dict(entry.fields)
    assert fields["naam"] == NASTY
    assert fields["beschrijving"] == ("Eerste regel met: een dubbele punt.\n\n- een lijstje\n- # geen kop\n\n"
                                      "  ingesprongen\nlaatste")
    assert fields["leeftijd"] == {"van": 12}
    assert list(fields["doelgroepen"]) == ["jongeren", "ouders"]
    assert "domeinen" not in fields and "rollen" not in fields
    assert fields["website"] == "https://www.voorbeeld.nl/pad?x=1"
    assert fields["laatst_gecontroleerd"] == "2026-11-23"


AWKWARD = ["ja", "no", "On", "null", "~", "2026-11-23", "12", "1e3", "- streep", "[lijst]", "{x}", "&anker", "*ster",
           "!tag", "%pct", "@at", "`code`", "> quote", "| pipe", "tekst met\ttab", "eind met spatie ",
           "Één ’apostrof’ – streep", "a\u2028b", "nul\x00teken", "\\backslash\\", "#hekje", "dubbele: punt"]

BATCH = """
const kb = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => input += chunk);
process.stdin.on("end", () => {
  const {data, many} = JSON.parse(input);
  process.stdout.write(JSON.stringify(many.map((v) => [kb.check(data, v), kb.fileName(data, v), kb.buildYaml(data, v)])));
});
"""


def test_awkward_text_survives_the_round_trip(tiny):
    data = data_for(tiny, "voorbeelden")
    one_line = {"\u2028": " ", "\t": " "}   # a title is one line (the schema's korte_tekst)
    many = [{"titel": f"Titel {i} {text.translate(str.maketrans(one_line))}", "organisaties": ["jongerenraad-test"],
             "beschrijving": text,
             "aanpak": f"Aanpak {text}", "lessen": f"{text}\ntweede les", "bronnen": ["een-bron"],
             "laatst_gecontroleerd": "2026-11-23"} for i, text in enumerate(AWKWARD)]
    results = json.loads(subprocess.run([NODE, "-e", BATCH, str(SCRIPT)], input=json.dumps({"data": data, "many": many}),
                                        capture_output=True, text=True, check=True).stdout)
    for problems, name, text in results:
        assert problems == []
        (tiny.root.parent / name).write_text(text, encoding="utf-8")
    catalogue = load_catalogue(tiny.root)
    for values, text in zip(many, AWKWARD):
        entry = catalogue.get("voorbeelden", slugify(values["titel"]))
        expected = text.replace("\u2028", "\n").replace("\x00", "").strip()
        assert (entry.fields["beschrijving"], entry.fields["lessen"]) == (expected, (expected, "tweede les")), text


def test_source_form_yaml_passes_the_validator(tiny):
    data = data_for(tiny, "bronnen")
    values = {"titel": "Een tweede bron", "uitgever": "Uitgeverij", "organisatie": "jongerenraad-test",
              "auteurs": "A. Auteur\nB. Auteur", "soort": "onderzoek", "jaar": "2024", "datum": "",
              "beschrijving": "Waar het over gaat.", "url": "https://voorbeeld.nl/bron", "geraadpleegd": "2026-11-20",
              "laatst_gecontroleerd": "2026-11-23"}
    assert js("check", data, values) == []
    (tiny.root.parent / js("fileName", data, values)).write_text(js("buildYaml", data, values), encoding="utf-8")
    entry = load_catalogue(tiny.root).get("bronnen", "een-tweede-bron")
    assert entry.fields["jaar"] == 2024 and entry.fields["auteurs"] == ("A. Auteur", "B. Auteur")


def test_check_reports_missing_and_malformed_answers_in_dutch(tiny):
    data = data_for(tiny, "organisaties")
    values = {**ORGANISATION, "naam": "Jongerenraad Test", "soort": "", "bronnen": [], "website": "www.voorbeeld",
              "laatst_gecontroleerd": "2026-02-30", "leeftijd": {"van": "120", "tot": ""}, "afkorting": "X" * 21}
    assert js("check", data, values) == [
        {"field": "afkorting", "message": "'Afkorting' is te lang: 21 tekens, hoogstens 20."},
        {"field": "soort", "message": "Kies een waarde bij 'Soort'."},
        {"field": "leeftijd.van", "message": "'Van' moet een heel getal van 0 tot en met 99 zijn."},
        {"field": "website", "message": "'Website' is geen geldig webadres. Begin met https://, zoals "
                                        "https://www.voorbeeld.nl."},
        {"field": "bronnen", "message": "Kies minstens één waarde bij 'Bronnen'."},
        {"field": "laatst_gecontroleerd", "message": "'Laatst gecontroleerd' is geen bestaande datum. Schrijf "
                                                     "jaar-maand-dag, zoals 2026-11-23."},
        {"field": "naam", "message": "Er is al een item met de bestandsnaam 'jongerenraad-test'. Staat het er al "
                                     "in? Pas dan dat item aan. Is het iets anders? Kies een naam die het verschil "
                                     "laat zien."},
    ]


def test_slugs_match_python_slugify():
    names = ["Stichting Één & Co", "Jongerenraad 's-Hertogenbosch", "  GGZ  Breburg ", "Ervaring—deskundig!",
             "Café Ürbana 2.0", "MIND Young (MY)"]
    assert js("slugify", None, names) == [slugify(n) for n in names]


def test_link_opens_githubs_new_file_page_with_name_and_content(tiny):
    data = data_for(tiny, "organisaties")
    url = urlparse(js("newFileUrl", data, ORGANISATION))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/new/main"
    query = parse_qs(url.query)
    assert query["filename"] == [f"catalogue/organisaties/{slugify(NASTY)}.yml"]
    assert query["value"] == [js("buildYaml", data, ORGANISATION)]


class _Controls(HTMLParser):
    """Collects form controls and the ids that a <label for> names, plus controls wrapped in a <label>."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.in_label = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if attrs.get("for"):
                self.labelled.add(attrs["for"])
        if tag in ("input", "select", "textarea"):
            self.controls.append(attrs)
            if self.in_label:
                self.labelled.add(id(attrs))

    def handle_endtag(self, tag):
        if tag == "label":
            self.in_label -= 1


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda p: p.folder)
def test_every_control_has_a_label_and_every_field_is_on_the_page(tiny, page):
    markdown = form_pages(load_catalogue(tiny.root), REPO)[page.path]
    parser = _Controls()
    parser.feed(markdown)
    unlabelled = [c for c in parser.controls if c.get("id") not in parser.labelled and id(c) not in parser.labelled]
    assert parser.controls and unlabelled == []
    data = data_for(tiny, page.folder)
    names = {c["name"] for c in parser.controls}
    for field in data["fields"]:
        wanted = {f"{field['name']}.{c['name']}" for c in field["children"]} or {field["name"]}
        assert wanted <= names, field["name"]
    assert '<script type="application/json" id="kb-formulier-gegevens">' in markdown


def test_page_data_cannot_close_its_script_element(tiny):
    # The loader refuses HTML in entries; this checks the page's own escaping, behind that guard.
    catalogue = load_catalogue(tiny.root)
    source = catalogue.get("bronnen", "een-bron")
    evil = replace(source, fields=MappingProxyType({**source.fields, "titel": "Een </script><b>bron</b>"}))
    catalogue = Catalogue(tuple(evil if e is source else e for e in catalogue.entries), catalogue.schema)
    markdown = form_pages(catalogue, REPO)["bijdragen/index.md"]
    data = markdown.split('id="kb-formulier-gegevens">', 1)[1]
    assert data.count("</script>") == 1
    assert "Een &lt;/script&gt;&lt;b&gt;bron&lt;/b&gt;" in markdown   # the checkbox label, escaped
