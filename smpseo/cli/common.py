"""Subcommands of the `smpseo` command: each module has `register(subparsers)` and `run(args) -> exit status`."""

from __future__ import annotations

import sys

from smpseo.model.post import ReadError


def report_read_errors(errors: list[ReadError], stream=None) -> int:
    """Print one line per unreadable source or warning; return how many were errors."""
    stream = stream or sys.stderr
    for err in errors:
        print(str(err), file=stream)
    return sum(1 for e in errors if e.severity == "error")


def add_config_argument(parser) -> None:
    parser.add_argument("--config", metavar="FILE", help="settings file (default: the nearest smpseo.toml)")


def add_cache_argument(parser) -> None:
    parser.add_argument("--no-cache", action="store_true",
                        help="work everything out afresh: neither read nor write the analysis cache")


def apply_cache_argument(args) -> None:
    if getattr(args, "no_cache", False):
        from smpseo.app.cache import disable

        disable()


def load_config_for(args, paths=()):
    """The settings for a command on `paths`: `--config`, else the nearest smpseo.toml in the posts' folder or its
    parents, else in the current folder or its parents (`smpseo.app.settings.find_config`)."""
    from smpseo.app.settings import load_config

    return load_config(args.config, search_from=paths[0] if paths else None)


def missing_paths(paths, stream=None) -> bool:
    """Name each path that is neither a file nor a folder (one line each on stderr); True when there is one: the
    command then stops with status 2 rather than report on nothing."""
    from pathlib import Path

    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        print(f"{p}: error: no such file or folder", file=stream or sys.stderr)
    return bool(missing)
