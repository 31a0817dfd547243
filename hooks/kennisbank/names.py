"""File names (slugs) made from titles: one rule for `kennisbank nieuw`, new sources and the form.

A slug is python-slugify's, cut at a word boundary to MAX_SLUG characters. The form on the
site (docs/assets/bijdragen.js) makes the same slug in the browser; the characters it cannot
work out by itself (ß, Ø, Ł, €, Greek, Cyrillic, curly quotes ...) come from
transliteration_table(), made here from the same transliteration python-slugify uses::

    slug_for("Straße Øresund Łódź")   # "strasse-oresund-lodz"
    transliteration_table()["ß"]      # "ss"
"""

from __future__ import annotations

import functools
import unicodedata
from html.entities import name2codepoint

from slugify import slugify
from text_unidecode import unidecode

MAX_SLUG = 80   # file names stay readable and far below the file system's limit

# The blocks of characters the form transliterates as python-slugify does: Latin, Greek, Cyrillic,
# punctuation, currency and letter-like signs. Other scripts give a different (still valid) file name.
TABLE_RANGES = ((0x00A0, 0x052F), (0x1E00, 0x1EFF), (0x2000, 0x218F))


def slug_for(title: str) -> str:
    """The file name (without .yml) for a title; "" when the title has no letters or digits."""
    return slugify(title, max_length=MAX_SLUG, word_boundary=True)


@functools.cache
def transliteration_table() -> dict[str, str]:
    """ASCII for each non-ASCII character that NFKD leaves of TABLE_RANGES (the form drops the rest)."""
    table = {}
    for start, end in TABLE_RANGES:
        for code in range(start, end + 1):
            for char in unicodedata.normalize("NFKD", chr(code)):
                if not char.isascii() and (ascii_text := unidecode(char)):
                    table[char] = ascii_text
    return table


def entity_table() -> dict[str, str]:
    """HTML entity names python-slugify decodes (&amp; -> &), for the form."""
    return {name: chr(code) for name, code in name2codepoint.items()}
