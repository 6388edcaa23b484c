"""Candidate features for the FAQ-gap matcher that tell an answer from a mention or from another sense of a word,
computed from what the matcher already has (`benchmarks/gaps_scorers.py` scores them). None uses a word list tied to
the labelled examples; the few closed lists are English grammar words.

- `focus`: the share of the section's sentences (those that do not ask) whose closest topic, among every topic
  asked of the blog, is this one (each topic's similarities as z-scores over the blog's sentences, so a topic asked
  in many ways does not win everywhere): a section on the question has many, a section on something else that
  mentions it has one;
- `s1_own`: whether the section's best sentence for the topic is closer to this topic than to any other;
- `s1_compare`: whether that sentence compares or sets aside (than, compared, unlike, versus, rather, whereas,
  instead; a parenthesis): "SMP also costs a fraction of the price of surgery";
- `key_ctx`: a sense check by context: where the section uses the question's key word (or a word whose vector is
  within 0.75 of it), how close the words around it (five either side, in its sentence) come to the words around
  it in the ways of asking the topic; the best occurrence; 0 when the section does not use it;
- `key_seen`: whether the section uses the key word at all;
- `s1_amount`: the question asks how long, how much, how many, how often, how soon or when, and the best sentence
  itself states a number or a duration (the shipped `amount` looks at the whole section);
- `s1_polar`: the question asks yes or no (it starts with can, does, is, will, should ...), and the best sentence
  says yes, no, not, can, will, should, must or need: it takes a position;
- `dom_cover`: the share of the question's domain words (those every post of the domain uses, which weigh little in
  the vectors: "skin", "hair", "pigment") that the section uses too (or a word within 0.75 of one): "dark or light
  skin" is not "dark or light hair";
- `soft_mean` ... `soft_s1_min_mean`: the shipped word-by-word coverage features (`soft`, `soft_head`,
  `soft_min`, `soft_z`, `soft_s1`, `soft_s1_min`), averaged over the ways of asking instead of taken from the way a
  passage covers best (`soft_ways`);
- `n_ways`, `exemplar`: of the topic, not the section: how many ways of asking it has (log), and whether it has an
  exemplar (a shipped topic): a question asked once, in a prospect's words, reaches lower similarities.
- `s1_pos`, `lead_z`, `lead2_z`: where the answer stands in the section: the place of the best sentence among the
  section's sentences that do not ask (0 first, 1 last), and how much the first one (the better of the first two)
  stands out for the topic among the blog's sentences (a z-score): a writer who answers a question often says so
  first ("Most clients are at their desk the next morning."), where a passing mention or another sense of the word
  sits anywhere;
- `sec_hub`, `s1_hub`, `head_hub`: the section's plain cosine to this topic (its best sentence's, its heading's) as
  a z-score across every topic asked of the blog, not across the blog's sections: a section close to many
  questions at once (a hub: "Your colour, not a default black" for touch-ups, healing, skin tone and dyeing one's
  hair) counts for less than one close to this question alone.
"""

from __future__ import annotations

import re

import numpy as np

from smpseo.analysis.gaps import features
from smpseo.analysis.gaps.features import AMOUNT, NUMBER_WORDS
from smpseo.analysis.gaps.vectors import normalise, words_of
from smpseo.core.language import is_function_word

EXTRA_FEATURES = ("focus", "s1_own", "s1_compare", "key_ctx", "key_seen", "s1_amount", "s1_polar", "dom_cover", "n_ways",
                  "exemplar", "soft_mean", "soft_head_mean", "soft_min_mean", "soft_z_mean", "soft_s1_mean",
                  "soft_s1_min_mean", "s1_pos", "lead_z", "lead2_z", "sec_hub", "s1_hub", "head_hub")
LATER = ("s1_pos", "lead_z", "lead2_z", "sec_hub", "s1_hub", "head_hub")  # tried one by one, after the table of
# docs/gaps.md was printed: left out of its "all new features" rows, so that they print what the table shows
MEAN_OF = {"soft": "soft_mean", "soft_head": "soft_head_mean", "soft_min": "soft_min_mean", "soft_z": "soft_z_mean",
           "soft_s1": "soft_s1_mean", "soft_s1_min": "soft_s1_min_mean"}  # shipped column -> its mean over ways
COMPARE = frozenset("than compared unlike versus vs rather whereas instead".split())
POLAR_Q = re.compile(r"^\s*(can|could|does|do|did|is|are|was|will|would|should|must|may|am|has|have)\b", re.I)
POLAR_A = frozenset("yes no not n't never can cannot can't will won't should shouldn't must need needn't don't "
                    "doesn't isn't aren't".split())
NEAR_KEY = 0.75
WINDOW = 5


def _unit_words(words, vectors):
    return normalise(vectors.matrix(words)) if words else np.zeros((0, vectors.dims), np.float32)


def soft_ways(emb, a, flat, offsets, n):
    """`features._soft`, averaged over the ways of asking (each weighted by the weight of its content words)
    instead of taking the way the passage covers best: a way with one content word ("What is a hair tattoo?":
    "tattoo") is covered by any passage that uses it."""
    cover, worst, total = np.zeros(n), np.zeros(n), 0.0
    for b, wts in features.ways_matched(emb, a, flat, offsets, n):
        share = float(wts.sum())
        cover += share * (b * wts).sum(axis=1) / wts.sum()
        worst += share * b[:, wts >= 0.5 * wts.max()].min(axis=1)
        total += share
    return (cover / total, worst / total) if total else (cover, worst)


def extra_features(clinic, asked, evidence) -> list[np.ndarray]:
    blog = clinic.blog
    emb = blog.embedded
    vectors = blog.vectors
    items = emb.parts
    n = len(items)
    n_sent = len(emb.sentence)
    told = np.array([not s.question for p in items for s in p.sentences], bool)
    sims = np.vstack([ev.sentence_sim for ev in evidence]) if evidence and n_sent else np.zeros((len(evidence), 0))
    z = (sims - sims.mean(axis=1, keepdims=True)) / (sims.std(axis=1, keepdims=True) + 1e-6)
    top = z.argmax(axis=0) if n_sent else np.zeros(0, int)
    sent_words = [words_of(s.text) for p in items for s in p.sentences]
    sent_units = [_unit_words(ws, vectors) for ws in sent_words]
    sent_w = [np.array([emb.weight(w, vectors) for w in ws], np.float32) for ws in sent_words]
    compare = np.array([bool(COMPARE & set(ws)) or "(" in s.text for ws, s in
                        zip(sent_words, (s for p in items for s in p.sentences), strict=True)])
    number = np.array([any(w.isdigit() or w in NUMBER_WORDS for w in ws) for ws in sent_words])
    polar = np.array([bool(POLAR_A & set(ws)) or "n't" in s.text for ws, s in
                      zip(sent_words, (s for p in items for s in p.sentences), strict=True)])
    out = []
    hub = {}  # each passage's plain cosine to every topic asked of the blog, as a z-score across the topics
    for name in ("sec", "s1", "head"):
        col = np.stack([ev.features[:, features.FEATURES.index(name)] for ev in evidence]) if evidence else None
        hub[name] = (col - col.mean(axis=0)) / (col.std(axis=0) + 1e-6) if col is not None else None
    for ti, (topic, a, ev) in enumerate(zip(clinic.topics, asked, evidence, strict=True)):
        f = np.zeros((n, len(EXTRA_FEATURES)))
        f[:, 19], f[:, 20], f[:, 21] = hub["sec"][ti], hub["s1"][ti], hub["head"][ti]
        texts = list(topic.texts)
        first = [x for x in words_of(texts[0]) if not emb.quiet(x)] if texts else []
        key_word = max(first, key=lambda x: emb.weight(x, vectors)) if first else ""
        key = _unit_words([key_word], vectors)[0] if key_word else None
        contexts = []
        for text in texts:
            ws = [x for x in words_of(text) if x != key_word]
            if ws:
                w = np.array([emb.weight(x, vectors) for x in ws], np.float32)
                contexts.append(w @ vectors.matrix(ws))
        ctx = normalise(np.vstack(contexts)) if contexts else None
        domain = sorted({x for text in texts for x in words_of(text)
                         if emb.quiet(x) and not is_function_word(x) and not x.isdigit()})
        dom_units = _unit_words(domain, vectors)
        is_amount = bool(texts) and bool(AMOUNT.search(texts[0]))
        is_polar = bool(texts) and bool(POLAR_Q.search(texts[0]))
        f[:, 8] = np.log(max(len(texts), 1))
        f[:, 9] = float(a.exemplar is not None)
        cover, worst = soft_ways(emb, a, emb.flat, emb.offsets, n)
        f[:, 10] = cover
        f[:, 11] = soft_ways(emb, a, emb.head_flat, emb.head_offsets, n)[0]
        f[:, 12] = worst
        f[:, 13] = (cover - cover.mean()) / (cover.std() + 1e-6) if n else cover
        s_cover, s_worst = soft_ways(emb, a, emb.sent_flat, emb.sent_offsets, n_sent)
        for k, p in enumerate(items):
            rows = [emb.sentence_start[k] + i for i, sp in enumerate(p.sentences) if not sp.question]
            f[k, 14] = s_cover[rows].max() if rows else 0.0
            f[k, 15] = s_worst[rows].max() if rows else 0.0
        for k, p in enumerate(items):
            start = emb.sentence_start[k]
            rows = [start + i for i in range(len(p.sentences)) if told[start + i]]
            if not rows:
                continue
            f[k, 0] = float(np.mean(top[rows] == ti))
            s1 = rows[int(np.argmax(ev.sentence_sim[rows]))]
            mu, sd = ev.sentence_sim.mean(), ev.sentence_sim.std() + 1e-6
            f[k, 16] = rows.index(s1) / max(len(rows) - 1, 1)
            f[k, 17] = (ev.sentence_sim[rows[0]] - mu) / sd
            f[k, 18] = (ev.sentence_sim[rows[:2]].max() - mu) / sd
            f[k, 1] = float(top[s1] == ti)
            f[k, 2] = float(compare[s1])
            f[k, 5] = float(is_amount and number[s1])
            f[k, 6] = float(is_polar and polar[s1])
            if len(dom_units):
                sec_units = np.vstack([sent_units[start + i] for i in range(len(p.sentences))]
                                      + [_unit_words(words_of(p.heading), vectors)])
                f[k, 7] = float((sec_units @ dom_units.T >= NEAR_KEY).any(axis=0).mean()) if len(sec_units) else 0.0
            else:
                f[k, 7] = 1.0
            if key is None or ctx is None:
                continue
            best = None
            for r in rows:
                units = sent_units[r]
                if not len(units):
                    continue
                for i in np.flatnonzero(units @ key >= NEAR_KEY):
                    lo, hi = max(0, i - WINDOW), min(len(units), i + WINDOW + 1)
                    idx = [j for j in range(lo, hi) if j != i]
                    if not idx:
                        continue
                    vec = sent_w[r][idx] @ vectors.matrix([sent_words[r][j] for j in idx])
                    norm = float(np.linalg.norm(vec))
                    if norm == 0:
                        continue
                    sim = float((ctx @ (vec / norm)).max())
                    best = sim if best is None else max(best, sim)
            if best is not None:
                f[k, 3] = best
                f[k, 4] = 1.0
        out.append(f)
    return out
