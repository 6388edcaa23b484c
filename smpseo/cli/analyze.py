"""`smpseo analyze PATH... [--format text|json|csv]`: per-post metrics, one row per post."""

from __future__ import annotations

import sys

from smpseo.cli.common import (
    add_cache_argument,
    add_config_argument,
    apply_cache_argument,
    load_config_for,
    present_paths,
    report_read_errors,
)


def register(sub) -> None:
    p = sub.add_parser("analyze", help="per-post metrics (words, sentences, readability ...)",
                       description="Per-post metrics, one row per post, for spreadsheets and notebooks.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="post files or folders")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text")
    p.add_argument("--drafts", action="store_true", help="include drafts (left out by default)")
    p.add_argument("--pages", metavar="FILE",
                   help="Search Console Pages.csv (or the export ZIP): clicks, impressions, CTR and position per "
                        "post, with the change when it is the comparison export")
    add_config_argument(p)
    add_cache_argument(p)
    p.set_defaults(run=run)


TEXT_COLUMNS = ["slug", "words", "sentences", "flesch_reading_ease", "grade", "long_sentences_pct", "passive_pct",
                "transition_pct"]


def run(args) -> int:
    apply_cache_argument(args)
    from smpseo.app.analyze import analyze_sources
    from smpseo.views.table import write_rows

    args.paths, missing = present_paths(args.paths)
    if not args.paths:
        return 2
    config = load_config_for(args, args.paths)
    pages = None
    if args.pages:
        from smpseo.model.post import one_line
        from smpseo.sources.pages import read_pages
        from smpseo.sources.queries import QueryFileError

        try:
            pages = read_pages(args.pages)
        except QueryFileError as exc:
            print(one_line(f"smpseo: error: {exc}"), file=sys.stderr)
            return 2
        for note in pages.notes:  # a line read as Windows-1252, a header in another language
            print(one_line(str(note)), file=sys.stderr)
    rows, errors = analyze_sources(*args.paths, config=config, debug=args.debug, drafts=args.drafts)
    if pages is not None:
        from smpseo.app.analyze import with_traffic

        rows = with_traffic(rows, pages)
    failed = report_read_errors(errors)
    columns = None
    if args.format == "text" and rows:
        columns = [c for c in TEXT_COLUMNS if c in rows[0]] + [c for c in rows[0] if c.startswith("kw: ")]
        columns += [c for c in ("clicks", "impressions", "ctr", "position", "clicks_change") if c in rows[0]]
        columns.append("top_terms")
    write_rows(rows, args.format, columns=columns)
    if args.format == "text":  # which settings file gave the targets counted in the kw: columns
        from smpseo.app.settings import shown_path
        from smpseo.views.findings import settings_line

        sys.stdout.write(settings_line(shown_path(config.path) if config.path else None) + "\n")
    return 2 if missing else 1 if failed else 0
