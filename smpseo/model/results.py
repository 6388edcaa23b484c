"""What the checks produce: findings and a check result. Plain data, JSON-ready; views decide how to show it.

The small immutable records (ratings, fixes, coverage, readability) are `Frozen` records: a frozen dataclass would
compile its methods in every process that imports this module."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from smpseo.core.frozen import Frozen
from smpseo.core.text import counted
from smpseo.model.post import ReadError

CATEGORIES = ("readability", "seo", "local", "site")
SEVERITIES = ("error", "warning", "info")
SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}  # the worst first


@dataclass
class Finding:
    """One thing to fix, at one place: `path:line:column`, the rule that found it, and how to fix it.

    `line` is 1-based (0 when the finding is about the whole file); `match` is the offending text.
    """

    path: str
    line: int
    column: int
    rule: str
    category: str
    severity: str
    message: str
    match: str = ""
    hint: str = ""

    def to_dict(self) -> dict[str, Any]:
        # every field is a str or an int: no deep copy needed (asdict's was most of a warm JSON run's time); the
        # fields in their order, written out (a blog's findings are tens of thousands)
        return {"path": self.path, "line": self.line, "column": self.column, "rule": self.rule,
                "category": self.category, "severity": self.severity, "message": self.message, "match": self.match,
                "hint": self.hint}

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location}: {self.rule} {self.severity} {self.message}"


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


class Rating(Frozen, positional=True):
    """A post's rating, as Yoast rates a post: "good", "ok" or "poor" for SEO and for readability."""

    seo: str
    readability: str


class Fix(Frozen, positional=True):
    """One of the findings worth fixing first: where, what and how ("(and 12 more like it)" when the rule lists
    many places)."""

    rule: str
    line: int
    column: int
    message: str
    hint: str = ""


class PostRating(Frozen, positional=True):
    """A post's rating and its fixes, best first."""

    path: str
    title: str
    rating: Rating | None
    fixes: tuple[Fix, ...] = ()

    @classmethod
    def from_post(cls, post: dict[str, Any]) -> PostRating:
        """From one of `CheckResult.posts`."""
        rating = post.get("rating")
        return cls(path=post["path"], title=post.get("title") or "",
                   rating=Rating(rating["seo"], rating["readability"]) if rating else None,
                   fixes=tuple(Fix(f["rule"], f["line"], f["column"], f["message"], f.get("hint") or "")
                               for f in post.get("fixes") or ()))


class Coverage(Frozen, positional=True):
    """How a target keyword is used in one post: how often in the body, and where (title, slug, intro ...)."""

    target: str
    path: str
    title: str
    count: int
    placements: tuple[str, ...] = ()


class Untargeted(Frozen, positional=True):
    """A term the blog's posts rank high for that is no target, and how many posts have it among their top terms."""

    term: str
    posts: int


class Readability(Frozen, positional=True):
    """A post's readability figures, or their average over posts (None: no prose to score)."""

    words: float | None = None
    sentences: float | None = None
    avg_sentence_words: float | None = None
    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    grade: float | None = None


@dataclass
class CheckResult:
    """Everything `smpseo.check()` found, for one set of posts.

    `posts`: one dict per post (path, title, metrics, rating, fixes): `rating` is {"seo": good|ok|poor,
    "readability": ...}, worked out from the findings as Yoast rates a post; `fixes` the three that raise it most.
    `coverage`: one dict per target x post (target, path, title, count, placements). `keyphrases`: YAKE terms per post path, best first. `opportunities`: `untargeted` (terms the
    blog ranks high for that are not targets) and `uncovered` (targets no post's top terms contain).
    """

    findings: list[Finding] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)
    coverage: list[dict[str, Any]] = field(default_factory=list)
    keyphrases: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    opportunities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: list[ReadError] = field(default_factory=list)
    settings: str | None = None  # the settings file the run used (None: none found, the defaults)

    def ratings(self) -> list[PostRating]:
        """Each post's rating and fixes, typed."""
        return [PostRating.from_post(p) for p in self.posts]

    def untargeted(self) -> list[Untargeted]:
        """The terms of `opportunities["untargeted"]`, most posts first."""
        return [Untargeted(o["term"], o["posts"]) for o in (self.opportunities or {}).get("untargeted") or []]

    def uncovered(self) -> list[str]:
        """The targets of `opportunities["uncovered"]`: no post's top terms contain them."""
        return [o["target"] for o in (self.opportunities or {}).get("uncovered") or []]

    def coverage_cells(self) -> list[Coverage]:
        """The coverage matrix, typed: one cell per target x post."""
        return [Coverage(c["target"], c["path"], c["title"], c["count"], tuple(c["placements"]))
                for c in self.coverage]

    @property
    def has_errors(self) -> bool:
        """True when some finding has error severity (the command then exits with status 1)."""
        return any(f.severity == "error" for f in self.findings)

    def summary(self) -> dict[str, Any]:
        """Counts of findings by severity and by category, and how many posts were checked, how many were read but
        not checked (past their time limit), and how many files could not be read: each post counted once."""
        by_severity = Counter(f.severity for f in self.findings)
        by_category = Counter(f.category for f in self.findings)
        unchecked = {p["path"] for p in self.posts if p.get("not_checked")}
        return {
            "posts": len(self.posts) - len(unchecked),
            "findings": len(self.findings),
            "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
            "by_category": {c: by_category.get(c, 0) for c in CATEGORIES},
            "errors": sum(1 for e in self.errors if e.severity == "error"
                          and not (e.path in unchecked and e.message.startswith("not checked"))),
            "not_checked": len(unchecked),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "posts": self.posts,
            "errors": [{"path": e.path, "message": e.message, "line": e.line, "severity": e.severity}
                       for e in self.errors],
            "coverage": self.coverage,
            "keyphrases": {path: [[term, score] for term, score in terms] for path, terms in self.keyphrases.items()},
            "opportunities": self.opportunities,
            "summary": self.summary(),
            "settings": self.settings,
        }

    def to_record(self) -> dict[str, Any]:
        """Everything in the result as plain data (JSON-ready), for `from_record`: what a remembered run stores
        (`smpseo.app.memo`). The summary is left out: it is counted from the findings."""
        record = self.to_dict()
        del record["summary"]
        return record

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> CheckResult:
        """The result `to_record()` was made from, equal to it field for field. Data of another shape raises
        KeyError, TypeError or ValueError."""
        return cls(
            findings=[Finding(**f) for f in data["findings"]],
            posts=[dict(p) for p in data["posts"]],
            coverage=[dict(c) for c in data["coverage"]],
            keyphrases={str(path): [(term, score) for term, score in terms]
                        for path, terms in data["keyphrases"].items()},
            opportunities={str(k): list(v) for k, v in data["opportunities"].items()},
            errors=[ReadError(**e) for e in data["errors"]],
            settings=data.get("settings"),
        )

    def only(self, paths: set[str]) -> CheckResult:
        """This result for the posts read from `paths` alone (findings, posts, coverage, keyphrases, read errors):
        what a run over a whole blog reports about some of its files. Of the opportunities, the terms those posts rank
        for (not the other posts' terms); the targets no post's terms hold stay the blog's."""

        def own(name: str) -> bool:
            return name in paths or name.split("#", 1)[0] in paths

        opportunities = self.opportunities
        if isinstance(opportunities, dict) and opportunities.get("untargeted"):
            opportunities = {**opportunities, "untargeted": [e for e in opportunities["untargeted"]
                                                             if any(own(p) for p in e.get("paths", ()))]}

        return CheckResult(
            findings=[f for f in self.findings if own(f.path)],
            posts=[p for p in self.posts if own(p["path"])],
            coverage=[c for c in self.coverage if own(c["path"])],
            keyphrases={k: v for k, v in self.keyphrases.items() if own(k)},
            opportunities=opportunities,
            errors=[e for e in self.errors if own(e.path) or e.severity == "info"],
            settings=self.settings,
        )

    def findings_frame(self):
        """The findings as a pandas DataFrame, one row per finding."""
        import pandas as pd

        columns = ["path", "line", "column", "rule", "category", "severity", "message", "match", "hint"]
        return pd.DataFrame([f.to_dict() for f in self.findings], columns=columns)

    def coverage_frame(self, wide: bool = False):
        """The coverage matrix as a DataFrame: one row per target x post, or (`wide=True`) targets x posts counts."""
        import pandas as pd

        rows = [{**row, "placements": ", ".join(row["placements"])} for row in self.coverage]
        frame = pd.DataFrame(rows, columns=["target", "path", "title", "count", "placements"])
        if wide:
            return frame.pivot_table(index="target", columns="path", values="count", aggfunc="sum", fill_value=0)
        return frame

    def _repr_html_(self) -> str:
        """In a notebook: the summary, then the findings (the first rows; `findings_frame()` has all)."""
        from smpseo.model.richtext import result_html

        s = self.summary()
        sev = ", ".join(f"{n} {k}" for k, n in s["by_severity"].items())
        heading = f"{counted(s['findings'], 'finding')} ({sev}) in {counted(s['posts'], 'post')}"
        if s["errors"]:
            heading += f"; {counted(s['errors'], 'file')} could not be read"
        if s["not_checked"]:
            heading += f"; {counted(s['not_checked'], 'post')} not checked"
        columns = {"path": "file", "line": "line", "column": "col", "rule": "rule", "severity": "severity",
                   "message": "message"}
        return result_html(heading, [f.to_dict() for f in self.findings], columns, ": see findings_frame()",
                           notes=[str(e) for e in self.errors])  # each line `smpseo check` says of them

    def __repr__(self) -> str:
        s = self.summary()
        sev = ", ".join(f"{n} {k}" for k, n in s["by_severity"].items())
        return f"CheckResult({s['posts']} posts, {s['findings']} findings: {sev}; {s['errors']} unreadable, {s['not_checked']} not checked)"
