"""The post files a folder holds: the folder walked (however deep, following linked folders but never a loop), and
what it holds besides posts left out, each kind said in one line."""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import smpseo.sources.readers.hugo as hugo
import smpseo.sources.readers.obsidian as obsidian
import smpseo.sources.readers.sites as sites
from smpseo.core.paths import file_suffix
from smpseo.core.text import counted
from smpseo.model.post import POST_SUFFIXES, ReadError
from smpseo.sources.readers.copies import copy_note, copy_of
from smpseo.sources.readers.settingsfiles import settings_problem

# Posts in formats of other generators that smpseo does not read: a folder's are counted in one warning, not
# passed over in silence (Hugo also renders AsciiDoc, Org and Pandoc; Quarto and R Markdown have their own).
UNREAD_POSTS = {".adoc": "AsciiDoc", ".asciidoc": "AsciiDoc", ".org": "Org",
                ".textile": "Textile", ".qmd": "Quarto", ".rmd": "R Markdown", ".pdc": "Pandoc"}
# A word processor's documents: drafts as often as not, said in one line, as no post is read from them. (A name
# that starts with "~$" is the lock file Word keeps beside a document it has open: never said.)
DOCUMENTS = frozenset({".docx", ".doc", ".odt", ".rtf", ".pages"})


def walk(folder: str | Path, onerror: Callable[[OSError], None], loops: list[str]) -> Iterator[tuple[str, list, list]]:
    """`os.walk(folder)` top-down, without recursion (a folder nested thousands deep is walked as any other), and
    following linked folders as linked files are followed: a link's folder is walked where the link is. A link that
    leads back to a folder of the walk (`.`, `..`, a folder above) or to one walked already is not followed: its
    path goes to `loops`. As with `os.walk`, the caller may prune the folders (`dirs`) it is given."""
    seen = {_identity(folder)}
    stack = [str(folder)]
    while stack:
        top = stack.pop()
        try:
            with os.scandir(top) as entries:
                listed = list(entries)
        except OSError as exc:
            onerror(exc)
            continue
        dirs, names, links = [], [], set()
        for entry in listed:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else names).append(entry.name)
            if is_dir and entry.is_symlink():
                links.add(entry.name)
        yield top, dirs, names
        above = os.path.realpath(top) if links else ""
        for name in reversed(dirs):  # popped in the order given
            path = os.path.join(top, name)
            place = _identity(path)
            if name in links:
                real = os.path.realpath(path)
                if place in seen or place is None or os.path.commonpath([real, above]) == real:
                    loops.append(path)
                    continue
            elif place in seen:
                continue
            seen.add(place)
            stack.append(path)


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def folder_posts(folder: Path, errors: list[ReadError], others: list[Path] | None = None) -> list[Path]:
    """The post files under `folder`, hidden files and folders left out, and folders that hold no posts (`NOT_POSTS`,
    a Python virtual environment, a generator's built site and templates: `GENERATOR_FOLDERS`); the problems met on
    the way to `errors`, and the other files it holds (an export or a dump, read only when named; an image) to
    `others`."""
    found: list[Path] = []
    unread: Counter = Counter()
    repository: list[Path] = []  # README.md, LICENSE.md ...: a repository's files, not posts
    translations: list[Path] = []  # pain.fr.md beside pain.md: the same post in another language
    site_pages: list[Path] = []  # a Hugo site's About and Contact pages
    vault_notes: list[Path] = []  # an Obsidian vault's daily notes and templates
    documents: list[str] = []  # draft.docx: a word processor's
    loops: list[str] = []  # linked folders not followed
    above = hugo.hugo_site_above(folder)
    hugo_sites: list[hugo.HugoSite] = [above] if above else []
    vault = obsidian.vault_above(folder)
    vaults: list[obsidian.Vault] = [obsidian.Vault(vault)] if vault else []

    def unreadable(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or str(folder), f"folder not read: {exc.strerror or exc}"))

    pages = sites.pelican_pages(folder.parent)  # `content/` given, beside the site's settings: its `pages/` are not posts
    reports: list[str] = []  # the folders of smpseo's own reports: never its posts
    settings = sites.settings_files_above(folder)  # the sites' settings files read for the posts
    for top, dirs, names in walk(folder, unreadable, loops):
        if sites.is_reports_folder(top, names, dirs):
            reports.append(top)
            dirs[:] = []
            continue
        settings += sites.settings_files(top, names, dirs)
        site = hugo.hugo_site(top, names) if "content" in dirs else None
        if site is not None:
            hugo_sites.append(site)
        if obsidian.SETTINGS in dirs and not any(v.root == os.path.abspath(top) for v in vaults):
            vaults.append(obsidian.Vault(top))
        if "pelicanconf.py" in names:
            pages |= sites.pelican_pages(Path(top))
        left = sites.not_posts(top, names, dirs)
        left |= {d for d in dirs if pages and os.path.abspath(os.path.join(top, d)) in pages}
        held = sites.post_folders(top, names, dirs)  # a Jekyll or Hexo site: its posts are in those, the rest are pages
        dirs[:] = sorted(d for d in dirs if d not in left and (held is None or d in held))
        for name in names if held is None else ():
            path = Path(top) / name
            suffix = file_suffix(name)  # "post.md " and "post.md." are Markdown posts, said as misnamed when read
            if name.startswith(".") or suffix not in POST_SUFFIXES:
                if not name.startswith(".") and suffix in UNREAD_POSTS:
                    unread[f"{UNREAD_POSTS[suffix]} ({suffix}, "] += 1
                elif suffix in DOCUMENTS and not name.startswith((".", "~$")):
                    documents.append(name)
                elif others is not None and not name.startswith("."):
                    others.append(path)
                continue
            try:
                mode = path.stat().st_mode
            except FileNotFoundError:
                errors.append(ReadError(str(path), "broken symbolic link (its target is missing); skipped"))
                continue
            except OSError as exc:
                errors.append(ReadError(str(path), f"{exc.strerror or exc}; skipped"))
                continue
            site = hugo.site_of(hugo_sites, top)
            if stat.S_ISREG(mode) and sites.is_repository_file(path):
                repository.append(path)
            elif stat.S_ISREG(mode) and hugo.translation_language(name, site.language if site else hugo.ENGLISH):
                translations.append(path)
            elif stat.S_ISREG(mode) and site is not None and hugo.is_page(site, path):
                site_pages.append(path)
            elif stat.S_ISREG(mode) and any(v.holds(top) and v.is_aside(path) for v in vaults):
                vault_notes.append(path)
            elif stat.S_ISREG(mode) and (original := copy_of(name, set(names))):  # pain (1).md beside pain.md
                errors.append(ReadError(str(path), copy_note(path, original), severity="info"))
            elif stat.S_ISREG(mode):
                found.append(path)
            elif not stat.S_ISDIR(mode):
                errors.append(ReadError(str(path), "not a regular file (a FIFO, socket or device); skipped"))
    settings_problems(settings, errors)
    if unread:
        kinds = ", ".join(f"{kind}{n})" for kind, n in sorted(unread.items()))
        errors.append(ReadError(str(folder), f"{counted(sum(unread.values()), 'post')} left out: smpseo does not read "
                                             f"{kinds}; save as Markdown or HTML to check", severity="warning"))
    if documents:
        errors.append(ReadError(str(folder), f"{counted(len(documents), 'word-processor document')} not read "
                                             f"({_some(documents)}): save one as a web page (.html) or as Markdown to "
                                             "check it", severity="info"))
    if reports:
        errors.append(ReadError(str(folder), f"{counted(len(reports), 'folder')} of smpseo's own reports left out "
                                             f"({_some(reports)}): name a report to check it", severity="info"))
    if loops:
        errors.append(ReadError(str(folder), f"{counted(len(loops), 'linked folder')} not followed ({_some(loops)}): "
                                             "each leads to a folder read already or holding it", severity="info"))
    if site_pages and not found:  # a site of pages only: what was asked for is read
        found, site_pages = site_pages, []
    if vault_notes:
        errors.append(ReadError(str(folder), f"{counted(len(vault_notes), 'note')} of an Obsidian vault left out, its "
                                             f"daily notes and templates ({_some([p.name for p in vault_notes])}): "
                                             "name one to check it", severity="info"))
    for aside, noun in ((translations, "translation"), (site_pages, "site page")):  # pain.fr.md; about.md
        shown = ", ".join(path.name for path in sorted(aside)[:3]) + (", ..." if len(aside) > 3 else "")
        errors.extend([ReadError(str(folder), f"{counted(len(aside), noun)} left out ({shown}): name one to check it",
                                 severity="info")] if aside else [])
    if repository and not found:  # a folder of nothing else (a package's README): what was asked for is read
        return repository
    if repository:
        names = sorted({path.name for path in repository})
        errors.append(ReadError(str(folder), f"{counted(len(repository), 'file')} a repository keeps beside its posts "
                                             f"left out ({_some(names)}): name one to check it", severity="info"))
    return found


def settings_problems(paths: list[str], errors: list[ReadError]) -> None:
    """A line in `errors` for each of the settings files `paths` that cannot be read (`settings_problem`), each
    file once however many paths given are in its site."""
    import dataclasses

    try:
        here = os.getcwd()
    except OSError:  # the current folder deleted: paths given in full are still read
        here = os.sep + "\0"
    for path in dict.fromkeys(p if os.path.isabs(p) else os.path.join(here, p) for p in paths):
        problem = settings_problem(path)
        if problem is None:
            continue
        # named as the posts are: from the current folder when it is under it
        shown = os.path.relpath(path) if path.startswith(here + os.sep) else path
        problem = dataclasses.replace(problem, path=shown)
        if problem not in errors:
            errors.append(problem)


def _some(items: list[str]) -> str:
    """The first three of `items` (sorted), and "..." when there are more."""
    return ", ".join(sorted(items)[:3]) + (", ..." if len(items) > 3 else "")
