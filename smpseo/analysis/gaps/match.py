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
    SentenceSpan,
    TopicEvidence,
    asked_for,
    embed_blog,
    embed_texts,
    parts,
    topic_features,
)
from smpseo.analysis.gaps.index import build_index, compile_topic
from smpseo.analysis.gaps.lexicon import Lexicon, lexicon_for
from smpseo.analysis.gaps.respell import mender
from smpseo.analysis.gaps.scorer import Scorer
from smpseo.analysis.gaps.suggestions import EXTEND, as_heading, as_title, place_for, suggest
from smpseo.analysis.gaps.vectors import WordVectors
from smpseo.core.language import says_something
from smpseo.core.text import WORD_RE
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
    TopicResult,
)
from smpseo.model.post import Post, post_names, short_name
from smpseo.sources.topics import Topic

MAX_EVIDENCE = 3


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

    def targeting(self, ways: list[str]) -> list[int]:
        """The posts whose focus keyphrase or title asks what one of `ways` asks: the same content keys
        (`Lexicon.keys`: any order, word form or synonym; "How long does SMP last?" for a post with the keyphrase
        "how long does SMP last"). A new post on it would compete with them for the same searches."""
        wanted = {frozenset(keys) for keys in map(self.lexicon.keys, ways) if keys}
        return [i for i, post in enumerate(self.posts)
                if any(frozenset(self.lexicon.keys(text)) in wanted for text in (post.keyphrase, post.title) if text)]

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

    @functools.cached_property
    def _openings(self) -> frozenset[tuple[int, int]]:
        """(post, line) of each post's introduction (`section_name`)."""
        found = set()
        for i, post in enumerate(self.posts):
            sections = post.sections
            if not sections:
                continue
            first = sections[0].heading
            h1s = sum(b.level == 1 for b in post.headings)
            if first is None or (first.level == 1 and h1s == 1 and not post.title_h1):
                found.add((i, sections[0].line))
        return frozenset(found)

    def section_name(self, p: Part) -> str:
        """A passage's section as reports name it: its heading, or "" for the introduction, the text before the
        first heading or under the one H1 that opens the post (its title, as a Markdown post often writes it)."""
        return "" if (p.post, p.line) in self._openings else p.heading

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

    def find(self, name: str, section: str | None) -> list[Part]:
        """The passages a hand mark names: its post by `named` (the first, where the name fits several), its
        section by heading (in any case and spacing; "" the introduction, `section_name`), or every section of the
        post when none is named. Any post read counts, also one that uses none of the domain's words (directions to
        the studio, for a question on parking), which the matcher leaves out."""
        def plain(heading: str) -> str:
            return " ".join(heading.split()).casefold()

        named = self.named(name)[:1]
        mine = [p for p in self.every_part if p.post in named]
        if section is not None:
            mine = [p for p in mine if plain(section) in (plain(p.heading), plain(self.section_name(p)))]
        return mine


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
        out.append(Evidence(blog.where(p), s.line, s.column, s.text, blog.section_name(p), -neg, roles[k],
                            why if roles[k] == ASKS or s.question else why + _reads_like(ev, k)))
    return out


def _by_hand(topic: Topic, blog: Blog, asked: Asked) -> TopicResult:
    """A topic's result as a topics file marks it. For `answered`, the evidence is the marked section's sentences
    closest to the question (of the whole post, when no section is named), each with its similarity: the mark
    says the section answers, the matcher only how close each sentence comes."""
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
    if not found:
        return TopicResult(topic.id, topic.question, ANSWERED, 1.0, set_by_hand=True, confidence=CHECK,
                           note=f"marked answered by {topic.post}{origin}, but no such post or section was read")
    spans = [(p, s) for p in found for s in p.sentences]
    ranked: list[tuple[float, int, Part, SentenceSpan, int]] = []
    if spans:
        sims = embed_texts([s.text for _, s in spans], blog.embedded, blog.vectors) @ asked.vectors.T
        ranked = [(float(sims[i].max()), i, p, s, int(np.argmax(sims[i]))) for i, (p, s) in enumerate(spans)]
        telling = [r for r in ranked if says_something(r[3].text)]
        ranked = sorted(telling or ranked, key=lambda r: (-r[0], r[1]))[:MAX_EVIDENCE]
    place = ranked[0][2] if ranked else found[0]
    post = blog.posts[place.post]
    evidence = [Evidence(blog.where(p), s.line, s.column, s.text, blog.section_name(p), sim, ANSWERS,
                         f"marked answered by hand{origin}; close in meaning to \"{topic.texts[way]}\" ({sim:.2f})")
                for sim, _, p, s, way in ranked]
    match = PostMatch(blog.where(place), post.title, 1.0, blog.section_name(place), place.line, ANSWERED,
                      len(place.sentences), slug=post.slug)
    return TopicResult(topic.id, topic.question, ANSWERED, 1.0, [match], evidence, set_by_hand=True,
                       note=f"marked answered{origin}")


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
            results.append(_by_hand(topic, blog, asked))
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
    ways = [as_title(x) for x in asked.read]
    by_post: dict[int, int] = {}  # each post's best passage
    for k, p in enumerate(blog.passages):
        if p.post not in by_post or rated[k] > rated[by_post[p.post]]:
            by_post[p.post] = k
    if not mine.any():
        note = "the draft is not on the subject" if within is not None else "no post on the subject was read"
        result = TopicResult(topic.id, topic.question, MISSING, 0.0, note=note)
        place = place_for(blog, topic, ways, rated, by_post, None, aimed=within is None)
        result.suggestion = suggest(result, topic, ways, blog, place, targets)
        return result
    status, best = scorer.decide(answers, closeness, blog.post_of)
    if not mine[best]:  # nothing of the draft rates at all: its best passage is still the one to show
        best = int(np.flatnonzero(mine)[np.argmax(answers[mine])])
    mention_k = int(np.argmax(closeness))
    roles = {k: _role(p, rated[k], scorer) for k, p in enumerate(blog.passages)}
    close = {k: bool(ev.features[k, 2] >= 1.5) for k in range(len(blog.passages))}
    matches = []
    # the best post first, then the others that answer or are half-way to answering, by their best passage (a
    # passage about the subject is close to most questions in meaning, so closeness alone lists nearly every post)
    for p_index, k in sorted(by_post.items(), key=lambda pk: (pk[1] != best, -rated[pk[1]])):
        st = scorer.status(float(rated[k]), float(ev.closeness[k]))
        if k != best and (st == MISSING or rated[k] < EXTEND * scorer.answered_at):
            continue
        p = blog.passages[k]
        matches.append(PostMatch(blog.where(p), blog.posts[p_index].title, float(rated[k]), blog.section_name(p),
                                 p.line, st, len(p.sentences), bool(ev.features[k, 4] >= 1.5), roles[k] == ASKS,
                                 blog.posts[p_index].slug))
    if status == MISSING:
        matches = []
    chosen = [best] if status == ANSWERED else list(dict.fromkeys([mention_k, best]))
    # the score, the note and the first post speak of one passage: where the report sends a reader
    result = TopicResult(topic.id, topic.question, status, round(float(answers[best]), 4), matches,
                         _evidence(blog, ev, asked.vectors, topic.texts, chosen if status != MISSING else [best], roles,
                                   close)[: MAX_EVIDENCE if status != MISSING else 1])
    if status == MISSING:  # the nearest text, to show why it does not count
        for e in result.evidence:
            e.role = ASKS if e.role == ASKS else MENTIONS
            e.why = f"the nearest text, too far from the question to count ({e.score:.2f})"
    own = slice(None) if within is None else mine  # the whole blog's rows as they are, a draft's picked out
    result.confidence = CHECK if scorer.unsure(ev.features[own], ev.closeness[own], status,
                                               None if named is None else named[own]) else SURE
    result.note = _note(status, blog.section_name(blog.passages[best]), roles[best], float(answers[best]), scorer)
    read = as_heading(asked.read[0])
    if read.split() != as_heading(topic.question).split():
        result.note += f"; read as \"{read}\""
    # A post with a passage half-way to answering is the one to extend; a mention in passing calls for a new post,
    # unless a post already aims at the question (a draft's report says only what the draft itself does).
    p = blog.passages[best]
    extendable = status == PARTIAL and roles[best] != ASKS and bool(p.sentences) \
        and answers[best] >= EXTEND * scorer.answered_at
    place = place_for(blog, topic, ways, rated, by_post, best if extendable else None, aimed=within is None)
    # a draft's report suggests only what to add to the draft: a topic it does not take up is the blog's report's
    result.suggestion = suggest(result, topic, ways, blog, place, targets) if within is None or extendable else None
    return result


def _note(status: str, section: str, role: str, score: float, scorer: Scorer) -> str:
    place = f"\"{section}\"" if section else "the introduction"
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
        # searches are typed in a hurry too; a word the topics ask with ("aftercare") is no typo, though no post has it
        asking = {w.lower() for t in topic_list for x in (t.question, *t.phrasings, *t.terms)
                  for w in WORD_RE.findall(x)}
        typed = mender(blog.embedded.spelled, lambda w: w in asking or vectors.knows(w), vectors.freq, vectors.common)
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
