"""Shared fixtures: tiny catalogues in a temporary folder, and the real site built once per run.

    tiny          a valid catalogue (real schemas and word lists) with one source, organisation, example
    real_build    the real site and site-offline.zip, built once per run by `kennisbank bouw` (slow)
    kennisbank    run the command in a subprocess: kennisbank("controleer", cwd=...) -> CompletedProcess

Tests that use real_build, and everything under tests/browser/, are marked `slow`:
`make test-fast` (pytest -m "not slow") leaves them out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REAL_CATALOGUE = ROOT / "catalogue"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: builds a site, runs the benchmark or starts a browser")


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if "real_build" in getattr(item, "fixturenames", ()) or "/browser/" in item.nodeid:
            item.add_marker(pytest.mark.slow)


def kennisbank(*args: str, cwd: Path = ROOT, env: dict | None = None,
               timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `kennisbank ARGS` as a contributor would, in `cwd`; text output captured."""
    return subprocess.run([sys.executable, "-m", "kennisbank", *args], cwd=cwd, env=env or ENV,
                          capture_output=True, text=True, timeout=timeout)


@dataclass(frozen=True)
class Build:
    site: Path          # the built site/ folder
    offline_zip: Path   # site-offline.zip beside it


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> Build:
    """The real site, built once per test run the way `make site` does (PDFs and offline zip included)."""
    out = tmp_path_factory.mktemp("build")
    result = kennisbank("bouw", "--site-map", str(out / "site"))
    if result.returncode != 0:
        pytest.fail(f"kennisbank bouw failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}", pytrace=False)
    return Build(out / "site", out / "site-offline.zip")


class TinyCatalogue:
    """A catalogue folder with the real schemas and word lists and the entries a test writes."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REAL_CATALOGUE / "schema", root / "schema")
        shutil.copytree(REAL_CATALOGUE / "vocabulaires", root / "vocabulaires")

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


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


def line_of_field(organisation: str, field: str) -> int:
    """The line a field starts on in a real organisation file (entries change; the test should not)."""
    lines = (ROOT / "catalogue" / "organisaties" / f"{organisation}.yml").read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if line.startswith(f"{field}:"))


def project_copy(destination: Path) -> Path:
    """The project without its venv and site, to break on purpose; `kennisbank bouw` runs in it."""
    destination.mkdir()
    for name in ("mkdocs.yml", "mkdocs.offline.yml", "docs", "hooks", "catalogue", "CONTRIBUTING.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, destination / name,
                                                              **({"ignore": shutil.ignore_patterns("__pycache__")}
                                                                 if source.is_dir() else {}))
    return destination
