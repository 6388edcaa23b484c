"""The analyses a report shows, called through the public API and turned into plain dicts.

`check` and `gaps` are optional here: where a build of smpseo lacks one, the report says "not available" for its
sections instead of failing.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from smpseo.app.check import check
from smpseo.app.gaps import gaps
from smpseo.app.settings import load_config
from smpseo.checks import RULES
from smpseo.core.settings import Config
from smpseo.model.gaps import GapReport
from smpseo.model.results import CATEGORIES, CheckResult


def as_dict(obj: Any) -> dict:
    """A result item (dict, dataclass, or object with `to_dict`) as a plain dict."""
    if isinstance(obj, dict):
        return dict(obj)
    if hasattr(obj, "to_dict"):
        return dict(obj.to_dict())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


def as_dicts(items: Any) -> list[dict]:
    if items is None:
        return []
    if hasattr(items, "to_dict") and hasattr(items, "columns"):  # a DataFrame
        return items.to_dict("records")
    return [as_dict(i) for i in items]


def resolve_config(config: Config | str | Path | None, search_from: str | Path | None = None) -> Config:
    if isinstance(config, Config):
        return config
    if config:
        return load_config(config)
    return load_config(search_from=search_from)


def run_check(posts, config: Config, keyphrase: str | None = None) -> CheckResult:
    """`smpseo.check(...)` with the report's settings."""
    return check(posts, config=config, keyphrase=keyphrase or None)


def run_gaps(posts, config: Config, queries: str | Path | None = None) -> GapReport:
    """`smpseo.gaps(...)` with the report's settings and Search Console queries."""
    return gaps(posts, queries=str(queries) if queries else None, config=config)


def metrics_of(result, posts) -> list[dict] | None:
    """The per-post metrics a check computed, in the order of `posts`; None when some post has none."""
    if result is None:
        return None
    by_path = {row.get("path"): row.get("metrics") for row in as_dicts(getattr(result, "posts", None))}
    rows = [by_path.get(p.path) for p in posts]
    return [dict(r) for r in rows] if all(isinstance(r, dict) for r in rows) else None


def findings_of(result) -> list[dict] | None:
    """The findings as dicts, each with its rule's name ("long-sentence") beside its id."""
    if result is None:
        return None
    rows = as_dicts(getattr(result, "findings", None))
    for row in rows:
        rule = RULES.get(row.get("rule"))
        row.setdefault("name", getattr(rule, "name", ""))
    return rows


def coverage_of(result) -> list[dict] | None:
    if result is None or getattr(result, "coverage", None) is None:
        return None
    return as_dicts(result.coverage)


def topics_of(report) -> list[dict] | None:
    if report is None:
        return None
    return as_dicts(getattr(report, "topics", None))


def rule_ids(*names: str) -> set[str]:
    """The ids of the rules with these names (e.g. "same-keyphrase" -> {"SITE401"}); empty without checks."""
    return {rid for rid, r in RULES.items() if getattr(r, "name", None) in names}


def categories() -> tuple[str, ...]:
    return tuple(CATEGORIES)


def jsonld_for(post, config: Config) -> list[dict] | None:
    """The BlogPosting (and FAQPage, where the post has questions) markup for a post."""
    from smpseo.analysis.jsonld import for_post

    return for_post(post, config)
