"""The structure picture (6 meerwaarde, 5 knelpunten, 4 agenda points), drawn from the catalogue."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import REAL_CATALOGUE
from kennisbank import load_catalogue
from kennisbank.structure import columns, structure_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_the_picture_counts_and_names_every_point():
    catalogue = load_catalogue(REAL_CATALOGUE)
    assert [(c.title, c.count) for c in columns(catalogue)] == [
        ("Meerwaarde", 6), ("Knelpunten", 5), ("Ontwikkelagenda", 4)]
    root = ET.fromstring(structure_svg(catalogue))
    words = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    for term in catalogue.schema.vocabulary_of("meerwaarde").terms:
        assert all(word in words for word in term.label.split()), term.label
    # Described for screen readers: role img, a title and a description naming every point.
    assert root.get("role") == "img"
    description = root.find(f"{SVG}desc").text
    assert "6 × meerwaarde" in description and "Ouders worden vaak vergeten" in description


def test_items_never_overlap_or_leave_the_picture():
    catalogue = load_catalogue(REAL_CATALOGUE)
    width = int(ET.fromstring(structure_svg(catalogue)).get("width"))
    for column in columns(catalogue):
        assert column.x >= 0 and column.x + 300 <= width
        for above, below in zip(column.items, column.items[1:]):
            assert above.y + above.height < below.y
