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
    from .checks.readability import passive_phrase
    from .language import find_phrase

    sentences = post.sentences
    own = [s for b in post.prose if b.kind != QUOTE for s in b.sentences]
    if not sentences:
        return {"long_sentences_pct": 0.0, "passive_pct": 0.0, "transition_pct": 0.0}
    long_ = sum(1 for s in own if len(s.words) > LONG_SENTENCE_WORDS)
    passive = sum(1 for s in own if passive_phrase(s.text))
    transition = sum(1 for s in sentences if find_phrase("transition_words", s.text))
    n_own = len(own) or 1
    return {"long_sentences_pct": round(100 * long_ / n_own, 1), "passive_pct": round(100 * passive / n_own, 1),
            "transition_pct": round(100 * transition / len(sentences), 1)}


def post_metrics(post: Post, *, scores: dict | None = None, target_counts: dict[str, int] | None = None,
                 terms: list[tuple[str, float]] | None = None) -> dict:
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
    row.update(sentence_shares(post))
    for target, count in (target_counts or {}).items():
        row[f"kw: {target}"] = count
    if terms is not None:
        row["top_terms"] = [term for term, _ in terms[:5]]
    return row


def analyze(posts: Corpus | list[Post], config=None, *, keyphrases: bool = True) -> list[dict]:
    """One dict of metrics per post. With a config (a Config or a path), counts per site target are added;
    with `keyphrases`, the top YAKE terms."""
    from .checks.context import PostContext
    from .config import Config, load_config
    from .keyphrase import Matcher, SpellingGuard

    if config is not None and not isinstance(config, Config):
        config = load_config(config)
    rows = []
    matcher = Matcher(config.synonyms) if config else None
    targets = [matcher.phrase(t) for t in config.targets] if config else []
    for post in posts:
        counts = None
        if config is not None:
            counts = PostContext(post, config, matcher, targets, SpellingGuard([])).target_counts
        terms = None
        if keyphrases:
            from .extract import extract

            terms = extract(post) or []
        rows.append(post_metrics(post, target_counts=counts, terms=terms))
    return rows


def analyze_frame(posts, config=None, *, keyphrases: bool = True):
    """Per-post metrics as a pandas DataFrame, one row per post (`smpseo.analyze`).

    `posts`: a Corpus, a list of Posts, or paths to read. `config`: a Config or a path to smpseo.toml (default:
    the nearest smpseo.toml) for the per-target keyword counts.
    """
    from pathlib import Path

    import pandas as pd

    from .config import load_config

    first = None
    if isinstance(posts, (str, Path)) or (isinstance(posts, (list, tuple)) and posts
                                          and all(isinstance(p, (str, Path)) for p in posts)):
        from .readers import load_posts

        paths = [posts] if isinstance(posts, (str, Path)) else list(posts)
        first = str(paths[0])
        posts = load_posts(*paths)
    if config is None:
        config = load_config(search_from=first if first and Path(first).exists() else None)
    return pd.DataFrame(analyze(posts, config, keyphrases=keyphrases))
