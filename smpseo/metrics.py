"""Per-post metrics: the numbers `smpseo analyze` reports, one row per post. Plain data.

Besides counts and readability scores: the shares of long, passive and transition sentences (the percentages
behind the RD1xx findings), how often each site target appears (`kw: <target>` columns), and the top YAKE terms.
"""

from __future__ import annotations

from .model import QUOTE, Corpus, Post
from .readability import scores as readability_scores

LONG_SENTENCE_WORDS = 20


def sentence_shares(post: Post) -> dict[str, float]:
    """Percent of sentences that are long (> 20 words), passive, or hold a transition word."""
    return shares_of([(s.text, b.kind != QUOTE) for b in post.prose for s in b.sentences])


def shares_of(sentences) -> dict[str, float]:
    """`sentence_shares()` from (sentence text, written by the author rather than quoted) pairs."""
    from .checks.readability import passive_phrase
    from .language import find_phrase
    from .text import words

    if not sentences:
        return {"long_sentences_pct": 0.0, "passive_pct": 0.0, "transition_pct": 0.0}
    own = [text for text, authored in sentences if authored]
    long_ = sum(1 for text in own if len(words(text)) > LONG_SENTENCE_WORDS)
    passive = sum(1 for text in own if passive_phrase(text))
    transition = sum(1 for text, _ in sentences if find_phrase("transition_words", text))
    n_own = len(own) or 1
    return {"long_sentences_pct": round(100 * long_ / n_own, 1), "passive_pct": round(100 * passive / n_own, 1),
            "transition_pct": round(100 * transition / len(sentences), 1)}


def post_metrics(post: Post, *, scores: dict | None = None, target_counts: dict[str, int] | None = None,
                 terms: list[tuple[str, float]] | None = None, shares: dict[str, float] | None = None) -> dict:
    sentences = post.sentences
    words = post.word_count
    row = {
        "path": post.path,
        "slug": post.slug,
        "title": post.title,
        "words": words,
        "sentences": len(sentences),
        "paragraphs": len(post.paragraphs),
        "headings": len(post.headings),
        "links": len(post.links),
        "images": len(post.images),
        "avg_sentence_words": round(words / len(sentences), 1) if sentences else 0.0,
    }
    row.update(scores if scores is not None else readability_scores(post))
    row.update(shares if shares is not None else sentence_shares(post))
    for target, count in (target_counts or {}).items():
        row[f"kw: {target}"] = count
    if terms is not None:
        row["top_terms"] = [term for term, _ in terms[:5]]
    return row


def analyze(posts: Corpus | list[Post], config=None, *, keyphrases: bool = True) -> list[dict]:
    """One dict of metrics per post. With a config (a Config or a path), counts per site target are added;
    with `keyphrases`, the top YAKE terms. The expensive part (scores, YAKE) is cached and, for many posts, worked
    out in parallel (`smpseo.parallel`)."""
    from .checks.context import PostContext
    from .config import Config, load_config
    from .keyphrase import Matcher, SpellingGuard
    from .parallel import post_analysis

    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    posts = list(posts)
    rows = []
    matcher = Matcher(config.synonyms) if config else None
    targets = [matcher.phrase(t) for t in config.targets] if config else []
    for post, done in zip(posts, post_analysis(posts, keyphrases), strict=True):
        counts = None
        if config is not None:
            counts = PostContext(post, config, matcher, targets, SpellingGuard([])).target_counts
        terms = (done["terms"] or []) if keyphrases else None
        rows.append(post_metrics(post, scores=done["scores"], target_counts=counts, terms=terms,
                                 shares=done["shares"]))
    return rows


FILE_KIND = "analyze-file"
SOURCE_BATCH = 500  # files read and analysed together by analyze_sources


def analyze_sources(*paths, config=None, keyphrases: bool = True, debug: bool = False):
    """`analyze(load_posts(*paths), config)` and the read errors, without reading files that have not changed.

    Each file's rows, read errors and slugs are cached under the file's bytes, its path, the settings `analyze`
    uses (targets, synonyms) and the versions (`smpseo.cache`); only changed files are read and analysed. Returns
    (rows, errors) in the order `load_posts` gives them."""
    import hashlib
    from types import SimpleNamespace

    from . import cache
    from .config import Config, load_config
    from .model import ReadError
    from .readers import duplicate_slugs, iter_sources, read_source

    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    settings = [config.targets, config.synonyms] if config is not None else None
    use_cache = cache.enabled()
    errors: list[ReadError] = []
    files = iter_sources(paths, errors)
    entries: list[dict | None] = [None] * len(files)
    keys: list[str | None] = [None] * len(files)
    for i, path in enumerate(files):
        if not use_cache:
            break
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # read_source says why
        keys[i] = digest = cache.key(FILE_KIND, str(path), content, settings, keyphrases)
        entry = cache.get(FILE_KIND, digest)
        if _whole_entry(entry):
            entries[i] = entry
    missing = [i for i in range(len(files)) if entries[i] is None]
    for start in range(0, len(missing), SOURCE_BATCH):  # in batches: memory stays flat on large blogs
        batch = missing[start:start + SOURCE_BATCH]
        read: list[tuple[list, list[ReadError]]] = []
        for i in batch:
            own: list[ReadError] = []
            read.append((read_source(files[i], own, debug), own))
        fresh_rows = iter(analyze([p for posts, _ in read for p in posts], config, keyphrases=keyphrases))
        for i, (posts, own) in zip(batch, read, strict=True):
            entry = {"rows": [next(fresh_rows) for _ in posts],
                     "errors": [[e.path, e.message, e.line, e.severity] for e in own],
                     "posts": [[p.slug, p.path, p.meta_lines.get("slug"), p.title_line] for p in posts]}
            if keys[i] is not None and not any(e.severity == "error" for e in own):
                cache.put(FILE_KIND, keys[i], entry)
            entries[i] = entry
    rows: list[dict] = []
    stand_ins: list = []
    for i in range(len(files)):
        entry = entries[i]
        rows.extend(entry["rows"])
        errors.extend(ReadError(path, message, line, severity) for path, message, line, severity in entry["errors"])
        stand_ins.extend(SimpleNamespace(slug=slug, path=path, meta_lines={"slug": slug_line} if slug_line else {},
                                         title_line=title_line)
                         for slug, path, slug_line, title_line in entry["posts"])
    errors.extend(duplicate_slugs(stand_ins))
    return rows, errors


def _whole_entry(entry) -> bool:
    """A cached file entry of the right shape (anything else is rebuilt)."""
    try:
        return (isinstance(entry, dict) and all(isinstance(r, dict) for r in entry["rows"])
                and all(len(e) == 4 for e in entry["errors"]) and all(len(p) == 4 for p in entry["posts"])
                and len(entry["rows"]) == len(entry["posts"]))
    except (KeyError, TypeError):
        return False


def analyze_frame(posts, config=None, *, keyphrases: bool = True):
    """Per-post metrics as a pandas DataFrame, one row per post (`smpseo.analyze`).

    `posts`: a Corpus, a list of Posts, or paths to read. `config`: a Config or a path to smpseo.toml (default:
    the nearest smpseo.toml) for the per-target keyword counts.
    """
    from pathlib import Path

    import pandas as pd

    from .config import load_config

    first = None
    paths = None
    if isinstance(posts, (str, Path)) or (isinstance(posts, (list, tuple)) and posts
                                          and all(isinstance(p, (str, Path)) for p in posts)):
        paths = [posts] if isinstance(posts, (str, Path)) else list(posts)
        first = str(paths[0])
    if config is None:
        config = load_config(search_from=first if first and Path(first).exists() else None)
    if paths is not None:  # unchanged files come straight from the cache
        return pd.DataFrame(analyze_sources(*paths, config=config, keyphrases=keyphrases)[0])
    return pd.DataFrame(analyze(posts, config, keyphrases=keyphrases))
