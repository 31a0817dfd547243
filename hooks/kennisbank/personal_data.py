"""Warn when an entry seems to hold personal data: a personal e-mail address, a phone number, a BSN.

Entries describe organisations; contact details are organisational only (the
privacy rules in CONTRIBUTING.md). These are guesses, so their codes are warnings
(kennisbank.messages.WARNINGS): printed, but the build goes on::

    personal_data("Mail jan.jansen@gmail.com")   # [("persoonlijk-e-mailadres", {"found": "jan.jansen@gmail.com"})]

Heuristics: an address at a free mail provider, or one shaped like
voornaam.achternaam@; info@, contact@ and the like are fine anywhere. Any Dutch
phone number except service numbers (0800, 0900, 088); a 06 number gets the
sharper message. A BSN is nine digits that pass the elfproef (11-check).
"""

from __future__ import annotations

import re

from kennisbank.problems import Finding

FREE_MAIL = frozenset("""
    gmail.com googlemail.com hotmail.com hotmail.nl outlook.com outlook.nl live.com live.nl msn.com
    yahoo.com yahoo.nl icloud.com me.com mac.com aol.com gmx.com gmx.net gmx.de proton.me protonmail.com
    ziggo.nl kpnmail.nl kpnplanet.nl planet.nl hetnet.nl home.nl xs4all.nl chello.nl upcmail.nl casema.nl
    quicknet.nl online.nl tele2.nl telfort.nl zeelandnet.nl telenet.be skynet.be
""".split())

# Mailboxes of an organisation, not of a person.
ROLE_NAMES = frozenset("""
    info contact post mail secretariaat redactie communicatie pers algemeen administratie office receptie
    servicedesk support helpdesk vragen aanmelden aanmelding bestuur team nieuws hallo welkom jeugd
    jongeren jongerenraad ervaringsdeskundigheid kennisbank privacy klachten
""".split())

SERVICE_PREFIXES = ("0800", "0900", "0906", "0909", "088")

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_NAME_SHAPED = re.compile(r"[a-z]+(?:[._\-][a-z]+){1,3}")          # jan.jansen, j.de-vries
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-().]{7,17}\d(?!\w)")
_BSN = re.compile(r"(?<![\w.,/\-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}([ .])\d{3}\1\d{3})(?![\w/\-]|[.,]\d)")


def personal_data(text: str) -> list[Finding]:
    """What looks personal in one text: (code, facts) pairs for kennisbank.messages."""
    found: list[Finding] = []
    for match in _EMAIL.finditer(text):
        if is_personal_email(match.group()):
            found.append(("persoonlijk-e-mailadres", {"found": match.group()}))
    for match in _PHONE.finditer(text):
        number = dutch_phone_number(match.group())
        if number and number.startswith("06"):
            found.append(("06-nummer", {"found": match.group().strip()}))
        elif number and not number.startswith(SERVICE_PREFIXES):
            found.append(("telefoonnummer", {"found": match.group().strip()}))
    for match in _BSN.finditer(text):
        if passes_elfproef(re.sub(r"\D", "", match.group())):
            found.append(("bsn", {"found": match.group()}))
    return found


def is_personal_email(address: str) -> bool:
    local, _, domain = address.lower().rpartition("@")
    if any(part in ROLE_NAMES for part in re.split(r"[._\-+]", local)):
        return False
    return domain in FREE_MAIL or bool(_NAME_SHAPED.fullmatch(local))


def dutch_phone_number(text: str) -> str | None:
    """'+31 (0)6 12 34 56 78' -> '0612345678'; None when it is not a Dutch phone number."""
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith(("+31", "0031")):
        digits = digits.removeprefix("00").removeprefix("31").removeprefix("0")
        digits = "0" + digits
    if len(digits) == 10 and digits[0] == "0" and digits[1] != "0":
        return digits
    return None


def passes_elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0
