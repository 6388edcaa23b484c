"""Readability formulas from textstat, fed clean sentence text (headings and captions are not sentences).

The scores are textstat 0.7.13's, worked out in one pass by `smpseo.analysis.textstatcore` (the same numbers, to
the last bit, five times faster)."""

from __future__ import annotations

from smpseo.analysis import textstatcore
from smpseo.core.text import sentence_lines
from smpseo.model.post import Post

# A sentence is long over this many words (Yoast's limit): RD101's default, and the share in the metrics.
LONG_SENTENCE_WORDS = 20

# Flesch reading ease bands (Yoast's): from EASE_GOOD easy enough, from EASE_POOR fairly difficult, below it
# difficult. The one definition: RD108's default, the report's colours and its to-do list all use these.
EASE_GOOD, EASE_POOR = 60.0, 50.0


def ease_band(value: float | None) -> str | None:
    """"good", "ok" or "poor" for a Flesch reading ease; None when there is no score."""
    if value is None:
        return None
    return "good" if value >= EASE_GOOD else "ok" if value >= EASE_POOR else "poor"


def post_text(post: Post) -> str:
    """The body prose, one sentence per line (`smpseo.core.text.sentence_lines`)."""
    return sentence_lines(s.text for s in post.sentences)


def scores(post: Post) -> dict[str, float | None]:
    """Flesch reading ease and grade levels for a post's prose (None when it has no prose)."""
    return text_scores(post_text(post))


def text_scores(text: str) -> dict[str, float | None]:
    """The scores of `post_text()`'s output (one sentence per line)."""
    if not text.strip():
        return {"flesch_reading_ease": None, "flesch_kincaid_grade": None, "grade": None}
    ease, grade, consensus = textstatcore.scores(text)
    return {
        "flesch_reading_ease": round(ease, 1),
        "flesch_kincaid_grade": round(grade, 1),
        "grade": round(consensus, 1),
    }
