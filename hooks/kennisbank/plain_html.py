"""A fast first look at a rendered page, in front of safety.unsafe_html.

unsafe_html runs html.parser over the page, which made it one of the slowest steps of
the build (about a millisecond per catalogue page). Markdown writes the same few plain
tags on almost every page, so this module first checks, with one regular expression,
that every start tag in the HTML is one of those, written the way Markdown writes it::

    if not only_plain_markup(html) and (found := unsafe_html(html)):
        ...   # refuse the page

True means unsafe_html would find nothing: html.parser only sees a start tag where '<'
is followed by a letter, and each such place must begin a tag below, whose name and
attributes unsafe_html accepts (no event handlers, no style but table alignment, links
only relative or to http(s) and mailto). Anything else, such as an unknown tag, an
unusual attribute, single quotes or capitals, gives False, and the full check decides.
"""

from __future__ import annotations

import re

_PLAIN_TAGS = ("a|abbr|blockquote|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|input|label|li|ol|p|pre|"
               "span|strong|sub|summary|sup|table|tbody|td|th|thead|time|tr|ul")
# Attributes whose value unsafe_html ignores; the value may hold anything but quotes and angle brackets.
_PLAIN_ATTRIBUTES = "class|datetime|for|id|open|title|type"
# A '<' and a letter (where html.parser sees a start tag) not followed by the rest of a plain tag.
_UNPLAIN_TAG = re.compile(
    rf'<(?=[a-zA-Z])(?!(?:{_PLAIN_TAGS})'
    rf'(?: (?:{_PLAIN_ATTRIBUTES})="[^"<>]*"'
    r'| (?:checked|disabled)(?=[ />])'
    r'| style="text-align: (?:left|right|center);"'
    # A link to the web or a mail address, or one without any ':' (relative, or #anchor),
    # '&' (entities), backslash or control character, so it cannot start with a scheme.
    r'| href="(?:(?:https?://|mailto:)[^"<>]*|[^":&\\<>\x00-\x1f\x7f]*)"'
    r')*(?: ?/)?>)'
)


def only_plain_markup(html: str) -> bool:
    """Whether every start tag in `html` is a plain one (see above): then it needs no closer look."""
    return _UNPLAIN_TAG.search(html) is None
