"""`smpseo check PATH... [--config FILE] [--keyphrase TEXT] [--format text|json|csv]`: findings, linter style.

Exit status: 0 no finding of error severity; 1 some (or a file could not be read); 2 usage or config error.
"""

from __future__ import annotations

from smpseo.cli.common import (
    add_cache_argument,
    add_config_argument,
    apply_cache_argument,
    report_read_errors,
)


def register(sub) -> None:
    p = sub.add_parser("check", help="readability, keyphrase, local SEO and site-level findings",
                       description="Check posts and print one finding per line: path:line:column: RULE severity "
                                   "message. Rules and thresholds are set in smpseo.toml [rules].")
    p.add_argument("paths", nargs="+", metavar="PATH", help="post files or folders")
    p.add_argument("--keyphrase", metavar="TEXT", help="focus keyphrase for every post (overrides front matter)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text (default), JSON (findings, posts, coverage ...) or CSV (one row per finding)")
    p.add_argument("--rule", action="append", metavar="ID",
                   help="run only this rule (repeatable), e.g. --rule RD101 --rule LOC301")
    add_config_argument(p)
    add_cache_argument(p)
    p.set_defaults(run=run)


def run(args) -> int:
    apply_cache_argument(args)
    from smpseo.app.check import check
    from smpseo.checks import RULES
    from smpseo.views.findings import write

    if args.rule:
        unknown = [r for r in args.rule if r not in RULES]
        if unknown:
            from smpseo.cli import Parser

            Parser(prog="smpseo check").error(f"unknown rule id(s): {', '.join(unknown)}")
    from smpseo.cli.common import load_config_for, missing_paths

    if missing_paths(args.paths):
        return 2
    config = load_config_for(args, args.paths)
    result = check(list(args.paths), config, args.keyphrase, rules=args.rule)
    failed = report_read_errors(result.errors)
    write(result, args.format)
    return 1 if result.has_errors or failed else 0
