"""summary.json data as the typed records the report views read (`smpseo.model.summary`, `smpseo.model.changes`),
checked on the way: a damaged summary is one ValueError naming the file and what in it is wrong.

    >>> summary = summary_from_data(json.loads(text), "reports/2026-10/summary.json")
    >>> summary.totals.words, summary.posts[0].title
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields, replace
from pathlib import Path
from typing import Any

from smpseo.model.changes import Changes, GapChange, ScoreDelta, TodoItem, TotalChange
from smpseo.model.post import ReadError
from smpseo.model.summary import (
    Available,
    CoverageCount,
    GapFigures,
    PostFigures,
    PostTraffic,
    Summary,
    SummaryFinding,
    Totals,
    Traffic,
)


class Damaged(ValueError):
    """What is wrong in a summary, and where in it ("posts[2].words")."""


def _is_text(v: Any) -> bool:
    return isinstance(v, str)


def _is_whole(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_flag(v: Any) -> bool:
    return isinstance(v, bool)


# what each field of a record must hold, by its annotation
_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "str": (_is_text, "a string"), "int": (_is_whole, "a whole number"), "float": (_is_number, "a number"),
    "bool": (_is_flag, "true or false"),
}


def _record(cls, data: Any, where: str):
    """`cls` from a JSON object: each field of its type (None allowed where the field allows it), a missing one
    its default; keys the record does not know are left aside."""
    if not isinstance(data, Mapping):
        raise Damaged(f"{where} is not an object")
    values = {}
    for f in fields(cls):
        if f.name not in data:
            if f.default is MISSING and f.default_factory is MISSING:
                raise Damaged(f"{where} has no '{f.name}'")
            continue
        value = data[f.name]
        named = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        kinds = [k.strip() for k in named.split("|")]
        if value is None and "None" in kinds:
            values[f.name] = None
            continue
        check = next((_CHECKS[k] for k in kinds if k in _CHECKS), None)
        if check is None:
            raise TypeError(f"{cls.__name__}.{f.name}: no check for {f.type}")
        if not check[0](value):
            raise Damaged(f"{where}.{f.name} is {value!r}, not {check[1]}")
        values[f.name] = value
    return cls(**values)


def _list(data: Any, name: str) -> list:
    items = data.get(name, [])
    if not isinstance(items, list):
        raise Damaged(f"'{name}' is not a list")
    return items


def _counts(data: Any, name: str) -> dict[str, int]:
    counts = data.get(name, {})
    if not isinstance(counts, Mapping) or not all(isinstance(k, str) and _is_whole(v) for k, v in counts.items()):
        raise Damaged(f"'{name}' is not a mapping of counts")
    return dict(counts)


def _traffic(data: Any) -> Traffic | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise Damaged("'traffic' is not an object")
    slugs = {}
    for name in ("gained", "lost"):
        items = _list(data, name)
        if not all(isinstance(s, str) for s in items):
            raise Damaged(f"traffic.{name} holds something other than slugs")
        slugs[name] = tuple(items)
    head = _record(Traffic, {k: v for k, v in data.items() if k not in ("posts", "gained", "lost")}, "traffic")
    posts = tuple(_record(PostTraffic, p, f"traffic.posts[{i}]") for i, p in enumerate(_list(data, "posts")))
    return replace(head, posts=posts, gained=slugs["gained"], lost=slugs["lost"])


def _summary(data: Any) -> Summary:
    if not isinstance(data, Mapping):
        raise Damaged("not a JSON object")
    if not isinstance(data.get("month"), str) or "posts" not in data:
        raise Damaged("no month/posts")
    head = {k: data[k] for k in ("month", "schema", "generated_at", "smpseo_version", "site") if k in data}
    base = _record(Summary, head, "summary")
    errors = tuple(_record(ReadError, e, f"read_errors[{i}]") for i, e in enumerate(_list(data, "read_errors")))
    return Summary(
        month=base.month, schema=base.schema, generated_at=base.generated_at, smpseo_version=base.smpseo_version,
        site=base.site, available=_record(Available, data.get("available", {}), "available"),
        totals=_record(Totals, data.get("totals", {}), "totals"),
        posts=tuple(_record(PostFigures, p, f"posts[{i}]") for i, p in enumerate(_list(data, "posts"))),
        findings=tuple(_record(SummaryFinding, f, f"findings[{i}]")
                       for i, f in enumerate(_list(data, "findings"))),
        findings_by_severity=_counts(data, "findings_by_severity"),
        findings_by_rule=_counts(data, "findings_by_rule"),
        coverage=tuple(_record(CoverageCount, c, f"coverage[{i}]") for i, c in enumerate(_list(data, "coverage"))),
        gaps=tuple(_record(GapFigures, g, f"gaps[{i}]") for i, g in enumerate(_list(data, "gaps"))),
        gap_counts=_counts(data, "gap_counts"), read_errors=errors, traffic=_traffic(data.get("traffic")))


def summary_from_data(data: Any, source: str | Path) -> Summary:
    """The typed summary of summary.json's data. Raises ValueError naming `source` (the file, or what the data
    is) and what in it is wrong when it is not a summary smpseo can read."""
    try:
        return _summary(data)
    except Damaged as exc:
        raise ValueError(f"{source}: damaged summary.json: {exc}") from None


def changes_from_data(data: Mapping[str, Any]) -> Changes:
    """The typed form of `compare()`'s result (made from summaries already read, so not checked again)."""
    return Changes(
        previous_month=data["previous_month"],
        new_posts=tuple(_record(PostFigures, p, "new_posts") for p in data["new_posts"]),
        removed_posts=tuple(_record(PostFigures, p, "removed_posts") for p in data["removed_posts"]),
        fixed_findings=tuple(_record(SummaryFinding, f, "fixed_findings") for f in data["fixed_findings"]),
        new_findings=tuple(_record(SummaryFinding, f, "new_findings") for f in data["new_findings"]),
        score_deltas=tuple(ScoreDelta(**d) for d in data["score_deltas"]),
        totals={name: TotalChange(**t) for name, t in data["totals"].items()},
        gap_changes=tuple(GapChange(**g) for g in data["gap_changes"]))


def gaps_from_data(items: list[Mapping[str, Any]]) -> tuple[GapFigures, ...]:
    """FAQ topics' figures from summary.json's `gaps` records."""
    return tuple(_record(GapFigures, g, f"gaps[{i}]") for i, g in enumerate(items))


def todo_from_data(items: list[Mapping[str, Any]]) -> tuple[TodoItem, ...]:
    """The typed form of `todo()`'s list."""
    return tuple(TodoItem(rank=i["rank"], action=i["action"], why=i["why"], path=i.get("path", "")) for i in items)
