"""What a static-site generator's folder holds besides posts: its built site, templates and themes, a Jekyll site's
pages beside its `_posts`, a Pelican site's pages (`content/pages`), a Nikola site's (`pages/` beside `posts/`), and the reports smpseo itself writes there."""

from __future__ import annotations

import re
from pathlib import Path

import smpseo.sources.readers.hugo as hugo
from smpseo.core.textfile import TooLarge, read_regular
from smpseo.sources.readers.hugo import CONFIG_FOLDERS
from smpseo.sources.readers.hugo import SETTINGS as HUGO_SETTINGS

# Folders that hold other things than posts, as linters leave them out: installed packages (whose READMEs are
# Markdown), Jekyll's and Eleventy's built site (an HTML copy of every post) and Jekyll's templates.
NOT_POSTS = frozenset({"node_modules", "__pycache__", "site-packages", "_site", "_layouts", "_includes", "_sass", "_data",
                       "_plugins"})
# A generator's settings files or folder (a name ending in "/"), and the folder of posts that must stand beside them
# when a file's name is a common one -> the folders beside them that are not posts: what it builds, an HTML copy of
# every post, and its templates, themes and static files.
GENERATOR_FOLDERS: tuple[tuple[tuple[str, ...], str | None, frozenset[str]], ...] = (
    ((*HUGO_SETTINGS, CONFIG_FOLDERS[0] + "/"), "content",
     frozenset({"public", "resources", "layouts", "themes", "archetypes", "static", "assets", "data", "i18n"})),
    (("gatsby-config.js", "gatsby-config.mjs", "gatsby-config.ts"), None, frozenset({"public", "static"})),
    (("astro.config.mjs", "astro.config.js", "astro.config.ts"), None, frozenset({"dist", "public"})),
    (("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"), None,
     frozenset({"build", "static", "src"})),  # `src/pages` are pages, the rest of `src` its components
    (("next.config.js", "next.config.mjs", "next.config.ts"), None, frozenset({"out", "public"})),
    ((".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"), None, frozenset({"_site"})),
    (("pelicanconf.py",), None, frozenset({"output", "theme", "themes"})),
    (("conf.py",), "posts", frozenset({"output", "themes", "cache", "pages"})),  # Nikola: its pages beside its posts
    (("mkdocs.yml", "mkdocs.yaml"), None, frozenset({"site"})),
)


def not_posts(top: str, names: list[str], dirs: list[str]) -> set[str]:
    """The folders of `dirs` (under `top`, beside the files `names`) that hold no posts: hidden ones, `NOT_POSTS`,
    a Python virtual environment, and what a generator whose settings file is in `names` builds or templates with."""
    import os

    out = {d for d in dirs if d.startswith(".") or d in NOT_POSTS or os.path.isfile(os.path.join(top, d, "pyvenv.cfg"))}
    for settings, beside, folders in GENERATOR_FOLDERS:
        if any(n in names or n.endswith("/") and os.path.isdir(os.path.join(top, n)) for n in settings) \
                and (beside is None or beside in dirs):
            out |= folders & set(dirs)
    return out


MONTH_FOLDER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
REPORT_NAME = "monthly_report"  # the monthly report's file names, `monthly_report.html` and `.ipynb`
SUMMARY_NAME = "summary.json"  # what the report keeps of a month, beside the report


def is_reports_folder(top: str, names: list[str], dirs: list[str]) -> bool:
    """Whether the folder `top` (holding the files `names` and folders `dirs`) is what `smpseo report monthly`
    writes: a month's folder (`2026-10/`: `summary.json` beside `monthly_report.html`), or the reports folder
    that holds such months (and its `index.html`). Known by its files, reports written before they carried
    smpseo's mark among them."""
    import os

    if SUMMARY_NAME in names and any(Path(n).stem == REPORT_NAME for n in names):
        return True
    return any(MONTH_FOLDER.match(d) and os.path.isfile(os.path.join(top, d, SUMMARY_NAME)) for d in dirs)


# The settings files that make a folder a site's own (the folder a clinic's blog is kept in), not a folder of posts.
SITE_SETTINGS = ("smpseo.toml", "_config.yml", "_config.yaml", "_config.toml",
                 *(name for settings, _, _ in GENERATOR_FOLDERS for name in settings))


def is_site_folder(folder: str | Path) -> bool:
    """Whether `folder` is a site's own folder (its smpseo or generator settings are there), where smpseo's
    `reports/` can stand beside the content (a folder walk leaves them out: `is_reports_folder`), rather than a
    folder of posts that a generator would publish with everything in it."""
    return any((Path(folder) / name).is_dir() if name.endswith("/") else (Path(folder) / name).is_file()
               for name in SITE_SETTINGS)


JEKYLL_SETTINGS = ("_config.yml", "_config.yaml", "_config.toml")  # Hexo's settings have the same name
HEXO_POSTS = ("_posts", "_drafts")
_HEXO_SOURCE = re.compile(r"^source_dir:[ \t]*['\"]?([^'\"\s#]+)", re.M)


def is_jekyll_site(names: list[str], dirs: list[str]) -> bool:
    """A folder that is a Jekyll site: its settings (`_config.yml`) beside its `_posts` folder. Its posts are the
    files of `_posts`, `_drafts` and its collections (folders named with "_"); the other files (`index.md`,
    `about.md`, `blog/index.html`) are its pages, not posts."""
    return "_posts" in dirs and any(n in names for n in JEKYLL_SETTINGS)


def post_folders(top: str, names: list[str], dirs: list[str]) -> list[str] | None:
    """When the folder `top` (holding the files `names` and folders `dirs`) is a site whose posts are in some of its
    folders only, those folders, the files beside them being pages; None for another folder. A Jekyll site's are
    its folders named with "_" (`is_jekyll_site`); a Hexo site's (its `_config.yml` beside its source folder,
    `source/` or the `source_dir` it sets, holding `_posts`) its source folder, and in that `_posts` and `_drafts`
    (its drafts): `source/about/index.md` is a page."""
    import os

    if is_jekyll_site(names, dirs):
        return [d for d in dirs if d.startswith("_")]
    settings = next((n for n in JEKYLL_SETTINGS if n in names), None)
    if settings is not None:
        source = _hexo_source(os.path.join(top, settings))
        return [source] if source in dirs and os.path.isdir(os.path.join(top, source, "_posts")) else None
    if "_posts" not in dirs:
        return None
    above = os.path.dirname(os.path.abspath(top))
    settings = next((n for n in JEKYLL_SETTINGS if os.path.isfile(os.path.join(above, n))), None)
    if settings and _hexo_source(os.path.join(above, settings)) == os.path.basename(os.path.abspath(top)):
        return [d for d in dirs if d in HEXO_POSTS]
    return None


def _hexo_source(settings: str) -> str:
    """The source folder a Hexo site's settings file names (`source_dir`), `source` by default."""
    try:
        text = read_regular(settings, limit=1024 * 1024).decode("utf-8", "replace")
    except (OSError, TooLarge):
        return "source"
    found = _HEXO_SOURCE.search(text)
    return found.group(1).strip("/") if found else "source"


_PELICAN_PATH = re.compile(r"^PATH\s*=\s*['\"]([^'\"]*)['\"]", re.M)
_PELICAN_PAGE_PATHS = re.compile(r"^PAGE_PATHS\s*=\s*[\[(]([^\])]*)[\])]", re.M)


def pelican_pages(root: Path) -> set[str]:
    """The folders of a Pelican site's pages (About, Contact), not its articles: `PAGE_PATHS` (["pages"]) under its
    content folder `PATH`, as `pelicanconf.py` in `root` sets them; absolute paths, none when `root` has no such
    file."""
    import os

    try:
        settings = read_regular(root / "pelicanconf.py", limit=1024 * 1024).decode("utf-8", "replace")
    except (OSError, TooLarge):
        return set()
    path = _PELICAN_PATH.search(settings)
    listed = _PELICAN_PAGE_PATHS.search(settings)
    pages = re.findall(r"['\"]([^'\"]+)['\"]", listed.group(1)) if listed else ["pages"]
    # Without PATH, the content folder is the one `pelican` is given: the quickstart's `content`, else the site's own
    contents = [path.group(1)] if path else [".", "content"]
    return {os.path.abspath(root / content / page) for content in contents for page in pages}


# The files a repository keeps beside its posts (a blog kept in git): its readme, licence, change log and guides for
# contributors. A folder read for posts leaves them out; named on their own, they are read.
REPOSITORY_FILES = frozenset({"readme", "license", "licence", "copying", "notice", "changelog", "changes", "history",
                              "contributing", "code_of_conduct", "security", "authors", "maintainers", "support"})
# Those of them whose names are also a post's ("The history of SMP", "Support after treatment"): such a file is a
# post when its front matter gives a title, as a repository's own file has none.
POST_WORDS = frozenset({"notice", "changes", "history", "security", "authors", "support"})
HEAD_BYTES = 64 * 1024  # what is read of such a file to find its front matter


def is_repository_file(path: str | Path) -> bool:
    """Whether a file is one of a repository's own files (`LICENSE.md`, `README.markdown`, `HISTORY.md` without
    front matter), not a post."""
    path = Path(path)
    name = path.stem.lower().replace("-", "_")
    return name in REPOSITORY_FILES and (name not in POST_WORDS or not _titled(path))


# A title among the fields a file opens with: in `---` (YAML) or `+++` (TOML) front matter, or Pelican's `Title:`
# on the first line.
_FENCED_TITLE = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(?:(?!\1[ \t]*\r?\n).*\r?\n)*?"
                           r"[\"']?title[\"']?[ \t]*[:=][ \t]*\S", re.I)
_PELICAN_TITLE = re.compile(r"\A(?:\ufeff)?title[ \t]*:[ \t]*\S", re.I)


def _titled(path: Path) -> bool:
    """Whether the file opens with front matter that gives a title."""
    try:
        with open(path, "rb") as file:
            head = file.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:  # read as the repository's: named, the reader says what is wrong with it
        return False
    return bool(_FENCED_TITLE.match(head) or _PELICAN_TITLE.match(head))


def settings_files(top: str, names: list[str], dirs: list[str]) -> list[str]:
    """The site settings files in the folder `top` (holding the files `names` and folders `dirs`) that the readers
    read: a Jekyll site's `_config.yml`, else an Eleventy site's `_data/*.json`; a Hugo site's settings file and
    its configuration folder's files (beside its `content`); an Obsidian vault's settings (`.obsidian/*.json`)."""
    import os

    from smpseo.sources.readers.obsidian import SETTINGS as VAULT
    from smpseo.sources.readers.obsidian import setting_paths
    from smpseo.sources.readers.sitevalues import JEKYLL_CONFIGS

    found = [os.path.join(top, n) for n in JEKYLL_CONFIGS if n in names]
    if not found and "_data" in dirs:
        found += _listed(os.path.join(top, "_data"), (".json",))
    if hugo.CONTENT in dirs and hugo.has_settings(top, names):
        found += [os.path.join(top, n) for n in HUGO_SETTINGS if n in names][:1]  # the first is the one read
        for folder in CONFIG_FOLDERS:
            found += [p for p in _listed(os.path.join(top, folder), hugo.SUFFIXES) if "." not in Path(p).stem]
    if VAULT in dirs:  # the settings read, and the vault's others (app.json ...): Obsidian itself drops a broken one
        found += [p for p in dict.fromkeys([*_listed(os.path.join(top, VAULT), (".json",)), *setting_paths(top)])
                  if os.path.isfile(p)]
    return found


def settings_files_above(folder: str | Path) -> list[str]:
    """The site settings files read for the posts in `folder` from the sites it is part of: a Jekyll or Eleventy
    site, a Hugo site or an Obsidian vault whose folder is `folder` or one above it."""
    import os

    from smpseo.sources.readers.obsidian import vault_above
    from smpseo.sources.readers.sitevalues import generator_site

    roots = [found[1] for found in [generator_site(os.path.abspath(folder))] if found]
    roots += [root for root in (hugo.hugo_root(os.path.abspath(folder)), vault_above(folder)) if root]
    out: list[str] = []
    for root in dict.fromkeys(roots):
        try:
            entries = list(os.scandir(root))
        except OSError:
            continue
        dirs = [e.name for e in entries if e.is_dir()]
        out += settings_files(root, [e.name for e in entries if e.name not in dirs], dirs)
    return out


def _listed(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    import os

    try:
        return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(suffixes)]
    except OSError:
        return []
