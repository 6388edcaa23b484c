"""Keyphrase matching that explains itself.

A keyphrase matches a stretch of text when all its content words appear there, close together, in any order and any
word form: "scalp micropigmentation in Vancouver", "Vancouver's scalp micropigmentation" and "SMP Vancouver" (with
the synonym SMP = scalp micropigmentation) all match "Vancouver scalp micropigmentation". Each `Match` says why.

- function words are ignored ("in", "the"), words compare by stem ("scalps", "pigmented");
- hyphen and space variants are one word ("micro-pigmentation", "micro pigmentation", "micropigmentation");
- configured synonyms and abbreviations stand for their term (`[keywords.synonyms]` in smpseo.toml);
- apostrophes ("Vancouver's") and word boundaries are respected: "scalpel" never counts as "scalp";
- a match never crosses a sentence end, and allows at most one unrelated content word inside it;
- a keyphrase in double quotes ("\"SMP Vancouver\"") matches only those words in that order (any case).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from smpseo.core.frozen import Frozen
from smpseo.core.language import is_function_word, normalize_word, stem
from smpseo.core.text import WORD_RE, one_hyphen

# Between two words: a sentence end (or a clause break) stops a match.
_BREAK_RE = re.compile(r"[.!?;:|]|\n\s*\n")
MAX_EXTRA_WORDS = 1


class Unit(NamedTuple):
    """A content word of a text (or a synonym standing for several), with its character offsets. (A named tuple:
    a blog's prose makes a few hundred thousand, three times as fast as a frozen dataclass.)"""

    keys: tuple[str, ...]
    start: int
    end: int
    surface: str
    kind: str = "word"  # word | hyphen | space | synonym
    tokens: int = 1  # raw words it spans
    first_token: int = 0
    break_before: bool = False


class Phrase(Frozen, positional=True):
    """A compiled keyphrase: its text and content-word keys (synonyms expanded)."""

    text: str
    keys: tuple[str, ...]
    words: tuple[str, ...]  # the surface content word behind each key
    exact: re.Pattern[str] | None = None  # a "double-quoted" keyphrase: these words, in this order, only
    literal: tuple[str, ...] = ()  # the keys as written, synonyms not expanded ("SMP" stays "smp")
    literal_words: tuple[str, ...] = ()

    def keys_for(self, synonyms: bool) -> tuple[str, ...]:
        """The keys to match: synonyms expanded, or the words as written."""
        return self.keys if synonyms else self.literal

    def words_for(self, synonyms: bool) -> tuple[str, ...]:
        return self.words if synonyms else self.literal_words

    def __bool__(self) -> bool:
        return bool(self.keys)

    @property
    def content_words(self) -> int:
        """The content words of the phrase as written: "SMP vs hair transplant" has 4, though "SMP" stands for
        "scalp micropigmentation" when it is matched."""
        return len(self.literal)


class Match(Frozen, positional=True):
    """Where a phrase matched in a text, and why it counts."""

    phrase: str
    text: str
    start: int
    end: int
    reasons: tuple[str, ...] = ()

    def explain(self) -> str:
        why = "; ".join(self.reasons) if self.reasons else "exact"
        return f"matched {self.text!r} for {self.phrase!r} ({why})"


def key(word: str) -> str:
    return stem(word)


class Matcher:
    """Matches keyphrases in text. One per configuration: it knows the synonyms and every phrase it compiled."""

    def __init__(self, synonyms: dict[str, list[str]] | None = None):
        self._vocab: set[str] = set()
        self._phrases: dict[str, Phrase] = {}
        self._units: dict[str, list[Unit]] = {}
        self._plain_units: dict[str, list[Unit]] = {}
        self._words: dict[str, tuple[bool, str]] = {}
        self._heads: set[str] = set()  # the first four letters of every known word (kept with `_vocab`)
        self._synonym_starts: dict[str, list] = {}
        # synonym keys (in order) -> (canonical keys, synonym text, canonical text)
        self._synonyms: list[tuple[tuple[str, ...], tuple[str, ...], str, str]] = []
        for canonical, alternatives in (synonyms or {}).items():
            ckeys = self._plain_keys(canonical)
            for alt in alternatives:
                skeys = self._plain_keys(alt)
                if skeys and ckeys and skeys != ckeys:
                    self._synonyms.append((skeys, ckeys, alt, canonical))
        self._synonyms.sort(key=lambda s: len(s[0]), reverse=True)
        for skeys, ckeys, _, _ in self._synonyms:
            self._know(skeys)
            self._know(ckeys)

    # ---- what it knows (for callers that keep readings between runs) ------------------------------------------
    @property
    def vocabulary(self) -> frozenset[str]:
        """Every word key the matcher knows: the words of the phrases compiled so far and of the synonyms."""
        return frozenset(self._vocab)

    def compiled(self) -> list[Phrase]:
        """The phrases compiled so far, in the order they were."""
        return list(self._phrases.values())

    def synonym_keys(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(the synonym's keys, its term's keys) of every configured synonym, longest synonym first."""
        return [(skeys, ckeys) for skeys, ckeys, _, _ in self._synonyms]

    def forget_texts(self) -> None:
        """Drop the texts read so far (their units), keeping the phrases and the words looked up: a matcher kept
        for many posts holds one post's readings at a time."""
        self._units.clear()
        self._plain_units.clear()

    # ---- compiling ----------------------------------------------------------------------------------------------
    def _know(self, keys) -> None:
        """Add words to the vocabulary, and their first letters to the heads of space variants."""
        for k in keys:
            if k not in self._vocab:
                self._vocab.add(k)
                self._heads.add(k[:4])

    def _plain_keys(self, text: str) -> tuple[str, ...]:
        words = [w for w in WORD_RE.findall(text) if not is_function_word(w)] or WORD_RE.findall(text)
        for w in words:
            self._know((key(w),))
        return tuple(key(w) for w in words)

    def phrase(self, text: str) -> Phrase:
        """Compile a keyphrase (cached). Synonyms inside it are expanded: "SMP Vancouver" -> scalp micropigment...

        A phrase of function words only ("how to") has no keys: it is falsy and matches nothing."""
        found = self._phrases.get(text)
        if found is not None:
            return found
        size = len(self._vocab)
        self._plain_keys(text)
        if len(self._vocab) != size:
            self._units.clear()  # a new word may join a space or hyphen variant: read texts again
            self._plain_units.clear()
        keys: list[str] = []
        words: list[str] = []
        for unit in self.units(text):
            keys.extend(unit.keys)
            words.extend([unit.surface] * len(unit.keys))
        literal = [(k, u.surface) for u in self.units(text, synonyms=False) for k in u.keys]
        exact = None
        quoted = text.strip()
        if len(quoted) > 2 and quoted[0] in "\"“" and quoted[-1] in "\"”":
            parts = [re.escape(w).replace("'", "['’]") for w in WORD_RE.findall(quoted)]
            if parts:
                exact = re.compile(r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?:['’]s)?(?![\w'’-])",
                                   re.IGNORECASE)
        compiled = Phrase(text=text, keys=tuple(keys), words=tuple(words), exact=exact,
                          literal=tuple(k for k, _ in literal), literal_words=tuple(w for _, w in literal))
        self._phrases[text] = compiled
        return compiled

    # ---- reading text -------------------------------------------------------------------------------------------
    def _raw_tokens(self, text: str) -> list[tuple[str, int, int, bool]]:
        """(word, start, end, sentence break before it); a word's hyphens written "-" (`one_hyphen`)."""
        out = []
        plain = one_hyphen(text)
        prev_end = 0
        search = _BREAK_RE.search
        for m in WORD_RE.finditer(text):
            start = m.start()
            gap = start - prev_end
            if not out or gap == 0 or (gap == 1 and text[prev_end] == " "):
                brk = False
            else:
                brk = bool(search(text, prev_end, start))
            out.append((plain[start:m.end()], start, m.end(), brk))
            prev_end = m.end()
        # A word ending in "." swallowed by WORD_RE ("e.g") is rare; trailing sentence dots are never inside a word.
        return out

    def _info(self, word: str) -> tuple[bool, str]:
        """(is a function word, key) of a raw word, cached per matcher."""
        info = self._words.get(word)
        if info is None:
            info = self._words[word] = (is_function_word(word), key(word))
            if len(self._words) > 100000:
                self._words.clear()
        return info

    def units(self, text: str, synonyms: bool = True) -> list[Unit]:
        """The content units of a text: words (stemmed), hyphen/space variants merged, and (`synonyms`) synonyms
        folded into the term they stand for."""
        cache = self._units if synonyms else self._plain_units
        cached = cache.get(text)
        if cached is not None:
            return cached
        if synonyms:
            units = self._fold_synonyms(self.units(text, synonyms=False))
            if len(cache) > 20000:
                cache.clear()
            cache[text] = units
            return units
        raw = self._raw_tokens(text)
        vocab = self._vocab
        heads = self._heads  # first letters of known words: only those can start a space variant
        units: list[Unit] = []
        i = 0
        n = len(raw)
        pending = False  # a sentence end seen since the last unit
        while i < n:
            word, start, end, brk = raw[i]
            brk = brk or pending
            pending = False
            # space variant: "micro pigmentation" read as one word when the joined form is a known term ("24 hour"
            # too: the heads are the joined form's first four letters, which a short first word does not hold alone)
            if i + 1 < n and not raw[i + 1][3] and (word + raw[i + 1][0])[:4].lower() in heads \
                    and text[end:raw[i + 1][1]].isspace():
                joined = key(word + raw[i + 1][0])
                if joined in vocab:
                    units.append(Unit((joined,), start, raw[i + 1][2], text[start:raw[i + 1][2]], "space", 2, i, brk))
                    i += 2
                    continue
            function, k = self._info(word)
            if function:
                pending = brk
                i += 1
                continue
            if "-" in word and k not in vocab:
                offset = start
                first = True
                for part in word.split("-"):
                    if part and not is_function_word(part):
                        units.append(Unit((key(part),), offset, offset + len(part), part, "word", 1, i, brk and first))
                        first = False
                    offset += len(part) + 1
            else:
                units.append(Unit((k,), start, end, word, "hyphen" if "-" in word else "word", 1, i, brk))
            i += 1
        if len(cache) > 20000:
            cache.clear()
        cache[text] = units
        return units

    def _fold_synonyms(self, units: list[Unit]) -> list[Unit]:
        if not self._synonyms or not units:
            return units
        starts = self._synonym_starts
        if not starts:
            for syn in self._synonyms:
                starts.setdefault(syn[0][0], []).append(syn)
        out: list[Unit] = []
        i = 0
        while i < len(units):
            candidates = starts.get(units[i].keys[0]) if len(units[i].keys) == 1 else None
            if not candidates:
                out.append(units[i])
                i += 1
                continue
            for skeys, ckeys, _alt, _canonical in candidates:
                size = len(skeys)
                window = units[i:i + size]
                if len(window) == size and all(u.keys == (k,) for u, k in zip(window, skeys, strict=False)) \
                        and not any(u.break_before for u in window[1:]):
                    first, last = window[0], window[-1]
                    surface = " ".join(u.surface for u in window)
                    out.append(Unit(ckeys, first.start, last.end, surface, "synonym",
                                    sum(u.tokens for u in window), first.first_token, first.break_before))
                    i += size
                    break
            else:
                out.append(units[i])
                i += 1
        return out

    # ---- matching -----------------------------------------------------------------------------------------------
    def find(self, phrase: Phrase | str, text: str, synonyms: bool = True) -> list[Match]:
        """Every non-overlapping match of `phrase` in `text`, left to right: its words close together (at most one
        unrelated content word among them, within a clause). `synonyms=False`: the keyphrase as written (word
        forms and variants still count)."""
        if isinstance(phrase, str):
            phrase = self.phrase(phrase)
        if not phrase or not text:
            return []
        if phrase.exact is not None:
            return [Match(phrase=phrase.text, text=" ".join(m.group(0).split()), start=m.start(), end=m.end(),
                          reasons=("exact phrase",)) for m in phrase.exact.finditer(text)]
        keys = phrase.keys_for(synonyms)
        need_all = Counter(keys)
        units = self.units(text, synonyms)
        wanted = set(need_all)
        matches: list[Match] = []
        i = 0
        n = len(units)
        raw_limit = 2 * len(keys) + 2
        while i < n:
            if not wanted.intersection(units[i].keys):
                i += 1
                continue
            need = need_all.copy()
            used: list[Unit] = []
            extras: list[Unit] = []
            end_at = None
            for j in range(i, n):
                u = units[j]
                if j > i and u.break_before:
                    break
                if not u.keys:
                    continue
                hit = [k for k in u.keys if need.get(k, 0) > 0]
                if hit:
                    for k in hit:
                        need[k] -= 1
                    used.append(u)
                else:
                    extras.append(u)
                    if len(extras) > MAX_EXTRA_WORDS:
                        break
                span_tokens = u.first_token + u.tokens - units[i].first_token
                if span_tokens > raw_limit:
                    break
                if not +need:
                    end_at = j
                    break
            if end_at is None:
                i += 1
                continue
            first, last = units[i], units[end_at]
            extras = [u for u in extras if u.end <= last.end]
            matches.append(self.explain(phrase, text, first.start, last.end, used, extras, synonyms))
            i = end_at + 1
        return matches

    def explain(self, phrase: Phrase, text: str, start: int, end: int, used: list[Unit],
                extras: list[Unit], synonyms: bool = True) -> Match:
        """The match of `phrase` over text[start:end], made of the units `used`, with the reasons it counts."""
        reasons: list[str] = []
        keys = phrase.keys_for(synonyms)
        order = [k for u in used for k in u.keys]
        expected = [k for k in keys if k in order]
        if [k for k in order if k in keys] != expected and len(set(order)) > 1:
            reasons.append("word order")
        surface_for = dict(zip(keys, phrase.words_for(synonyms), strict=False))
        for u in used:
            if u.kind == "synonym":
                reasons.append(f"synonym {u.surface!r}")
                continue
            target_word = surface_for.get(u.keys[0], "")
            if u.kind in ("hyphen", "space") and u.surface.lower() != target_word.lower():
                reasons.append(f"{u.kind} variant {u.surface!r}")
            elif u.kind == "word":
                if target_word and normalize_word(u.surface) != normalize_word(target_word):
                    reasons.append(f"word form {u.surface!r}")
        span = text[start:end]
        fillers = [w for w in WORD_RE.findall(span) if is_function_word(w)]
        phrase_fillers = {w.lower() for w in WORD_RE.findall(phrase.text) if is_function_word(w)}
        extra_fillers = [w for w in fillers if w.lower() not in phrase_fillers]
        if extra_fillers:
            label = "function word" if len(extra_fillers) == 1 else "function words"
            reasons.append(f"{label} " + ", ".join(repr(w) for w in dict.fromkeys(extra_fillers)))
        for u in extras:
            reasons.append(f"extra word {u.surface!r}")
        return Match(phrase=phrase.text, text=" ".join(span.split()), start=start, end=end, reasons=tuple(reasons))

    def share(self, phrase: Phrase | str, text: str, synonyms: bool = True) -> float:
        """The fraction of the phrase's content words found anywhere in `text` (0..1), word forms included."""
        if isinstance(phrase, str):
            phrase = self.phrase(phrase)
        keys = phrase.keys_for(synonyms)
        if not keys:
            return 0.0
        present = {k for u in self.units(text, synonyms) for k in u.keys}
        return sum(1 for k in keys if k in present) / len(keys)

    def same(self, a: Phrase | str, b: Phrase | str) -> bool:
        """Two phrases with the same content words (any order, form, synonym): "SMP Vancouver" = "Vancouver SMP"."""
        a = self.phrase(a) if isinstance(a, str) else a
        b = self.phrase(b) if isinstance(b, str) else b
        return bool(a) and Counter(a.keys) == Counter(b.keys)
