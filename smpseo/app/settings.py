"""Finding and reading the settings: the file named, else the nearest `smpseo.toml` or `pyproject.toml` with a
`[tool.smpseo]` table in the posts' folder or its parents, else in the current folder or its parents. In one
folder, `smpseo.toml` wins over `pyproject.toml`. Every command and report finds it the same way."""

from __future__ import annotations

from pathlib import Path

from smpseo.core.paths import resolved
from smpseo.core.settings import Config, ConfigError, config_from_dict, toml_table
from smpseo.core.textfile import NotText, TooLarge, file_text, read_regular

CONFIG_NAME = "smpseo.toml"
PYPROJECT_NAME = "pyproject.toml"
MAX_SETTINGS_BYTES = 1024 * 1024  # a clinic's settings are a few kilobytes; what is larger is refused unread
DEBUG_ENV = "SMPSEO_DEBUG"  # set by `smpseo --debug`, for its process and the worker processes it starts


def debugging() -> bool:
    """Whether `smpseo --debug` asked for tracebacks: a check's bug on one post then raises, rather than being that
    post's one line."""
    import os

    return bool(os.environ.get(DEBUG_ENV))


def find_config(start: str | Path | None = None) -> Path | None:
    """The settings file every command uses: the nearest one in the folder of `start` (a post, a folder of posts)
    or its parents; else the nearest one in the current folder or its parents; else None. ConfigError when the
    nearest `smpseo.toml` is no file (a folder, a broken link): the settings above it are not what was meant."""
    found = nearest_config(start) if start else None
    if found:
        return found
    try:
        cwd = Path.cwd()
    except OSError:  # the current folder was deleted (a shell left in a folder another program removed)
        return None
    return nearest_config(cwd)


def nearest_config(start: str | Path) -> Path | None:
    """The settings file nearest `start` (a file's folder, or the folder itself) or above it, or None; ConfigError
    as for `find_config`."""
    try:
        here = resolved(start)
    except OSError:  # a relative path, from a current folder that was deleted
        return None
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if candidate.is_symlink() or candidate.exists():  # never passed over for the settings of a folder above
            what = "a folder" if candidate.is_dir() else "a link to nothing" if candidate.is_symlink() else \
                "not a regular file"
            raise ConfigError(str(candidate), f"{what}, not a settings file: fix it, or name one with --config")
        if has_tool_table(folder / PYPROJECT_NAME):
            return folder / PYPROJECT_NAME
    return None


def has_tool_table(path: Path) -> bool:
    """True for a pyproject.toml with a `[tool.smpseo]` table, or one that mentions smpseo and is not valid TOML
    (it is then read, and its error shown)."""
    try:
        text = read_regular(path, MAX_SETTINGS_BYTES).decode("utf-8-sig", errors="replace")
    except TooLarge:  # read, and refused as too large: the settings above it are not what was meant
        return True
    except OSError:
        return False
    if "smpseo" not in text:
        return False
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(tool, dict) and "smpseo" in tool


def load_config(path: str | Path | None = None, *, search_from: str | Path | None = None) -> Config:
    """Load a config file. Without a path, the one `find_config(search_from)` finds.

    A `pyproject.toml` gives its `[tool.smpseo]` table. No file found: the defaults (no site facts, no targets).
    Raises ConfigError for a bad file.
    """
    if path is None:
        path = find_config(search_from)
        if path is None:
            return Config()
    path = Path(path)
    try:
        text = file_text(read_regular(path, MAX_SETTINGS_BYTES))  # a BOM (Notepad writes one) is not TOML
    except FileNotFoundError:
        raise ConfigError(str(path), "config file not found") from None
    except NotText as exc:
        raise ConfigError(str(path), exc.message, exc.line) from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read config: {exc.strerror or exc}") from None
    within = "" if path.name != PYPROJECT_NAME else "tool.smpseo"
    try:
        if not within:
            config = config_from_dict(_settings_table(text, str(path)), str(path))
        else:
            data = toml_table(text, str(path))
            table = data.get("tool", {}).get("smpseo") if isinstance(data.get("tool"), dict) else None
            if table is None:
                raise ConfigError(str(path), "no [tool.smpseo] table")
            if not isinstance(table, dict):
                raise ConfigError(str(path), "[tool.smpseo] must be a table")
            config = config_from_dict(table, str(path))
        if config.rules:  # [rules] is checked whatever the command, so a bad threshold is never passed over
            import smpseo.checks  # noqa: F401  (registers the rules)
            from smpseo.checks.engine import resolve_settings

            resolve_settings(config.rules, str(path))
    except ConfigError as exc:  # at the line of the file it is about
        raise exc.located(text, within) from None
    return config


SETTINGS = "settings"  # the cache's entries of settings files read before


def _settings_table(text: str, path: str) -> dict:
    """`toml_table(text, path)`, remembered in the cache by the text and the Python whose TOML parser read it: a run
    with settings read before loads no TOML parser (a few milliseconds of a one-post check). Settings that JSON
    cannot hold (a date or a time) are read each time; the table is checked as a Config either way."""
    import sys

    from smpseo.app import cache

    if not cache.enabled():
        return toml_table(text, path)
    digest = cache.key(SETTINGS, sys.version, text)
    kept = cache.get(SETTINGS, digest)
    if isinstance(kept, dict):
        return kept
    table = toml_table(text, path)
    try:
        cache.put(SETTINGS, digest, table)
    except (TypeError, ValueError):  # a date or a time: not JSON
        pass
    return table


def shown_path(path: str | Path) -> str:
    """A settings file as the user knows it: relative to the current folder when it is inside it, by its own name
    (a link is named as the link, not as the file it points to)."""
    path = Path(path)
    try:
        return str((resolved(path.parent) / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # outside the current folder, or no current folder (deleted)
        return str(path)
