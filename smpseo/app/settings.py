"""Finding and reading `smpseo.toml`: the file named, else the nearest one in the posts' folder or its parents,
else the nearest one in the current folder or its parents. Every command and report finds it the same way."""

from __future__ import annotations

from pathlib import Path

from smpseo.core.settings import Config, ConfigError, parse_config

CONFIG_NAME = "smpseo.toml"


def _nearest(start: str | Path) -> Path | None:
    here = Path(start).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def find_config(start: str | Path | None = None) -> Path | None:
    """The settings file every command uses: the nearest `smpseo.toml` in the folder of `start` (a post, a folder
    of posts) or its parents; else the nearest one in the current folder or its parents; else None."""
    found = _nearest(start) if start else None
    return found or _nearest(Path.cwd())


def load_config(path: str | Path | None = None, *, search_from: str | Path | None = None) -> Config:
    """Load a config file. Without a path, the one `find_config(search_from)` finds.

    No file found: the defaults (no site facts, no targets). Raises ConfigError for a bad file.
    """
    if path is None:
        path = find_config(search_from)
        if path is None:
            return Config()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), "config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read config: {exc}") from None
    return parse_config(text, str(path))


def shown_path(path: str | Path) -> str:
    """A settings file as the user knows it: relative to the current folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
