"""`smpseo report monthly|prepublish`: run a report notebook with papermill and export it to HTML.

    smpseo report monthly [--month YYYY-MM] [--posts DIR] [--config FILE] [--queries FILE] [--pages FILE] [--out DIR]
                          [--pdf] [--email [--resend]]
    smpseo report prepublish POST [--keyphrase TEXT] [--config FILE] [--posts DIR] [--out DIR]

Prints the path of the HTML report (and of the PDF). A failed run exits 1, names the failing cell and keeps the
executed notebook as `*.FAILED.ipynb`; an earlier good report is left as it was. A PDF that cannot be made or an
email that cannot be sent is one line on stderr and exit status 1, with the report written all the same.
"""

from __future__ import annotations

import sys

from smpseo.cli.common import add_cache_argument, add_config_argument, apply_cache_argument, seconds
from smpseo.core.paths import resolved


def _month(text: str) -> str:
    import argparse

    from smpseo.core.months import format_month, has_begun, last_complete_month, parse_month

    try:
        month = format_month(*parse_month(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not has_begun(month):  # a typo (2062-10) would put a report of a month to come at the top of the index
        raise argparse.ArgumentTypeError(f"{month} has not begun yet; the last month that ended is "
                                         f"{last_complete_month()}")
    return month


def register(sub) -> None:
    p = sub.add_parser("report", help="monthly SEO report or pre-publish check, as HTML (runs a notebook)",
                       description="Run a report notebook with papermill and export it to HTML without code.")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=type(p))

    m = kinds.add_parser("monthly", help="the monthly SEO report: reports/YYYY-MM/monthly_report.html",
                         description="Write reports/YYYY-MM/ (monthly_report.html, .ipynb, summary.json) and "
                                     "reports/index.html. Compares with the previous month's summary.json.")
    m.add_argument("--month", type=_month, help="YYYY-MM (default: the month that just ended)")
    m.add_argument("--posts", default="posts", metavar="DIR", help="the posts folder (default: posts)")
    m.add_argument("--queries", metavar="FILE", help="a Search Console Queries.csv, or the performance export ZIP "
                                                     "(its Pages.csv is read too)")
    m.add_argument("--pages", metavar="FILE",
                   help="a Search Console Pages.csv (or the export ZIP): clicks, impressions, CTR and position per "
                        "post, with the change since the earlier range or last month's report")
    m.add_argument("--drafts", action="store_true", help="include draft posts (left out by default)")
    m.add_argument("--previous", metavar="FILE",
                   help="last month's summary.json (default: OUT/<previous month>/summary.json)")
    m.add_argument("--out", default="reports", metavar="DIR", help="the reports folder (default: reports)")
    m.add_argument("--timeout", type=seconds, default=300, metavar="SECONDS", help="time limit per notebook cell")
    m.add_argument("--pdf", action="store_true",
                   help="also write monthly_report.pdf (needs Chromium or Chrome; or [report] pdf = true)")
    m.add_argument("--email", action="store_true",
                   help="mail the report as [report.email] in smpseo.toml says; once per month")
    m.add_argument("--resend", action="store_true",
                   help="mail it even if this month's report was already sent (implies --email)")
    add_config_argument(m)
    add_cache_argument(m)
    m.set_defaults(run=run)

    d = kinds.add_parser("prepublish", help="check one draft: reports/prepublish/<file name>.html",
                         description="Run the pre-publish notebook on one draft and write "
                                     "reports/prepublish/<file name>.html (the draft's file name, as a slug).")
    d.add_argument("post", metavar="POST", help="the draft (a Markdown or HTML file)")
    d.add_argument("--keyphrase", metavar="TEXT", help="focus keyphrase (default: the draft's keyphrase field)")
    d.add_argument("--posts", metavar="DIR", help="the blog's posts to compare with (default: the draft's folder)")
    d.add_argument("--out", default="reports", metavar="DIR", help="the reports folder (default: reports)")
    d.add_argument("--timeout", type=seconds, default=300, metavar="SECONDS", help="time limit per notebook cell")
    add_config_argument(d)
    add_cache_argument(d)
    d.set_defaults(run=run)


def run(args) -> int:
    import os

    apply_cache_argument(args)  # the notebooks' kernels inherit it
    before = os.environ.get("SMPSEO_PROGRESS")
    os.environ["SMPSEO_PROGRESS"] = "0"  # no progress bar inside a report's kernels
    try:
        return _run(args)
    finally:  # as it was: `main()` is also called in other programs' processes
        if before is None:
            os.environ.pop("SMPSEO_PROGRESS", None)
        else:
            os.environ["SMPSEO_PROGRESS"] = before


def _run(args) -> int:
    from pathlib import Path

    try:
        Path.cwd()
    except OSError:  # the notebooks run in the current folder: there must be one
        print("smpseo: error: the current folder no longer exists (it was deleted): change to a folder first",
              file=sys.stderr)
        return 2

    from smpseo.app.report.prepublish_run import run_prepublish
    from smpseo.app.report.run import ReportFailed, run_monthly
    from smpseo.cli.common import load_config_for, missing_paths
    from smpseo.model.post import one_line

    # A missing folder or draft, bad settings, a bad queries file or an unreadable draft are found here, before a
    # kernel starts: one line naming the file, and nothing is written. The notebook gets the settings file found
    # here, so the report and `smpseo check` use the same one.
    if missing_paths([args.posts] if args.kind == "monthly" else [args.post]):
        return 2
    if _not_utf8(args):
        return 2
    if args.kind != "monthly":
        from smpseo.app.report.prepublish import posts_problem

        unusable = posts_problem(args.posts)  # a typo would compare the draft with no post, over the good page
        if unusable:
            print(one_line(f"smpseo: error: {unusable}"), file=sys.stderr)
            return 2
    config = load_config_for(args, [args.posts] if args.kind == "monthly" else [args.post])
    args.config = config.path or args.config
    email = args.kind == "monthly" and (args.email or args.resend)
    if email and config.report.email is None:
        where = config.path or "smpseo.toml"
        print(one_line(f"smpseo: error: {where}: --email needs a [report.email] table (to, from, smtp_host; see "
              "docs/reports.md)"), file=sys.stderr)
        return 2
    out = _out_folder(args)
    if out is None:
        return 2
    args.out = out
    try:
        if args.kind == "monthly":
            if not Path(args.posts).exists():
                print(one_line(f"smpseo: error: {args.posts}: posts folder not found"), file=sys.stderr)
                return 2
            from smpseo.app.report.traffic import pages_file
            from smpseo.sources.pages import read_pages
            from smpseo.sources.queries import QueryFileError, read_queries

            exports = ((args.queries, "queries", read_queries), (pages_file(args.pages, args.queries), "pages",
                                                                read_pages))
            for given, what, read in exports:  # what reading them says is printed with the report's problems
                if not given:
                    continue
                if not Path(given).exists() and not Path(given).is_symlink():  # else read says what it is
                    print(one_line(f"smpseo: error: {given}: {what} file not found"), file=sys.stderr)
                    return 2
                try:
                    read(given)
                except QueryFileError as exc:
                    print(one_line(f"smpseo: error: {exc}"), file=sys.stderr)
                    return 2
            unusable = _previous_unusable(args.previous, args.month)
            if unusable:
                print(one_line(f"smpseo: error: {args.previous}: {unusable}"), file=sys.stderr)
                return 2
            damaged = _previous_damaged(args.previous)
            if damaged:  # said before a kernel starts; the month's report is made all the same, without comparing
                print(one_line(f"smpseo: error: {damaged}; the report is made without comparing with it"),
                      file=sys.stderr)
            result = run_monthly(args.month, posts=args.posts, config=args.config, queries=args.queries,
                                 out=args.out, previous=None if damaged else args.previous, timeout=args.timeout,
                                 pages=args.pages, drafts=args.drafts, pdf=args.pdf or config.report.pdf,
                                 compare=not damaged)
        else:
            draft = Path(args.post)
            if not draft.is_file():
                from smpseo.sources.readers import iter_sources

                unread: list = []  # a FIFO, a broken link, a loop: said as for any post, not "no such file"
                iter_sources([args.post], unread)
                what = "a folder, not a post" if draft.is_dir() else \
                    unread[0].message.removesuffix("; skipped") if unread else "no such file"
                print(one_line(f"smpseo: error: {args.post}: {what}"), file=sys.stderr)
                # named wrongly (nothing there, a folder): a usage error; something there that is no post: a bad file
                return 1 if not draft.is_dir() and (draft.exists() or draft.is_symlink()) else 2
            from smpseo.sources.readers import read_file
            from smpseo.sources.readers.decode import SourceError

            try:
                drafts = read_file(args.post)
            except SourceError as exc:
                from smpseo.model.post import ReadError

                print(str(ReadError(exc.path, exc.message, exc.line)), file=sys.stderr)
                return 1
            if len(drafts) > 1:
                from smpseo.app.report.prepublish import several_posts

                print(one_line(f"smpseo: error: {several_posts(args.post, len(drafts))}"), file=sys.stderr)
                return 2
            result = run_prepublish(args.post, keyphrase=args.keyphrase, config=args.config, out=args.out,
                                    posts=args.posts, timeout=args.timeout)
    except ReportFailed as exc:
        if args.debug:
            raise
        print(one_line(f"smpseo: error: report failed: {exc}"), file=sys.stderr)
        return 1
    except NotADirectoryError as exc:  # --out, or the month's folder in it, is a file: found before any kernel
        print(one_line(f"smpseo: error: {exc}"), file=sys.stderr)
        return 2
    print(one_line(result.html))
    for kept in result.kept:  # the user's files and edits, not overwritten: said once, as a warning
        print(one_line(kept.line()), file=sys.stderr)
    if args.kind != "monthly":
        return 0
    status = 1 if _unreadable(result.summary, args.posts, [args.queries, pages_file(args.pages, args.queries)]) else 0
    if args.previous and not result.extra.get("previous"):  # the summary named was bad input, said above
        status = 2
    if result.index_error:
        print(one_line(f"smpseo: error: {result.index_error}; the report is written"), file=sys.stderr)
        status = 1
    if result.pdf:
        print(one_line(result.pdf))
    elif result.pdf_error:
        print(one_line(f"smpseo: error: no PDF written: {result.pdf_error}; the HTML report is written"),
              file=sys.stderr)
        status = 1
    if email:
        from smpseo.cli.report_mail import mail_report

        status = max(status, mail_report(result, config.report.email, resend=args.resend))
    return status


def _out_folder(args) -> str | None:
    """The reports folder, never inside a folder of posts (a generator would publish the reports with the posts).

    Run from inside the posts folder, the default `reports` becomes the `reports` folder beside it; an `--out`
    given inside the posts folder is refused (None, after one line). A site's own folder given as the posts
    (`--posts .` where its settings are) is no folder of posts only: the reports go in it, and reading it for posts
    leaves them out."""
    from pathlib import Path

    from smpseo.model.post import one_line
    from smpseo.sources.readers.sites import is_site_folder

    posts = args.posts if args.kind == "monthly" or args.posts else str(Path(args.post).parent)
    posts_dir, out = resolved(posts), resolved(args.out)
    if out != posts_dir and (posts_dir not in out.parents or is_site_folder(posts_dir)):
        return args.out
    if args.out == "reports":  # the default
        return str(posts_dir.parent / "reports")
    print(one_line(f"smpseo: error: --out {args.out} is inside the posts folder {posts}; reports there would be "
                   "published with the posts"), file=sys.stderr)
    return None


def _previous_unusable(previous: str | None, month: str | None = None) -> str:
    """Why the summary named with `--previous` cannot be read at all ("" when it can, or none is named): nothing
    there, a folder, a FIFO or a device (never opened for a blocking read), a file too large, or the summary of the
    report's own month or a later one. Said before a kernel starts, as for the queries file; a file that is there
    but damaged is `_previous_damaged`'s."""
    if not previous:
        return ""
    import json
    from pathlib import Path

    from smpseo.core.months import last_complete_month
    from smpseo.core.textfile import read_regular

    try:
        data = read_regular(previous)
    except FileNotFoundError:
        if not Path(previous).is_symlink():
            return "previous summary not found"
        return "cannot read previous summary: broken symbolic link (its target is missing)"
    except OSError as exc:
        return f"cannot read previous summary: {exc.strerror or exc}"
    try:
        theirs = json.loads(data.decode("utf-8")).get("month")
    except (ValueError, AttributeError, RecursionError):
        return ""  # damaged: the run says so at its cell
    ours = month or last_complete_month()
    if isinstance(theirs, str) and theirs >= ours:
        return f"is the summary of {theirs}: compare {ours} with an earlier month's"
    return ""


def _previous_damaged(previous: str | None) -> str:
    """Why the summary named with `--previous`, a file that can be read, is no summary smpseo can compare with
    (not JSON, naming the line; not a summary; damaged), as the report's own reading of it says; "" when it is."""
    if not previous:
        return ""
    from smpseo.app.report.load import summary_from_data
    from smpseo.app.report.summary import load_summary

    try:
        summary_from_data(load_summary(previous), previous)
    except ValueError as exc:
        return str(exc)
    return ""


def _not_utf8(args) -> bool:
    """A path given whose name is not UTF-8 (the file system allows it) cannot be handed to a notebook, whose
    parameters are UTF-8 text: one line naming it (True). Posts with such names inside a folder are reported."""
    from smpseo.model.post import one_line

    for name in ("post", "posts", "out", "config", "queries", "pages", "previous"):
        value = getattr(args, name, None)
        try:
            str(value or "").encode("utf-8")
        except UnicodeEncodeError:
            print(one_line(f"smpseo: error: {value}: the name is not UTF-8; rename it to make a report of it"),
                  file=sys.stderr)
            return True
    return False


def _unreadable(summary, posts: str, exports=()) -> int:
    """Print the posts the report could not read, and what reading the Search Console `exports` given said (they
    are listed in the report too); return how many posts could not be read. A post is named from the folder the
    command was given; an export (or its ZIP's table, `export.zip!Pages.csv`) as it was given."""
    import json
    from pathlib import Path

    from smpseo.model.post import ReadError

    try:
        errors = json.loads(Path(summary).read_text(encoding="utf-8")).get("read_errors", [])
    except (OSError, ValueError, TypeError, AttributeError):
        return 0
    root = Path(posts) if Path(posts).is_dir() else Path(posts).parent
    failed = 0
    for e in errors:
        path = e.get("path", "")
        given = any(path == str(x) or path.startswith(f"{x}!") for x in exports if x)
        where = path if given or Path(path).is_absolute() or not path else (root / path).as_posix()
        err = ReadError(where, str(e.get("message", "")), int(e.get("line") or 0), str(e.get("severity", "error")))
        print(str(err), file=sys.stderr)
        failed += err.severity == "error"
    return failed
