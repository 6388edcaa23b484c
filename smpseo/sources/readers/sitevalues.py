"""What a post's template variables print, where the site's own files say it, so "Call us at {{ site.phone }}" reads
as the page does:

- Jekyll (a `_config.yml` in the post's folder or one above it): `site.X` from `_config.yml`, `page.X` from the
  post's front matter;
- Eleventy (a `_data` folder there, no `_config.yml`): `NAME.X` from each `_data/NAME.json` (`site.json`,
  `metadata.json`), and the post's front matter fields by their names (`{{ title }}`).

Only text, numbers and mappings of them are values (`site.author.name`); a variable whose value is not known stays
masked (`mask_templates`). The folders are looked up to the repository's root (a `.git` folder) or the filesystem's.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from smpseo.sources.readers.settingsfiles import settings_fields

JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")
_DEPTH = 3  # levels of nested mappings (site.author.name)


def template_values(path: str | None, meta: dict[str, Any]) -> dict[str, str]:
    """The variables a post at `path` (front matter `meta`) can print, by their names as a template writes them."""
    if not path:
        return {}
    found = generator_site(str(Path(path).parent.absolute()))
    if found is None:
        return {}
    kind, folder = found
    values: dict[str, str] = {}
    if kind == "jekyll":
        for name in JEKYLL_CONFIGS:
            _flatten(config_fields(os.path.join(folder, name)), "site", values)
        _flatten(meta, "page", values)
    else:
        data = os.path.join(folder, "_data")
        for name in sorted(os.listdir(data)) if os.path.isdir(data) else []:
            if name.endswith(".json"):
                _flatten(config_fields(os.path.join(data, name)), name[:-5], values)
        _flatten(meta, "", values)
    return values


@functools.lru_cache(maxsize=256)
def generator_site(folder: str) -> tuple[str, str] | None:
    """("jekyll" or "eleventy", the site's folder) for a post in `folder`; None when no folder above says."""
    here = Path(folder)
    for place in (here, *here.parents):
        if any((place / name).is_file() for name in JEKYLL_CONFIGS):
            return "jekyll", str(place)
        if (place / "_data").is_dir():
            return "eleventy", str(place)
        if (place / ".git").exists():
            return None
    return None


# The fields of a settings or data file (YAML, JSON or TOML, by its ending), read once a change of the file; {} when
# it is not there or not readable as a mapping (`settings_problem` says why)
config_fields = settings_fields


def _flatten(fields: dict[str, Any], prefix: str, into: dict[str, str], depth: int = 0) -> None:
    for key, value in fields.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict) and depth < _DEPTH:
            _flatten(value, name, into, depth + 1)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            into.setdefault(name, " ".join(str(value).split()))


__all__ = ["template_values"]
