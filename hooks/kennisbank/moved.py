"""Old addresses of renamed entries: a small page at the old address sends the reader on.

A file name is an entry's address; when a title changes so much that the name no longer
fits, the file is renamed and its old name added to MOVED, so links elsewhere keep working.
A name in MOVED is never used again::

    for path, html in redirect_pages(catalogue):
        print(path)   # "voorbeelden/jongeren-getraind-als-adviseur-njr/index.html"
"""

from __future__ import annotations

from kennisbank.model import Catalogue
from kennisbank.templates import environment

# (kind folder, old name) -> new name
MOVED = {
    ("voorbeelden", "jongeren-getraind-als-adviseur-njr"): "jongeren-getraind-als-adviseur-bij-njr-hoofdzaken",
}


def redirect_pages(catalogue: Catalogue) -> list[tuple[str, str]]:
    """(path in the site, HTML) for each old address whose new entry is in this catalogue (a test checks
    that every one is in the real catalogue); the page sits where the old entry page was."""
    pages = []
    template = environment(html=True).get_template("verhuisd.html.j2")
    for (folder, old), new in MOVED.items():
        try:
            entry = catalogue.get(folder, new)
        except KeyError:
            continue
        html = template.render(title=entry.title, target=f"../{new}/")
        pages.append((f"{folder}/{old}/index.html", html))
    return pages
