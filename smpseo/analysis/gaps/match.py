"""Matching: every topic against every section, a status, evidence and a suggestion; the gaps ranked by demand."""

from __future__ import annotations

from dataclasses import dataclass

from smpseo.analysis.gaps.index import Index, Passage, TopicQuery, build_index, compile_topic
from smpseo.analysis.gaps.lexicon import lexicon_for
from smpseo.core.language import is_function_word, stem
from smpseo.core.text import WORD_RE
from smpseo.model.gaps import (
    ANSWERED,
    MISSING,
    PARTIAL,
    STATUS_ORDER,
    Candidate,
    Evidence,
    GapReport,
    PostMatch,
    Suggestion,
    TopicResult,
)
from smpseo.model.post import Post
from smpseo.sources.topics import Topic

# Calibrated thresholds (see the module docstring and tests/test_gaps_calibration.py).
HIT = 0.42  # a sentence is about the topic when its relevance reaches this
FULL_HIT = 0.9  # ... and holds (nearly) the whole question from this
HEADING_MATCH = 0.6  # a heading/title asks the question from this F-measure against a way of asking it
PLAIN_HEADING = 0.8  # a heading that is not a question says what its section is about, a little less surely
NAMED_HEADING = 0.6  # a plain heading names the topic ("Avoid sun damage") from this relevance
ANSWER_SCORE = 0.6  # a section scoring this answers the question
PARTIAL_SCORE = 0.3  # a section scoring this mentions it
MIN_PASSAGE = 4  # sentences a paragraph needs to count as an answer on its own
SHORT_SECTION = 3  # sentences: a section this short answers with one sentence that holds the whole question
FOCUS_SCALE = 1.6  # share of a section's sentences on the topic x this = its focus (capped at 1)
RELATED_TITLE = 0.3  # a title this close to a question makes its post the one to extend



# ---- matching ------------------------------------------------------------------------------------------------
@dataclass
class _Scored:
    score: float
    passage: Passage
    hits: list[int]  # sentence indexes
    index: int = 0  # of the passage


class _Matrix:
    """Per topic: the relevance of every sentence and the heading match of every section, computed once."""

    def __init__(self, compiled: list[TopicQuery], index: Index):
        self.index = index
        self.queries = {q.topic.id: q for q in compiled}
        on_topic = [index.on_topic[p.post] for p in index.passages]
        live = [False] * len(index.sentences)  # sentences of posts that can answer at all
        for p, ok in zip(index.passages, on_topic, strict=True):
            if ok:
                live[p.first:p.end] = [True] * (p.end - p.first)
        self.rel: dict[str, list[float]] = {}
        self.heading: dict[str, list[float]] = {}
        self.title: dict[str, list[float]] = {}
        self.asked: dict[str, list[float]] = {}  # question headings and quoted questions only
        for q in compiled:
            topic_keys = frozenset(q.idf)
            self.rel[q.topic.id] = [q.relevance(s.keys) if ok and not topic_keys.isdisjoint(s.keys) else 0.0
                                    for s, ok in zip(index.sentences, live, strict=True)]
            self.title[q.topic.id] = [q.heading_match(t, index) if ok else 0.0
                                      for t, ok in zip(index.titles, index.on_topic, strict=True)]
            row, asked_row = [], []
            for p, ok in zip(index.passages, on_topic, strict=True):
                asked = max((q.heading_match(k, index) for k in p.questions), default=0.0) if ok else 0.0
                said = PLAIN_HEADING * q.heading_match(p.heading_keys, index) if ok and p.heading_keys else 0.0
                row.append(max(asked, said))
                asked_row.append(asked)
            self.heading[q.topic.id] = row
            self.asked[q.topic.id] = asked_row
        # The sentences of each section about each topic.
        self.hits: dict[str, list[frozenset[int]]] = {
            tid: [frozenset(i for i in range(p.first, p.end) if rel[i] >= HIT) for p in index.passages]
            for tid, rel in self.rel.items()}
        # The topic each section is about, by its heading (by the title for the introduction).
        self.owners: list[set[str]] = []
        for i, p in enumerate(index.passages):
            owners = {tid for tid, row in self.heading.items() if row[i] >= HEADING_MATCH}
            if not p.heading:
                owners |= {tid for tid, row in self.title.items() if row[p.post] >= HEADING_MATCH}
            self.owners.append(owners)


def _score_passage(tid: str, pi: int, m: _Matrix) -> _Scored:
    index = m.index
    passage = index.passages[pi]
    if not index.on_topic[passage.post]:
        return _Scored(0.0, passage, [], pi)
    rel = m.rel[tid]
    heading = m.heading[tid][pi]
    if not passage.heading:  # the introduction is about what the title asks
        heading = max(heading, m.title[tid][passage.post])
    others = m.owners[pi] - {tid}
    owned_elsewhere = bool(others) and heading < HEADING_MATCH

    def weight(i: int) -> float:
        """A hit counts fully, or half when the sentence is about the section's own (other) topic too."""
        if rel[i] < HIT:
            return 0.0
        if owned_elsewhere and any(m.rel[o][i] >= HIT for o in others):
            return 0.5
        return 1.0

    def focus(first: int, end: int) -> float:
        count = end - first
        strong = sum(weight(i) for i in range(first, end))
        if not count or strong < 2:
            return 0.0
        return min(1.0, strong / count * FOCUS_SCALE) * min(1.0, strong / 3)

    hits = [i for i in range(passage.first, passage.end) if rel[i] >= HIT]
    body = focus(passage.first, passage.end)
    # Several sentences repeating one word ("Vancouver" in every sign-off) are not an answer: an answer uses more
    # than one of the topic's words, or stands under a heading that names the topic.
    q = m.queries[tid]
    distinct = set().union(*(index.sentences[i].keys & q.weights.keys() for i in hits)) if hits else set()
    named = bool(passage.heading_content) and q.relevance(passage.heading_content) >= NAMED_HEADING
    if len(distinct) < min(2, len(q.weights)) and not named:
        body = min(body, ANSWER_SCORE - 0.05)
    if named and len(hits) >= 2:
        body = max(body, min(1.0, ANSWER_SCORE + 0.1 * len(hits)))
    # Every sentence on this topic is also on another topic that the section says more about: the section answers
    # that one ("shave to a stubble length, with clippers" answers how to shave, not whether you must).
    mine = m.hits[tid][pi]
    subsumed = bool(mine) and any(mine < m.hits[other][pi] for other in m.hits if other != tid)
    if owned_elsewhere or subsumed:  # a section about another question answers this one only in a paragraph
        body = min(body, ANSWER_SCORE - 0.05)
    for first, end in passage.paragraphs if not subsumed else ():
        if end - first >= MIN_PASSAGE:
            body = max(body, focus(first, end))
    mention = max((rel[i] for i in range(passage.first, passage.end)), default=0.0)
    count = passage.end - passage.first
    question = q.facets[0].keys if q.facets else frozenset()
    full_hits = [i for i in hits if rel[i] >= FULL_HIT and len(index.sentences[i].keys & question) >= 2]
    if count and count <= SHORT_SECTION and full_hits and not owned_elsewhere and passage.heading:
        body = max(body, ANSWER_SCORE)  # a short section that says it in so many words
    asked = m.asked[tid][pi] >= HEADING_MATCH
    if heading >= HEADING_MATCH and (hits or (asked and count)):
        # A heading that asks the question is answered by the prose under it; a heading that only names the
        # topic, by prose that uses its words.
        score = max(body, ANSWER_SCORE + 0.4 * min(1.0, len(hits) / 2))
    elif heading >= HEADING_MATCH:
        score = max(body, PARTIAL_SCORE + 0.15)
    else:
        mentioned = PARTIAL_SCORE + 0.25 * mention if mention >= HIT else mention * 0.5
        score = max(body, heading * 0.6, mentioned)
    return _Scored(score, passage, hits, pi)


def _status(score: float) -> str:
    if score >= ANSWER_SCORE:
        return ANSWERED
    if score >= PARTIAL_SCORE:
        return PARTIAL
    return MISSING


def match_topic(q: TopicQuery, m: _Matrix, max_evidence: int = 3) -> TopicResult:
    index = m.index
    tid = q.topic.id
    by_post: dict[int, _Scored] = {}
    for pi, passage in enumerate(index.passages):
        scored = _score_passage(tid, pi, m)
        best = by_post.get(passage.post)
        if best is None or scored.score > best.score:
            by_post[passage.post] = scored
    rel = m.rel[tid]
    posts: list[PostMatch] = []
    for p_index, scored in by_post.items():
        post = index.posts[p_index]
        score = scored.score
        if m.title[tid][p_index] >= HEADING_MATCH:
            # The post asks the question in its title: the whole post answers it when its body stays on it.
            all_hits = sum(1 for p in index.passages if p.post == p_index
                           for i in range(p.first, p.end) if rel[i] >= HIT)
            score = max(score, ANSWER_SCORE + 0.4 * min(1.0, all_hits / 3) if all_hits else PARTIAL_SCORE + 0.15)
        if score >= PARTIAL_SCORE:
            posts.append(PostMatch(post.path or post.slug, post.title, min(score, 1.0), scored.passage.heading,
                                   scored.passage.line, _status(score), len(scored.hits),
                                   m.title[tid][p_index] >= RELATED_TITLE,
                                   bool(m.owners[scored.index] - {tid})))
    posts.sort(key=lambda pm: -pm.score)
    best = posts[0].score if posts else max((s.score for s in by_post.values()), default=0.0)
    status = _status(best)
    evidence: list[Evidence] = []
    if status != MISSING:
        ranked = sorted(((rel[i], i, sc.passage) for sc in by_post.values() if _status(sc.score) != MISSING
                         for i in sc.hits), key=lambda x: (-x[0], x[1]))
        for r, i, passage in ranked[:max_evidence]:
            post, s = index.posts[passage.post], index.sentences[i]
            evidence.append(Evidence(post.path or post.slug, s.line, s.column, s.text, passage.heading, r))
    return TopicResult(q.topic.id, q.topic.question, status, round(min(best, 1.0), 4), posts, evidence)


# ---- suggestions -----------------------------------------------------------------------------------------------
def _keywords(q: TopicQuery, index: Index, config=None, limit: int = 5) -> list[str]:
    words: list[str] = []
    for term in q.topic.terms:
        if term not in words:
            words.append(term)
    if not words:  # a user topic without terms: the question's rarest words
        raw = [w for w in WORD_RE.findall(q.topic.question) if not is_function_word(w)]
        raw = [w for w in raw if stem(w) in q.weights or index.lexicon.phrases.get((stem(w),)) in q.weights]
        words = sorted(dict.fromkeys(raw), key=lambda w: -q.weights.get(stem(w), 0.0))
    words = words[: limit - 1]
    targets = list(getattr(config, "targets", []) or [])
    if targets:
        words.append(targets[0])
    return words


def _nearest(q: TopicQuery, m: _Matrix) -> Post | None:
    """The post whose title is closest to the question, if one is close enough (RELATED_TITLE)."""
    row = m.title[q.topic.id]
    best = max(range(len(row)), key=lambda i: row[i], default=None)
    if best is None or row[best] < RELATED_TITLE:
        return None
    return m.index.posts[best]


def suggest(result: TopicResult, q: TopicQuery, m: _Matrix, config=None) -> Suggestion | None:
    """Extend a post that already discusses the topic (two sentences or more in a section of its own, or a title
    close to the question); a topic only mentioned in passing, or not at all, calls for a post of its own."""
    if result.status == ANSWERED:
        return None
    index = m.index
    keywords = _keywords(q, index, config)
    subheadings = list(q.topic.phrasings)
    near = [p for p in result.posts if (p.hits >= 2 and not p.elsewhere) or p.about]
    post, after = None, ""
    if near:
        post = next(p for p in index.posts if (p.path or p.slug) == near[0].path)
        after = near[0].section
    else:
        post = _nearest(q, m)
    if post is not None:
        return Suggestion("extend", q.topic.question, subheadings, keywords, post.path or post.slug, post.title,
                          after)
    return Suggestion("write", q.topic.question, subheadings, keywords)


def find_gaps(post_list: list[Post], topic_list: list[Topic], query_rows=None, config=None,
              errors: list | None = None) -> GapReport:
    """Match every topic against the posts and rank the gaps by demand (`query_rows`: Search Console rows already
    read, or None)."""
    from smpseo.sources.queries import map_queries

    index = build_index(post_list, lexicon_for(config))
    compiled = [compile_topic(t, index) for t in topic_list]
    matrix = _Matrix(compiled, index)
    results = []
    for q in compiled:
        result = match_topic(q, matrix)
        result.suggestion = suggest(result, q, matrix, config)
        results.append(result)
    candidates: list[Candidate] = []
    has_queries = query_rows is not None
    if has_queries:
        demand, unmapped = map_queries(list(query_rows), compiled, index)
        for r in results:
            hits = demand.get(r.id, [])
            r.impressions = sum(h.impressions for h in hits)
            r.clicks = sum(h.clicks for h in hits)
            r.queries = [h.query for h in sorted(hits, key=lambda h: -h.impressions)]
        candidates = [Candidate(u.query, u.impressions, u.clicks, u.position) for u in unmapped]
    order = {t.id: i for i, t in enumerate(topic_list)}
    results.sort(key=lambda r: (r.status == ANSWERED, -r.impressions, STATUS_ORDER[r.status], order[r.id]))
    for rank, r in enumerate(results, start=1):
        r.priority = rank
    return GapReport(results, candidates, len(post_list), list(errors or []), has_queries)
