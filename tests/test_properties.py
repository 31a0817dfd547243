"""Property-based: whatever a file holds, load -> validate -> render ends in Problems or in pages.

Random bytes, random YAML-ish text, mutated valid entries and random field values go
through the real pipeline. The only allowed outcomes are a CatalogueError listing
Problems (each with a file and a Dutch message) or rendered pages; any other
exception is a bug. Run more examples with KB_HYPOTHESIS_PROFILE=grondig.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap

import jinja2
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kennisbank.loader
import kennisbank.pages
from conftest import EXAMPLE, ORGANISATION, SOURCE, TinyCatalogue
from kennisbank import CatalogueError, Problem, load_catalogue
from kennisbank.messages import MESSAGES
from kennisbank.pages import Renderer
from kennisbank.validate import Validators
from kennisbank.yamlfile import decode, parse_yaml

settings.register_profile("kennisbank", max_examples=50, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("grondig", parent=settings.get_profile("kennisbank"), max_examples=500)
PROFILE = settings.get_profile(os.environ.get("KB_HYPOTHESIS_PROFILE", "kennisbank"))

ENTRY = "catalogue/organisaties/jongerenraad-test.yml"
VALID = textwrap.dedent(ORGANISATION).lstrip("\n")
FIELDS = ["naam", "afkorting", "soort", "beschrijving", "doelgroepen", "werkgebied", "themas", "bronnen",
          "laatst_gecontroleerd", "website", "leeftijd", "gerelateerd", "onderdeel_van", "rollen", "x"]
# Characters that mean something to YAML, Markdown or HTML.
SPECIAL_CHARS = st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n\r <>/\\()=;,.?~\ufeff\x85"))
SPECIAL = st.one_of(SPECIAL_CHARS, st.sampled_from(["\r\n", "---", "...", "- ", ": ", "<script>", "&a", "*a"]))
TEXT = st.text(st.one_of(st.characters(), SPECIAL_CHARS), max_size=60)


class _SharedBytecode(jinja2.BytecodeCache):
    """Compile each template once for the whole test run instead of once per example."""

    store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory):
    """run(text_or_bytes) -> "problems" or "pages", through load_catalogue and the page Renderer."""
    tiny = TinyCatalogue(tmp_path_factory.mktemp("eigenschappen") / "catalogue")
    tiny.write("bronnen/een-bron.yml", SOURCE)
    tiny.write("voorbeelden/jongeren-geven-advies.yml", EXAMPLE)
    entry = tiny.root.parent / ENTRY
    entry.parent.mkdir(parents=True, exist_ok=True)
    patch = pytest.MonkeyPatch()
    # Same schemas every time: compile them once (the pipeline itself is unchanged).
    compiled = []

    def validators(schema):
        if not compiled:
            compiled.append(Validators(schema))
        return compiled[0]
    patch.setattr(kennisbank.loader, "Validators", validators)
    original_init = kennisbank.pages.Renderer.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.env.bytecode_cache = _SharedBytecode()
    patch.setattr(kennisbank.pages.Renderer, "__init__", init)

    def run(content: str | bytes) -> str:
        entry.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
        try:
            catalogue = load_catalogue(tiny.root)
        except CatalogueError as error:
            assert error.problems
            for problem in error.problems:
                assert isinstance(problem, Problem)
                assert problem.file.startswith("catalogue/") and problem.message.strip()
                assert problem.code in MESSAGES
                assert problem.line is None or problem.line >= 1
                assert "Traceback" not in problem.message
            return "problems"
        pages = Renderer(catalogue, dt.date(2026, 11, 23)).pages()
        assert all(isinstance(markdown, str) for markdown in pages.values())
        return "pages"

    yield run
    patch.undo()


def test_the_pipeline_accepts_the_valid_entry(pipeline):
    assert pipeline(VALID) == "pages"          # the mutations below start from a good file


@PROFILE
@given(st.binary(max_size=300))
def test_random_bytes(pipeline, data):
    pipeline(data)


@PROFILE
@given(st.lists(st.one_of(TEXT, SPECIAL), max_size=20).map("".join))
@example("\r&0:")   # an anchor after a lone carriage return: libyaml counts it as a line
def test_random_yaml_like_text(pipeline, text):
    pipeline(text)


@st.composite
def mutated(draw) -> str:
    """The valid entry with a few random edits: deletions, insertions, swapped or repeated lines."""
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        lines = text.splitlines(keepends=True)
        action = draw(st.sampled_from(["delete", "insert", "swap", "repeat", "indent"]))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if action == "delete":
            start = draw(st.integers(0, len(text)))
            text = text[:start] + text[start + draw(st.integers(1, 20)):]
        elif action == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(TEXT) + text[at:]
        elif action == "swap" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "".join(lines)
        elif action == "repeat" and lines:
            text = "".join(lines[: i + 1] + [lines[i]] + lines[i + 1:])
        elif action == "indent" and lines:
            lines[i] = draw(st.sampled_from(["  ", "\t", " ", "- "])) + lines[i]
            text = "".join(lines)
    return text


@PROFILE
@given(mutated())
def test_mutated_entries(pipeline, text):
    pipeline(text)


VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(), TEXT,
              st.sampled_from(["jongeren", "landelijk", "jongerenparticipatie", "een-bron", "2026-11-01",
                               "https://voorbeeld.nl", "jongerenorganisatie", "<script>", "[x](javascript:1)"])),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(FIELDS + ["van", "tot"]), children, max_size=4)),
    max_leaves=12,
)


@PROFILE
@given(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS)))
def test_random_field_values(pipeline, fields):
    entry = yaml.safe_load(VALID) | fields
    pipeline(yaml.safe_dump(entry, allow_unicode=True))


@settings(PROFILE, max_examples=PROFILE.max_examples * 8)
@given(st.binary(max_size=400))
def test_reading_any_bytes_gives_data_or_problems(data):
    """The reader alone, with many more examples: it never raises."""
    text, problem = decode(data, "f.yml")
    if problem is None:
        _, _, problems = parse_yaml(text, "f.yml")
        assert all(isinstance(p, Problem) for p in problems)
