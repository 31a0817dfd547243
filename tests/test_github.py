"""The GitHub files cannot run here, so they are checked against the published SchemaStore schemas
(vendored in tests/schemas/, see its README) and against what the project expects of them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema.validators import validator_for

from conftest import ROOT

SCHEMAS = ROOT / "tests" / "schemas"
GITHUB = ROOT / ".github"


class _Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only, as GitHub reads them: the key `on:` stays the string "on"."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                    list("tTfF"))


def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)


def errors(schema_name: str, data) -> list[str]:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in cls(schema).iter_errors(data)]


WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_published_schema(path):
    assert errors("github-workflow.json", load(path)) == []


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_issue_form_matches_the_published_schema(path):
    assert errors("github-issue-forms.json", load(path)) == []


def test_issue_template_chooser_matches_the_published_schema():
    assert errors("github-issue-config.json", load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")) == []


def test_the_schema_check_catches_a_broken_workflow():
    broken = load(GITHUB / "workflows" / "pull-request.yml")
    broken["jobs"]["controleren"]["steps"][0]["uses"] = 12
    broken["jobs"]["controleren"]["runs-on-typo"] = "x"
    assert errors("github-workflow.json", broken)


def test_issue_forms_cover_organisation_example_and_error():
    names = {load(p)["name"] for p in FORMS}
    assert names == {"Organisatie voorstellen", "Goed voorbeeld voorstellen", "Fout melden"}


# `uses: owner/action@<40 hex> # vX.Y.Z`: the commit is what runs, the comment says which release it is.
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines, "no actions used?"
    assert [line for line in lines if not PINNED.match(line)] == []


def test_the_pin_check_catches_a_tag():
    assert not PINNED.match("      - uses: actions/checkout@v4")
    assert not PINNED.match("      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262")
    assert PINNED.match("      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0")


@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.name)
def test_every_issue_form_reminds_of_privacy(path):
    form = load(path)
    intro = " ".join(item["attributes"]["value"] for item in form["body"] if item["type"] == "markdown")
    assert "privacyregels" in intro
    boxes = [item for item in form["body"] if item["type"] == "checkboxes" and item["id"] == "privacy"]
    assert boxes and all(option["required"] for option in boxes[0]["attributes"]["options"])


def steps(workflow: str) -> list[dict]:
    data = load(GITHUB / "workflows" / workflow)
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_pull_request_workflow_validates_with_annotations_builds_strictly_and_keeps_a_preview():
    data = load(GITHUB / "workflows" / "pull-request.yml")
    assert "pull_request" in data["on"]
    runs = [s.get("run", "") for s in steps("pull-request.yml")]
    assert any("kennisbank controleer --formaat github" in r for r in runs)
    assert any(r.strip() == "make site" for r in runs)
    # The preview is the offline build, unzipped: it opens from disk (links end in .html).
    assert any(r.strip() == "unzip -q site-offline.zip -d voorbeeld" for r in runs)
    upload = next(s for s in steps("pull-request.yml") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "voorbeeld/" and upload["id"] == "voorbeeld"


def test_the_pull_request_check_always_writes_its_dutch_summary():
    [summary] = [s for s in steps("pull-request.yml") if "kennisbank samenvatting" in s.get("run", "")]
    assert summary["if"].startswith("always()")
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]
    assert summary["env"]["VOORBEELD"] == "${{ steps.voorbeeld.outputs.artifact-url }}"
    checkout = steps("pull-request.yml")[0]
    assert checkout["with"]["fetch-depth"] == 2   # HEAD^1 is the base branch


def test_main_is_deployed_to_pages():
    data = load(GITHUB / "workflows" / "publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for s in steps("publish.yml")]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_workflows_need_no_system_packages_for_the_pdfs():
    """Typst and its fonts come with the Python packages and the repository: no pango, no apt for the PDFs."""
    for path in [ROOT / ".ci" / "run", *(GITHUB / "workflows").glob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        assert "pango" not in text and "harfbuzz" not in text and "fonts-dejavu" not in text, path.name
    assert "weasyprint" not in (ROOT / "requirements.txt").read_text(encoding="utf-8").lower()
