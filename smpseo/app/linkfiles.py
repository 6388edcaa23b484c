"""Whether a file a post's link names is on disk (`smpseo.analysis.links.OnDisk`), for SITE407: a link to a draft,
a page or a post not read is not broken. Answered generously, any file that may be the one meant counting: the path
as written from the post's folder or any folder above it, with a post's suffix or as a page bundle; or any post file
of the site (a Hugo site's `content`, a Jekyll or Eleventy site's folder; else the post's folder and the one above
it) with the name the link gives (`link_slug`). Each site's files are listed once per run."""

from __future__ import annotations

import os
from pathlib import Path

from smpseo.analysis.site import dated_name, link_slug
from smpseo.model.post import POST_SUFFIXES, Post
from smpseo.sources.readers.hugo import CONTENT, hugo_root
from smpseo.sources.readers.sitevalues import generator_site

MAX_FILES = 50_000  # past this many files under a folder, whatever it holds may be anything: nothing is said broken
_SKIPPED = {"node_modules", "public", "_site", "resources", "vendor", "__pycache__"}


class FilesNear:
    """`OnDisk` over the folders of the posts checked in one run."""

    def __init__(self) -> None:
        self.names: dict[str, set[str] | None] = {}

    def __call__(self, post: Post, path: str) -> bool:
        if not post.path:
            return True  # nowhere to look: it may be anywhere
        folder = Path(os.path.abspath(post.path)).parent
        written = path.lstrip("/")
        for base in (folder, *folder.parents):
            here = base / written
            if any(_there(c) for c in (here, *(here.with_name(here.name + s) for s in POST_SUFFIXES if here.name),
                                       here / "index.md", here / "_index.md", here / "index.html")):
                return True
        name = dated_name(path) or link_slug(path)  # "2024-05-01-old-post.md" is that file, not any "old-post"
        for root, deep in _roots(str(folder)):
            names = self._listed(root, deep)
            if names is None or name in names:
                return True
        return False

    def _listed(self, root: str, deep: bool) -> set[str] | None:
        key = f"{deep} {root}"
        if key not in self.names:
            self.names[key] = _names(root, deep)
        return self.names[key]


def _there(path: Path) -> bool:
    """Whether a file or folder is at `path`: one the system cannot look for (a name too long, a NUL in it) cannot
    be there; one it may not look at (no permission) may be."""
    try:
        return path.exists()
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False


def _roots(folder: str) -> list[tuple[str, bool]]:
    """The folders whose files may be what a post's link names, and whether their subfolders are too."""
    hugo = hugo_root(folder)
    if hugo is not None:
        return [(os.path.join(hugo, CONTENT), True)]
    site = generator_site(folder)
    if site is not None:
        return [(site[1], True)]
    return [(folder, True), (os.path.dirname(folder), False)]


def _names(root: str, deep: bool) -> set[str] | None:
    """The names (`link_slug`, and `dated_name` where the name has a date) of the post files under `root` (in it alone, unless `deep`); None past MAX_FILES."""
    names: set[str] = set()
    seen = 0
    for here, folders, files in os.walk(root):
        folders[:] = [f for f in folders if deep and not f.startswith(".") and f not in _SKIPPED]
        seen += len(files) + len(folders)
        if seen > MAX_FILES:
            return None
        for name in [*(f for f in files if f.lower().endswith(POST_SUFFIXES)), *folders]:
            names.update((link_slug(os.path.join(here, name)), dated_name(name)))
    names.discard("")
    return names
