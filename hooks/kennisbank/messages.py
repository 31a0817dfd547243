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

MESSAGES: dict[str, str] = {
    # Small pieces used inside other messages.
    "bedoelde-je": " Bedoelde je '{value}'?",

    # Reading a file (kennisbank.yamlfile).
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
    "leeg-bestand": "het bestand is leeg. Vul de velden in, bijvoorbeeld met .venv/bin/kennisbank nieuw (zie CONTRIBUTING.md).",
    "anker": "verwijzingen met '&' en '*' zijn niet toegestaan. Schrijf de waarde uit.",
    "yaml-label": "het label '{tag}' hoort niet in een item. Haal '{tag}' weg, of zet de hele tekst tussen "
                  "aanhalingstekens als die met '!' begint.",
    "onleesbare-waarde": "deze waarde kan niet gelezen worden ({reason}). Zet de tekst tussen aanhalingstekens.",
    "samenvoegen": "samenvoegen met '<<' is niet toegestaan. Schrijf de velden uit.",
    "veldnaam": "een veldnaam moet een gewoon woord zijn, zoals 'naam'.",
    "dubbel-veld": "het veld '{name}' staat twee keer in dit item (ook op regel {first}). Laat er één staan.",
    # YAML the parser refuses, by what it said.
    "yaml-tab": _YAML + "Er staat een tab. Gebruik spaties om in te springen.",
    "yaml-teken": _YAML + "Een waarde begint met een teken dat YAML niet toestaat, zoals @ of `. "
                          "Zet de hele tekst tussen aanhalingstekens.",
    "yaml-unicode": _YAML + "Er staat een ongeldige code met '\\u' in tekst tussen dubbele aanhalingstekens. "
                            "Gebruik enkele aanhalingstekens.",
    "yaml-dubbele-punt": _YAML + "Er staat een dubbele punt op een plek waar dat niet mag. Staat er een ':' in je "
                                 "tekst? Zet de hele tekst dan tussen aanhalingstekens.",
    "yaml-dubbele-punt-mist": _YAML + "Er mist een dubbele punt achter een veldnaam, of de inspringing klopt niet.",
    "yaml-inspringing": _YAML + _INDENT,
    "yaml-lijst": _YAML + "De inspringing van de lijst klopt niet. Elke regel van een lijst begint met '- '.",
    "yaml-einde": _YAML + "Het bestand houdt midden in een waarde op. Mist er een aanhalingsteken?",
    "yaml-aanhalingsteken": _YAML + "Een aanhalingsteken wordt niet afgesloten.",
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

    # Fields against the kind's JSON Schema (kennisbank.validate).
    "te-veel-fouten": "dit bestand heeft meer dan {limit} fouten; alleen de eerste staan hier. "
                      "Herstel die en controleer opnieuw.",
    "verplicht-veld": "het verplichte veld '{field}' ontbreekt. Voeg een regel '{name}: ...' toe.",
    "onbekend-veld": "onbekend veld '{name}'.{suggestion} Toegestane velden: {allowed}.",
    "niet-in-lijst": "'{value}' staat niet in de lijst {vocabulary} (veld '{field}').{suggestion} "
                     "Kies uit: {allowed}.",
    "geen-lijst": "het veld '{field}' moet {wanted} zijn, maar is {actual}. Zet de waarde op een nieuwe regel met "
                  "'- ' ervoor, zoals:\n    {name}:\n      - {value}",
    "geen-tekst": "het veld '{field}' moet {wanted} zijn, maar is {actual}. Zet de waarde tussen aanhalingstekens.",
    "verkeerd-soort": "het veld '{field}' moet {wanted} zijn, maar is {actual}.",
    "leeg-veld": "het veld '{field}' is leeg. Vul een waarde in of haal het veld weg.",
    "lege-lijst": "de lijst '{field}' is leeg. Vul minstens één waarde in of haal het veld weg.",
    "lege-groep": "het veld '{field}' is leeg. Vul het in of haal het weg.",
    "te-lang": "het veld '{field}' is te lang ({length} tekens; hoogstens {limit}). "
               "Maak het korter; meer uitleg past in 'beschrijving'.",
    "dubbele-waarde": "in de lijst '{field}' staat een waarde twee keer. Haal de dubbele weg.",
    "te-klein": "het veld '{field}' moet minstens {limit} zijn, maar is {value}.",
    "te-groot-getal": "het veld '{field}' moet hoogstens {limit} zijn, maar is {value}.",
    "geen-webadres": "'{value}' in veld '{field}' is geen geldig webadres. Een webadres begint met https:// of "
                     "http://, zoals https://www.voorbeeld.nl.",
    "geen-datum": "'{value}' in veld '{field}' is geen bestaande datum. Schrijf jaar-maand-dag, zoals 2026-11-23.",
    "geen-verwijzing": "'{value}' in veld '{field}' is geen verwijzing. Schrijf map/bestandsnaam, "
                       "zoals organisaties/nationale-jeugdraad.",
    "geen-bestandsnaam": "'{value}' in veld '{field}' is geen geldige bestandsnaam. Gebruik alleen kleine letters, "
                         "cijfers en streepjes, zonder .yml, zoals '{example}'.",
    "klopt-niet": "het veld '{field}' klopt niet: {detail}",
    "bestaat-niet": "'{target}' in veld '{field}' bestaat niet: er is geen bestand "
                    "catalogue/{folder}/{slug}.yml.{suggestion}",
    "niet-ingevuld": "het veld '{field}' is nog niet ingevuld: er staat '{placeholder}'. "
                     "Vul het in, of haal het hele veld weg als je het niet weet.",
    "niet-ingevuld-verplicht": "het veld '{field}' is nog niet ingevuld: er staat '{placeholder}'. "
                               "Dit veld is verplicht: vul het in.",

    # Text that could run script or stall the renderer (kennisbank.safety).
    "te-veel-tekst": "in veld '{field}' staat te veel tekst ({length} tekens; hoogstens {limit}). Een item is een "
                     "korte samenvatting; verwijs voor de rest naar de bron.",
    "te-veel-haakjes": "in veld '{field}' staan te veel haakjes '[' ({count}; hoogstens {limit}). "
                       "Gebruik '[' alleen voor links. " + _MARKDOWN,
    "verboden-link": "in veld '{field}' staat een link die niet naar een webadres gaat ('{snippet}'). Links met "
                     "'{scheme}:' zijn niet toegestaan. Een link begint met https:// of http://, zoals "
                     "[linktekst](https://voorbeeld.nl).",
    "afbeelding": "in veld '{field}' staat een afbeelding ('{snippet}'). Een item kan geen afbeeldingen tonen: "
                  "de site laadt niets van andere websites. Haal het '!' weg, dan wordt het een gewone link.",
    "html": "in veld '{field}' staat HTML-code ('{snippet}'). HTML mag niet in de kennisbank, omdat er een script "
            "in verstopt kan zitten. Schrijf gewone tekst. " + _MARKDOWN +
            " Bedoel je 'kleiner dan'? Zet dan een spatie na het teken: '< 18 jaar'.",
    "accolades": "in veld '{field}' staan kenmerken tussen accolades ('{snippet}'). Die zijn niet toegestaan. "
                 "Haal het stuk tussen {{ en }} weg.",

    # What looks like personal data: warnings (kennisbank.personal_data).
    "persoonlijk-e-mailadres": "in veld '{field}' staat iets dat lijkt op een persoonlijk e-mailadres ('{found}'). "
                               "Zet geen gegevens van personen in de kennisbank. Een algemeen adres van een "
                               "organisatie, zoals info@..., mag wel. " + _PRIVACY,
    "06-nummer": "in veld '{field}' staat iets dat lijkt op een 06-nummer ('{found}'). Een mobiel nummer is meestal "
                 "van een persoon: haal het weg. Een algemeen nummer van een organisatie mag wel. " + _PRIVACY,
    "telefoonnummer": "in veld '{field}' staat iets dat lijkt op een telefoonnummer ('{found}'). Is het het nummer "
                      "van een persoon? Haal het dan weg. Een algemeen nummer van een organisatie mag wel. " + _PRIVACY,
    "bsn": "in veld '{field}' staat een getal dat een burgerservicenummer (BSN) kan zijn ('{found}'). Een BSN hoort "
           "nooit in de kennisbank: haal het weg. " + _PRIVACY,

    # The word lists in catalogue/vocabulaires (kennisbank.vocabularies).
    "woordenlijst-geen-lijst": "een lijst met woorden moet een lijst zijn (regels met '- waarde: ...').",
    "woordenlijst-woord": "elk woord heeft 'waarde' en 'label' (tekst) en mag 'uitleg' hebben.",
    "woordenlijst-dubbel": "de waarde '{value}' staat twee keer in de lijst.",
}

# Codes that are warnings: printed, but the build goes on.
WARNINGS = frozenset({"persoonlijk-e-mailadres", "06-nummer", "telefoonnummer", "bsn"})


def text(code: str, **params: object) -> str:
    """The message of `code` with its facts filled in."""
    template = MESSAGES[code]
    return template.format(**params) if params else template.replace("{{", "{").replace("}}", "}")
