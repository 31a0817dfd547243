"""The real content: own words, every organisation from the sources, short paths to every entry.

The seed texts in ../shared/seeds/ are the public articles the catalogue is built from. The
site takes their facts but never their sentences: no docs page and no catalogue entry may
share a run of eight or more consecutive words with any of them.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
import yaml

from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 8
ENTRY_FOLDERS = ("organisaties", "voorbeelden", "checklists", "agenda", "bronnen")
WORD = re.compile(r"\w+", re.UNICODE)
SOURCE_LINK = re.compile(r"\[[^\]]*\]\((?:\.\./)*bronnen/[\w-]+\.md\)")
MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")

# Every organisation issue #3 names, by the slug of its catalogue file.
ORGANISATIONS = [
    "nationale-jeugdraad", "expex", "stichting-alexander", "mind-young", "jongwijs",
    "ggz-breburg", "kenniscentrum-kinder-en-jeugdpsychiatrie", "ervaringsraad-kenniscentrum",
    "netwerk-beter-samen", "ondersteuningsteam-zorg-voor-de-jeugd", "bmc",
    "windesheim-lectoraat-ggz-en-samenleving", "trias-jeugdhulp", "lejo",
    "expertisenetwerk-jeugd-overijssel", "markieza", "user-research-centre", "movisie",
    "project-koplopers", "lfb", "zonmw",
]


# The source records of the five seed texts, by slug. Every other source record is one of an
# organisation's own public pages, and must say when it was read (`geraadpleegd`).
SEED_SOURCES = {
    "ozj-serie-ervaringsdeskundigheid",          # 000, OZJ
    "samen-wijzer",                              # 001, Netwerk Beter Samen
    "bmc-betekenisvol-werk",                     # 002, BMC
    "kenniscentrum-kjp-ervaringsdeskundigheid",  # 003, Kenniscentrum Kinder- en Jeugdpsychiatrie
    "expertisenetwerk-lejo",                     # 004, Expertisenetwerk Jeugd Overijssel
}

# Sources whose page the editors could not find yet, with the reason. Keep this list short and
# honest: a record leaves it as soon as it has an address (a test fails if it stays listed).
SOURCES_WITHOUT_ADDRESS = {
    "bmc-betekenisvol-werk": "no stored copy of the BMC blog of 15 September 2022 was found to take its address from",
}


def words(text: str) -> list[str]:
    """Lower-case words without punctuation, so 'ouders en – jongeren' matches 'Ouders en jongeren'."""
    return WORD.findall(text.lower())


def runs(tokens: list[str], n: int = RUN) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def longest_shared_run(tokens: list[str], seed_runs: dict[int, set[tuple[str, ...]]]) -> int:
    """The length of the longest run of consecutive words in tokens that also occurs in a seed."""
    best = 0
    for n in sorted(seed_runs):
        if runs(tokens, n) & seed_runs[n]:
            best = n
        else:
            break
    return best


def yaml_strings(value) -> list[str]:
    """Every string in a parsed YAML document, each checked on its own."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in yaml_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in yaml_strings(v)]
    return []


def own_texts() -> list[tuple[str, str]]:
    """(file, text) for every hand-written page and every string field of every catalogue file.

    Includes catalogue/begrippen.yml (the glossary). Leaves out only the `titel` and `url` of a
    source record: a source's title is quoted exactly (and often sits in its address), so that a
    reader can find the text.
    """
    texts = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        # A link to a source shows its title, quoted as the source records quote it (left out below too).
        text = MARKDOWN_LINK_TARGET.sub("]", SOURCE_LINK.sub("", page.read_text(encoding="utf-8")))
        texts.append((str(page.relative_to(ROOT)), text))
    for entry in sorted((ROOT / "catalogue").rglob("*.yml")):
        data = yaml.safe_load(entry.read_text(encoding="utf-8"))
        if entry.parent.name == "bronnen" and isinstance(data, dict):
            data = {key: value for key, value in data.items() if key not in ("titel", "url")}
        for text in yaml_strings(data):
            texts.append((str(entry.relative_to(ROOT)), text))
    return texts


@pytest.fixture(scope="module")
def seed_tokens() -> list[list[str]]:
    if not SEEDS.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: the seed texts are not here ({SEEDS}); "
                    "the own-words check needs them next to the project.")
    seeds = [words(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    assert len(seeds) == 5, f"expected the five seed texts in {SEEDS}, found {len(seeds)}"
    return seeds


def test_the_overlap_check_catches_a_copied_sentence(seed_tokens):
    copied = " ".join(seed_tokens[1][40:48]).upper() + "!"
    seed_runs = {RUN: set().union(*(runs(t) for t in seed_tokens))}
    assert longest_shared_run(words(copied), seed_runs) == RUN
    assert longest_shared_run(words("Ouders en jongeren weten veel."), seed_runs) == 0


def test_no_page_or_entry_shares_eight_words_with_a_seed(seed_tokens):
    seed_runs = set().union(*(runs(t) for t in seed_tokens))
    copied = []
    for name, text in own_texts():
        tokens = words(text)
        for i in range(len(tokens) - RUN + 1):
            if tuple(tokens[i:i + RUN]) in seed_runs:
                copied.append(f"{name}: '{' '.join(tokens[i:i + RUN])}'")
    assert not copied, "Tekst komt letterlijk uit een bron:\n" + "\n".join(copied)


def test_every_organisation_from_the_issue_is_in_the_catalogue():
    missing = [slug for slug in ORGANISATIONS
               if not (ROOT / "catalogue" / "organisaties" / f"{slug}.yml").is_file()]
    assert not missing, f"Organisaties ontbreken: {missing}"


def test_every_checklist_item_names_an_existing_source_and_explains_itself():
    sources = {p.stem for p in (ROOT / "catalogue" / "bronnen").glob("*.yml")}
    for path in (ROOT / "catalogue" / "checklists").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["punten"], path.name
        for number, item in enumerate(data["punten"], 1):
            assert item.get("bron") in sources, f"{path.name} punt {number}: bron ontbreekt"
            assert len(words(item.get("uitleg", ""))) >= 8, f"{path.name} punt {number}: uitleg te kort"
            assert item["bron"] in data["bronnen"], \
                f"{path.name} punt {number}: bron '{item['bron']}' staat niet in de bronnen van de checklist"


def test_every_example_has_the_parts_a_reader_needs():
    for path in (ROOT / "catalogue" / "voorbeelden").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field in ("beschrijving", "voor_wie", "aanpak", "opbrengst", "randvoorwaarden", "lessen", "meerwaarde"):
            assert data.get(field), f"{path.name}: veld '{field}' ontbreekt"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def clicks_from_start(site: Path) -> dict[str, int]:
    """Breadth-first search over internal links: page path (like 'organisaties/expex/') -> clicks."""
    base = "http://kennisbank.test/"
    depth = {"": 0}
    queue = deque([""])
    while queue:
        page = queue.popleft()
        html = site / page / "index.html"
        if not html.is_file():
            continue
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            url = urldefrag(urljoin(base + page, href)).url
            if not url.startswith(base):
                continue
            target = urlparse(url).path[1:]
            if target.endswith("index.html"):
                target = target[: -len("index.html")]
            if target not in depth and (site / target / "index.html").is_file():
                depth[target] = depth[page] + 1
                queue.append(target)
    return depth


def test_every_entry_is_three_clicks_from_the_start_page(real_build):
    depth = clicks_from_start(real_build.site)
    entries = [f"{folder}/{p.stem}/" for folder in ENTRY_FOLDERS
               for p in sorted((ROOT / "catalogue" / folder).glob("*.yml"))]
    assert len(entries) > 50
    too_far = [f"{e} ({depth.get(e, 'onbereikbaar')})" for e in entries if depth.get(e, 99) > 3]
    assert not too_far, "Niet binnen drie klikken vanaf de startpagina: " + ", ".join(too_far)


def test_hand_written_pages_are_in_the_site(real_build):
    built_site = real_build.site
    for page in ("wat-is-ervaringsdeskundigheid", "meerwaarde", "knelpunten", "over", "privacy", "toegankelijkheid"):
        assert (built_site / page / "index.html").is_file(), page
    knelpunten = (built_site / "knelpunten" / "index.html").read_text(encoding="utf-8")
    assert knelpunten.count("#punt-") >= 5


def _sections(page: str) -> dict[str, str]:
    """Text of each '## ... { #anchor }' section of a hand-written page, by anchor."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    parts = re.split(r"^## .*\{ #([a-z0-9-]+) \}$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2]))


def _vocabulary(name: str) -> list[str]:
    data = yaml.safe_load((ROOT / "catalogue" / "vocabulaires" / f"{name}.yml").read_text(encoding="utf-8"))
    return [item["waarde"] for item in data]


def test_each_bottleneck_links_to_checklist_items_that_answer_it():
    sections = _sections("knelpunten.md")
    assert sorted(sections) == sorted(_vocabulary("knelpunten"))
    for knelpunt, text in sections.items():
        links = re.findall(r"\(checklists/([a-z0-9-]+)\.md#punt-(\d+)\)", text)
        assert links, f"knelpunten.md: '{knelpunt}' linkt naar geen enkel checklistpunt"
        for slug, number in links:
            items = yaml.safe_load((ROOT / "catalogue" / "checklists" / f"{slug}.yml")
                                   .read_text(encoding="utf-8"))["punten"]
            assert int(number) <= len(items), f"{slug}#punt-{number} bestaat niet"
            assert items[int(number) - 1].get("knelpunt") == knelpunt, \
                f"knelpunten.md: {slug}#punt-{number} hoort niet bij '{knelpunt}'"


def test_each_point_of_added_value_links_to_examples_that_show_it():
    sections = _sections("meerwaarde.md")
    values = _vocabulary("meerwaarde")
    assert [s for s in sections if s in values] == values
    for value in values:
        links = re.findall(r"\(voorbeelden/([a-z0-9-]+)\.md\)", sections[value])
        assert links, f"meerwaarde.md: '{value}' linkt naar geen enkel voorbeeld"
        for slug in links:
            data = yaml.safe_load((ROOT / "catalogue" / "voorbeelden" / f"{slug}.yml").read_text(encoding="utf-8"))
            assert value in data.get("meerwaarde", []), f"meerwaarde.md: voorbeeld {slug} toont '{value}' niet"


def _source_records() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "catalogue" / "bronnen").glob("*.yml"))}


def is_home_page(url: str) -> bool:
    """True for an address without a path, like https://expex.nl or https://expex.nl/?p=3."""
    return not urlparse(url).path.strip("/")


@pytest.mark.parametrize("url, home", [
    ("https://expex.nl", True), ("https://expex.nl/", True), ("https://kenniscentrum-kjp.nl/?p=31138", True),
    ("https://www.expex.nl/resultaten-van-stichting-expex/", False), ("https://st-alexander.nl/dit-doen-we", False),
])
def test_the_home_page_check(url, home):
    assert is_home_page(url) is home


def test_the_five_seed_texts_have_a_source_record():
    missing = SEED_SOURCES - set(_source_records())
    assert not missing, f"Bronnen van de vijf teksten ontbreken: {sorted(missing)}"


def test_every_source_has_a_direct_address_and_says_when_it_was_read():
    problems = []
    for slug, data in _source_records().items():
        url = data.get("url")
        if not url:
            if slug not in SOURCES_WITHOUT_ADDRESS:
                problems.append(f"{slug}: geen webadres (url)")
            continue
        if slug in SOURCES_WITHOUT_ADDRESS:
            problems.append(f"{slug}: heeft nu een webadres; haal de bron uit SOURCES_WITHOUT_ADDRESS")
        if is_home_page(url):
            problems.append(f"{slug}: {url} is een startpagina; geef het adres van de pagina met het feit")
        if slug not in SEED_SOURCES and not data.get("geraadpleegd"):
            problems.append(f"{slug}: 'geraadpleegd' ontbreekt")
    assert not problems, "Bronnen die je niet kunt volgen:\n" + "\n".join(problems)


GLOSSARY = ROOT / "catalogue" / "begrippen.yml"
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def _glossary() -> list[dict]:
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def test_the_own_words_check_reads_the_glossary():
    assert any(name == "catalogue/begrippen.yml" for name, _ in own_texts())


def test_the_glossary_is_alphabetical_without_doubles():
    terms = [entry["term"] for entry in _glossary()]
    assert terms == sorted(terms, key=str.casefold), "begrippen.yml staat niet op alfabet"
    assert len({t.casefold() for t in terms}) == len(terms), "een term staat er twee keer in"
    abbreviations = [entry["afkorting"] for entry in _glossary() if entry.get("afkorting")]
    assert len(set(abbreviations)) == len(abbreviations), "een afkorting staat er twee keer in"
