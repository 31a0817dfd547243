"""The real site: a strict MkDocs build, and a failed build that leaves site/ alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.mark.parametrize("slug", ["nationale-jeugdraad", "expex", "jongwijs", "ervaringsraad-kenniscentrum"])
def test_organisation_pages_reachable_from_overview(built_site, slug):
    assert (built_site / "organisaties" / slug / "index.html").is_file()
    overview = (built_site / "organisaties" / "index.html").read_text(encoding="utf-8")
    assert f'href="{slug}/"' in overview


def test_entry_page_edit_button_opens_the_yaml(built_site):
    html = (built_site / "organisaties" / "nationale-jeugdraad" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/catalogue/organisaties/nationale-jeugdraad.yml" in html


def test_search_uses_the_dutch_stemmer(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    # The stemmer runs on the query (hooks/theme/assets/javascripts/workers/zoeken.js), not the
    # index: Material's wildcard terms skip it. The browser proof is tests/browser/test_search.py.
    assert index["config"]["pipeline"] == ["stopWordFilter", "trimmer"]
    assert '"search": "assets/javascripts/workers/zoeken.js"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_the_handbook_stays_out_of_search_but_the_start_page_leads_there(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [doc for doc in docs if doc["location"].startswith("handboek/")]
    assert any("handboek om te printen" in doc["text"] for doc in docs if doc["location"].startswith("#")
               or doc["location"] == "")


def test_meerwaarde_and_knelpunt_values_link_to_their_explanation(built_site):
    example = (built_site / "voorbeelden" / "een-ervaringsprofessional-in-het-team-bmc" / "index.html")
    assert '<a href="../../meerwaarde/#spiegel">Een spiegel voor professionals</a>' in example.read_text(encoding="utf-8")
    checklist = (built_site / "checklists" / "voordat-je-ervaringsdeskundigen-inzet" / "index.html")
    assert 'href="../../knelpunten/#ouderperspectief"' in checklist.read_text(encoding="utf-8")


def test_entry_pages_stay_out_of_the_navigation(built_site):
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="organisaties/"' in start
    assert "organisaties/nationale-jeugdraad/" not in start.split('class="md-content"')[0]


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """The project without its venv and site, to break on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "docs", "hooks", "catalogue", "scripts"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    return copy


@pytest.mark.parametrize("mistake, expected", [
    (lambda t: t.replace("beschrijving:", "beschrijvng:", 1),
     "catalogue/organisaties/expex.yml:4: onbekend veld 'beschrijvng'. Bedoelde je 'beschrijving'?"),
    (lambda t: t.replace("soort: jongerenorganisatie", "soort: jongerenorganisatie\n   extra: x"),
     "catalogue/organisaties/expex.yml:"),
    (lambda t: t.replace("  - expex-resultaten", "  - expex-resultaat"),
     "'expex-resultaat' in veld 'bronnen[2]' bestaat niet"),
])
def test_a_mistake_stops_the_build_and_keeps_the_old_site(project_copy, mistake, expected):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("de vorige site")
    entry = project_copy / "catalogue" / "organisaties" / "expex.yml"
    entry.write_text(mistake(entry.read_text(encoding="utf-8")), encoding="utf-8")
    result = subprocess.run([sys.executable, str(project_copy / "scripts" / "build_site.py")],
                            cwd=project_copy, env=ENV, capture_output=True, text=True)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "De site is niet gebouwd" in result.stderr
    assert (site / "index.html").read_text() == "de vorige site"
    assert not list(project_copy.glob(".site-build-*"))


def test_validate_script_uses_the_same_checks(project_copy):
    entry = project_copy / "catalogue" / "organisaties" / "expex.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("  - jongeren\n", "  - jongern\n", 1))
    result = subprocess.run([sys.executable, "scripts/validate.py"], cwd=project_copy, capture_output=True, text=True)
    assert result.returncode == 1
    assert "catalogue/organisaties/expex.yml:9: 'jongern' staat niet in de lijst doelgroepen" in result.stdout
    assert "Bedoelde je 'jongeren'?" in result.stdout
