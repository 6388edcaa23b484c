"""Readability rules (RD1xx): sentences, paragraphs, sections, passive voice, transitions, text length, ease."""

from __future__ import annotations

import re

from smpseo.analysis.passive import passive_phrase
from smpseo.analysis.readability import EASE_POOR, LONG_SENTENCE_WORDS
from smpseo.checks.engine import Hit, flag, passes, rule
from smpseo.checks.kinds import Metric, register
from smpseo.core.language import find_phrase
from smpseo.model.post import PARAGRAPH

_LONG = ("Scalp micropigmentation is a cosmetic treatment in which tiny dots of pigment are placed in the scalp "
         "to look like the shadow of shaved hair on a head that has none.")
_EASY = "SMP is quick. It looks real. You can book a chat today. Most people heal in a few days. "


def percent(share: float, limit: float) -> str:
    """A share as "52%", or "25.5%" where rounding would make it look like the limit it is over."""
    return f"{share:.1f}%" if round(share) == limit else f"{share:.0f}%"


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


@rule("RD101", "long-sentence", "readability", "warning",
      "More than `max_percent` % of the sentences are longer than `max_words` words (quotations excluded): then "
      "each long sentence is listed at its line.",
      thresholds={"max_words": LONG_SENTENCE_WORDS, "max_percent": 25},
      hint="Split it in two, or cut words that add nothing.",
      examples=[flag(_LONG + " It looks real. " + _LONG,
                     "1:1 RD101 Sentence has 31 words (max 20); 2 of 3 sentences are this long (67%, max 25%)",
                     "1:182 RD101 Sentence has 31 words (max 20); 2 of 3 sentences are this long (67%, max "
                     "25%)"),
                passes(_LONG + " " + _EASY)])
def long_sentence(ctx, t):
    limit = t["max_words"]
    sentences = ctx.own_sentences
    long_ = [s for s in sentences if len(s.words) > limit]
    share = 100 * len(long_) / len(sentences) if sentences else 0.0
    if share <= t["max_percent"]:
        return
    overall = f"{len(long_)} of {len(sentences)} sentences are this long ({percent(share, t['max_percent'])}, max " \
              f"{t['max_percent']}%)"
    for s in long_:
        yield Hit(s.line, s.column, f"Sentence has {len(s.words)} words (max {limit}); {overall}", s.text)


register(Metric(
    id="RD102", name="long-paragraph", category="readability", severity="warning",
    doc="A paragraph longer than `max_words` words.",
    thresholds={"max_words": 150},
    hint="Break it where the topic shifts; one idea per paragraph.",
    each=lambda ctx: [b for b in ctx.prose if b.kind == PARAGRAPH],
    value=lambda b: len(b.words), above="max_words",
    message="Paragraph has {value} words (max {threshold})",
    at=lambda b: (b.line, b.sentences[0].column if b.sentences else 1),
    match=lambda b: b.text[:80],
    examples=[flag(_filler(170),
                   "1:1 RD102 Paragraph has 173 words (max 150)"),
              passes(_filler(100) + "\n\n" + _filler(100))]))


@rule("RD103", "subheading-distribution", "readability", "warning",
      "More than `max_words` words of text without a subheading.",
      thresholds={"max_words": 300},
      hint="Add a subheading (## ...) that says what the next part answers.",
      examples=[flag(_filler(320),
                     "1:1 RD103 322 words before the first subheading without a subheading (max 300)"),
                passes(_filler(200) + "\n\n## How long does it take?\n\n" + _filler(200))])
def subheading_distribution(ctx, t):
    limit = t["max_words"]
    for section in ctx.post.sections:
        n = sum(len(b.words) for b in section.blocks if b.is_prose)
        if n > limit:
            where = "after this heading" if section.heading else "before the first subheading"
            first = section.heading or next((b for b in section.blocks if b.is_prose), None)
            line = first.line if first else section.line
            yield Hit(line, 1, f"{n} words {where} without a subheading (max {limit})",
                      section.title or (first.text[:60] if first else ""))


@rule("RD104", "passive-voice", "readability", "info",
      "More than `max_percent` % of the sentences are in the passive voice (\"the pigment is placed\"; quotations "
      "excluded): then each passive sentence is listed, so you can choose which to turn round.",
      thresholds={"max_percent": 10},
      hint="Say who does it: \"we place the pigment\".",
      examples=[flag("The pigment is placed just under the skin. " + _EASY,
                     "1:13 RD104 Passive voice: \"is placed\"; 1 of 5 sentences are passive (20%, max 10%)"),
                flag("Your hairline is being redrawn. " + _EASY,
                     "1:15 RD104 Passive voice: \"is being redrawn\"; 1 of 5 sentences are passive (20%, max 10%)"),
                passes("The pigment is placed just under the skin. " + _EASY * 2 + "I am excited about it."),
                passes("Let's get started. " + _EASY)])
def passive_voice(ctx, t):
    found = []
    for b in ctx.prose:
        if b.kind == "quote":
            continue
        for _s, start, end in ctx.sentence_offsets(b):
            hit = passive_phrase(b.text[start:end])
            if hit:
                found.append((b, start, hit))
    total = len(ctx.own_sentences)
    share = 100 * len(found) / total if total else 0.0
    if share <= t["max_percent"]:
        return
    overall = f"{len(found)} of {total} sentences are passive ({percent(share, t['max_percent'])}, max " \
              f"{t['max_percent']}%)"
    for b, start, (offset, phrase) in found:
        line, col = ctx.position(b, start + offset)
        words = " ".join(phrase.split())
        yield Hit(line, col, f"Passive voice: \"{words}\"; {overall}", words)


@rule("RD105", "transition-words", "readability", "info",
      "Fewer than `min_percent` % of sentences use a transition word (\"however\", \"for example\"); "
      "texts of `min_words`+ words only.",
      thresholds={"min_percent": 30, "min_words": 200},
      hint="Link your sentences: \"because\", \"for example\", \"however\", \"as a result\".",
      examples=[flag(" ".join(["The scalp gets tiny dots of pigment today."] * 25),
                     "1:1 RD105 Only 0% of sentences use a transition word (min 30%)"),
                passes(_filler(220))])
def transition_words(ctx, t):
    if ctx.word_count < t["min_words"] or not ctx.sentences:
        return
    with_transition = sum(1 for s in ctx.sentences if find_phrase("transition_words", s.text))
    share = 100 * with_transition / len(ctx.sentences)
    if share < t["min_percent"]:
        first = ctx.sentences[0]
        yield Hit(first.line, first.column,
                  f"Only {share:.0f}% of sentences use a transition word (min {t['min_percent']}%)",
                  f"{with_transition} of {len(ctx.sentences)} sentences")


_FIRST_WORD_RE = re.compile(r"[\"'“‘(\[]*([^\W_]+)")


@rule("RD106", "repeated-sentence-start", "readability", "warning",
      "`min_run` or more sentences in a row start with the same word.",
      thresholds={"min_run": 3},
      hint="Vary how the sentences open.",
      examples=[flag("SMP is fast. SMP is safe. SMP is real.",
                     "1:1 RD106 3 sentences in a row start with 'SMP'"),
                passes("SMP is fast. It is safe. Clients love it.")])
def repeated_sentence_start(ctx, t):
    run_min = t["min_run"]
    for section in ctx.post.sections:
        sentences = [s for b in section.blocks if b.is_prose and b.kind != "quote" for s in b.sentences]
        i = 0
        while i < len(sentences):
            m = _FIRST_WORD_RE.match(sentences[i].text)
            word = m.group(1).lower() if m else ""
            j = i + 1
            while j < len(sentences) and word:
                m2 = _FIRST_WORD_RE.match(sentences[j].text)
                if not m2 or m2.group(1).lower() != word:
                    break
                j += 1
            if word and j - i >= run_min:
                s = sentences[i]
                yield Hit(s.line, s.column, f"{j - i} sentences in a row start with '{m.group(1)}'", m.group(1))
            i = max(j, i + 1)


register(Metric(
    id="RD107", name="short-text", category="readability", severity="warning",
    doc="The post has fewer than `min_words` words of body text.",
    thresholds={"min_words": 300},
    hint="Answer the question fully: what, how, how long, what it costs, what to do next.",
    value=lambda ctx: ctx.word_count, below="min_words",
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
    details=lambda ctx: {"grade": ctx.scores.get("grade")},
    examples=[flag("Comprehensive micropigmentation necessitates individualised consultation regarding "
                   "pigmentation characteristics, dermatological considerations, and aesthetic expectations.",
                   "1:1 RD108 Flesch reading ease -151.3 (min 50); grade level 18"),
              passes(_EASY * 3)]))
