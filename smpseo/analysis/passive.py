"""Passive voice: a form of "be" (or "get", or "'s" after a pronoun: "that's left") followed by a past participle,
adverbs allowed between them; not a participle read as an adjective (after a word of degree: "so thrilled", "very
pleased"), nor a fixed expression (`passive_idioms.txt`: "we're headed to Surrey", "that being said")."""

from __future__ import annotations

import functools
import re

from smpseo.core.language import is_be_form, is_function_word, is_participle, word_list
from smpseo.core.text import WORD_RE

_ADVERB_RE = re.compile(r"^(?:not|never|also|often|always|usually|then|still|just|already|first|last|now|soon|later|"
                        r"once|twice|even|only|ever|all|both|sometimes|\w+ly)$", re.I)


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
                if nxt.lower() == "used" and _accustomed(words[j + 1: j + 3]):
                    break  # "I'm used to it", "used to wearing a cap": accustomed, not a passive
                if _DEGREE_RE.match(words[j - 1]) or _idiom(words, i, j):
                    break  # "so thrilled", "we're headed to Surrey", "that being said": no passive
                if _has(word, nxt, words[j + 1] if j + 1 < len(words) else ""):
                    break  # "she's tried everything", "that's changed my life": "'s" is "has"
                spans = [m.span() for m in WORD_RE.finditer(text)]
                start = spans[i][0]
                return start, text[start:spans[j][1]]
            if not _ADVERB_RE.match(nxt) and nxt.lower() != "being":
                break
    return None


# After "'s" ("it's", "that's"), a participle with an object (a possessive, a pronoun: "the" and "a" say too little,
# "it's done the same way") reads as "has" done: "she's tried everything", "that's changed my life", "he's lost his
# hair"; but not for the verbs that name ("it's called your Norwood stage"); and "gotten" always ("he's gotten used
# to it").
_OBJECTS = frozenset("my your his her its our their me him us them everything something anything nothing some lots "
                     "plenty".split())
_NAMING = frozenset("called named termed dubbed nicknamed labelled labeled".split())


def _has(be: str, participle: str, after: str) -> bool:
    """Whether the short form `be` ("it's") stands for "has" before `participle` and the word `after` it."""
    if not be.replace("\u2019", "'").lower().endswith("'s"):
        return False
    p = participle.lower()
    return p == "gotten" or (after.lower() in _OBJECTS and p not in _NAMING)


# Words of degree: what follows them is an adjective ("I'm so thrilled", "very pleased", "more detailed"), never a
# passive's participle.
_DEGREE_RE = re.compile(r"^(?:very|so|too|quite|extremely|incredibly|pretty|rather|fairly|somewhat|more|most|less|"
                        r"least)$", re.I)


def _idiom(words: list[str], i: int, j: int) -> bool:
    """Whether the participle `words[j]` (after the form of "be" `words[i]`) is in a fixed expression of
    `passive_idioms.txt` as the words around it write it ("headed to", "that being said"), and reads as one there:
    no doer after it ("headed up by Dr. Lee"), "done with" said of a person ("we're done with hats", not "it is done
    with a needle"), "set to" before a verb ("set to open", not "set to 300px")."""
    at = [w.lower() for w in words]
    for phrase in _idioms():
        for k, word in enumerate(phrase):
            start, end = j - k, j - k + len(phrase)
            if word == at[j] and start >= 0 and at[start:end] == list(phrase):
                after = at[end] if end < len(at) else ""
                if after == "by":
                    continue  # a doer: a passive
                if phrase in _SAID_OF_A_PERSON and not _of_a_person(at, i):
                    continue  # "the work is done with a fine needle"
                if phrase in _BEFORE_A_VERB and (after[:1].isdigit() or after in _DETERMINERS):
                    continue  # "the depth is set to 0.5 mm", "set to the lowest"
                return True
    return False


# "done with", "finished with" are fixed only said of a person ("we're done with hats"), "set to", "bound to" only
# before a verb ("set to open"): said of a thing, or before a number or a noun, they are a passive.
_SAID_OF_A_PERSON = frozenset({("done", "with"), ("finished", "with")})
_BEFORE_A_VERB = frozenset({("set", "to"), ("bound", "to")})
_PERSONS = frozenset("i you we they he she".split())
_DETERMINERS = frozenset("a an the this that these those its their your our my his her each every some any no "
                         "zero one two three four five six seven eight nine ten".split())


def _of_a_person(at: list[str], i: int) -> bool:
    """Whether the form of "be" `at[i]` is said of a person: "we're", "I'm", or after "I", "you", "we" ..."""
    be = at[i].replace("\u2019", "'")
    return ("'" in be and be.split("'")[0] in _PERSONS) or (i > 0 and at[i - 1] in _PERSONS)


@functools.cache
def _idioms() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in word_list("passive_idioms"))


def _accustomed(after: list[str]) -> bool:
    """Whether "used" reads as "accustomed" by the words after it: "to" and then a function word or an -ing form
    ("used to it", "used to wearing"), not a verb ("is used to cover scars" is a passive)."""
    return len(after) == 2 and after[0].lower() == "to" and (is_function_word(after[1])
                                                             or after[1].lower().endswith("ing"))
