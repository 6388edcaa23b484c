"""What a static-site generator's folder holds besides posts: its built site, templates and themes, a Jekyll site's
pages beside its `_posts`, and a Pelican site's pages (`content/pages`)."""

from __future__ import annotations

import re
from pathlib import Path

from smpseo.core.textfile import TooLarge, read_regular

# Folders that hold other things than posts, as linters leave them out: installed packages (whose READMEs are
# Markdown), Jekyll's and Eleventy's built site (an HTML copy of every post) and Jekyll's templates.
NOT_POSTS = frozenset({"node_modules", "__pycache__", "site-packages", "_site", "_layouts", "_includes", "_sass", "_data",
                       "_plugins"})
# A generator's settings file (and the folder of posts that must stand beside it, when the file's name is a common
# one) -> the folders beside it that are not posts: what it builds, an HTML copy of every post, and its templates,
# themes and static files.
GENERATOR_FOLDERS: tuple[tuple[tuple[str, ...], str | None, frozenset[str]], ...] = (
    (("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml"), "content",
     frozenset({"public", "resources", "layouts", "themes", "archetypes", "static", "assets", "data", "i18n"})),
    (("gatsby-config.js", "gatsby-config.mjs", "gatsby-config.ts"), None, frozenset({"public", "static"})),
    (("astro.config.mjs", "astro.config.js", "astro.config.ts"), None, frozenset({"dist", "public"})),
    (("docusaurus.config.js", "docusaurus.config.ts"), None, frozenset({"build", "static"})),
    (("next.config.js", "next.config.mjs", "next.config.ts"), None, frozenset({"out", "public"})),
    ((".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"), None, frozenset({"_site"})),
    (("pelicanconf.py",), None, frozenset({"output", "theme", "themes"})),
    (("conf.py",), "posts", frozenset({"output", "themes", "cache"})),  # Nikola
    (("mkdocs.yml", "mkdocs.yaml"), None, frozenset({"site"})),
)


def not_posts(top: str, names: list[str], dirs: list[str]) -> set[str]:
    """The folders of `dirs` (under `top`, beside the files `names`) that hold no posts: hidden ones, `NOT_POSTS`,
    a Python virtual environment, and what a generator whose settings file is in `names` builds or templates with."""
    import os

    out = {d for d in dirs if d.startswith(".") or d in NOT_POSTS or os.path.isfile(os.path.join(top, d, "pyvenv.cfg"))}
    for settings, beside, folders in GENERATOR_FOLDERS:
        if any(n in names for n in settings) and (beside is None or beside in dirs):
            out |= folders & set(dirs)
    return out


def is_jekyll_site(names: list[str], dirs: list[str]) -> bool:
    """A folder that is a Jekyll site: its settings (`_config.yml`) beside its `_posts` folder. Its posts are the
    files of `_posts`, `_drafts` and its collections (folders named with "_"); the other files (`index.md`,
    `about.md`, `blog/index.html`) are its pages, not posts."""
    return "_posts" in dirs and any(n in names for n in ("_config.yml", "_config.yaml", "_config.toml"))


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


def is_repository_file(name: str) -> bool:
    """Whether a file name is one of a repository's own files (`LICENSE.md`, `README.markdown`), not a post."""
    return Path(name).stem.lower().replace("-", "_") in REPOSITORY_FILES
