"""Keyphrase rules on the body (SEO209, SEO210, SEO212-SEO214): subheadings, image alt text, density,
distribution and link anchors. The definitions they use are `smpseo.analysis.placement`'s."""

from __future__ import annotations

import math

from smpseo.analysis.placement import (
    ALT,
    DISTRIBUTION,
    LINK,
    SUBHEADING,
    contains,
    count,
    holds_topic,
    synonyms_count,
    topic_share,
    uses,
)
from smpseo.checks.engine import Hit, flag, passes, rule
from smpseo.checks.keyphrase import FILLER, INTRO_TEXT, KP, post
from smpseo.checks.kinds import Occurrence, Share, register


def _reflects(ctx, text: str, place: str, more_than_half: bool = False) -> bool:
    """Half or more of the keyphrase's content words are in `text` (more than half for a subheading, as Yoast
    asks), synonyms counting where they count."""
    share = topic_share(ctx.matcher, ctx.focus, text, synonyms_count(place)) if text else 0.0
    return share > 0.5 if more_than_half else share >= 0.5


@rule("SEO209", "keyphrase-in-subheadings", "seo", "info",
      "Fewer than `min_percent` % of the H2/H3 subheadings reflect the focus keyphrase (more than half its content "
      "words, or of a synonym's), more than `max_percent` % do (3+ subheadings), or a text of `min_words`+ words has "
      "none.",
      thresholds={"min_percent": 30, "max_percent": 75, "min_words": 300}, uses_keyphrase=True,
      custom="its verdict changes with the number of subheadings (too many only with 3 or more), and a long text "
             "with none is a case of its own",
      hint="Use the keyphrase, or its main words, in one or two subheadings.",
      examples=[flag(post(KP, INTRO_TEXT + "\n\n## What happens next\n\nText.\n\n## Aftercare\n\nText."),
                     "8:4 SEO209 No subheading reflects the keyphrase 'Vancouver scalp micropigmentation'"),
                flag(post(KP, INTRO_TEXT + " " + " ".join([FILLER] * 30)),
                     "6:1 SEO209 No subheadings in 313 words: add one or two that reflect the keyphrase "
                     "'Vancouver scalp micropigmentation'"),
                passes(post(KP, INTRO_TEXT + "\n\n## Why choose SMP in Vancouver\n\nText.\n\n## Aftercare\n\nText."))])
def keyphrase_in_subheadings(ctx, t):
    if not ctx.focus:
        return
    heads = ctx.subheadings
    if not heads:
        if ctx.word_count >= t["min_words"] and ctx.prose:
            yield Hit(ctx.prose[0].line, 1, f"No subheadings in {ctx.word_count} words: add one or two that reflect "
                                            f"the keyphrase {ctx.focus_label()}", "", grade=2)  # Yoast's score
        return
    reflecting = [h for h in heads if _reflects(ctx, h.text, SUBHEADING, more_than_half=True)]
    share = 100 * len(reflecting) / len(heads)
    if not reflecting:
        yield Hit(heads[0].line, 1, f"No subheading reflects the keyphrase {ctx.focus_label()}", heads[0].text)
    elif share < t["min_percent"]:
        yield Hit(heads[0].line, 1, f"Only {len(reflecting)} of {len(heads)} subheadings reflect the keyphrase "
                                    f"{ctx.focus_label()} (min {t['min_percent']}%)", heads[0].text)
    elif len(heads) >= 3 and share > t["max_percent"]:
        yield Hit(heads[0].line, 1, f"{len(reflecting)} of {len(heads)} subheadings repeat the keyphrase "
                                    f"(max {t['max_percent']}%)", heads[0].text)


register(Share(
    id="SEO210", name="keyphrase-in-image-alt", category="seo", severity="info",
    doc="The post has images but no alt text holds half or more of the focus keyphrase's content words (or of a "
        "synonym's); with 5+ images, fewer than 30 % or more than 75 % of them do.",
    uses_keyphrase=True,
    hint="Describe one image with the keyphrase's words, if it truly shows that.",
    among=lambda ctx: ctx.post.images if ctx.focus else [], has=lambda ctx, image, t: _reflects(ctx, image.alt, ALT),
    below=30, above=75, fewest=5, each=False,
    message={"none": "No image alt text reflects the keyphrase {keyphrase}",
             "below": "{count} of {total} image alt texts reflect the keyphrase {keyphrase} (aim for 30-75%)",
             "above": "{count} of {total} image alt texts reflect the keyphrase {keyphrase} (aim for 30-75%)"},
    at=lambda ctx, image, found: (image.line, 1), match=lambda ctx, image, found: image.src,
    examples=[flag(post(KP, INTRO_TEXT + "\n\n![A smiling client](client.jpg)"),
                   "8:21 SEO210 No image alt text reflects the keyphrase 'Vancouver scalp micropigmentation'"),
              passes(post(KP, INTRO_TEXT + "\n\n![Scalp micropigmentation, two years on](client.jpg)"))]))


def keyphrase_range(words: int, content_words: int, t) -> tuple[int, int]:
    """The fewest and most uses of a keyphrase a text of `words` words should have: Yoast's recommended counts.
    A longer keyphrase needs fewer uses (each use is worth 0.7 + n/3 of a one-word keyphrase's); at least 2."""
    factor = 0.7 + content_words / 3
    least = max(2, math.ceil(t["min_percent"] * words / (100 * factor)))
    most = max(2, math.floor(t["max_percent"] * words / (100 * factor)))
    return least, most


@rule("SEO212", "keyphrase-density", "seo", "warning",
      "The focus keyphrase, as written (any word form; synonyms do not count), is used too rarely or too often in "
      "the author's text (paragraphs, lists and subheadings; quotations left out): its density, weighted by the "
      "keyphrase's length as Yoast weighs it, outside `min_percent`-`max_percent` % (texts of `min_words`+ words).",
      thresholds={"min_percent": 0.5, "max_percent": 3.5, "min_words": 100}, uses_keyphrase=True,
      custom="the range of uses it asks for grows with the text's length and shrinks with the keyphrase's, as "
             "Yoast's does: no fixed threshold",
      hint="Use the keyphrase itself where it fits naturally; synonyms are welcome but do not count here; do not "
           "stuff it.",
      examples=[flag(post(KP, " ".join([FILLER] * 12)),
                     "2:9 SEO212 Keyphrase 'Vancouver scalp micropigmentation' used 0 times as written in 120 "
                     "words of text and subheadings: aim for 2 times"),
                flag(post("keyphrase: scalp micropigmentation",
                          " ".join(["Scalp micropigmentation is our work."] + ["SMP is our work."] * 6
                                   + [FILLER] * 9)),
                     "2:19 SEO212 Keyphrase 'scalp micropigmentation' used 1 time as written, 6 more as 'SMP' "
                     "in 119 words of text and subheadings: synonyms do not count here; aim for 2-3 times"),
                passes(post(KP, INTRO_TEXT + " " + " ".join([FILLER] * 9) + " Vancouver scalp micropigmentation "
                            "is our only work."))])
def keyphrase_density(ctx, t):
    words = sum(len(b.words) for b in ctx.own_text)
    if not ctx.focus or words < t["min_words"]:
        return
    used = uses(ctx.matcher, ctx.focus, [b.text for b in ctx.own_text])
    n = used.written
    least, most = keyphrase_range(words, len(ctx.focus.literal), t)
    # the words counted are those of the text and its subheadings, quotations left out: said so, as RD107 and the
    # reports count the prose alone and show another number for the same post
    what = f"Keyphrase {ctx.focus_label()} used {used.describe()} in {words} words of text and subheadings"
    note = ": synonyms do not count here;" if used.synonym else ":"
    if n < least:
        aim = f"{least}-{most}" if least < most else f"{least}"
        yield Hit(ctx.first_line(), 1, f"{what}{note} aim for {aim} times", ctx.focus.text)
    elif n > most:
        # Yoast's scores: over the maximum -10, far over it (4 % against 3.5 %: 8/7 of it) -50
        _, far = keyphrase_range(words, len(ctx.focus.literal), {**t, "max_percent": t["max_percent"] * 8 / 7})
        yield Hit(ctx.first_line(), 1, f"{what}{note} aim for at most {most} times", ctx.focus.text,
                  grade=-50 if n > far else -10)


@rule("SEO213", "keyphrase-distribution", "seo", "info",
      "The keyphrase never appears, or the longest run of sentences without it (a sentence counts when it holds "
      "all the words of the keyphrase or of a synonym's phrase, half of them for a phrase of four or more) is more "
      "than `max_gap_share` of the text (texts "
      "of `min_sentences`+ sentences).",
      thresholds={"max_gap_share": 0.3, "min_sentences": 15}, uses_keyphrase=True,
      custom="it measures the longest run of sentences without the keyphrase, not a share of them",
      hint="Mention the topic again in the parts of the post that leave it out.",
      examples=[flag(post(KP, INTRO_TEXT + " " + " ".join(["We plan each visit with care."] * 20)),
                     "6:83 SEO213 20 sentences in a row (95% of the text) without the keyphrase 'Vancouver "
                     "scalp micropigmentation'"),
                flag(post(KP, "We plan each visit with care.\n\n## Vancouver scalp micropigmentation prices\n\n"
                              "Prices start low."),
                     "2:1 SEO213 The keyphrase 'Vancouver scalp micropigmentation' is in no sentence of the text, "
                     "only in the subheading \"Vancouver scalp micropigmentation prices\""),
                passes(post(KP, INTRO_TEXT + " " + " ".join(["We plan each visit with care."] * 5) +
                            " SMP in Vancouver is our work. " + " ".join(["We plan each visit with care."] * 5) +
                            " Vancouver scalp micropigmentation lasts. " + " ".join(["We plan each visit with care."] * 4)))])
def keyphrase_distribution(ctx, t):
    if not ctx.focus:
        return
    sentences = ctx.sentences
    if not sentences:
        return
    hits = [holds_topic(ctx.matcher, ctx.focus, s.text, synonyms_count(DISTRIBUTION)) for s in sentences]
    if not any(hits):  # (a subheading is no sentence of the text, but the density counts it: said, not to clash)
        heading = next((h for h in ctx.post.headings
                        if h.level > 1 and count(ctx.matcher, ctx.focus, h.text, synonyms=False)), None)
        only = f", only in the subheading \"{heading.text}\"" if heading is not None else ""
        yield Hit(ctx.first_line(), 1, f"The keyphrase {ctx.focus_label()} is in no sentence of the text{only}", "",
                  grade=1)
        return
    if len(sentences) < t["min_sentences"]:
        return
    best_len, best_start, run, start = 0, 0, 0, 0
    for i, hit in enumerate(hits):
        if hit:
            run = 0
            continue
        if run == 0:
            start = i
        run += 1
        if run > best_len:
            best_len, best_start = run, start
    share = best_len / len(sentences)
    if share > t["max_gap_share"]:
        s = sentences[best_start]
        # Yoast's scores: 6 for a gap past 30 % of the text, 1 past 50 % (5/3 of it)
        yield Hit(s.line, s.column, f"{best_len} sentences in a row ({share:.0%} of the text) without the keyphrase "
                                    f"{ctx.focus_label()}", s.text, grade=1 if share > t["max_gap_share"] * 5 / 3 else 6)


def competing_links(ctx) -> list:
    """The links whose anchor text is the focus keyphrase (or a synonym standing for it) and nothing more."""
    if not ctx.focus:
        return []
    wanted = set(ctx.focus.keys)
    return [link for link in ctx.post.links
            if link.text and contains(ctx.matcher, ctx.focus, link.text, synonyms_count(LINK))
            and all(set(u.keys) <= wanted for u in ctx.matcher.units(link.text))]


register(Occurrence(
    id="SEO214", name="competing-link", category="seo", severity="warning",
    doc="A link's anchor text is the focus keyphrase (or a synonym) and nothing more: it tells search engines "
        "another page is about this topic.",
    uses_keyphrase=True,
    hint="Reword the link so it describes the page it points to.",
    found=competing_links, message="Link text '{item.text}' is the keyphrase {keyphrase}",
    at=lambda ctx, link: (link.line, link.column) if link.column > 1 else ctx.locate(link.line, link.text),
    match=lambda link: link.text,
    examples=[flag(post(KP, INTRO_TEXT + " See [scalp micropigmentation in Vancouver](https://other.example/)."),
                   "6:88 SEO214 Link text 'scalp micropigmentation in Vancouver' is the keyphrase "
                   "'Vancouver scalp micropigmentation'"),
              passes(post(KP, INTRO_TEXT + " See [our Vancouver scalp micropigmentation prices](/prices/)."))]))
