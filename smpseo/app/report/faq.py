"""The FAQ gaps notebook's content: which prospect questions the posts answer, and what searchers ask."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import smpseo.app.report.analysis as analysis
from smpseo.core.settings import Config
from smpseo.model.gaps import Candidate, TopicResult


@dataclass
class FaqReport:
    posts: Any  # Corpus
    config: Config
    topics: list[TopicResult] | None  # in priority order; None: gap analysis not available
    candidates: list[Candidate] | None  # question-style queries no topic covers
    gap_report: Any = None
    problems: list[str] = field(default_factory=list)  # one line each, as `smpseo gaps` prints them on stderr
    notes: list[str] = field(default_factory=list)  # what was left out on purpose (drafts, a README): not problems


def faq_report(posts: str | Path = "posts", config: Config | str | Path | None = None,
               queries: str | Path | None = None, topics: str | Path | list | None = None) -> FaqReport:
    """Run the FAQ gap analysis over a posts folder, with Search Console queries and topic files (your own
    questions and marks) when given.

    A notebook has no stderr to print on, so what could not be used is in `problems`, one line each, and the rest
    is still shown: a post that could not be read, a topics file with an error (the report is made without it), a
    queries file that could not be read (the report is made without search demand), a mark naming a post that was
    not read. What was left out on purpose (drafts, a README beside the posts) is in `notes`. A posts folder that
    does not exist raises FileNotFoundError."""
    from smpseo.app.arguments import dates_as_written
    from smpseo.app.gaps import mark_warnings
    from smpseo.sources.queries import QueryFileError, queries_notes, read_queries
    from smpseo.sources.readers import load_posts

    posts_path = Path(posts)
    if not posts_path.exists():
        raise FileNotFoundError(f"{posts_path}: posts folder not found")
    cfg = analysis.resolve_config(config, search_from=posts_path)
    with dates_as_written(cfg):  # a post's "3/4/2025" read as the clinic's country writes it
        corpus = load_posts(posts_path)
    problems = [str(err) for err in corpus.errors if err.severity != "info"]
    notes = [str(err) for err in corpus.errors if err.severity == "info"]
    given = [topics] if isinstance(topics, (str, Path)) else list(topics or [])
    topic_list, unusable = analysis.clinic_topics(cfg, given)
    problems += [f"{exc} (the report is made without this file)" for exc in unusable]
    rows = None
    if queries:
        try:
            rows = read_queries(queries)
        except QueryFileError as exc:
            problems.append(f"{exc} (the report is made without search demand)")
        else:
            problems += map(str, queries_notes(queries, rows))
    report = analysis.run_gaps(corpus, cfg, rows, topic_list)
    if report is not None:
        problems += mark_warnings(topic_list, report)
    candidates = list(report.candidates) if report is not None else None
    return FaqReport(posts=corpus, config=cfg, topics=analysis.topics_of(report), candidates=candidates,
                     gap_report=report, problems=problems, notes=notes)
