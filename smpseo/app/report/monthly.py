"""The monthly SEO report's content: everything the monthly notebook shows, computed by one call, as typed
records (`smpseo.model.summary`, `smpseo.model.changes`, `smpseo.model.results`) for the views.

    >>> report = monthly_report("2026-10", posts="posts/")
    >>> report.summary.totals, report.changes.new_posts, report.todo
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import smpseo.app.report.analysis as analysis
from smpseo.app.report.load import changes_from_data, summary_from_data, todo_from_data
from smpseo.app.report.parameters import switch
from smpseo.app.report.summary import SUMMARY_NAME, build_summary, compare, load_summary, todo, write_summary
from smpseo.app.report.traffic import pages_file, range_warning, traffic_summary
from smpseo.core.months import last_complete_month, parse_month, previous_month
from smpseo.core.paths import resolved
from smpseo.core.settings import Config
from smpseo.model.changes import Changes, TodoItem
from smpseo.model.gaps import TopicResult
from smpseo.model.results import Coverage, Finding, PostRating
from smpseo.model.summary import Summary
from smpseo.sources.pages import read_pages
from smpseo.sources.queries import queries_notes, read_queries


@dataclass
class MonthlyReport:
    month: str
    posts: Any  # Corpus
    config: Config
    metrics: list[dict]  # each post's row of `analyze()`
    findings: list[Finding] | None  # None: checks not available
    coverage: list[Coverage] | None
    topics: list[TopicResult] | None  # FAQ topics with status, in priority order; None: gap analysis not available
    summary: Summary  # the month's figures, as summary.json holds them
    previous: Summary | None  # last month's, when there is one to compare with
    changes: Changes
    todo: tuple[TodoItem, ...]
    ratings: list[PostRating] | None = None  # each post's rating and fixes
    competing: list[Finding] | None = None  # the findings of posts that compete for one keyphrase
    check_result: Any = None
    gap_report: Any = None
    timings: dict[str, float] = field(default_factory=dict)
    kept: list = field(default_factory=list)  # the user's files in the way of one written, and where each is kept

    def write_summary(self, path: str | Path) -> Path:
        return write_summary(self.summary.to_dict(), path, self.kept)


def _published_by(corpus, month: str, posts_path: Path):
    """The posts a month's report is about: not those dated after it (a post written since, not yet in that
    month's blog), said in one line as the drafts left out are."""
    from smpseo.core.months import month_bounds, month_title
    from smpseo.core.text import counted
    from smpseo.model.post import Corpus, ReadError

    _, after = month_bounds(month)
    later = {id(p) for p in corpus if p.date is not None and _day(p.date) >= after}
    if not later:
        return corpus
    kept = Corpus([p for p in corpus if id(p) not in later], corpus.errors)
    kept.errors.append(ReadError(str(posts_path), f"{counted(len(later), 'post')} dated after {month_title(month)} "
                                                  "left out of its report", severity="info"))
    return kept


def _day(when):
    return when.date() if hasattr(when, "date") and callable(when.date) else when


def find_previous(reports_dir: str | Path | None, month: str) -> Path | None:
    """The previous month's summary.json in the same reports folder, if there is one."""
    if not reports_dir:
        return None
    candidate = Path(reports_dir) / previous_month(month) / SUMMARY_NAME
    return candidate if candidate.is_file() else None


def monthly_report(month: str | None = None, posts: str | Path = "posts", config: Config | str | Path | None = None,
                   queries: str | Path | None = None, previous: str | Path | dict | None = None,
                   reports_dir: str | Path | None = None, summary_path: str | Path | None = None,
                   pages: str | Path | None = None, drafts: bool = False) -> MonthlyReport:
    """Read the posts and run every analysis the monthly report shows.

    `previous` is last month's summary (a dict or a summary.json path); without it, `reports_dir/<previous
    month>/summary.json` is used when it exists. With `summary_path`, the month's figures are also written there
    as summary.json (what next month's report compares against). Raises FileNotFoundError for a missing posts folder or queries file.
    `pages`: Search Console's Pages.csv (or the export ZIP; default: the queries export when it holds one) for
    clicks, impressions, CTR and position per post. Drafts are left out unless `drafts`.
    """
    from smpseo.app.analyze import analyze
    from smpseo.app.arguments import dates_as_written
    from smpseo.sources.readers import load_posts

    month = month or last_complete_month()
    parse_month(month)
    posts_path = Path(posts)
    if not posts_path.exists():
        raise FileNotFoundError(f"{posts_path}: posts folder not found")
    if queries and not Path(queries).is_file():
        raise FileNotFoundError(f"{queries}: Search Console queries file not found")
    timings: dict[str, float] = {}
    start = time.perf_counter()
    cfg = analysis.resolve_config(config, search_from=posts_path)
    with dates_as_written(cfg):  # a post's "3/4/2025" as the clinic's country writes it
        read = load_posts(posts_path, drafts=switch(drafts, "drafts"))
    corpus = _published_by(read, month, posts_path)
    timings["read"] = time.perf_counter() - start

    start = time.perf_counter()
    check_result = analysis.run_check(corpus, cfg)
    timings["check"] = time.perf_counter() - start

    start = time.perf_counter()
    metrics = analysis.metrics_of(check_result, corpus) or analyze(corpus, keyphrases=False)
    for row, post in zip(metrics, corpus, strict=True):
        row["date"] = post.date
    timings["metrics"] = time.perf_counter() - start
    start = time.perf_counter()
    topic_list, unusable = analysis.clinic_topics(cfg)  # the settings' topics files: a broken one is left out
    searches = read_queries(queries) if queries else None
    gap_report = analysis.run_gaps(corpus, cfg, searches, topic_list)
    timings["gaps"] = time.perf_counter() - start

    findings = analysis.findings_of(check_result)
    topics = analysis.topics_of(gap_report)
    summary = build_summary(month, corpus, metrics, findings=analysis.finding_rows(findings),
                            coverage=check_result.coverage if check_result is not None else None,
                            gaps=[t.to_dict() for t in topics] if topics is not None else None,
                            posts_root=posts_path if posts_path.is_dir() else posts_path.parent,
                            site=cfg.site.name, problems=check_result.errors if check_result is not None else None)
    summary["read_errors"] += [{"path": exc.path, "line": exc.line, "severity": "error",
                                 "message": f"{exc.entry + ': ' if exc.entry else ''}{exc.message} (the report is made "
                                            "without this topics file)"}
                                for exc in unusable]
    beside = find_previous(reports_dir, month)  # last month's summary in the reports folder, if there is one
    found = not previous or (beside is not None and not isinstance(previous, dict)
                             and resolved(previous) == resolved(beside))
    if not previous:
        previous = beside
    earlier = None
    if previous:
        source = previous if not isinstance(previous, dict) else "the previous summary"
        try:
            if not isinstance(previous, dict):
                previous = load_summary(previous)
            earlier = summary_from_data(previous, source)
        except ValueError as exc:
            if not found:  # the summary asked for by name must be one
                raise
            # the one found beside this month's: a damaged earlier summary costs the comparison, never the report
            summary["read_errors"].append({"path": str(source), "line": 0, "severity": "warning",
                                           "message": f"earlier summary not compared: {exc}"})
            previous = None
    changes = compare(previous, summary)
    traffic_from = pages_file(pages, queries)
    # what reading the Search Console files said (a line read as Windows-1252, a table in another language, a row of
    # figures no export has), listed with what could not be read, as `smpseo gaps` prints it
    said = queries_notes(queries, searches) if queries else []
    if traffic_from:
        pages_read = read_pages(traffic_from)
        said += [n for n in pages_read.notes if n not in said]  # the export ZIP's notes are said once
        summary["traffic"] = traffic_summary(corpus, pages_read, traffic_from, previous)
    summary["read_errors"] += [{"path": n.path, "line": n.line, "severity": n.severity, "message": n.message}
                               for n in said]
    for export in dict.fromkeys(str(p) for p in (queries, traffic_from) if p):
        warning = range_warning(export, month)
        if warning:
            summary["read_errors"].append({"path": export, "line": 0, "severity": "warning", "message": warning})
    kept: list = []
    if summary_path:
        write_summary(summary, summary_path, kept)
    return MonthlyReport(month=month, posts=corpus, config=cfg, metrics=metrics, findings=findings,
                         coverage=analysis.coverage_of(check_result), topics=topics,
                         summary=summary_from_data(summary, summary_path or SUMMARY_NAME), previous=earlier,
                         changes=changes_from_data(changes), todo=todo_from_data(todo(summary, changes)),
                         ratings=analysis.ratings_of(check_result), competing=analysis.competing(findings),
                         check_result=check_result, gap_report=gap_report, timings=timings, kept=kept)
