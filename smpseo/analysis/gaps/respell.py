"""A question as a prospect types it, read as they meant it: a word that neither the dictionary nor the blog knows,
one edit away from a word the blog uses ("micropigmnetation", "sesions"), or from one everyday word ("permanant"),
is read as that word. So are the words of the Search Console queries mapped to the topics.

A mistyped word has no vector of its own: the mean of its pieces stands in for it, and, rare as can be, it weighs
more than any other word of the question, so one slip can send the question to another post. An edit is a letter
added, dropped or changed, or two neighbours swapped (as `smpseo.analysis.spelling.edit_distance` counts them).
A letter held for effect ("ummm", "sooo", "pleeease") is read once or twice, as the dictionary or the blog has it.
Left as written: words of fewer than five letters, words with a digit, a word one edit from several words of which
none is more common than the others, and a name (a capital inside a sentence) unless the blog writes it otherwise.
Two common words run together ("sunbed", "hairloss") are read as the two words, not as a rarer everyday word one edit
away ("subbed", "hairless"); a word of the blog, or a common word, one edit away still wins ("aftercar" is
"aftercare", "witout" is "without").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from smpseo.core.language import is_everyday_word
from smpseo.core.text import LETTERS_RE

MIN_LENGTH = 5  # shorter words are one edit from too many others
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DRAWN_OUT = re.compile(r"(.)\1{2,}")  # a letter three times or more in a row: no English word has one


def one_edit(word: str) -> set[str]:
    """Every string one edit away from `word` (with the lower-case letters a to z)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


def meant(word: str, blog_words: Mapping[str, int], known: Callable[[str], bool], frequency: Mapping[str, int],
          name: bool = False, common: Callable[[str], bool] | None = None) -> str | None:
    """The word a lower-case `word` was meant to be, or None when it is a word or no one word is the likeliest:
    the blog's word one edit away (the most used of several: `blog_words` counts them, so the blog's own slip,
    "micropigmention" once, does not win over the word it writes everywhere), else (not for a name) the everyday
    word one edit away, the more common of several (`frequency`). With `common` (whether a word is among the most
    used: the model's whole tokens), two common words run together ("sunbed", "hairloss") are read as the two words
    rather than as a rarer everyday word one edit away ("subbed", "hairless"); a common one ("without" for
    "witout") still wins."""
    if not word.isascii() or not word.isalpha() or word in blog_words or known(word):
        return None
    if _DRAWN_OUT.search(word):  # "ummm", "sooo", "pleeease": a letter held, as texts write a sound drawn out
        shorter = [w for w in dict.fromkeys(_DRAWN_OUT.sub(r"\1" * k, word) for k in (1, 2))
                   if w in blog_words or known(w)]
        if shorter:
            return max(shorter, key=lambda w: (blog_words.get(w, 0), frequency.get(w, 0)))
    if len(word) < MIN_LENGTH:
        return None
    near = one_edit(word)
    counts: Mapping[str, int] = blog_words
    pool = [w for w in near if w in blog_words]
    if not pool and not name:
        pool, counts = [w for w in near if known(w) and is_everyday_word(w)], frequency
        whole = compound(word, common) if common is not None and not any(common(w) for w in pool) else None
        if whole:  # "sunbed", "hairloss": two common words run together, not a slip for "subbed" or "hairless"
            return whole
    if len(pool) == 1:
        return pool[0]
    ranked = sorted(((counts.get(w, 0), w) for w in pool), reverse=True)
    if len(ranked) > 1 and ranked[0][0] > ranked[1][0]:
        return ranked[0][1]
    return None


def compound(word: str, common: Callable[[str], bool]) -> str | None:
    """`word` as the two common everyday words it runs together ("sunbed" as "sun bed", "hairloss" as "hair loss"),
    each of three letters or more; the split with the shorter first word when there are several ("headshave" as "head
    shave", not "heads have"); None when there is none."""
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if common(head) and common(tail) and is_everyday_word(head) and is_everyday_word(tail):
            return f"{head} {tail}"
    return None


def starts_sentence(text: str, at: int) -> bool:
    """Whether `text[at:]` opens a sentence: the text starts there (past any spaces), or before it comes a full stop,
    question or exclamation mark, colon or semicolon and a space, or an opening quote or bracket. It reads back only
    over the spaces before the word: searching the whole text before each word made a long question's reading grow
    with the square of its length."""
    if at == 0:
        return True
    j = at
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:  # nothing but spaces before it
        return True
    return text[j - 1] in "\"\u201c(" or (j < at and text[j - 1] in ".!?:;")


def mender(blog_words: Mapping[str, int], known: Callable[[str], bool], frequency: Mapping[str, int],
           common: Callable[[str], bool] | None = None) -> Callable[[str], str]:
    """A reader of texts on one blog: each text with every mistyped word (`meant`) replaced by the word it was
    meant to be, in its case. A word is looked at once for all the texts it reads (a Search Console export's
    thousands of queries share their words)."""
    seen: dict[str, str | None] = {}

    def read(text: str) -> str:
        def mend(m: re.Match[str]) -> str:
            written = m.group(0)
            name = written[0].isupper() and not starts_sentence(text, m.start())
            key = f"{name} {written.lower()}"
            if key not in seen:
                seen[key] = meant(written.lower(), blog_words, known, frequency, name, common)
            fixed = seen[key]
            if fixed is None:
                return written
            return fixed.capitalize() if written[0].isupper() else fixed

        return LETTERS_RE.sub(mend, text)

    return read


def respelled(text: str, blog_words: Mapping[str, int], known: Callable[[str], bool],
              frequency: Mapping[str, int], common: Callable[[str], bool] | None = None) -> str:
    """`text` read by a `mender`: each mistyped word replaced by the word it was meant to be."""
    return mender(blog_words, known, frequency, common)(text)
