"""The blog cut once into sections and sentences as keys, and topics compiled into weighted keys."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from smpseo.analysis.gaps.lexicon import Lexicon
from smpseo.core.text import is_question
from smpseo.model.post import Post
from smpseo.sources.topics import Topic

SOURCE_WEIGHT = {"question": 1.0, "phrasing": 0.85, "term": 0.75}
COVERAGE_EXPONENT = 1.5  # covering half of a way of asking is worth 0.35 of it, not 0.5
HEADING_BETA = 1.5  # ... which weighs covering the question above adding other words
DOMAIN_SHARE = 0.2  # the share of a blog's posts that must use domain words for any of them to answer topics
GENERIC_WEIGHT = 0.2  # the weight of a generic word ("SMP") where one counts: in headings and titles


@dataclass
class SentenceKeys:
    text: str
    line: int
    column: int
    keys: frozenset[str]
    full: frozenset[str] = frozenset()  # generic words kept


@dataclass
class Passage:
    """A section of a post (heading + blocks), with its sentences already turned into keys."""

    post: int  # index into the analysed posts
    heading: str  # "" for the introduction
    line: int
    questions: list[frozenset[str]]  # keys (generic words kept) of a question heading and of quoted questions
    heading_keys: frozenset[str]  # keys (generic words kept) of the heading, question or not
    heading_content: frozenset[str]  # keys of the heading without generic words
    first: int  # index of its first sentence in Index.sentences
    end: int
    paragraphs: list[tuple[int, int]]  # (first, end) sentence indexes of each paragraph
    keys: frozenset[str] = frozenset()


@dataclass
class Index:
    posts: list[Post]
    passages: list[Passage]
    sentences: list[SentenceKeys]
    titles: list[frozenset[str]]  # keys (generic words kept) of each post's title
    idf: dict[str, float]
    lexicon: Lexicon
    unseen: float  # the weight of a key no section uses
    on_topic: list[bool] = field(default_factory=list)  # uses a domain word ("SMP", "scalp"): can answer topics

    def weight(self, key: str) -> float:
        if key in self.lexicon.generic:
            return GENERIC_WEIGHT
        return self.idf.get(key, self.unseen)


def build_index(posts: list[Post], lexicon: Lexicon) -> Index:
    passages: list[Passage] = []
    sentences: list[SentenceKeys] = []
    titles = []
    for p_index, post in enumerate(posts):
        titles.append(frozenset(lexicon.keys(post.title, keep_generic=True)))
        for section in post.sections:
            heading = section.heading.text if section.heading else ""
            head = frozenset(lexicon.keys(heading, keep_generic=True)) if heading else frozenset()
            questions = [head] if heading and is_question(heading) else []
            first = len(sentences)
            paragraphs = []
            for block in section.blocks:
                if not block.is_prose:
                    continue
                if block.kind == "quote" and is_question(block.text):
                    questions.append(frozenset(lexicon.keys(block.text, keep_generic=True)))
                start = len(sentences)
                for s in block.sentences:
                    full = frozenset(lexicon.keys(s.text, keep_generic=True))
                    sentences.append(SentenceKeys(s.text, s.line, s.column, full - lexicon.generic, full))
                if len(sentences) > start:
                    paragraphs.append((start, len(sentences)))
            keys = head.union(*(s.keys for s in sentences[first:]))
            content = head - lexicon.generic
            passages.append(Passage(p_index, heading, section.line, questions, head, content, first,
                                    len(sentences), paragraphs, keys))
    n = len(passages)
    df = Counter(k for p in passages for k in p.keys)
    idf = {k: math.log(1 + (n - c + 0.5) / (c + 0.5)) for k, c in df.items()}
    on_topic = [True] * len(posts)
    if lexicon.domain:
        on_topic = [not lexicon.domain.isdisjoint(title) for title in titles]
        for p in passages:
            on_topic[p.post] = on_topic[p.post] or not lexicon.domain.isdisjoint(p.heading_keys) or any(
                not lexicon.domain.isdisjoint(s.full) for s in sentences[p.first:p.end])
        # A blog where few posts use the domain's words is about something else: there "SMP" may stand for a
        # "Skills Market Platform", and the one post saying it answers nothing about scalp micropigmentation.
        if sum(on_topic) < DOMAIN_SHARE * len(posts):
            on_topic = [False] * len(posts)
    unseen = math.log(1 + (n - 0.5) / 1.5) if n else 1.0
    return Index(posts, passages, sentences, titles, idf, lexicon, unseen, on_topic)


# ---- topics as weighted keys --------------------------------------------------------------------------------
@dataclass
class Facet:
    """One way of asking a topic (its question, a phrasing, or a term) as keys with weights."""

    keys: frozenset[str]
    full: frozenset[str]  # generic words kept: for comparing with headings
    factor: float
    total: float
    generic: bool = False  # only generic words ("What is SMP?"): compared with headings and titles only
    text: str = ""


@dataclass
class TopicQuery:
    topic: Topic
    facets: list[Facet]
    weights: dict[str, float]  # every key of the topic -> its weight (idf x how central the key is)
    idf: dict[str, float]  # every key of the topic -> its idf

    def relevance(self, keys: frozenset[str]) -> float:
        """How squarely a sentence's keys ask or answer this topic (0-1): the best covered way of asking it."""
        best = 0.0
        for f in self.facets:
            if f.total and not f.generic and not f.keys.isdisjoint(keys):
                share = sum(self.idf[k] for k in f.keys & keys) / f.total
                best = max(best, f.factor * share ** COVERAGE_EXPONENT)
        return best

    def heading_match(self, keys: frozenset[str], index: Index) -> float:
        """How well a heading asks this question: F-measure (recall-weighted) of its keys against a way of asking."""
        if not keys:
            return 0.0
        heading_weight = sum(index.weight(k) for k in keys)
        best = 0.0
        for f in self.facets:
            if f.factor < 0.8:  # terms are not ways of asking
                continue
            total = sum(index.weight(k) for k in f.full)
            shared = sum(index.weight(k) for k in f.full & keys)
            if not shared or not total:
                continue
            recall, precision = shared / total, shared / heading_weight
            b2 = HEADING_BETA ** 2
            best = max(best, (1 + b2) * precision * recall / (b2 * precision + recall))
        return best


def compile_topic(topic: Topic, index: Index) -> TopicQuery:
    lex = index.lexicon
    facets: list[Facet] = []
    weights: dict[str, float] = {}
    idf: dict[str, float] = {}

    def add(text: str, source: str) -> None:
        keys = frozenset(lex.keys(text))
        full = frozenset(lex.keys(text, keep_generic=True))
        generic = not keys
        if generic and source != "term":
            keys = full  # "What is SMP?": nothing but generic words; a heading or title asking it still counts
        if not keys:
            return
        for k in keys:
            idf[k] = index.weight(k)
            if not generic:
                weights[k] = max(weights.get(k, 0.0), idf[k] * SOURCE_WEIGHT[source])
        facets.append(Facet(keys, full, SOURCE_WEIGHT[source], sum(idf[k] for k in keys), generic, text))

    add(topic.question, "question")
    for phrasing in topic.phrasings:
        add(phrasing, "phrasing")
    for term in topic.terms:
        add(term, "term")
    return TopicQuery(topic, facets, weights, idf)
