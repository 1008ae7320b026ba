"""YAML mistakes told in Chinese, on the line where the editor made them.

Clerks type with a Chinese input method: ``标题：…`` with a full-width colon,
full-width spaces (U+3000) before a key, ``*重要*`` at the start of a title.
YAML's own messages for these are English, and often point at the next line.
Two steps keep them from an editor's screen:

- :func:`full_width_mistakes` finds the input-method mistakes line by line
  before parsing, and repairs a copy of the text (same lines) so that the
  rest of the file can still be parsed and every other field checked;
- :func:`yaml_problem` maps each libyaml scanner/parser/composer/constructor
  error we can reach onto a message key of ``zh_CN.yaml``, with the line the
  mistake is on; anything else gets a generic Chinese message with its line.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .problems import Problem, problem
from .yaml_lines import AliasUsed, DuplicateKey, load_with_lines

FULL_WIDTH_SPACE = "\u3000"
FULL_WIDTH_COLON = "："
# A key as clerks write it: letters, digits, CJK, _ and -, no other punctuation
# (so that a sentence like 二、任务：… in a continued value is never taken for a key).
_KEY = r"[\w-]{1,30}"
_SPACE = rf"[ {FULL_WIDTH_SPACE}]"
_START = rf"(?P<indent>[ \t{FULL_WIDTH_SPACE}]*)(?P<dash>-{_SPACE}+)?"
_END = rf"(?P<gap>{_SPACE}*)(?P<colon>%s)(?P<after>[ \t{FULL_WIDTH_SPACE}]*)"
# "key: value", where the key may hold full-width colons (发布：日期: …)…
_LINE = re.compile(_START + rf"(?P<key>{_KEY}(?:{_SPACE}*{FULL_WIDTH_COLON}+{_SPACE}*{_KEY})*)"
                   + _END % rf":(?=[ \t{FULL_WIDTH_SPACE}]|$)")
# …or "key：value", the first full-width colon taken for the separator (标题：关于：…).
_FULL_WIDTH_LINE = re.compile(_START + rf"(?P<key>{_KEY})" + _END % FULL_WIDTH_COLON)
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")


def full_width_mistakes(text: str, path: str, first_line: int = 1,
                        name: Callable[[str], str] = str) -> tuple[str, list[Problem]]:
    """The text with full-width colons and spaces around keys repaired, and a
    problem for each line that had them (``name`` says how a key is named in
    messages, e.g. 标题(title))."""
    lines = text.split("\n")
    problems: list[Problem] = []
    block_indent = None  # inside a | or > block, its key's indentation
    for n, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" \t" + FULL_WIDTH_SPACE))
        if block_indent is not None and (not line.strip() or indent > block_indent):
            continue  # the text of a block scalar may hold anything
        block_indent = None
        match = _LINE.match(line) or _FULL_WIDTH_LINE.match(line)
        if line.lstrip().startswith("#") or not match or _list_text(match):
            continue
        fixed, key = _repaired(match)
        where = first_line + n
        if fixed != match.group(0):
            problems.append(_problem(path, where, match, key, name(key)))
            lines[n] = fixed + line[match.end():]
        if _BLOCK_SCALAR.match(line[match.end():].strip()):
            block_indent = len(fixed) - len(fixed.lstrip(" \t"))
    return "\n".join(lines), problems


def _list_text(match: re.Match) -> bool:
    """``- 清河县：乡村振兴`` is a list entry's text, not a key (entries with
    keys, as in attachments, use the ASCII keys file, title, value, reason)."""
    return bool(match.group("dash")) and FULL_WIDTH_COLON in match.group(0) and not match.group("key").isascii()


def _repaired(match: re.Match) -> tuple[str, str]:
    """The matched start of a line as YAML wants it, and the key it holds.
    A full-width space is dropped: it is typed by accident, in Chinese mode."""
    indent = match.group("indent").replace(FULL_WIDTH_SPACE, "")
    dash = (match.group("dash") or "").replace(FULL_WIDTH_SPACE, " ")
    key = re.sub(rf"[ {FULL_WIDTH_SPACE}]*{FULL_WIDTH_COLON}+[ {FULL_WIDTH_SPACE}]*", "", match.group("key"))
    gap = match.group("gap").replace(FULL_WIDTH_SPACE, "")
    after = match.group("after").replace(FULL_WIDTH_SPACE, " ")
    if match.group("colon") == FULL_WIDTH_COLON and not after:
        after = " "  # 标题：关于… has no space after its colon; YAML needs one
    return f"{indent}{dash}{key}{gap}:{after}", key


def _problem(path: str, line: int, match: re.Match, key: str, field: str) -> Problem:
    if FULL_WIDTH_COLON in match.group("key"):
        return problem(path, line, field, "yaml_full_width_colon_in_key", written=match.group("key"))
    if match.group("colon") == FULL_WIDTH_COLON:
        return problem(path, line, field, "yaml_full_width_colon", key=key)
    return problem(path, line, field, "yaml_full_width_space")


def load_checked(text: str, path: str, first_line: int = 1, name: Callable[[str], str] = str
                 ) -> tuple[object, dict, list[DuplicateKey], list[Problem]]:
    """Parse YAML for an editor: input-method mistakes and syntax errors become
    problems (in Chinese, with their line and, where the line has one, its key
    as ``name`` calls it); data is None when nothing could be read."""
    repaired, problems = full_width_mistakes(text, path, first_line, name)
    try:
        data, lines, duplicates = load_with_lines(repaired, first_line)
    except yaml.YAMLError as exc:
        return None, {}, [], problems + [yaml_problem(path, exc, repaired, first_line, name)]
    return data, lines, duplicates, problems


# libyaml's problem texts -> our message keys; the mark tells which line is meant.
_KINDS: tuple[tuple[str, str, str], ...] = (
    # (text in the error's problem or context, message key, "problem" or "context" mark)
    ("mapping values are not allowed", "yaml_colon_in_value", "problem"),
    ("could not find expected ':'", "yaml_no_colon", "context"),
    ("while scanning an alias", "yaml_alias", "problem"),
    ("while scanning an anchor", "yaml_alias", "problem"),
    ("found undefined alias", "yaml_alias", "problem"),
    (AliasUsed.problem, "yaml_alias", "problem"),
    ("found unknown escape character", "yaml_escape", "problem"),
    ("while scanning a quoted scalar", "yaml_unclosed_quote", "context"),
    ("did not find expected ',' or ']'", "yaml_unclosed_bracket", "context"),
    ("did not find expected ',' or '}'", "yaml_unclosed_bracket", "context"),
    ("while parsing a flow", "yaml_unclosed_bracket", "context"),
    ("did not find expected key", "yaml_indentation", "problem"),
    ("did not find expected '-' indicator", "yaml_indentation", "problem"),
    ("expected <block end>", "yaml_indentation", "problem"),
    ("could not determine a constructor for the tag", "yaml_tag", "problem"),
    ("found unhashable key", "yaml_key_not_text", "problem"),
    ("found another document", "yaml_document", "problem"),
    ("expected <document start>", "yaml_document", "problem"),
    ("found character that cannot start any token", "yaml_bad_character", "problem"),
    ("found unexpected end of stream", "yaml_unclosed_quote", "context"),
    ("found a tab character", "yaml_tab", "problem"),
    ("directive", "yaml_document", "problem"),
)


def yaml_problem(path: str, exc: yaml.YAMLError, text: str, first_line: int = 1,
                 name: Callable[[str], str] = str) -> Problem:
    """The problem an editor reads for a YAML error in ``text`` (never YAML's English)."""
    said = f"{getattr(exc, 'context', None) or ''}\n{getattr(exc, 'problem', None) or ''}"
    key, which = next(((k, w) for s, k, w in _KINDS if s in said), ("yaml_syntax", "problem"))
    marks = [getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)]
    mark = (marks[1] or marks[0]) if which == "context" else (marks[0] or marks[1])
    if key == "yaml_document" and mark is not None:
        mark = _document_line(text, mark)  # the stray ---, ... or % line, not the line after it
    line = mark.line + first_line if mark else first_line
    ctx = {"char": _character_at(text, mark)}
    if key == "yaml_bad_character" and ctx["char"] == "\t":
        key = "yaml_tab"
    if key == "yaml_tag":
        tag = re.search(r"'([^']*)'", str(getattr(exc, "problem", "")))
        ctx["tag"] = tag.group(1) if tag else ""
    return problem(path, line, _key_at(text, mark, name), key, **ctx)


def _row(text: str, mark) -> str:
    lines = text.split("\n")
    return lines[mark.line] if mark is not None and mark.line < len(lines) else ""


def _character_at(text: str, mark) -> str:
    row = _row(text, mark)
    return row[mark.column] if mark is not None and mark.column < len(row) else ""


def _document_line(text: str, mark):
    lines = text.split("\n")
    for n in range(min(mark.line, len(lines) - 1), -1, -1):
        if lines[n].startswith(("%", "---", "...")):
            return yaml.Mark(mark.name, 0, n, 0, None, None)
    return mark


def _key_at(text: str, mark, name: Callable[[str], str]) -> str:
    """The field whose line the mistake is on, if that line starts with a key."""
    match = _LINE.match(_row(text, mark))
    return name(match.group("key")) if match and FULL_WIDTH_COLON not in match.group("key") else ""
