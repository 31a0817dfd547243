"""Every message a contributor can get from the checks, in Dutch, by its stable code.

Codes work like yamllint's rule ids: code that finds a problem names the code and the
facts ({field}, {value}, ...); the wording lives only here. tests/golden/meldingen.txt
pins every text, so a change of wording is one deliberate edit of that file::

    text("onbekend-veld", name="beschrijvng", suggestion="", allowed="naam, soort")
    # "onbekend veld 'beschrijvng'. Toegestane velden: naam, soort."
"""

from __future__ import annotations

_DEEP = "Een item heeft maar een paar niveaus, zoals een lijst onder een veld."
_YAML = "de YAML klopt niet. "
_INDENT = "De inspringing klopt niet. Zorg dat velden op hetzelfde niveau even ver inspringen."
_MARKDOWN = "Voor opmaak gebruik je Markdown, zoals **vet** of [linktekst](https://voorbeeld.nl)."
_PRIVACY = "Zie 'Eerst: de privacyregels' in CONTRIBUTING.md."
_QUOTE = "Zet de hele tekst tussen dubbele aanhalingstekens, zo:\n    {fixed}"
_NEW_SOURCE = "Staat de bron nog niet in de kennisbank? Schrijf hem er dan zo bij:\n{new_source}"

# How a message names an item of a list: "het tweede thema" (kennisbank.problems.field_words).
# Every list field of every schema has a line here (tests/test_messages.py checks that).
ITEM_WORDS: dict[str | None, str] = {
    None: "het {n} begrip",            # an item of catalogue/begrippen.yml, which is a list
    "andere_namen": "de {n} andere naam",
    "auteurs": "de {n} auteur",
    "bronnen": "de {n} bron",
    "doelgroepen": "de {n} doelgroep",
    "domeinen": "het {n} domein",
    "gerelateerd": "het {n} item bij 'gerelateerd'",
    "lessen": "de {n} les",
    "meerwaarde": "het {n} punt bij 'meerwaarde'",
    "niveau": "het {n} niveau",
    "organisaties": "de {n} organisatie",
    "punten": "het {n} punt",
    "rollen": "de {n} rol",
    "themas": "het {n} thema",
    "werkgebied": "het {n} werkgebied",
    "zie_ook": "de {n} term bij 'zie_ook'",
}
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
            "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
            "negentiende", "twintigste")

# Characters you cannot see, by what people call them (kennisbank.syntax names them in messages).
INVISIBLE = {
    "\u00a0": "een niet-afbrekende spatie",
    "\u00ad": "een zacht afbreekstreepje",
    "\u180e": "een onzichtbare spatie",
    "\u2000": "een brede spatie", "\u2001": "een brede spatie", "\u2002": "een brede spatie",
    "\u2003": "een brede spatie", "\u2004": "een smalle spatie", "\u2005": "een smalle spatie",
    "\u2006": "een smalle spatie", "\u2007": "een cijferspatie", "\u2008": "een smalle spatie",
    "\u2009": "een smalle spatie", "\u200a": "een heel smalle spatie",
    "\u200b": "een spatie zonder breedte",
    "\u200c": "een onzichtbaar scheidingsteken", "\u200d": "een onzichtbaar verbindingsteken",
    "\u200e": "een onzichtbaar richtingsteken", "\u200f": "een onzichtbaar richtingsteken",
    "\u202f": "een smalle niet-afbrekende spatie",
    "\u205f": "een smalle spatie", "\u2060": "een onzichtbaar verbindingsteken",
    "\u3000": "een brede spatie", "\ufeff": "een onzichtbaar teken (BOM)",
}
# The example values of a new source written out in a list of sources (kennisbank.advice.new_source_example).
# Each starts with the placeholder, so a block copied without filling it in is refused, not published.
NEW_SOURCE_EXAMPLE = {
    "titel": "VUL IN de titel van de tekst",
    "uitgever": "VUL IN wie de tekst heeft uitgegeven",
    "soort": "webpagina",
    "jaar": "VUL IN het jaar",
    "url": "VUL IN het webadres van de tekst",
    "beschrijving": "VUL IN waar de tekst over gaat, in een of twee zinnen",
}
# Where in a line such a character breaks the YAML.
INVISIBLE_WHERE = {
    "begin": "aan het begin van de regel",
    "voor-streepje": "vóór het streepje",
    "na-streepje": "na het streepje",
    "na-dubbele-punt": "na de dubbele punt",
}

MESSAGES: dict[str, str] = {
    # Small pieces used inside other messages.
    "bedoelde-je": " Bedoelde je '{value}'?",

    # Reading a file (kennisbank.yamlfile, kennisbank.syntax).
    "extensie": "gebruik de extensie .yml: noem het bestand '{stem}.yml'.",
    "snelkoppeling": "dit is een snelkoppeling (symlink) naar een ander bestand. Zet het item zelf in de catalogus.",
    "onleesbaar": "het bestand kan niet gelezen worden ({reason}).",
    "te-groot": "het bestand is te groot ({size} kB; hoogstens {limit} kB). Een item is een korte tekst.",
    "utf-16": "het bestand is opgeslagen als UTF-16. Sla het op als UTF-8.",
    "binair": "dit is geen tekstbestand. Een item is een tekstbestand in UTF-8.",
    "geen-utf-8": "het bestand is niet opgeslagen als UTF-8 (misschien als Latin-1 of Windows-1252). "
                  "Sla het op als UTF-8.",
    "stuurteken": "er staat een onzichtbaar stuurteken (U+{codepoint}) in het bestand, misschien meegekopieerd "
                  "uit een ander programma. Haal het weg of typ de regel opnieuw.",
    "te-diep-haakjes": "het bestand is te diep genest (meer dan {limit} haakjes [ of {{ binnen elkaar). " + _DEEP,
    "te-diep-inspringing": "het bestand is te diep genest (een regel springt meer dan {limit} tekens in). " + _DEEP,
    "te-diep-velden": "de velden zijn te diep genest (meer dan {limit} niveaus). " + _DEEP,
    "leeg-bestand": "het bestand is leeg. Vul de velden in, bijvoorbeeld met ./kennisbank nieuw (zie CONTRIBUTING.md).",
    "anker": "een waarde begint met '{sign}'. YAML leest dat als een verwijzing naar een andere waarde, en dat mag niet "
             "in een item. Bedoel je tekst, bijvoorbeeld *schuin*? " + _QUOTE,
    "yaml-label": "het label '{tag}' hoort niet in een item. Haal '{tag}' weg, of zet de hele tekst tussen "
                  "aanhalingstekens als die met '!' begint.",
    "onleesbare-waarde": "deze waarde kan niet gelezen worden ({reason}). Zet de tekst tussen aanhalingstekens.",
    "samenvoegen": "samenvoegen met '<<' is niet toegestaan. Schrijf de velden uit.",
    "veldnaam": "een veldnaam moet een gewoon woord zijn, zoals 'naam'.",
    "dubbel-veld": "het veld '{name}' staat twee keer in dit item (ook op regel {first}). Laat er één staan.",
    "onzichtbare-spatie": "er staat {char} (U+{codepoint}) {place}. Voor YAML is dat geen gewone spatie, dus "
                          "deze regel klopt niet. Typ op die plek een gewone spatie, zo:\n    {fixed}",
    "hekje": "in {field} staat ' #'. YAML leest '{lost}' daarom als een opmerking en laat het weg. " + _QUOTE,
    # YAML the parser refuses, by what it said.
    "yaml-tab": _YAML + "Er staat een tab. Gebruik spaties om in te springen.",
    "yaml-teken": _YAML + "Een waarde begint met een teken dat YAML niet toestaat, zoals @ of `. "
                          "Zet de hele tekst tussen aanhalingstekens.",
    "yaml-begint-met-teken": "de tekst begint met '{sign}'. Dat teken betekent iets in YAML, dus deze regel "
                             "klopt niet. " + _QUOTE,
    "teken-voor-veldnaam": "voor de veldnaam staat '{sign}'. Daardoor leest YAML de regel verkeerd. Haal het teken "
                           "weg, zo:\n    {fixed}",
    "yaml-unicode": _YAML + "Er staat een ongeldige code met '\\u' in tekst tussen dubbele aanhalingstekens. "
                            "Gebruik enkele aanhalingstekens.",
    "yaml-dubbele-punt": _YAML + "Er staat een dubbele punt op een plek waar dat niet mag. Staat er een ':' in je "
                                 "tekst? Zet de hele tekst dan tussen aanhalingstekens.",
    "yaml-dubbele-punt-mist": _YAML + "Er mist een dubbele punt achter een veldnaam, of de inspringing klopt niet.",
    "yaml-inspringing": _YAML + _INDENT,
    "yaml-lijst": _YAML + "De inspringing van de lijst klopt niet. Elke regel van een lijst begint met '- '.",
    "yaml-einde": _YAML + "Het bestand houdt midden in een waarde op. Mist er een aanhalingsteken?",
    "yaml-aanhalingsteken": _YAML + "Een aanhalingsteken wordt niet afgesloten.",
    "yaml-aanhalingsteken-open": "de tekst begint met een aanhalingsteken ({quote}) dat op deze regel niet wordt "
                                 "afgesloten. Daardoor leest YAML de regels erna als deel van deze tekst. " + _QUOTE,
    "yaml-sterretje": _YAML + "Er staat een '*' die YAML als verwijzing leest. Zet de tekst tussen aanhalingstekens.",
    "yaml-documenten": _YAML + "Het bestand bevat meer dan één document ('---'). Zet elk item in een eigen bestand.",
    "yaml-backslash": _YAML + "Er staat een '\\' in tekst tussen dubbele aanhalingstekens. "
                              "Gebruik enkele aanhalingstekens.",
    "yaml": "de YAML klopt niet ({detail}). Kijk naar de inspringing en de dubbele punten.",

    # The file as an entry (kennisbank.loader).
    "geen-velden": "een item bestaat uit velden (naam: waarde), niet uit een losse lijst of tekst. "
                   "Begin met bijvoorbeeld 'naam: ...'.",
    "naam-bezet": "de naam '{slug}' is al in gebruik door {other}. Elke bestandsnaam komt één keer voor; "
                  "kies een andere.",
    "bestandsnaam": "de bestandsnaam '{stem}.yml' mag alleen kleine letters, cijfers en streepjes bevatten. "
                    "Noem het bestand '{expected}.yml'.",

    # The glossary, catalogue/begrippen.yml (kennisbank.loader).
    "dubbele-term": "de term '{term}' staat twee keer in de lijst (ook op regel {first}). Laat er één staan.",
    "onbekende-term": "'{term}' bij 'zie_ook' staat niet als term in deze lijst. Schrijf de term precies zoals "
                      "bij 'term', of haal hem weg.",

    # Fields against the kind's JSON Schema (kennisbank.validate, advice from kennisbank.advice).
    "te-veel-fouten": "dit bestand heeft meer dan {limit} fouten; alleen de eerste staan hier. "
                      "Herstel die en controleer opnieuw.",
    "verplicht-veld": "{field} ontbreekt. Dit veld is verplicht: voeg een regel '{name}: ...' toe.",
    "bronnen-ontbreekt": "er staan geen bronnen bij dit item. Elk item noemt minstens één gepubliceerde tekst. "
                         "Staat de bron al in de kennisbank? Schrijf dan een regel 'bronnen:' met daaronder de "
                         "bestandsnaam uit catalogue/bronnen/, zoals '  - een-bron'. " + _NEW_SOURCE,
    "onbekend-veld": "onbekend veld '{name}'{where}.{suggestion} Toegestane velden: {allowed}.",
    "niet-in-lijst": "{field} is '{value}', maar dat staat niet in de lijst {vocabulary}.{suggestion} "
                     "Kies uit: {allowed}.",
    "geen-lijst": "{field} moet een lijst zijn: elke waarde op een eigen regel, met '- ' ervoor. "
                  "Schrijf het zo:\n{list_example}",
    "geen-tekst": "{field} moet een tekst zijn, maar is {actual}. " + _QUOTE,
    "geen-getal": "{field} moet een heel getal zijn, maar is '{value}'. Schrijf alleen het getal, zonder woorden, "
                  "zo:\n    {fixed}",
    "verkeerd-soort": "{field} moet {wanted} zijn, maar is {actual}.",
    "leeg-veld": "{field} is leeg. Vul het in, of haal de regel weg als je het niet weet.",
    "leeg-verplicht": "{field} is leeg. Dit veld is verplicht: vul het in.",
    "lege-lijst": "{field} is een lege lijst. Zet er minstens één regel met '- ' onder, of haal het veld weg.",
    "lege-lijst-verplicht": "{field} is een lege lijst. Dit veld is verplicht: zet er minstens één regel met '- ' "
                            "onder.",
    "lege-groep": "{field} is leeg. Vul het in of haal het weg.",
    "te-lang": "{field} is te lang ({length} tekens; hoogstens {limit}). "
               "Maak het korter; meer uitleg past in 'beschrijving'.",
    "een-regel": "{field} moet op één regel staan. Zet de tekst op één regel, of zet meer uitleg in 'beschrijving'.",
    "dubbele-waarde": "{field} staat al eerder in de lijst ('{value}'). Haal deze regel weg.",
    "te-klein": "{field} moet minstens {limit} zijn, maar is {value}.",
    "te-groot-getal": "{field} moet hoogstens {limit} zijn, maar is {value}.",
    "geen-webadres": "'{value}' bij {field} is geen webadres. Een webadres begint met https:// of http://, zoals "
                     "https://www.voorbeeld.nl.",
    "webadres-zonder-begin": "'{value}' bij {field} mist het begin van een webadres. Zet er https:// voor, zo:\n"
                             "    {fixed}",
    "webadres-spatie": "in het webadres bij {field} staat een spatie. Een webadres heeft geen spaties. Kopieer het "
                       "adres opnieuw uit de adresbalk van je browser, of schrijf het zo:\n    {fixed}",
    "geen-datum": "'{value}' bij {field} is niet goed geschreven. Schrijf de datum als jaar-maand-dag, "
                  "bijvoorbeeld {date}.",
    "maand-bestaat-niet": "'{value}' bij {field} is geen bestaande datum: een jaar heeft 12 maanden. Schrijf de "
                          "datum als jaar-maand-dag, bijvoorbeeld {date}.",
    "dag-bestaat-niet": "'{value}' bij {field} is geen bestaande datum: {month} {year} heeft {days} dagen.",
    "datum-in-de-toekomst": "{field} is {value}, maar die datum is nog niet geweest. Schrijf de datum waarop het "
                            "echt gebeurd is, bijvoorbeeld vandaag: {today}.",
    "geen-verwijzing": "'{value}' bij {field} is geen verwijzing. Schrijf map/bestandsnaam, zo: {example}",
    "geen-bestandsnaam": "'{value}' bij {field} is geen bestandsnaam. Gebruik alleen kleine letters, cijfers en "
                         "streepjes, zonder .yml, zo: {example}",
    "bron-is-webadres": "'{value}' bij {field} is een webadres. Hier hoort de bestandsnaam van een bron uit "
                        "catalogue/bronnen/. " + _NEW_SOURCE,
    "bron-is-webadres-bekend": "'{value}' bij {field} is een webadres. Hier hoort de bestandsnaam van de bron. "
                               "Deze bron staat al in de kennisbank: schrijf '{slug}'.",
    "klopt-niet": "{field} klopt niet: {detail}",
    "bestaat-niet": "'{slug}' bij {field} bestaat niet: er is geen {singular} met die bestandsnaam in "
                    "catalogue/{folder}/.{suggestion} Wil je er een toevoegen? Dat kan in dezelfde pull request "
                    "(zie CONTRIBUTING.md).",
    "bron-bestaat-niet": "'{slug}' bij {field} bestaat niet: er is geen bron met die bestandsnaam in "
                         "catalogue/bronnen/.{suggestion} " + _NEW_SOURCE,
    "nieuwe-bron-bezet": "de nieuwe bron '{title}' bij {field} krijgt de bestandsnaam '{slug}', maar die is al in "
                         "gebruik door {other}. Is het dezelfde bron? Schrijf dan alleen '- {slug}'. Is het een "
                         "andere bron? Geef hem dan een titel die het verschil laat zien.",
    "nieuwe-bron-anders": "de nieuwe bron '{title}' bij {field} staat ook in {other}, maar daar met andere "
                          "gegevens ({names}). Maak ze gelijk, of schrijf de bron maar op één plek helemaal uit "
                          "en op de andere alleen '- {slug}'.",
    "nieuwe-bron-naam": "van de titel '{title}' bij {field} kan geen bestandsnaam gemaakt worden. Gebruik letters "
                        "of cijfers in de titel.",
    "nieuwe-bron-in-begrippen": "in de lijst met begrippen staat {field} helemaal uitgeschreven. Hier kan dat niet: "
                                "maak er een bestand voor in catalogue/bronnen/ (met ./kennisbank nieuw bron) "
                                "en schrijf hier de bestandsnaam.",
    "niet-ingevuld": "{field} is nog niet ingevuld: er staat '{placeholder}'. "
                     "Vul het in, of haal het hele veld weg als je het niet weet.",
    "niet-ingevuld-verplicht": "{field} is nog niet ingevuld: er staat '{placeholder}'. "
                               "Dit veld is verplicht: vul het in.",
    "onzichtbaar-teken": "in {field} staat {char} (U+{codepoint}){where}. Je ziet het niet, maar daardoor klopt de "
                         "waarde niet. Typ de waarde opnieuw, zo:\n    {fixed}",

    # Text that could run script or stall the renderer (kennisbank.safety).
    "te-veel-tekst": "in {field} staat te veel tekst ({length} tekens; hoogstens {limit}). Een item is een "
                     "korte samenvatting; verwijs voor de rest naar de bron.",
    "te-veel-haakjes": "in {field} staan te veel haakjes '[' ({count}; hoogstens {limit}). "
                       "Gebruik '[' alleen voor links. " + _MARKDOWN,
    "verboden-link": "in {field} staat een link die niet naar een webadres gaat ('{snippet}'). Links met "
                     "'{scheme}:' zijn niet toegestaan. Een link begint met https:// of http://, zoals "
                     "[linktekst](https://voorbeeld.nl).",
    "afbeelding": "in {field} staat een afbeelding ('{snippet}'). Een item kan geen afbeeldingen tonen: "
                  "de site laadt niets van andere websites. Haal het '!' weg, dan wordt het een gewone link.",
    "html": "in {field} staat HTML-code ('{snippet}'). HTML mag niet in de kennisbank, omdat er een script "
            "in verstopt kan zitten. Schrijf gewone tekst. " + _MARKDOWN +
            " Bedoel je 'kleiner dan'? Zet dan een spatie na het teken: '< 18 jaar'.",
    "accolades": "in {field} staan kenmerken tussen accolades ('{snippet}'). Die zijn niet toegestaan. "
                 "Haal het stuk tussen {{ en }} weg.",

    # What looks like personal data: warnings (kennisbank.personal_data).
    "persoonlijk-e-mailadres": "in {field} staat iets dat lijkt op een persoonlijk e-mailadres ('{found}'). "
                               "Zet geen gegevens van personen in de kennisbank. Een algemeen adres van een "
                               "organisatie, zoals info@..., mag wel. " + _PRIVACY,
    "06-nummer": "in {field} staat iets dat lijkt op een 06-nummer ('{found}'). Een mobiel nummer is meestal "
                 "van een persoon: haal het weg. Een algemeen nummer van een organisatie mag wel. " + _PRIVACY,
    "telefoonnummer": "in {field} staat iets dat lijkt op een telefoonnummer ('{found}'). Is het het nummer "
                      "van een persoon? Haal het dan weg. Een algemeen nummer van een organisatie mag wel. " + _PRIVACY,
    "bsn": "in {field} staat een getal dat een burgerservicenummer (BSN) kan zijn ('{found}'). Een BSN hoort "
           "nooit in de kennisbank: haal het weg. " + _PRIVACY,

    # The word lists in catalogue/vocabulaires (kennisbank.vocabularies).
    "woordenlijst-geen-lijst": "een lijst met woorden moet een lijst zijn (regels met '- waarde: ...').",
    "woordenlijst-woord": "elk woord heeft 'waarde' en 'label' (tekst) en mag 'uitleg' hebben.",
    "woordenlijst-dubbel": "de waarde '{value}' staat twee keer in de lijst.",
}

# What the form on /bijdragen/ says before anything is sent (docs/assets/bijdragen.js, which gets these
# texts and the rules behind them from kennisbank.contribute_form). {label} is the field's title in quotes.
FORM_MESSAGES: dict[str, str] = {
    "form-vul-in": "Vul {label} in.",
    "form-kies": "Kies een waarde bij {label}.",
    "form-kies-minstens": "Kies minstens één waarde bij {label}.",
    "form-bron-nodig": "Kies minstens één bron bij {label}, of vul een nieuwe bron in.",
    "form-webadres": "{label} is geen geldig webadres. Begin met https://, zoals https://www.voorbeeld.nl.",
    "form-webadres-spatie": "In {label} staat een spatie. Een webadres heeft geen spaties.",
    "form-datum": "Schrijf de datum bij {label} als jaar-maand-dag, bijvoorbeeld {example}.",
    "form-datum-toekomst": "De datum bij {label} is nog niet geweest. Kies een datum die al geweest is, "
                           "bijvoorbeeld vandaag.",
    "form-getal": "{label} moet een heel getal van {minimum} tot en met {maximum} zijn, zonder woorden.",
    "form-te-lang": "{label} is te lang: {length} tekens, hoogstens {limit}. Maak het korter.",
    "form-een-regel": "{label} moet op één regel.",
    "form-vul-in-staat-er": "Bij {label} staat nog '{placeholder}'. Vul het in.",
    "form-html": "In {label} staat HTML-code ('{snippet}'). Schrijf gewone tekst; voor opmaak gebruik je Markdown, "
                 "zoals **vet**. Bedoel je 'kleiner dan'? Zet dan een spatie na het teken: '< 18 jaar'.",
    "form-accolades": "In {label} staat een stuk tussen accolades ('{snippet}'). Haal het stuk tussen {{ en }} weg.",
    "form-afbeelding": "In {label} staat een afbeelding ('{snippet}'). Haal het '!' weg, dan wordt het een gewone "
                       "link.",
    "form-link": "In {label} staat een link die niet naar een webadres gaat ('{snippet}'). Een link begint met "
                 "https:// of http://.",
    "form-haakjes": "In {label} staan te veel haakjes '[' ({count}; hoogstens {limit}).",
    "form-geen-naam": "Van {label} kan geen bestandsnaam gemaakt worden. Gebruik letters of cijfers.",
    "form-naam-bezet": "Er is al een item met de bestandsnaam '{slug}'. Staat het er al in? Pas dan dat item aan. "
                       "Is het iets anders? Kies een naam die het verschil laat zien.",
    "form-bron-bezet": "Er staat al een bron met de bestandsnaam '{slug}' in de kennisbank. Is het dezelfde bron? "
                       "Vink hem dan hierboven aan. Is het een andere? Geef een titel die het verschil laat zien.",
    "form-van-nieuwe-bron": "{label} van nieuwe bron {number}",
    "form-een-ding": "Er is 1 ding om te verbeteren",
    "form-dingen": "Er zijn {count} dingen om te verbeteren",
    "form-gekopieerd": "Gekopieerd. Ga nu naar stap 2.",
    "form-niet-gekopieerd": "Kopiëren lukte niet. Selecteer de tekst hieronder en kopieer hem zelf (Ctrl+C).",
}

# Codes that are warnings: printed, but the build goes on.
WARNINGS = frozenset({"persoonlijk-e-mailadres", "06-nummer", "telefoonnummer", "bsn"})


def text(code: str, **params: object) -> str:
    """The message of `code` with its facts filled in."""
    template = MESSAGES[code]
    return template.format(**params) if params else template.replace("{{", "{").replace("}}", "}")
