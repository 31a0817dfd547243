"""Refuse text that could run script, load from other sites or stall the Markdown renderer.

Text fields are Markdown without raw HTML and links go to web addresses only.
Every string of an entry is checked, whatever its field, so a new field is
covered without anyone remembering to add it here::

    unsafe_text("Zie <script>alert(1)</script>")   # [("html", {"snippet": "<script>"})]

'<' followed by a space or a digit stays allowed ("< 18 jaar", "<12"): Markdown
shows it as text. unsafe_html() checks the rendered page again, as a second line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from kennisbank.problems import Finding

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
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\\]+")   # browsers skip tabs and newlines inside a URL

def form_rules() -> dict[str, object]:
    """The same checks for the contributor form (docs/assets/bijdragen.js): limits and patterns as data.

    The patterns are written so JavaScript reads them the same way (no Python-only syntax).
    """
    return {"max_text": MAX_TEXT, "max_brackets": MAX_BRACKETS, "link_schemes": sorted(LINK_SCHEMES),
            "tag": _TAG.pattern, "attributes": _ATTRIBUTES.pattern, "image": _IMAGE.pattern,
            "autolink": _AUTOLINK.pattern, "automail": _AUTOMAIL.pattern, "link_target": _LINK_TARGET.pattern,
            "reference": _REFERENCE.pattern, "scheme": _SCHEME.pattern, "invisible": _INVISIBLE.pattern}


def snippet(text: str, start: int, length: int = 40) -> str:
    """The piece of `text` from `start` to the first '>' (a tag), or `length` characters."""
    end = text.find(">", start, start + length) + 1 or start + length
    return " ".join(text[start:end].split()) + ("…" if end < len(text) and text[end - 1] != ">" else "")


def unsafe_text(text: str) -> list[Finding]:
    """What is wrong with one text: (code, facts) pairs for kennisbank.messages."""
    if len(text) > MAX_TEXT:
        return [("te-veel-tekst", {"length": len(text), "limit": MAX_TEXT})]
    found: list[Finding] = []
    if text.count("[") > MAX_BRACKETS:
        found.append(("te-veel-haakjes", {"count": text.count("["), "limit": MAX_BRACKETS}))
    for target in link_targets(text):
        if (scheme := link_scheme(target)) and scheme not in LINK_SCHEMES:
            found.append(("verboden-link", {"snippet": snippet(target, 0), "scheme": scheme}))
            break
    if match := _IMAGE.search(text):
        found.append(("afbeelding", {"snippet": snippet(text, match.start())}))
    without_autolinks = _AUTOMAIL.sub(" ", _AUTOLINK.sub(" ", text))
    if match := _TAG.search(without_autolinks):
        found.append(("html", {"snippet": snippet(without_autolinks, match.start())}))
    if match := _ATTRIBUTES.search(text):
        found.append(("accolades", {"snippet": snippet(text, match.start())}))
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


def untrusted_html(fragment: str, trusted: tuple[str, ...] = ()) -> list[str]:
    """unsafe_html, less what the page's own template writes on purpose (each item of `trusted` once)."""
    return list((Counter(unsafe_html(fragment)) - Counter(trusted)).elements())


def unsafe_html(fragment: str) -> list[str]:
    """What in a rendered HTML fragment could run script or restyle the page: ['<script>', ...]."""
    if not _suspect(fragment):
        return []
    checker = _HTMLCheck()
    checker.feed(fragment)
    checker.close()
    return checker.found


# A first look without the parser, which took a quarter of the hooks' time at 1,000 entries
# (make bench). It searches everything that could be a tag for what the parser would object to
# and errs towards "suspect"; only a suspect page is parsed, so every finding is the parser's.
# One leniency: an on... attribute without a value, which runs nothing, is not suspect.
# A tag runs to the first '>' outside quotes; an unclosed quote runs to the end of the page.
_TAG_SPAN = re.compile(r"""<[A-Za-z](?:[^>"']+|"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))*""")
_TAG_NAME = re.compile(r"<([^\s/>]+)")
_HANDLER = re.compile(r"""[\s/"']on[^\s/>=]*\s*=""", re.IGNORECASE)
# Every place a style or address attribute could start (overlapping, hence the lookahead), with its value.
_VALUED = re.compile(r"""(?=[\s/"'](style|%s)(?=[\s/>=]|\Z)\s*(?:=\s*("[^"]*|'[^']*|[^\s>]*))?)"""
                     % "|".join(sorted(_URL_ATTRIBUTES)), re.IGNORECASE)


def _suspect(fragment: str) -> bool:
    for span in _TAG_SPAN.findall(fragment):
        if _TAG_NAME.match(span).group(1).lower() in _UNSAFE_TAGS or _HANDLER.search(span):
            return True
        for name, value in _VALUED.findall(span):
            value = html.unescape(value[1:] if value[:1] in "\"'" else value)
            if name.lower() == "style":
                if not _ALIGN.fullmatch(value):
                    return True
            elif (scheme := link_scheme(value)) and scheme not in LINK_SCHEMES:
                return True
    return False
