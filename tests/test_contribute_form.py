"""The form on /bijdragen/: its real JavaScript (docs/assets/bijdragen.js) runs under node, and what
it produces goes through the same validator as every catalogue file."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from types import MappingProxyType
from urllib.parse import parse_qs, urlparse

import pytest
from slugify import slugify

from conftest import ROOT
from kennisbank import Catalogue, CatalogueError, load_catalogue
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
    one_line = {"\u2028": " ", "\t": " "}
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
        # Lessons are one per line; "- streep" typed as a lesson is the list item "streep".
        lessons = tuple(re.sub(r"^(?:[-*+]|\d{1,3}[.)])\s+", "", line).strip() for line in expected.split("\n")
                        if line.strip())
        assert (entry.fields["beschrijving"], entry.fields["lessen"]) == (expected, lessons + ("tweede les",)), text


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
        {"field": "afkorting", "message": "'Afkorting' is te lang: 21 tekens, hoogstens 20. Maak het korter."},
        {"field": "soort", "message": "Kies een waarde bij 'Soort'."},
        {"field": "leeftijd.van", "message": "'Van' moet een heel getal van 0 tot en met 99 zijn, zonder woorden."},
        {"field": "website", "message": "'Website' is geen geldig webadres. Begin met https://, zoals "
                                        "https://www.voorbeeld.nl."},
        {"field": "bronnen", "message": "Kies minstens één bron bij 'Bronnen', of vul een nieuwe bron in."},
        {"field": "laatst_gecontroleerd", "message": "Schrijf de datum bij 'Laatst gecontroleerd' als jaar-maand-dag, "
                                                     f"bijvoorbeeld {dt.date.today().isoformat()}."},
        {"field": "naam", "message": "Er is al een item met de bestandsnaam 'jongerenraad-test'. Staat het er al "
                                     "in? Pas dan dat item aan. Is het iets anders? Kies een naam die het verschil "
                                     "laat zien."},
    ]


SLUG_RUNNER = """
const kb = require(process.argv[1]); let input = "";
process.stdin.on("data", (c) => input += c);
process.stdin.on("end", () => {
  const {rules, names} = JSON.parse(input);
  process.stdout.write(JSON.stringify(names.map((n) => kb.slugify(n, rules))));
});
"""


def test_file_names_are_the_validators_names(tiny):
    """The form names the file as `kennisbank nieuw` and a new source do (names.slug_for), accents,
    ß, Ø, Ł, curly quotes, entities and the cut at 80 characters included."""
    import random

    from kennisbank.names import TABLE_RANGES, slug_for
    rules = data_for(tiny, "organisaties")["slug"]
    names = ["Stichting Één & Co", "Jongerenraad 's-Hertogenbosch", "  GGZ  Breburg ", "Ervaring—deskundig!",
             "Café Ürbana 2.0", "MIND Young (MY)", "Straße Øresund Łódź", "Children’s", "Children's", "€ 5",
             "1,5 jaar", "&eacute;t&eacute;", "Москва", "Stichting " * 19, "x" * 100]
    alphabet = [chr(c) for start, end in TABLE_RANGES for c in range(start, end + 1)] + list("abc XYZ 019'’-,.&;#")
    rng = random.Random(17)
    names += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120))) for _ in range(500)]
    result = subprocess.run([NODE, "-e", SLUG_RUNNER, str(SCRIPT)], input=json.dumps({"rules": rules, "names": names}),
                            capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [slug_for(name) for name in names]
    assert slug_for("Straße Øresund Łódź") == "strasse-oresund-lodz"


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
    names = {c.get("name") for c in parser.controls}
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


# --- the form applies the validator's rules ------------------------------------------------------

CHECK_AND_BUILD = """
const kb = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => input += chunk);
process.stdin.on("end", () => {
  const {data, many} = JSON.parse(input);
  process.stdout.write(JSON.stringify(many.map((v) => [kb.check(data, v), kb.buildYaml(data, v), kb.fitsInUrl(data, v),
                                                       kb.newFileUrl(data, v), kb.emptyFileUrl(data, v)])));
});
"""


def run_form(data: dict, many: list[dict]) -> list:
    result = subprocess.run([NODE, "-e", CHECK_AND_BUILD, str(SCRIPT)], input=json.dumps({"data": data, "many": many}),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def validator_accepts(tiny, name: str, text: str) -> bool:
    path = tiny.root.parent / name
    path.write_text(text, encoding="utf-8")
    try:
        load_catalogue(tiny.root)
    except CatalogueError:
        return False
    finally:
        path.unlink()
    return True


BASE = {"naam": "Stichting De Brug", "soort": "netwerk", "beschrijving": "Een netwerk van ouders.",
        "bronnen": ["een-bron"], "laatst_gecontroleerd": "2026-11-01"}
FUTURE = (dt.date.today() + dt.timedelta(days=40)).isoformat()
# (what is changed, whether the validator accepts it): the form must say the same.
CASES = [
    ({}, True),
    ({"beschrijving": "Zie <b>dit</b>."}, False),
    ({"beschrijving": "Kinderen < 12 jaar en <3 jaar."}, True),
    ({"beschrijving": "Zie <https://www.voorbeeld.nl>."}, True),
    ({"beschrijving": "VUL IN"}, False),
    ({"afkorting": "vul in"}, False),
    ({"beschrijving": "a" * 5000}, True),
    ({"beschrijving": "a" * 5001}, False),
    ({"beschrijving": "[" * 201}, False),
    ({"beschrijving": "[klik](javascript:alert(1))"}, False),
    ({"beschrijving": "[klik](jav&#x61;script:alert(1))"}, False),
    ({"beschrijving": "[klik](https://www.voorbeeld.nl)"}, True),
    ({"beschrijving": "![plaatje](https://www.voorbeeld.nl/a.png)"}, False),
    ({"beschrijving": "Tekst {: .klasse }"}, False),
    ({"naam": "Stichting\u2028De Brug"}, False),
    ({"naam": "x" * 201}, False),
    ({"afkorting": "Een heel lange afkorting die geplakt is"}, False),
    ({"website": "https://www.voor beeld.nl"}, False),
    ({"website": "www.voorbeeld.nl"}, False),
    ({"laatst_gecontroleerd": FUTURE}, False),
    ({"leeftijd": {"van": "12 jaar", "tot": ""}}, False),
    ({"leeftijd": {"van": "12", "tot": "18"}}, True),
]


def test_the_form_accepts_exactly_what_the_validator_accepts(tiny):
    data = data_for(tiny, "organisaties")
    results = run_form(data, [{**BASE, **change} for change, _ in CASES])   # one node for all cases
    for (change, accepted), (problems, text, *_) in zip(CASES, results):
        assert (problems == []) == accepted, (change, problems)
        assert validator_accepts(tiny, "catalogue/organisaties/stichting-de-brug.yml", text) == accepted, change


def test_multi_line_text_that_starts_with_spaces_stays_valid_yaml(tiny):
    data = data_for(tiny, "organisaties")
    text = "    ingesprongen eerste regel\nen een tweede\n\n  - een lijstje"
    [(problems, yaml_text, *_)] = run_form(data, [{**BASE, "beschrijving": text}])
    assert problems == []
    (tiny.root / "organisaties" / "stichting-de-brug.yml").write_text(yaml_text, encoding="utf-8")
    assert load_catalogue(tiny.root).get("organisaties", "stichting-de-brug").fields["beschrijving"] == text


def test_lessons_typed_as_a_list_become_list_items(tiny):
    data = data_for(tiny, "voorbeelden")
    values = {"titel": "Leren", "organisaties": ["jongerenraad-test"], "beschrijving": "B.", "aanpak": "A.",
              "lessen": "- Begin klein\n* Vraag door\n1. Betaal mensen\n• Blijf luisteren", "bronnen": ["een-bron"],
              "laatst_gecontroleerd": "2026-11-01"}
    [(problems, text, *_)] = run_form(data, [values])
    assert problems == []
    (tiny.root / "voorbeelden" / "leren.yml").write_text(text, encoding="utf-8")
    assert load_catalogue(tiny.root).get("voorbeelden", "leren").fields["lessen"] == (
        "Begin klein", "Vraag door", "Betaal mensen", "Blijf luisteren")


def test_no_control_cuts_pasted_text(tiny):
    for markdown in form_pages(load_catalogue(tiny.root), REPO).values():
        assert "maxlength" not in markdown


def test_the_source_list_shows_publisher_and_year(tiny):
    tiny.edit("bronnen/een-bron.yml", "soort: webpagina", "soort: webpagina\njaar: 2024")
    markdown = form_pages(load_catalogue(tiny.root), REPO)["bijdragen/index.md"]
    assert 'value="een-bron"> Een bron (Een uitgever, 2024)</label>' in markdown


# --- long texts: no address GitHub refuses ------------------------------------------------------

LONG = "Ervaringsdeskundigheid ‘in de praktijk’: één café, twee ruimtes – “samen” … " * 80


@pytest.mark.parametrize("folder, values", [
    ("organisaties", {**BASE, "beschrijving": LONG[:4900], "afkorting": "SDB", "website": "https://www.debrug.nl"}),
    ("organisaties", {**BASE, "beschrijving": LONG[:2400] + "\n\n" + LONG[:2400]}),
    ("voorbeelden", {"titel": "Lang voorbeeld", "organisaties": ["jongerenraad-test"], "beschrijving": LONG[:1500],
                     "voor_wie": LONG[:1500], "aanpak": LONG[:1500], "opbrengst": LONG[:1500],
                     "randvoorwaarden": {"vergoeding": LONG[:1500], "begeleiding": LONG[:1500],
                                         "training": LONG[:1500]},
                     "bronnen": ["een-bron"], "laatst_gecontroleerd": "2026-11-01"}),
    ("voorbeelden", {"titel": "Heel lang voorbeeld", "organisaties": ["jongerenraad-test"],
                     "beschrijving": LONG[:4900], "voor_wie": LONG[:4900], "aanpak": LONG[:4900],
                     "opbrengst": LONG[:4900], "randvoorwaarden": {"vergoeding": LONG[:4900],
                                                                  "begeleiding": LONG[:4900],
                                                                  "training": LONG[:4900]},
                     "bronnen": ["een-bron"], "laatst_gecontroleerd": "2026-11-01"}),
])
def test_a_long_text_is_copied_instead_of_sent_in_the_address(tiny, folder, values):
    data = data_for(tiny, folder)
    [(problems, text, fits, full_url, empty_url)] = run_form(data, [values])
    assert problems == []
    assert len(full_url) > data["max_url"] and not fits
    assert len(empty_url) < 200 and "value=" not in empty_url
    assert parse_qs(urlparse(empty_url).query)["filename"][0].startswith(f"catalogue/{folder}/")
    assert validator_accepts(tiny, parse_qs(urlparse(empty_url).query)["filename"][0], text)


def test_a_short_text_goes_in_the_address(tiny):
    data = data_for(tiny, "organisaties")
    [(problems, _, fits, full_url, _)] = run_form(data, [BASE])
    assert problems == [] and fits and len(full_url) <= data["max_url"]


# --- a new source in the same file ----------------------------------------------------------------

NEW_SOURCE = {"titel": "Jaarverslag 2024 van De Brug", "uitgever": "Stichting De Brug", "auteurs": "",
              "soort": "brochure", "jaar": "2025", "datum": "", "beschrijving": "Wat de stichting in 2024 deed.",
              "url": "https://www.debrug.nl/jaarverslag-2024.pdf", "geraadpleegd": "2026-10-30"}


def test_an_entry_with_a_new_source_is_one_file_that_makes_two_pages(tiny):
    data = data_for(tiny, "organisaties")
    values = {**BASE, "bronnen": [], "bronnen.nieuw": [NEW_SOURCE, {key: "" for key in NEW_SOURCE}]}
    [(problems, text, *_)] = run_form(data, [values])
    assert problems == []
    assert "  - titel: Jaarverslag 2024 van De Brug\n    uitgever: Stichting De Brug\n" in text
    (tiny.root / "organisaties" / "stichting-de-brug.yml").write_text(text, encoding="utf-8")
    catalogue = load_catalogue(tiny.root)
    source = catalogue.get("bronnen", "jaarverslag-2024-van-de-brug")
    assert source.fields["uitgever"] == "Stichting De Brug" and source.fields["jaar"] == 2025
    assert source.fields["laatst_gecontroleerd"] == "2026-11-01"
    assert catalogue.get("organisaties", "stichting-de-brug").fields["bronnen"] == ("jaarverslag-2024-van-de-brug",)


def test_a_new_source_is_checked_like_a_source_file(tiny):
    data = data_for(tiny, "organisaties")
    values = {**BASE, "bronnen.nieuw": [{**NEW_SOURCE, "soort": "", "url": "www.debrug.nl", "titel": "Een bron"}]}
    [(problems, *_)] = run_form(data, [values])
    assert problems == [
        {"field": "bronnen.nieuw.1.soort", "message": "Kies een waarde bij 'Soort' van nieuwe bron 1."},
        {"field": "bronnen.nieuw.1.url", "message": "'Webadres' van nieuwe bron 1 is geen geldig webadres. Begin "
                                                   "met https://, zoals https://www.voorbeeld.nl."},
        {"field": "bronnen.nieuw.1.titel", "message": "Er staat al een bron met de bestandsnaam 'een-bron' in de "
                                                     "kennisbank. Is het dezelfde bron? Vink hem dan hierboven aan. "
                                                     "Is het een andere? Geef een titel die het verschil laat zien."},
    ]


def test_every_form_message_comes_from_the_messages_module(tiny):
    from kennisbank.messages import FORM_MESSAGES
    script = SCRIPT.read_text(encoding="utf-8")
    used = set(re.findall(r'"(form-[a-z-]+)"', script))
    assert used == set(FORM_MESSAGES)
    assert not re.search(r'"(Vul|Kies|Er is|Er staat) ', script), "Dutch text typed in the script"


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda p: p.folder)
def test_every_form_page_names_githubs_three_buttons_and_shows_the_picture(tiny, page):
    markdown = form_pages(load_catalogue(tiny.root), REPO)[page.path]
    for button in ("Commit changes…", "Propose changes", "Create pull request"):
        assert markdown.count(button) >= 2, button   # in the steps above the form and in the result
    assert "](../assets/github-stappen.svg)" in markdown
    assert "CONTRIBUTING.md#woorden-van-github" in markdown
    assert "start iemand van de redactie eerst de automatische controle" in markdown
