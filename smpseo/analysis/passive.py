"""Passive voice: a form of "be" (or "get") followed by a past participle, adverbs allowed between them."""

from __future__ import annotations

import re

from smpseo.core.language import is_be_form, is_participle, word_list
from smpseo.core.text import WORD_RE

_ADVERB_RE = re.compile(r"^(?:not|never|also|often|always|usually|then|still|just|already|\w+ly)$", re.I)


def passive_phrase(text: str) -> tuple[int, str] | None:
    """(offset, "was placed") of the first passive construction in a sentence, or None."""
    tokens = [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    for i, (word, start, _) in enumerate(tokens):
        if not is_be_form(word):
            continue
        for j in range(i + 1, min(i + 4, len(tokens))):
            nxt = tokens[j][0]
            if is_participle(nxt):
                if word.lower().startswith("g") and nxt.lower() in word_list("get_idioms"):
                    break  # "get started", "got used to": an idiom, not a passive
                return start, text[start:tokens[j][2]]
            if not _ADVERB_RE.match(nxt) and nxt.lower() != "being":
                break
    return None
