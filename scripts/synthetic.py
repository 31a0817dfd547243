"""Synthetic but valid catalogues, for the benchmark and for tests at scale.

The generator copies the real schemas and vocabularies and writes `n` entries of
all five kinds with realistic field sizes, vocabulary values drawn from the real
lists, and references between entries. Citations are skewed like the real
catalogue (a few sources and organisations are named by many entries), so the
pages that list back-links grow with the catalogue. The text is made-up Dutch::

    counts = write_catalogue(Path("/tmp/cat/catalogue"), 1000)
    counts["organisaties"]     # -> 400
    load_catalogue(Path("/tmp/cat/catalogue"))   # validates without problems
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.schema import Schema, load_schema
from kennisbank.vocabularies import FOLDER as VOCABULARY_FOLDER

REAL_CATALOGUE = Path(__file__).resolve().parents[1] / "catalogue"

# Share of each kind in a catalogue of n entries; what is left over goes to organisaties.
SHARES = {"bronnen": 0.17, "voorbeelden": 0.35, "checklists": 0.04, "agenda": 0.04}

_SUBJECTS = ("De organisatie", "Het team", "Een groep jongeren", "Ervaringsdeskundige ouders", "De gemeente",
             "Het netwerk", "Professionals in de wijk", "De jongerenraad", "Pleegouders", "Het project",
             "Een ervaringsdeskundige", "De werkgroep", "Het kenniscentrum", "Jonge adviseurs")
_VERBS = ("bespreekt", "onderzoekt", "verbetert", "ondersteunt", "organiseert", "verbindt", "begeleidt",
          "adviseert over", "deelt kennis over", "werkt samen aan", "evalueert", "brengt in kaart")
_OBJECTS = ("de hulp aan gezinnen", "het beleid van de gemeente", "de toegang tot jeugdhulp", "trainingen voor "
            "nieuwe ervaringsdeskundigen", "de inbreng van ouders", "de samenwerking tussen school en zorg",
            "de overgang naar volwassenheid", "gesprekken met hulpverleners", "de wachttijden in de jeugd-ggz",
            "een betere plek voor ervaringskennis", "de vergoeding van vrijwilligers", "het contact met "
            "pleeggezinnen", "voorlichting op scholen", "de rol van jongeren in onderzoek")
_TAILS = ("in de regio", "samen met jongeren", "met steun van de provincie", "volgens een vaste aanpak",
          "op een manier die past bij het gezin", "sinds een paar jaar", "in kleine groepen",
          "met een vaste begeleider", "op verzoek van zorgorganisaties", "zonder lange wachtlijsten")
_NAME_WORDS = ("jongeren", "ouders", "ervaring", "samen", "wijzer", "kracht", "stem", "raad", "netwerk",
               "platform", "expertise", "brug", "kompas", "toekomst", "thuis", "zorg", "jeugd", "spiegel")
_PLACES = ("Utrecht", "Zwolle", "Groningen", "Tilburg", "Almere", "Arnhem", "Leeuwarden", "Breda", "Delft",
           "Maastricht", "Emmen", "Middelburg", "Haarlem", "Apeldoorn")
_PUBLISHERS = ("Kenniscentrum Jeugd", "Netwerk Samen Sterker", "Stichting Ervaringswerk", "Lectoraat Jeugdzorg",
               "Jongerenplatform Nederland", "Landelijk Ouderplatform")


class _Writer:
    def __init__(self, rng: random.Random, schema: Schema):
        self.rng = rng
        self.schema = schema

    def sentence(self) -> str:
        r = self.rng
        text = f"{r.choice(_SUBJECTS)} {r.choice(_VERBS)} {r.choice(_OBJECTS)} {r.choice(_TAILS)}."
        roll = r.random()
        if roll < 0.05:  # a little Markdown, as contributors write it
            words = text.split(" ")
            words[1] = f"**{words[1]}**"
            text = " ".join(words)
        elif roll < 0.08:
            text = text[:-1] + f", zie [de website](https://www.voorbeeld-{r.randrange(100)}.nl/info)."
        return text

    def text(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self, words: int = 4) -> str:
        picked = self.rng.sample(_NAME_WORDS, words)
        return " ".join(picked).capitalize() + f" {self.rng.choice(_PLACES)}"

    def values(self, field: str, low: int = 1, high: int = 3, folder: str = "voorbeelden") -> list[str]:
        """Values from the word list the field draws from (its $ref in the schema)."""
        pool = self.schema.vocabulary_of(field, folder).values
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def date(self) -> str:
        # Mostly checked this year; about one in ten is older than a year (a "mogelijk verouderd" page).
        days = self.rng.randint(400, 900) if self.rng.random() < 0.1 else self.rng.randint(0, 300)
        return (dt.date(2026, 11, 1) - dt.timedelta(days=days)).isoformat()

    def pick(self, slugs: list[str], low: int, high: int, exclude: str = "") -> list[str]:
        """Distinct slugs, skewed towards the first ones (Zipf-like), as citations are in practice."""
        wanted = min(self.rng.randint(low, high), len(slugs) - (exclude in slugs))
        chosen: list[str] = []
        while len(chosen) < wanted:
            index = min(int(len(slugs) ** self.rng.random()) - 1, len(slugs) - 1)
            slug = slugs[index] if self.rng.random() < 0.7 else self.rng.choice(slugs)
            if slug != exclude and slug not in chosen:
                chosen.append(slug)
        return chosen


def counts_for(n: int) -> dict[str, int]:
    """How many entries of each kind a catalogue of `n` entries gets (at least one of each)."""
    if n < 5:
        raise ValueError("a synthetic catalogue needs at least 5 entries, one of each kind")
    counts = {kind: max(1, round(n * share)) for kind, share in SHARES.items()}
    counts["organisaties"] = n - sum(counts.values())
    return counts


def write_catalogue(root: Path, n: int, *, seed: int = 7, source: Path = REAL_CATALOGUE) -> dict[str, int]:
    """Write a valid catalogue of `n` entries to `root` (created; must not exist yet).

    Copies schema/ and vocabulaires/ from `source`; returns the number of entries per kind.
    """
    root = Path(root)
    counts = counts_for(n)
    root.mkdir(parents=True)
    shutil.copytree(source / "schema", root / "schema")
    shutil.copytree(source / VOCABULARY_FOLDER, root / VOCABULARY_FOLDER)
    schema, problems = load_schema(source)
    if problems:
        raise ValueError(f"the vocabularies in {source} have problems: {problems[0]}")
    rng = random.Random(seed)
    w = _Writer(rng, schema)

    slugs = {kind: [f"{KINDS_BY_FOLDER[kind].singular}-{i + 1:05d}-{rng.choice(_NAME_WORDS)}" for i in range(count)]
             for kind, count in counts.items()}
    everything = [f"{kind}/{slug}" for kind, kind_slugs in slugs.items() for slug in kind_slugs]
    orgs, sources = slugs["organisaties"], slugs["bronnen"]

    def related(own: str) -> dict[str, Any]:
        if rng.random() > 0.2:
            return {}
        refs = {rng.choice(everything) for _ in range(rng.randint(1, 3))} - {own}
        return {"gerelateerd": sorted(refs)} if refs else {}

    entries: dict[str, dict[str, Any]] = {}
    for i, slug in enumerate(sources):
        entry: dict[str, Any] = {"titel": w.title(5), "uitgever": rng.choice(_PUBLISHERS)}
        if rng.random() < 0.5:
            entry["organisatie"] = rng.choice(orgs)
        if rng.random() < 0.6:
            entry["auteurs"] = [f"{rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(_NAME_WORDS).capitalize()}man"
                                for _ in range(rng.randint(1, 3))]
        entry |= {"soort": w.values("soort", 1, 1, "bronnen")[0], "jaar": rng.randint(2010, 2026),
                  "beschrijving": w.text(2, 5)}
        if rng.random() < 0.7:
            entry["url"] = f"https://www.bron-{i}.nl/publicaties/{slug}"
        if rng.random() < 0.1 and len(sources) > 1:
            entry["bronnen"] = w.pick(sources, 1, 2, exclude=slug)
        entry |= related(f"bronnen/{slug}") | {"geraadpleegd": w.date(), "laatst_gecontroleerd": w.date()}
        entries[f"bronnen/{slug}"] = entry

    for i, slug in enumerate(orgs):
        entry = {"naam": w.title(3)}
        if rng.random() < 0.4:
            entry["afkorting"] = "".join(rng.sample("ABCDEFGHJKLMNOPRSTUVWZ", rng.randint(2, 5)))
        entry["soort"] = w.values("soort", 1, 1, "organisaties")[0]
        if i > 0 and rng.random() < 0.1:
            entry["onderdeel_van"] = w.pick(orgs[:i], 1, 1)[0]
        entry |= {"beschrijving": w.text(2, 6), "doelgroepen": w.values("doelgroepen", folder="organisaties")}
        if rng.random() < 0.3:
            low = rng.randint(4, 16)
            entry["leeftijd"] = {"van": low, "tot": rng.randint(low, 30)}
        entry |= {"domeinen": w.values("domeinen", 1, 2), "werkgebied": w.values("werkgebied", 1, 2),
                  "rollen": w.values("rollen", 1, 4), "themas": w.values("themas", 1, 3)}
        if rng.random() < 0.8:
            entry["website"] = f"https://www.organisatie-{i}.nl"
        entry |= related(f"organisaties/{slug}") | {"bronnen": w.pick(sources, 1, 3),
                                                     "laatst_gecontroleerd": w.date()}
        entries[f"organisaties/{slug}"] = entry

    for slug in slugs["voorbeelden"]:
        entry = {"titel": w.title(4), "organisaties": w.pick(orgs, 1, 3), "beschrijving": w.text(2, 4),
                 "voor_wie": w.text(1, 2), "aanpak": "\n\n".join(w.text(2, 4) for _ in range(rng.randint(1, 3))),
                 "opbrengst": w.text(1, 3)}
        conditions = {key: w.text(1, 2) for key in ("vergoeding", "begeleiding", "training") if rng.random() < 0.5}
        if conditions:
            entry["randvoorwaarden"] = conditions
        entry |= {"lessen": [w.sentence() for _ in range(rng.randint(1, 4))],
                  "doelgroepen": w.values("doelgroepen"), "rollen": w.values("rollen"),
                  "niveau": w.values("niveau", 1, 2), "domeinen": w.values("domeinen", 1, 2),
                  "werkgebied": w.values("werkgebied", 1, 2), "themas": w.values("themas"),
                  "meerwaarde": w.values("meerwaarde", 1, 2)}
        entry |= related(f"voorbeelden/{slug}") | {"bronnen": w.pick(sources, 1, 3), "laatst_gecontroleerd": w.date()}
        entries[f"voorbeelden/{slug}"] = entry

    for slug in slugs["checklists"]:
        points = [{"vraag": w.sentence()[:-1] + "?", "uitleg": w.text(1, 3),
                   **({"knelpunt": w.values("knelpunt", 1, 1, "checklists")[0]} if rng.random() < 0.6 else {}),
                   "bron": w.pick(sources, 1, 1)[0]} for _ in range(rng.randint(5, 12))]
        entry = {"titel": w.title(3), "beschrijving": w.text(2, 3), "voor_wie": w.text(1, 1), "punten": points,
                 "doelgroepen": w.values("doelgroepen"), "themas": w.values("themas")}
        entry |= related(f"checklists/{slug}") | {"bronnen": w.pick(sources, 1, 2), "laatst_gecontroleerd": w.date()}
        entries[f"checklists/{slug}"] = entry

    for i, slug in enumerate(slugs["agenda"]):
        entry = {"titel": w.title(3), "volgorde": i + 1, "vraag": w.sentence()[:-1] + "?",
                 "beschrijving": w.text(2, 4), "wie": w.text(1, 2)}
        if rng.random() < 0.7:
            entry["organisaties"] = w.pick(orgs, 1, 3)
        entry |= {"themas": w.values("themas"), "werkgebied": w.values("werkgebied", 1, 2)}
        entry |= related(f"agenda/{slug}") | {"bronnen": w.pick(sources, 1, 2), "laatst_gecontroleerd": w.date()}
        entries[f"agenda/{slug}"] = entry

    for key, entry in entries.items():
        kind = key.partition("/")[0]
        path = root / f"{key}.yml"
        path.parent.mkdir(exist_ok=True)
        text = yaml.dump(entry, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                         sort_keys=False, width=100)
        path.write_text(f"# yaml-language-server: $schema=../schema/{kind}.schema.json\n{text}", encoding="utf-8")
    return counts
