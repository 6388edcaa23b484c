"""`smpseo.analyze()`: per-post metrics for posts or paths, with unchanged files read from the cache."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from smpseo.analysis.metrics import metric_rows
from smpseo.analysis.readability import LONG_SENTENCE_WORDS
from smpseo.app import cache
from smpseo.app.arguments import (
    UnreadPosts,  # noqa: F401  (where it was first defined: `from smpseo.app.analyze import UnreadPosts`)
    config_argument,
    dates_as_written,
    first_path,
    posts_argument,
    settings_for,
    warn_unread,
)
from smpseo.app.memo import site_state
from smpseo.app.parallel import post_analysis, run_each, workers
from smpseo.app.settings import load_config
from smpseo.checks.engine import resolve_settings
from smpseo.core.hashing import sha256
from smpseo.core.settings import Config
from smpseo.model.post import Corpus, Post, ReadError
from smpseo.sources.readers import (
    duplicate_slugs,
    iter_sources,
    leave_out,
    left_out_notes,
    named_files,
    read_source,
)
from smpseo.sources.readers.datefields import day_first


def analyze(posts: Corpus | list[Post], config=None, *, keyphrases: bool = True) -> list[dict]:
    """One dict of metrics per post. With a config (a Config or a path), counts per site target are added;
    with `keyphrases`, the top YAKE terms. The expensive part (scores, YAKE) is cached and, for many posts, worked
    out in parallel (`smpseo.app.parallel`)."""
    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    posts = list(posts)
    return metric_rows(posts, post_analysis(posts, keyphrases), config, keyphrases=keyphrases,
                       long_words=_long_words(config))


def _long_words(config: Config | None) -> int:
    """The long-sentence limit in force: RD101's `max_words` from `[rules]`, else the default."""
    if config is None:
        return LONG_SENTENCE_WORDS
    return resolve_settings(config.rules, config.path or "smpseo.toml")["RD101"].thresholds["max_words"]


FILE_KIND = "analyze-file"
SOURCE_BATCH = 500  # files read and analysed together by analyze_sources


def analyze_sources(*paths, config=None, keyphrases: bool = True, debug: bool = False, drafts: bool = False):
    """`analyze(load_posts(*paths), config)` and the read errors, without reading files that have not changed.

    Each file's rows, read errors and slugs are cached under the file's bytes, its path, the settings `analyze`
    uses (targets, synonyms) and the versions (`smpseo.app.cache`); only changed files are read and analysed. Returns
    (rows, errors) in the order `load_posts` gives them; drafts and section pages are left out as there (`drafts`)."""
    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    with dates_as_written(config):
        return _analyze_sources(paths, config, keyphrases, debug, drafts)


def _analyze_sources(paths, config: Config | None, keyphrases: bool, debug: bool, drafts: bool):
    settings = [config.targets, config.synonyms, _long_words(config)] if config is not None else None
    first = day_first()  # how an ambiguous day in numbers is read (the clinic's country)
    if first is not None:
        settings = [*(settings or []), first]
    use_cache = cache.enabled()
    errors: list[ReadError] = []
    named = named_files(paths)
    files = iter_sources(paths, errors)
    entries: list[dict | None] = [None] * len(files)
    keys: list[str | None] = [None] * len(files)
    sites: dict[tuple[str, str], list] = {}
    for i, path in enumerate(files):
        if not use_cache:
            break
        try:
            content = sha256(path.read_bytes())
        except OSError:
            continue  # read_source says why
        site = site_state(path.parent, sites)  # the site's settings it is read with: edited, read again
        keys[i] = digest = cache.key(FILE_KIND, str(path), content, settings, keyphrases, drafts, path in named,
                                     *site)
        entry = cache.get(FILE_KIND, digest)
        if _whole_entry(entry):
            entries[i] = entry
    missing = [i for i in range(len(files)) if entries[i] is None]
    if workers(len(missing)) > 1:  # many files: each read, analysed and stored in a worker process
        job = (config, keyphrases, debug, drafts)
        made = run_each(_file_entry, [(files[i], keys[i], files[i] in named) for i in missing], _setup, job,
                        desc="analysing")
        for i, entry in zip(missing, made, strict=True):
            entries[i] = entry
    else:  # a few files (or one process): read in batches, their posts analysed together (a WordPress export's
        # posts in parallel), memory flat on large blogs
        for start in range(0, len(missing), SOURCE_BATCH):
            batch = missing[start:start + SOURCE_BATCH]
            read: list[tuple[list, list[ReadError]]] = []
            for i in batch:
                own: list[ReadError] = []
                kept, out = leave_out(read_source(files[i], own, debug), drafts, files[i] in named)
                read.append((kept, own, out))
            fresh_rows = iter(analyze([p for posts, _, _ in read for p in posts], config, keyphrases=keyphrases))
            for i, (posts, own, out) in zip(batch, read, strict=True):
                entries[i] = _store(keys[i], [next(fresh_rows) for _ in posts], own, out, posts)
    rows: list[dict] = []
    stand_ins: list = []
    out: list[tuple[Path, Counter]] = []
    for i in range(len(files)):
        entry = entries[i]
        rows.extend(entry["rows"])
        out.append((files[i], Counter(entry["left_out"])))
        errors.extend(ReadError(path, message, line, severity) for path, message, line, severity in entry["errors"])
        stand_ins.extend(SimpleNamespace(slug=slug, path=path, meta_lines={"slug": slug_line} if slug_line else {},
                                         title_line=title_line)
                         for slug, path, slug_line, title_line in entry["posts"])
    errors.extend(duplicate_slugs(stand_ins))
    return rows, errors + left_out_notes(out, paths)


_job: tuple = (None, True, False, False)  # (config, keyphrases, debug, drafts) of the run in this worker


def _setup(config, keyphrases: bool, debug: bool, drafts: bool) -> None:
    global _job
    _job = (config, keyphrases, debug, drafts)


def _file_entry(item: tuple[Path, str | None, bool]) -> dict:
    """One file read, analysed and stored (in a worker): its `analyze-file` entry."""
    path, key, named = item
    config, keyphrases, debug, drafts = _job
    own: list[ReadError] = []
    with dates_as_written(config):
        posts, out = leave_out(read_source(path, own, debug), drafts, named)
    return _store(key, analyze(posts, config, keyphrases=keyphrases), own, out, posts)


def _store(key: str | None, rows: list[dict], own: list[ReadError], out, posts: list[Post]) -> dict:
    """A file's entry: its rows, the posts left out, its read errors and its posts' slugs; cached under `key`
    unless reading it failed."""
    entry = {"rows": rows, "left_out": dict(out),
             "errors": [[e.path, e.message, e.line, e.severity] for e in own],
             "posts": [[p.slug, p.path, p.meta_lines.get("slug"), p.title_line] for p in posts]}
    if key is not None and not any(e.severity == "error" for e in own):
        cache.put(FILE_KIND, key, entry)
    return entry


TRAFFIC_COLUMNS = ("clicks", "impressions", "ctr", "position", "clicks_change", "impressions_change", "ctr_change",
                   "position_change")


def with_traffic(rows: list[dict], pages) -> list[dict]:
    """The rows with Search Console's figures for each post (`smpseo.analysis.traffic`): `pages` is a Pages.csv or
    the export ZIP, or pages already read. The `*_change` columns come from a comparison export's earlier range.
    Raises QueryFileError for a file that is not a pages export."""
    from smpseo.analysis.traffic import post_traffic, with_changes
    from smpseo.sources.pages import read_pages

    if isinstance(pages, (str, Path)):
        pages = read_pages(pages)
    stand_ins = [SimpleNamespace(slug=r.get("slug", ""), title=r.get("title", ""), path=r.get("path"),
                                 canonical=r.get("canonical", "")) for r in rows]
    found, _ = post_traffic(stand_ins, pages)
    by_slug = {t["slug"]: t for t in with_changes(found)}
    return [{**r, **{k: by_slug.get(r.get("slug"), {}).get(k) for k in TRAFFIC_COLUMNS}} for r in rows]


def _whole_entry(entry) -> bool:
    """A cached file entry of the right shape (anything else is rebuilt)."""
    try:
        return (isinstance(entry, dict) and isinstance(entry.get("left_out"), dict)
                and all(_whole_row(r) for r in entry["rows"])
                and all(isinstance(e, list) and len(e) == 4 and isinstance(e[0], str) and isinstance(e[1], str)
                        and type(e[2]) is int and isinstance(e[3], str) for e in entry["errors"])
                and all(isinstance(p, list) and len(p) == 4 and all(v is None or isinstance(v, (str, int))
                                                                    for v in p) for p in entry["posts"])
                and len(entry["rows"]) == len(entry["posts"]))
    except (KeyError, TypeError):
        return False


_COUNTS = ("words", "sentences", "paragraphs", "headings", "links", "images")


def _whole_row(row) -> bool:
    """A row as `post_metrics` makes it: counts are whole numbers, the rest numbers, text or lists of text."""
    if not isinstance(row, dict) or not all(type(row.get(k, 0)) is int for k in _COUNTS):
        return False
    return all(v is None or isinstance(v, (int, float, str)) or (isinstance(v, list) and all(
        isinstance(x, (str, int, float)) for x in v)) for v in row.values())


def analyze_frame(posts, config=None, *, keyphrases: bool = True, drafts: bool = False):
    """Per-post metrics as a pandas DataFrame, one row per post (`smpseo.analyze`).

    `posts`: a Corpus, a list of Posts, or paths to read. `config`: a Config or a path to smpseo.toml (default:
    the nearest smpseo.toml) for the per-target keyword counts. `drafts=True`: paths' drafts are read too, as
    `smpseo analyze --drafts` reads them (left out otherwise; Posts given are taken as they are). Files that could
    not be read are in `.attrs["errors"]` (a path that names nothing as it was given), and the first is said in an
    `UnreadPosts` warning. With no post read, the frame still has the columns, and no row.
    """
    import pandas as pd

    from smpseo.analysis.metrics import metric_columns

    posts, config = posts_argument(posts), config_argument(config)
    paths = None
    if isinstance(posts, (str, Path)) or (isinstance(posts, (list, tuple)) and posts
                                          and all(isinstance(p, (str, Path)) for p in posts)):
        paths = [posts] if isinstance(posts, (str, Path)) else list(posts)
    config = settings_for(config, first_path(posts))
    if paths is None:
        rows, errors = analyze(posts, config, keyphrases=keyphrases), list(getattr(posts, "errors", []))
    else:  # unchanged files come straight from the cache
        rows, errors = analyze_sources(*paths, config=config, keyphrases=keyphrases, drafts=drafts)
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=metric_columns(config, keyphrases=keyphrases))
    frame.attrs["errors"] = errors  # what could not be read, as `smpseo.check(...).errors` has it
    warn_unread(errors, ".attrs['errors']")
    return frame
