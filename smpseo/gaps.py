"""FAQ topic gaps: for every question prospects ask, does the blog answer it, where, and how well.

The matcher is lexical and explainable. Text becomes *keys*: content-word stems (`smpseo.language`), with the domain
synonyms of `smpseo/data/domain_synonyms.yml` folded into one key per group ("hair tattoo", "scalp
micropigmentation" and "SMP" are one key; so are "cost", "price" and "cheaper") and words every post uses dropped.
A topic's keys come from its question, its phrasings and its terms, each weighted by how rare it is across the
sections of the blog (inverse document frequency), so a user's topic with only an `id` and a `question` works too.

Each post is cut into sections (a heading and the blocks under it; the introduction first) and each section into
sentences, once; only posts that use a domain word ("SMP", "scalp", "hairline" ...) can answer anything. For a
topic, every sentence gets a relevance: the best weighted share of one way of asking it (question, phrasing or
term) that the sentence holds. Then, per section:

- a heading, a quoted question or (for the introduction) the title that asks the question itself ("Does SMP damage
  hair follicles?") is the strongest signal: the prose under it answers it;
- a section, or a paragraph of four or more sentences, in which several sentences are about the topic, using more
  than one of its words, answers it; so does a plain heading naming the topic ("Avoid sun damage") over two of them;
- a section whose heading asks another question, or whose topic sentences all serve another topic, only mentions
  it ("SMP is far less painful than a tattoo" under "Is SMP painful?"), as do one or two sentences anywhere.

Status per topic: `answered` when the best section scores ANSWER_SCORE, `partial` from PARTIAL_SCORE (mentioned in
passing: "far cheaper than a transplant" is not an answer to "how much does it cost"), else `missing`. The
thresholds were calibrated on the clinic's posts against labels written before tuning (tests/fixtures/gaps); see
docs/gaps.md for the accuracy and the comparison with TF-IDF and BM25.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .language import function_words, is_function_word, stem
from .model import Post
from .text import WORD_RE
from .topics import Topic, load_topics

ANSWERED, PARTIAL, MISSING = "answered", "partial", "missing"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
STATUS_ORDER = {MISSING: 0, PARTIAL: 1, ANSWERED: 2}

# Calibrated thresholds (see the module docstring and tests/test_gaps_calibration.py).
HIT = 0.42  # a sentence is about the topic when its relevance reaches this
FULL_HIT = 0.9  # ... and holds (nearly) the whole question from this
COVERAGE_EXPONENT = 1.5  # covering half of a way of asking is worth 0.35 of it, not 0.5
HEADING_MATCH = 0.6  # a heading/title asks the question from this F-measure against a way of asking it
HEADING_BETA = 1.5  # ... which weighs covering the question above adding other words
PLAIN_HEADING = 0.8  # a heading that is not a question says what its section is about, a little less surely
NAMED_HEADING = 0.6  # a plain heading names the topic ("Avoid sun damage") from this relevance
ANSWER_SCORE = 0.6  # a section scoring this answers the question
PARTIAL_SCORE = 0.3  # a section scoring this mentions it
MIN_PASSAGE = 4  # sentences a paragraph needs to count as an answer on its own
SHORT_SECTION = 3  # sentences: a section this short answers with one sentence that holds the whole question
FOCUS_SCALE = 1.6  # share of a section's sentences on the topic x this = its focus (capped at 1)
RELATED_TITLE = 0.3  # a title this close to a question makes its post the one to extend
GENERIC_WEIGHT = 0.2  # the weight of a generic word ("SMP") where one counts: in headings and titles
SOURCE_WEIGHT = {"question": 1.0, "phrasing": 0.85, "term": 0.75}


# ---- the lexicon: text -> keys -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], str]  # stems of a form -> group key ("@smp")
    generic: frozenset[str]
    longest: int
    domain: frozenset[str] = frozenset()  # keys of which a post must use one to answer anything ("@smp")
    starts: dict[str, int] = field(default_factory=dict)  # first stem of a form -> longest form starting with it

    def keys(self, text: str, keep_generic: bool = False) -> list[str]:
        """The content keys of a text, in order: synonym groups folded, function (and generic) words dropped."""
        generic = frozenset() if keep_generic else self.generic
        raw = WORD_RE.findall(text)
        stems = [stem(w) for w in raw]
        phrases, starts, function = self.phrases, self.starts, function_words()
        out: list[str] = []
        i, n = 0, len(stems)
        while i < n:
            s = stems[i]
            longest = starts.get(s, 0)
            for size in range(min(longest, n - i), 0, -1):
                group = phrases.get(tuple(stems[i:i + size]))
                if group is not None:
                    if group not in generic:
                        out.append(group)
                    i += size
                    break
            else:
                if s not in generic and not s.isdigit() and raw[i].translate(_APOSTROPHES).lower() not in function:
                    out.append(s)
                i += 1
        return out


def _phrase_stems(form: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in WORD_RE.findall(form))


def build_lexicon(groups: dict[str, list[str]], generic: list[str] | None = None,
                  extra: dict[str, list[str]] | None = None, domain: list[str] | None = None) -> Lexicon:
    """A lexicon from synonym groups (name -> forms), generic words, and extra groups (e.g. config synonyms)."""
    phrases: dict[tuple[str, ...], str] = {}
    all_groups = {**groups, **(extra or {})}
    for name, forms in all_groups.items():
        key = "@" + name.lower().replace(" ", "_")
        for form in forms:
            stems = _phrase_stems(str(form))
            if stems:
                phrases.setdefault(stems, key)
    generic_keys = set()
    for word in generic or []:
        if word in all_groups:
            generic_keys.add("@" + word)
        else:
            generic_keys.update(_phrase_stems(word))
    domain_keys = {"@" + w if w in all_groups else stem(w) for w in domain or []}
    starts: dict[str, int] = {}
    for form in phrases:
        starts[form[0]] = max(starts.get(form[0], 0), len(form))
    return Lexicon(phrases, frozenset(generic_keys), max((len(p) for p in phrases), default=1),
                   frozenset(domain_keys), starts)


@functools.cache
def _synonym_data() -> tuple[dict[str, list[str]], list[str], list[str]]:
    import yaml

    text = resources.files("smpseo").joinpath("data", "domain_synonyms.yml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return ({str(k): [str(f) for f in v] for k, v in data["groups"].items()}, [str(w) for w in data["generic"]],
            [str(w) for w in data.get("domain", [])])


@functools.cache
def default_lexicon() -> Lexicon:
    groups, generic, domain = _synonym_data()
    return build_lexicon(groups, generic, domain=domain)


def lexicon_for(config=None) -> Lexicon:
    """The shipped lexicon, plus the config's `[keywords.synonyms]` as groups of their own."""
    synonyms = getattr(config, "synonyms", None) or {}
    if not synonyms:
        return default_lexicon()
    groups, generic, domain = _synonym_data()
    # A configured term whose forms already belong to a shipped group joins that group.
    extra: dict[str, list[str]] = {}
    base = build_lexicon(groups, generic)
    for term, forms in synonyms.items():
        existing = base.phrases.get(_phrase_stems(term))
        if existing:
            groups = {**groups, existing[1:]: [*groups.get(existing[1:], []), *forms]}
        else:
            extra[term] = [term, *forms]
    return build_lexicon(groups, generic, extra, domain)

# ---- the blog, cut once -------------------------------------------------------------------------------------
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


_QUESTION_RE = re.compile(r"\?\s*[”\"’']?\s*$")


def _is_question(text: str) -> bool:
    return bool(_QUESTION_RE.search(text.strip()))


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
            questions = [head] if heading and _is_question(heading) else []
            first = len(sentences)
            paragraphs = []
            for block in section.blocks:
                if not block.is_prose:
                    continue
                if block.kind == "quote" and _is_question(block.text):
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
        on_topic = [False] * len(posts)
        for p in passages:
            on_topic[p.post] = on_topic[p.post] or not lexicon.domain.isdisjoint(p.heading_keys) or any(
                not lexicon.domain.isdisjoint(s.full) for s in sentences[p.first:p.end])
        for i, title in enumerate(titles):
            on_topic[i] = on_topic[i] or not lexicon.domain.isdisjoint(title)
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


# ---- results ---------------------------------------------------------------------------------------------------
@dataclass
class Evidence:
    """A sentence (or heading) that matched a topic, with where it stands."""

    path: str
    line: int
    column: int
    text: str
    section: str
    score: float

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "section": self.section,
                "text": self.text, "score": round(self.score, 2)}


@dataclass
class PostMatch:
    path: str
    title: str
    score: float
    section: str  # the heading of the best section ("" for the introduction)
    line: int
    status: str = MISSING
    hits: int = 0  # sentences of that section on the topic
    about: bool = False  # the post's title asks the topic's question, or something close to it
    elsewhere: bool = False  # that section's heading (or the title, for an introduction) asks another question

    def to_dict(self) -> dict:
        return {"path": self.path, "title": self.title, "score": round(self.score, 2), "section": self.section,
                "line": self.line, "status": self.status}


@dataclass
class Suggestion:
    """What to write next for a topic: extend an existing post with a section, or write a new post."""

    action: str  # "extend" | "write"
    title: str  # the section heading to add (extend) or the new post's title (write)
    subheadings: list[str]
    keywords: list[str]
    post: str = ""  # the post to extend
    post_title: str = ""
    after: str = ""  # the section of that post the new one belongs next to

    @property
    def short(self) -> str:
        """A few words for a table: "extend <post>" or "new post"."""
        if self.action == "extend":
            name = self.post.replace("\\", "/").rsplit("/", 1)[-1]
            return f"extend {name.rsplit('.', 1)[0]}"
        return "new post"

    @property
    def text(self) -> str:
        if self.action == "extend":
            where = f" after \"{self.after}\"" if self.after else ""
            return f"extend \"{self.post_title or self.post}\": add a section \"{self.title}\"{where}"
        return f"write a new post \"{self.title}\""

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict:
        return {"action": self.action, "text": self.text, "post": self.post, "post_title": self.post_title,
                "after": self.after, "title": self.title, "subheadings": list(self.subheadings),
                "keywords": list(self.keywords)}


@dataclass
class TopicResult:
    id: str
    question: str
    status: str
    score: float
    posts: list[PostMatch] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: Suggestion | None = None
    impressions: int = 0
    clicks: int = 0
    queries: list[str] = field(default_factory=list)  # the Search Console queries that map to it, by impressions
    priority: int = 0

    @property
    def is_gap(self) -> bool:
        return self.status != ANSWERED

    def to_dict(self) -> dict:
        return {
            "id": self.id, "question": self.question, "status": self.status, "score": round(self.score, 2),
            "priority": self.priority, "impressions": self.impressions, "clicks": self.clicks,
            "posts": [p.to_dict() for p in self.posts], "evidence": [e.to_dict() for e in self.evidence],
            "suggestion": self.suggestion.to_dict() if self.suggestion else None, "queries": list(self.queries),
        }


@dataclass
class Candidate:
    """A question-style search query that no topic covers: a candidate new topic."""

    query: str
    impressions: int
    clicks: int
    position: float | None = None

    def to_dict(self) -> dict:
        return {"query": self.query, "impressions": self.impressions, "clicks": self.clicks,
                "position": self.position}


@dataclass
class GapReport:
    topics: list[TopicResult]
    candidates: list[Candidate] = field(default_factory=list)
    posts: int = 0
    errors: list[Any] = field(default_factory=list)  # ReadErrors of sources that could not be read
    has_queries: bool = False

    def to_dict(self) -> dict:
        return {"topics": [t.to_dict() for t in self.topics], "candidates": [c.to_dict() for c in self.candidates]}

    def to_record(self) -> dict:
        """Everything in the report as plain data (JSON-ready; `to_dict()` is the shorter public form), for
        `from_record`: what a remembered run stores (`smpseo.memo`)."""
        from dataclasses import asdict

        return {"topics": [asdict(t) for t in self.topics], "candidates": [asdict(c) for c in self.candidates],
                "posts": self.posts, "errors": [asdict(e) for e in self.errors], "has_queries": self.has_queries}

    @classmethod
    def from_record(cls, data: dict) -> GapReport:
        """The report `to_record()` was made from, equal to it field for field. Data of another shape raises
        KeyError, TypeError or ValueError."""
        from .model import ReadError

        return cls([_topic_from_record(t) for t in data["topics"]], [Candidate(**c) for c in data["candidates"]],
                   int(data["posts"]), [ReadError(**e) for e in data["errors"]], bool(data["has_queries"]))

    def summary(self) -> dict[str, int]:
        counts = {ANSWERED: 0, PARTIAL: 0, MISSING: 0}
        for t in self.topics:
            counts[t.status] += 1
        return counts

    def frame(self):
        """One row per topic, in priority order (pandas DataFrame)."""
        import pandas as pd

        rows = [{
            "priority": t.priority, "id": t.id, "question": t.question, "status": t.status,
            "score": round(t.score, 2), "impressions": t.impressions, "clicks": t.clicks,
            "post": t.posts[0].path if t.posts else "", "section": t.posts[0].section if t.posts else "",
            "suggestion": t.suggestion.text if t.suggestion else "",
        } for t in self.topics]
        return pd.DataFrame(rows).set_index("priority") if rows else pd.DataFrame(rows)

    def __getitem__(self, topic_id: str) -> TopicResult:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)

    def __repr__(self) -> str:
        s = self.summary()
        return f"GapReport({len(self.topics)} topics: {s[ANSWERED]} answered, {s[PARTIAL]} partial, " \
               f"{s[MISSING]} missing; {len(self.candidates)} candidate topics)"


def _topic_from_record(data: dict) -> TopicResult:
    """A TopicResult from `asdict()` of one: its matches, evidence and suggestion made objects again."""
    suggestion = data["suggestion"]
    return TopicResult(**{**data, "posts": [PostMatch(**p) for p in data["posts"]],
                          "evidence": [Evidence(**e) for e in data["evidence"]],
                          "suggestion": Suggestion(**suggestion) if suggestion is not None else None})


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


# ---- the public entry point --------------------------------------------------------------------------------------
def _as_posts(posts) -> tuple[list[Post], list]:
    from .model import Corpus

    if isinstance(posts, (str, Path)):
        posts = [posts]
    posts = list(posts) if not isinstance(posts, Corpus) else posts
    if posts and all(isinstance(p, (str, Path)) for p in posts):
        from .readers import load_posts

        corpus = load_posts(*posts)
        return list(corpus), list(corpus.errors)
    return list(posts), list(getattr(posts, "errors", []))


def _as_topics(topics) -> list[Topic]:
    if topics is None:
        return load_topics()
    if isinstance(topics, (str, Path, Topic)):
        topics = [topics]
    return load_topics(*topics)


RUN_KIND = "gaps-run"  # a whole run over paths, remembered by smpseo.memo


def gaps(posts, topics=None, queries=None, config=None) -> GapReport:
    """Which FAQ topics the posts answer, answer in part, or leave open; gaps first, by search demand.

    `posts`: a Corpus or list of Posts, or a path / list of paths. `topics`: None (the shipped taxonomy) or topic
    files / Topic objects to add (a file's topic replaces a shipped one with the same id). `queries`: None, a
    Search Console `Queries.csv` (or the export ZIP), or queries already read with `read_queries`.

    Given paths, a run over files, topics, queries and settings that have not changed since the last such run
    returns that run's report from the cache without reading the posts (`smpseo.memo`).
    """
    from . import memo

    topic_list = _as_topics(topics)
    if queries is not None and not isinstance(queries, (str, Path)):
        queries = list(queries)
    paths = memo.source_paths(posts)
    if paths is None:
        return _gaps(posts, topic_list, queries, config)

    def inputs() -> list:
        searches = memo.file_state(queries) if isinstance(queries, (str, Path)) else memo.plain(queries)
        return [memo.sources_state(paths), memo.plain(topic_list), searches, memo.plain(config)]

    return memo.remembered(RUN_KIND, memo.run_slot(paths), inputs, lambda: _gaps(paths, topic_list, queries, config),
                           GapReport.to_record, GapReport.from_record)


def _gaps(posts, topic_list: list[Topic], queries, config) -> GapReport:
    """`gaps()` worked out: read the posts (when given paths), match every topic, rank by demand."""
    from .queries import map_queries, read_queries

    post_list, errors = _as_posts(posts)
    index = build_index(post_list, lexicon_for(config))
    compiled = [compile_topic(t, index) for t in topic_list]
    matrix = _Matrix(compiled, index)
    results = []
    for q in compiled:
        result = match_topic(q, matrix)
        result.suggestion = suggest(result, q, matrix, config)
        results.append(result)
    candidates: list[Candidate] = []
    has_queries = queries is not None
    if has_queries:
        rows = read_queries(queries) if isinstance(queries, (str, Path)) else list(queries)
        demand, unmapped = map_queries(rows, compiled, index)
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
    return GapReport(results, candidates, len(post_list), errors, has_queries)
