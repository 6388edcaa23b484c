"""Keyphrase rules (SEO201-SEO205, SEO208-SEO210, SEO212-SEO214, SEO221): the focus keyphrase itself and where it
appears. What "contains the keyphrase" means, the introduction, and where synonyms count are defined once, in
`smpseo.analysis.placement`: the title, the slug and the density need the keyphrase as written (any word form);
the introduction, description, subheadings, image alt text, distribution and link anchors accept its synonyms."""

from __future__ import annotations

from collections import Counter

from smpseo.analysis.context import FRONT_MATTER, OPTION
from smpseo.analysis.placement import (
    DESCRIPTION,
    INTRO,
    LATER,
    MISSING,
    SLUG,
    TITLE,
    WORDS,
    count,
    slug_placement,
    synonyms_count,
    text_placement,
    title_placement,
)
from smpseo.checks.engine import flag, passes
from smpseo.checks.kinds import Metric, Placement, Required, register
from smpseo.core.text import counted

KP = "keyphrase: Vancouver scalp micropigmentation"
DESC_OK = ("Thinking about scalp micropigmentation in Vancouver? What a session feels like, how long it lasts and "
           "what it costs, from our clinic.")


def post(front: str = "", body: str = "", title: str = "Vancouver scalp micropigmentation: what to expect") -> str:
    return f"---\ntitle: \"{title}\"\n{front}\n---\n\n{body}\n"


INTRO_TEXT = "Vancouver scalp micropigmentation gives a shaved look to a bald or thinning head."
FILLER = "We plan each session with care and talk it through."
REPEATED = "repeated"


def in_title(ctx, phrase, title, _t) -> str | None:
    """Where the keyphrase is in the title (`title_placement`): SEO203 says when it is missing, SEO221 when it is
    there but not as the phrase at the start."""
    return title_placement(ctx.matcher, phrase, title.text) if title.text else None


def in_slug(ctx, phrase, slug, _t) -> tuple[str, dict]:
    """HELD or MISSING (`slug_placement`), with the slug as written for the message."""
    return slug_placement(ctx.matcher, phrase, slug.text), {"slug": slug.match}


def in_description(ctx, phrase, description, t):
    """MISSING, or REPEATED (with the count) beyond `max_count` uses, synonyms counting."""
    if not description.text:
        return None
    n = count(ctx.matcher, phrase, description.text, synonyms_count(DESCRIPTION))
    return MISSING if n == 0 else (REPEATED, {"count": n}) if n > t["max_count"] else None


def _by_synonym(ctx) -> tuple[str, str, int] | None:
    """For a post that writes no target as such: the target it writes most in other words (its synonyms), the words
    it writes most for it, and how often ("scalp micropigmentation", "SMP", 12)."""
    found = max(((ctx.find(t, synonyms=True), t) for t in ctx.targets), key=lambda x: len(x[0]), default=([], None))
    matches, target = found
    if not matches:
        return None
    written = Counter(m.text for _, m in matches).most_common(1)[0][0]
    return target.text, written, len(matches)


def _in_subheading(ctx) -> tuple[str, str] | None:
    """For a post whose text writes no target: the most specific target the first subheading to write one writes
    (its synonyms too), and that subheading ("Cork scalp micropigmentation", "Scalp micropigmentation in Cork")."""
    for heading in ctx.subheadings:
        written = [t for t in ctx.targets if count(ctx.matcher, t, heading.text, True)]
        if written:
            return max(written, key=lambda t: len(t.keys)).text, heading.text
    return None


def _no_keyphrase_case(ctx) -> str:
    if ctx.strongest_target is not None:
        return "inferred"
    return "other words" if _by_synonym(ctx) else "subheading" if _in_subheading(ctx) else "no target"


def _no_keyphrase_details(ctx) -> dict:
    if ctx.strongest_target is not None:
        target = ctx.strongest_target.text
        return {"target": target, "times": counted(ctx.target_counts[target], "time")}
    other = _by_synonym(ctx)
    if other:
        return {"target": other[0], "written": other[1], "times": counted(other[2], "time")}
    heading = _in_subheading(ctx)
    return {"target": heading[0], "heading": heading[1]} if heading else {}


register(Required(
    id="SEO201", name="no-keyphrase", category="seo", severity="info",
    doc="The post sets no focus keyphrase; placement checks then use the site target it mentions most.",
    hint="Add `keyphrase: ...` to the front matter: the search you want this post to answer.",
    present=lambda ctx: ctx.focus_source in (FRONT_MATTER, OPTION),
    case=_no_keyphrase_case,
    message={"inferred": "No focus keyphrase set; placement checks use '{target}', the target this post mentions "
                         "most ({times})",
             "other words": "No focus keyphrase set, and the post writes none of the site's targets as such: "
                            "'{target}' only in other words ('{written}', {times}); placement checks need a "
                            "keyphrase",
             "subheading": "No focus keyphrase set, and the post writes none of the site's targets in its text: "
                           "'{target}' only in a subheading ('{heading}'); placement checks need a keyphrase",
             "no target": "No focus keyphrase set, and the post mentions none of the site's targets"},
    details=_no_keyphrase_details,
    # Yoast's score without a keyphrase: no SEO rating is good without one
    grades={"no target": -999, "other words": -999, "subheading": -999},
    examples=[flag(post(body=INTRO_TEXT),
                   "1:1 SEO201 No focus keyphrase set; placement checks use 'Vancouver scalp "
                   "micropigmentation', the target this post mentions most (1 time)"),
              flag(post(body="SMP gives a shaved head the look of fine stubble. Each SMP session takes hours."),
                   "1:1 SEO201 No focus keyphrase set, and the post writes none of the site's targets as such: "
                   "'scalp micropigmentation' only in other words ('SMP', 2 times); placement checks need a "
                   "keyphrase"),
              flag(post(body="## Vancouver scalp micropigmentation\n\nA shaved look for a thinning head.",
                        title="What to expect"),
                   "1:1 SEO201 No focus keyphrase set, and the post writes none of the site's targets in its text: "
                   "'Vancouver scalp micropigmentation' only in a subheading ('Vancouver scalp micropigmentation'); "
                   "placement checks need a keyphrase"),
              passes(post(KP, INTRO_TEXT))]))


register(Metric(
    id="SEO202", name="keyphrase-length", category="seo", severity="warning",
    doc="The focus keyphrase has more than `max_words` content words, or only function words (\"how to\").",
    thresholds={"max_words": 4}, uses_keyphrase=True,
    hint="Keep the keyphrase to what people type: 1-4 content words.",
    value=lambda ctx: (ctx.focus.content_words if ctx.focus else 0) if ctx.keyphrase_text else None,
    below=1, above="max_words",
    message={"below": "Keyphrase '{item.keyphrase_text}' has only function words: it matches nothing",
             "above": "Keyphrase has {value} content words (max {threshold})"},
    at=lambda ctx: (ctx.post.meta_line("keyphrase"), 1),
    match=lambda ctx: ctx.focus.text if ctx.focus else ctx.keyphrase_text,
    examples=[flag(post("keyphrase: best painless affordable natural scalp micropigmentation Vancouver",
                        INTRO_TEXT),
                   "3:12 SEO202 Keyphrase has 7 content words (max 4)"),
              flag(post("keyphrase: how to", INTRO_TEXT),
                   "3:12 SEO202 Keyphrase 'how to' has only function words: it matches nothing"),
              passes(post(KP, INTRO_TEXT)),
              passes(post("keyphrase: SMP or hair transplant cost", INTRO_TEXT))]))  # 4 words as written


register(Placement(
    id="SEO203", name="keyphrase-in-title", category="seo", severity="warning",
    doc="The title does not contain the focus keyphrase as written (any word form; a synonym does not count).",
    uses_keyphrase=True,
    hint="Put the keyphrase itself in the title, near its start.",
    where=(TITLE,), verdict=in_title,
    message={MISSING: "Title does not contain the keyphrase {keyphrase}{synonym_note}"},
    examples=[flag(post(KP, INTRO_TEXT, title="What to expect at your first session"),
                   "2:9 SEO203 Title does not contain the keyphrase 'Vancouver scalp micropigmentation'"),
              flag(post("keyphrase: scalp micropigmentation", INTRO_TEXT, title="What is SMP?"),
                   "2:9 SEO203 Title does not contain the keyphrase 'scalp micropigmentation' (it has "
                   "'SMP', a synonym, which does not count here)"),
              flag(post("keyphrase: SMP for women", INTRO_TEXT, title="Scalp micropigmentation for women"),
                   "2:9 SEO203 Title does not contain the keyphrase 'SMP for women' (it has the words 'SMP' stands "
                   "for, which do not count here: write 'SMP' itself)"),
              passes(post(KP, INTRO_TEXT, title="Vancouver's scalp micropigmentation: what to expect"))]))


register(Placement(
    id="SEO221", name="keyphrase-title-position", category="seo", severity="info",
    doc="The title has the focus keyphrase's words, but not as the phrase, or the phrase comes after other words "
        "(function words and a question's opening words, \"How long does\", before it do not count).",
    uses_keyphrase=True,
    hint="Start the title with the keyphrase, written as people search for it.",
    where=(TITLE,), verdict=in_title,
    message={WORDS: "Title has the words of the keyphrase {keyphrase}, not the phrase itself: write it as one "
                    "phrase",
             LATER: "Title has the keyphrase {keyphrase} after other words: move it to the start"},
    examples=[flag(post(KP, INTRO_TEXT, title="Scalp micropigmentation in Vancouver: what to expect"),
                   "2:9 SEO221 Title has the words of the keyphrase 'Vancouver scalp micropigmentation', "
                   "not the phrase itself: write it as one phrase"),
              flag(post(KP, INTRO_TEXT, title="What to expect from Vancouver scalp micropigmentation"),
                   "2:9 SEO221 Title has the keyphrase 'Vancouver scalp micropigmentation' after other "
                   "words: move it to the start"),
              passes(post(KP, INTRO_TEXT, title="The Vancouver scalp micropigmentation guide")),
              passes(post(KP, INTRO_TEXT, title="How long does Vancouver scalp micropigmentation last?"))]))


register(Placement(
    id="SEO204", name="keyphrase-in-slug", category="seo", severity="info",
    doc="The slug (URL) lacks the focus keyphrase's content words as written: all of a one- or two-word keyphrase, "
        "more than half of a longer one.",
    uses_keyphrase=True,
    hint="Use a short slug made of the keyphrase's words.",
    where=(SLUG,), verdict=in_slug,
    message={MISSING: "Slug '{slug}' does not contain the keyphrase {keyphrase}{synonym_note}"},
    examples=[flag(post(KP + "\nslug: first-session", INTRO_TEXT),
                   "4:7 SEO204 Slug 'first-session' does not contain the keyphrase 'Vancouver scalp "
                   "micropigmentation'"),
              flag(post("keyphrase: scalp micropigmentation\nslug: what-is-smp", INTRO_TEXT),
                   "4:7 SEO204 Slug 'what-is-smp' does not contain the keyphrase 'scalp micropigmentation' "
                   "(it has 'smp', a synonym, which does not count here)"),
              passes(post(KP + "\nslug: scalp-micropigmentation-vancouver", INTRO_TEXT)),
              passes(post("keyphrase: 24-hour aftercare\nslug: 24-hour-aftercare", INTRO_TEXT))]))


register(Placement(
    id="SEO205", name="keyphrase-in-introduction", category="seo", severity="warning",
    doc="No sentence of the first paragraph holds the focus keyphrase (or a synonym standing for it).",
    uses_keyphrase=True,
    hint="Say what the post is about in its first sentences, with the keyphrase.",
    where=(INTRO,), verdict=lambda ctx, phrase, intro, t: text_placement(ctx.matcher, phrase, intro.text, INTRO),
    message={MISSING: "First paragraph does not contain the keyphrase {keyphrase}",
             WORDS: "First paragraph has the words of the keyphrase {keyphrase}, but no sentence holds them all"},
    examples=[flag(post(KP, "Thinking about a new look? Read on.\n\nVancouver scalp micropigmentation is easy."),
                   "6:1 SEO205 First paragraph does not contain the keyphrase 'Vancouver scalp "
                   "micropigmentation'"),
              flag(post(KP, "Our Vancouver clinic is open. We do scalp micropigmentation."),
                   "6:1 SEO205 First paragraph has the words of the keyphrase 'Vancouver scalp "
                   "micropigmentation', but no sentence holds them all"),
              passes(post(KP, "Thinking about SMP in Vancouver? Our clinic explains it."))]))


register(Placement(
    id="SEO208", name="keyphrase-in-description", category="seo", severity="warning",
    doc="The meta description holds the focus keyphrase (or a synonym) fewer than once or more than `max_count` "
        "times.",
    thresholds={"max_count": 2}, uses_keyphrase=True,
    hint="Use the keyphrase once in the description, naturally.",
    where=(DESCRIPTION,), verdict=in_description,
    message={MISSING: "Meta description does not contain the keyphrase {keyphrase}",
             REPEATED: "Meta description repeats the keyphrase {count} times (max {max_count})"},
    examples=[flag(post(KP + "\ndescription: What a session feels like, how long it lasts and what it costs.",
                        INTRO_TEXT),
                   "4:14 SEO208 Meta description does not contain the keyphrase 'Vancouver scalp "
                   "micropigmentation'"),
              passes(post(KP + f"\ndescription: {DESC_OK}", INTRO_TEXT))]))
