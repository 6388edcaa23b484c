"""What the library's functions take as posts and settings, checked once at the door.

`smpseo.check`, `smpseo.analyze` and `smpseo.gaps` take the same `posts`: a path (a post, a folder, an export), a
list of paths, a Post, a list of Posts or a Corpus; a list may mix Posts and paths (the paths are read, and what
cannot be read is in the result's errors). Their `config` is a Config, the path of a settings file, or None (the
nearest `smpseo.toml`). Anything else is a TypeError that says what was given and what is taken, rather than an
error from deep inside.
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
    Posts and paths as a Corpus of the Posts and the paths' posts. TypeError for anything else."""
    if isinstance(posts, (str, os.PathLike, Corpus)):
        return posts
    if isinstance(posts, Post):
        return [posts]
    if isinstance(posts, (bytes, dict)) or not hasattr(posts, "__iter__"):
        raise TypeError(f"posts must be {POSTS_TAKEN}, not {type(posts).__name__}")
    items = list(posts)
    paths = [p for p in items if isinstance(p, (str, os.PathLike))]
    odd = next((p for p in items if not isinstance(p, (str, os.PathLike, Post))), None)
    if odd is not None:
        raise TypeError(f"posts must be {POSTS_TAKEN}; the list holds a {type(odd).__name__}")
    if not paths or len(paths) == len(items):
        return items
    from smpseo.sources.readers import load_posts

    read = load_posts(*paths)
    return Corpus([p for p in items if isinstance(p, Post)] + list(read), read.errors)


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


def config_argument(config: Any) -> Config | str | Path | None:
    """`config` as given, when it is a Config, a path or None; TypeError for anything else (a dict of settings is
    not read: write it to a smpseo.toml, or make a Config)."""
    if config is None or isinstance(config, (Config, str, os.PathLike)):
        return config
    raise TypeError(f"config must be a Config or the path of a smpseo.toml, not {type(config).__name__}")
