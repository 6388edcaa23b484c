"""Settings: the site's facts, its target keywords, and per-rule settings, as `smpseo.toml` holds them.

Unknown keys are errors (a typo must not silently switch a setting off). Finding and reading the file is the
application's work (`smpseo.app.settings`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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


def parse_config(text: str, path: str = "<config>") -> Config:
    """A Config from the text of a `smpseo.toml`. Raises ConfigError naming `path` for bad TOML or settings."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}") from None
    return config_from_dict(data, path)


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
