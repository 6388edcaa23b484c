"""Static word vectors: what a text means, as the weighted mean of its words' vectors (numpy only).

The vectors are distilled once from the sentence-embedding model all-MiniLM-L6-v2 (`scripts/build_word_vectors.py`,
provenance and licences in docs/gaps.md): every WordPiece token of the model's vocabulary, and every dictionary word
the vocabulary splits into pieces, was run through the model alone, and its output vector kept (256 dimensions after
PCA, int8). A word without a vector of its own gets the mean of its pieces' vectors.

A text's vector weighs each word by how little it says in general (SIF: a / (a + p(word)), p from a general corpus)
times how rare it is across the blog's sections (IDF), so "the" weighs nothing and, on an SMP blog, "scalp" little.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

SIF_A = 1e-3
_SPLIT = re.compile(r"(\W)")


def words_of(text: str) -> list[str]:
    """The words of a text as the model's tokenizer sees them: lowercased, accents off, punctuation apart."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out = []
    for chunk in text.split():
        out.extend(p for p in _SPLIT.split(chunk) if p and p[0].isalnum())
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece, as BERT's tokenizer splits one word."""

    def __init__(self, tokens: list[str]):
        self.vocab = {t: i for i, t in enumerate(tokens)}
        self.unk = self.vocab.get("[UNK]", 0)

    def pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids


@dataclass
class WordVectors:
    """Token and word vectors (int8 rows with a scale each) and general word frequencies."""

    tokens: list[str]  # the WordPiece vocabulary, in id order
    token_vectors: np.ndarray
    token_scales: np.ndarray
    words: list[str]  # whole words the vocabulary splits into pieces
    word_vectors: np.ndarray
    word_scales: np.ndarray
    freq: dict[str, int]
    total: int

    def __post_init__(self):
        self._pieces = WordPiece(self.tokens)
        self._words = {w: i for i, w in enumerate(self.words)}
        self._cache: dict[str, np.ndarray] = {}
        self.dims = int(self.token_vectors.shape[1])

    def vector(self, word: str) -> np.ndarray:
        v = self._cache.get(word)
        if v is None:
            i = self._words.get(word)
            if i is not None:
                v = self.word_vectors[i].astype(np.float32) * self.word_scales[i]
            else:
                ids = self._pieces.pieces(word)
                v = (self.token_vectors[ids].astype(np.float32) * self.token_scales[ids, None]).mean(axis=0)
            self._cache[word] = v
        return v

    def knows(self, word: str) -> bool:
        """Whether `word` is a dictionary word (one of the vocabulary's whole words, or one it splits)."""
        return word in self._words or word in self._pieces.vocab

    def common(self, word: str) -> bool:
        """Whether `word` is among the most used words: a whole token of the model's vocabulary (30,522 tokens, the
        most frequent words of its training text whole and the rest in pieces)."""
        return word in self._pieces.vocab

    def sif(self, word: str) -> float:
        return SIF_A / (SIF_A + self.freq.get(word, 0) / self.total)

    def matrix(self, words: list[str]) -> np.ndarray:
        if not words:
            return np.zeros((0, self.dims), np.float32)
        return np.stack([self.vector(w) for w in words])


def vectors_from_npz(data: bytes) -> WordVectors:
    """Word vectors from the bytes of a file made by scripts/build_word_vectors.py."""
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        def lines(name: str) -> list[str]:
            return bytes(z[name]).decode("utf-8").split("\n")

        freq = dict(zip(lines("freq_words"), z["freq_counts"].tolist(), strict=True))
        return WordVectors(lines("tokens"), z["token_vectors"], z["token_scales"], lines("words"), z["word_vectors"],
                           z["word_scales"], freq, int(z["freq_total"]))


def normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return rows / norms
