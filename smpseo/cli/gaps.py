"""`smpseo gaps PATH... [--topics FILE]... [--queries FILE] [--draft FILE] [--format text|json|markdown]`: FAQ topic
gaps, or what a draft answers."""

from __future__ import annotations

import sys

from smpseo.cli.common import (
    add_cache_argument,
    add_config_argument,
    apply_cache_argument,
    load_config_for,
    missing_paths,
    present_paths,
    report_read_errors,
)


def register(sub) -> None:
    p = sub.add_parser(
        "gaps", help="which questions prospects ask the posts do not answer, by search demand",
        description="For every FAQ topic: answered, partial (mentioned, or half answered) or missing in the posts, where, and what to "
                    "write next. Gaps are not errors: the exit status is 0 unless a source could not be read.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="post files or folders")
    p.add_argument("--topics", action="append", default=[], metavar="FILE",
                   help="extra topics (YAML, same schema as the shipped ones), after those of [topics] files in smpseo.toml; "
                        "repeatable; same id replaces")
    p.add_argument("--queries", metavar="FILE",
                   help="Search Console Queries.csv, or the performance export ZIP, to rank gaps by demand")
    p.add_argument("--draft", metavar="FILE",
                   help="report on this draft instead, read as if published on the blog of PATH: the topics it "
                        "answers, where, and what the other posts already say on each")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_config_argument(p)
    add_cache_argument(p)
    p.set_defaults(run=run)


def run(args) -> int:
    apply_cache_argument(args)
    from smpseo.app.gaps import gaps, mark_warnings
    from smpseo.core.settings import ConfigError
    from smpseo.model.post import one_line
    from smpseo.sources.queries import QueryFileError, queries_notes, read_queries
    from smpseo.sources.readers import load_posts
    from smpseo.sources.topics import TopicError, load_topics
    from smpseo.views.gaps import render

    if args.draft and missing_paths([args.draft]):
        return 2
    args.paths, missing = present_paths(args.paths)
    if not args.paths:
        return 2
    try:
        config = load_config_for(args, args.paths)
        topics = load_topics(*config.topic_files, *args.topics)  # the settings' files, then those given
        queries = read_queries(args.queries) if args.queries else None
    except (TopicError, QueryFileError, ConfigError) as exc:
        if args.debug:
            raise
        for line in exc.lines() if isinstance(exc, (TopicError, ConfigError)) else [str(exc)]:  # each mistake
            print(one_line(f"smpseo: error: {line}"), file=sys.stderr)
        return 2
    # Given the paths, an unchanged run comes from the cache; --debug reads afresh so a reader's bug shows in full.
    posts = load_posts(*args.paths, debug=True) if args.debug else list(args.paths)
    try:
        report = gaps(posts, topics=topics, queries=queries, config=config, draft=args.draft)
    except ValueError as exc:  # a draft file that cannot be read, or holds no post or several: its own line
        if args.debug or not args.draft:
            raise
        from smpseo.app.gaps import UnreadableDraft

        print(one_line(str(exc)), file=sys.stderr)
        return 1 if isinstance(exc, UnreadableDraft) else 2  # a bad file, as check says; else a wrong argument
    failed = report_read_errors(report.errors)
    if queries is not None:  # a queries file read: one with no query is said
        for note in queries_notes(args.queries, queries):
            print(one_line(str(note)), file=sys.stderr)
    for line in mark_warnings(topics, report):
        print(one_line(line), file=sys.stderr)
    sys.stdout.write(render(report, args.format))
    if args.format == "text":  # which settings file named the city and targets the topics were read with
        from smpseo.app.settings import shown_path
        from smpseo.views.findings import settings_line

        sys.stdout.write(settings_line(shown_path(config.path) if config.path else None) + "\n")
    return 2 if missing else 1 if failed else 0

