"""Incremental checks: each file's posts and per-post results kept by content, so a run after an edit reads and
checks only the files that changed.

A `check` over paths is made of three steps (`smpseo.checks.run`): `prepare` (settings, the matcher with every
phrase of the run compiled), one `post_summary` per post (its post-scoped findings, metrics, coverage cells and what
the site-level rules read of it), and `assemble` (the site-level rules, recomputed from the summaries every run). A
cold run and a run after an edit take exactly these steps; only where the first two come from differs:

- `parsed-file`: a file's posts (`Post.to_record()`) and its read errors, under the file's path and the sha256 of
  its bytes. An unchanged file is not parsed again.
- `topic-matches`: where each post mentions the other posts' topics (for link suggestions), under the post and its
  reading signature (which of the words the run's matcher knows change how its prose is read).
- `checked-file`: the summaries of a file's posts, under the file's path and bytes, the settings, the options and
  the reading state (the words the matcher knows and each phrase's keys: a new keyphrase in one post makes every
  post's entry anew, as it can change how any text is read).

Both are JSON entries of `smpseo.app.cache` (never pickle), and both are kept in memory too by a `Session`, which
the watch mode and the notebooks hold across runs so that a re-check costs one file's work, not a thousand file
reads. With the cache off, nothing is read from or written to disk; a session still remembers within itself.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from smpseo.app import cache
from smpseo.app.arguments import dates_as_written
from smpseo.app.linkfiles import FilesNear
from smpseo.app.memo import plain, site_state
from smpseo.app.parallel import post_analysis
from smpseo.app.settings import debugging
from smpseo.checks.run import assemble, post_summary, prepare, reading_state
from smpseo.core.hashing import sha256
from smpseo.core.paths import resolved
from smpseo.core.settings import Config
from smpseo.model.post import Post, ReadError
from smpseo.model.results import CheckResult
from smpseo.sources.readers import (
    SourceError,
    duplicate_slugs,
    iter_sources,
    leave_out,
    left_out_notes,
    named_files,
    read_bytes,
    read_source,
    too_large,
)
from smpseo.sources.readers.datefields import day_first
from smpseo.sources.readers.decode import decode

PARSED, CHECKED, MATCHES = "parsed-file", "checked-file", "topic-matches"
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


@dataclass
class Source:
    """One file of a run: its path as found, its bytes (None when unreadable), what was read from it. `digest`
    names the file as read: its bytes, and the site settings files it is read with."""

    path: Path
    data: bytes | None
    digest: str = ""
    posts: list[Post] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    kept: list[Post] = field(default_factory=list)  # the posts checked: drafts and section pages left out

    def lines(self) -> list[str] | None:
        """The file's lines decoded as the reader saw them, but not cleaned: a finding's column is counted in the
        line as written."""
        if self.data is None:
            return None
        try:
            return decode(self.data, str(self.path), clean=False)[0].split("\n")
        except SourceError:
            return None


class Session:
    """Parsed files and post summaries kept in memory between runs (over the disk cache). Only what the latest
    run used is kept, so memory follows the blog, not the number of edits."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, str], object] = {}
        self._used: dict[tuple[str, str], object] = {}
        self.last_parsed = 0  # files parsed by the latest run (the rest came from memory or the cache)
        self.last_checked = 0  # posts whose summary the latest run worked out
        self.sites: dict[tuple[str, str], list] = {}  # the site settings files of each folder read, this run (`site_state`)

    def get(self, kind: str, digest: str):
        value = self._kept.get((kind, digest))
        if value is None:
            value = cache.get(kind, digest)
        if value is not None:
            self._used[(kind, digest)] = value
        return value

    def put(self, kind: str, digest: str, value, stored=None) -> None:
        """Keep `value` in memory and write `stored` (its plain-data form; `value` itself by default) to disk."""
        cache.put(kind, digest, value if stored is None else stored)
        self.keep(kind, digest, value)

    def keep(self, kind: str, digest: str, value) -> None:
        """Keep `value` in memory only (it is on disk already)."""
        self._used[(kind, digest)] = value

    def forget(self, kind: str, digest: str) -> None:
        self._kept.pop((kind, digest), None)
        self._used.pop((kind, digest), None)

    def end_run(self) -> None:
        self._kept, self._used = self._used, {}


def check_paths(paths: Iterable[str | Path], config: Config, keyphrase: str | None = None,
                rules: list[str] | None = None, keyphrases: bool = True, session: Session | None = None, *,
                drafts: bool = False, blog: str | Path | None = None, text: bytes | None = None) -> CheckResult:
    """`check()` over files and folders, reading and checking only what is not kept (see the module's doc).
    `drafts` and `blog` as for `smpseo.app.check.check`: drafts left out unless asked for; the rest of the blog read
    for the site-wide rules, the result reporting on the files given. `text`: the bytes of the one path given, read
    in place of the file (which need not exist); the blog's copy of that file is left out. Every entry kept is
    keyed by the bytes read, so text given never stands for the file on disk. Posts are read as the clinic's country
    writes a day in numbers (`dates_as_written`)."""
    with dates_as_written(config):
        return _check_paths(paths, config, keyphrase, rules, keyphrases, session, drafts, blog, text)


def _check_paths(paths, config: Config, keyphrase, rules, keyphrases, session, drafts, blog, text) -> CheckResult:
    session = session or Session()
    session.last_parsed = session.last_checked = 0
    session.sites = {}
    paths = list(paths)
    errors: list[ReadError] = []
    if text is None:
        sources = [_read(path, session) for path in iter_sources(paths, errors)]
    else:
        sources = [_read(Path(paths[0]), session, text)]
    out = _leave_out(sources, drafts, named_files(paths))
    posts = [p for s in sources for p in s.kept]
    errors.extend(e for s in sources for e in s.errors)
    errors.extend(left_out_notes(out, paths))
    given: set[str] | None = None
    others: list[Post] = []
    if blog is not None:  # the rest of the blog, for the site-wide rules: reported on only through the posts given
        # the files given, those that could not be read too, and what could not be found or followed among the
        # paths given (a broken link named, one in a folder given): told, as without a blog
        given = {str(s.path) for s in sources} | {e.path for e in errors}
        # the files given are not read again as the blog's, those that could not be read least of all (a file
        # over its reading limit took it twice)
        seen = {resolved(s.path) for s in sources} | {resolved(p.path) for p in posts if p.path}
        rest = [_read(path, session) for path in iter_sources([blog], []) if resolved(path) not in seen]
        _leave_out(rest, drafts)
        for source in rest:
            source.kept = [p for p in source.kept if p.path and resolved(p.path) not in seen]
        rest = [s for s in rest if s.kept]
        sources += rest
        others = [p for s in rest for p in s.kept]
    errors.extend(duplicate_slugs(others + posts))  # a file given that takes the address of another post is told so
    posts += others

    run = prepare(posts, config, keyphrase, rules, keyphrases, debugging(), FilesNear())
    state = sha256(json.dumps([reading_state(run), plain(config), keyphrase, rules, keyphrases, drafts],
                              ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "surrogatepass"))
    summaries: list[dict | None] = []
    todo: list[tuple[int, Source, str]] = []  # (index of its first post, file, key)
    for source in sources:
        digest = cache.key(CHECKED, str(source.path), source.digest, state) if source.data is not None else ""
        stored = session.get(CHECKED, digest) if digest else None
        if _whole(stored, len(source.kept), len(run.targets)):
            summaries.extend(stored)
        else:
            todo.append((len(summaries), source, digest))
            summaries.extend([None] * len(source.kept))

    of_post = {id(p): s for s in sources for p in s.kept}
    lines: dict[int, list[str] | None] = {}  # a file's lines, decoded once in this run (an export holds many posts)

    def source_lines(post: Post) -> list[str] | None:
        source = of_post.get(id(post))
        if source is None:
            return None
        if id(source) not in lines:
            lines[id(source)] = source.lines()
        return lines[id(source)]

    fresh = [p for _, s, _ in todo for p in s.kept]
    session.last_checked = len(fresh)
    analysed = iter(post_analysis(fresh, keyphrases)) if fresh else iter(())
    for start, source, digest in todo:
        made = [post_summary(run, run.contexts[start + i], next(analysed), source_lines)
                for i in range(len(source.kept))]
        summaries[start:start + len(made)] = made
        if digest and not any(e.severity == "error" for e in source.errors):
            if any(m["not_checked"] for m in made):  # past its time budget: tried again by the next process, not by
                session.keep(CHECKED, digest, made)  # every save --watch sees while its text stays the same
            else:
                session.put(CHECKED, digest, made)
    post_keys = [(str(s.path), s.digest, i) for s in sources for i in range(len(s.kept))]
    recalled: list[tuple[str, dict, dict]] = []

    def kept(i: int, signature: list) -> dict:
        """The topic matches kept for post `i` read with this signature (see `smpseo.checks.run.assemble`)."""
        digest = cache.key(MATCHES, post_keys[i], state, signature)
        matches = session.get(MATCHES, digest)
        if not _whole_matches(matches):
            matches = {}
        recalled.append((digest, matches, {k: id(v) for k, v in matches.items()}))
        return matches

    result = assemble(run, summaries, errors, source_lines, kept)
    for digest, matches, before in recalled:
        if {k: id(v) for k, v in matches.items()} != before:
            session.put(MATCHES, digest, matches)
    session.end_run()
    return result if given is None else result.only(given)


def _leave_out(sources: list[Source], drafts: bool, named: set[Path] | None = None) -> list[tuple[Path, Counter]]:
    """Each file's posts without drafts (unless `drafts`, or the file is `named`) and section pages, as
    `load_posts` leaves them out; what was left out of each file."""
    out = []
    for source in sources:
        source.kept, left = leave_out(source.posts, drafts, source.path in (named or ()))
        out.append((source.path, left))
    return out


def _read(path: Path, session: Session, data: bytes | None = None) -> Source:
    """A file's posts and read errors: kept ones when its bytes are unchanged, else read (and kept). `data`: the
    bytes to read as that file's (text given in its place), not the file's."""
    try:
        if data is None:
            data = read_bytes(path)
        else:
            too_large(path, len(data))
    except SourceError as exc:
        source = Source(path, None)
        if data is None:
            source.posts = read_source(path, source.errors)  # says why, as load_posts does
        else:
            source.errors.append(ReadError(exc.path, exc.message))
        return source
    # the file as read: its bytes, and the site's settings it is read with (its addresses, what its template tags
    # print), so an edit to those reads and checks it again
    site = site_state(path.parent, session.sites)
    source = Source(path, data, cache.key(PARSED, sha256(data), *site) if site else sha256(data))
    first = day_first()  # how an ambiguous day in numbers is read: a post read another way is another post
    digest = cache.key(PARSED, str(path), source.digest, *([first] if first is not None else []))
    kept = session.get(PARSED, digest)
    if kept is not None:
        try:
            source.posts, source.errors = _from_plain(kept)
            if isinstance(kept, dict):  # read from disk: keep the objects, not the records
                session.keep(PARSED, digest, (source.posts, source.errors))
            return source
        except SHAPE_ERRORS:
            session.forget(PARSED, digest)
    session.last_parsed += 1
    source.posts = read_source(path, source.errors, data=data)
    if not any(e.severity == "error" for e in source.errors):
        try:
            record = {"posts": [p.to_record() for p in source.posts],
                      "errors": [[e.path, e.message, e.line, e.severity] for e in source.errors]}
        except TypeError:  # a value front matter can hold and a record cannot: checked, not kept
            return source
        session.put(PARSED, digest, (source.posts, source.errors), stored=record)
    return source


def _from_plain(kept) -> tuple[list[Post], list[ReadError]]:
    if isinstance(kept, tuple):  # kept in memory by this session
        posts, errors = kept
        return list(posts), list(errors)
    posts = [Post.from_record(p) for p in kept["posts"]]
    errors = [ReadError(str(path), str(message), int(line), str(severity))
              for path, message, line, severity in kept["errors"]]
    return posts, errors


def _whole_matches(value) -> bool:
    try:
        return isinstance(value, dict) and all(
            isinstance(keys, list) and len(keys) == 2 and all(len(m) == 5 and isinstance(m[4], list) for m in found)
            for keys, found in value.values())
    except SHAPE_ERRORS:
        return False


def _whole(stored, posts: int, targets: int) -> bool:
    """Summaries of the right shape for a file of `posts` posts (anything else is worked out again)."""
    try:
        return isinstance(stored, list) and len(stored) == posts and all(
            isinstance(s, dict) and isinstance(s["metrics"], dict) and isinstance(s["target_counts"], dict)
            and all(len(f) == 8 for f in s["findings"]) and len(s["coverage"]) == targets
            and isinstance(s["words"], str) and isinstance(s["joins"], str)
            and isinstance(s["hyphens"], str) and len(s["joins"].split()) % 2 == 0 and isinstance(s["analysed"]["scores"], dict)
            and (s["analysed"].get("terms") is None or isinstance(s["analysed"]["terms"], list))
            for s in stored)
    except SHAPE_ERRORS:
        return False


__all__ = ["CHECKED", "PARSED", "Session", "check_paths"]
