"""`smpseo init [FOLDER]`: write a new clinic's `smpseo.toml`, from the options given and what the posts make clear.

Never overwrites: a settings file already there is kept, one line says so, status 2 (`--force` keeps the old one as
`smpseo.toml.bak`, or `.bak.2` ... when that is taken, and writes the new one). Settings in a `pyproject.toml`'s
`[tool.smpseo]` are settings already there too: a `smpseo.toml` beside them would be read instead, so it is written
only with `--force` (the `pyproject.toml` is left as it is, and one line says it is no longer read). A folder that is not there or an
option that cannot be a setting (a phone number with letters, an address without https://) is one line, status 2,
and nothing is written.
"""

from __future__ import annotations

import sys

from smpseo.core.paths import resolved


def register(sub) -> None:
    p = sub.add_parser("init", help="write smpseo.toml for a clinic: its name, city, phone and targets",
                       description="Write FOLDER/smpseo.toml for the clinic. Values not given as options are "
                                   "suggested from the posts (FOLDER/posts/, else FOLDER, or --posts DIR) when they "
                                   "make them clear, and marked to check; the rest is written commented out, "
                                   "saying what it holds. An existing smpseo.toml, or settings in pyproject.toml's "
                                   "[tool.smpseo], are never overwritten.")
    p.add_argument("folder", nargs="?", default=".", metavar="FOLDER",
                   help="the blog's folder, where smpseo.toml goes (default: the current folder)")
    p.add_argument("--posts", metavar="DIR", help="the posts to suggest values from (default: FOLDER/posts/ if "
                                                  "there is one, else FOLDER)")
    p.add_argument("--name", help="the business name, as posts should write it")
    p.add_argument("--city", help="the city the clinic is in (FAQ questions name it)")
    p.add_argument("--region", help="the province, state or county")
    p.add_argument("--country", help="the country")
    p.add_argument("--phone", help="the phone number, in the layout posts should use")
    p.add_argument("--url", help="the blog's address, e.g. https://www.example.com")
    p.add_argument("--target", action="append", default=[], metavar="PHRASE",
                   help="a phrase the clinic wants to be found for (repeat for more)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing smpseo.toml, keeping it as smpseo.toml.bak (or write one that is "
                        "read instead of pyproject.toml's [tool.smpseo])")
    p.set_defaults(run=run)


def _error(message: str) -> int:
    from smpseo.model.post import one_line

    print(one_line(f"smpseo init: error: {message}"), file=sys.stderr)
    return 2


def run(args) -> int:
    from dataclasses import replace
    from pathlib import Path

    from smpseo.app.new_settings import (
        SITE_KEYS,
        check_option,
        existing,
        plan_settings,
        render,
        write_settings,
    )
    from smpseo.app.settings import CONFIG_NAME, PYPROJECT_NAME, has_tool_table, nearest_config, shown_path
    from smpseo.core.settings import ConfigError
    from smpseo.model.post import one_line

    folder = Path(args.folder)
    if not folder.is_dir():
        return _error(f"{folder}: {'not a folder' if folder.exists() else 'no such folder'}")
    if args.posts is not None and not Path(args.posts).is_dir():
        return _error(f"{args.posts}: {'not a folder' if Path(args.posts).exists() else 'no such folder'}")
    try:
        given = {k: check_option(k, getattr(args, k)) for k in SITE_KEYS if getattr(args, k) is not None}
        targets = [check_option("target", t) for t in args.target]
    except ConfigError as exc:
        return _error(str(exc))
    there = existing(folder)
    if there and not args.force:
        return _error(f"{shown_path(there)}: exists; kept as it is (edit it, or --force to keep it as "
                      f"{there.name}.bak and write a new one)")
    # settings in pyproject.toml's [tool.smpseo] are read as a smpseo.toml is, and one beside them is read instead
    table = folder / PYPROJECT_NAME if not there and has_tool_table(folder / PYPROJECT_NAME) else None
    if table and not args.force:
        return _error(f"{shown_path(table)}: holds the settings ([tool.smpseo]); kept as they are (edit them there, "
                      f"or --force to write {CONFIG_NAME}, which is then read instead)")
    try:  # settings above the folder are read for its posts until a file is written here
        above = nearest_config(resolved(folder).parent) if not there and not table else None
    except (ConfigError, OSError):
        above = None
    plan = plan_settings(folder, given, targets, args.posts)
    text = render(plan)
    try:
        path, moved = write_settings(folder, text, force=args.force)
    except FileExistsError:  # written by another program meanwhile
        return _error(f"{shown_path(folder / 'smpseo.toml')}: exists; kept as it is")
    except OSError as exc:
        return _error(f"{shown_path(exc.filename or folder)}: cannot write: {exc.strerror or exc}")
    for problem in plan.problems:  # a site settings file the suggestions could not read (its address, its phone)
        print(replace(problem, path=shown_path(problem.path)), file=sys.stderr)
    lines = _summary(plan, shown_path(path), moved and shown_path(moved))
    if table:
        lines.insert(1, f"{shown_path(table)}'s [tool.smpseo] is no longer read: {shown_path(path)} is read instead")
    elif above:
        lines.insert(1, f"{shown_path(above)} was read for these posts until now: {shown_path(path)} is read instead "
                        f"(copy into it what you want kept)")
    for line in lines:
        print(one_line(line) if line else "")
    return 0


def _summary(plan, path: str, moved: str | None) -> list[str]:
    """What was written and where each value came from, then what to do next."""
    from smpseo.app.settings import shown_path
    from smpseo.core.text import counted

    posts = shown_path(plan.posts_folder)
    lines = [f"kept the old settings as {moved}"] if moved else []
    lines.append(f"wrote {path}")
    for v in plan.site:
        if v.source == "given":
            lines.append(f"  {v.key:<8} {v.value}")
        elif v.source == "found":
            lines.append(f"  {v.key:<8} {v.value}  (found in {v.note} in {posts}: check it)")
        elif v.source in ("settings", "derived"):
            lines.append(f"  {v.key:<8} {v.value}  ({v.note}: check it)")
        else:
            lines.append(f"  {v.key:<8} not set (the file says what goes there)")
    kept = [str(t.value) for t in plan.targets if t.source]
    lines.append(f"  {'targets':<8} {', '.join(kept) if kept else 'none yet'}")
    if not plan.posts:
        lines.append(f"no posts read in {posts}: nothing was suggested from them")
    elif plan.unread:
        lines.append(f"{counted(plan.unread, 'file')} in {posts} could not be read "
                     f"(smpseo check {posts} names them); the other {plan.posts} posts were")
    lines += ["", "Next:",
              f"  1. Open {path} and check each line ending \"check it\"; fill in what is not set.",
              f"  2. smpseo check {posts}    what to fix in each post",
              f"     smpseo gaps {posts}     the questions prospects ask that no post answers",
              f"  3. smpseo report monthly --posts {posts}    the monthly SEO report (make report in a checkout)"]
    return lines
