"""The real site: a strict MkDocs build, and a failed build that leaves site/ alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import kennisbank, line_of_field, project_copy


@pytest.mark.parametrize("slug", ["nationale-jeugdraad", "expex", "jongwijs", "ervaringsraad-kenniscentrum"])
def test_organisation_pages_reachable_from_overview(real_build, slug):
    assert (real_build.site / "organisaties" / slug / "index.html").is_file()
    overview = (real_build.site / "organisaties" / "index.html").read_text(encoding="utf-8")
    assert f'href="{slug}/"' in overview


def test_entry_page_edit_button_opens_the_yaml(real_build):
    html = (real_build.site / "organisaties" / "nationale-jeugdraad" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/catalogue/organisaties/nationale-jeugdraad.yml" in html


def test_search_uses_the_dutch_stemmer(real_build):
    index = json.loads((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    # The stemmer runs on the query (hooks/theme/assets/javascripts/workers/zoeken.js), not the
    # index: Material's wildcard terms skip it. The browser proof is tests/browser/test_search.py.
    assert index["config"]["pipeline"] == ["stopWordFilter", "trimmer"]
    assert '"search": "assets/javascripts/workers/zoeken.js"' in (real_build.site / "index.html").read_text(encoding="utf-8")


def test_the_handbook_download_page_is_found_and_the_start_page_leads_there(real_build):
    docs = json.loads((real_build.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert [doc["title"] for doc in docs if doc["location"] == "handboek/"] == ["Handboek om te printen"]
    assert any("handboek om te printen" in doc["text"] for doc in docs if doc["location"].startswith("#")
               or doc["location"] == "")


def test_meerwaarde_and_knelpunt_values_link_to_their_explanation(real_build):
    example = (real_build.site / "voorbeelden" / "een-ervaringsprofessional-in-het-team-bmc" / "index.html")
    assert '<a href="../../meerwaarde/#spiegel">Een spiegel voor professionals</a>' in example.read_text(encoding="utf-8")
    checklist = (real_build.site / "checklists" / "voordat-je-ervaringsdeskundigen-inzet" / "index.html")
    assert 'href="../../knelpunten/#ouderperspectief"' in checklist.read_text(encoding="utf-8")


def test_entry_pages_stay_out_of_the_navigation(real_build):
    start = (real_build.site / "index.html").read_text(encoding="utf-8")
    assert 'href="organisaties/"' in start
    assert "organisaties/nationale-jeugdraad/" not in start.split('class="md-content"')[0]


@pytest.fixture
def project(tmp_path) -> Path:
    """The project without its venv and site, to break on purpose."""
    return project_copy(tmp_path / "project")


@pytest.mark.slow
@pytest.mark.parametrize("mistake, expected", [
    (lambda t: t.replace("beschrijving:", "beschrijvng:", 1),
     f"catalogue/organisaties/expex.yml:{line_of_field('expex', 'beschrijving')}: onbekend veld"),
    (lambda t: t.replace("soort: jongerenorganisatie", "soort: jongerenorganisatie\n   extra: x"),
     "catalogue/organisaties/expex.yml:"),
    (lambda t: t.replace("  - expex-resultaten", "  - expex-resultaat"), "'expex-resultaat' bij de tweede bron"),
])
def test_a_mistake_stops_the_build_and_keeps_the_old_site(project, mistake, expected):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("de vorige site")
    entry = project / "catalogue" / "organisaties" / "expex.yml"
    entry.write_text(mistake(entry.read_text(encoding="utf-8")), encoding="utf-8")
    result = kennisbank("bouw", cwd=project)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "De site is niet gebouwd" in result.stderr
    assert (site / "index.html").read_text() == "de vorige site"
    assert not list(project.glob(".site-build-*"))


def test_the_validate_command_uses_the_same_checks_as_the_build(project):
    entry = project / "catalogue" / "organisaties" / "expex.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("  - jongeren\n", "  - jongern\n", 1))
    result = kennisbank("controleer", cwd=project)
    assert result.returncode == 1
    assert result.stdout.startswith("catalogue/organisaties/expex.yml:11: de eerste doelgroep is 'jongern', maar dat "
                                  "staat niet in de lijst")
