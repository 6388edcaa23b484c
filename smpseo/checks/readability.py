"""Readability rules (RD1xx): sentences, paragraphs, sections, passive voice, transitions, text length, ease."""

from __future__ import annotations

import re

from smpseo.analysis.passive import passive_phrase
from smpseo.checks.engine import Hit, flag, passes, rule
from smpseo.core.language import find_phrase
from smpseo.model.post import PARAGRAPH

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


@rule("RD101", "long-sentence", "readability", "warning",
      "A sentence longer than `max_words` words (quotations excluded).",
      thresholds={"max_words": 20},
      hint="Split it in two, or cut words that add nothing.",
      examples=[flag(_LONG), passes("SMP adds tiny dots of pigment to the scalp. It looks like shaved hair.")])
def long_sentence(ctx, t):
    limit = t["max_words"]
    for s in ctx.own_sentences:
        n = len(s.words)
        if n > limit:
            yield Hit(s.line, s.column, f"Sentence has {n} words (max {limit})", s.text)


@rule("RD102", "long-paragraph", "readability", "warning",
      "A paragraph longer than `max_words` words.",
      thresholds={"max_words": 150},
      hint="Break it where the topic shifts; one idea per paragraph.",
      examples=[flag(_filler(170)), passes(_filler(100) + "\n\n" + _filler(100))])
def long_paragraph(ctx, t):
    limit = t["max_words"]
    for b in ctx.prose:
        if b.kind != PARAGRAPH:
            continue
        n = len(b.words)
        if n > limit:
            col = b.sentences[0].column if b.sentences else 1
            yield Hit(b.line, col, f"Paragraph has {n} words (max {limit})", b.text[:80])


@rule("RD103", "subheading-distribution", "readability", "warning",
      "More than `max_words` words of text without a subheading.",
      thresholds={"max_words": 300},
      hint="Add a subheading (## ...) that says what the next part answers.",
      examples=[flag(_filler(320)), passes(_filler(200) + "\n\n## How long does it take?\n\n" + _filler(200))])
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
      "A sentence in the passive voice (\"the pigment is placed\"); flagged so you can choose, not to forbid it.",
      hint="Say who does it: \"we place the pigment\".",
      examples=[flag("The pigment is placed just under the skin."),
                passes("We place the pigment just under the skin. I am excited about it.")])
def passive_voice(ctx, t):
    for b in ctx.prose:
        if b.kind == "quote":
            continue
        for _s, start, end in ctx.sentence_offsets(b):
            found = passive_phrase(b.text[start:end])
            if found:
                offset, phrase = found
                line, col = ctx.position(b, start + offset)
                yield Hit(line, col, f"Passive voice: \"{' '.join(phrase.split())}\"", " ".join(phrase.split()))


@rule("RD105", "transition-words", "readability", "info",
      "Fewer than `min_percent` % of sentences use a transition word (\"however\", \"for example\"); "
      "texts of `min_words`+ words only.",
      thresholds={"min_percent": 20, "min_words": 200},
      hint="Link your sentences: \"because\", \"for example\", \"however\", \"as a result\".",
      examples=[flag(" ".join(["The scalp gets tiny dots of pigment today."] * 25)), passes(_filler(220))])
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
      examples=[flag("SMP is fast. SMP is safe. SMP is real."), passes("SMP is fast. It is safe. Clients love it.")])
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


@rule("RD107", "short-text", "readability", "warning",
      "The post has fewer than `min_words` words of body text.",
      thresholds={"min_words": 300},
      hint="Answer the question fully: what, how, how long, what it costs, what to do next.",
      examples=[flag("---\ntitle: Short\n---\n\n" + _EASY), passes(_filler(320))])
def short_text(ctx, t):
    if ctx.word_count < t["min_words"]:
        yield Hit(ctx.first_line(), 1, f"Text has {ctx.word_count} words (min {t['min_words']})", ctx.post.title)


@rule("RD108", "reading-ease", "readability", "info",
      "Flesch reading ease below `min_score` (hard to read); the grade level is in the message.",
      thresholds={"min_score": 50.0},
      hint="Shorter sentences and shorter words raise the score.",
      examples=[flag("Comprehensive micropigmentation necessitates individualised consultation regarding "
                     "pigmentation characteristics, dermatological considerations, and aesthetic expectations."),
                passes(_EASY * 3)])
def reading_ease(ctx, t):
    ease = ctx.scores.get("flesch_reading_ease")
    if ease is not None and ease < t["min_score"]:
        grade = ctx.scores.get("grade")
        yield Hit(ctx.first_line(), 1, f"Flesch reading ease {ease:g} (min {t['min_score']:g}); grade level {grade:g}",
                  ctx.post.title)
