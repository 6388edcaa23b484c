"""What a prospect says around a question, left out of it: the frame of the asking, and the sentences beside it that
say nothing about the prospect (`standing_alone`).

"Sorry if this is a dumb question, but does SMP hurt?" asks what "Does SMP hurt?" asks. Matched as written, its
frame ("sorry", "dumb", "question": rare words, so weighty ones) outweighs the question's own words ("hurt") and
draws it to a section that lists questions to ask an artist. Four kinds of frame are left out of a way of asking:

- **An opening clause about the question** (`framing_words`): up to a comma, colon, semicolon or dash (and a "but",
  "so" or "and" after it), a clause made of function and courtesy words and the words a prospect frames a question
  with ("sorry", "dumb", "question", "curious", "wondering": `smpseo/data/en/framing_words.txt`), at least one of
  these. "Quick question: ...", "This may sound silly, but ...", "Hi, I was wondering, ...". A clause that says
  anything else stays: "Scars are my worry, but can SMP cover them?", "If I stop Rogaine, will my SMP fade?". So
  does a clause that opens as a question does: "Will it look real, up close?" (here and below).
- **A concession before "but"**: an opening clause ended by a comma (or a dash, colon or semicolon) and "but"
  that holds a framing or courtesy word and names none of the domain's concerns (`names_concern`: the groups of
  the synonyms, such as scars, a transplant, the price): "Sorry to bug you guys, but ...", "Bit of a random one,
  but ...". "I've had a transplant, but will SMP help?" and "I have dark skin, but will it work?" keep their
  clause.
- **An opening that makes the question indirect** (`framing_leads`): "I was wondering", "can you tell me", "do you
  know" (`smpseo/data/en/framing_leads.txt`) before "if", "whether" or a question word. "I was wondering if SMP
  hurts" is matched as "SMP hurts"; "Do you know Dr Patel?" is left as it is.
- **A frame run into the question with no stop between** (`_run_in`): "yo quick q does SMP hurt", "hi um sorry I
  was just wondering is it safe?": the question opens at an auxiliary or a question word right after a framing,
  courtesy or opening word, when every word before it frames. So does a concession with no comma before "but"
  ("Sorry to bug you but does it hurt?"), and a short label before a colon ("Looking for info: how long does it
  last?"), when a question asked straight out follows.

And a sentence beside the question made of the same words only ("Thanks in advance.", "Asking for a friend.",
"Hope you're well.") is left out, as a greeting is, and so is a line a phone or a form adds ("Sent from my
iPhone": `smpseo/data/en/message_footers.txt`). A question is the sentence that ends with a question mark or, in a
message with none, one that opens with an auxiliary or a question word ("does it hurt lol"). Then
(`standing_alone`) a question that names the domain's thing is read alone, and one that does not is read with the
sentences beside it that speak of the prospect (a first-person word or a number: `about_the_prospect`) or name one
of the domain's concerns, and without the others, greetings and sign-offs in words no list holds ("Kia ora team.
Does it hurt? Chur").

The same words elsewhere keep their weight: "What questions should I ask an artist?" is about questions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from smpseo.core.language import courtesy_words, unasking_words, word_list
from smpseo.core.text import EMOJI, WORD_RE, is_question

# An opening clause and the rest of the sentence: the clause ends at a comma, semicolon, colon or dash (not a
# hyphen inside a word: "five-a-side"), and a "but", "so" or "and" after it belongs to the frame.
_BOUNDARY = r"(?:[,;:\u2013\u2014]|\s-(?=\s))"  # where an opening clause ends: not a hyphen inside a word
_OPENING = re.compile(rf"\s*(?P<frame>[^,;:\u2013\u2014?!.]{{1,160}}?)\s*{_BOUNDARY}"
                      r"\s*(?:(?:but|so|and)\b\s*)?(?P<rest>\S.*)", re.S | re.I)
# A concession before "but" and the rest: the first "but" after a comma, dash, colon or semicolon ("G'day, hope
# this isn't a stupid one, but ...": the clause takes in the greeting before it).
_CONCESSION = re.compile(rf"\s*(?P<frame>[^?!.]{{1,200}}?)\s*{_BOUNDARY}\s*but\b\s*(?P<rest>\S.*)", re.S | re.I)
# The sentences of a way of asking: after a full stop, question or exclamation mark and a space, whatever comes
# next ("Does it hurt? thx in advance!!": a prospect's next sentence may open in lower case); after an emoji and a
# space, which ends a sentence in a message as a full stop does ("sorry for the random message 🙈 Does it hurt?");
# and at a line break.
_SENTENCE_END = re.compile(rf"(?<=[.!?\u2026{EMOJI}])\s+|\s*\n\s*")
_SENTENCE_SPLIT = re.compile(f"({_SENTENCE_END.pattern})")  # the same, keeping what is between
# What opens the question inside an indirect one ("... if SMP hurts", "... how long it lasts").
_INNER = ("if", "whether", "about", "how", "what", "when", "where", "why", "who", "which", "whose", "whom", "do",
          "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "should", "shall", "may",
          "might", "must", "am", "has", "have", "had")


@functools.cache
def framing_words() -> frozenset[str]:
    return word_list("framing_words")


@functools.cache
def _lead() -> re.Pattern[str]:
    leads = sorted(word_list("framing_leads"), key=len, reverse=True)
    spelled = "|".join(r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in lead.split()) for lead in leads)
    inner = "|".join(_INNER)
    openers = "|".join(re.escape(w) for w in sorted(courtesy_words() | word_list("opening_words"), key=len, reverse=True))
    greeting = rf"(?:(?:{openers})\b[\s,!.:-]*)*"  # "Hi, so ...", "Ok please ...": the courtesy and opening words
    return re.compile(rf"\s*{greeting}(?:{spelled})\b[\s,]*(?:(?:if|whether)\b\s*(?=\S)|(?=(?:{inner})\b))", re.I)


def _words(text: str) -> list[str]:
    """The words of a clause, lowercased, a contraction as its first part ("I'm" as "i"; "G'day" and "y'all", whose
    first part is one letter, as "gday" and "yall")."""
    found = []
    for w in WORD_RE.findall(text):
        parts = re.split(r"['\u2019]", w.lower())
        found.append("".join(parts) if len(parts[0]) == 1 and parts[0] != "i" else parts[0])
    return found


def about_the_prospect(sentence: str) -> bool:
    """Whether a sentence speaks of the prospect (a first-person word: "I'm 64.", "My wife's hair is thinning.") or
    states a number (an age, a date), as a sentence about whose case is asked does; a greeting or a sign-off does
    neither ("Hiya, hope you're all keeping well.", "Cheers pal, much appreciated")."""
    return any(c.isdigit() for c in sentence) or not first_person_words().isdisjoint(_words(sentence))


@functools.cache
def first_person_words() -> frozenset[str]:
    return word_list("first_person_words")


def _asks(clause: str, openers=_INNER) -> bool:
    """Whether a clause opens as a question does ("Will it look real, up close?", "How will it look, ..."): then it
    is the question, whatever its words. `openers`: the words that open one (`_DIRECT`: straight out)."""
    words = _words(clause)
    return bool(words) and words[0] in openers


def _frames(clause: str) -> bool:
    """Whether an opening clause only frames: framing, courtesy and function words ("Hi", "quick question", "I was
    wondering"), not function words alone ("If I do this now": the question's own condition), and not opening as a
    question ("Is it quick, or ...?")."""
    quiet, framing = unasking_words(), framing_words()
    return _apologises(clause) and all(w in framing or w in quiet for w in _words(clause)) and not _asks(clause)


def _apologises(clause: str) -> bool:
    """Whether a clause says something about the asking at all: one framing or courtesy word ("Sorry to bug you",
    "Bit of a random one"), where "I have dark skin" or "I'm 64" say something about the prospect."""
    framing, courtesy = framing_words(), courtesy_words()
    return any(w in framing or w in courtesy for w in _words(clause))


_DIRECT = frozenset(_INNER) - {"if", "whether", "about"}  # what opens a question asked straight out
_DIRECT_ANY = "|".join(sorted(_DIRECT))  # the same, as an expression's alternatives


MOST_LABEL_WORDS = 6  # "Looking for some info:", "Question for you guys:": a label, not a clause of the question


@functools.cache
def _label() -> re.Pattern[str]:
    """A short label before a colon, when a question asked straight out follows: "Looking for info: how long does
    it last?", "Question for you guys: does it hurt?"."""
    return re.compile(rf"\s*(?P<frame>[^:?!.]{{1,80}}?)\s*:\s*(?P<rest>(?:{_DIRECT_ANY})\b.*)", re.S | re.I)


@functools.cache
def _bare_concession() -> re.Pattern[str]:
    """A concession before "but" with no comma, when a question asked straight out follows: "Sorry to bug you but
    does SMP hurt?", "I know it's a dumb question but how long does it last?"."""
    return re.compile(rf"\s*(?P<frame>[^?!.]{{1,200}}?)\s+but\s+(?P<rest>(?:{_DIRECT_ANY})\b.*)", re.S | re.I)


def _run_in(sentence: str) -> str | None:
    """The question of a sentence that runs a frame into it with no stop between: "yo quick q does SMP hurt?",
    "hi um sorry I was just wondering is it safe?". It opens at a word that opens a question straight out (an
    auxiliary or a question word) right after a framing, courtesy or opening word ("wondering", "q", "hey", "but"),
    when every word before it frames, one of them a framing or courtesy word, and the clause before it does not open
    as a question itself ("Do you have a blog I can read?" stays). Of several such words, the last before the first
    word that says something: "sorry but do you know is it safe?" is read as "is it safe?". With a question mark or
    without one, as a message often has none."""
    spans = list(WORD_RE.finditer(sentence))
    words = [(_words(m.group()) or [""])[0] for m in spans]
    quiet, framing, openers = unasking_words(), framing_words(), word_list("opening_words")
    cut = None
    for i, word in enumerate(words):
        if word not in quiet and word not in framing and word not in openers:
            break  # the first word that says something: the question has begun
        before = words[i - 1] if i else ""
        if word in _DIRECT and (before in framing or before in courtesy_words() or before in openers) \
                and len(words) - i >= 2:
            cut = i
    if cut is None:
        return None
    frame = sentence[:spans[cut].start()]
    return None if _asks(frame) or not _apologises(frame) else sentence[spans[cut].start():]


MOST_FRAMES = 8  # frames left out of one sentence at most ("Hi, quick question: I was wondering, ..." has three)


def _unframed_sentence(sentence: str, names_concern: Callable[[str], bool]) -> str:
    for _ in range(MOST_FRAMES):
        opening = _OPENING.fullmatch(sentence)
        if opening and _words(opening["rest"]) and _frames(opening["frame"]):
            sentence = opening["rest"]
            continue
        labelled = _label().fullmatch(sentence)
        if labelled and len(_words(labelled["frame"])) <= MOST_LABEL_WORDS and not names_concern(labelled["frame"]) \
                and not _asks(labelled["frame"]):
            sentence = labelled["rest"]
            continue
        conceded = _CONCESSION.fullmatch(sentence) or _bare_concession().fullmatch(sentence)
        if conceded and _words(conceded["rest"]) and _apologises(conceded["frame"]) \
                and not names_concern(conceded["frame"]) and not _asks(conceded["frame"]):
            sentence = conceded["rest"]
            continue
        lead = _lead().match(sentence)
        if lead and lead.end() and _words(sentence[lead.end():]):
            sentence = sentence[lead.end():]
            continue
        run_in = _run_in(sentence)
        if run_in:
            sentence = run_in
            continue
        break
    return sentence


def sentences_of(text: str) -> list[str]:
    """The sentences of a way of asking, as a prospect writes them: each ends at a full stop, question or exclamation
    mark and a space, whatever comes next ("Does it hurt? thx in advance!!"), at an emoji and a space, or at a line
    break."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


@functools.cache
def _footer() -> re.Pattern[str]:
    openings = sorted(word_list("message_footers"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(r"\s+".join(map(re.escape, o.split())) for o in openings) + r")\b", re.I)


def _added(sentence: str) -> bool:
    """Whether a line is one a phone, mail program or form adds to a message ("Sent from my iPhone":
    `smpseo/data/en/message_footers.txt`)."""
    return _footer().match(sentence) is not None


def unframed(text: str, names_concern: Callable[[str], bool] | None = None) -> str:
    """A way of asking without what it says about the asking (see the module's doc); the text as it is when it has
    no frame, or nothing but one. The sentences kept are joined as they were: on one line, or on lines of their own
    (a form's "Subject: Question" and its message stay apart)."""
    pieces = _SENTENCE_SPLIT.split(text.strip())
    gaps = ["\n" if "\n" in gap else " " for gap in pieces[1::2]] + [""]  # what follows each sentence
    said = [(s, gap) for s, gap in zip(pieces[::2], gaps, strict=True) if s]
    sentences = [s for s, _ in said]
    told = [(s, gap) for s, gap in said
            if not (len(said) > 1 and not is_question(s) and (_frames(s) or _added(s)))]
    concern = names_concern or (lambda _: True)
    kept = [(_unframed_sentence(s, concern), gap) for s, gap in told or said]
    if [k for k, _ in kept] == sentences:
        return text
    return "".join(k + gap for k, gap in kept[:-1]) + kept[-1][0]


def asking_sentences(sentences: list[str]) -> list[str]:
    """The sentences of a message that ask: those that end with "?"; in a message with none, those that ask
    straight out ("does it hurt lol")."""
    return [s for s in sentences if is_question(s)] or [s for s in sentences if _asks(s, _DIRECT)]


def standing_alone(text: str, names_thing: Callable[[str], bool],
                   names_concern: Callable[[str], bool] | None = None) -> str:
    """A way of asking as it is read: a question that names what it asks about ("I'm 45 and my hair has been
    thinning for years. Does SMP hurt?") stands on its own, and the sentences around it, about the prospect, are
    left out (their words would weigh as much as the question's and draw it to other sections). A question that
    does not is read with the sentences about the prospect ("I've been on blood thinners. Is that going to be a
    problem?": `about_the_prospect`) or naming one of the domain's concerns (`names_concern`), and without
    the others, greetings and sign-offs in words no list holds ("Hiya, hope all's grand with ye. ... Cheers pal.")."""
    sentences = sentences_of(text)
    asking = asking_sentences(sentences)
    if not asking or len(asking) == len(sentences):
        return text
    if names_thing(" ".join(asking)):
        return " ".join(asking)
    told = [s for s in sentences if s in asking or about_the_prospect(s)
            or (names_concern is not None and names_concern(s))]
    return text if len(told) == len(sentences) else " ".join(told)
