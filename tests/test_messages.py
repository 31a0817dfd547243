"""Every message a contributor can get, pinned once: tests/golden/meldingen.txt.

Other tests assert a problem's code, file and line; this one holds the Dutch words. After a
deliberate change of wording, write the file anew with

    KENNISBANK_GOLDEN=bijwerken .venv/bin/python -m pytest tests/test_messages.py

and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import ROOT
from kennisbank.messages import FORM_MESSAGES, MESSAGES, WARNINGS, text

GOLDEN = Path(__file__).parent / "golden" / "meldingen.txt"
# One example value per fact a message can name.
FACTS = {
    "field": "het tweede thema", "name": "beschrijvng", "value": "jongern", "suggestion": " Bedoelde je 'jongeren'?",
    "allowed": "kinderen, jongeren, ouders", "vocabulary": "doelgroepen", "wanted": "een lijst (regels die beginnen "
    "met '- ')", "actual": "een tekst", "limit": 20, "length": 5123, "count": 250, "size": 300, "reason":
    "Permission denied", "codepoint": "00A0", "tag": "!!python/object", "first": 1, "stem": "Een Bron",
    "expected": "een-bron", "slug": "een-brom", "other": "catalogue/agenda/een-bron.yml", "detail": "iets anders",
    "folder": "bronnen", "placeholder": "VUL IN", "snippet": "<script>", "scheme": "javascript",
    "found": "06-12345678", "term": "Ervaringskennis", "singular": "organisatie",
    "where": " bij de eerste bron", "char": "een niet-afbrekende spatie", "quote": "'", "lost": "#jeugdstem die",
    "fixed": 'naam: "\'t Jeugdhuis"', "month": "februari", "year": 2026, "days": 28, "today": "2026-11-23",
    "title": "Jaarverslag 2024", "names": "jaar, url",
    "date": "2025-02-01", "place": "na de dubbele punt",
    "list_example": "    themas:\n      - jongerenparticipatie\n      - beleid", "sign": "*", "example": "een-bron", "new_source": "    bronnen:\n      - titel: De titel van de tekst\n        uitgever: Wie de tekst heeft uitgegeven",
}


FORM_FACTS = {"label": "'Naam'", "number": 1, "count": 3, "example": "2026-11-23", "minimum": 0, "maximum": 99,
              "length": 5123, "limit": 5000, "placeholder": "VUL IN", "snippet": "<b>", "slug": "een-bron"}


def rendered() -> str:
    lines = []
    for code in sorted(MESSAGES):
        needed = set(re.findall(r"(?<!\{)\{(\w+)\}", MESSAGES[code]))
        lines.append(f"[{code}]{' (waarschuwing)' if code in WARNINGS else ''}\n"
                     f"{text(code, **{fact: FACTS[fact] for fact in needed})}\n")
    # The form's texts, formatted as bijdragen.js does ({name}; {{ and }} for braces).
    for code in sorted(FORM_MESSAGES):
        needed = set(re.findall(r"(?<!\{)\{(\w+)\}", FORM_MESSAGES[code]))
        lines.append(f"[{code}] (formulier)\n"
                     f"{FORM_MESSAGES[code].format(**{fact: FORM_FACTS[fact] for fact in needed})}\n")
    return "\n".join(lines)


def test_every_message_is_as_pinned():
    if os.environ.get("KENNISBANK_GOLDEN") == "bijwerken":
        GOLDEN.write_text(rendered(), encoding="utf-8")
    assert rendered() == GOLDEN.read_text(encoding="utf-8"), \
        "a message changed: check the wording, then KENNISBANK_GOLDEN=bijwerken pytest tests/test_messages.py"


def test_every_code_in_the_code_has_a_message_and_every_message_is_used():
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "hooks" / "kennisbank").rglob("*.py")
                       if path.name != "messages.py")
    named = set(re.findall(r'(?:problem\(|\bat\(|self\.problem\(event, )\s*"([a-z0-9-]+)"', source))   # problem("code", ..)
    named |= set(re.findall(r'\("([a-z0-9-]+)", \{"', source))                 # text checks: ("code", {facts})
    named |= set(re.findall(r'\(".*?", "(yaml[a-z-]*)"\)', source))             # the parser's words -> code
    assert named - set(MESSAGES) == set(), "codes without a message"
    unused = {code for code in MESSAGES if f'"{code}"' not in source}
    assert unused == set(), "messages no code uses"


def test_every_list_field_names_its_items_in_words():
    """A message about an item of a list says "het tweede thema": every list field needs its words."""
    from conftest import REAL_CATALOGUE
    from kennisbank.messages import ITEM_WORDS
    from kennisbank.schema import load_schema

    schema, _ = load_schema(REAL_CATALOGUE)
    lists = {field.name for fields in schema.fields.values() for field in _all(fields)
             if field.type in ("keuzes", "verwijzingen", "teksten", "gerelateerd", "groepen")}
    assert lists - set(ITEM_WORDS) == set()


def _all(fields):
    for field in fields:
        yield field
        yield from _all(field.children + field.new_fields)
