"""The Dutch job summary of the pull-request workflow (kennisbank samenvatting): what changes, what the
check found, and how to open the preview; run in a small git repository as the workflow runs it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ENV, kennisbank

GIT_ENV = {**ENV, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@voorbeeld.nl", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@voorbeeld.nl", "GIT_CONFIG_NOSYSTEM": "1", "HOME": os.environ.get("HOME", "/")}
NEW_ORGANISATION = """\
naam: Stichting De Brug
soort: netwerk
beschrijving: Een netwerk van ouders en jongeren.
bronnen:
  - titel: Jaarverslag 2024 van De Brug
    uitgever: Stichting De Brug
    soort: brochure
    jaar: 2025
    beschrijving: Wat de stichting in 2024 deed.
laatst_gecontroleerd: 2026-11-01
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


@pytest.fixture
def repo(tiny) -> Path:
    """The tiny catalogue as the main branch of a git repository, plus a pull request's commit."""
    root = tiny.root.parent
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "basis")
    (root / "catalogue" / "organisaties" / "stichting-de-brug.yml").write_text(NEW_ORGANISATION, encoding="utf-8")
    tiny.edit("bronnen/een-bron.yml", "Een tekst over", "Een korte tekst over")
    (root / "catalogue" / "voorbeelden" / "jongeren-geven-advies.yml").unlink()
    return root


def commit(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "bijdrage")


def test_a_valid_pull_request_lists_its_entries_and_how_to_open_the_preview(repo):
    commit(repo)
    result = kennisbank("samenvatting", "--basis", "HEAD^1", "--voorbeeld", "https://github.com/o/r/actions/runs/1/"
                        "artifacts/2", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "**Alles in orde.**" in text
    assert "| Stichting De Brug (`catalogue/organisaties/stichting-de-brug.yml`) | organisatie | nieuw |" in text
    assert ("| Jaarverslag 2024 van De Brug (uitgeschreven in `catalogue/organisaties/stichting-de-brug.yml`) "
            "| bron | nieuw |") in text
    assert "| Een bron (`catalogue/bronnen/een-bron.yml`) | bron | gewijzigd |" in text
    assert "| Jongeren geven advies | voorbeeld | verwijderd |" in text
    assert "Klik op [site-voorbeeld](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    assert "    - `organisaties/stichting-de-brug.html`: Stichting De Brug" in text
    assert "    - `bronnen/jaarverslag-2024-van-de-brug.html`: Jaarverslag 2024 van De Brug" in text


def test_errors_are_listed_with_file_line_and_advice_and_there_is_no_preview(repo):
    path = repo / "catalogue" / "organisaties" / "stichting-de-brug.yml"
    path.write_text(NEW_ORGANISATION.replace("soort: netwerk", "soort: netwerkk"), encoding="utf-8")
    commit(repo)
    result = kennisbank("samenvatting", "--basis", "HEAD^1", "--geen-voorbeeld", cwd=repo)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "**Er is 1 fout gevonden.**" in text and "**Files changed**" in text
    assert ("- `catalogue/organisaties/stichting-de-brug.yml`, regel 2: het veld 'soort' is 'netwerkk', maar dat "
            "staat niet in de lijst soorten-organisatie. Bedoelde je 'netwerk'?") in text
    assert "| Stichting De Brug (`catalogue/organisaties/stichting-de-brug.yml`) | organisatie | nieuw |" in text
    assert "Er is geen voorbeeld van de site" in text


def test_advice_with_lines_to_write_is_shown_as_a_block(repo):
    path = repo / "catalogue" / "organisaties" / "stichting-de-brug.yml"
    path.write_text(NEW_ORGANISATION.replace("naam: Stichting De Brug", "naam: 't Jeugdhuis"), encoding="utf-8")
    commit(repo)
    text = kennisbank("samenvatting", "--geen-voorbeeld", cwd=repo).stdout
    assert "regel 1: de tekst begint met een aanhalingsteken (') " in text
    assert '  ```yaml\n  naam: "\'t Jeugdhuis"\n  ```' in text


def test_without_git_history_it_still_writes_a_summary(tiny):
    result = kennisbank("samenvatting", "--basis", "HEAD^1", cwd=tiny.root.parent)
    assert result.returncode == 0
    assert "Deze pull request verandert geen items" in result.stdout
    assert "git" in result.stderr
