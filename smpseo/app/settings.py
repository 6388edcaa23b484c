"""Finding and reading `smpseo.toml`: the file named, else the nearest one in the folder given or its parents."""

from __future__ import annotations

from pathlib import Path

from smpseo.core.settings import Config, ConfigError, parse_config

CONFIG_NAME = "smpseo.toml"


def find_config(start: str | Path | None = None) -> Path | None:
    here = Path(start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: str | Path | None = None, *, search_from: str | Path | None = None) -> Config:
    """Load a config file. Without a path, the nearest `smpseo.toml` above `search_from` (default: cwd).

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
