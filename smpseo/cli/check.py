"""`smpseo check PATH... [--config FILE] [--keyphrase TEXT] [--format text|json|csv|sarif|github]`: findings, linter
style, for a terminal, an editor, pre-commit or CI.

Given some files of a blog (a pre-commit hook passes the changed ones), the rest of the blog (the folder the files
share, or `--blog DIR`) is read for the site-wide rules, and only the files given are reported on.

Exit status: 0 no finding of error severity (or any, with `--exit-zero`); 1 some, or a file could not be read; 2 usage
or config error.
"""

from __future__ import annotations

from smpseo.cli.common import (
    add_cache_argument,
    add_config_argument,
    apply_cache_argument,
    report_read_errors,
)

FORMATS = ("text", "json", "csv", "sarif", "github")


def register(sub) -> None:
    p = sub.add_parser("check", help="readability, keyphrase, local SEO and site-level findings",
                       description="Check posts and print one finding per line: path:line:column: RULE severity "
                                   "message. Rules and thresholds are set in smpseo.toml [rules] (or "
                                   "pyproject.toml [tool.smpseo.rules]).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="post files or folders")
    p.add_argument("--keyphrase", metavar="TEXT", help="focus keyphrase for every post (overrides front matter)")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text (default), JSON (findings, posts, coverage ...), CSV (one row per finding), SARIF "
                        "2.1.0 (code scanning) or github (workflow annotations on a pull request)")
    p.add_argument("--select", action="append", metavar="CODES",
                   help="run only these rules: ids, id prefixes (RD, SEO2), rule names or categories, "
                        "comma-separated or repeated")
    p.add_argument("--ignore", action="append", metavar="CODES", help="leave these rules out (same codes)")
    p.add_argument("--rule", action="append", metavar="ID", help="run only this rule (repeatable); as --select")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are error findings")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print the findings only: no coverage table, no summary, no notes")
    p.add_argument("--drafts", action="store_true", help="check drafts too (left out by default)")
    p.add_argument("--blog", metavar="DIR",
                   help="the blog's posts folder, read for the site-wide rules when PATHs are some of its files "
                        "(default: the folder the files share)")
    p.add_argument("--watch", action="store_true",
                   help="stay running and check again on every save, printing new and fixed findings (Ctrl-C stops)")
    p.add_argument("--poll", action="store_true",
                   help="with --watch: look for changes by polling the files instead of filesystem events")
    add_config_argument(p)
    add_cache_argument(p)
    p.set_defaults(run=run)


def run(args) -> int:
    apply_cache_argument(args)
    from smpseo.app.check import blog_folder, check
    from smpseo.checks.select import UnknownRule, selected_rules
    from smpseo.cli import Parser
    from smpseo.cli.common import load_config_for
    from smpseo.views.findings import write

    try:
        rules = selected_rules([*(args.select or []), *(args.rule or [])], args.ignore)
    except UnknownRule as exc:
        Parser(prog="smpseo check").error(str(exc))
    from smpseo.cli.common import present_paths

    args.paths, missing = present_paths(args.paths)
    if not args.paths:
        return 2
    config = load_config_for(args, args.paths)
    blog = args.blog if args.blog is not None else blog_folder(args.paths)
    if args.blog is not None:
        from pathlib import Path

        if not Path(args.blog).is_dir():
            Parser(prog="smpseo check").error(f"--blog {args.blog}: not a folder")
    if args.watch:
        from smpseo.cli.watch import watch

        return watch(args, rules, blog)
    result = check(list(args.paths), config, args.keyphrase, rules=rules, drafts=args.drafts, blog=blog)
    shown = [e for e in result.errors if not args.quiet or e.severity == "error"]
    failed = report_read_errors(shown)
    write(result, args.format, quiet=args.quiet)
    if missing:  # a path given that names nothing: the others are checked, the status says the command was wrong
        return 2
    if args.exit_zero:  # findings never fail the run; a file that could not be read still does
        return 1 if failed else 0
    return 1 if result.has_errors or failed else 0
