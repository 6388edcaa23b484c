"""Readability rules (RD1xx): sentences, paragraphs, sections, passive voice, transitions, text length, ease."""

from __future__ import annotations

import re

from smpseo.analysis.passive import passive_phrase
from smpseo.analysis.readability import EASE_POOR, LONG_SENTENCE_WORDS
from smpseo.checks.engine import flag, passes
from smpseo.checks.kinds import Metric, Repetition, Share, register
from smpseo.checks.rating import orange_or_red, text_length_score
from smpseo.core.language import find_phrase
from smpseo.core.text import opening
from smpseo.model.post import LIST_ITEM, PARAGRAPH, QUOTE

_LONG = ("Scalp micropigmentation is a cosmetic treatment in which tiny dots of pigment are placed in the scalp "
         "to look like the shadow of shaved hair on a head that has none.")
_EASY = "SMP is quick. It looks real. You can book a chat today. Most people heal in a few days. "


def _filler(words: int) -> str:
    """Plain prose of about `words` words, in short sentences with transitions and varied openings."""
    sentences = ["First, we talk about the look you want.", "Then we plan the hairline with you.",
                 "However, every scalp is a little different.", "For example, oily skin can fade a bit sooner.",
                 "Because of this, we plan three sessions.", "Also, each visit takes a few hours.",
                 "Finally, you rest for a day or two.", "As a result, the dots stay crisp.",
                 "Meanwhile, your skin heals well.", "In short, the work is gentle."]
    out: list[str] = []
    count = 0
    while count < words:
        s = sentences[len(out) % len(sentences)]
        out.append(s)
        count += len(s.split())
    return " ".join(out)


def _long(_ctx, sentence, t):
    words = len(sentence.words)
    return {"words": words} if words > t["max_words"] else None


register(Share(
    id="RD101", name="long-sentence", category="readability", severity="warning",
    doc="More than `max_percent` % of the sentences are longer than `max_words` words (quotations excluded): then "
        "each long sentence is listed at its line.",
    thresholds={"max_words": LONG_SENTENCE_WORDS, "max_percent": 25},
    hint="Split it in two, or cut words that add nothing.",
    among=lambda ctx: ctx.own_sentences, has=_long, above="max_percent",
    grade=lambda share, t: orange_or_red(share <= t["max_percent"] * 6 / 5),  # Yoast: 25 %, red past 30 %
    message="Sentence has {words} words (max {max_words}); {count} of {total} sentences are this long ({percent}, "
            "max {max_percent}%)",
    examples=[flag(_LONG + " It looks real. " + _LONG,
                   "1:1 RD101 Sentence has 31 words (max 20); 2 of 3 sentences are this long (67%, max 25%)",
                   "1:182 RD101 Sentence has 31 words (max 20); 2 of 3 sentences are this long (67%, max "
                   "25%)"),
              passes(_LONG + " " + _EASY)]))


register(Metric(
    id="RD102", name="long-paragraph", category="readability", severity="warning",
    doc="A paragraph (or a list item, which reads as one) longer than `max_words` words.",
    thresholds={"max_words": 150},
    hint="Break it where the topic shifts; one idea per paragraph.",
    each=lambda ctx: [b for b in ctx.prose if b.kind in (PARAGRAPH, LIST_ITEM)],
    value=lambda b: len(b.words), above="max_words",
    grade=lambda words, t: orange_or_red(words <= t["max_words"] * 4 / 3),  # Yoast: 150 words, red past 200
    message="Paragraph has {value} words (max {threshold})",
    at=lambda b: (b.line, b.sentences[0].column if b.sentences else 1),
    match=lambda b: b.text[:80],
    examples=[flag(_filler(170),
                   "1:1 RD102 Paragraph has 173 words (max 150)"),
              # a list item is read as a paragraph, as Yoast reads it
              flag("Before you book:\n\n- " + _filler(170) + "\n- Bring a photo.",
                   "3:3 RD102 Paragraph has 173 words (max 150)"),
              passes(_filler(100) + "\n\n" + _filler(100))]))


def _section_start(section):
    """Where a section's text starts: its heading, else its first prose block (None: neither)."""
    return section.heading or next((b for b in section.blocks if b.is_prose), None)


register(Metric(
    id="RD103", name="subheading-distribution", category="readability", severity="warning",
    doc="More than `max_words` words of text without a subheading.",
    thresholds={"max_words": 300},
    hint="Add a subheading (## ...) that says what the next part answers.",
    each=lambda ctx: ctx.post.sections,
    value=lambda section: sum(len(b.words) for b in section.blocks if b.is_prose), above="max_words",
    grade=lambda words, t: orange_or_red(words <= t["max_words"] * 7 / 6),  # Yoast: 300 words, red past 350
    message="{value} words {where} without a subheading (max {threshold})",
    details=lambda section, t: {"where": "after this heading" if section.heading else "before the first subheading"},
    at=lambda section: (_section_start(section).line if _section_start(section) else section.line, 1),
    match=lambda section: section.title or (opening(_section_start(section).text) if _section_start(section) else ""),
    examples=[flag(_filler(320),
                   "1:1 RD103 322 words before the first subheading without a subheading (max 300)"),
              passes(_filler(200) + "\n\n## How long does it take?\n\n" + _filler(200))]))


def _own_sentence_spans(ctx):
    """(block, start, end) of each sentence the author wrote (quotations left out), with its offsets in the block."""
    return [(b, start, end) for b in ctx.prose if b.kind != QUOTE for _s, start, end in ctx.sentence_offsets(b)]


def _passive(ctx, span, _t):
    block, start, end = span
    found = passive_phrase(block.text[start:end])
    if not found:
        return None
    offset, phrase = found
    return {"words": " ".join(phrase.split()), "offset": start + offset}


register(Share(
    id="RD104", name="passive-voice", category="readability", severity="info",
    doc="More than `max_percent` % of the sentences are in the passive voice (\"the pigment is placed\"; quotations "
        "excluded, and a participle read as an adjective or in a fixed expression: \"so thrilled\", \"we're headed "
        "to Surrey\", \"that being said\"): then each passive sentence is listed, so you can choose which to turn "
        "round.",
    thresholds={"max_percent": 10},
    hint="Say who does it: \"we place the pigment\".",
    among=_own_sentence_spans, has=_passive, above="max_percent",
    grade=lambda share, t: orange_or_red(share <= t["max_percent"] * 3 / 2),  # Yoast: 10 %, red past 15 %
    message="Passive voice: \"{words}\"; {count} of {total} sentences are passive ({percent}, max {max_percent}%)",
    at=lambda ctx, span, found: ctx.position(span[0], found["offset"]),
    match=lambda ctx, span, found: found["words"],
    examples=[flag("The pigment is placed just under the skin. " + _EASY,
                   "1:13 RD104 Passive voice: \"is placed\"; 1 of 5 sentences are passive (20%, max 10%)"),
              flag("Your hairline is being redrawn. " + _EASY,
                   "1:15 RD104 Passive voice: \"is being redrawn\"; 1 of 5 sentences are passive (20%, max 10%)"),
              flag("Your scar is first assessed by the artist. " + _EASY,
                   "1:11 RD104 Passive voice: \"is first assessed\"; 1 of 5 sentences are passive (20%, max 10%)"),
              flag("A numbing cream is used on the scalp. " + _EASY,
                   "1:17 RD104 Passive voice: \"is used\"; 1 of 5 sentences are passive (20%, max 10%)"),
              # "is" written short after a pronoun; where "'s" is "has" ("that's changed my life"), no passive
              flag("The worry is the hair that's left. " + _EASY,
                   "1:23 RD104 Passive voice: \"that's left\"; 1 of 5 sentences are passive (20%, max 10%)"),
              passes("That's changed my life. " + _EASY),
              passes("The pigment is placed just under the skin. " + _EASY * 2 + "I am excited about it."),
              passes("You are used to wearing a cap. " + _EASY),
              passes("Let's get started. " + _EASY),
              # a participle read as an adjective, a fixed expression: no passive (the same words with a "by" are)
              passes("We're headed to Surrey. That being said, we're so thrilled. " + _EASY * 3),
              flag("The studio was headed by Dr. Lee. " + _EASY,
                   "1:12 RD104 Passive voice: \"was headed\"; 1 of 5 sentences are passive (20%, max 10%)")]))


register(Share(
    id="RD105", name="transition-words", category="readability", severity="info",
    doc="Fewer than `min_percent` % of sentences use a transition word (\"however\", \"for example\"); "
        "texts of `min_words`+ words only.",
    thresholds={"min_percent": 30, "min_words": 200},
    hint="Link your sentences: \"because\", \"for example\", \"however\", \"as a result\".",
    applies=lambda ctx, t: ctx.word_count >= t["min_words"],
    among=lambda ctx: ctx.sentences, has=lambda ctx, s, t: find_phrase("transition_words", s.text),
    below="min_percent", each=False,
    grade=lambda share, t: orange_or_red(share >= t["min_percent"] * 2 / 3),  # Yoast: 30 %, red under 20 %
    message="Only {share:.0f}% of sentences use a transition word (min {min_percent}%)",
    match="{count} of {total} sentences",
    examples=[flag(" ".join(["The scalp gets tiny dots of pigment today."] * 25),
                   "1:1 RD105 Only 0% of sentences use a transition word (min 30%)"),
              passes(_filler(220)),
              # phrases of Yoast's list: "from now on", "all at once", "in this case", "e.g."
              passes(" ".join(["Keep the scalp dry from now on.", "Heat, sweat and sun all at once fade it.",
                               "In this case, wait a week.", "Pick a soft shade, e.g. charcoal.",
                               "The scalp gets tiny dots of pigment today.", "Each dot sits just under the skin.",
                               "Your artist plans the hairline with a pencil.",
                               "Most people heal within a week or so."] * 7))]))


_FIRST_WORDS_RE = re.compile(r"[\"'“‘(\[]*([^\W_]+(?:['’][^\W_]+)*)(?:[\s,]+([^\W_]+(?:['’][^\W_]+)*))?")
# An article, a demonstrative or a small number opens a sentence together with the word after it: "The pigment ...",
# "The session ..." open differently; so Yoast reads them too.
_DETERMINERS = frozenset("a an the this that these those one two three four five six seven eight nine ten".split())


def _first_word(sentence) -> str:
    """How the sentence opens: its first word, a contraction whole ("You're", "You'll" and "You" open sentences
    differently, as Yoast reads them), and after a determiner the word that follows too ("The pigment")."""
    m = _FIRST_WORDS_RE.match(sentence.text)
    if not m:
        return ""
    first = m.group(1).replace("’", "'")
    if first.lower() in _DETERMINERS and m.group(2):
        return f"{first} {m.group(2).replace('’', chr(39))}"
    return first


register(Repetition(
    id="RD106", name="repeated-sentence-start", category="readability", severity="warning",
    doc="`min_run` or more sentences in a row of a paragraph or section start with the same word (after \"the\", "
        "\"a\", \"this\" or a number, the same two words); list items and tables, parallel by design, are left out.",
    thresholds={"min_run": 3},
    hint="Vary how the sentences open.",
    within=lambda ctx: [[s for b in section.blocks if b.kind == PARAGRAPH for s in b.sentences]
                        for section in ctx.post.sections],
    key=_first_word, least="min_run",
    message="{count} sentences in a row start with '{key}'",
    examples=[flag("SMP is fast. SMP is safe. SMP is real.",
                   "1:1 RD106 3 sentences in a row start with 'SMP'"),
              passes("SMP is fast. It is safe. Clients love it."),
              passes("You're in good hands. You’ll see the plan first. You need a short consult."),
              passes("The pigment is matched to you. The session takes hours. The dots heal in days."),
              passes("- We expanded the guide.\n- We added a test.\n- We removed a term.")]))


register(Metric(
    id="RD107", name="short-text", category="readability", severity="warning",
    doc="The post has fewer than `min_words` words of body text.",
    thresholds={"min_words": 300},
    hint="Answer the question fully: what, how, how long, what it costs, what to do next.",
    value=lambda ctx: ctx.word_count, below="min_words",
    grade=lambda words, t: text_length_score(words, t["min_words"]),
    message="Text has {value} words (min {threshold})",
    examples=[flag("---\ntitle: Short\n---\n\n" + _EASY,
                   "2:8 RD107 Text has 19 words (min 300)"),
              passes(_filler(320))]))


register(Metric(
    id="RD108", name="reading-ease", category="readability", severity="info",
    doc="Flesch reading ease below `min_score` (hard to read); the grade level is in the message.",
    thresholds={"min_score": EASE_POOR},
    hint="Shorter sentences and shorter words raise the score.",
    value=lambda ctx: ctx.scores.get("flesch_reading_ease"), below="min_score",
    message="Flesch reading ease {value:g} (min {threshold:g}); grade level {grade:g}",
    details=lambda ctx, t: {"grade": ctx.scores.get("grade")},
    examples=[flag("Comprehensive micropigmentation necessitates individualised consultation regarding "
                   "pigmentation characteristics, dermatological considerations, and aesthetic expectations.",
                   "1:1 RD108 Flesch reading ease -151.3 (min 50); grade level 18"),
              passes(_EASY * 3)]))


register(Metric(
    id="RD109", name="very-long-sentence", category="readability", severity="info",
    doc="A sentence longer than `max_words` words (quotations excluded), however few sentences are long: one a "
        "reader loses the thread of. Where RD101 lists it (too many long sentences), it is said there only.",
    thresholds={"max_words": 2 * LONG_SENTENCE_WORDS},
    hint="Split it where it changes subject; a list often reads better than one long sentence.",
    each=lambda ctx: ctx.own_sentences, value=lambda sentence: len(sentence.words), above="max_words",
    message="Sentence has {value} words (max {threshold})",
    at=lambda sentence: (sentence.line, sentence.column), match=lambda sentence: sentence.text,
    yields_to=("RD101",),
    examples=[flag(_EASY * 3 + _LONG[:-1] + ", and it takes a few hours a session over two or three sessions a week "
                   "or so apart.",
                   "1:265 RD109 Sentence has 49 words (max 40)"),
              passes(_LONG + " It looks real. " + _LONG)]))
