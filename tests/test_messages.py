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
from kennisbank.messages import MESSAGES, WARNINGS, text

GOLDEN = Path(__file__).parent / "golden" / "meldingen.txt"
# One example value per fact a message can name.
FACTS = {
    "field": "themas[2]", "name": "beschrijvng", "value": "jongern", "suggestion": " Bedoelde je 'jongeren'?",
    "allowed": "kinderen, jongeren, ouders", "vocabulary": "doelgroepen", "wanted": "een lijst (regels die beginnen "
    "met '- ')", "actual": "een tekst", "limit": 20, "length": 5123, "count": 250, "size": 300, "reason":
    "Permission denied", "codepoint": "001B", "tag": "!!python/object", "first": 1, "stem": "Een Bron",
    "expected": "een-bron", "slug": "een-brom", "other": "catalogue/agenda/een-bron.yml", "detail": "iets anders",
    "target": "een-brom", "folder": "bronnen", "placeholder": "VUL IN", "snippet": "<script>", "scheme": "javascript",
    "found": "06-12345678", "example": "een-bron", "term": "Ervaringskennis",
}


def rendered() -> str:
    lines = []
    for code in sorted(MESSAGES):
        needed = set(re.findall(r"(?<!\{)\{(\w+)\}", MESSAGES[code]))
        lines.append(f"[{code}]{' (waarschuwing)' if code in WARNINGS else ''}\n"
                     f"{text(code, **{fact: FACTS[fact] for fact in needed})}\n")
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
