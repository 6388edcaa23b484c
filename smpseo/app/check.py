"""`smpseo.check()`: read the posts (or take them), find the settings, run the rules, remember whole runs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from smpseo.app import memo
from smpseo.app.arguments import (
    config_argument,
    dates_as_written,
    first_path,
    optional_path,
    optional_text,
    posts_argument,
    rules_argument,
    settings_for,
)
from smpseo.app.incremental import Session, check_paths
from smpseo.app.linkfiles import FilesNear
from smpseo.app.parallel import post_analysis
from smpseo.app.settings import debugging, shown_path
from smpseo.checks.run import run_rules
from smpseo.core.hashing import sha256
from smpseo.core.paths import resolved
from smpseo.core.settings import Config
from smpseo.model.post import Corpus, Post, ReadError
from smpseo.model.results import CheckResult


def _as_posts(posts) -> tuple[list[Post], list[ReadError]]:
    """Posts already read (paths never get here: `check` reads them file by file) and a Corpus's read errors."""
    errors = list(getattr(posts, "errors", []))  # before list() leaves them behind
    return list(posts), errors


def blog_folder(paths: Iterable[str | Path], *, text: bool = False) -> Path | None:
    """The blog some files belong to, when every path names a file: the folder all of them are in (for one file,
    its own folder; a Hugo page bundle's `index.md`, and a Jekyll draft in `_drafts`, are in the folder above their
    own). None when a folder is among the
    paths (the blog is given whole), or an export or dump that holds a blog of its own (a WordPress, Blogger or
    Ghost export, a feed, a text dump: not a file of a folder of posts). `text`: the paths name text given in place
    of their files (`check(..., text=...)`), which need not be on disk yet, only their folder."""
    from smpseo.sources.readers import FOLDER_SUFFIXES

    def is_file(path: Path) -> bool:
        return path.is_file() or (text and not path.exists() and path.parent.is_dir())

    paths = [Path(p) for p in paths]
    if not paths or not all(is_file(p) for p in paths) or any(p.suffix.lower() not in FOLDER_SUFFIXES for p in paths):
        return None
    import os

    folders = [resolved(p).parent.parent if p.stem == "index" or p.parent.name == "_drafts" else resolved(p).parent
               for p in paths]  # a page bundle's index.md, a Jekyll draft: the folder above theirs
    common = Path(os.path.commonpath([str(f) for f in folders]))
    if not any(p.is_absolute() for p in paths):  # the other posts named as the files given were: "posts/a.md"
        try:
            return common.relative_to(Path.cwd().resolve())
        except (OSError, ValueError):  # a folder outside the current one: named in full
            pass
    return common


RUN_KIND = "check-run"  # a whole run over paths, remembered by smpseo.app.memo


def check(posts: Corpus | Iterable[Post] | str | Path | Iterable[str | Path], config: Config | str | Path | None = None,
          keyphrase: str | None = None, *, rules: str | Iterable[str] | None = None, keyphrases: bool = True,
          drafts: bool = False, blog: str | Path | None = None, session: Session | None = None,
          text: str | bytes | None = None) -> CheckResult:
    """Check posts and return findings, per-post metrics, the coverage matrix, YAKE keyphrases and opportunities.

    `posts`: a Corpus, a list of Posts, or paths (read with `load_posts`; unreadable files go to `result.errors`).
    `config`: a Config or a path to smpseo.toml (default: the nearest smpseo.toml in the posts' folder or its
    parents, else in the current folder or its parents; `result.settings` names it). `keyphrase`: a focus keyphrase
    for every post, overriding front matter. `rules`: only the rules these selectors name, as `smpseo check
    --select` takes them: ids (`"RD104"`), prefixes (`"RD"`, `"SEO2"`), rule names or categories (`"readability"`);
    a str is one selector (or several, comma-separated). `keyphrases=False` skips YAKE.
    Raises ConfigError for bad `[rules]` settings, UnknownRule (a ValueError) for a selector that names no rule, and
    TypeError for arguments of another type (an open file, a post's text where its path goes, a keyphrase that is
    not a str).

    `drafts=True` checks drafts too (they are left out otherwise, and said so in `result.errors`; a section page
    such as Hugo's `_index.md` is never a post). `blog`: the folder of the whole blog when `posts` names some of
    its files: every post in it is read for the site-wide rules (orphans, cannibalisation, links), and the result
    reports on the files given. Without it, the blog of files given is the folder they share, as `smpseo check`
    finds it (`blog_folder`): the same call gives the command's findings; so is the blog of Posts read from the
    files of one blog folder (a Post, or a Corpus read from a folder: nothing of it is read twice).

    `text`: the post's text (str, or bytes decoded as a file's are) in place of the one file `posts` names, such as
    an editor's unsaved buffer: it is read as that file, with that file's settings and blog, findings point into
    the text, and nothing is written to the file. The file need not exist; `"-"` names text with no file (read as
    Markdown, settings from the current folder).

    Given paths, a run over files, settings and options that have not changed since the last such run returns that
    run's result from the cache without reading the posts (`smpseo.app.memo`); otherwise only the files that changed
    are read and checked again (`smpseo.app.incremental`). `session`: per-file results kept in memory between
    calls (the watch mode and notebooks hold one); with a session, whole runs are not remembered on disk.
    """
    posts, config = posts_argument(posts), config_argument(config)
    keyphrase = optional_text("keyphrase", keyphrase, "the focus keyphrase for every post")
    blog = optional_path("blog", blog, "the blog's folder")
    rules = rules_argument(rules)
    paths = memo.source_paths(posts)
    data = _text_bytes(text, paths)
    if blog is None:  # some files of a blog: the rest of it is read around them, as the command reads it
        blog = blog_folder(paths, text=data is not None) if paths is not None else _blog_of(posts)
    if paths is None:
        return _check(posts, config, keyphrase, rules, keyphrases, drafts, blog)
    near = Path(paths[0])
    config = settings_for(config, near if data is None or near.exists() else near.parent)
    if session is not None:
        return _check(paths, config, keyphrase, rules, keyphrases, drafts, blog, session, data)
    read = [*paths, *([blog] if blog is not None else [])]
    given = [sha256(data)] if data is not None else []  # the text given is an input as a file's bytes are
    slot = memo.run_slot(paths, keyphrase, rules, keyphrases, drafts,
                         str(resolved(blog)) if blog is not None else None, *(["text"] if given else []))
    return memo.remembered(RUN_KIND, slot, lambda: [memo.sources_state(read), memo.plain(config), *given],
                           lambda: _check(paths, config, keyphrase, rules, keyphrases, drafts, blog, text=data),
                           CheckResult.to_record, CheckResult.from_record, keep=_inputs_alone)


def _inputs_alone(result: CheckResult) -> bool:
    """Whether a run's result follows from the files it was keyed by alone: a broken link to a post (SITE407) was
    looked for all over the site, where a page made outside the posts' folders mends it, so such a run is checked
    afresh each time (each post's analysis still comes from the cache)."""
    return not any(f.rule == "SITE407" for f in result.findings)


def _blog_of(posts) -> Path | None:
    """The blog of Posts read from files: the folder `blog_folder` finds for each of their files, when that is one
    folder for all of them. Posts of several folders (a draft and the blog it is checked against, a blog of nested
    folders read whole) are taken as the blog given whole; so are Posts made in memory and those of an export."""
    files = list(dict.fromkeys(getattr(p, "path", None) for p in posts))
    if not files or not all(files):
        return None
    found: dict[Path, Path] = {}
    for file in files:
        folder = blog_folder([file])
        if folder is None:
            return None
        found.setdefault(resolved(folder), folder)
        if len(found) > 1:
            return None
    return next(iter(found.values()))


def _text_bytes(text: str | bytes | None, paths: list | None) -> bytes | None:
    """`check(text=...)` as bytes, read as a file's are; TypeError unless `posts` names one file for it."""
    if text is None:
        return None
    if paths is None or len(paths) != 1:
        raise TypeError("text is one post's text: give posts as the one path it stands for (\"-\" for none)")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    if not isinstance(text, str):
        raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
    import re

    return re.sub("[\ud800-\udfff]", "\ufffd", text).encode("utf-8")  # a lone surrogate, as files have it


def _check(posts, config, keyphrase: str | None, rules: list[str] | None, keyphrases: bool, drafts: bool = False,
           blog: str | Path | None = None, session: Session | None = None, text: bytes | None = None) -> CheckResult:
    """`check()` worked out: over paths, only what changed is read and checked (`smpseo.app.incremental`); posts
    already read are analysed (cached, in parallel) and checked."""
    paths = memo.source_paths(posts)
    if paths is not None:
        config = settings_for(config, str(paths[0]))
        result = check_paths(paths, config, keyphrase, rules, keyphrases, session, drafts=drafts, blog=blog,
                             text=text)
        result.settings = shown_path(config.path) if config.path else None
        return result
    post_list, errors = _as_posts(posts)
    config = settings_for(config, first_path(post_list))
    given: set[str] | None = None
    if blog is not None:  # the rest of the blog, for the site-wide rules: reported on only through the posts given
        given = {str(p.path) for p in post_list} | {e.path for e in errors}  # and what of them was not read
        seen = {resolved(p.path) for p in post_list if p.path} | {resolved(e.path) for e in errors if e.path}
        with dates_as_written(config):
            post_list = post_list + _rest_of_blog(blog, seen, drafts)
    files: dict[str, list[str] | None] = {}  # an export holds many posts: its file is read once

    def source_lines(post: Post) -> list[str] | None:
        if post.path not in files:
            files[post.path] = _source_lines(post)
        return files[post.path]

    result = run_rules(post_list, errors, config, keyphrase, rules, keyphrases,
                       analysed=post_analysis(post_list, keyphrases), source_lines=source_lines, debug=debugging(),
                       on_disk=FilesNear())
    result.settings = shown_path(config.path) if config.path else None
    return result if given is None else result.only(given)


def _rest_of_blog(blog: str | Path, seen: set[Path], drafts: bool) -> list[Post]:
    """The posts of the blog's folder that are not among the Posts given (`seen`: the files they and the read errors
    come from), read as `load_posts` reads a folder: a file already read is not read again (a whole blog's Corpus
    given costs nothing more)."""
    from smpseo.sources.readers import iter_sources, leave_out, read_source

    rest: list[Post] = []
    for path in iter_sources([blog], []):
        if resolved(path) not in seen:
            rest += [p for p in leave_out(read_source(path, []), drafts)[0] if p.path and resolved(p.path) not in seen]
    return rest


def _source_lines(post: Post) -> list[str] | None:
    """The lines of the file a post was read from (findings count lines in it), read once per file."""
    if not post.path:
        return None
    from smpseo.sources.readers import read_bytes
    from smpseo.sources.readers.decode import SourceError, decode

    try:  # decoded as the reader saw it, but not cleaned: a finding's column is counted in the line as written
        return decode(read_bytes(post.path), post.path, clean=False)[0].split("\n")
    except (OSError, SourceError):
        return None
