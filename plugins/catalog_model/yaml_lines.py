"""YAML parsing that remembers on which line each key and list entry stood.

Messages must name the line of the offending field. libyaml (CSafeLoader)
composes the node tree fast; we walk the tree once to record lines, then
construct plain Python data from the same nodes.
"""
from __future__ import annotations

import yaml

from .problems import Problem, problem

Loc = tuple  # ("attachments", 0, "file")


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def load_with_lines(text: str, first_line: int = 1) -> tuple[object, dict[Loc, int], list[DuplicateKey]]:
    """Parse ``text`` (whose first line is line ``first_line`` of its file).

    Returns the data, a map from location to 1-based line, and any keys that
    appear twice in one mapping (YAML would silently keep the last one).
    Raises ``yaml.YAMLError`` on a syntax error.
    """
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        lines: dict[Loc, int] = {}
        duplicates: list[DuplicateKey] = []
        _walk(node, (), lines, duplicates, first_line)
        return loader.construct_document(node), lines, duplicates
    finally:
        loader.dispose()


def _walk(node, loc: Loc, lines: dict, duplicates: list, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            here = loc + (key,)
            line = key_node.start_mark.line + offset
            if here in lines and loc == ():
                duplicates.append(DuplicateKey(str(key), line, lines[here]))
            lines.setdefault(here, line)
            _walk(value_node, here, lines, duplicates, offset)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            lines[loc + (i,)] = child.start_mark.line + offset
            _walk(child, loc + (i,), lines, duplicates, offset)


def error_line(exc: yaml.YAMLError, first_line: int = 1) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + first_line if mark else first_line


def error_text(exc: yaml.YAMLError) -> str:
    return getattr(exc, "problem", None) or str(exc).splitlines()[0]


def yaml_problem(path: str, exc: yaml.YAMLError, text: str, first_line: int = 1) -> Problem:
    """The problem an editor reads for a YAML syntax error in ``text``."""
    return problem(path, error_line(exc, first_line), "", "yaml_syntax", problem=error_text(exc))
