"""Readers: files and pages in, `Post`s out. The reader is chosen by the file's type.

    >>> corpus = load_posts("posts/")          # a Corpus: a list of Posts with .errors
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from smpseo.core.budget import BudgetExceeded, time_budget
from smpseo.core.paths import file_suffix, name_as_meant
from smpseo.core.text import clean_text, counted, told_apart
from smpseo.core.textfile import TooLarge, read_regular
from smpseo.model.post import POST_SUFFIXES, Corpus, Post, ReadError
from smpseo.sources.readers.decode import SourceError, decode
from smpseo.sources.readers.folders import DOCUMENTS, folder_posts, settings_problems
from smpseo.sources.readers.sites import settings_files_above

# suffix -> (format name, module, function). Each function takes (text, path) and returns a list of Posts.
READERS: dict[str, tuple[str, str, str]] = {
    ".md": ("markdown", "markdown", "read_markdown"),
    ".markdown": ("markdown", "markdown", "read_markdown"),
    **{ext: ("markdown", "markdown", "read_markdown") for ext in (".mkdown", ".mkdn", ".mkd", ".mdown")},  # Jekyll's
    ".mdx": ("markdown", "mdx", "read_mdx"),
    ".rst": ("rst", "rst", "read_rst"),
    ".html": ("html", "html", "read_html"),
    ".htm": ("html", "html", "read_html"),
    ".xml": ("wxr", "wxr", "read_wxr"),  # a WordPress export, or an RSS or Atom feed (a Blogger export)
    ".rss": ("feed", "wxr", "read_wxr"),
    ".atom": ("feed", "wxr", "read_wxr"),
    ".json": ("ghost", "ghost", "read_ghost"),  # Ghost's export
    ".txt": ("text", "textdump", "read_textdump"),
}
# Archives a blog's export comes packed in: what is said of one given as posts, or found in a folder of no posts.
ARCHIVES = {".zip": "a ZIP archive", ".tgz": "a tar archive", ".tar": "a tar archive", ".gz": "a gzip archive",
            ".7z": "a 7-Zip archive", ".rar": "a RAR archive"}
# What a folder is searched for: posts, not the exports and dumps they were imported from.
FOLDER_SUFFIXES = POST_SUFFIXES
# The name of a post given as text with no file name (`smpseo check -` reading standard input without
# --stdin-filename): it is read as Markdown, and findings name it so.
NO_NAME = "-"


def _suffix(path: str | Path) -> str:
    """The file ending that chooses the reader: a post with no name (`NO_NAME`) is Markdown."""
    return ".md" if str(path) == NO_NAME else file_suffix(path)  # "post.md " is read as "post.md"


def reader_for(path: str | Path) -> Callable[[str, str], list[Post]]:
    suffix = _suffix(path)
    if suffix in ARCHIVES:
        raise SourceError(str(path), f"{ARCHIVES[suffix]}: unpack it and give its folder (Notion, WordPress.com and other "
                                     "blogs export their posts packed so)")
    if suffix in DOCUMENTS:
        raise SourceError(str(path), "a word processor's document: save it as a web page (.html) or as Markdown to "
                                     "check it")
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise SourceError(str(path), f"unknown file type '{suffix or '(none)'}' (known: {known})")
    _, module, func = READERS[suffix]
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def iter_sources(paths: Iterable[str | Path], errors: list[ReadError]) -> list[Path]:
    """Expand folders into the post files they hold (sorted), each file once; missing paths become errors. What a
    folder holds that cannot be a post (a FIFO, a socket, a broken link, an unreadable subfolder, a path past the
    system's limit) is one error line each and is skipped: it never blocks or stops the run."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:  # a path longer than the system allows, a loop of links
            errors.append(ReadError(str(path), exc.strerror or str(exc)))
            continue
        if is_dir:
            others: list[Path] = []
            found = sorted(folder_posts(path, errors, others))
            named = [other for other in others if other.suffix.lower() in READERS]
            if not found and not any(e.path.startswith(str(path)) and e.severity == "error" for e in errors):
                # an export or a dump is read when it is named, never found in a folder (a folder's .xml and .json
                # files are sitemaps and settings as often as posts): say so when one is there
                hint = f"; {min(named)} is read when named, as an export or a dump" if named else ""
                packed = sorted(other for other in others if other.suffix.lower() in ARCHIVES)
                hint += f"; {packed[0]} is {ARCHIVES[packed[0].suffix.lower()]}: unpack it to check the posts it " \
                        "holds" if packed else ""
                errors.append(ReadError(str(path), f"folder holds no posts (.md, .markdown, .mdx, .rst, .html){hint}"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
            settings_problems(settings_files_above(path.parent), errors)  # its site's settings, as a folder's
        elif path.is_symlink():
            try:
                path.stat()
                why = "not a regular file (a FIFO, socket or device); skipped"
            except FileNotFoundError:
                why = "broken symbolic link (its target is missing)"
            except OSError as exc:  # a loop of links
                why = exc.strerror or str(exc)
            errors.append(ReadError(str(path), why))
        elif path.exists():
            errors.append(ReadError(str(path), "not a regular file (a FIFO, socket or device); skipped"))
        else:  # named as given ("posts-old/"), as the command names it
            errors.append(ReadError(raw if isinstance(raw, str) else str(path), "no such file or folder"))
    return _once(files)


def _once(files: list[Path]) -> list[Path]:
    """Each file once, where it was first found: a folder and a post in it given together (`posts/ posts/new.md`)
    or through a link are one post, not two with the same slug."""
    import os

    seen: set[str] = set()
    out = []
    for path in files:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            out.append(path)
    return out


READ_SECONDS = 20.0  # one file's reading budget: a 5 MB post reads in 1 s; a file that takes 20 is pathological
MAX_SOURCE_BYTES = 256 * 1024 * 1024  # far past any post or export; a file this big is a mistake, not a blog


def read_bytes(path: str | Path) -> bytes:
    """A source file's bytes. Raises SourceError when it cannot be read or is too large to be posts."""
    try:
        return read_regular(path, MAX_SOURCE_BYTES)
    except TooLarge as exc:
        raise _too_large_to_be_posts(exc) from None
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or str(exc)) from None


def too_large(path: str | Path, size: int) -> None:
    """Raise SourceError for a source of `size` bytes, too large to be posts (a file, or text given in its place)."""
    if size > MAX_SOURCE_BYTES:
        raise _too_large_to_be_posts(TooLarge(path, size, MAX_SOURCE_BYTES))


def _too_large_to_be_posts(exc: TooLarge) -> SourceError:
    return SourceError(exc.filename, f"file too large to be posts ({exc.said})")


# A page break (form feed) on a line of its own separates the posts of a plain-text dump, as a "* * *" line does;
# cleaned text reads a form feed as a space, so it is turned into that separator first, on the same line.
_PAGE_BREAK = re.compile(r"^[ \t]*[\f\v]+[ \t]*$", re.MULTILINE)


def read_text(path: str | Path) -> tuple[str, list[str]]:
    return decode(read_bytes(path), str(path))


def read_file(path: str | Path, data: bytes | None = None) -> list[Post]:
    """Read one file into its posts (a dump or an export holds several). Raises SourceError. `data`: the file's
    bytes, when the caller has read them already."""
    if data is None and not Path(path).exists():
        raise SourceError(str(path), "no such file or folder")
    reader = reader_for(path)
    if READERS[_suffix(path)][0] == "text":  # a dump: its page breaks are read before text is cleaned
        text, warnings = decode(read_bytes(path) if data is None else data, str(path), clean=False)
        text = clean_text(_PAGE_BREAK.sub("* * *", text))
    else:
        text, warnings = read_text(path) if data is None else decode(data, str(path))
    try:
        posts = reader(text, str(path))
    except SourceError as exc:
        for post in exc.posts:
            post.warnings[:0] = warnings
        raise
    name = Path(path).name
    if name_as_meant(name) != name:  # "post.md ": read, and said, as such a name is lost on the way to the site
        warnings = [*warnings, f"the file's name ends with {_name_end(name)} ({name!r}): read as "
                               f"{name_as_meant(name)!r}; rename it so, as Windows, sync and upload tools drop or "
                               "refuse such a name"]
    if not posts:  # an export or a feed of pages, attachments or comments only, or of none: never a silent 0 posts
        raise SourceError(str(path), "holds no posts (pages, attachments, comments and settings are not posts)")
    for post in posts:
        post.warnings[:0] = warnings
    return posts


def _name_end(name: str) -> str:
    end = name[len(name_as_meant(name)):]
    if set(end) == {"."}:
        return "a dot" if end == "." else "dots"
    return ("a space" if len(end) == 1 else "spaces") if "." not in end else "spaces and dots"


def post_warnings(path: str | Path, posts: list[Post]) -> list[ReadError]:
    """The readers' warnings ("line N: message") as ReadErrors of severity warning, each once: a warning about the
    whole file (its encoding) is carried by each of its posts."""
    found = {}
    for post in posts:
        for warning in post.warnings:
            m = re.match(r"line (\d+): (.*)", warning, re.S)
            line, message = (int(m.group(1)), m.group(2)) if m else (0, warning)
            found.setdefault((line, message), ReadError(str(path), message, line, severity="warning"))
    return list(found.values())


def duplicate_slugs(posts: list[Post]) -> list[ReadError]:
    """A warning for every post whose slug (its address on the site) an earlier post already has."""
    first: dict[str, Post] = {}
    found = []
    for post in posts:
        if not post.slug:
            continue
        earlier = first.setdefault(post.slug, post)
        if earlier is post:
            continue
        line = post.meta_lines.get("slug") or post.title_line or 0
        where = told_apart(str(earlier.path), str(post.path))  # (two names that print the same are told apart)
        if earlier.path == post.path:
            where = f"the post at line {earlier.meta_lines.get('slug') or earlier.title_line}"
        found.append(ReadError(str(post.path), f"slug '{post.slug}' is also the slug of {where}; both would have "
                               "the same address", line, severity="warning"))
    return found


def load_posts(*paths: str | Path, debug: bool = False, drafts: bool = False) -> Corpus:
    """Read posts from files and folders. What cannot be read goes to `.errors`; the rest is still read.

    Drafts and section pages (`Post.not_a_post`) are left out, with one line of severity "info" in `.errors`
    saying how many; `drafts=True` keeps the drafts (a section page is never a post), and so does naming the
    draft's own file (`leave_out`).
    """
    if len(paths) == 1 and not isinstance(paths[0], (str, Path)):
        paths = tuple(paths[0])  # load_posts(["a.md", "b.md"])
    errors: list[ReadError] = []
    posts: list[Post] = []
    named = named_files(paths)
    out: list[tuple[Path, Counter]] = []
    for path in iter_sources(paths, errors):
        kept, left = leave_out(read_source(path, errors, debug), drafts, path in named)
        posts.extend(kept)
        out.append((path, left))
    errors.extend(duplicate_slugs(posts))
    return Corpus(posts, errors + left_out_notes(out, paths))


def given_path(file: Path, paths: Iterable[str | Path]) -> str:
    """The path given (one of `paths`, written as given) that `file` was found through: the file itself, or a
    folder that holds it."""
    for raw in paths:
        if file == Path(raw) or Path(raw) in file.parents:
            return str(raw)
    return str(file)


def named_files(paths: Iterable[str | Path]) -> set[Path]:
    """The paths as given. A file `iter_sources` lists that is one of them was named on its own (a folder's files
    never are): a draft in it was asked for by name."""
    return {Path(p) for p in paths}


REDIRECT = "redirect to "  # what `leave_out` counts a redirect page under, followed by where it sends the reader


def leave_out(posts: list[Post], drafts: bool = False, named: bool = False) -> tuple[list[Post], Counter]:
    """The posts without drafts and private posts (unless `drafts`), section pages, smpseo's own reports and redirect
    pages (under `REDIRECT` and where each goes), and how many of each were left out. `named`: the posts come from a
    file named on its own (`named_files`); a draft that is the file's one post is kept, as the writer checking a
    draft before publishing asked for it (an export's drafts are still left out), and so are a report of smpseo's
    and a redirect page named on its own."""
    drafts = drafts or (named and len(posts) == 1)
    kept, out = [], Counter()
    for post in posts:
        reason = post.not_a_post
        if reason == "section page" or (reason in ("draft", "private post") and not drafts) \
                or (reason in ("smpseo report", "redirect page", "response") and not named):
            out[REDIRECT + post.meta["refresh"] if reason == "redirect page" else reason] += 1
        else:
            kept.append(post)
    return kept, out


def left_out_notes(left: Iterable[tuple[Path, Counter]], paths: Iterable[str | Path]) -> list[ReadError]:
    """`left_out_note` for each path given (`paths`) that posts were left out of, naming it as it was given.
    `left`: each file read, with what `leave_out` left out of it."""
    paths = list(paths)
    by_given: dict[str, Counter] = {}
    redirects: list[ReadError] = []  # one line each, naming the page and where it sends the reader
    for file, out in left:
        redirects += [ReadError(str(file), f"a redirect page to {reason[len(REDIRECT):]}, not a post: left out; "
                                "name it to check it", severity="info") for reason in out if reason.startswith(REDIRECT)]
        if sum((out := Counter({k: n for k, n in out.items() if not k.startswith(REDIRECT)})).values()):
            by_given.setdefault(given_path(file, paths), Counter()).update(out)
    return redirects + [note for where, out in by_given.items() for note in left_out_note(out, where)]


def left_out_note(out: Counter, where: str = "posts") -> list[ReadError]:
    """One line of severity "info" saying what `leave_out` left out (nothing when nothing was)."""
    if not sum(out.values()):
        return []
    parts = [counted(n, reason) for reason, n in sorted(out.items()) if n]
    which = " and ".join(kind for kind, n in (("drafts", out["draft"]), ("private posts", out["private post"])) if n)
    text = " and ".join(parts) + " left out" + (f"; --drafts includes {which}" if which else "") \
        + (" (comments written on other writers' posts, which Medium's export keeps among the posts)"
           if out["response"] else "") + ("; name one to check it" if out["smpseo report"] or out["response"] else "")
    return [ReadError(where, text, severity="info")]


def read_source(path: str | Path, errors: list[ReadError], debug: bool = False, data: bytes | None = None) \
        -> list[Post]:
    """The posts of one file, as `load_posts` reads them: what goes wrong is added to `errors`. `data`: the file's
    bytes, when the caller has read them already."""
    try:
        with time_budget(READ_SECONDS):
            found = read_file(path) if data is None else read_file(path, data)
    except BudgetExceeded as exc:
        errors.append(ReadError(str(path), f"not read: reading it {exc} (the limit for one file)"))
        return []
    except SourceError as exc:
        errors.append(ReadError(exc.path, exc.message, exc.line))
        found = exc.posts  # a cut-off export: the posts before the cut are kept
    except RecursionError:
        errors.append(ReadError(str(path), "structure nested too deeply to read"))
        return []
    except OSError as exc:  # a path past the system's limit, a file gone since the folder was listed
        errors.append(ReadError(str(path), exc.strerror or str(exc)))
        return []
    except Exception as exc:  # a reader bug must not stop the other files
        if debug:
            raise
        errors.append(ReadError(str(path), f"could not be read: {type(exc).__name__}: {exc}"))
        return []
    errors.extend(post_warnings(path, found))
    return found


__all__ = ["NO_NAME", "load_posts", "read_bytes", "too_large", "read_file", "read_source", "reader_for", "post_warnings", "duplicate_slugs", "leave_out", "left_out_note", "left_out_notes", "named_files", "READERS", "SourceError"]
