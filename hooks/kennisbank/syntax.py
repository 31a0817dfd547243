"""YAML the parser refuses, explained in Dutch at the line where it starts, and repaired to read on.

The parser's English ("did not find expected key") names a symptom, often lines after the
cause. explain() looks for the cause a person makes: a tab, an invisible space where YAML
needs a real one, a text that starts with an apostrophe or another sign YAML reads as
syntax. It returns the problem and, when it knows the fix, the text with that line fixed,
so the reader can go on and report every other problem of the file in the same run::

    found, repaired = explain(error, text, "catalogue/organisaties/x.yml")
    found[0].code      # "yaml-aanhalingsteken-open"
    repaired           # the text with that line written as the message suggests, or None
"""

from __future__ import annotations

import re

import yaml

from kennisbank.advice import quoted_line, split_line
from kennisbank.messages import INVISIBLE, INVISIBLE_WHERE
from kennisbank.problems import Problem, problem

_INV = "[" + "".join(INVISIBLE) + "]"
# An invisible character where YAML needs a space or nothing: (where, pattern); group 1 is the character.
_STRUCTURE = (
    ("voor-streepje", re.compile(rf"^[ \t]*({_INV})[ \t{''.join(INVISIBLE)}]*-(?:[ \t]|$)")),
    ("na-streepje", re.compile(rf"^[ \t]*-({_INV})")),
    ("na-dubbele-punt", re.compile(rf"^[ \t]*(?:-[ \t]+)?[\w-]+:({_INV})")),
    ("begin", re.compile(rf"^[ \t]*({_INV})")),
)
# Signs that mean something to YAML at the start of a value (and the messages to explain them).
_SIGNS = "*&[{@`%>|!"
# Such a sign, or a quote, typed before a field name.
BEFORE_NAME = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<sign>[*&\[{@`%>|!'\"]+)(?P<rest>[a-z_]+:(?:[ \t].*)?)$")

# The parser's English, translated for people who have never seen YAML: (what it says, message code).
_YAML_CODES = (
    ("found character '\\t'", "yaml-tab"),
    ("tab character", "yaml-tab"),
    ("cannot start any token", "yaml-teken"),
    ("invalid Unicode character escape", "yaml-unicode"),
    ("mapping values are not allowed", "yaml-dubbele-punt"),
    ("could not find expected ':'", "yaml-dubbele-punt-mist"),
    ("did not find expected key", "yaml-inspringing"),
    ("expected <block end>", "yaml-inspringing"),
    ("did not find expected '-'", "yaml-lijst"),
    ("found unexpected end of stream", "yaml-einde"),
    ("while scanning a quoted scalar", "yaml-aanhalingsteken"),
    ("found undefined alias", "yaml-sterretje"),
    ("expected a single document", "yaml-documenten"),
    ("found unknown escape character", "yaml-backslash"),
)


def explain(error: yaml.YAMLError, text: str, rel: str) -> tuple[list[Problem], str | None]:
    """What went wrong, at the line of its cause, and the repaired text (None when there is no sure fix)."""
    lines = text.split("\n")
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    end = problem_mark.line + 1 if problem_mark is not None else len(lines)
    start = context_mark.line + 1 if context_mark is not None else end
    # 1. Tabs used to indent: every such line at once.
    tabs = [number for number, line in enumerate(lines, 1) if "\t" in _lead(line)]
    if tabs and ("\t" in _lead(_at(lines, end)) or "'\\t'" in str(error) or "tab" in str(error)):
        for number in tabs:
            lines[number - 1] = _lead(lines[number - 1]).replace("\t", "  ") + lines[number - 1][len(_lead(
                lines[number - 1])):]
        return [problem("yaml-tab", rel, number) for number in tabs], "\n".join(lines)
    text_lines = block_text_lines(lines)   # the lines of | and > texts: what is there is text, not YAML
    # 2. An invisible character where YAML needs a real space.
    found = []
    for number in range(1, end + 1):
        if number not in text_lines and (fix := invisible_in_structure(_at(lines, number))):
            where, char, fixed = fix
            found.append(problem("onzichtbare-spatie", rel, number, char=INVISIBLE[char],
                                 codepoint=f"{ord(char):04X}", place=INVISIBLE_WHERE[where], fixed=fixed.rstrip()))
            lines[number - 1] = fixed
    if found:
        return found, "\n".join(lines)
    # 3. A sign or quote typed before a field name: "*naam: x", "'soort: netwerk".
    for number in range(1, end + 1):
        if number not in text_lines and (match := BEFORE_NAME.match(_at(lines, number))):
            fixed = match.group("lead") + match.group("rest")
            lines[number - 1] = fixed
            return ([problem("teken-voor-veldnaam", rel, number, sign=match.group("sign"), fixed=fixed.rstrip())],
                    "\n".join(lines))
    # 4. A text that starts with a quote it does not close, on this line or an earlier one.
    for number in range(1, end + 1):
        line = _at(lines, number)
        _, value = split_line(line)
        if number not in text_lines and value[:1] and value[0] in "'\"" and not _closed(value):
            fixed = quoted_line(line, value[1:] if value[0] == '"' else value)
            lines[number - 1] = fixed
            return ([problem("yaml-aanhalingsteken-open", rel, number, quote=value[0], fixed=fixed.rstrip())],
                    "\n".join(lines))
    # 5. A text that starts with a sign YAML reads as syntax: *vet*, [tag], @naam ...
    for number in dict.fromkeys((end, start)):
        line = _at(lines, number)
        _, value = split_line(line)
        if number not in text_lines and value[:1] and value[0] in _SIGNS and not _BLOCK_START.search(line):
            fixed = quoted_line(line)
            lines[number - 1] = fixed
            return ([problem("yaml-begint-met-teken", rel, number, sign=value[0], fixed=fixed.rstrip())],
                    "\n".join(lines))
    # 6. Anything else: the parser's words translated, no repair. (At the end of the file the parser
    # points one line past the last one.)
    last = len(text.rstrip("\n").split("\n"))
    return [_translated(error, rel, min(end, last) if problem_mark is not None else None)], None


def invisible_in_structure(line: str) -> tuple[str, str, str] | None:
    """(where, the character, the line with a space instead) for an invisible character in a line's structure."""
    for where, pattern in _STRUCTURE:
        if match := pattern.match(line):
            char = match.group(1)
            # Before a dash they become spaces (the dash keeps its place), before a name they go (the name
            # keeps its place); after a dash or colon one space takes the character's place.
            fixed = line[:match.start(1)] + " " + line[match.end(1):]
            if where == "voor-streepje":
                fixed = re.sub(_INV, " ", line[:match.end()]) + line[match.end():]
            elif where == "begin":
                fixed = re.sub(_INV, "", line[:match.end()]) + line[match.end():]
            return where, char, fixed
    return None


def _translated(error: yaml.YAMLError, rel: str, line: int | None) -> Problem:
    message = str(error)
    for needle, code in _YAML_CODES:
        if needle in message:
            return problem(code, rel, line)
    return problem("yaml", rel, line, detail=getattr(error, "problem", None) or message.splitlines()[0])


def _closed(value: str) -> bool:
    """Whether a value that starts with a quote ends with its closing quote (and at most a comment)."""
    quote, index = value[0], 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1:index + 2] == "'":
                index += 2
                continue
            rest = value[index + 1:].strip()
            return not rest or rest.startswith("#")
        index += 1
    return False


_BLOCK_START = re.compile(r"(?:^|[:\-][ \t]+)[|>][0-9+-]*[ \t]*(?:#.*)?$")


def block_text_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines inside block texts (after 'veld: |' or 'veld: >-'), by their indentation."""
    inside, text_lines, parent = False, set(), 0
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if inside and (not line.strip() or indent > parent):
            text_lines.add(number)
            continue
        inside = bool(_BLOCK_START.search(line))
        parent = indent
    return text_lines


def _lead(line: str) -> str:
    """The indentation of a line and its list dashes: '  - ' of '  - jongeren'."""
    return re.match(r"[ \t]*(?:-[ \t]+)*", line).group()


def _at(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
