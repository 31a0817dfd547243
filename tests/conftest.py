"""Shared fixtures: tiny catalogues in a temporary folder, built from the real schemas."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_CATALOGUE = ROOT / "catalogue"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict` (PDFs included)."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


class TinyCatalogue:
    """A catalogue folder with the real schemas and vocabularies and the entries a test writes."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REAL_CATALOGUE / "schema", root / "schema")
        shutil.copytree(REAL_CATALOGUE / "vocabulaires", root / "vocabulaires")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


SOURCE = """
    titel: Een bron
    uitgever: Een uitgever
    soort: webpagina
    beschrijving: Een tekst over ervaringsdeskundigheid.
    laatst_gecontroleerd: 2026-11-01
"""

ORGANISATION = """
    naam: Jongerenraad Test
    afkorting: JRT
    soort: jongerenorganisatie
    beschrijving: Een raad van jongeren. Ze geven advies.
    doelgroepen:
      - jongeren
    werkgebied:
      - landelijk
    themas:
      - jongerenparticipatie
    bronnen:
      - een-bron
    laatst_gecontroleerd: 2026-11-01
"""

EXAMPLE = """
    titel: Jongeren geven advies
    organisaties:
      - jongerenraad-test
    beschrijving: Jongeren adviseren de gemeente.
    aanpak: Ze komen vier keer per jaar samen.
    themas:
      - jongerenparticipatie
    bronnen:
      - een-bron
    laatst_gecontroleerd: 2026-11-01
"""


@pytest.fixture
def tiny(tmp_path: Path) -> TinyCatalogue:
    """A valid catalogue with one source, one organisation and one example."""
    catalogue = TinyCatalogue(tmp_path / "catalogue")
    catalogue.write("bronnen/een-bron.yml", SOURCE)
    catalogue.write("organisaties/jongerenraad-test.yml", ORGANISATION)
    catalogue.write("voorbeelden/jongeren-geven-advies.yml", EXAMPLE)
    return catalogue
