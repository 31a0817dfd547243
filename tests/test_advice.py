"""Advice that is always right: for each mistake a newcomer makes, the message's code, file and line,
and then the suggested text applied as the contributor would, after which the file passes.

The fixes are read from the message itself (the lines after "zo:", the date after "bijvoorbeeld"),
so a message that suggests something wrong fails here.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kennisbank import CatalogueError, load_catalogue

TODAY = dt.date(2026, 11, 23)
ORG = "organisaties/jongerenraad-test.yml"
ORG_FILE = f"catalogue/{ORG}"


def problems_of(tiny) -> list:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(tiny.root, today=TODAY)
    return caught.value.problems


def only_problem(tiny, code: str, line: int, rel: str = ORG):
    """The one problem of the catalogue: its code, file and line as expected."""
    found = problems_of(tiny)
    assert [(p.code, p.file, p.line) for p in found] == [(code, f"catalogue/{rel}", line)], [str(p) for p in found]
    return found[0]


def passes(tiny) -> None:
    load_catalogue(tiny.root, today=TODAY)


def lines_of(tiny, rel: str = ORG) -> list[str]:
    return (tiny.root / rel).read_text(encoding="utf-8").split("\n")


def write_lines(tiny, lines: list[str], rel: str = ORG) -> None:
    (tiny.root / rel).write_text("\n".join(lines), encoding="utf-8")


def suggested_block(message: str) -> list[str]:
    """The lines a message suggests: every line after its first, shown indented by four spaces."""
    return [line[4:] for line in message.split("\n")[1:]]


def field_end(lines: list[str], start: int) -> int:
    """The index after the last line of the field that starts at line index `start`."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and lines[end].strip() and (len(lines[end]) - len(lines[end].lstrip()) > indent
                                                       or lines[end].lstrip().startswith("- ") and indent == 0
                                                       and lines[end].startswith(" ")):
        end += 1
    return end


def follow_block(tiny, problem, key_line: int | None = None, rel: str = ORG) -> None:
    """Replace the field (from `key_line`, or the problem's line) by the block the message suggests."""
    lines = lines_of(tiny, rel)
    start = (key_line or problem.line) - 1
    lines[start:field_end(lines, start)] = suggested_block(problem.message)
    write_lines(tiny, lines, rel)


def fill_in(tiny, rel: str = ORG) -> None:
    """Do what a suggested new source asks: first the check refuses it unfinished, then replace every 'VUL IN'."""
    assert {p.code for p in problems_of(tiny)} <= {"niet-ingevuld", "niet-ingevuld-verplicht"}
    values = {"titel": "Jaarverslag 2024", "uitgever": "Jongerenraad Test", "jaar": "2024",
              "url": "https://www.voorbeeld.nl/jaarverslag", "beschrijving": "Wat de raad in 2024 deed."}
    lines = [re.sub(r"^(\s*(?:- )?(\w+): )VUL IN .*$", lambda m: m[1] + values[m[2]], line)
             for line in lines_of(tiny, rel)]
    write_lines(tiny, lines, rel)


def follow_line(tiny, problem, rel: str = ORG) -> None:
    """Replace the problem's line by the one line the message suggests."""
    [line] = suggested_block(problem.message)
    lines = lines_of(tiny, rel)
    lines[problem.line - 1] = line
    write_lines(tiny, lines, rel)


def replace_value(tiny, problem, value: str, rel: str = ORG) -> None:
    """Write `value` where the value on the problem's line is (after 'naam:' or '- ')."""
    lines = lines_of(tiny, rel)
    line = lines[problem.line - 1]
    start = re.match(r"[ \t]*(?:- )?(?:\w+:(?= |$))?", line).group()
    lines[problem.line - 1] = f"{start} {value}"
    write_lines(tiny, lines, rel)


# --- 6. advice that used to be wrong --------------------------------------------------------------

def test_themes_on_one_line_become_a_list(tiny):
    tiny.edit(ORG, "themas:\n  - jongerenparticipatie", "themas: jongerenparticipatie, beleid")
    problem = only_problem(tiny, "geen-lijst", 9)
    assert problem.message.endswith("zo:\n    themas:\n      - jongerenparticipatie\n      - beleid")
    follow_block(tiny, problem)
    passes(tiny)


def test_list_lines_without_a_space_after_the_dash(tiny):
    tiny.edit(ORG, "doelgroepen:\n  - jongeren", "doelgroepen:\n  -jongeren\n  - gemeenten")
    problem = only_problem(tiny, "geen-lijst", 5)
    assert "- -jongeren" not in problem.message
    assert problem.message.endswith("zo:\n    doelgroepen:\n      - jongeren\n      - gemeenten")
    follow_block(tiny, problem)
    passes(tiny)


def test_values_a_list_was_meant_for_are_matched_to_the_word_list(tiny):
    tiny.edit(ORG, "themas:\n  - jongerenparticipatie", "themas: Jongeren doen mee; Beleid")
    problem = only_problem(tiny, "geen-lijst", 9)
    assert problem.message.endswith("      - jongerenparticipatie\n      - beleid")
    follow_block(tiny, problem)
    passes(tiny)


@pytest.mark.parametrize("written", ["een-bron.yml", "catalogue/bronnen/een-bron.yml", "Een Bron"])
def test_a_source_written_as_a_file_name_or_path(tiny, written):
    tiny.edit(ORG, "  - een-bron", f"  - {written}")
    problem = only_problem(tiny, "geen-bestandsnaam", 12)
    assert "een-bron-yml" not in problem.message and problem.message.endswith("zo: een-bron")
    replace_value(tiny, problem, "een-bron")
    passes(tiny)


def test_a_source_written_as_the_address_of_a_source_in_the_catalogue(tiny):
    tiny.edit("bronnen/een-bron.yml", "soort: webpagina", "soort: webpagina\nurl: https://www.voorbeeld.nl/bron")
    tiny.edit(ORG, "  - een-bron", "  - https://www.voorbeeld.nl/bron/")
    problem = only_problem(tiny, "bron-is-webadres-bekend", 12)
    assert "https-www" not in problem.message
    replace_value(tiny, problem, re.search(r"schrijf '([a-z0-9-]+)'", problem.message).group(1))
    passes(tiny)


def test_a_source_written_as_an_unknown_address_becomes_a_new_source(tiny):
    tiny.edit(ORG, "  - een-bron", "  - https://www.voorbeeld.nl/nieuw")
    problem = only_problem(tiny, "bron-is-webadres", 12)
    assert "        url: https://www.voorbeeld.nl/nieuw" in problem.message   # the address given, kept
    follow_block(tiny, problem, key_line=11)
    fill_in(tiny)
    passes(tiny)


@pytest.mark.parametrize("before, after, line, place", [
    ("soort: jongerenorganisatie", "soort:\u00a0jongerenorganisatie", 3, "na de dubbele punt"),
    ("  - jongeren", "\u00a0 - jongeren", 6, "vóór het streepje"),
    ("  - jongeren", " \u00a0- jongeren", 6, "vóór het streepje"),
    ("afkorting: JRT", "\u00a0afkorting: JRT", 2, "aan het begin van de regel"),
])
def test_an_invisible_space_in_the_structure_is_named_where_it_is(tiny, before, after, line, place):
    tiny.edit(ORG, before, after)
    problem = only_problem(tiny, "onzichtbare-spatie", line)
    assert f"een niet-afbrekende spatie (U+00A0) {place}" in problem.message
    follow_line(tiny, problem)
    passes(tiny)


@pytest.mark.parametrize("value, name", [("jongeren\u00a0participatie", "een niet-afbrekende spatie (U+00A0) na "
                                                                        "'jongeren'"),
                                         ("jongerenparticipatie\u200b", "een spatie zonder breedte (U+200B) aan het "
                                                                        "eind"),
                                         ("\u2060jongerenparticipatie", "een onzichtbaar verbindingsteken (U+2060) "
                                                                        "aan het begin")])
def test_an_invisible_character_in_a_value_is_named_not_suggested_back(tiny, value, name):
    tiny.edit(ORG, "  - jongerenparticipatie", f"  - {value}")
    problem = only_problem(tiny, "onzichtbaar-teken", 10)
    assert name in problem.message and "Bedoelde je" not in problem.message
    follow_line(tiny, problem)
    passes(tiny)


@pytest.mark.parametrize("written, meant", [("'t Jeugdhuis", "'t Jeugdhuis"), ('"Jeugdhuis Test', "Jeugdhuis Test"),
                                            ("'t Jeugdhuis is 's avonds open", "'t Jeugdhuis is 's avonds open")])
def test_a_quote_at_the_start_of_a_value_is_reported_where_it_starts(tiny, written, meant):
    tiny.edit(ORG, "naam: Jongerenraad Test", f"naam: {written}")
    problem = only_problem(tiny, "yaml-aanhalingsteken-open", 1)
    follow_line(tiny, problem)
    passes(tiny)
    assert load_catalogue(tiny.root, today=TODAY).get("organisaties", "jongerenraad-test").title == meant


@pytest.mark.parametrize("written", ["*Jeugd* Test", "[Jeugdstem] Twente", "@Jeugd", "`Jeugd`", "{Jeugd} x",
                                     "> 18 jaar", "| Jeugd", "%Jeugd"])
def test_a_value_that_starts_with_a_yaml_sign_is_quoted(tiny, written):
    tiny.edit(ORG, "naam: Jongerenraad Test", f"naam: {written}")
    problem = only_problem(tiny, "yaml-begint-met-teken", 1)
    assert f"begint met '{written[0]}'" in problem.message and "inspringing" not in problem.message
    follow_line(tiny, problem)
    passes(tiny)


def test_a_value_that_is_an_alias_is_quoted(tiny):
    tiny.edit(ORG, "naam: Jongerenraad Test", "naam: *Jeugd")
    problem = only_problem(tiny, "anker", 1)
    follow_line(tiny, problem)
    passes(tiny)


# --- 7. advice that used to be vague --------------------------------------------------------------

@pytest.mark.parametrize("written, code, fixed", [
    ("1-2-2025", "geen-datum", "2025-02-01"), ("1/2/2025", "geen-datum", "2025-02-01"),
    ("2025-2-1", "geen-datum", "2025-02-01"), ("1 februari 2025", "geen-datum", "2025-02-01"),
    ("2025-13-01", "maand-bestaat-niet", "2025-01-13"), ("gisteren", "geen-datum", "2026-11-23"),
])
def test_dates_in_another_form_get_the_date_as_it_should_be_written(tiny, written, code, fixed):
    tiny.edit(ORG, "laatst_gecontroleerd: 2026-11-01", f"laatst_gecontroleerd: {written}")
    problem = only_problem(tiny, code, 13)
    assert "geen bestaande datum. Schrijf" not in problem.message
    assert f"schrijf de datum als jaar-maand-dag, bijvoorbeeld {fixed}." in problem.message.lower()
    replace_value(tiny, problem, re.search(r"bijvoorbeeld (\d{4}-\d{2}-\d{2})", problem.message).group(1))
    passes(tiny)


def test_a_day_the_month_does_not_have(tiny):
    tiny.edit(ORG, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2026-02-30")
    problem = only_problem(tiny, "dag-bestaat-niet", 13)
    assert problem.message.endswith("februari 2026 heeft 28 dagen.")
    replace_value(tiny, problem, "2026-02-28")
    passes(tiny)


def test_fields_are_named_in_words(tiny):
    tiny.edit(ORG, "  - jongerenparticipatie", "  - jongerenparticipatie\n  - beleidd")
    tiny.edit(ORG, "laatst_gecontroleerd:", "leeftijd:\n  van: -1\nlaatst_gecontroleerd:")
    messages = {p.code: p.message for p in problems_of(tiny)}
    assert messages["niet-in-lijst"].startswith("het tweede thema is 'beleidd'")
    assert messages["te-klein"].startswith("het veld 'leeftijd: van' moet minstens 0 zijn")
    assert not any("[" in message.split(".")[0] for message in messages.values())


def test_missing_sources_say_a_new_source_can_be_written_in(tiny):
    tiny.edit(ORG, "bronnen:\n  - een-bron\n", "")
    problem = only_problem(tiny, "bronnen-ontbreekt", 1)
    assert "Staat de bron nog niet in de kennisbank? Schrijf hem er dan zo bij:" in problem.message
    lines = lines_of(tiny)
    lines[-1:-1] = suggested_block(problem.message)
    write_lines(tiny, lines)
    fill_in(tiny)
    passes(tiny)


def test_an_unknown_source_says_what_to_do(tiny):
    tiny.edit(ORG, "  - een-bron", "  - jaarverslag-2024")
    problem = only_problem(tiny, "bron-bestaat-niet", 12)
    assert "Schrijf hem er dan zo bij" in problem.message
    follow_block(tiny, problem, key_line=11)
    fill_in(tiny)
    catalogue = load_catalogue(tiny.root, today=TODAY)
    assert "jaarverslag-2024" in catalogue.get("organisaties", "jongerenraad-test").fields["bronnen"]


def test_an_age_with_words_gets_the_number(tiny):
    tiny.edit(ORG, "laatst_gecontroleerd:", "leeftijd:\n  van: 12 jaar\nlaatst_gecontroleerd:")
    problem = only_problem(tiny, "geen-getal", 14)
    assert problem.message.endswith("zo:\n      van: 12")
    follow_line(tiny, problem)
    passes(tiny)


def test_an_empty_required_field_must_be_filled_in(tiny):
    tiny.edit(ORG, "beschrijving: Een raad van jongeren. Ze geven advies.", "beschrijving:")
    problem = only_problem(tiny, "leeg-verplicht", 4)
    assert "weg" not in problem.message
    replace_value(tiny, problem, "Een raad van jongeren.")
    passes(tiny)


def test_an_empty_optional_field_may_go(tiny):
    tiny.edit(ORG, "afkorting: JRT", "afkorting:")
    problem = only_problem(tiny, "leeg-veld", 2)
    assert "haal de regel weg" in problem.message
    write_lines(tiny, [line for number, line in enumerate(lines_of(tiny), 1) if number != problem.line])
    passes(tiny)


@pytest.mark.parametrize("written, code", [("https://www.voor beeld.nl", "webadres-spatie"),
                                           ("https://www.voorbeeld.nl/een pagina", "webadres-spatie"),
                                           ("www.voorbeeld.nl", "webadres-zonder-begin")])
def test_a_web_address_with_a_space_or_without_its_start(tiny, written, code):
    tiny.edit(ORG, "laatst_gecontroleerd:", f"website: {written}\nlaatst_gecontroleerd:")
    problem = only_problem(tiny, code, 13)
    assert "Een webadres begint met https://" not in problem.message
    follow_line(tiny, problem)
    passes(tiny)


# --- 8. nothing lost ------------------------------------------------------------------------------

@pytest.mark.parametrize("style", [">-", ">", "|-", "|"])
def test_paragraphs_in_block_texts_keep_their_break(tiny, style):
    tiny.edit(ORG, "beschrijving: Een raad van jongeren. Ze geven advies.",
              f"beschrijving: {style}\n  Voor jongeren van 18+.\n  Ze praten mee.\n\n  Het doel: advies.")
    text = load_catalogue(tiny.root, today=TODAY).get("organisaties", "jongerenraad-test").fields["beschrijving"]
    assert "18+.\n\nHet doel" in text or "mee.\n\nHet doel" in text
    assert text.split("\n\n")[1].startswith("Het doel: advies.")


def test_text_after_an_unquoted_hash_is_refused_with_the_quoted_text(tiny):
    tiny.edit(ORG, "beschrijving: Een raad van jongeren. Ze geven advies.",
              "beschrijving: Een groep jongeren #jeugdstem die advies geeft.")
    problem = only_problem(tiny, "hekje", 4)
    assert "'#jeugdstem die advies geeft.'" in problem.message
    follow_line(tiny, problem)
    entry = load_catalogue(tiny.root, today=TODAY).get("organisaties", "jongerenraad-test")
    assert entry.fields["beschrijving"] == "Een groep jongeren #jeugdstem die advies geeft."


def test_a_comment_after_a_word_from_a_list_is_allowed(tiny):
    tiny.edit(ORG, "soort: jongerenorganisatie", "soort: jongerenorganisatie  # klopt dit?")
    passes(tiny)


def test_a_check_date_in_the_future_is_refused(tiny):
    tiny.edit(ORG, "laatst_gecontroleerd: 2026-11-01", "laatst_gecontroleerd: 2027-01-01")
    problem = only_problem(tiny, "datum-in-de-toekomst", 13)
    replace_value(tiny, problem, re.search(r"vandaag: (\S+)\.$", problem.message).group(1))
    passes(tiny)


def test_a_future_publication_date_is_fine(tiny):
    tiny.edit("bronnen/een-bron.yml", "soort: webpagina", "soort: webpagina\ndatum: 2027-03-01")
    passes(tiny)


# --- 9. one syntax error does not hide the others -------------------------------------------------

def test_a_tab_is_reported_and_the_rest_of_the_file_still_checked(tiny):
    tiny.edit(ORG, "  - jongeren", "\t- jongeren")
    tiny.edit(ORG, "soort: jongerenorganisatie", "soort: jongerenorganisatie\nkleur: rood")
    tiny.edit(ORG, "  - een-bron", "  - een-brom")
    found = [(p.code, p.line) for p in problems_of(tiny)]
    assert found == [("onbekend-veld", 4), ("yaml-tab", 7), ("bron-bestaat-niet", 13)]


def test_every_repairable_syntax_error_of_a_file_is_reported_at_once(tiny):
    tiny.edit(ORG, "naam: Jongerenraad Test", "naam: 't Jeugdhuis")
    tiny.edit(ORG, "soort: jongerenorganisatie", "soort:\u00a0jongerenorganisatie")
    tiny.edit(ORG, "  - jongeren", "\t- jongeren")
    tiny.edit(ORG, "afkorting: JRT", "afkorting: *JRT*")
    assert [(p.code, p.line) for p in problems_of(tiny)] == [
        ("yaml-aanhalingsteken-open", 1), ("yaml-begint-met-teken", 2), ("onzichtbare-spatie", 3), ("yaml-tab", 6)]


def test_a_short_text_on_two_lines(tiny):
    tiny.edit(ORG, "naam: Jongerenraad Test", 'naam: "Jongerenraad\\nTest"')
    only_problem(tiny, "een-regel", 1)


@pytest.mark.parametrize("written", ["*soort: jongerenorganisatie", "'soort: jongerenorganisatie",
                                     "[soort: jongerenorganisatie"])
def test_a_sign_typed_before_a_field_name_is_taken_away(tiny, written):
    tiny.edit(ORG, "soort: jongerenorganisatie", written)
    problem = only_problem(tiny, "teken-voor-veldnaam", 3)
    assert problem.message.endswith("zo:\n    soort: jongerenorganisatie")
    follow_line(tiny, problem)
    passes(tiny)
