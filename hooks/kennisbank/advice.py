"""What a contributor should write instead: the fixes the messages suggest.

Each function takes what was written and returns (message code, facts) with the fix in the
facts, worked out so that following the advice passes the check (tests/test_advice.py applies
every suggestion and checks the file again)::

    date_advice("1-2-2025", today)            # ("geen-datum", {"example": "2025-02-01"})
    list_items("jongerenparticipatie, beleid") # ["jongerenparticipatie", "beleid"]
    quoted_line("naam: 't Jeugdhuis")         # 'naam: "\\'t Jeugdhuis"'
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence

from slugify import slugify

from kennisbank.messages import INVISIBLE, NEW_SOURCE_EXAMPLE
from kennisbank.problems import Finding, closest
from kennisbank.templates import MONTHS

# A line of an entry: its indentation and list dashes, the field name, the value.
_LINE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)*)(?:(?P<key>[\w-]+):(?:[ \t]+|$))?(?P<value>.*?)[ \t]*$")
# Text YAML reads as itself without quotes: starts with a letter, no ': ', no ' #', not a number or yes/no.
_PLAIN = re.compile(r"[^\W\d_][^\n]*")
_RESERVED = re.compile(r"(?i)(true|false|yes|no|on|off|y|n|null|~)")
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line: as it is when that is safe, else between double quotes."""
    if (_PLAIN.fullmatch(text) and not _RESERVED.fullmatch(text) and ": " not in text and " #" not in text
            and not text.endswith((" ", ":")) and not _INVISIBLE.search(text)):
        return text
    return json.dumps(text, ensure_ascii=False)


def split_line(line: str) -> tuple[str, str]:
    """("  naam: ", "'t Jeugdhuis") for "  naam: 't Jeugdhuis": what stays, and the value."""
    match = _LINE.match(line)
    lead, key, value = match.group("lead"), match.group("key"), match.group("value")
    if key is None:
        return lead, value
    return f"{lead}{key}: ", value


def quoted_line(line: str, value: str | None = None) -> str:
    """The line with its value (or `value`) between double quotes: what to write instead."""
    start, found = split_line(line)
    return start + json.dumps(found if value is None else value, ensure_ascii=False)


def with_value(line: str, value: str) -> str:
    """The line with another value, written as YAML needs it."""
    start, _ = split_line(line)
    return start + yaml_scalar(value)


def without_invisible(text: str) -> str:
    return _INVISIBLE.sub("", text).strip()


def invisible_finding(text: str, line: str) -> Finding | None:
    """An invisible character in a value that must match something (a word from a list, a name, a date)."""
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    before, after = text[:match.start()].strip(), text[match.end():].strip()
    where = f" aan het begin" if not before else f" aan het eind" if not after else f" na '{before[-30:]}'"
    return ("onzichtbaar-teken", {"char": INVISIBLE[match.group()], "codepoint": f"{ord(match.group()):04X}",
                                  "where": where, "fixed": with_value(line, without_invisible(text))})


def list_items(value: str) -> list[str]:
    """The values someone meant by a text where a list belongs.

        "jongerenparticipatie, beleid"  -> ["jongerenparticipatie", "beleid"]
        "-jongeren - gemeenten"         -> ["jongeren", "gemeenten"]   (lines without a space after '-')
    """
    text = " ".join(str(value).split())
    if text.startswith("-"):
        parts = re.split(r"(?:^|\s)-+\s*", text)
    elif re.search(r"[,;]", text):
        parts = re.split(r"\s*[,;]\s*", text)
    else:
        parts = [text]
    return [part.strip() for part in parts if part.strip()]


def list_example(line: str, name: str, items: Sequence[str]) -> str:
    """The field as a list, indented as the line it was on, each line indented four more for the message."""
    lead = re.match(r"[ \t]*", line).group()
    rows = [f"{lead}{name}:"] + [f"{lead}  - {yaml_scalar(item)}" for item in items]
    return "\n".join("    " + row for row in rows)


def best_value(item: str, allowed: Sequence[str], labels: dict[str, str] | None = None) -> str:
    """The allowed value `item` stands for: itself, in other capitals, as a label, or the closest."""
    if item in allowed:
        return item
    by_slug = {slugify(value): value for value in allowed}
    by_slug |= {slugify(label): value for value, label in (labels or {}).items()}
    return by_slug.get(slugify(item)) or closest(item, allowed) or item


# Dates people write instead of 2025-02-01.
_ISO_LIKE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DUTCH_ORDER = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_IN_WORDS = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", re.IGNORECASE)


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) from 2025-2-1, 1-2-2025, 1/2/2025, 1.2.2025 or 1 februari 2025."""
    if match := _ISO_LIKE.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DUTCH_ORDER.fullmatch(text):
        return int(match[3]), int(match[2]), int(match[1])
    if match := _IN_WORDS.fullmatch(text):
        names = [m[:3] for m in MONTHS]
        if match[2].lower()[:3] in names:
            return int(match[3]), names.index(match[2].lower()[:3]) + 1, int(match[1])
    return None


def date_advice(value: object, today: dt.date) -> Finding:
    """What is wrong with a date that is not jjjj-mm-dd, and the date to write instead."""
    parts = _date_parts(str(value).strip())
    if parts is None:
        return ("geen-datum", {"date": today.isoformat()})
    year, month, day = parts
    if not 1 <= month <= 12:
        swapped = (year, day, month) if 1 <= day <= 12 else (year, 12, min(day, 31))
        return ("maand-bestaat-niet", {"date": dt.date(*swapped).isoformat() if _exists(*swapped)
                                       else today.isoformat()})
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return ("dag-bestaat-niet", {"month": MONTHS[month - 1], "year": year, "days": days})
    return ("geen-datum", {"date": dt.date(year, month, day).isoformat()})


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.ASCII)


def url_advice(value: object, line: str, pattern: str) -> Finding:
    """A web address that is not one yet: the address to write instead, if there is one."""
    text = str(value).strip()
    if _SCHEME.match(text) and re.search(r"\s", text):
        scheme, rest = text.split("://", 1)
        host, slash, path = rest.partition("/")
        path = re.sub(r"\s+", "%20", path.strip())
        fixed = f"{scheme.lower()}://{''.join(host.split())}{slash}{path}"
        if re.fullmatch(pattern, fixed):
            return ("webadres-spatie", {"fixed": with_value(line, fixed)})
    if not _SCHEME.match(text) and _DOMAIN.fullmatch(text) and re.fullmatch(pattern, fixed := "https://" + text):
        return ("webadres-zonder-begin", {"fixed": with_value(line, fixed)})
    return ("geen-webadres", {})


def integer_advice(value: object, line: str, minimum: int | None) -> Finding:
    """A number written with words ('12 jaar'): the number alone."""
    digits = re.search(r"\d+", str(value))
    number = digits.group() if digits else str(minimum if minimum is not None else 1)
    start, _ = split_line(line)
    return ("geen-getal", {"fixed": start + str(int(number))})


def reference_advice(value: str, folder: str, slugs: Sequence[str],
                     find_url: Callable[[str, str], str | None]) -> Finding:
    """A name of another entry written as a file name, a path or a web address: the name to write instead."""
    text = value.strip()
    if _SCHEME.match(text):
        known = find_url(folder, text)
        if folder == "bronnen":
            return ("bron-is-webadres-bekend", {"slug": known}) if known else ("bron-is-webadres", {})
        if known:
            return ("geen-bestandsnaam", {"example": known})
    stem = re.sub(r"\.ya?ml$", "", text.rsplit("/", 1)[-1], flags=re.IGNORECASE)
    example = slugify(stem) or "naam-van-het-item"
    if example not in slugs:
        example = closest(example, slugs) or example
    return ("geen-bestandsnaam", {"example": example})


def related_advice(value: str, slugs: dict[str, Sequence[str]]) -> str:
    """'map/bestandsnaam' for a related entry written without its folder, with .yml or as a path."""
    text = re.sub(r"\.ya?ml$", "", value.strip().removeprefix("catalogue/"), flags=re.IGNORECASE)
    folder, _, stem = text.rpartition("/")
    slug = slugify(stem)
    for candidate in ([slugify(folder)] if folder else []) + list(slugs):
        if slug in slugs.get(candidate, ()):
            return f"{candidate}/{slug}"
    return "organisaties/nationale-jeugdraad"


def new_source_example(indent: str, fields: Iterable[str], url: str = "") -> str:
    """How to write a new source in a list of sources, for messages: each field with an example value
    (and the source's own web address, when known)."""
    examples = NEW_SOURCE_EXAMPLE | ({"url": yaml_scalar(url)} if url else {})
    rows = [f"{name}: {examples[name]}" for name in fields if name in examples]
    lines = [f"{indent}bronnen:", f"{indent}  - {rows[0]}"] + [f"{indent}    {row}" for row in rows[1:]]
    return "\n".join("    " + line for line in lines)
