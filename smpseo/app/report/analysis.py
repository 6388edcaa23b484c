"""The analyses a report shows, called through the public API, as the typed results its views read.

`check` and `gaps` are optional here: where a build of smpseo lacks one, the report says "not available" for its
sections instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from smpseo.app.check import check
from smpseo.app.gaps import gaps
from smpseo.app.settings import load_config
from smpseo.checks import RULES
from smpseo.core.settings import Config
from smpseo.model.gaps import GapReport, TopicResult
from smpseo.model.results import CATEGORIES, CheckResult, Coverage, Finding, PostRating, Readability


def resolve_config(config: Config | str | Path | None, search_from: str | Path | None = None) -> Config:
    if isinstance(config, Config):
        return config
    if config:
        return load_config(config)
    return load_config(search_from=search_from)


def run_check(posts, config: Config, keyphrase: str | None = None) -> CheckResult:
    """`smpseo.check(...)` with the report's settings."""
    return check(posts, config=config, keyphrase=keyphrase or None)


def clinic_topics(config: Config, given=()) -> tuple[list, list]:
    """The topics a report matches: the shipped ones, then those of the settings' `[topics] files`, then `given`
    (files or Topics). A report is made without a file that cannot be used: (topics, the TopicError of each such
    file), so one mistake in a topics file costs that file, not the report."""
    from smpseo.sources.topics import Topic, TopicError, load_topics

    problems: list = []
    kept = [file for file in [*config.topic_files, *given] if str(file).strip()]  # the files that can be used

    def where(file) -> str:  # the path a mistake names
        return (file.source or "<topics>") if isinstance(file, Topic) else str(file)

    while True:  # a file with a mistake (or a mark for a topic no file defines) is left out, and the rest read again
        try:
            return load_topics(*kept), problems
        except TopicError as exc:
            problems.extend(exc.problems)  # each mistake of the file, one line each
            wrong = {p.path for p in exc.problems}
            left = [file for file in kept if where(file) not in wrong]
            if len(left) == len(kept):  # a mistake of no file given: nothing to leave out
                return load_topics(), problems
            kept = left


def run_gaps(posts, config: Config, queries=None, topics=None, draft=None) -> GapReport:
    """`smpseo.gaps(...)` with the report's settings, Search Console queries (a file, or queries already read) and
    topics (None: the shipped ones); about `draft` on the blog of `posts`, given one."""
    if isinstance(queries, (str, Path)):
        queries = str(queries) if str(queries) else None
    return gaps(posts, topics=topics, queries=queries, config=config, draft=draft)


def metrics_of(result, posts) -> list[dict] | None:
    """The per-post metrics a check computed, in the order of `posts`; None when some post has none."""
    if result is None:
        return None
    by_path = {row.get("path"): row.get("metrics") for row in result.posts}
    rows = [by_path.get(p.path) for p in posts]
    return [dict(r) for r in rows] if all(isinstance(r, dict) for r in rows) else None


def findings_of(result: CheckResult | None) -> list[Finding] | None:
    """The findings of a check (None: checks not available)."""
    return None if result is None else list(result.findings)


def finding_rows(findings: list[Finding] | None) -> list[dict] | None:
    """The findings as summary.json records them: each as plain data, with its rule's name ("long-sentence")."""
    if findings is None:
        return None
    return [{**f.to_dict(), "name": getattr(RULES.get(f.rule), "name", "")} for f in findings]


def coverage_of(result: CheckResult | None) -> list[Coverage] | None:
    """Where each target keyword is used in each post."""
    return None if result is None else result.coverage_cells()


def ratings_of(result: CheckResult | None) -> list[PostRating] | None:
    """Each post's rating and its fixes."""
    return None if result is None else result.ratings()


def topics_of(report: GapReport | None) -> list[TopicResult] | None:
    """The FAQ topics, in priority order (None: gap analysis not available)."""
    return None if report is None else list(report.topics)


def competing(findings: list[Finding] | None) -> list[Finding] | None:
    """The findings of posts that compete for one keyphrase (set, or inferred)."""
    if findings is None:
        return None
    ids = rule_ids("same-keyphrase", "same-strongest-target")
    return [f for f in findings if f.rule in ids]


def readability_of(row: dict) -> Readability:
    """A post's readability figures from its row of `analyze()` (or an average of rows)."""
    return Readability(**{name: row.get(name) for name in Readability.__fields__})


def rule_ids(*names: str) -> set[str]:
    """The ids of the rules with these names (e.g. "same-keyphrase" -> {"SITE401"}); empty without checks."""
    return {rid for rid, r in RULES.items() if getattr(r, "name", None) in names}


def categories() -> tuple[str, ...]:
    return tuple(CATEGORIES)


def jsonld_for(post, config: Config) -> list[dict] | None:
    """The BlogPosting (and FAQPage, where the post has questions) markup for a post."""
    from smpseo.analysis.jsonld import for_post

    return for_post(post, config)
