"""Where things stand in a YAML file a user writes (a topics file), read from its node tree rather than its values:
each entry's line, each top-level key's line, keys given twice in one mapping; and how big its values are once its
aliases are expanded, counted without expanding them (a 'billion laughs' file is refused before anything reads it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Shape:
    """The lines of a YAML document's parts (1-based). `entries`: each item of its list of entries (the top-level
    list, or the list under `key`); `keys`: each top-level key; `repeated`: (line, key, first line) of each key given
    again in the same mapping, anywhere in the file."""

    entries: list[int] = field(default_factory=list)
    keys: dict[str, int] = field(default_factory=dict)
    repeated: list[tuple[int, str, int]] = field(default_factory=list)


def loader():
    """PyYAML's safe loader, the C one when libyaml is there (ten times faster)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_error_place(exc, text: str = "") -> tuple[str, int]:
    """(the problem, its 0-based line) of a PyYAML `MarkedYAMLError` in `text`. Where reading stopped at the end of
    the text (a quote, a bracket never closed: "found unexpected end of stream"), the line where what was being read
    opens, with what it was ("found unexpected end of stream while scanning a quoted scalar"): the end of the text is
    where the mistake showed, not where it is. -1 when PyYAML gives no line. A second ': ' on a line (`title: SMP
    aftercare: week one`) is said with the line that fixes it, its value quoted."""
    problem, context = exc.problem or "", exc.context or ""
    mark, opening = exc.problem_mark, exc.context_mark
    at_end = "end of stream" in problem or "<stream end>" in problem
    if opening is not None and (mark is None or at_end):
        return " ".join(filter(None, (problem, context))) or "invalid YAML", opening.line
    line = mark.line if mark is not None else -1
    field = _FIELD.match(text.split("\n")[line]) if problem.startswith("mapping values") and line >= 0 else None
    if field and ": " in field.group(2):
        value = field.group(2)
        quoted = f"'{value.replace(chr(39), chr(39) * 2)}'" if '"' in value else f'"{value}"'
        problem += f"; a value holding ': ' goes in quotes: {field.group(1)}: {quoted}"
    return problem or context or "invalid YAML", line


_FIELD = re.compile(r"[ \t]*([^\s:#'\"][^:]*?):[ \t]+(.*?)[ \t]*$")  # `key: value`, the value not quoted


def shape(text: str, key: str) -> Shape:
    """The Shape of `text`, whose entries are the top-level list or the list under the top-level `key`; an empty
    Shape when the text is no YAML (its error is said where it is loaded)."""
    import yaml

    found = Shape()
    try:
        root = yaml.compose(text, Loader=loader())
    except yaml.YAMLError:
        return found
    seen: set[int] = set()
    stack = [root]
    while stack:  # every mapping once (an alias shares its node), without recursion (a deeply nested file)
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for k, v in node.value:
                name, line = str(getattr(k, "value", "")), k.start_mark.line + 1
                if isinstance(k, yaml.ScalarNode) and name in first:
                    found.repeated.append((line, name, first[name]))
                first.setdefault(name, line)
                stack += [k, v]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    found.repeated.sort()
    entries = root
    if isinstance(root, yaml.MappingNode):
        found.keys = {str(getattr(k, "value", "")): k.start_mark.line + 1 for k, _ in reversed(root.value)}
        entries = next((v for k, v in root.value if getattr(k, "value", None) == key), None)
    if isinstance(entries, yaml.SequenceNode):
        found.entries = [item.start_mark.line + 1 for item in entries.value]
    return found


def loops(data: Any) -> bool:
    """Whether a list or mapping in `data` contains itself (a YAML alias to an enclosing node)."""
    done: set[int] = set()
    open_: set[int] = set()

    def visit(node: Any) -> bool:
        if not isinstance(node, (dict, list)) or id(node) in done:
            return False
        if id(node) in open_:
            return True
        open_.add(id(node))
        items = list(node.keys()) + list(node.values()) if isinstance(node, dict) else node
        found = any(visit(v) for v in items)
        open_.discard(id(node))
        done.add(id(node))
        return found

    return visit(data)


def expanded_size(data: Any, text: bool = False) -> int:
    """How many values `data` holds with every alias expanded (with `text`: how many characters its keys and
    values hold), counted without expanding (shared parts once)."""
    sizes: dict[int, int] = {}

    def size(node: Any) -> int:
        if not isinstance(node, (dict, list)):
            return len(str(node)) if text else 1
        known = sizes.get(id(node))
        if known is None:
            sizes[id(node)] = 1  # a recursive structure (refused before, by `loops`) counts its loop once
            items = list(node.keys()) + list(node.values()) if isinstance(node, dict) else node
            known = sizes[id(node)] = 1 + sum(size(v) for v in items)
        return known

    return size(data)
