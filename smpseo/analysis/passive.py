"""Passive voice: a form of "be" (or "get") followed by a past participle, adverbs allowed between them."""

from __future__ import annotations

import re

from smpseo.core.language import is_be_form, is_participle, word_list
from smpseo.core.text import WORD_RE

_ADVERB_RE = re.compile(r"^(?:not|never|also|often|always|usually|then|still|just|already|\w+ly)$", re.I)


def passive_phrase(text: str) -> tuple[int, str] | None:
    """(offset, "was placed") of the first passive construction in a sentence, or None."""
    words = WORD_RE.findall(text)  # the words alone: their offsets only for a passive found
    for i, word in enumerate(words):
        if not is_be_form(word):
            continue
        for j in range(i + 1, min(i + 4, len(words))):
            nxt = words[j]
            if is_participle(nxt):
                if word.lower().startswith("g") and nxt.lower() in word_list("get_idioms"):
                    break  # "get started", "got used to": an idiom, not a passive
                spans = [m.span() for m in WORD_RE.finditer(text)]
                start = spans[i][0]
                return start, text[start:spans[j][1]]
            if not _ADVERB_RE.match(nxt) and nxt.lower() != "being":
                break
    return None
