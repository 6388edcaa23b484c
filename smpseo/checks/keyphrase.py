"""Keyphrase rules (SEO201-SEO205, SEO208-SEO210, SEO212-SEO214, SEO221): the focus keyphrase itself and where it
appears. What "contains the keyphrase" means, the introduction, and where synonyms count are defined once, in
`smpseo.analysis.placement`: the title, the slug and the density need the keyphrase as written (any word form);
the introduction, description, subheadings, image alt text, distribution and link anchors accept its synonyms."""

from __future__ import annotations

from smpseo.analysis.placement import (
    DESCRIPTION,
    INTRO,
    LATER,
    MISSING,
    WORDS,
    contains,
    count,
    introduction,
    synonyms_count,
    title_placement,
)
from smpseo.checks.engine import Hit, flag, passes, rule

KP = "keyphrase: Vancouver scalp micropigmentation"
DESC_OK = ("Thinking about scalp micropigmentation in Vancouver? What a session feels like, how long it lasts and "
           "what it costs, from our clinic.")


def post(front: str = "", body: str = "", title: str = "Vancouver scalp micropigmentation: what to expect") -> str:
    return f"---\ntitle: \"{title}\"\n{front}\n---\n\n{body}\n"


INTRO_TEXT = "Vancouver scalp micropigmentation gives a shaved look to a bald or thinning head."
FILLER = "We plan each session with care and talk it through."


def _synonym_note(ctx, text: str) -> str:
    """" (it has 'SMP', a synonym, which does not count here)" when only a synonym makes `text` hold the keyphrase."""
    if contains(ctx.matcher, ctx.focus, text, synonyms=True):
        forms = [u.surface for u in ctx.matcher.units(text) if u.kind == "synonym"]
        if forms:
            return f" (it has '{forms[0]}', a synonym, which does not count here)"
    return ""


@rule("SEO201", "no-keyphrase", "seo", "info",
      "The post sets no focus keyphrase; placement checks then use the site target it mentions most.",
      hint="Add `keyphrase: ...` to the front matter: the search you want this post to answer.",
      examples=[flag(post(body=INTRO_TEXT),
                     "1:1 SEO201 No focus keyphrase set; placement checks use 'Vancouver scalp "
                     "micropigmentation', the target this post mentions most (1 times)"),
                passes(post(KP, INTRO_TEXT))])
def no_keyphrase(ctx, t):
    if ctx.focus_source in ("front matter", "--keyphrase"):
        return
    if ctx.strongest_target is not None:
        n = ctx.target_counts[ctx.strongest_target.text]
        msg = (f"No focus keyphrase set; placement checks use '{ctx.strongest_target.text}', "
               f"the target this post mentions most ({n} times)")
    else:
        msg = "No focus keyphrase set, and the post mentions none of the site's targets"
    yield Hit(1, 1, msg, "")


@rule("SEO202", "keyphrase-length", "seo", "warning",
      "The focus keyphrase has more than `max_words` content words, or only function words (\"how to\").",
      thresholds={"max_words": 4}, uses_keyphrase=True,
      hint="Keep the keyphrase to what people type: 1-4 content words.",
      examples=[flag(post("keyphrase: best painless affordable natural scalp micropigmentation Vancouver",
                          INTRO_TEXT),
                     "3:12 SEO202 Keyphrase has 7 content words (max 4)"),
                flag(post("keyphrase: how to", INTRO_TEXT),
                     "3:12 SEO202 Keyphrase 'how to' has only function words: it matches nothing"),
                passes(post(KP, INTRO_TEXT))])
def keyphrase_length(ctx, t):
    text = ctx.keyphrase_text
    if not text:
        return
    if ctx.focus is None or not ctx.focus:
        yield Hit(ctx.post.meta_line("keyphrase"), 1,
                  f"Keyphrase '{text}' has only function words: it matches nothing", text)
    elif ctx.focus.content_words > t["max_words"]:
        yield Hit(ctx.post.meta_line("keyphrase"), 1,
                  f"Keyphrase has {ctx.focus.content_words} content words (max {t['max_words']})", ctx.focus.text)


@rule("SEO203", "keyphrase-in-title", "seo", "warning",
      "The title does not contain the focus keyphrase as written (any word form; a synonym does not count).",
      uses_keyphrase=True,
      hint="Put the keyphrase itself in the title, near its start.",
      examples=[flag(post(KP, INTRO_TEXT, title="What to expect at your first session"),
                     "2:9 SEO203 Title does not contain the keyphrase 'Vancouver scalp micropigmentation'"),
                flag(post("keyphrase: scalp micropigmentation", INTRO_TEXT, title="What is SMP?"),
                     "2:9 SEO203 Title does not contain the keyphrase 'scalp micropigmentation' (it has "
                     "'SMP', a synonym, which does not count here)"),
                passes(post(KP, INTRO_TEXT, title="Vancouver's scalp micropigmentation: what to expect"))])
def keyphrase_in_title(ctx, t):
    title = ctx.post.title
    if ctx.focus and title and title_placement(ctx.matcher, ctx.focus, title) == MISSING:
        yield Hit(ctx.post.title_line or 1, 1,
                  f"Title does not contain the keyphrase {ctx.focus_label()}{_synonym_note(ctx, title)}", title)


@rule("SEO221", "keyphrase-title-position", "seo", "info",
      "The title has the focus keyphrase's words, but not as the phrase, or the phrase comes after other words "
      "(function words and a question's opening words, \"How long does\", before it do not count).",
      uses_keyphrase=True,
      hint="Start the title with the keyphrase, written as people search for it.",
      examples=[flag(post(KP, INTRO_TEXT, title="Scalp micropigmentation in Vancouver: what to expect"),
                     "2:9 SEO221 Title has the words of the keyphrase 'Vancouver scalp micropigmentation', "
                     "but not in its order: write it as one phrase"),
                flag(post(KP, INTRO_TEXT, title="What to expect from Vancouver scalp micropigmentation"),
                     "2:9 SEO221 Title has the keyphrase 'Vancouver scalp micropigmentation' after other "
                     "words: move it to the start"),
                passes(post(KP, INTRO_TEXT, title="The Vancouver scalp micropigmentation guide")),
                passes(post(KP, INTRO_TEXT, title="How long does Vancouver scalp micropigmentation last?"))])
def keyphrase_title_position(ctx, t):
    title = ctx.post.title
    if not ctx.focus or not title:
        return
    where = title_placement(ctx.matcher, ctx.focus, title)
    if where == WORDS:
        yield Hit(ctx.post.title_line or 1, 1, f"Title has the words of the keyphrase {ctx.focus_label()}, but not "
                                               "in its order: write it as one phrase", title)
    elif where == LATER:
        yield Hit(ctx.post.title_line or 1, 1,
                  f"Title has the keyphrase {ctx.focus_label()} after other words: move it to the start", title)


@rule("SEO204", "keyphrase-in-slug", "seo", "info",
      "The slug (URL) lacks the focus keyphrase's content words as written: all of a one- or two-word keyphrase, "
      "more than half of a longer one.",
      uses_keyphrase=True,
      hint="Use a short slug made of the keyphrase's words.",
      examples=[flag(post(KP + "\nslug: first-session", INTRO_TEXT),
                     "4:7 SEO204 Slug 'first-session' does not contain the keyphrase 'Vancouver scalp "
                     "micropigmentation'"),
                flag(post("keyphrase: scalp micropigmentation\nslug: what-is-smp", INTRO_TEXT),
                     "4:7 SEO204 Slug 'what-is-smp' does not contain the keyphrase 'scalp micropigmentation' "
                     "(it has 'smp', a synonym, which does not count here)"),
                passes(post(KP + "\nslug: scalp-micropigmentation-vancouver", INTRO_TEXT))])
def keyphrase_in_slug(ctx, t):
    if not ctx.focus:
        return
    slug_words = ctx.post.slug.replace("-", " ")
    share = ctx.matcher.share(ctx.focus, slug_words, synonyms=False)
    enough = share == 1.0 if len(ctx.focus.literal) <= 2 else share > 0.5
    if not enough:
        yield Hit(ctx.post.meta_line("slug") if "slug" in ctx.post.meta_lines else 1, 1,
                  f"Slug '{ctx.post.slug}' does not contain the keyphrase {ctx.focus_label()}"
                  f"{_synonym_note(ctx, slug_words)}", ctx.post.slug)


@rule("SEO205", "keyphrase-in-introduction", "seo", "warning",
      "No sentence of the first paragraph holds the focus keyphrase (or a synonym standing for it).",
      uses_keyphrase=True,
      hint="Say what the post is about in its first sentences, with the keyphrase.",
      examples=[flag(post(KP, "Thinking about a new look? Read on.\n\nVancouver scalp micropigmentation is easy."),
                     "6:1 SEO205 First paragraph does not contain the keyphrase 'Vancouver scalp "
                     "micropigmentation'"),
                flag(post(KP, "Our Vancouver clinic is open. We do scalp micropigmentation."),
                     "6:1 SEO205 First paragraph has the words of the keyphrase 'Vancouver scalp "
                     "micropigmentation', but no sentence holds them all"),
                passes(post(KP, "Thinking about SMP in Vancouver? Our clinic explains it."))])
def keyphrase_in_introduction(ctx, t):
    first = introduction(ctx.post)
    if not ctx.focus or first is None or contains(ctx.matcher, ctx.focus, first.text, synonyms_count(INTRO)):
        return
    col = first.sentences[0].column if first.sentences else 1
    if ctx.matcher.share(ctx.focus, first.text) == 1.0:
        msg = f"First paragraph has the words of the keyphrase {ctx.focus_label()}, but no sentence holds them all"
    else:
        msg = f"First paragraph does not contain the keyphrase {ctx.focus_label()}"
    yield Hit(first.line, col, msg, first.text[:60])


@rule("SEO208", "keyphrase-in-description", "seo", "warning",
      "The meta description holds the focus keyphrase (or a synonym) fewer than once or more than `max_count` "
      "times.",
      thresholds={"max_count": 2}, uses_keyphrase=True,
      hint="Use the keyphrase once in the description, naturally.",
      examples=[flag(post(KP + "\ndescription: What a session feels like, how long it lasts and what it costs.",
                          INTRO_TEXT),
                     "4:14 SEO208 Meta description does not contain the keyphrase 'Vancouver scalp "
                     "micropigmentation'"),
                passes(post(KP + f"\ndescription: {DESC_OK}", INTRO_TEXT))])
def keyphrase_in_description(ctx, t):
    d = ctx.post.description
    if not ctx.focus or not d:
        return
    n = count(ctx.matcher, ctx.focus, d, synonyms_count(DESCRIPTION))
    if n == 0:
        yield Hit(ctx.post.meta_line("description"), 1,
                  f"Meta description does not contain the keyphrase {ctx.focus_label()}", d)
    elif n > t["max_count"]:
        yield Hit(ctx.post.meta_line("description"), 1,
                  f"Meta description repeats the keyphrase {n} times (max {t['max_count']})", d)
