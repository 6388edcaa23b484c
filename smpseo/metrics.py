"""Per-post metrics: the numbers `smpseo analyze` reports, one row per post. Plain data."""

from __future__ import annotations

from .model import Corpus, Post
from .readability import scores


def post_metrics(post: Post) -> dict:
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
    row.update(scores(post))
    return row


def analyze(posts: Corpus | list[Post]) -> list[dict]:
    """One dict of metrics per post."""
    return [post_metrics(p) for p in posts]
