"""What changed since the month before (new and removed posts, findings fixed and new, scores and FAQ topics that
moved) and the ordered to-do list the monthly report ends with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from smpseo.model.summary import PostFigures, SummaryFinding


@dataclass(frozen=True)
class ScoreDelta:
    """A post's figure that moved: `improved` is None where neither way is better (the number of words)."""

    slug: str
    title: str
    metric: str
    before: float
    after: float
    delta: float
    improved: bool | None
    path: str = ""  # the post's file: two posts may share a slug


@dataclass(frozen=True)
class TotalChange:
    before: float
    after: float
    delta: float


@dataclass(frozen=True)
class GapChange:
    """An FAQ topic whose status changed, and the post (and section) it rests on: now, else last month.
    `post_changed`: whether a post it rests on is new, removed or changed since last month; False when they are as
    they were (the blog around them moved the status, as each passage is measured against the other posts); None
    when not known (an earlier summary without post digests)."""

    id: str
    question: str
    before: str
    after: str
    post: str = ""
    slug: str = ""
    section: str = ""
    post_changed: bool | None = None


@dataclass(frozen=True)
class Changes:
    """The month against the one before; `previous_month` None: no earlier report, nothing compared."""

    previous_month: str | None = None
    new_posts: tuple[PostFigures, ...] = ()
    removed_posts: tuple[PostFigures, ...] = ()
    fixed_findings: tuple[SummaryFinding, ...] = ()
    new_findings: tuple[SummaryFinding, ...] = ()
    score_deltas: tuple[ScoreDelta, ...] = ()
    totals: Mapping[str, TotalChange] = field(default_factory=dict)  # by the name of the month's total
    gap_changes: tuple[GapChange, ...] = ()


@dataclass(frozen=True)
class TodoItem:
    """One line of the to-do list: what to do, why, and the post's path when it is about one post."""

    rank: int
    action: str
    why: str
    path: str = ""
