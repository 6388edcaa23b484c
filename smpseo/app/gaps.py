"""`smpseo.gaps()`: which FAQ topics the posts answer, for posts or paths, with whole runs remembered."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

from smpseo.app import memo
from smpseo.app.arguments import config_argument, dates_as_written, first_path, posts_argument, settings_for
from smpseo.core import shipped
from smpseo.core.text import counted
from smpseo.model.gaps import GapReport
from smpseo.model.post import Corpus, Post
from smpseo.sources.queries import queries_notes, read_queries
from smpseo.sources.readers import load_posts
from smpseo.sources.topic_places import localize
from smpseo.sources.topics import Topic, load_topics

if TYPE_CHECKING:  # the matcher (numpy) loads only when a run is worked out, not for a remembered one
    from smpseo.analysis.gaps import Scorer, WordVectors


def _as_posts(posts) -> tuple[list[Post], list]:
    if isinstance(posts, (str, Path)):
        posts = [posts]
    posts = list(posts) if not isinstance(posts, Corpus) else posts
    if posts and all(isinstance(p, (str, Path)) for p in posts):
        corpus = load_posts(*posts)
        return list(corpus), list(corpus.errors)
    return list(posts), list(getattr(posts, "errors", []))


def _as_topics(topics, config=None) -> list[Topic]:
    """The shipped topics plus the given ones (None: those of the settings' `[topics] files`), with `{city}`,
    `{region}`, `{country}` and `{jurisdiction}` filled from `[site]`. TypeError for topics that are neither files nor Topics (a dict
    of one topic: write it to a file, or make a Topic)."""
    if topics is None:
        found = load_topics(*getattr(config, "topic_files", []))
    else:
        items = [topics] if isinstance(topics, (str, os.PathLike, Topic)) else topics
        if isinstance(items, (bytes, dict)) or not hasattr(items, "__iter__"):
            raise TypeError(f"topics must be {TOPICS_TAKEN}, not {type(topics).__name__}")
        items = list(items)
        odd = next((t for t in items if not isinstance(t, (str, os.PathLike, Topic))), None)
        if odd is not None:
            raise TypeError(f"topics must be {TOPICS_TAKEN}; the list holds a {type(odd).__name__}")
        found = load_topics(*items)
    return localize(found, getattr(config, "site", None))


TOPICS_TAKEN = "a topics file (str or Path), a Topic, or a list of them"
QUERIES_TAKEN = "a Search Console Queries.csv or export ZIP (str or Path), or a list of queries"


def _as_queries(queries):
    """`queries` as `gaps()` reads them: None, a path, or a list (of Query, dicts or strings); TypeError else."""
    if queries is None or isinstance(queries, (str, Path)):
        return queries
    if isinstance(queries, os.PathLike):
        return Path(queries)
    if isinstance(queries, (bytes, dict)) or not hasattr(queries, "__iter__"):
        raise TypeError(f"queries must be {QUERIES_TAKEN}, not {type(queries).__name__}")
    return list(queries)


RUN_KIND = "gaps-run"  # a whole run over paths, remembered by smpseo.app.memo


def gaps(posts, topics=None, queries=None, config=None, draft=None) -> GapReport:
    """Which FAQ topics the posts answer, answer in part, or leave open; gaps first, by search demand.

    `posts`: a Corpus or list of Posts, or a path / list of paths. `topics`: None (the shipped taxonomy) or topic
    files / Topic objects to add (a file's topic replaces a shipped one with the same id). `queries`: None, a
    Search Console `Queries.csv` (or the export ZIP), or queries already read with `read_queries`. Topics not
    given are those of the files the settings name (`[topics] files`, the clinic's own questions and marks); given
    topics take their place (name the settings' files too to keep them: `config.topic_files`). Places in the
    questions (`{city}`, `{region}`, `{country}`, `{jurisdiction}`) are filled from `config.site`. Arguments of another type are a
    TypeError saying what was given and what is taken.

    `draft`: a Post, or the path of a file holding one: the report is then about the draft as if it were published
    on the blog of `posts` (in place of the blog's copy of it, if there is one: a post at the same address, its
    slug, whatever file or format it was read from): the topics it answers or mentions,
    where and why, each of its passages measured against the whole blog as the matcher is fitted, with the blog's
    other posts that answer a topic listed after the draft. A post measured against itself alone would stand out
    for nearly every topic.

    Given paths, a run over files, topics, queries and settings that have not changed since the last such run
    returns that run's report from the cache without reading the posts (`smpseo.app.memo`).
    """
    posts, config = posts_argument(posts), config_argument(config)
    config = settings_for(config, first_path(posts))  # as check finds them
    topic_list, queries = _as_topics(topics, config), _as_queries(queries)
    with dates_as_written(config):  # a post's "3/4/2025" read as the clinic's country writes it, as check reads it
        return _remembered_gaps(posts, topic_list, queries, config, draft)


def _remembered_gaps(posts, topic_list: list[Topic], queries, config, draft) -> GapReport:
    if draft is not None:
        return _gaps(posts, topic_list, queries, config, _as_draft(draft))
    paths = memo.source_paths(posts)
    if paths is None:
        return _gaps(posts, topic_list, queries, config)

    def inputs() -> list:
        searches = memo.file_state(queries) if isinstance(queries, (str, Path)) else memo.plain(queries)
        return [memo.sources_state(paths), memo.plain(topic_list), searches, memo.plain(config)]

    return memo.remembered(RUN_KIND, memo.run_slot(paths), inputs, lambda: _gaps(paths, topic_list, queries, config),
                           GapReport.to_record, GapReport.from_record)


DATA = ("gaps",)  # under smpseo/data


@functools.cache
def word_vectors() -> WordVectors:
    """The word vectors shipped in smpseo/data/gaps, read once per process."""
    from smpseo.analysis.gaps import vectors_from_npz

    return vectors_from_npz(shipped.read_bytes(*DATA, "word_vectors.npz"))


@functools.cache
def fitted_scorer() -> Scorer:
    """The scorer fitted on the labelled blogs (scripts/fit_gaps_scorer.py), read once per process."""
    from smpseo.analysis.gaps import scorer_from_json

    return scorer_from_json(shipped.read_text(*DATA, "scorer.json"))


def _gaps(posts, topic_list: list[Topic], queries, config, draft: Post | None = None) -> GapReport:
    """`gaps()` worked out: read the posts (when given paths) and the queries (when given a file), then match; with
    a draft, it comes first and takes the place of its older copy (the same post, or one at its address)."""
    post_list, errors = _as_posts(posts)
    rows = None
    if queries is not None:
        rows = read_queries(queries) if isinstance(queries, (str, Path)) else list(queries)
        if isinstance(queries, (str, Path)):
            errors = [*errors, *queries_notes(queries, rows)]
    from smpseo.analysis.gaps import find_gaps

    if draft is None:
        return find_gaps(post_list, topic_list, rows, config, errors, word_vectors(), fitted_scorer())
    others = [p for p in post_list if p is not draft and not (draft.slug and p.slug == draft.slug)]
    report = find_gaps([draft, *others], topic_list, rows, config, errors, word_vectors(), fitted_scorer(), within=0)
    return _with_the_blog_today(report, others, topic_list, config) if others else report


def _with_the_blog_today(report: GapReport, others: list[Post], topic_list: list[Topic], config) -> GapReport:
    """A draft's report with, after the draft's own passage, what the blog's other posts do for each topic as the
    blog's report says it today (without the draft): measured beside an on-topic draft, a post that answers a topic
    can rate below the line, and the draft was then said to be the first to answer it."""
    from smpseo.analysis.gaps import find_gaps

    today = {t.id: t for t in find_gaps(others, topic_list, None, config, [], word_vectors(), fitted_scorer()).topics}
    for topic in report.topics:
        if topic.posts and topic.id in today:  # (the draft's passage comes first, where the draft takes it up)
            topic.posts = [topic.posts[0], *today[topic.id].posts]
    return report


class UnreadableDraft(ValueError):
    """The draft's file could not be read (its read error's line): a bad file, as `check` says of a post, where a
    file of no post or several is a draft wrongly named."""


def _as_draft(draft) -> Post:
    """The draft `gaps(draft=...)` is about: a Post, or the one post of a file (ValueError when the file holds none
    or several, naming it; UnreadableDraft when it could not be read)."""
    if isinstance(draft, Post):
        return draft
    if not isinstance(draft, (str, os.PathLike)):
        raise TypeError(f"draft must be a Post or the path of a file holding one, not {type(draft).__name__}")
    corpus = load_posts(draft, drafts=True)
    if len(corpus) != 1:  # the read error's own line ("path:line: error: ..."), or how many posts the file holds
        where = "in the folder" if os.path.isdir(draft) else "in the file"
        found = "; ".join(str(e) for e in corpus.errors) if not len(corpus) and corpus.errors else \
            f"{draft}: error: {counted(len(corpus), 'post')} {where}; a draft is one post"
        raise (UnreadableDraft if not len(corpus) and corpus.errors else ValueError)(found)
    return corpus[0]


def mark_warnings(topics: list[Topic], report: GapReport) -> list[str]:
    """A warning naming the topics file and line for each topic marked answered by a post (or section) that no
    post read has, or by a name several posts have (`index.md`, of every page bundle), naming them: the mark still
    holds, flagged `check` in the report. In the order of the files' lines, not of the report's ranking."""
    marks = {t.id: t for t in topics if t.mark}
    files = {source: i for i, source in enumerate(dict.fromkeys(t.source for t in marks.values()))}
    lines = []
    for result in sorted(report.topics, key=lambda r: (files[marks[r.id].source], marks[r.id].line)
                         if r.id in marks else (len(files), 0)):
        topic = marks.get(result.id)
        if topic is None or not result.set_by_hand or result.posts or result.status != "answered":
            continue
        where = f"{topic.source}:{topic.line}" if topic.line else topic.source
        if result.could_be:
            lines.append(f"{where}: warning: topic ({topic.id}) is marked answered by {topic.post!r}, which could be "
                         f"any of {counted(len(result.could_be), 'post')} ({', '.join(result.could_be)}): name one "
                         "by its folder or path")
            continue
        section = f" > {topic.section!r}" if topic.section is not None else ""
        lines.append(f"{where}: warning: topic ({topic.id}) is marked answered by {topic.post!r}{section}, but no "
                     "post or section of that name was read")
    return lines
