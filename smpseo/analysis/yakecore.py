# SPDX-License-Identifier: AGPL-3.0-or-later
# This file reproduces the keyword scoring of yake 0.7.3 (YAKE!, Copyright (C) 2018, INESC TEC: R. Campos,
# V. Mangaravite, A. Pasquali, A. Jorge, C. Nunes, A. Jatowt), which is licensed under the GNU Affero General
# Public License, version 3 or later. This file is under the same licence; see LICENSE. (The rest of smpseo is
# also available under the MIT License: LICENSES/MIT.txt.)
"""YAKE keyword scores, computed over flat tables: the same terms, scores and order as `yake.KeywordExtractor` 0.7.3.

yake builds an object per word and per candidate and a networkx graph of co-occurrences, then deduplicates with a
pure-Python Levenshtein: on a 700-word post that is 50 ms, most of a cold analysis. This module runs the same
algorithm (Campos et al., 2020, as yake 0.7.3 implements it) with dicts and lists, and reuses yake's own pieces
where they are cheap: its stop-word list, and segtok, the tokenizer yake calls. `keywords()` equals
`yake.KeywordExtractor(lan="en", n=3, dedup_lim=0.9, dedup_func="levs", window_size=1, top=top)
.extract_keywords(text)`; tests/test_yakecore.py holds it to that, term for term and score for score, on every post
of the real corpora. Other settings of yake are not offered.

Expressions keep yake's order of operations and its numpy mean and standard deviation (`mean_std`, numpy's summation
in plain Python) so that scores agree to the last bit, and ties keep yake's order (first seen first).
"""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import string
from pathlib import Path

N = 3  # longest candidate, in words
WINDOW = 1  # co-occurrence window, in words
DEDUP_LIMIT = 0.9  # a candidate this similar (normalised Levenshtein) to a kept one is dropped
EXCLUDE = frozenset(string.punctuation)
_PUNCTUATION = string.punctuation
_NO_PUNCTUATION = str.maketrans("", "", string.punctuation)
_DISCARD = ("u", "d")  # tags of words that make no co-occurrence: unusual (mixed letters and digits) and numbers
_CAPITAL = re.compile(r"^(\s*([A-Z]))")


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """yake's English stop-word list, read from the installed yake package without importing it (and networkx)."""
    spec = importlib.util.find_spec("yake")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("yake is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "core" / "StopwordsList" / "stopwords_en.txt"
    return frozenset(path.read_text(encoding="utf-8").lower().split("\n"))


def _pre_filter(text: str) -> str:
    buffer = ""
    for part in text.split("\n"):
        buffer += ("\n\n" if _CAPITAL.match(part) else " ") + part.replace("\t", " ")
    return buffer


def _sentences(text: str) -> list[list[str]]:
    from smpseo.analysis.segtokcore import may_split, split_contractions, split_multi, web_tokenizer

    out = []
    for s in split_multi(text):
        if len(s.strip()) > 0:
            tokens = web_tokenizer(s)
            if may_split(s):
                out.append([w for w in split_contractions(tokens)
                            if not (w.startswith("'") and len(w) > 1) and len(w) > 0])
            else:  # no contraction to split and no token that starts with an apostrophe
                out.append(list(filter(None, tokens)))
    return out


@functools.lru_cache(maxsize=20000)
def _tag(word: str, first: bool) -> str:
    """yake's word tag: d number, u unusual, a acronym, n proper noun (capitalised, not first in its sentence), p plain."""
    bare = word.replace(",", "")
    if bare.isdigit() or bare.replace(".", "", 1).isdigit():
        return "d"
    digits = alpha = punct = 0
    for c in word:
        if c.isdigit():
            digits += 1
        if c.isalpha():
            alpha += 1
        if c in EXCLUDE:
            punct += 1
    if digits > 0 and alpha > 0 or (digits == 0 and alpha == 0) or punct > 1:
        return "u"
    if word.isupper():
        return "a"
    if len(word) > 1 and word[0].isupper() and not first and sum(c.isupper() for c in word) == 1:
        return "n"
    return "p"


@functools.lru_cache(maxsize=512)
def _max_edits(longest: int) -> int:
    """The most edits two terms, the longer `longest` characters long, may be apart and still count as similar:
    the largest d for which yake's test `1 - d / longest > DEDUP_LIMIT` holds (as floats, as yake computes it)."""
    d = 0
    while 1 - (d + 1) / longest > DEDUP_LIMIT:
        d += 1
    return d if 1 - d / longest > DEDUP_LIMIT else -1


def _similar(a: str, b: str) -> bool:
    """yake's `levs` test: 1 - Levenshtein(a, b) / max(len) > DEDUP_LIMIT, with the length bound checked first.
    Only whether the distance is within `_max_edits` matters, so only the diagonal band of that width is worked
    out, and the work stops as soon as every cell of a row is past it."""
    longest = max(len(a), len(b))
    if longest <= 10 or 1 - abs(len(a) - len(b)) / longest <= DEDUP_LIMIT:
        return False  # distinct terms are at least one edit apart, and at least their difference in length
    k = _max_edits(longest)
    if k < 0:
        return False
    if len(a) > len(b):
        a, b = b, a
    n = len(b)
    over = k + 1  # any distance past k: the cells outside the band are at least this far
    previous = [j if j <= k else over for j in range(n + 1)]
    for i, ca in enumerate(a, 1):
        lo, hi = max(1, i - k), min(n, i + k)
        current = [over] * (n + 1)
        if i <= k:
            current[0] = i
        best = current[0] if lo == 1 else over
        for j in range(lo, hi + 1):
            v = previous[j - 1] + (ca != b[j - 1])
            if previous[j] + 1 < v:
                v = previous[j] + 1
            if current[j - 1] + 1 < v:
                v = current[j - 1] + 1
            if v > over:
                v = over
            current[j] = v
            if v < best:
                best = v
        if best > k:
            return False
        previous = current
    return previous[n] <= k


def keywords(text: str, top: int = 20) -> list[tuple[str, float]]:
    """The text's `top` YAKE keywords, best (lowest score) first, as yake 0.7.3 ranks them; [] where yake fails."""
    if not text:
        return []
    try:
        return _keywords(text, top)
    except (ZeroDivisionError, ValueError, OverflowError):  # yake swallows these and returns []
        return []


# A token -> (lower case, its term's key, its tag when not first in its sentence), or False for a token of
# punctuation only: worked out once per distinct token in a process.
_tokens: dict[str, tuple[str, str, str] | bool] = {}
_TOKENS_LIMIT = 200_000


def _token(word: str) -> tuple[str, str, str] | bool:
    if len(_tokens) >= _TOKENS_LIMIT:
        _tokens.clear()
    if not word.strip(_PUNCTUATION):
        found: tuple[str, str, str] | bool = False
    else:
        lower = word.lower()
        found = (lower, lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower, _tag(word, False))
    _tokens[word] = found
    return found


def _keywords(text: str, top: int) -> list[tuple[str, float]]:
    stop = stopwords()
    sentences = _sentences(_pre_filter(text.replace("\n", " ")))

    ids: dict[str, int] = {}  # unique term -> id
    stopword: list[bool] = []
    tf: list[float] = []
    tf_a: list[float] = []
    tf_n: list[float] = []
    seen_in: list[list[int]] = []  # the sentences a term occurs in, in order, each once
    out: list[dict[int, float]] = []  # co-occurrence edges term -> following term, with counts
    into: list[dict[int, float]] = []
    # candidates: unique_kw -> [surface form, term ids, tf, has a clean tag]
    candidates: dict[str, list] = {}
    tokens = _tokens

    for sentence_id, sentence in enumerate(sentences):
        # the last two words since the last token of punctuation only: (word, lower, term, tag u or d)
        last = before = None
        for pos, word in enumerate(sentence):
            found = tokens.get(word)
            if found is None:
                found = _token(word)
            if found is False:  # a token of punctuation only ends the block
                last = before = None
                continue
            lower, unique, tag = found
            if pos == 0:
                tag = _tag(word, True)
            term = ids.get(unique)
            if term is None:
                term = ids[unique] = len(stopword)
                # a stop word, or shorter than 3 characters once punctuation is taken out
                stopword.append(lower in stop or unique in stop or len(unique.translate(_NO_PUNCTUATION)) < 3)
                tf.append(0.0)
                tf_a.append(0.0)
                tf_n.append(0.0)
                seen_in.append([])
                out.append({})
                into.append({})
            occurs = seen_in[term]
            if not occurs or occurs[-1] != sentence_id:
                occurs.append(sentence_id)
            tf[term] += 1.0
            if tag == "a":
                tf_a[term] += 1.0
            elif tag == "n":
                tf_n[term] += 1.0
            unusual = tag in _DISCARD
            if not unusual and last is not None and not last[3]:  # the co-occurrence window: one word
                prev = last[2]
                edges = out[prev]
                edges[term] = edges.get(term, 0.0) + 1.0
                edges = into[term]
                edges[prev] = edges.get(prev, 0.0) + 1.0
            # the candidates ending at this word, in yake's order: the word alone, then 2 and 3 words (the lower
            # case of words joined by spaces is the words' lower case joined: a space ends a final sigma's context).
            # A candidate that starts or ends with a stop word is never scored (`_rank`): it is not kept.
            if not stopword[term]:
                clean = not unusual
                entry = candidates.get(lower)
                if entry is None:
                    candidates[lower] = [word, (term,), 1.0, clean]
                else:
                    entry[2] += 1.0
                    entry[3] = entry[3] or clean
                if last is not None:
                    clean = clean and not last[3]
                    if not stopword[last[2]]:
                        key = last[1] + " " + lower
                        entry = candidates.get(key)
                        if entry is None:
                            candidates[key] = [last[0] + " " + word, (last[2], term), 1.0, clean]
                        else:
                            entry[2] += 1.0
                            entry[3] = entry[3] or clean
                    if before is not None and not stopword[before[2]]:
                        clean = clean and not before[3]
                        key = before[1] + " " + last[1] + " " + lower
                        entry = candidates.get(key)
                        if entry is None:
                            candidates[key] = [before[0] + " " + last[0] + " " + word, (before[2], last[2], term),
                                               1.0, clean]
                        else:
                            entry[2] += 1.0
                            entry[3] = entry[3] or clean
            before, last = last, (word, lower, term, unusual)
    return _rank(candidates, stopword, tf, tf_a, tf_n, seen_in, out, into, len(sentences), top)


def mean_std(values: list[float]) -> tuple[float, float]:
    """numpy's `mean()` and `std()` of a list of floats, to the last bit, without loading numpy (a tenth of a second
    of every process that extracts keyphrases): the same pairwise summation, divisions and square root."""
    n = len(values)
    mean = _pairwise_sum(values, 0, n) / n
    squares = [(v - mean) * (v - mean) for v in values]
    return mean, math.sqrt(_pairwise_sum(squares, 0, n) / n)


def _pairwise_sum(a: list[float], start: int, n: int) -> float:
    """numpy's float64 `add.reduce` (`pairwise_sum` in numpy/_core/src/umath/loops_utils.h.src): in order below
    8 values, 8 running sums up to 128, else the two halves (split at a multiple of 8) summed apart."""
    if n < 8:
        res = 0.0
        for i in range(start, start + n):
            res += a[i]
        return res
    if n <= 128:
        r = a[start:start + 8]
        end = start + n - n % 8
        for i in range(start + 8, end, 8):
            for j in range(8):
                r[j] += a[i + j]
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for i in range(end, start + n):
            res += a[i]
        return res
    half = n // 2
    half -= half % 8
    return _pairwise_sum(a, start, half) + _pairwise_sum(a, start + half, n - half)


def _divide(a: float, b: float) -> float:
    """a / b as numpy divides float64s: infinity or nan for a zero divisor, never an exception."""
    if b:
        return a / b
    if a == 0 or a != a:
        return math.nan
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def _rank(candidates, stopword, tf, tf_a, tf_n, seen_in, out, into, n_sentences, top) -> list[tuple[str, float]]:
    valid_tfs = [f for f, stop in zip(tf, stopword, strict=True) if not stop]
    if not valid_tfs:
        return []  # only stop words: yake scores nothing
    avg_tf, std_tf = mean_std(valid_tfs)
    max_tf = max(tf)
    h = [0.0] * len(tf)
    for t, f in enumerate(tf):
        if stopword[t]:
            continue  # a stop word's own score is never used
        wil = sum(into[t].values())
        pwl = 0 if wil == 0 else len(into[t]) / wil
        wir = sum(out[t].values())
        pwr = 0 if wir == 0 else len(out[t]) / wir
        wrel = 0.5 + pwl * (f / max_tf) + (0.5 + pwr * (f / max_tf))
        wfreq = f / (avg_tf + std_tf)
        occurs = seen_in[t]
        wspread = len(occurs) / n_sentences
        wcase = max(tf_a[t], tf_n[t]) / (1.0 + math.log(f))
        middle = len(occurs) // 2
        median = occurs[middle] if len(occurs) % 2 else (occurs[middle - 1] + occurs[middle]) / 2
        wpos = math.log(math.log(3.0 + median))
        h[t] = wpos * wrel / (wcase + wfreq / wrel + wspread / wrel)

    scored: list[tuple[float, str, str]] = []
    for unique, (kw, terms, cand_tf, clean) in candidates.items():
        if not clean:  # (none starts or ends with a stop word: `_keywords` keeps no such candidate)
            continue
        if len(terms) == 1:  # 0.0 + h and 1.0 * h are h (a term's h is a positive number)
            score = h[terms[0]]
            scored.append((_divide(score, (score + 1) * cand_tf), unique, kw))
            continue
        sum_h, prod_h = 0.0, 1.0
        last = len(terms) - 1
        for t, term in enumerate(terms):
            if not stopword[term]:
                sum_h += h[term]
                prod_h *= h[term]
                continue
            # a stop word inside a phrase: how often it follows the word before and precedes the word after
            prob_t1 = out[terms[t - 1]][term] / tf[terms[t - 1]] if t > 0 and term in out[terms[t - 1]] else 0.0
            prob_t2 = out[term][terms[t + 1]] / tf[terms[t + 1]] if t < last and terms[t + 1] in out[term] else 0.0
            prob = prob_t1 * prob_t2
            prod_h *= 1 + (1 - prob)
            sum_h -= 1 - prob
        scored.append((_divide(prod_h, (sum_h + 1) * cand_tf), unique, kw))
    scored.sort(key=lambda c: c[0])  # stable: ties stay in the order they were first seen

    kept: list[tuple[float, str, str]] = []
    for cand in scored:
        if not any(_similar(cand[1], other[1]) for other in kept):
            kept.append(cand)
            if len(kept) == top:
                break
    return [(kw, float(score)) for score, _, kw in kept]
