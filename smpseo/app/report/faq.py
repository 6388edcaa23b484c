"""The FAQ gaps notebook's content: which prospect questions the posts answer, and what searchers ask."""

from __future__ import annotations

from dataclasses import dataclass
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


def faq_report(posts: str | Path = "posts", config: Config | str | Path | None = None,
               queries: str | Path | None = None) -> FaqReport:
    """Run the FAQ gap analysis over a posts folder, with Search Console queries when given."""
    from smpseo.sources.readers import load_posts

    posts_path = Path(posts)
    if not posts_path.exists():
        raise FileNotFoundError(f"{posts_path}: posts folder not found")
    if queries and not Path(queries).is_file():
        raise FileNotFoundError(f"{queries}: Search Console queries file not found")
    cfg = analysis.resolve_config(config, search_from=posts_path)
    corpus = load_posts(posts_path)
    report = analysis.run_gaps(corpus, cfg, queries)
    candidates = list(report.candidates) if report is not None else None
    return FaqReport(posts=corpus, config=cfg, topics=analysis.topics_of(report), candidates=candidates,
                     gap_report=report)
