"""YAKE keyphrases per post, with deduplication that works, and the blog's keyword opportunities.

The scores are yake 0.7.3's with `levs` deduplication (`smpseo.analysis.yakecore` computes them three times faster, term for
term the same). yake's default `seqm` dedup barely deduplicates, so we ask for `levs` and then drop every term whose
words (as word forms) all appear in a better-ranked term ("British Columbia" after "British Columbia Canada"). YAKE
returns `[]` when it fails on a text: `extract()` returns None in that case so callers can tell "failed" from
"nothing found". YAKE reads the body prose one sentence per line, never headings glued to sentences.
"""

from __future__ import annotations

import re

from smpseo.analysis import yakecore
from smpseo.analysis.readability import post_text
from smpseo.core.language import is_function_word, stem
from smpseo.core.text import WORD_RE
from smpseo.model.post import Post

CANDIDATES = 20  # YAKE terms asked for before our deduplication
TOP = 10


def _stems(term: str) -> frozenset[str]:
    return frozenset(stem(w) for w in WORD_RE.findall(term) if not is_function_word(w))


def dedupe(terms: list[tuple[str, float]], top: int = TOP) -> list[tuple[str, float]]:
    """Keep the best-ranked of near-duplicates: a term whose word forms all appear in a better term is dropped."""
    kept: list[tuple[str, float, frozenset[str]]] = []
    for term, score in sorted(terms, key=lambda ts: ts[1]):
        stems = _stems(term)
        if not stems or any(ch.isdigit() for ch in term):
            continue  # numbers and phone fragments are not topics
        if any(stems <= other for _, _, other in kept):
            continue
        kept.append((term, score, stems))
        if len(kept) >= top:
            break
    return [(term, score) for term, score, _ in kept]


def extract(post: Post, top: int = TOP) -> list[tuple[str, float]] | None:
    """The post's top YAKE terms, best (lowest score) first, deduplicated. None when YAKE failed on the text."""
    return extract_text(post_text(post), top)


MAX_WORDS = 20_000  # YAKE reads this much of a post at most: 4-10 times a long post, and YAKE's time grows with it


# No word is 40 characters long ("pneumonoultramicroscopicsilicovolcanoconiosis" is 45): longer runs are pasted
# code, base64 or keyboard mash, and segtok, YAKE's tokenizer, takes minutes on a 30,000-character one.
_LONG_WORD_RE = re.compile(r"\S{46,}")


def _opening(text: str, limit: int = MAX_WORDS) -> str:
    """The first sentences (lines) of `text` up to `limit` words: a 5 MB dump saved as one post takes YAKE seconds,
    not minutes, and no real post is cut."""
    if len(text) < limit * 4:  # too short to hold that many words
        return text
    total = 0
    for at, line in enumerate(text.split("\n")):
        total += len(WORD_RE.findall(line))
        if total >= limit:
            return "\n".join(text.split("\n")[: at + 1])
    return text


def extract_text(text: str, top: int = TOP) -> list[tuple[str, float]] | None:
    """`extract()` of `post_text()`'s output (one sentence per line)."""
    if not text.strip():
        return []
    # YAKE's tokenizer keeps "you're" whole but cuts "you’re", as Word and WordPress write it, into "you" and "’re"
    text = _LONG_WORD_RE.sub(" ", _opening(text)).replace("’", "'")
    raw = yakecore.keywords(text, CANDIDATES)
    if not raw and len(WORD_RE.findall(text)) >= 20:
        return None
    return [(term, round(float(score), 5)) for term, score in dedupe(raw, top)]


def opportunities(keyphrases: dict[str, list[tuple[str, float]]], targets: list, matcher,
                  per_post: int = TOP, known: str = "") -> dict[str, list[dict]]:
    """`untargeted`: YAKE terms of 2+ content words among the posts' top terms that match no target (most posts
    first), leaving out terms made of `known` words (the business name, city, region), or of two or more of them and
    one other word;
    `uncovered`: targets that no post's top terms match."""
    known_keys = set(matcher.phrase(known).keys) if known.strip() else set()
    seen: dict[frozenset[str], dict] = {}
    covered: set[str] = set()
    for path, terms in keyphrases.items():
        for term, score in terms[:per_post]:
            phrase = matcher.phrase(term)
            keys = set(phrase.keys)
            # a term covers a target holding all its words; a target covers a term of 2+ words inside it
            matched = [t.text for t in targets if keys and (set(t.keys) <= keys or (len(keys) > 1 and keys <= set(t.keys)))]
            covered.update(matched)
            # the business name or the place with one stray word ("Gold Coast sits", "Hairline Studio begins")
            mostly_known = len(keys & known_keys) >= 2 and len(keys - known_keys) <= 1
            if matched or len(keys) < 2 or keys <= known_keys or mostly_known:
                continue
            key_ = frozenset(phrase.keys)
            entry = seen.get(key_)
            if entry is None:
                entry = seen[key_] = {"term": term, "posts": 0, "best_score": score, "paths": []}
            entry["posts"] += 1
            entry["best_score"] = min(entry["best_score"], score)
            entry["paths"].append(path)
    untargeted = sorted(seen.values(), key=lambda e: (-e["posts"], e["best_score"]))
    uncovered = [{"target": t.text} for t in targets if t.text not in covered]
    return {"untargeted": untargeted, "uncovered": uncovered}
