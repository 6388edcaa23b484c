"""What a Hugo site's settings say about its content: which sections hold its posts (the rest, and the files at the
top of `content/`, are its pages: About, Contact), and its language (a `name.LANG.md` in another is a translation).

A Hugo site is a folder with Hugo's settings (`hugo.toml`, `config.toml` ..., or its configuration folder
`config/_default/`) beside its `content` folder. Its posts are the sections `params.mainSections` names, as Hugo's own themes list them; without it, Hugo takes the section
with the most pages, and so does smpseo.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from smpseo.core.language_codes import ENGLISH, file_language, language_of
from smpseo.core.textfile import TooLarge, read_regular
from smpseo.sources.readers.settingsfiles import settings_fields

SETTINGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
            "config.json")
CONTENT = "content"
# Hugo's configuration folder: the settings of every build, then those of `hugo`'s own build (production), each
# merged over what came before (the root settings file first)
CONFIG_FOLDERS = (os.path.join("config", "_default"), os.path.join("config", "production"))
SUFFIXES = (".toml", ".yaml", ".yml", ".json")
POST_TYPES = ("post", "posts")  # front matter `type: post` makes a page a post, as it chooses Hugo's post template
_TYPE = re.compile(r"""^\s*type\s*[:=]\s*["']?([\w-]+)["']?\s*$""", re.M)


@dataclass(frozen=True)
class HugoSite:
    content: str  # the content folder, absolute
    sections: frozenset[str]  # the sections that hold posts
    language: str  # the language of the files whose names carry none (`defaultContentLanguage`)


def hugo_site(root: str | Path, names: list[str] | None = None) -> HugoSite | None:
    """The Hugo site whose settings are in `root` (`names`: the files there, when already listed), or None."""
    content = os.path.join(os.path.abspath(root), CONTENT)
    if not has_settings(root, names) or not os.path.isdir(content):
        return None
    data = site_settings(root)
    params = data.get("params") if isinstance(data.get("params"), dict) else {}
    main = params.get("mainSections", params.get("mainsections", data.get("mainSections")))
    sections = [main] if isinstance(main, str) else [s for s in main if isinstance(s, str)] \
        if isinstance(main, list) else []
    language = language_of(data.get("defaultContentLanguage", data.get("defaultcontentlanguage"))) or ENGLISH
    return HugoSite(content, frozenset(sections or _largest_section(content)), language)


def hugo_site_above(folder: str | Path) -> HugoSite | None:
    """The Hugo site a folder given for posts is part of (`content/`, `content/posts`), or None."""
    root = site_root_above(folder)
    return hugo_site(root) if root is not None else None


def site_root_above(folder: str | Path) -> Path | None:
    """The folder whose `content` holds `folder` (a Hugo site's, if its settings are there), or None."""
    parts = Path(os.path.abspath(folder)).parts
    # the innermost `content` of the path (the folder itself or one above it), under a folder that has a name
    at = next((i for i in range(len(parts) - 1, 1, -1) if parts[i] == CONTENT), None)
    return Path(*parts[:at]) if at is not None else None


@functools.lru_cache(maxsize=256)
def hugo_root(folder: str) -> str | None:
    """The folder of the Hugo site whose `content` holds `folder` (its settings beside that `content`), or None."""
    root = site_root_above(folder)
    return str(root) if root is not None and has_settings(root) else None


def in_hugo_site(path: str | Path) -> bool:
    """Whether a file is in the `content` folder of a Hugo site (its settings beside that folder)."""
    return hugo_root(os.path.dirname(os.path.abspath(path))) is not None


def site_of(sites: list[HugoSite], folder: str) -> HugoSite | None:
    """The site of `sites` whose content `folder` is in (the innermost, the last found), or None."""
    folder = os.path.abspath(folder)
    return next((s for s in reversed(sites) if folder == s.content or folder.startswith(s.content + os.sep)), None)


def is_page(site: HugoSite, path: str | Path) -> bool:
    """Whether a content file of `site` is one of its pages: at the top of `content/`, or in a section that holds
    no posts, unless its front matter says `type: post`."""
    parts = Path(os.path.relpath(os.path.abspath(path), site.content)).parts
    if len(parts) > 1 and parts[0] in site.sections or Path(path).stem == "_index":  # a list page: `not_a_post`
        return False
    try:
        head = read_regular(path, limit=1024 * 1024)[:4096].decode("utf-8", "replace")
    except (OSError, TooLarge):
        return True
    said = _TYPE.search(head)
    return not (said and said.group(1).lower() in POST_TYPES)


def has_settings(root: str | Path, names: list[str] | None = None) -> bool:
    """Whether `root` holds a Hugo site's settings: a settings file (`names`: its files, when already listed) or the
    configuration folder `config/_default`."""
    names = names if names is not None else (os.listdir(root) if os.path.isdir(root) else [])
    return any(n in names for n in SETTINGS) or os.path.isdir(os.path.join(root, CONFIG_FOLDERS[0]))


def site_settings(root: str | Path) -> dict:
    """The settings of the Hugo site in `root` as `hugo` merges them for a build: the settings file (`hugo.toml`
    before `config.toml`), then each file of `config/_default/` and `config/production/`, a `hugo.*` or `config.*`
    whole and any other `NAME.*` as the table NAME (`params.toml`, `permalinks.toml`); a later value wins, tables
    merged key by key. A file for one language (`menus.en.toml`) is left out."""
    found = next((n for n in SETTINGS if os.path.isfile(os.path.join(root, n))), None)
    merged = dict(_settings_file(os.path.join(root, found))) if found else {}
    for folder in CONFIG_FOLDERS:
        try:
            names = sorted(n for n in os.listdir(os.path.join(root, folder)) if n.endswith(SUFFIXES))
        except OSError:
            continue
        for name in names:
            stem = name.rsplit(".", 1)[0]
            if "." in stem:  # menus.en.toml: one language's
                continue
            data = _settings_file(os.path.join(root, folder, name))
            _merge(merged, data if stem in ("hugo", "config") else {stem.lower(): data})
    return merged




def _merge(into: dict, data: dict, depth: int = 0) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict) and depth < 8:
            into[key] = dict(into[key])
            _merge(into[key], value, depth + 1)
        else:
            into[key] = value


def _largest_section(content: str) -> list[str]:
    """The section (a folder of `content`) holding the most files, as Hugo's default `mainSections`."""
    counts = {}
    try:
        sections = [e.name for e in os.scandir(content) if e.is_dir() and not e.name.startswith(".")]
    except OSError:
        return []
    for section in sections:
        counts[section] = sum(len(files) for _, _, files in os.walk(os.path.join(content, section)))
    return [max(sorted(counts), key=counts.get)] if counts else []


def hugo_settings(path: Path) -> dict:
    """The site's settings as data ({} when they cannot be read: the site is then read with Hugo's defaults, and
    `settings_problem` says why)."""
    return settings_fields(str(path))


_settings_file = settings_fields  # a settings file's data, read once a change of the file


def translation_language(name: str, language: str = ENGLISH) -> str:
    """The language of a file whose name carries one before its ending (Hugo's `pain.fr.md`, `index.pt-br.md`) when
    it is not `language`, the site's; "" for any other file (`pain.md`, `faq.en.md` on an English site, `v2.md`)."""
    said = language_of(file_language(name))
    return said if said and said != language else ""
