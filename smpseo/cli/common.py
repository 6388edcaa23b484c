"""Subcommands of the `smpseo` command: each module has `register(subparsers)` and `run(args) -> exit status`."""

from __future__ import annotations

import sys

from smpseo.model.post import ReadError, one_line


def report_read_errors(errors: list[ReadError], stream=None) -> int:
    """Print one line per unreadable source or warning; return how many were errors."""
    stream = stream or sys.stderr
    for err in errors:
        print(str(err), file=stream)
    return sum(1 for e in errors if e.severity == "error")


def seconds(text: str) -> float:
    """An argparse type for a time limit: a finite number of seconds over 0, at most a day (`nan`, `inf`, `-5`, `0`
    and `1e400` are usage errors, status 2)."""
    import argparse
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError(f"seconds must be over 0 and at most 86,400, not {text!r}")
    return value


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


def present_paths(paths, stream=None) -> tuple[list, bool]:
    """The paths that name a file or folder, and whether one did not. Each path that is neither is named on one
    line on stderr: a command goes on with the others and ends with status 2, or stops when none is left rather
    than report on nothing."""
    from pathlib import Path

    found, missing = [], False
    for p in paths:
        try:
            if Path(p).exists() or Path(p).is_symlink():  # a broken link is there: reading it says what is wrong
                found.append(p)
                continue
            why = "no such file or folder"
        except OSError as exc:  # a name longer than the system allows, say
            why = f"cannot be a file or folder ({exc.strerror or exc})".lower()
        print(one_line(f"{p}: error: {why}"), file=stream or sys.stderr)
        missing = True
    return found, missing


def missing_paths(paths, stream=None) -> bool:
    """Name each path that is neither a file nor a folder (one line each on stderr); True when there is one: the
    command then stops with status 2."""
    return present_paths(paths, stream)[1]
