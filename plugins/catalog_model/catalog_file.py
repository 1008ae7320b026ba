"""The content tree's own settings file, ``catalog.yaml``.

A content tree carries its numbering scheme with it, so that a tree an import
wrote (or a county's repository) builds with ``make html CONTENT=DIR`` and no
edit of ``pelicanconf.py``. The file is optional; its keys are::

    organ_code_scheme: orgcode        # uscc (default) | orgcode | local
    organ_code_pattern: '[a-z]{3}\\d{2}'  # required for local: the county's own codes
    index_no_pattern: '(?P<code>…)/…'  # as CATALOG_INDEX_NO_PATTERN

A value in ``catalog.yaml`` wins over the same setting in ``pelicanconf.py``.
Each mistake is a problem with the file, line and key, like an item's.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path

from .organ_codes import DEFAULT_SCHEME, SCHEMES, OrganCodeScheme
from .problems import WARNING, Problem, problem
from .text import message
from .yaml_errors import load_checked

CATALOG_FILE = "catalog.yaml"
SETTINGS_FILE = "pelicanconf.py"
# catalog.yaml key -> the pelicanconf.py setting it overrides.
KEYS: dict[str, str] = {
    "organ_code_scheme": "CATALOG_ORGAN_CODE_SCHEME",
    "organ_code_pattern": "CATALOG_ORGAN_CODE_PATTERN",
    "index_no_pattern": "CATALOG_INDEX_NO_PATTERN",
}
# A local scheme whose pattern is missing still reads its organs (the missing
# pattern is the one error reported, not every organ once more).
_ANY_SAFE_CODE = r"[A-Za-z0-9_.-]+"


@dataclass(frozen=True)
class Origin:
    """Where a value was set: catalog.yaml and its line, or a pelicanconf.py setting."""

    path: str
    line: int
    name: str
    in_content: bool = True


@dataclass
class SchemeSettings:
    """The effective numbering scheme of a content tree, and what was wrong with its settings."""

    organ_codes: OrganCodeScheme
    index_no_pattern: str
    problems: list[Problem] = field(default_factory=list)


def scheme_settings(settings: dict) -> SchemeSettings:
    """Merge ``pelicanconf.py``'s settings with the content tree's ``catalog.yaml``."""
    values: dict[str, tuple[object, Origin]] = {
        key: (settings[name], Origin(SETTINGS_FILE, 1, name, in_content=False))
        for key, name in KEYS.items() if settings.get(name) is not None}
    problems: list[Problem] = []
    if "PATH" in settings:
        found, problems = _read_file(Path(settings["PATH"]) / CATALOG_FILE)
        values.update(found)

    def report(key: str, msg_key: str, severity: str = "error", **ctx) -> None:
        origin = values[key][1]
        found = problem(origin.path, origin.line, origin.name, msg_key, severity=severity, **ctx)
        problems.append(dataclasses.replace(found, in_content=origin.in_content))

    scheme = DEFAULT_SCHEME
    if "organ_code_scheme" in values:
        given = values["organ_code_scheme"][0]
        if given in SCHEMES:
            scheme = given
        else:
            close = get_close_matches(str(given), SCHEMES, n=1, cutoff=0.4)
            report("organ_code_scheme", "one_of", got=given, choices="、".join(SCHEMES),
                   hint_key="one_of_hint_close" if close else "-", suggestion=close[0] if close else "")
    patterns = {key: _pattern(values[key][0]) for key in ("organ_code_pattern", "index_no_pattern")
                if key in values}
    for key, (_, error) in patterns.items():
        if error:
            report(key, "catalog_pattern_invalid", error=error)
    code_pattern = patterns.get("organ_code_pattern", (None, ""))[0]
    if scheme == "local" and code_pattern is None:
        if "organ_code_pattern" not in values:
            report("organ_code_scheme", "organ_code_pattern_required")
        code_pattern = _ANY_SAFE_CODE
    elif scheme != "local" and code_pattern is not None:
        report("organ_code_pattern", "organ_code_pattern_unused", severity=WARNING, scheme=scheme)
    organ_codes = OrganCodeScheme(scheme, code_pattern if scheme == "local" else "")
    index_no_pattern = patterns.get("index_no_pattern", (None, ""))[0]
    if index_no_pattern is None:
        index_no_pattern, error = _pattern(organ_codes.default_index_no_pattern())
        if error:  # the county's code pattern does not fit into <code>/<year>-<serial>, e.g. it names a group code
            report("organ_code_pattern", "organ_code_pattern_unfit")
            organ_codes = OrganCodeScheme(scheme, _ANY_SAFE_CODE)
            index_no_pattern = organ_codes.default_index_no_pattern()
    return SchemeSettings(organ_codes, index_no_pattern, problems)


# Python's words for a broken regular expression -> our message keys.
_REGEX_ERRORS = {
    "unterminated character set": "regex_unterminated_set", "missing )": "regex_missing_paren",
    "unbalanced parenthesis": "regex_unbalanced", "nothing to repeat": "regex_nothing_to_repeat",
    "multiple repeat": "regex_nothing_to_repeat", "redefinition of group name": "regex_group_twice",
    "bad escape": "regex_bad_escape",
}


def _pattern(value: object) -> tuple[str | None, str]:
    """(the pattern, "") when ``value`` is a usable regular expression, else
    (None, why not, in Chinese)."""
    if not isinstance(value, str) or not value.strip():
        return None, message("regex_not_text", got=value)
    try:
        re.compile(value)
    except re.error as exc:
        kind = next((key for said, key in _REGEX_ERRORS.items() if said in exc.msg), "regex_other")
        return None, message(kind, pos=(exc.pos or 0) + 1)
    return value, ""


def _read_file(path: Path) -> tuple[dict[str, tuple[object, Origin]], list[Problem]]:
    name = CATALOG_FILE
    if not path.is_file():
        return {}, []
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return {}, [problem(name, line, "", "encoding_unknown", hint_key="encoding_hint")]
    meta, lines, duplicates, problems = load_checked(text, name)
    problems += [problem(name, d.line, d.key, "duplicate_key", first=d.first) for d in duplicates]
    if meta is None:
        return {}, problems
    if not isinstance(meta, dict):
        return {}, problems + [problem(name, 1, "", "catalog_file_not_mapping")]
    found = {}
    for key, value in meta.items():
        line = lines.get((key,), 1)
        if key in KEYS:
            found[key] = (value, Origin(name, line, key))
            continue
        close = get_close_matches(str(key), list(KEYS), n=1, cutoff=0.5)
        problems.append(problem(name, line, str(key), "unknown_key", key=key,
                                hint_key="unknown_key_hint_close" if close else "catalog_file_keys_hint",
                                suggestion=close[0] if close else "", keys="、".join(KEYS)))
    return found, problems
