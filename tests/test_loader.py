"""Reading YAML: line numbers, and a problem with a code and line for what people get wrong."""

from kennisbank.yamlfile import parse_yaml


def test_lines_of_fields_and_list_items():
    data, lines, problems = parse_yaml("naam: x\nlijst:\n  - a\n  - b\n", "f.yml")
    assert problems == []
    assert data == {"naam": "x", "lijst": ["a", "b"]}
    assert lines[("naam",)] == 1
    assert lines[("lijst", 1)] == 4


def test_dates_stay_text_so_the_schema_can_judge_them():
    data, _, problems = parse_yaml("laatst_gecontroleerd: 2026-13-45\n", "f.yml")
    assert problems == []
    assert data == {"laatst_gecontroleerd": "2026-13-45"}


def test_broken_indentation_names_the_line():
    _, _, problems = parse_yaml("naam: x\nbeschrijving: y\n  soort: z\n", "catalogue/organisaties/x.yml")
    assert [(p.code, p.file, p.line) for p in problems] == [("yaml-dubbele-punt", "catalogue/organisaties/x.yml", 3)]


def test_tab_is_explained():
    _, _, problems = parse_yaml("naam: x\n\tsoort: y\n", "f.yml")
    assert (problems[0].code, problems[0].line) == ("yaml-tab", 2)


def test_duplicate_key_is_an_error_not_an_overwrite():
    _, _, problems = parse_yaml("naam: x\nsoort: y\nnaam: z\n", "f.yml")
    assert [(p.code, p.line) for p in problems] == [("dubbel-veld", 3)]
    assert "(ook op regel 1)" in problems[0].message


def test_anchors_and_aliases_are_refused_once_with_the_line_quoted():
    _, _, problems = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yml")
    assert [(p.code, p.line) for p in problems] == [("anker", 1)]
    _, _, problems = parse_yaml("naam: *Jeugd\n", "f.yml")
    assert [(p.code, p.line) for p in problems] == [("anker", 1)]
    assert problems[0].message.endswith('zo:\n    naam: "*Jeugd"')


def test_empty_file():
    _, _, problems = parse_yaml("", "f.yml")
    assert [(p.code, p.line) for p in problems] == [("leeg-bestand", 1)]


def test_a_field_with_a_list_is_on_the_line_of_its_name():
    _, lines, _ = parse_yaml("naam: x\nlijst:\n  - a\n", "f.yml")
    assert lines[("lijst",)] == 2 and lines[("lijst", 0)] == 3


def test_values_are_read_as_pyyaml_reads_them(tmp_path):
    """The event reader gives the same data as PyYAML's own loader (dates as text) on every kind of value."""
    import yaml

    from conftest import REAL_CATALOGUE
    from kennisbank.yamlfile import _Loader
    from synthetic import write_catalogue

    write_catalogue(tmp_path / "catalogue", 60, seed=3)
    texts = [path.read_text(encoding="utf-8") for root in (REAL_CATALOGUE, tmp_path / "catalogue")
             for path in sorted(root.glob("*/*.yml"))]
    texts.append("getal: 12\nkomma: 1.5\nja: yes\nnee: off\nleeg:\nniets: ~\nnul: null\ntekst: '12'\n"
                 "datum: 2026-11-23\nhex: 0x1F\nlijst: [1, 'a', b, {c: d}]\nblok: |\n  regel\n  regel\n"
                 "oneindig: .inf\ngetagd: !!str 12\n")
    assert len(texts) > 100
    for text in texts:
        data, _, problems = parse_yaml(text, "f.yml")
        assert problems == []
        assert data == yaml.load(text, Loader=_Loader), text[:80]
