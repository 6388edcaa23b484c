"""What the library's functions take as posts and settings, checked once at the door.

`smpseo.check`, `smpseo.analyze` and `smpseo.gaps` take the same `posts`: a path (a post, a folder, an export), a
list of paths, a Post, a list of Posts or a Corpus; a list may mix Posts and paths (the paths are read, and what
cannot be read is in the result's errors). Their `config` is a Config, the path of a settings file, or None (the
nearest `smpseo.toml`). Anything else is a TypeError that says what was given and what is taken, rather than an
error from deep inside: an open file (give its path), a post's text given as a path (a path holds no line break:
`smpseo.check` takes text with `text=`), a keyphrase that is not text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from smpseo.core.settings import Config
from smpseo.model.post import Corpus, Post

POSTS_TAKEN = "a path (str or Path), a Post, or a list of them"


def posts_argument(posts: Any) -> Any:
    """`posts` as the functions read it: paths and Corpora as given, a Post as a list of one, a list that mixes
    Posts and paths as a Corpus of the Posts and the paths' posts. TypeError for anything else, for an open file
    (its lines are no paths) and for text with a line break (a post's text, not a path)."""
    if isinstance(posts, str):
        return path_text(posts)
    if isinstance(posts, (os.PathLike, Corpus)):
        return posts
    if isinstance(posts, Post):
        return [posts]
    if hasattr(posts, "read"):  # an open file iterates over its lines, which would be read as paths
        name = getattr(posts, "name", None)
        named = f" ({name})" if isinstance(name, (str, os.PathLike)) else ""
        raise TypeError(f"posts must be {POSTS_TAKEN}, not an open file ({type(posts).__name__}): give the file's "
                        f"path{named}")
    if isinstance(posts, (bytes, dict)) or not hasattr(posts, "__iter__"):
        raise TypeError(f"posts must be {POSTS_TAKEN}, not {type(posts).__name__}")
    items = [path_text(p) if isinstance(p, str) else p for p in posts]
    paths = [p for p in items if isinstance(p, (str, os.PathLike))]
    odd = next((p for p in items if not isinstance(p, (str, os.PathLike, Post))), None)
    if odd is not None:
        raise TypeError(f"posts must be {POSTS_TAKEN}; the list holds a {type(odd).__name__}")
    if not paths or len(paths) == len(items):
        return items
    from smpseo.sources.readers import load_posts

    read = load_posts(*paths)
    return Corpus([p for p in items if isinstance(p, Post)] + list(read), read.errors)


def path_text(path: str) -> str:
    """A path given as a str, as given; TypeError for text with a line break, which no path of a post holds: a
    post's text given where its path goes (`smpseo.check(path, text=...)` takes the text of an unsaved post)."""
    if "\n" in path or "\r" in path:
        shown = path[:40] + ("..." if len(path) > 40 else "")
        raise TypeError(f"posts must be {POSTS_TAKEN}; {shown!r} holds a line break, so it is a post's text, not a "
                        "path: save it to a file and give its path, or check it with smpseo.check(\"posts/new.md\", "
                        "text=...)")
    return path


def optional_text(name: str, value: Any, what: str) -> str | None:
    """An argument that is text or None (`keyphrase`), as given; TypeError naming it and `what` it is for else."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{name} must be a str ({what}) or None, not {type(value).__name__}")


def optional_path(name: str, value: Any, what: str) -> str | os.PathLike | None:
    """An argument that is a path or None (`blog`), as given; TypeError naming it and `what` it is for else."""
    if value is None or isinstance(value, (str, os.PathLike)):
        return value
    raise TypeError(f"{name} must be {what} (str or Path) or None, not {type(value).__name__}")


def first_path(posts: Any) -> str | None:
    """Where the posts are, to find their settings by: the first path given, or the file the first Post given was
    read from; None for posts made in memory (`posts` as `posts_argument` returns it)."""
    items = [posts] if isinstance(posts, (str, os.PathLike)) else posts
    first = next(iter(items), None) if isinstance(items, (list, tuple, Corpus)) else None
    if isinstance(first, (str, os.PathLike)):
        return str(first)
    return str(first.path) if isinstance(first, Post) and first.path else None


def settings_for(config: Config | str | Path | None, near: str | Path | None = None) -> Config:
    """The settings to use: the Config given, the file named, or the nearest `smpseo.toml` above `near` (the first
    post or folder given, or the file the first Post was read from (`first_path`), when it exists; else above the
    current folder)."""
    if isinstance(config, Config):
        return config
    from smpseo.app.settings import load_config

    return load_config(config, search_from=near if near and Path(near).exists() else None)


def dates_as_written(config: Config | None):
    """A context in which posts are read as the clinic's country (`[site] country`) writes a day in numbers: an
    ambiguous one ("3/4/2025") read month first in the United States, day first elsewhere, and said to be ambiguous
    (left unread) when the country is not set."""
    from smpseo.sources.readers.datefields import day_first_in, days_read_as

    return days_read_as(day_first_in(config.site.country) if config is not None else None)


def config_argument(config: Any) -> Config | str | Path | None:
    """`config` as given, when it is a Config, a path or None; TypeError for anything else (a dict of settings is
    not read: write it to a smpseo.toml, or make a Config)."""
    if config is None or isinstance(config, (Config, str, os.PathLike)):
        return config
    raise TypeError(f"config must be a Config or the path of a smpseo.toml, not {type(config).__name__}")


RULES_TAKEN = "a rule selector (str) or a list of them"


def rules_argument(rules: Any) -> list[str] | None:
    """`rules` as `check` runs them: None for every rule, else the ids its selectors name, read as `smpseo check
    --select` reads them (`smpseo.checks.select`): an id (`RD104`), a prefix (`RD`, `SEO2`), a rule's name or a
    category, several in one str when comma-separated. A str is one selector, not its characters; an empty list runs
    no rule. Raises UnknownRule (a ValueError) for a selector that names no rule, TypeError for other types."""
    if rules is None:
        return None
    items = [rules] if isinstance(rules, str) else rules
    if isinstance(items, (bytes, dict)) or not hasattr(items, "__iter__"):
        raise TypeError(f"rules must be {RULES_TAKEN}, not {type(rules).__name__}")
    items = list(items)
    odd = next((r for r in items if not isinstance(r, str)), None)
    if odd is not None:
        raise TypeError(f"rules must be {RULES_TAKEN}; the list holds a {type(odd).__name__}")
    if not items:
        return []
    from smpseo.checks.select import selected_rules

    return selected_rules(items)


class UnreadPosts(UserWarning):
    """Some of the files given to `smpseo.check`, `smpseo.analyze` or `smpseo.gaps` could not be read: the result
    is of the others."""


def warn_unread(errors: list, where: str) -> None:
    """An `UnreadPosts` warning saying the first file that could not be read, as `smpseo check` says it (path, line,
    why), and how many more there are, `where` the result holds them all (`.errors`). Nothing when all were read.
    Said to the caller of the library's function (a notebook shows it under the cell)."""
    unread = [e for e in errors if getattr(e, "severity", "error") == "error"]
    if unread:
        import warnings

        more = f" (and {len(unread) - 1} more: see {where})" if len(unread) > 1 else ""
        warnings.warn(f"{unread[0]}{more}", UnreadPosts, stacklevel=3)
