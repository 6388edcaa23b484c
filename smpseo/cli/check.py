"""`smpseo check PATH... [--config FILE] [--keyphrase TEXT] [--format text|json|csv|sarif|github]`: findings, linter
style, for a terminal, an editor, pre-commit or CI.

Given some files of a blog (a pre-commit hook passes the changed ones), the rest of the blog (the folder the files
share, or `--blog DIR`) is read for the site-wide rules, and only the files given are reported on.

`smpseo check - --stdin-filename posts/new.md` checks the post piped in (an editor's unsaved buffer) as that file
would be checked, in its place; without `--stdin-filename` it is Markdown named `-`.

Exit status: 0 no finding of error severity (or any, with `--exit-zero`); 1 some, or a file could not be read; 2 usage
or config error.
"""

from __future__ import annotations

import sys

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
                                   "pyproject.toml [tool.smpseo.rules]). An editor or a hook pipes a post in "
                                   "with - as the PATH: smpseo check --stdin-filename posts/new-post.md -")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="post files or folders; - reads one post from standard input (an editor's unsaved buffer)")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="with -: the file the post read from standard input is, or will be: its reader, its settings, "
                        "its blog and the path findings show are that file's, and the text replaces it in the check "
                        "(the file is not read or written). Without it: Markdown, shown as -")
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
    from smpseo.sources.readers import NO_NAME

    text = stdin_text(args)  # the post piped in, for - (standard input)
    if text is None:
        args.paths, missing = present_paths(args.paths)
        if not args.paths:
            return 2
    else:
        args.paths, missing = [args.stdin_filename or NO_NAME], False
    config = load_config_for(args, args.paths)
    blog = args.blog if args.blog is not None else blog_folder(args.paths, text=text is not None)
    if args.blog is not None:
        from pathlib import Path

        if not Path(args.blog).is_dir():
            Parser(prog="smpseo check").error(f"--blog {args.blog}: not a folder")
    if args.watch:
        from smpseo.cli.watch import watch

        return watch(args, rules, blog)
    result = check(list(args.paths), config, args.keyphrase, rules=rules, drafts=args.drafts, blog=blog, text=text)
    shown = [e for e in result.errors if not args.quiet or e.severity == "error"]
    failed = report_read_errors(shown)
    write(result, args.format, quiet=args.quiet)
    if missing:  # a path given that names nothing: the others are checked, the status says the command was wrong
        return 2
    if args.exit_zero:  # findings never fail the run; a file that could not be read still does
        return 1 if failed else 0
    return 1 if result.has_errors or failed else 0


def stdin_text(args) -> bytes | None:
    """The bytes of standard input when `-` is the PATH, else None; a usage error (status 2) for `-` given twice or
    with other paths or `--watch`, and for `--stdin-filename` without `-` or naming a folder."""
    from pathlib import Path

    from smpseo.cli import Parser
    from smpseo.sources.readers import MAX_SOURCE_BYTES, NO_NAME

    def error(message: str):
        Parser(prog="smpseo check").error(message)

    given = args.paths.count(NO_NAME)
    if given > 1:
        error("- given twice: standard input holds one post")
    if not given:
        if args.stdin_filename is not None:
            error("--stdin-filename names the post read from standard input: give - as the PATH")
        return None
    if len(args.paths) > 1:
        error("- reads one post from standard input: give no other PATH with it")
    if args.watch:
        error("--watch checks files again when they are saved: standard input (-) cannot be watched")
    name = args.stdin_filename
    if name is not None and (not name.strip() or Path(name).is_dir()):
        error(f"--stdin-filename {name!r}: give the name of a post file (posts/new-post.md), not a folder")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input, or one replaced by text (a program calling main())
        return sys.stdin.read().encode("utf-8") if sys.stdin is not None else b""
    return stream.read(MAX_SOURCE_BYTES + 1)  # more is too large to be posts: refused as a file that size is
