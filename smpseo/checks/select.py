"""Choosing rules by what a user types after `--select` and `--ignore`: a rule id (`RD101`), a prefix of ids
(`RD`, `SEO2`), a rule's name (`long-sentence`) or a category (`readability`, `seo`, `local`, `site`)."""

from __future__ import annotations

from collections.abc import Iterable

from smpseo.checks.engine import RULES


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
