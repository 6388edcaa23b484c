"""Choosing rules by what a user types after `--select` and `--ignore`: a rule id (`RD101`), a prefix of ids
(`RD`, `SEO2`), a rule's name (`long-sentence`) or a category (`readability`, `seo`, `local`, `site`); and what a
post's `smpseo: {disable: [...]}` names that no rule answers to."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from smpseo.checks.engine import RULES
from smpseo.model.post import Post
from smpseo.model.results import CATEGORIES


class UnknownRule(ValueError):
    """A code that names no rule, no prefix of one, no rule name and no category."""


def matching(code: str) -> set[str]:
    """The ids of the rules `code` names. Raises UnknownRule when it names none."""
    wanted = code.strip()
    upper = wanted.upper()
    found = {r.id for r in RULES.values()
             if r.id.startswith(upper) or r.name == wanted.lower() or r.category == wanted.lower()}
    if not found:
        raise UnknownRule(f"unknown rule, prefix or category: {code!r}")
    return found


def selected_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[str] | None:
    """The rule ids to run: those `select` names (default: every rule) less those `ignore` names. None when
    neither narrows anything (every rule, so enabled/disabled settings alone decide). Raises UnknownRule."""
    select, ignore = list(select or []), list(ignore or [])
    if not select and not ignore:
        return None
    chosen = set().union(*(matching(c) for c in _codes(select))) if select else set(RULES)
    chosen -= set().union(*(matching(c) for c in _codes(ignore))) if ignore else set()
    return sorted(chosen)


def _codes(values: Iterable[str]) -> list[str]:
    """`--select RD101,SEO2 --select LOC` as one list of codes."""
    return [c for v in values for c in v.split(",") if c.strip()]


def switch_problems(post: Post, lines: Callable[[], list[str] | None]) -> list[list]:
    """What in a post's `smpseo:` block turns nothing off, as [line, message] each: an unknown key, a `disable` that
    is not a list, an id, name or category no rule has (a typo leaves the rule on). `lines`: the file's lines, to
    find the line of the word at fault (else the line of `smpseo:`)."""
    block = post.meta.get("smpseo")
    if block is None:
        return []
    start = post.meta_line("smpseo")
    if not isinstance(block, dict):
        return [[start, f"'smpseo' should be a mapping such as {{disable: [RD101]}}, not {type(block).__name__}; "
                        "ignored"]]
    problems = [(key_, f"unknown key '{key_}' in smpseo (known: disable); ignored") for key_ in map(str, block)
                if key_ != "disable"]
    items = block.get("disable")
    if isinstance(items, str):
        items = [part.strip() for part in items.split(",")]
    if items is not None and not isinstance(items, list):
        problems.append(("disable", f"'smpseo: disable' should be a list of rule ids, names or categories, not "
                                    f"{type(items).__name__}; ignored"))
    elif items:
        import difflib

        known = {"all", *CATEGORIES, *RULES, *(r.name for r in RULES.values())}
        for name in dict.fromkeys(str(i).strip() for i in items if str(i).strip() not in known and str(i).strip()):
            close = [k for k in sorted(known) if k.lower() == name.lower()] \
                or difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
            hint = f"did you mean {close[0]}?" if close else "see docs/checks.md for the rule ids"
            problems.append((name, f"unknown rule '{name}' in smpseo: disable ({hint}); it is not turned off"))
    text = lines() if problems else None
    return sorted(([_line_of(word, start, text), message] for word, message in problems), key=lambda p: p[0])


def _line_of(word: str, start: int, lines: list[str] | None) -> int:
    """The first line from `start` on (within 200 lines: the front matter) that holds `word` whole, else `start`."""
    if not lines:
        return start
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    for number in range(start, min(len(lines), start + 200) + 1):
        if pattern.search(lines[number - 1]):
            return number
    return start
