"""Why the section matcher and not plain retrieval: the same labels, scored by TF-IDF and BM25 baselines.

The baselines rank sections by similarity to the topic's question, phrasings and terms; their two thresholds
(answered / partial) are then chosen with the labels in hand, the best case for them. The matcher's thresholds are
fixed in the code. Run with `-s` to see the numbers.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest
import yaml

from smpseo.analysis.gaps import build_index, default_lexicon
from smpseo.app.gaps import gaps
from smpseo.core.language import content_stems
from smpseo.sources.readers import load_posts
from smpseo.sources.topics import shipped_topics

HERE = Path(__file__).parent / "fixtures" / "gaps"
LABELS = {k: v["status"] for k, v in yaml.safe_load((HERE / "labels.yml").read_text(encoding="utf-8")).items()}


def _sections(posts, tokenize):
    docs = []
    for post in posts:
        for section in post.sections:
            docs.append(tokenize(f"{section.title}\n{section.text}"))
    return docs


def _tfidf_scores(docs, queries):
    n = len(docs)
    df = Counter(t for d in docs for t in set(d))
    idf = {t: math.log((n + 1) / (c + 1)) + 1 for t, c in df.items()}

    def vec(tokens):
        tf = Counter(tokens)
        v = {t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    doc_vecs = [vec(d) for d in docs]
    return [max(sum(w * dv.get(t, 0.0) for t, w in vec(q).items()) for dv in doc_vecs) for q in queries]


def _bm25_scores(docs, queries, k1=1.2, b=0.75):
    n = len(docs)
    avg = sum(len(d) for d in docs) / n
    df = Counter(t for d in docs for t in set(d))
    idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
    tfs = [Counter(d) for d in docs]
    out = []
    for q in queries:
        terms = set(q)
        best = max(sum(idf.get(t, 0.0) * tf[t] * (k1 + 1) / (tf[t] + k1 * (1 - b + b * len(d) / avg))
                       for t in terms if t in tf) for tf, d in zip(tfs, docs, strict=True))
        out.append(best / (sum(idf.get(t, 0.0) for t in terms) or 1.0))
    return out


def _oracle_accuracy(scores, labels):
    """The best accuracy two thresholds on `scores` can reach (thresholds chosen knowing the labels)."""
    cuts = sorted(set(scores)) + [max(scores) + 1]
    best = 0
    for i, partial in enumerate(cuts):
        for answered in cuts[i:]:
            got = ["answered" if s >= answered else "partial" if s >= partial else "missing" for s in scores]
            best = max(best, sum(g == lab for g, lab in zip(got, labels, strict=True)))
    return best / len(labels)


@pytest.fixture(scope="module")
def setup():
    posts = list(load_posts(str(HERE / "posts")))
    topics = shipped_topics()
    labels = [LABELS[t.id] for t in topics]
    texts = [" ".join([t.question, *t.phrasings, *t.terms]) for t in topics]
    return posts, topics, labels, texts


def test_matcher_beats_tuned_retrieval_baselines(setup, capsys):
    posts, topics, labels, texts = setup
    lexicon = default_lexicon()
    results = {}
    for name, tokenize in [("stems", content_stems), ("stems+synonyms", lexicon.keys)]:
        docs = _sections(posts, tokenize)
        queries = [tokenize(t) for t in texts]
        results[f"TF-IDF cosine ({name})"] = _oracle_accuracy(_tfidf_scores(docs, queries), labels)
        results[f"BM25 ({name})"] = _oracle_accuracy(_bm25_scores(docs, queries), labels)
    report = gaps(posts)
    matcher = sum(report[t.id].status == LABELS[t.id] for t in topics) / len(topics)
    with capsys.disabled():
        print()
        for name, acc in results.items():
            print(f"  {name:34} {acc:.0%} (thresholds tuned on the labels)")
        print(f"  {'section matcher (fixed thresholds)':34} {matcher:.0%}")
    assert matcher > max(results.values())
    assert build_index(posts, lexicon).passages  # the index the matcher used is not empty
