"""Choosing rules by what a user types after `--select` and `--ignore`: a rule id (`RD101`), a prefix of ids
(`RD`, `SEO2`), a rule's name (`long-sentence`) or a category (`readability`, `seo`, `local`, `site`); the rules a
post's inline `<!-- smpseo-disable-line ... -->` comments turn off; and what a post's `smpseo: {disable: [...]}` or
its inline comments name that no rule answers to."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from smpseo.checks.engine import RULES, Rule, is_disabled, switched_off
from smpseo.core.text import clean_text
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
    """What in a post's `smpseo:` block or its inline `<!-- smpseo-... -->` comments turns nothing off, as
    [line, message] each, in line order. `lines`: the file's lines, to find the line of the word at fault in the
    front matter (else the line of `smpseo:`) and to read the inline comments (none without them)."""
    problems = _block_problems(post, lines)
    if post.format in INLINE_FORMATS:
        text = lines()
        problems += inline_problems(text) if text else []
    return sorted(problems, key=lambda p: p[0])


def _block_problems(post: Post, lines: Callable[[], list[str] | None]) -> list[list]:
    """What in a post's `smpseo:` block turns nothing off: an unknown key, a `disable` that is not a list, an id,
    name or category no rule has (a typo leaves the rule on)."""
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
    if items is not None and not isinstance(items, (list, str)):
        problems.append(("disable", f"'smpseo: disable' should be a list of rule ids, names or categories, not "
                                    f"{type(items).__name__}; ignored"))
    problems += [(name, _unknown_rule(name, "smpseo: disable")) for name in switched_off(post.meta)
                 if name not in _known()]
    text = lines() if problems else None
    return [[_line_of(word, start, text), message] for word, message in problems]


# The formats whose inline HTML comments are switches (a post of its own file: the comment's line is the file's).
INLINE_FORMATS = ("markdown", "html")
INLINE = ("smpseo-disable-line", "smpseo-disable-next-line")


@functools.cache
def _known() -> frozenset[str]:
    """What a switch may name: a rule's id or name, a category, or `all`."""
    return frozenset({"all", *CATEGORIES, *RULES, *(r.name for r in RULES.values())})


def _meant(name: str, known: Iterable[str]) -> str | None:
    """The one of `known` that `name` is close to (the same but for case, else a near spelling), or None."""
    import difflib

    known = sorted(known)
    close = [k for k in known if k.lower() == name.lower()] or difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return close[0] if close else None


def _unknown_rule(name: str, where: str) -> str:
    meant = _meant(name, _known())
    hint = f"did you mean {meant}?" if meant else "see docs/checks.md for the rule ids"
    return f"unknown rule '{name}' in {where} ({hint}); it is not turned off"


@functools.cache
def _inline_comment() -> re.Pattern:
    """An inline `<!-- smpseo-disable-... -->` comment, compiled when a post has one."""
    return re.compile(r"<!--\s*smpseo-disable-(next-)?line\b(.*?)-->")


@functools.cache
def _switch_comment() -> re.Pattern:
    """A comment that is meant as a switch: `<!-- smpseo-` in any case, to its `-->` or the end of the line."""
    return re.compile(r"<!--\s*(smpseo(?:-\w+)+)(.*?)(-->|$)", re.IGNORECASE)


def _names(text: str) -> list[str]:
    """The ids, names or categories of an inline comment, separated by spaces or commas; what follows `--` is the
    reason, for the reader (`<!-- smpseo-disable-line RD104 -- the rhythm is meant -->`, as ESLint reads it)."""
    return [x for x in re.split(r"[\s,]+", text.split("--", 1)[0].strip()) if x]


def inline_disabled(lines: Sequence[str], line: int, r: Rule) -> bool:
    """`<!-- smpseo-disable-line RD104 -->` on the finding's line, or `<!-- smpseo-disable-next-line ... -->` on
    the line before it (no ids: every rule). Names as in front matter: an id, a name, a category or `all`."""
    for index, wants_next in ((line - 1, False), (line - 2, True)):
        if 0 <= index < len(lines) and "smpseo-disable" in lines[index]:
            for m in _inline_comment().finditer(lines[index]):
                if bool(m.group(1)) != wants_next:
                    continue
                names = frozenset(_names(m.group(2)))
                if not names or is_disabled(r, names):
                    return True
    return False


def inline_problems(lines: list[str]) -> list[list]:
    """What the inline `<!-- smpseo-... -->` comments of a post's lines turn off that no rule answers to, as
    [line, message] each: a rule's name mistyped, a switch other than the two (`smpseo-disable-nextline`), a
    comment not closed on its own line (a switch is read line by line)."""
    problems = []
    for number, raw in enumerate(lines, 1):
        if "<!--" not in raw:
            continue
        line = clean_text(raw)  # as the switches are read (`inline_disabled`)
        for m in _switch_comment().finditer(line):
            switch, rest, closed = m.group(1), m.group(2), m.group(3)
            if switch not in INLINE:
                meant = _meant(switch, INLINE)
                hint = f"did you mean {meant}?" if meant else f"the switches are {INLINE[0]} and {INLINE[1]}"
                problems.append([number, f"unknown switch '{switch}' ({hint}); it turns nothing off"])
            elif not closed:
                problems.append([number, f"'{switch}' is not closed (-->) on its own line; it turns nothing off"])
            else:
                problems += [[number, _unknown_rule(name, switch)] for name in dict.fromkeys(_names(rest))
                             if name not in _known()]
    return problems


def _line_of(word: str, start: int, lines: list[str] | None) -> int:
    """The first line from `start` on (within 200 lines: the front matter) that holds `word` whole, else `start`."""
    if not lines:
        return start
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    for number in range(start, min(len(lines), start + 200) + 1):
        if pattern.search(lines[number - 1]):
            return number
    return start
