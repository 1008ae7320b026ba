"""YAML parsing that remembers on which line each key and list entry stood.

Messages must name the line of the offending field. libyaml (CSafeLoader)
composes the node tree fast; we walk the tree once to record lines, then
construct plain Python data from the same nodes.
"""
from __future__ import annotations

import yaml

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
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, []
        lines: dict[Loc, int] = {}
        duplicates: list[DuplicateKey] = []
        _walk(node, (), lines, duplicates, first_line, set())
        return loader.construct_document(node), lines, duplicates
    finally:
        loader.dispose()


class _Loader(yaml.CSafeLoader):
    """libyaml's safe loader, except that a scalar YAML's own resolvers cannot
    turn into a value (``2025-02-30`` looks like a date, ``!!int x``) is kept
    as its text: the field's rule then names the mistake and its line, where
    the resolver would have raised a bare ValueError."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, OverflowError):
            if not isinstance(node, yaml.ScalarNode):
                raise
            self.recursive_objects.pop(node, None)
            self.constructed_objects[node] = node.value
            return node.value


class AliasUsed(yaml.YAMLError):
    """A node used twice through an alias (``*x``). Metadata never needs one,
    and aliases can nest a list into itself or into billions of copies; most
    often a value was meant to start with ``*`` (``*重要* 通知``)."""

    problem = "alias used"

    def __init__(self, mark):
        super().__init__(self.problem)
        self.problem_mark = mark


def _walk(node, loc: Loc, lines: dict, duplicates: list, offset: int, seen: set, mark=None) -> None:
    if id(node) in seen:
        raise AliasUsed(mark or node.start_mark)
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            # A key that is itself a list or mapping is rejected when constructing.
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            here = loc + (key,)
            line = key_node.start_mark.line + offset
            if here in lines and loc == ():
                duplicates.append(DuplicateKey(str(key), line, lines[here]))
            lines.setdefault(here, line)
            _walk(key_node, here, lines, duplicates, offset, seen, key_node.start_mark)
            _walk(value_node, here, lines, duplicates, offset, seen, key_node.start_mark)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            lines[loc + (i,)] = child.start_mark.line + offset
            _walk(child, loc + (i,), lines, duplicates, offset, seen, mark)
