"""Reading YAML: line numbers, and Dutch messages for what people get wrong."""

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
    assert [str(p) for p in problems] == [
        "catalogue/organisaties/x.yml:3: de YAML klopt niet. Er staat een dubbele punt op een plek waar dat "
        "niet mag. Staat er een ':' in je tekst? Zet de hele tekst dan tussen aanhalingstekens."
    ]


def test_tab_is_explained():
    _, _, problems = parse_yaml("naam: x\n\tsoort: y\n", "f.yml")
    assert problems[0].line == 2
    assert "tab" in problems[0].message


def test_duplicate_key_is_an_error_not_an_overwrite():
    _, _, problems = parse_yaml("naam: x\nsoort: y\nnaam: z\n", "f.yml")
    assert [str(p) for p in problems] == [
        "f.yml:3: het veld 'naam' staat twee keer in dit item (ook op regel 1). Laat er één staan."
    ]


def test_aliases_are_refused():
    _, _, problems = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yml")
    assert problems and "'&' en '*'" in problems[0].message
    assert problems[0].line == 2


def test_empty_file():
    _, _, problems = parse_yaml("", "f.yml")
    assert problems[0].message.startswith("het bestand is leeg")
