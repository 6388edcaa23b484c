"""A month's figures, as `summary.json` holds them, typed: what the monthly report shows and what next month's
report compares with. `smpseo.app.report.load` reads them from the file's data (and says what is wrong with a
damaged one); `to_dict()` gives that data back, key for key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import PurePath
from typing import Any

from smpseo.model.post import ReadError


def plain(record: Any) -> dict[str, Any]:
    """A record's fields as JSON data, in their order (tuples as lists, records inside as dicts)."""
    return {f.name: _plain_value(getattr(record, f.name)) for f in fields(record)}


def _plain_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain_value(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return plain(value)
    return value


@dataclass(frozen=True)
class Available:
    """Which analyses the month's report had (a build without one says "not available" for its sections)."""

    findings: bool = False
    coverage: bool = False
    gaps: bool = False


@dataclass(frozen=True)
class Totals:
    posts: int = 0
    published: int | None = None  # posts dated in the month
    words: int = 0
    flesch_reading_ease: float | None = None  # the average over the posts
    grade: float | None = None
    findings: int | None = None  # None: the checks were not available
    read_errors: int = 0


@dataclass(frozen=True)
class PostFigures:
    """One post's figures of the month; a post is known by its file and slug from month to month."""

    slug: str
    path: str = ""
    title: str = ""
    date: str | None = None
    words: int = 0
    sentences: int = 0
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    grade: float | None = None
    findings: int | None = None
    text_digest: str = ""  # of what the FAQ matcher reads of it: whether it changed since last month ("": not known)

    @property
    def name(self) -> str:
        """What a report calls the post: its title, else its slug."""
        return self.title or self.slug


@dataclass(frozen=True)
class SummaryFinding:
    """A finding as the month keeps it: `key` (rule, post, what it is about; never the line) says whether it is
    the same finding as last month's."""

    rule: str
    name: str = ""  # the rule's name ("long-sentence")
    severity: str = ""
    category: str = ""
    slug: str = ""
    path: str = ""
    line: int = 0
    message: str = ""
    match: str = ""
    hint: str = ""
    key: str = ""


@dataclass(frozen=True)
class CoverageCount:
    """How often a target keyword is used in one post."""

    target: str
    slug: str = ""
    path: str = ""
    count: int = 0


@dataclass(frozen=True)
class GapFigures:
    """An FAQ topic's status and demand in the month."""

    id: str
    question: str = ""
    status: str = ""
    priority: int | None = None
    score: float | None = None
    impressions: int | None = None
    clicks: int | None = None
    post: str = ""  # the post its status rests on (its best answer so far; "" when no post answers it)
    slug: str = ""
    section: str = ""  # that post's section holding the passage ("" for its introduction)


@dataclass(frozen=True)
class PostTraffic:
    """One post's Search Console figures, and their change since the period compared with (None: not known)."""

    slug: str
    title: str = ""
    clicks: int | None = None
    impressions: int | None = None
    ctr: float | None = None  # a fraction
    position: float | None = None
    clicks_change: float | None = None
    impressions_change: float | None = None
    ctr_change: float | None = None
    position_change: float | None = None


# What a month's traffic changes are against (`Traffic.compared_with`).
EARLIER_RANGE, LAST_REPORT = "the earlier date range of the export", "last month's report"


@dataclass(frozen=True)
class Traffic:
    """Search traffic per post: the export read, what the changes compare with (and its days), the posts that gained and lost
    the most clicks (by slug), and how many of the export's pages matched no post."""

    source: str = ""
    compared_with: str | None = None
    compared_range: str = ""  # the period compared with, as the export's header names it, or last month's title
    compared_from: str | None = None  # its first and last day ("2025-10-01"), when known
    compared_to: str | None = None
    unmatched_pages: int = 0
    posts: tuple[PostTraffic, ...] = ()
    gained: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """One month's figures: the posts, the findings, keyword coverage, FAQ gaps, files that could not be read,
    and (with a Search Console pages export) traffic per post."""

    month: str
    schema: int = 1
    generated_at: str = ""
    smpseo_version: str = ""
    site: str = ""
    available: Available = field(default_factory=Available)
    totals: Totals = field(default_factory=Totals)
    posts: tuple[PostFigures, ...] = ()
    findings: tuple[SummaryFinding, ...] = ()
    findings_by_severity: Mapping[str, int] = field(default_factory=dict)
    findings_by_rule: Mapping[str, int] = field(default_factory=dict)
    coverage: tuple[CoverageCount, ...] = ()
    gaps: tuple[GapFigures, ...] = ()
    gap_counts: Mapping[str, int] = field(default_factory=dict)
    read_errors: tuple[ReadError, ...] = ()
    traffic: Traffic | None = None

    def gap_count(self, status: str) -> int:
        """How many FAQ topics have this status ("missing", "partial", "answered")."""
        return self.gap_counts.get(status, 0)

    def titles(self) -> dict[tuple[str, str], str]:
        """Each post's name (title, else slug) by its file and slug (two posts may share a slug); posts of one name
        are told apart by their file's name ("SMP aftercare (aftercare-2.md)"), and within a file of many posts (an
        export) by their slug as well."""
        shared = Counter(p.name.casefold() for p in self.posts)
        files = Counter(p.path for p in self.posts)

        def where(p: PostFigures) -> str:
            name = PurePath(p.path).name if p.path else ""
            return f"{name}#{p.slug}" if name and files[p.path] > 1 else name or p.slug

        return {(p.path, p.slug): p.name if shared[p.name.casefold()] < 2 else f"{p.name} ({where(p)})"
                for p in self.posts}

    def to_dict(self) -> dict[str, Any]:
        """The summary.json data: the keys in the file's order (traffic only when there is some)."""
        data = {"schema": self.schema, "month": self.month, "generated_at": self.generated_at,
                "smpseo_version": self.smpseo_version, "site": self.site, "available": plain(self.available),
                "totals": plain(self.totals), "posts": [plain(p) for p in self.posts],
                "findings": [plain(f) for f in self.findings],
                "findings_by_severity": dict(self.findings_by_severity),
                "findings_by_rule": dict(self.findings_by_rule), "coverage": [plain(c) for c in self.coverage],
                "gaps": [plain(g) for g in self.gaps], "gap_counts": dict(self.gap_counts),
                "read_errors": [{"path": e.path, "line": e.line, "severity": e.severity, "message": e.message}
                                for e in self.read_errors]}
        if self.traffic is not None:
            data["traffic"] = plain(self.traffic)
        return data
