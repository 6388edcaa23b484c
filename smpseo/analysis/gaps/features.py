"""The blog cut into passages, and for every (topic, section) the evidence the scorer weighs.

Every feature compares meaning (cosine of static word vectors, `smpseo.gaps.vectors`) and is made comparable across
topics and blogs: a question asked in many ways, or a blog that talks about nothing but SMP, raises every
similarity, so most features are z-scores against the same topic's similarity to all the blog's sections or
sentences. Structure counts too: whether the heading asks a question, how much of a section is questions (a list of
questions to ask an artist asks, it does not answer), and whether the heading is closer to another topic.
Word by word: how well each content word of a way of asking finds a near word in the passage, its heading and its
best sentence (soft coverage), and how the worst of the question's weightiest words fares; a sense check (the
passage's similarity to the whole question against its similarity to the question's key word alone); and whether a
passage states a number when the question asks how long, how much, how many or when.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from smpseo.analysis.gaps.framing import standing_alone, unframed
from smpseo.analysis.gaps.respell import respelled
from smpseo.analysis.gaps.vectors import WordVectors, normalise, words_of
from smpseo.core.language import courtesy_words, unasking_words
from smpseo.core.text import is_question
from smpseo.model.post import Post

FEATURES = ("sec_z", "s1_z", "head_z", "par_z", "title_z", "sent_z", "n_hi", "frac_hi", "qfrac", "hmargin",
            "headq", "intro", "nsent", "sec", "s1", "head", "sense", "s1_sense", "amount", "soft", "soft_head", "soft_min", "soft_z", "soft_s1",
            "soft_s1_min")
EXTRA = 9  # the last features, from the words of the question (`Asked`)
QUIET = 0.1  # the weight left to a word the domain uses everywhere ("SMP", "scalp", "hair") or a function word
HIGH_Z = 2.0  # a sentence this many deviations above the topic's mean similarity stands out
FAIR_Z = 1.5
ASKING = 0.5  # a passage whose sentences are this much questions asks (its `qfrac` feature, `Part.asks`)


@dataclass
class SentenceSpan:
    text: str
    line: int
    column: int
    question: bool


@dataclass
class Part:
    """A section of a post as the matcher reads it: its heading (the title stands in for the introduction's) and
    its sentences, each marked when it asks a question."""

    post: int  # index into the analysed posts
    heading: str  # "" for the introduction
    line: int
    title: str
    sentences: list[SentenceSpan] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # sentence ranges, within this passage

    @property
    def asks(self) -> bool:
        """Mostly questions: a list of questions to ask, or a prospect's questions quoted."""
        return bool(self.sentences) and sum(s.question for s in self.sentences) / len(self.sentences) >= ASKING


def parts(posts: list[Post], live: list[bool]) -> list[Part]:
    """The sections of the posts that can answer anything (`live`), with a heading or some prose."""
    out: list[Part] = []
    for p_index, post in enumerate(posts):
        if not live[p_index]:
            continue
        for section in post.sections:
            heading = section.heading.text if section.heading else ""
            part = Part(p_index, heading, section.line, post.title)
            for block in section.blocks:
                if not block.is_prose or not block.sentences:
                    continue
                start = len(part.sentences)
                asked = [is_question(s.text) for s in block.sentences]
                # a question the next sentence of its paragraph answers ("Does it hurt? It feels like a scratch.")
                # is asked and answered: it does not make the passage one that asks
                part.sentences += [SentenceSpan(s.text, s.line, s.column, q and not (i + 1 < len(asked)
                                                                                  and not asked[i + 1]))
                                   for i, (s, q) in enumerate(zip(block.sentences, asked, strict=True))]
                part.paragraphs.append((start, len(part.sentences)))
            if part.sentences or heading:
                out.append(part)
    return out


@dataclass
class Embedded:
    """Unit vectors of every passage, heading, title, sentence and paragraph, in passage order."""

    parts: list[Part]
    section: np.ndarray
    heading: np.ndarray  # the title for an introduction
    title: np.ndarray
    sentence: np.ndarray
    sentence_start: list[int]  # index of each passage's first sentence in `sentence`
    paragraph: np.ndarray
    paragraph_of: list[list[int]]  # each passage's paragraph rows
    weights: dict[str, float]
    idf_unseen: float
    quiet: Callable[[str], bool]
    in_generic_form: Callable[[list[str]], list[bool]]  # words naming the domain's thing ("hair tattoo": SMP)
    amounts: list[bool] = field(default_factory=list)  # whether a passage states a number
    vocab: np.ndarray | None = None  # unit vectors of the blog's content words
    vocab_index: dict[str, int] = field(default_factory=dict)
    flat: np.ndarray | None = None  # each passage's content words (rows of vocab), passage after passage
    offsets: np.ndarray | None = None
    head_flat: np.ndarray | None = None
    head_offsets: np.ndarray | None = None
    sent_flat: np.ndarray | None = None
    sent_offsets: np.ndarray | None = None
    # the words a question's mistyped word may be read as (`respell`), with how many passages use each
    spelled: dict[str, int] = field(default_factory=dict)
    names_thing: Callable[[str], bool] | None = None  # whether a text names the domain's thing ("SMP")
    names_concern: Callable[[str], bool] | None = None  # whether a text names one of its concerns ("scars")

    def weight(self, word: str, vectors: WordVectors) -> float:
        w = self.weights.get(word)
        if w is None:  # a word no passage uses (in a question): as rare as can be
            w = vectors.sif(word) * self.idf_unseen * (QUIET if self.quiet(word) else 1.0)
        return w


def embed_blog(items: list[Part], vectors: WordVectors, quiet: Callable[[str], bool],
               in_generic_form: Callable[[list[str]], list[bool]], domain_words: frozenset[str] = frozenset(),
               names_thing: Callable[[str], bool] | None = None,
               names_concern: Callable[[str], bool] | None = None) -> Embedded:
    """Weighted word vectors for the whole blog at once: IDF over the passages, SIF from general use, and little
    weight to the `quiet` words (those every post of the domain uses, whether this blog does or not) and to the
    words of a phrase that names the domain's thing (`in_generic_form`: "tattoo" in "hair tattoo"). A question's
    mistyped word is read as one of the blog's words or of the domain's (`domain_words`, counted as used by every
    passage and one more)."""
    n = len(items)
    texts = [[words_of(s.text) for s in p.sentences] for p in items]
    heads = [words_of(p.heading or p.title) for p in items]
    titles = [words_of(p.title) for p in items]
    df = Counter(w for words, p in zip(texts, items, strict=True)
                 for w in set(words_of(p.heading)).union(*map(set, words)))
    unseen = math.log(1 + (n + 0.5) / 0.5)
    weights = {w: vectors.sif(w) * math.log(1 + (n - c + 0.5) / (c + 0.5)) * (QUIET if quiet(w) else 1.0)
               for w, c in df.items()}

    def raw(words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros(vectors.dims, np.float32)
        w = np.array([weights.get(x) or vectors.sif(x) * unseen * (QUIET if quiet(x) else 1.0) for x in words],
                     np.float32)
        return _as_they_stand(w, words, quiet, in_generic_form) @ vectors.matrix(words)

    sent_rows, starts, para_rows, para_of, sections, head_rows, title_rows = [], [], [], [], [], [], []
    for p, words, head, title in zip(items, texts, heads, titles, strict=True):
        starts.append(len(sent_rows))
        mine = [raw(w) for w in words]
        sent_rows += mine
        head_vec = raw(head)
        head_rows.append(head_vec)
        title_rows.append(raw(title))
        body = np.sum(mine, axis=0) if mine else np.zeros(vectors.dims, np.float32)
        sections.append((raw(words_of(p.heading)) if p.heading else 0) + body)
        para_of.append(list(range(len(para_rows), len(para_rows) + len(p.paragraphs))))
        para_rows += [np.sum(mine[a:b], axis=0) for a, b in p.paragraphs]
    def stack(rows: list[np.ndarray]) -> np.ndarray:
        return normalise(np.vstack(rows)) if rows else np.zeros((0, vectors.dims), np.float32)

    amounts = [any(w.isdigit() or w in NUMBER_WORDS for ws in words for w in ws) for words in texts]
    vocab_index: dict[str, int] = {}
    def rows_of(words: set[str]) -> list[int]:
        return [vocab_index.setdefault(w, len(vocab_index)) for w in sorted(words) if not quiet(w)]

    sec_rows = [rows_of(set(words_of(p.heading)).union(*map(set, words))) for p, words in zip(items, texts, strict=True)]
    head_rows_w = [rows_of(set(h)) for h in heads]
    vocab = normalise(vectors.matrix(list(vocab_index))) if vocab_index else np.zeros((0, vectors.dims), np.float32)

    def flatten(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        return (np.array([r for x in rows for r in x], np.int64),
                np.cumsum([0] + [len(x) for x in rows[:-1]]).astype(np.int64))

    flat, offsets = flatten(sec_rows)
    head_flat, head_offsets = flatten(head_rows_w)
    sent_flat, sent_offsets = flatten([rows_of(set(ws)) for words in texts for ws in words] or [[]])
    return Embedded(items, stack(sections), stack(head_rows), stack(title_rows), stack(sent_rows), starts,
                    stack(para_rows), para_of, weights, unseen, quiet, in_generic_form, amounts, vocab, vocab_index,
                    flat, offsets, head_flat, head_offsets, sent_flat, sent_offsets,
                    {**{w: 1 for t in titles for w in t}, **df, **{w: n + 1 for w in domain_words}}, names_thing,
                    names_concern)


def _as_they_stand(w: np.ndarray, words: list[str], quiet: Callable[[str], bool],
                   in_generic_form: Callable[[list[str]], list[bool]]) -> np.ndarray:
    """The weights `w` of `words` as they stand in their text: the words of a phrase naming the domain's thing made
    quiet, and courtesy words ("Does it hurt? Thanks!") weighing nothing (rarer in general than function words,
    they would weigh in)."""
    courtesy = courtesy_words()
    for i, named in enumerate(in_generic_form(words)):
        if words[i] in courtesy:
            w[i] = 0.0
        elif named and not quiet(words[i]):
            w[i] *= QUIET
    return w


def embed_texts(texts: list[str], blog: Embedded, vectors: WordVectors) -> np.ndarray:
    """Unit vectors of other texts (the ways of asking a topic), weighted like the blog's."""
    rows = []
    for text in texts:
        words = words_of(text)
        w = np.array([blog.weight(x, vectors) for x in words], np.float32)
        w = _as_they_stand(w, words, blog.quiet, blog.in_generic_form)
        rows.append(w @ vectors.matrix(words) if words else np.zeros(vectors.dims, np.float32))
    return normalise(np.vstack(rows)) if rows else np.zeros((0, vectors.dims), np.float32)


NUMBER_WORDS = frozenset("two three four five six seven eight nine ten twelve fifteen twenty thirty hundred thousand "
                         "dozen half couple few several weeks months years days hours minutes".split())
AMOUNT = re.compile(r"(?:^\s*|[.!?:,;]\s+)(how (long|much|many|often|soon|far)|when)\b", re.I)  # asks a number or a time


@dataclass
class Asked:
    """A topic's ways of asking: their unit vectors, the vector of the question's key word alone (its weightiest
    word on this blog), whether the question asks for an amount or a time, and each way's content words (unit
    vectors and weights) for the word-by-word match; and its exemplar, when it has one: what answers to it look
    like on the labelled blogs (a unit vector, the mean of whole sections); and each way as it was read (`as_read`).
    """

    vectors: np.ndarray
    key: np.ndarray
    amount: bool
    words: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # per way: unit word vectors, weights
    exemplar: np.ndarray | None = None
    read: list[str] = field(default_factory=list)


def _loud(words: list[str], blog: Embedded) -> list[str]:
    """The words that say which question is asked: neither quiet nor part of a phrase naming the domain's thing.
    A way of asking made of nothing else ("What is SMP?", "What is a hair tattoo?") asks about the domain's thing
    itself: its words but the function (and courtesy) words."""
    loud = [x for x, named in zip(words, blog.in_generic_form(words), strict=True) if not named and not blog.quiet(x)]
    return loud or [x for x in words if x not in unasking_words()]


def as_read(text: str, blog: Embedded, vectors: WordVectors) -> str:
    """A way of asking as the matcher reads it: a mistyped word as the word meant (`respell`), without the
    prospect's wrapper (`framing`), and a question that names the thing without the sentences about the prospect
    (`standing_alone`)."""
    read = unframed(respelled(text, blog.spelled, vectors.knows, vectors.freq, vectors.common), blog.names_concern)
    return standing_alone(read, blog.names_thing, blog.names_concern) if blog.names_thing is not None else read


def asked_for(texts: list[str], blog: Embedded, vectors: WordVectors, exemplar: np.ndarray | None = None) -> Asked:
    texts = [as_read(t, blog, vectors) for t in texts]
    first = _loud(words_of(texts[0]), blog) if texts else []
    key_word = max(first, key=lambda x: blog.weight(x, vectors)) if first else ""
    key = embed_texts([key_word], blog, vectors)[0] if key_word else np.zeros(vectors.dims, np.float32)
    words = []
    for text in texts:
        mine = list(dict.fromkeys(x for x in _loud(words_of(text), blog) if not x.isdigit()))
        words.append((normalise(vectors.matrix(mine)) if mine else np.zeros((0, vectors.dims), np.float32),
                      np.array([blog.weight(x, vectors) for x in mine], np.float32)))
    if exemplar is not None and len(exemplar) == vectors.dims:
        exemplar = normalise(np.asarray(exemplar, np.float32)[None, :])[0]
    else:
        exemplar = None
    return Asked(embed_texts(texts, blog, vectors), key, bool(texts) and bool(AMOUNT.search(texts[0])), words,
                 exemplar, texts)


def ways_matched(blog: Embedded, a: Asked, flat: np.ndarray, offsets: np.ndarray, n: int):
    """For each way of asking, (how near each passage's nearest word comes to each of its content words, their
    weights): a (passages x words) matrix of cosines and the words' weights. Nothing for a blog without passages."""
    if not n or not len(flat) or not a.words:
        return
    q = np.vstack([w for w, _ in a.words])
    if not len(q):
        return
    # a row of -inf after the last word: reduceat takes no offset past the end, and a passage with no words (the
    # last one's heading, say) starts there
    sims = np.vstack([(blog.vocab @ q.T)[flat], np.full((1, len(q)), -np.inf, np.float32)])
    best = np.maximum.reduceat(sims, offsets, axis=0)
    ends = np.r_[offsets[1:], len(flat)]
    best[ends == offsets] = 0.0
    col = 0
    for _, wts in a.words:
        m = len(wts)
        if m:
            yield best[:, col:col + m], wts
            col += m


def _soft(blog: Embedded, a: Asked, flat: np.ndarray, offsets: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Soft coverage of each way of asking by each passage: every content word of the question matched to its
    nearest word in the passage (cosine), averaged by weight; and the worst match among the question's weightiest
    words (a passage that shares the key word but nothing else of the question). The best way counts."""
    cover, worst = np.zeros(n), np.zeros(n)
    for b, wts in ways_matched(blog, a, flat, offsets, n):
        cover = np.maximum(cover, (b * wts).sum(axis=1) / wts.sum())
        heavy = wts >= 0.5 * wts.max()
        worst = np.maximum(worst, b[:, heavy].min(axis=1))
    return cover, worst


def _z(col: np.ndarray) -> np.ndarray:
    return (col - col.mean()) / (col.std() + 1e-6)


@dataclass
class TopicEvidence:
    """One topic against the blog: the features of every passage and the similarity of every sentence."""

    features: np.ndarray  # passages x FEATURES
    sentence_sim: np.ndarray  # similarity of every sentence to the closest way of asking
    heading_sim: np.ndarray  # per passage
    closeness: np.ndarray  # per passage: its soft coverage of the closest way of asking (the `soft` feature)
    exemplar: np.ndarray | None = None  # per passage: its similarity to the topic's exemplar, when it has one
    by_exemplar: np.ndarray | None = None  # per passage: whether it stands out more against the exemplar


def topic_features(blog: Embedded, topics: list[Asked]) -> list[TopicEvidence]:
    """Features for every topic (each given as its ways of asking, `asked_for`) and passage. A topic's exemplar
    counts in how much a section and its best paragraph stand out: each is the larger of two z-scores, against the
    blog's sections' similarity to the closest way of asking and to the exemplar. (Taken into the same similarity,
    the exemplar, close to every section of a blog about SMP, would lower the z-score of the section that answers in
    the question's own words.)"""
    asked = [a.vectors for a in topics]
    items = blog.parts
    n = len(items)
    heads = np.stack([(blog.heading @ q.T).max(axis=1) if n else np.zeros(0) for q in asked]) if asked \
        else np.zeros((0, n))
    # each passage's paragraphs (rows of `blog.paragraph`) that tell rather than only ask: the same for every topic
    told_paras = [[r for r, (i, j) in zip(blog.paragraph_of[k], p.paragraphs, strict=True)
                   if not all(s.question for s in p.sentences[i:j])] for k, p in enumerate(items)]
    out = []
    for ti, q in enumerate(asked):
        head = heads[ti]
        title = (blog.title @ q.T).max(axis=1) if n else np.zeros(0)
        sec = (blog.section @ q.T).max(axis=1) if n else np.zeros(0)
        sims = (blog.sentence @ q.T).max(axis=1) if len(blog.sentence) else np.zeros(0)
        paras = (blog.paragraph @ q.T).max(axis=1) if len(blog.paragraph) else np.zeros(0)
        mu, sd = (sims.mean(), sims.std() + 1e-6) if len(sims) else (0.0, 1.0)
        others = np.delete(heads, ti, axis=0).max(axis=0) if len(heads) > 1 else np.zeros(n)
        f = np.zeros((n, len(FEATURES)))
        a = topics[ti]
        key_sec = blog.section @ a.key if n else np.zeros(0)
        key_sent = blog.sentence @ a.key if len(blog.sentence) else np.zeros(0)
        for k, p in enumerate(items):
            start = blog.sentence_start[k]
            mine = sims[start:start + len(p.sentences)]
            asks = np.array([s.question for s in p.sentences], bool)
            told = mine[~asks]
            para_told = [paras[r] for r in told_paras[k]]
            z = (told - mu) / sd if len(told) else np.array([-3.0])
            key_best = key_sent[start:start + len(p.sentences)][~asks].max() if len(told) else 0.0
            f[k, -EXTRA:-6] = [sec[k] - key_sec[k], (told.max() - key_best) if len(told) else 0.0,
                             float(a.amount and blog.amounts[k])]
            f[k, :-EXTRA] = [sec[k], told.max() if len(told) else 0.0, head[k], max(para_told, default=0.0), title[k],
                    z.max(), math.log1p(int((z > HIGH_Z).sum())), float((z > FAIR_Z).mean()) if len(told) else 0.0,
                    float(asks.mean()) if len(asks) else 0.0, head[k] - others[k] if p.heading else 0.0,
                    1.0 if p.heading and is_question(p.heading) else 0.0, 0.0 if p.heading else 1.0,
                    math.log1p(len(p.sentences)), sec[k], told.max() if len(told) else 0.0, head[k]]
        cover, worst = _soft(blog, a, blog.flat, blog.offsets, n)
        head_cover, _ = _soft(blog, a, blog.head_flat, blog.head_offsets, n)
        f[:, -6] = cover
        f[:, -5] = head_cover
        f[:, -4] = worst
        f[:, -3] = _z(cover) if n else cover
        n_sent = len(blog.sentence)
        s_cover, s_worst = _soft(blog, a, blog.sent_flat, blog.sent_offsets, n_sent)
        for k, p in enumerate(items):
            start = blog.sentence_start[k]
            told = [start + i for i, sp in enumerate(p.sentences) if not sp.question]
            f[k, -2] = s_cover[told].max() if told else 0.0
            f[k, -1] = s_worst[told].max() if told else 0.0
        closeness = cover.copy()  # how well the passage's words cover the question's, word by word
        for col in (0, 1, 2, 3, 4):  # similarities become z-scores across the blog's passages
            f[:, col] = _z(f[:, col]) if n else f[:, col]
        like = led = None
        if a.exemplar is not None and n:
            like = blog.section @ a.exemplar
            by_para = blog.paragraph @ a.exemplar if len(blog.paragraph) else np.zeros(0)
            para_like = np.array([max((by_para[r] for r in rows), default=0.0) for rows in told_paras])
            like_z = _z(like)
            led = like_z > f[:, 0]
            f[:, 0] = np.maximum(f[:, 0], like_z)
            f[:, 3] = np.maximum(f[:, 3], _z(para_like))
        out.append(TopicEvidence(f, sims, head, closeness, like, led))
    return out
