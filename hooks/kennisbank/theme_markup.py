"""Make Material 9.8.1's own markup valid HTML (0 errors from the Nu Html Checker), after rendering.

Three things in the theme's templates are invalid; each fix keeps what the browser does:

- nav-item.html writes `tabindex=""` on the labels of navigation sections: an empty
  tabindex is not a number, and browsers already ignore it, so it is dropped.
- base.html writes `autocomplete="off"` on its two checkbox toggles (drawer, search):
  autocomplete is not allowed on checkboxes, so it is dropped (it only stopped Firefox from
  restoring a toggle's state after going back).
- toc.html writes `<label for="__toc">` on every page with headings, but the `__toc`
  checkbox exists only on pages in the navigation; elsewhere the `for` points at nothing
  and is dropped.

A post-build fix rather than copies of nav-item.html and base.html: three small patterns here are
easier to keep up to date than two large templates. tests/browser/test_html_valid.py runs the checker.
"""

from __future__ import annotations

import re

_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*?\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def valid_theme_markup(html: str) -> str:
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return html
