"""Refuse text that could run script, load from other sites or stall the Markdown renderer.

Text fields are Markdown without raw HTML and links go to web addresses only.
Every string of an entry is checked, whatever its field, so a new field is
covered without anyone remembering to add it here::

    problems = text_problems(list(strings(data)), "catalogue/organisaties/njr.yml", lines)
    # [Problem(..., 5, "in veld 'beschrijving' staat HTML-code ('<script>'). ...")]

'<' followed by a space or a digit stays allowed ("< 18 jaar", "<12"): Markdown
shows it as text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kennisbank.problems import Problem
from kennisbank.validate import _line, field_name
from kennisbank.yamlfile import FieldPath, Lines

MAX_TEXT = 5000        # characters in one field; an entry summarises, the source has the rest
MAX_BRACKETS = 200     # Python-Markdown slows down steeply on many unmatched '[' (2,000 take seconds)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# <https://voorbeeld.nl> and <info@voorbeeld.nl> are Markdown autolinks, not HTML.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^\s<>]*)>")
_AUTOMAIL = re.compile(r"<[^\s<>@]+@[^\s<>@]+>")
_TAG = re.compile(r"<[/?]?[A-Za-z]|<!")
_IMAGE = re.compile(r"!\[")
_LINK_TARGET = re.compile(r"\]\(")                          # [text](target)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:", re.MULTILINE)   # [label]: target
# {: #id .class onclick="..."} after a paragraph, heading or link (the attr_list extension).
_ATTRIBUTES = re.compile(r"\{:|\{[ \t]*[#.][\w-]|\{[^{}\n]*=[^{}\n]*\}")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# Every check in check_text needs one of these characters (after the length check).
_MARKUP_CHARS = re.compile(r"[<\[\]{]")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\\]+")   # browsers skip tabs and newlines inside a URL

MARKDOWN_HINT = "Voor opmaak gebruik je Markdown, zoals **vet** of [linktekst](https://voorbeeld.nl)."


def strings(value: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """Every string in an entry with the path of its field, lists and groups included."""
    if isinstance(value, str):
        return [(path, value)]
    found: list[tuple[FieldPath, str]] = []
    _collect(value, path, found)
    return found


def _collect(value: Any, path: FieldPath, found: list[tuple[FieldPath, str]]) -> None:
    # A loop per container rather than a call per value: this runs over every text of every entry.
    if isinstance(value, Mapping):   # plain data, or a frozen entry's fields
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return
    for key, item in items:
        if type(item) is str:
            found.append((path + (key,), item))
        elif isinstance(item, (Mapping, list, tuple)):
            _collect(item, path + (key,), found)


# Between two texts in all_text(): more than any check lets run across (a phone number allows 4).
GAP = "\n\n\n\n\n"


def all_text(value: Any) -> str:
    """Every string in plain data (as read from YAML) in one text, GAP between them.

    For the checks' first look at an entry. Cheaper than strings() (no field paths, and
    dict and list instead of the slower Mapping test), so an entry with nothing to look at
    costs one pass over its text; only when a first look finds something are its texts listed.
    """
    if isinstance(value, str):
        return value
    found: list[str] = []
    if isinstance(value, (dict, list)):
        _collect_text(value, found)
    return GAP.join(found)


def _collect_text(value: dict | list, found: list[str]) -> None:
    for item in value.values() if type(value) is dict else value:
        if type(item) is str:
            found.append(item)
        elif type(item) is dict or type(item) is list:
            _collect_text(item, found)


def might_be_unsafe(everything: str) -> bool:
    """False when no text in `everything` (see all_text) can have a problem text_problems reports."""
    return len(everything) > MAX_TEXT or bool(_MARKUP_CHARS.search(everything))


def snippet(text: str, start: int, length: int = 40) -> str:
    """The piece of `text` from `start` to the first '>' (a tag), or `length` characters."""
    end = text.find(">", start, start + length) + 1 or start + length
    return " ".join(text[start:end].split()) + ("…" if end < len(text) and text[end - 1] != ">" else "")


def text_problems(texts: Sequence[tuple[FieldPath, str]], rel: str, lines: Lines) -> list[Problem]:
    """Problems in the texts of one entry, as listed by strings()."""
    if not might_be_unsafe(GAP.join(text for _, text in texts)):   # one look at all their text
        return []
    problems = []
    for path, text in texts:
        for message in check_text(text):
            name = field_name(path)
            problems.append(Problem(rel, _line(lines, path), f"in veld '{name}' {message}", name))
    return problems


def check_text(text: str) -> list[str]:
    """What is wrong with one text, as the end of a Dutch sentence starting "in veld 'x' "."""
    if len(text) > MAX_TEXT:
        return [f"staat te veel tekst ({len(text)} tekens; hoogstens {MAX_TEXT}). Een item is een korte "
                f"samenvatting; verwijs voor de rest naar de bron."]
    if not _MARKUP_CHARS.search(text):  # most texts: none of the checks below can fire
        return []
    found = []
    if text.count("[") > MAX_BRACKETS:
        found.append(f"staan te veel haakjes '[' ({text.count('[')}; hoogstens {MAX_BRACKETS}). "
                     f"Gebruik '[' alleen voor links. {MARKDOWN_HINT}")
    for target in link_targets(text):
        if (scheme := link_scheme(target)) and scheme not in LINK_SCHEMES:
            found.append(f"staat een link die niet naar een webadres gaat ('{snippet(target, 0)}'). Links met "
                         f"'{scheme}:' zijn niet toegestaan. Een link begint met https:// of http://, zoals "
                         f"[linktekst](https://voorbeeld.nl).")
            break
    if match := _IMAGE.search(text):
        found.append(f"staat een afbeelding ('{snippet(text, match.start())}'). Een item kan geen afbeeldingen "
                     f"tonen: de site laadt niets van andere websites. Haal het '!' weg, dan wordt het een "
                     f"gewone link.")
    without_autolinks = _AUTOMAIL.sub(" ", _AUTOLINK.sub(" ", text))
    if match := _TAG.search(without_autolinks):
        found.append(f"staat HTML-code ('{snippet(without_autolinks, match.start())}'). HTML mag niet in de "
                     f"kennisbank, omdat er een script in verstopt kan zitten. Schrijf gewone tekst. "
                     f"{MARKDOWN_HINT} Bedoel je 'kleiner dan'? Zet dan een spatie na het teken: '< 18 jaar'.")
    if match := _ATTRIBUTES.search(text):
        found.append(f"staan kenmerken tussen accolades ('{snippet(text, match.start())}'). Die zijn niet "
                     f"toegestaan. Haal het stuk tussen {{ en }} weg.")
    return found


def link_targets(text: str) -> list[str]:
    """Where each Markdown link in `text` points: the text from its target onwards.

    [a](target), [a]: target and <target>; the end of the target is left to the
    caller, since what counts as its end differs between Markdown and browsers.
    """
    targets = [m.group(1) for m in _AUTOLINK.finditer(text)]
    targets += [text[m.end():] for m in _LINK_TARGET.finditer(text)]
    targets += [text[m.end():] for m in _REFERENCE.finditer(text)]
    return targets


def link_scheme(target: str) -> str | None:
    """The scheme a browser would see at the start of a link target: 'https', 'javascript', or None.

    Entities (&#106;), backslashes and whitespace are undone first, as a browser
    or Markdown would, so 'jav&#x61;script:' and 'java\\nscript:' are caught.
    """
    start = _INVISIBLE.sub("", html.unescape(target[:200])).lstrip(" <").lower()
    match = _SCHEME.match(start)
    return match.group(1) if match else None


# The rendered page, checked again: whatever Markdown made of a text, no element may run
# script, load from elsewhere or restyle the page. A second line behind check_text.
_UNSAFE_TAGS = frozenset("script style iframe frame frameset object embed applet base form link meta".split())
_ALIGN = re.compile(r"text-align: (left|right|center);")   # what Markdown tables write
_URL_ATTRIBUTES = frozenset("href src action formaction xlink:href srcset poster data background ping".split())


class _HTMLCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSAFE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (name == "style" and not _ALIGN.fullmatch(value or "")):
                self.found.append(f"<{tag} {name}=...>")
            elif name in _URL_ATTRIBUTES and (scheme := link_scheme(value or "")) and scheme not in LINK_SCHEMES:
                self.found.append(f"<{tag} {name}=\"{scheme}:...\">")

    handle_startendtag = handle_starttag


def unsafe_html(fragment: str) -> list[str]:
    """What in a rendered HTML fragment could run script or restyle the page: ['<script>', ...]."""
    checker = _HTMLCheck()
    checker.feed(fragment)
    checker.close()
    return checker.found
