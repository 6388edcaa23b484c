"""Per-post metrics: the numbers `smpseo analyze` reports, one row per post. Plain data.

Besides counts and readability scores: the shares of long, passive and transition sentences (the percentages
behind the RD1xx findings), how often each site target appears (`kw: <target>` columns), and the top YAKE terms.
"""

from __future__ import annotations

from smpseo.analysis.passive import passive_phrase
from smpseo.analysis.readability import LONG_SENTENCE_WORDS, text_scores
from smpseo.analysis.readability import scores as readability_scores
from smpseo.core.budget import BudgetExceeded, time_budget
from smpseo.core.language import find_phrase
from smpseo.core.text import sentence_lines, words
from smpseo.model.post import QUOTE, Post, post_names


def sentence_shares(post: Post) -> dict[str, float]:
    """Percent of sentences that are long (> 20 words), passive, or hold a transition word."""
    return shares_of([(s.text, b.kind != QUOTE) for b in post.prose for s in b.sentences])


def shares_of(sentences, long_words: int = LONG_SENTENCE_WORDS) -> dict[str, float]:
    """`sentence_shares()` from (sentence text, written by the author rather than quoted) pairs."""
    if not sentences:
        return {"long_sentences_pct": 0.0, "passive_pct": 0.0, "transition_pct": 0.0}
    own = [text for text, authored in sentences if authored]
    long_ = sum(1 for text in own if len(words(text)) > long_words)
    passive = sum(1 for text in own if passive_phrase(text))
    transition = sum(1 for text, _ in sentences if find_phrase("transition_words", text))
    n_own = len(own) or 1
    return {"long_sentences_pct": round(100 * long_ / n_own, 1), "passive_pct": round(100 * passive / n_own, 1),
            "transition_pct": round(100 * transition / len(sentences), 1)}


def post_metrics(post: Post, *, scores: dict | None = None, target_counts: dict[str, int] | None = None,
                 terms: list[tuple[str, float]] | None = None, shares: dict[str, float] | None = None,
                 long_words: int = LONG_SENTENCE_WORDS) -> dict:
    """One post's metrics. `long_words`: the long-sentence limit in force (RD101's `max_words`)."""
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
    if long_words != LONG_SENTENCE_WORDS:  # the cached shares use the default limit; this one is cheap to redo
        row["long_sentences_pct"] = shares_of(post_work(post), long_words)["long_sentences_pct"]
    for target, count in (target_counts or {}).items():
        row[f"kw: {target}"] = count
    if terms is not None:
        row["top_terms"] = [term for term, _ in terms[:5]]
    return row


# One post's input to the expensive part of its analysis: its prose sentences as (text, written by the author
# rather than quoted). Plain data, so it can be hashed for the cache and sent to worker processes.
Work = tuple[tuple[str, bool], ...]


def post_work(post: Post) -> Work:
    return tuple((s.text, b.kind != QUOTE) for b in post.prose for s in b.sentences)


KEYWORD_SECONDS = 10.0  # YAKE's budget for one post: 20,000 words (all it reads) take half a second


def analyse(work: Work, keyphrases: bool = True) -> dict:
    """Readability scores, sentence shares and (with `keyphrases`) YAKE terms, from a post's sentences.
    `terms` is None when YAKE failed on the text (see `smpseo.analysis.extract`)."""
    from smpseo.analysis.extract import extract_text

    text = sentence_lines(t for t, _ in work)
    out = {"scores": text_scores(text), "shares": shares_of(work)}
    if keyphrases:
        try:
            with time_budget(KEYWORD_SECONDS):
                terms = extract_text(text)
        except BudgetExceeded:  # shown as keyword extraction that failed on this post; the rest is analysed
            terms = None
        out["terms"] = None if terms is None else [[term, score] for term, score in terms]
    return out


_matchers: dict[str, tuple] = {}


def _target_matcher(config):
    """A matcher with the site's targets compiled, and the targets: one per settings in a process, so that the
    words of many posts (a worker's share of a blog) are looked up once. Counting targets compiles nothing else, so
    a matcher that has read other posts reads a post as a new one does."""
    import json

    from smpseo.analysis.keyphrase import Matcher

    name = json.dumps([config.synonyms, config.targets], sort_keys=True, default=str)
    found = _matchers.get(name)
    if found is None:
        if len(_matchers) > 8:
            _matchers.clear()
        matcher = Matcher(config.synonyms)
        found = _matchers[name] = (matcher, [matcher.phrase(t) for t in config.targets])
    return found


def metric_rows(posts: list[Post], analysed: list[dict], config=None, *, keyphrases: bool = True,
                long_words: int = LONG_SENTENCE_WORDS) -> list[dict]:
    """One dict of metrics per post, from each post's `analyse()` result. With a Config, counts per site target
    are added; with `keyphrases`, the top YAKE terms."""
    from smpseo.analysis.context import PostContext
    from smpseo.analysis.spelling import SpellingGuard

    rows = []
    matcher, targets = _target_matcher(config) if config else (None, [])
    for post, done, name in zip(posts, analysed, post_names(posts), strict=True):
        counts = None
        if config is not None:
            counts = PostContext(post, config, matcher, targets, SpellingGuard([])).target_counts
        terms = (done["terms"] or []) if keyphrases else None
        rows.append(post_metrics(post, scores=done["scores"], target_counts=counts, terms=terms,
                                 shares=done["shares"], long_words=long_words) | {"path": name})
        if matcher is not None:
            matcher.forget_texts()
    return rows


def metric_columns(config=None, *, keyphrases: bool = True) -> list[str]:
    """The columns of `metric_rows`' rows, in their order, for a table of no posts: those of a blank post's row."""
    blank = {"scores": text_scores(""), "shares": shares_of([]), "terms": []}
    return list(metric_rows([Post(None, "", "")], [blank], config, keyphrases=keyphrases)[0])
