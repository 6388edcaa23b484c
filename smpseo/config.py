"""`smpseo.toml`: the site's facts, its target keywords, and per-rule settings.

The file is looked for in the current folder and its parents; `--config FILE` names one. Unknown keys are errors
(a typo must not silently switch a setting off).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "smpseo.toml"


class ConfigError(Exception):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass
class Site:
    name: str = ""
    city: str = ""
    phone: str = ""
    url: str = ""
    address: str = ""
    region: str = ""


@dataclass
class Config:
    site: Site = field(default_factory=Site)
    targets: list[str] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)
    topics: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    @property
    def root(self) -> Path:
        """The folder relative paths in the config are read from."""
        return Path(self.path).parent if self.path else Path.cwd()


# section -> allowed keys (None: any keys; their owner validates them)
_SCHEMA: dict[str, set[str] | None] = {
    "site": {"name", "city", "phone", "url", "address", "region"},
    "keywords": {"targets", "synonyms"},
    "rules": None,
    "topics": None,
    "report": None,
}


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
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from None
    return config_from_dict(data, str(path))


def config_from_dict(data: dict[str, Any], path: str = "<config>") -> Config:
    for section, value in data.items():
        if section not in _SCHEMA:
            raise ConfigError(path, f"unknown section [{section}] (known: {', '.join(sorted(_SCHEMA))})")
        if not isinstance(value, dict):
            raise ConfigError(path, f"[{section}] must be a table")
        allowed = _SCHEMA[section]
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    raise ConfigError(path, f"unknown key '{key}' in [{section}] (known: {', '.join(sorted(allowed))})")
    site_raw = data.get("site", {})
    for key, value in site_raw.items():
        if not isinstance(value, str):
            raise ConfigError(path, f"[site] {key} must be a string")
    keywords = data.get("keywords", {})
    targets = keywords.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ConfigError(path, "[keywords] targets must be a list of strings")
    synonyms = keywords.get("synonyms", {})
    if not isinstance(synonyms, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in synonyms.values()
    ):
        raise ConfigError(path, "[keywords] synonyms must map a term to a list of strings")
    return Config(
        site=Site(**site_raw),
        targets=[t.strip() for t in targets if t.strip()],
        synonyms={k: list(v) for k, v in synonyms.items()},
        rules=dict(data.get("rules", {})),
        topics=dict(data.get("topics", {})),
        report=dict(data.get("report", {})),
        path=path,
    )
