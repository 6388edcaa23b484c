"""Topics against a blog: status, best place, evidence and what to write for every topic; the gaps ranked by demand.

For each topic the scorer (`scorer.py`) rates every passage: does it answer the question, only mention it, or ask
it (mostly questions)? The best passage by `answers` is where to send a reader, and the status follows from the
best rating and from how close in meaning the closest passage comes. Marks set by hand in a topics file take
precedence and say so.
"""

from __future__ import annotations

import functools
from pathlib import PurePosixPath

import numpy as np

from smpseo.analysis.gaps.features import (
    Asked,
    Embedded,
    Part,
    TopicEvidence,
    asked_for,
    embed_blog,
    parts,
    topic_features,
)
from smpseo.analysis.gaps.index import build_index, compile_topic
from smpseo.analysis.gaps.lexicon import Lexicon, lexicon_for
from smpseo.analysis.gaps.respell import mender
from smpseo.analysis.gaps.scorer import Scorer
from smpseo.analysis.gaps.vectors import WordVectors
from smpseo.core.language import is_function_word, says_something
from smpseo.model.gaps import (
    ANSWERED,
    ANSWERS,
    ASKS,
    CHECK,
    MENTIONS,
    MISSING,
    NOT_RELEVANT,
    PARTIAL,
    STATUS_ORDER,
    SURE,
    Candidate,
    Evidence,
    GapReport,
    PostMatch,
    Suggestion,
    TopicResult,
)
from smpseo.model.post import Post, post_names, short_name
from smpseo.sources.topics import Topic

MAX_EVIDENCE = 3
EXTEND = 0.5  # a passage rated this share of the answered threshold is worth extending


class Blog:
    """The posts, cut into passages and embedded once for all topics."""

    def __init__(self, posts: list[Post], live: list[bool], vectors: WordVectors, lexicon: Lexicon):
        self.posts = posts
        self.vectors = vectors
        self.lexicon = lexicon
        self._names = post_names(posts)
        quiet = functools.cache(lambda word: not lexicon.keys(word))  # generic or function word
        self.embedded: Embedded = embed_blog(parts(posts, live), vectors, quiet, lexicon.in_generic_form,
                                             lexicon.words, lexicon.names_thing, lexicon.names_concern)

    @property
    def passages(self) -> list[Part]:
        return self.embedded.parts

    @functools.cached_property
    def passage_keys(self) -> list[frozenset[str]]:
        """The keys of each passage's heading and text (`Lexicon.keys`: word forms and synonyms as one)."""
        return [frozenset(self.lexicon.keys(" ".join([p.heading, *(s.text for s in p.sentences)]), keep_generic=True))
                for p in self.passages]

    def naming(self, phrases: tuple[str, ...]) -> np.ndarray | None:
        """Whether each passage names one of `phrases` (all the keys of one of them), in any word form or synonym;
        None when there is nothing to name (`Topic.requires` empty)."""
        wanted = [w for w in (frozenset(self.lexicon.keys(x, keep_generic=True)) for x in phrases) if w]
        return np.array([any(w <= keys for w in wanted) for keys in self.passage_keys], bool) if wanted else None

    @functools.cached_property
    def post_of(self) -> np.ndarray:
        """The post of each passage (an index into `posts`)."""
        return np.array([p.post for p in self.passages], dtype=int)

    def where(self, p: Part) -> str:
        """The passage's post's name (`name`)."""
        return self.name(p.post)

    def name(self, post: int) -> str:
        """A post's name (`post_names`): its path, or "path#slug" where one file holds several posts."""
        return self._names[post]

    @functools.cached_property
    def every_part(self) -> list[Part]:
        """The sections of every post read, those the matcher leaves out too (for the marks set by hand)."""
        return parts(self.posts, [True] * len(self.posts))

    def named(self, name: str) -> list[int]:
        """The posts a hand mark's `post` may mean (indexes into `posts`): by slug, file name (with or without its
        suffix), the name a table gives it (`short_name`: a page bundle's folder) or its path, whole or its end
        ("how-long/index.md"). More than one when the name fits several (`index.md`, of every page bundle)."""
        wanted = name.strip().replace("\\", "/")

        def fits(i: int) -> bool:
            post = self.posts[i]
            if wanted in (post.slug, short_name(self.name(i))):
                return True
            path = (post.path or "").replace("\\", "/")
            return bool(path) and (wanted in (path, PurePosixPath(path).stem, PurePosixPath(path).name)
                                   or path.endswith("/" + wanted.lstrip("/")))

        return [i for i in range(len(self.posts)) if fits(i)]

    def find(self, name: str, section: str | None) -> Part | None:
        """The passage a hand mark names: its post by `named` (the first, where the name fits several), its section
        by heading (in any case and spacing). Any post read counts, also one that uses none of the domain's words
        (directions to the studio, for a question on parking), which the matcher leaves out."""
        def plain(heading: str) -> str:
            return " ".join(heading.split()).casefold()

        named = set(self.named(name))
        mine = [p for p in self.every_part if p.post in named]
        if section is not None:
            mine = [p for p in mine if plain(p.heading) == plain(section)]
        return mine[0] if mine else None


def _role(p: Part, answers: float, scorer: Scorer) -> str:
    if p.asks:
        return ASKS
    return ANSWERS if answers >= scorer.answered_at else MENTIONS


def _why(role: str, question: bool, sim: float, way: str, heading: bool) -> str:
    if question or role == ASKS:
        return f"asks rather than answers: a question close to \"{way}\" ({sim:.2f})"
    where = "under a heading close to the question, " if heading else ""
    verb = {ANSWERS: "answers", MENTIONS: "mentions"}[role]
    return f"{verb} it: {where}close in meaning to \"{way}\" ({sim:.2f})"


def _reads_like(ev: TopicEvidence, k: int) -> str:
    """When a passage stands out more against the topic's exemplar than against its wordings: said, as part of why
    it counts, with its similarity to the exemplar."""
    if ev.exemplar is None or ev.by_exemplar is None or not ev.by_exemplar[k]:
        return ""
    return f"; the section reads like the labelled blogs' answers to it ({ev.exemplar[k]:.2f})"


def _evidence(blog: Blog, ev: TopicEvidence, asked: np.ndarray, ways: tuple[str, ...], chosen: list[int],
              roles: dict[int, str], heading_close: dict[int, bool]) -> list[Evidence]:
    """The sentences of the chosen passages closest to the question, each with why it counts; a sentence of
    function words alone ("Here is why.") says nothing of the topic however close its few words come, and is shown
    only when no sentence does."""
    emb = blog.embedded
    ranked = []
    for k in chosen:
        p = blog.passages[k]
        start = emb.sentence_start[k]
        for i, s in enumerate(p.sentences):
            ranked.append((-float(ev.sentence_sim[start + i]), start + i, k, s))
    telling = [r for r in ranked if says_something(r[3].text)]
    ranked = sorted(telling or ranked, key=lambda r: (r[0], r[1]))
    out = []
    for neg, row, k, s in ranked[:MAX_EVIDENCE]:
        p = blog.passages[k]
        way = ways[int(np.argmax(asked @ emb.sentence[row]))]
        why = _why(roles[k], s.question, -neg, way, heading_close[k])
        out.append(Evidence(blog.where(p), s.line, s.column, s.text, p.heading, -neg, roles[k],
                            why if roles[k] == ASKS or s.question else why + _reads_like(ev, k)))
    return out


def _by_hand(topic: Topic, blog: Blog) -> TopicResult:
    origin = f" in {topic.source}" if topic.source else ""
    if topic.mark == NOT_RELEVANT:
        return TopicResult(topic.id, topic.question, NOT_RELEVANT, 0.0, set_by_hand=True,
                           note=f"marked not relevant{origin}")
    named = blog.named(topic.post)
    if len(named) > 1:  # which post is meant is not known: none is taken
        names = [short_name(blog.name(i)) for i in named]
        return TopicResult(topic.id, topic.question, ANSWERED, 1.0, set_by_hand=True, confidence=CHECK,
                           could_be=names, note=f"marked answered by {topic.post}{origin}, which could be any of "
                                            f"{len(names)} posts: {', '.join(names)}")
    found = blog.find(topic.post, topic.section)
    if found is None:
        return TopicResult(topic.id, topic.question, ANSWERED, 1.0, set_by_hand=True, confidence=CHECK,
                           note=f"marked answered by {topic.post}{origin}, but no such post or section was read")
    post = blog.posts[found.post]
    evidence = [Evidence(blog.where(found), s.line, s.column, s.text, found.heading, 1.0, ANSWERS,
                         f"marked answered by hand{origin}") for s in found.sentences[:2]]
    match = PostMatch(blog.where(found), post.title, 1.0, found.heading, found.line, ANSWERED, len(found.sentences),
                      slug=post.slug)
    return TopicResult(topic.id, topic.question, ANSWERED, 1.0, [match], evidence, set_by_hand=True,
                       note=f"marked answered{origin}")


def _heading(read: str) -> str:
    """A way of asking as the matcher read it (`Asked.read`: a typo read as the word meant, without the prospect's
    wrapper or the sentences about them), as a heading: "Hi! Sorry to bug you, but how long does it last?" as "How
    long does it last?"."""
    read = " ".join(read.split())  # a form's lines kept apart (`framing.unframed`) as one line
    return read[:1].upper() + read[1:]


def _keywords(topic: Topic, ways: list[str], blog: Blog, targets: list[str], limit: int = 5) -> list[str]:
    words = list(dict.fromkeys(topic.terms))
    if not words:  # a topic without terms: the question's rarest words on this blog
        plain = [w for w in ways[0].replace("?", " ").split() if not is_function_word(w.strip(",.!'"))]
        words = sorted(dict.fromkeys(w.strip(",.!'") for w in plain),
                       key=lambda w: -blog.embedded.weight(w.lower(), blog.vectors))
    words = words[: limit - 1]
    return [*words, targets[0]] if targets else words


def _suggest(result: TopicResult, topic: Topic, read: list[str], blog: Blog, mention_k: int | None,
             targets: list[str]):
    """What to write for a topic not answered, from its ways of asking as read (`Asked.read`: the question, then its
    phrasings)."""
    if result.status not in (MISSING, PARTIAL):
        return None
    ways = [_heading(x) for x in read]
    keywords = _keywords(topic, ways, blog, targets)
    if mention_k is not None:  # a post already on it: extend it next to that passage
        p = blog.passages[mention_k]
        post = blog.posts[p.post]
        return Suggestion("extend", ways[0], ways[1:], keywords, blog.where(p), post.title, p.heading)
    return Suggestion("write", ways[0], ways[1:], keywords)


def match_topics(topics: list[Topic], blog: Blog, scorer: Scorer, targets: list[str] | None = None,
                 within: int | list[int] | None = None) -> list[TopicResult]:
    """A result per topic, in the order given (priorities are set by the caller).

    `within`: the index of a post (a draft), or a list of them, that alone may be the place. Every passage is still
    measured against the whole blog, as the scorer was fitted (a post alone is no blog: each of its sections would
    stand out against the few others). The status, place and evidence are then the draft's; the other posts that
    answer or mention the topic follow it in `posts`, each with its own status. A mark set by hand names where the
    blog answers a topic, not the draft: the draft is read as if there were none (a topic marked not relevant stays
    so)."""
    targets = list(targets or [])
    topics_asked = [asked_for(list(t.texts), blog.embedded, blog.vectors, scorer.exemplars.get(t.id))
                    for t in topics]
    evidence = topic_features(blog.embedded, topics_asked)
    results = []
    for topic, asked, ev in zip(topics, topics_asked, evidence, strict=True):
        if topic.mark == NOT_RELEVANT or (topic.mark and within is None):
            results.append(_by_hand(topic, blog))
            continue
        results.append(_match_one(topic, blog, scorer, asked, ev, targets, within))
    return results


def _match_one(topic: Topic, blog: Blog, scorer: Scorer, asked: Asked, ev: TopicEvidence,
               targets: list[str], within: int | list[int] | None = None) -> TopicResult:
    named = blog.naming(topic.requires)  # a passage that names none of it can mention the topic, never answer it
    rated = scorer.rate(ev.features, ev.closeness, named)  # every passage's own rating
    mine = np.ones(len(rated), bool) if within is None else np.isin(blog.post_of, within)
    # the ratings the status and place are decided on: only the draft's passages, given one
    answers, closeness = np.where(mine, rated, 0.0), np.where(mine, ev.closeness, -np.inf)
    if not mine.any():
        note = "the draft is not on the subject" if within is not None else "no post on the subject was read"
        result = TopicResult(topic.id, topic.question, MISSING, 0.0, note=note)
        result.suggestion = _suggest(result, topic, asked.read, blog, None, targets)
        return result
    status, best = scorer.decide(answers, closeness, blog.post_of)
    if not mine[best]:  # nothing of the draft rates at all: its best passage is still the one to show
        best = int(np.flatnonzero(mine)[np.argmax(answers[mine])])
    top_a = float(answers.max())
    mention_k = int(np.argmax(closeness))
    roles = {k: _role(p, rated[k], scorer) for k, p in enumerate(blog.passages)}
    close = {k: bool(ev.features[k, 2] >= 1.5) for k in range(len(blog.passages))}
    by_post: dict[int, int] = {}  # each post's best passage
    for k, p in enumerate(blog.passages):
        if p.post not in by_post or rated[k] > rated[by_post[p.post]]:
            by_post[p.post] = k
    matches = []
    # the best post first, then the others by their best passage
    for p_index, k in sorted(by_post.items(), key=lambda pk: (pk[1] != best, -rated[pk[1]])):
        st = scorer.status(float(rated[k]), float(ev.closeness[k]))
        if st == MISSING and k != best:
            continue
        p = blog.passages[k]
        matches.append(PostMatch(blog.where(p), blog.posts[p_index].title, float(rated[k]), p.heading, p.line,
                                 st, len(p.sentences), bool(ev.features[k, 4] >= 1.5), roles[k] == ASKS,
                                 blog.posts[p_index].slug))
    if status == MISSING:
        matches = []
    chosen = [best] if status == ANSWERED else list(dict.fromkeys([mention_k, best]))
    result = TopicResult(topic.id, topic.question, status, round(top_a, 4), matches,
                         _evidence(blog, ev, asked.vectors, topic.texts, chosen if status != MISSING else [best], roles,
                                   close)[: MAX_EVIDENCE if status != MISSING else 1])
    if status == MISSING:  # the nearest text, to show why it does not count
        for e in result.evidence:
            e.role = ASKS if e.role == ASKS else MENTIONS
            e.why = f"the nearest text, too far from the question to count ({e.score:.2f})"
    own = slice(None) if within is None else mine  # the whole blog's rows as they are, a draft's picked out
    result.confidence = CHECK if scorer.unsure(ev.features[own], ev.closeness[own], status,
                                               None if named is None else named[own]) else SURE
    result.note = _note(status, blog.passages[best], roles[best], float(answers[best]), scorer)
    read = _heading(asked.read[0])
    if read.split() != _heading(topic.question).split():
        result.note += f"; read as \"{read}\""
    # A post with a passage half-way to answering is the one to extend; a mention in passing calls for a new post.
    p = blog.passages[best]
    extendable = status == PARTIAL and roles[best] != ASKS and bool(p.sentences) \
        and answers[best] >= EXTEND * scorer.answered_at
    result.suggestion = _suggest(result, topic, asked.read, blog, best if extendable else None, targets)
    return result


def _note(status: str, p: Part, role: str, score: float, scorer: Scorer) -> str:
    place = f"\"{p.heading}\"" if p.heading else "the introduction"
    if status == ANSWERED:
        return f"{place} answers it ({score:.2f}; answered from {scorer.answered_at:.2f})"
    if status == PARTIAL:
        return f"mentioned, not answered: the best passage, {place}, rates {score:.2f} " \
               f"(answered from {scorer.answered_at:.2f})"
    if role == ASKS:
        return f"only asked (in {place}), not answered"
    return f"nothing close: the nearest passage, {place}, rates {score:.2f}"


def find_gaps(post_list: list[Post], topic_list: list[Topic], query_rows, config, errors: list | None,
              vectors: WordVectors, scorer: Scorer, within: int | None = None) -> GapReport:
    """Match every topic against the posts and rank the gaps by demand (`query_rows`: Search Console rows already
    read, or None). `vectors` and `scorer` are the matcher's data, loaded by the caller. `within`: the index of the
    post (a draft) the report is about (`match_topics`)."""
    from smpseo.sources.queries import as_local, map_queries

    index = build_index(post_list, lexicon_for(config))
    blog = Blog(post_list, index.on_topic, vectors, index.lexicon)
    results = match_topics(topic_list, blog, scorer, list(getattr(config, "targets", []) or []), within)
    candidates: list[Candidate] = []
    unmatched: list[Candidate] = []
    has_queries = query_rows is not None
    if has_queries:
        compiled = [compile_topic(t, index) for t in topic_list if t.question]
        typed = mender(blog.embedded.spelled, vectors.knows, vectors.freq, vectors.common)  # searches are typed in a hurry too
        local = as_local(typed, getattr(config, "site", None))  # "smp ireland" is asked where "smp dublin" is
        demand, unmapped, others = map_queries(list(query_rows), compiled, index, local)
        for r in results:
            hits = demand.get(r.id, [])
            r.impressions = sum(h.impressions for h in hits)
            r.clicks = sum(h.clicks for h in hits)
            r.queries = [h.query for h in sorted(hits, key=lambda h: -h.impressions)]
        candidates = [Candidate(u.query, u.impressions, u.clicks, u.position) for u in unmapped]
        unmatched = [Candidate(u.query, u.impressions, u.clicks, u.position) for u in others]
    order = {t.id: i for i, t in enumerate(topic_list)}
    results.sort(key=lambda r: (not r.is_gap, r.status == NOT_RELEVANT, -r.impressions, STATUS_ORDER[r.status],
                                order[r.id]))
    for rank, r in enumerate(results, start=1):
        r.priority = rank
    draft = blog.name(within) if isinstance(within, int) else ""
    return GapReport(results, candidates, len(post_list), list(errors or []), has_queries, draft, unmatched)
