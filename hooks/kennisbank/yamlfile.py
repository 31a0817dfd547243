"""Read one YAML file into plain data plus the line of every field.

Entries are small mappings written by people, so the reader is strict where
YAML is lenient: duplicate keys, anchors/aliases, merge keys and several
documents are errors, and dates stay strings (as in YAML 1.2 and the editors)
so a bad date is reported by the schema instead of crashing the parser.

Two things YAML does quietly are made visible or undone, so no text is lost:
a blank line between paragraphs of a folded text (`>-`) stays a paragraph break
(YAML would make it a single line break, which Markdown joins into one
paragraph), and text after an unquoted ' #' is noted (`comments`), since YAML
drops it as a comment. A syntax error the reader knows how to fix (kennisbank.syntax)
is reported and then repaired in memory, so the rest of the file is still checked::

    data, lines, problems = read_yaml(Path("catalogue/organisaties/njr.yml"), "catalogue/organisaties/njr.yml")
    lines[("doelgroepen", 0)]   # -> 7
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kennisbank.advice import quoted_line
from kennisbank.messages import INVISIBLE, INVISIBLE_WHERE
from kennisbank.problems import FieldPath, Problem, problem
from kennisbank.syntax import BEFORE_NAME, block_text_lines, explain, invisible_in_structure

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20
# libyaml recurses per level of nesting: about 50,000 nested '[' crash the process
# (segmentation fault) and deep flow nesting parses in quadratic time. Text is
# scanned for this before libyaml sees it.
MAX_NESTING = 1000
_ALLOWED_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))
_FLOW = re.compile(r"[\[\]{}]")
# A line that starts with more than MAX_NESTING indents or block indicators ('- ', '? ', ': ').
_DEEP_LEAD = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]|$)){%d}" % (MAX_NESTING + 1), re.MULTILINE)
# Characters YAML refuses; found here first so the message can name the line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

MAX_REPAIRS = 20   # syntax errors fixed in memory to read on; then the first one left is the last reported
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")
_COMMENT = re.compile(r"[ \t]+#(.*)")

Lines = dict[FieldPath, int]


def line_of(lines: Lines, path: FieldPath) -> int | None:
    """The line of the field at `path`, or of the nearest field around it that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp resolver: dates stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}

def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def scan(text: str, rel: str) -> Problem | None:
    """Refuse, before parsing, text the YAML library would choke on: control characters, deep nesting."""
    if match := _CONTROL.search(text):
        return problem("stuurteken", rel, _line_at(text, match.start()), codepoint=f"{ord(match.group()):04X}")
    depth = 0
    for match in _FLOW.finditer(text) if text.count("[") + text.count("{") > MAX_NESTING else ():
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_NESTING:
            return problem("te-diep-haakjes", rel, _line_at(text, match.start()), limit=MAX_NESTING)
    if match := _DEEP_LEAD.search(text):
        return problem("te-diep-inspringing", rel, _line_at(text, match.start()), limit=MAX_NESTING)
    return None


def decode(raw: bytes, rel: str) -> tuple[str | None, Problem | None]:
    """Bytes to text, refusing what is not UTF-8 text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, problem("utf-16", rel, None)
    if b"\x00" in raw:
        if raw.count(b"\x00") * 3 > len(raw):   # every other byte: UTF-16 without a byte-order mark
            return None, problem("utf-16", rel, None)
        return None, problem("binair", rel, None)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, problem("geen-utf-8", rel, raw[: error.start].count(b"\n") + 1)
    return text.removeprefix("\ufeff"), None


def _invisible_spaces(text: str, rel: str) -> tuple[str, list[Problem]]:
    """Invisible characters where YAML needs a space (or nothing), reported and replaced, outside | and > texts."""
    if not _INVISIBLE.search(text):
        return text, []
    lines = text.split("\n")
    found = []
    inside_texts = block_text_lines(lines)
    for number, line in enumerate(lines, 1):
        if number not in inside_texts and (fix := invisible_in_structure(line)):
            where, char, fixed = fix
            found.append(problem("onzichtbare-spatie", rel, number, char=INVISIBLE[char], codepoint=f"{ord(char):04X}",
                                 place=INVISIBLE_WHERE[where], fixed=fixed.rstrip()))
            lines[number - 1] = fixed
    return "\n".join(lines), found


@dataclass(frozen=True)
class Comment:
    """Text after ' #' on the line of an unquoted value: YAML drops it as a comment."""

    line: int
    text: str          # what follows the '#'
    fixed: str         # the line written so the text is kept: the value and the rest between quotes


@dataclass(frozen=True)
class YamlFile:
    """A file as read: its data (None when it could not be read at all), the line of every field,
    the problems found while reading, the comments after unquoted values, and its text."""

    data: Any
    lines: Lines
    problems: list[Problem]
    comments: dict[FieldPath, Comment]
    text: str = ""


def read_yaml(path: Path, rel: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse `path`; returns (data, lines, problems). `rel` is the name used in messages."""
    found = load_yaml(path, rel)
    return found.data, found.lines, found.problems


def load_yaml(path: Path, rel: str) -> YamlFile:
    """Read and parse `path`; the data is there even after syntax errors the reader could repair."""
    path = Path(path)
    if path.is_symlink():
        return YamlFile(None, {}, [problem("snelkoppeling", rel, None)], {})
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:   # refused unread: a huge file need not fit in memory
            return YamlFile(None, {}, [problem("te-groot", rel, None, size=size // 1024, limit=MAX_BYTES // 1024)], {})
        raw = path.read_bytes()
    except OSError as error:
        return YamlFile(None, {}, [problem("onleesbaar", rel, None, reason=error.strerror)], {})
    if len(raw) > MAX_BYTES:   # it grew since stat()
        return YamlFile(None, {}, [problem("te-groot", rel, None, size=len(raw) // 1024, limit=MAX_BYTES // 1024)],
                        {})
    text, found = decode(raw, rel)
    if found:
        return YamlFile(None, {}, [found], {})
    return parse_text(text, rel)


def parse_yaml(text: str, rel: str) -> tuple[Any, Lines, list[Problem]]:
    found = parse_text(text, rel)
    return found.data, found.lines, found.problems


def parse_text(text: str, rel: str) -> YamlFile:
    """Parse YAML text; a syntax error kennisbank.syntax can repair is reported, repaired, and reading goes on."""
    # libyaml counts '\r\n' and a lone '\r' as line breaks too; with '\n' only, every line number it
    # reports is a line of text.split("\n") everywhere (messages, advice, the loader's context).
    # The data stays the same: YAML reads every kind of line break in a value as '\n'.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if found := scan(text, rel):
        return YamlFile(None, {}, [found], {}, text)
    original = text
    text, repaired = _invisible_spaces(text, rel)
    for _ in range(MAX_REPAIRS + 1):
        reader = _EventReader(text, rel)
        try:
            data, has_value = reader.read()
        except yaml.YAMLError as error:
            found_now, fixed = explain(error, text, rel)
            repaired += found_now
            if fixed is None or len(repaired) > MAX_REPAIRS:
                return YamlFile(None, {}, repaired, {}, original)
            text = fixed
            continue
        finally:
            reader.loader.dispose()
        break
    if not has_value:
        return YamlFile(None, {}, repaired + [problem("leeg-bestand", rel, 1)], {}, original)
    if reader.folded:
        data = _keep_paragraphs(data, text, rel, reader.folded)
    return YamlFile(data, reader.lines, repaired + reader.problems, reader.comments, original)


def _keep_paragraphs(data: Any, text: str, rel: str, folded: list[tuple[FieldPath, int]]) -> Any:
    """The data with each folded text (>) read as a literal one (|), so its paragraph breaks stay."""
    chars = list(text)
    for _, index in folded:
        chars[index] = "|"
    reader = _EventReader("".join(chars), rel)
    try:
        literal, _ = reader.read()
    except yaml.YAMLError:   # cannot happen: only the indicator changed; keep YAML's own reading
        return data
    finally:
        reader.loader.dispose()
    for path, _ in folded:
        target, source = data, literal
        for part in path[:-1]:
            target, source = target[part], source[part]
        target[path[-1]] = source[path[-1]]
    return data


class _EventReader:
    """Build plain data from libyaml's event stream, noting lines and refusing shared or deep values.

    Aliases are never expanded (an alias bomb costs nothing) and tags are checked
    before any value is constructed, so no YAML feature can run code or blow up.
    """

    def __init__(self, text: str, rel: str):
        self.loader = _Loader(text)
        self.text = text
        self.rel = rel
        self.lines: Lines = {}
        self.problems: list[Problem] = []
        self.alias: tuple[int, str] | None = None   # (line, '*' or '&') of the first alias or anchor; reported once
        self.folded: list[tuple[FieldPath, int]] = []   # folded texts with a line break: (path, index of '>')
        self.comments: dict[FieldPath, Comment] = {}

    def problem(self, event: yaml.Event, code: str, **params: object) -> None:
        self.problems.append(problem(code, self.rel, event.start_mark.line + 1, **params))

    def line_text(self, number: int) -> str:
        """Line `number` of the text (parse_text made '\\n' its only line break)."""
        return self.text.split("\n")[number - 1]

    def read(self) -> tuple[Any, bool]:
        """(data, whether the stream held a value); raises yaml.YAMLError for broken YAML."""
        get = self.loader.get_event
        get()                                  # StreamStart
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return None, False
        document = event                       # DocumentStart
        event = get()
        if isinstance(event, yaml.ScalarEvent) and event.value == "" and event.style is None and event.tag is None:
            data, has_value = None, False
        else:
            data, has_value = self.value(event, ()), True
        get()                                  # DocumentEnd
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", document.start_mark,
                                              "but found another document", event.start_mark)
        if self.alias is not None:
            line, char = self.alias
            self.problems.append(problem("anker", self.rel, line, sign=char,
                                         fixed=quoted_line(self.line_text(line)).rstrip()))
        return data, has_value

    def value(self, event: yaml.Event, path: FieldPath) -> Any:
        """The value that starts with `event`; consumes its events up to and including its end."""
        self.lines.setdefault(path, event.start_mark.line + 1)
        if isinstance(event, yaml.AliasEvent):   # never expanded: read as the text it was meant to be
            if self.alias is None:
                self.alias = (event.start_mark.line + 1, "*")
            return "*" + event.anchor
        if getattr(event, "anchor", None) is not None and self.alias is None:
            self.alias = (event.start_mark.line + 1, "&")
        if len(path) > MAX_DEPTH:
            self.problem(event, "te-diep-velden", limit=MAX_DEPTH)
            return self.skip(event)
        if event.tag not in (None, "!") and event.tag not in _ALLOWED_TAGS:
            return self.refuse_tag(event, event.tag)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(event := self.loader.get_event(), yaml.SequenceEndEvent):
                items.append(self.value(event, path + (len(items),)))
            return items
        return self.scalar(event, path)

    def scalar(self, event: yaml.ScalarEvent, path: FieldPath) -> Any:
        if event.style == ">" and "\n" in event.value:
            self.folded.append((path, event.start_mark.index))
        elif not event.style:
            self.note_comment(event, path)
        tag = event.tag
        if tag in (None, "!"):
            if not event.implicit[0]:   # quoted or a block scalar: always text
                return event.value
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag not in _ALLOWED_TAGS:   # a plain '<<' or '=' resolves to merge or value
            return self.refuse_tag(event, tag)
        try:
            return self.loader.construct_object(yaml.ScalarNode(tag, event.value, event.start_mark,
                                                                event.end_mark, event.style))
        except (yaml.YAMLError, ValueError, TypeError) as error:
            self.problem(event, "onleesbare-waarde", reason=error)
            return None

    def note_comment(self, event: yaml.ScalarEvent, path: FieldPath) -> None:
        """Remember text after ' #' on the line where an unquoted value ends."""
        end = event.end_mark.index
        line_end = self.text.find("\n", end)
        match = _COMMENT.match(self.text, end, line_end if line_end >= 0 else len(self.text))
        if match is None:
            return
        start_line = event.start_mark.line + 1
        line = self.line_text(start_line)
        whole = f"{event.value} #{match.group(1)}".strip()
        self.comments[path] = Comment(event.end_mark.line + 1, match.group(1).strip(), quoted_line(line, whole))

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        get = self.loader.get_event
        while not isinstance(key_event := get(), yaml.MappingEndEvent):
            key = key_event.value if isinstance(key_event, yaml.ScalarEvent) else None
            if key is not None and _INVISIBLE.search(key):   # e.g. a non-breaking space before the name
                self.invisible_key(key_event)
                key = _INVISIBLE.sub("", key).strip()
            if (isinstance(key_event, yaml.AliasEvent) or getattr(key_event, "anchor", None)) \
                    and (name := self.sign_before_name(key_event)):
                key = name   # "*soort: x", "&soort: x": a stray sign before the name, reported; read on as "soort"
            if key == "<<":
                self.problem(key_event, "samenvoegen")
            elif key is None:
                self.skip(key_event)
                self.problem(key_event, "veldnaam")
            elif key in result:
                self.problem(key_event, "dubbel-veld", name=key, first=self.lines.get(path + (key,), "?"))
            else:
                self.lines[path + (key,)] = key_event.start_mark.line + 1
                result[key] = self.value(get(), path + (key,))
                continue
            self.skip(get())   # the value of a refused key
        return result

    def sign_before_name(self, event: yaml.Event) -> str | None:
        """The field name after a stray '*' or '&' ("*soort: x"), reported with the line to write instead."""
        number = event.start_mark.line + 1
        match = BEFORE_NAME.match(self.line_text(number))
        if match is None:
            return None
        fixed = match.group("lead") + match.group("rest")
        self.problems.append(problem("teken-voor-veldnaam", self.rel, number, sign=match.group("sign"),
                                     fixed=fixed.rstrip()))
        return match.group("rest").partition(":")[0]

    def invisible_key(self, event: yaml.ScalarEvent) -> None:
        number = event.start_mark.line + 1
        line = self.line_text(number)
        if found := invisible_in_structure(line):
            where, char, fixed = found
        else:
            char = _INVISIBLE.search(event.value).group()
            where, fixed = "begin", line.replace(char, "")
        self.problems.append(problem("onzichtbare-spatie", self.rel, number, char=INVISIBLE[char],
                                     codepoint=f"{ord(char):04X}", place=INVISIBLE_WHERE[where], fixed=fixed.rstrip()))

    def refuse_tag(self, event: yaml.Event, tag: str) -> None:
        self.problem(event, "yaml-label", tag=tag.replace("tag:yaml.org,2002:", "!!"))
        return self.skip(event)

    def skip(self, event: yaml.Event) -> None:
        """Consume the rest of the value that starts with `event`."""
        depth = 1 if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) else 0
        while depth:
            event = self.loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return None


def strings(value: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """Every string in plain data (or an entry's frozen fields) with the path of its field."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, Mapping):
        items: Iterable[tuple[Any, Any]] = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return []
    return [found for key, item in items for found in strings(item, path + (key,))]
