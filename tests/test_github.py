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


def steps(workflow: str) -> list[dict]:
    data = load(GITHUB / "workflows" / workflow)
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_pull_request_workflow_validates_with_annotations_builds_strictly_and_keeps_the_site():
    data = load(GITHUB / "workflows" / "pull-request.yml")
    assert "pull_request" in data["on"]
    runs = [s.get("run", "") for s in steps("pull-request.yml")]
    assert any("kennisbank controleer --formaat github" in r for r in runs)
    assert any(r.strip() == "make site" for r in runs)
    upload = next(s for s in steps("pull-request.yml") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


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
