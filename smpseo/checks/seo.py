"""SEO rules (SEO2xx): the focus keyphrase and where it appears, the meta description, title, images and links."""

from __future__ import annotations

from smpseo.analysis.site import is_internal
from smpseo.checks.engine import Hit, flag, passes, rule
from smpseo.model.post import HEADING, IMAGE

KP = "keyphrase: Vancouver scalp micropigmentation"
DESC_OK = ("Thinking about scalp micropigmentation in Vancouver? What a session feels like, how long it lasts and "
           "what it costs, from our clinic.")


def post(front: str = "", body: str = "", title: str = "Scalp micropigmentation in Vancouver: what to expect") -> str:
    return f"---\ntitle: \"{title}\"\n{front}\n---\n\n{body}\n"


INTRO = "Scalp micropigmentation in Vancouver gives a shaved look to a bald or thinning head."


def _no_keyphrase(ctx) -> bool:
    return ctx.focus is None


@rule("SEO201", "no-keyphrase", "seo", "info",
      "The post sets no focus keyphrase; placement checks then use the site target it mentions most.",
      hint="Add `keyphrase: ...` to the front matter: the search you want this post to answer.",
      examples=[flag(post(body=INTRO)), passes(post(KP, INTRO))])
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
      "The focus keyphrase has more than `max_words` content words: nobody searches for that.",
      thresholds={"max_words": 4}, uses_keyphrase=True,
      hint="Keep the keyphrase to what people type: 1-4 content words.",
      examples=[flag(post("keyphrase: best painless affordable natural scalp micropigmentation Vancouver", INTRO)),
                passes(post(KP, INTRO))])
def keyphrase_length(ctx, t):
    if ctx.focus and ctx.focus.content_words > t["max_words"]:
        yield Hit(ctx.post.meta_line("keyphrase"), 1,
                  f"Keyphrase has {ctx.focus.content_words} content words (max {t['max_words']})", ctx.focus.text)


@rule("SEO203", "keyphrase-in-title", "seo", "warning",
      "The title does not contain the focus keyphrase (any order and word form).", uses_keyphrase=True,
      hint="Put the keyphrase in the title, near its start.",
      examples=[flag(post(KP, INTRO, title="What to expect at your first session")),
                passes(post(KP, INTRO, title="Vancouver's scalp micropigmentation: what to expect"))])
def keyphrase_in_title(ctx, t):
    if ctx.focus and ctx.post.title and not ctx.matcher.contains(ctx.focus, ctx.post.title):
        yield Hit(ctx.post.title_line or 1, 1, f"Title does not contain the keyphrase {ctx.focus_label()}",
                  ctx.post.title)


@rule("SEO204", "keyphrase-in-slug", "seo", "info",
      "The slug (URL) does not contain the focus keyphrase's content words.", uses_keyphrase=True,
      hint="Use a short slug made of the keyphrase's words.",
      examples=[flag(post(KP + "\nslug: first-session", INTRO)),
                passes(post(KP + "\nslug: scalp-micropigmentation-vancouver", INTRO))])
def keyphrase_in_slug(ctx, t):
    slug_words = ctx.post.slug.replace("-", " ")
    if ctx.focus and ctx.matcher.share(ctx.focus, slug_words) < 1.0:
        yield Hit(ctx.post.meta_line("slug") if "slug" in ctx.post.meta_lines else 1, 1,
                  f"Slug '{ctx.post.slug}' does not contain the keyphrase {ctx.focus_label()}", ctx.post.slug)


@rule("SEO205", "keyphrase-in-introduction", "seo", "warning",
      "The first paragraph does not contain the focus keyphrase.", uses_keyphrase=True,
      hint="Say what the post is about in its first sentences, with the keyphrase.",
      examples=[flag(post(KP, "Thinking about a new look? Read on.\n\nScalp micropigmentation in Vancouver is easy.")),
                passes(post(KP, "Thinking about SMP? Our Vancouver clinic explains it."))])
def keyphrase_in_introduction(ctx, t):
    first = ctx.post.first_paragraph
    if not ctx.focus or first is None:
        return
    if ctx.matcher.contains(ctx.focus, first.text) or ctx.matcher.share(ctx.focus, first.text) == 1.0:
        return
    col = first.sentences[0].column if first.sentences else 1
    yield Hit(first.line, col, f"First paragraph does not contain the keyphrase {ctx.focus_label()}", first.text[:60])


@rule("SEO206", "meta-description-missing", "seo", "error",
      "The post has no meta description (front matter `description`).",
      hint="Add a description (front matter `description:`, 120-157 characters) that answers the question and "
           "holds the keyphrase.",
      examples=[flag(post(KP, INTRO)), passes(post(KP + f"\ndescription: {DESC_OK}", INTRO))])
def meta_description_missing(ctx, t):
    if not ctx.post.description:
        yield Hit(1, 1, "No meta description", "")


@rule("SEO207", "meta-description-length", "seo", "warning",
      "The meta description is shorter than `min_chars` or longer than `max_chars` characters.",
      thresholds={"min_chars": 120, "max_chars": 157},
      hint="Search results show about 155 characters: say what the reader gets, in that space.",
      examples=[flag(post("description: Scalp micropigmentation in Vancouver.", INTRO)),
                passes(post(f"description: {DESC_OK}", INTRO))])
def meta_description_length(ctx, t):
    d = ctx.post.description
    if d and not t["min_chars"] <= len(d) <= t["max_chars"]:
        yield Hit(ctx.post.meta_line("description"), 1,
                  f"Meta description has {len(d)} characters ({t['min_chars']}-{t['max_chars']})", d)


@rule("SEO208", "keyphrase-in-description", "seo", "warning",
      "The meta description holds the focus keyphrase fewer than once or more than `max_count` times.",
      thresholds={"max_count": 2}, uses_keyphrase=True,
      hint="Use the keyphrase once in the description, naturally.",
      examples=[flag(post(KP + "\ndescription: What a session feels like, how long it lasts and what it costs.",
                          INTRO)),
                passes(post(KP + f"\ndescription: {DESC_OK}", INTRO))])
def keyphrase_in_description(ctx, t):
    d = ctx.post.description
    if not ctx.focus or not d:
        return
    n = ctx.matcher.count(ctx.focus, d)
    if n == 0:
        yield Hit(ctx.post.meta_line("description"), 1,
                  f"Meta description does not contain the keyphrase {ctx.focus_label()}", d)
    elif n > t["max_count"]:
        yield Hit(ctx.post.meta_line("description"), 1,
                  f"Meta description repeats the keyphrase {n} times (max {t['max_count']})", d)


@rule("SEO209", "keyphrase-in-subheadings", "seo", "info",
      "No H2/H3 subheading reflects the focus keyphrase (half its content words or more), or more than "
      "`max_percent` % of them do (3+ subheadings).",
      thresholds={"max_percent": 75}, uses_keyphrase=True,
      hint="Use the keyphrase, or its main words, in one or two subheadings.",
      examples=[flag(post(KP, INTRO + "\n\n## What happens next\n\nText.\n\n## Aftercare\n\nText.")),
                passes(post(KP, INTRO + "\n\n## Why choose SMP in Vancouver\n\nText.\n\n## Aftercare\n\nText."))])
def keyphrase_in_subheadings(ctx, t):
    heads = ctx.subheadings
    if not ctx.focus or not heads:
        return
    reflecting = [h for h in heads if ctx.matcher.share(ctx.focus, h.text) >= 0.5]
    if not reflecting:
        yield Hit(heads[0].line, 1, f"No subheading reflects the keyphrase {ctx.focus_label()}", heads[0].text)
    elif len(heads) >= 3 and 100 * len(reflecting) / len(heads) > t["max_percent"]:
        yield Hit(heads[0].line, 1, f"{len(reflecting)} of {len(heads)} subheadings repeat the keyphrase "
                                    f"(max {t['max_percent']}%)", heads[0].text)


@rule("SEO210", "keyphrase-in-image-alt", "seo", "info",
      "The post has images but no alt text holds half or more of the focus keyphrase's content words.",
      uses_keyphrase=True,
      hint="Describe one image with the keyphrase's words, if it truly shows that.",
      examples=[flag(post(KP, INTRO + "\n\n![A smiling client](client.jpg)")),
                passes(post(KP, INTRO + "\n\n![Scalp micropigmentation, two years on](client.jpg)"))])
def keyphrase_in_image_alt(ctx, t):
    images = ctx.post.images
    if not ctx.focus or not images:
        return
    if not any(ctx.matcher.share(ctx.focus, img.alt) >= 0.5 for img in images if img.alt):
        yield Hit(images[0].line, 1, f"No image alt text reflects the keyphrase {ctx.focus_label()}", images[0].src)


@rule("SEO211", "image-alt-missing", "seo", "warning",
      "An image has no alt text (screen readers and search engines read it).",
      hint="Describe what the image shows in a few words.",
      examples=[flag(post(body=INTRO + "\n\n![](client.jpg)")),
                passes(post(body=INTRO + "\n\n![Hairline after the second session](client.jpg)"))])
def image_alt_missing(ctx, t):
    for img in ctx.post.images:
        if not img.alt.strip():
            yield Hit(img.line, 1, f"Image '{img.src}' has no alt text", img.src)


@rule("SEO212", "keyphrase-density", "seo", "warning",
      "The focus keyphrase makes up less than `min_percent` or more than `max_percent` % of the words "
      "(matches / words; texts of `min_words`+ words).",
      thresholds={"min_percent": 0.5, "max_percent": 3.0, "min_words": 100}, uses_keyphrase=True,
      hint="Use the keyphrase (or its synonyms) where it fits naturally; do not stuff it.",
      examples=[flag(post(KP, " ".join(["We plan each session with care and talk it through."] * 12))),
                passes(post(KP, INTRO + " " + " ".join(["We plan each session with care and talk it through."] * 9)
                            + " SMP in Vancouver is our only work."))])
def keyphrase_density(ctx, t):
    words = ctx.word_count
    if not ctx.focus or words < t["min_words"]:
        return
    found = ctx.find(ctx.focus)
    density = 100 * len(found) / words
    if density < t["min_percent"]:
        where = "never appears in the text" if not found else f"appears {len(found)} times in {words} words"
        yield Hit(ctx.first_line(), 1, f"Keyphrase {ctx.focus_label()} {where} ({density:.1f}%, "
                                       f"aim for {t['min_percent']:g}-{t['max_percent']:g}%)", ctx.focus.text)
    elif density > t["max_percent"]:
        yield Hit(ctx.first_line(), 1, f"Keyphrase {ctx.focus_label()} appears {len(found)} times in {words} words "
                                       f"({density:.1f}%, max {t['max_percent']:g}%)", ctx.focus.text)


@rule("SEO213", "keyphrase-distribution", "seo", "info",
      "The longest run of sentences without the focus keyphrase is more than `max_gap_share` of the text "
      "(texts of `min_sentences`+ sentences).",
      thresholds={"max_gap_share": 0.5, "min_sentences": 15}, uses_keyphrase=True,
      hint="Mention the topic again in the later part of the post.",
      examples=[flag(post(KP, INTRO + " " + " ".join(["We plan each visit with care."] * 20))),
                passes(post(KP, INTRO + " " + " ".join(["We plan each visit with care."] * 8) +
                            " SMP in Vancouver is our work. " + " ".join(["We plan each visit with care."] * 8)))])
def keyphrase_distribution(ctx, t):
    if not ctx.focus:
        return
    sentences = ctx.sentences
    if len(sentences) < t["min_sentences"]:
        return
    found = ctx.find(ctx.focus)
    if not found:
        return  # SEO212 reports a keyphrase that never appears
    # which sentences hold a match: from the matches' offsets in their blocks
    matched: set[tuple[int, int]] = set()
    by_block: dict[int, list[int]] = {}
    for block, m in found:
        by_block.setdefault(id(block), []).append(m.start)
    for block in ctx.prose:
        starts = by_block.get(id(block))
        if starts:
            for sentence, a, b in ctx.sentence_offsets(block):
                if any(a <= x < b for x in starts):
                    matched.add((sentence.line, sentence.column))
    hits = [(s.line, s.column) in matched for s in sentences]
    best_len, best_start, run, start = 0, 0, 0, 0
    for i, hit in enumerate(hits):
        if hit:
            run = 0
        else:
            if run == 0:
                start = i
            run += 1
            if run > best_len:
                best_len, best_start = run, start
    share = best_len / len(sentences)
    if share > t["max_gap_share"]:
        s = sentences[best_start]
        yield Hit(s.line, s.column, f"{best_len} sentences in a row ({share:.0%} of the text) without the keyphrase "
                                    f"{ctx.focus_label()}", s.text)


@rule("SEO214", "competing-link", "seo", "warning",
      "A link's anchor text is the focus keyphrase: it tells search engines another page is about this topic.",
      uses_keyphrase=True,
      hint="Reword the link so it describes the page it points to.",
      examples=[flag(post(KP, INTRO + " See [scalp micropigmentation in Vancouver](https://other.example/).")),
                passes(post(KP, INTRO + " See [our aftercare guide](/aftercare/)."))])
def competing_link(ctx, t):
    if not ctx.focus:
        return
    for link in ctx.post.links:
        if link.text and ctx.matcher.contains(ctx.focus, link.text):
            yield Hit(link.line, link.column, f"Link text '{link.text}' is the keyphrase {ctx.focus_label()}",
                      link.text)


@rule("SEO215", "misspelled-term", "seo", "warning",
      "A word that looks like a misspelling of a target term (\"Micropigmention\" for \"micropigmentation\").",
      hint="Correct the spelling: search engines and readers see the typo.",
      examples=[flag(post(body="Rob is a scalp Micropigmention artist.")),
                passes(post(body="Rob is a scalp micropigmentation artist; micro-pigmentation too."))])
def misspelled_term(ctx, t):
    guard = ctx.guard
    post_ = ctx.post
    if post_.title:
        for _, _, word, good in guard.find(post_.title):
            yield Hit(post_.title_line or 1, 1, f"'{word}' looks like a misspelling of '{good}'", word,
                      f"Write '{good}'.")
    if post_.description:
        for _, _, word, good in guard.find(post_.description):
            yield Hit(post_.meta_line("description"), 1, f"'{word}' looks like a misspelling of '{good}'", word,
                      f"Write '{good}'.")
    for block in post_.blocks:
        if not (block.is_prose or block.kind in (HEADING, IMAGE)):
            continue
        if block.kind == HEADING and block.level == 1 and block.text == post_.title and not post_.meta_lines:
            continue  # the title, already checked
        for start, _, word, good in guard.find(block.text):
            line, col = ctx.position(block, start)
            yield Hit(line, col, f"'{word}' looks like a misspelling of '{good}'", word, f"Write '{good}'.")


@rule("SEO216", "title-length", "seo", "warning",
      "The title is missing, shorter than `min_chars` or longer than `max_chars` characters.",
      thresholds={"min_chars": 30, "max_chars": 65},
      hint="Search results show about 60 characters of a title.",
      examples=[flag(post(body=INTRO, title="SMP")), passes(post(body=INTRO))])
def title_length(ctx, t):
    title = ctx.post.title
    if not title:
        yield Hit(1, 1, "Post has no title", "")
    elif not t["min_chars"] <= len(title) <= t["max_chars"]:
        yield Hit(ctx.post.title_line or 1, 1,
                  f"Title has {len(title)} characters ({t['min_chars']}-{t['max_chars']})", title)


@rule("SEO217", "multiple-h1", "seo", "warning",
      "The body has more than one H1 heading (the page title is the one H1).",
      hint="Make the other top-level headings H2 (##).",
      examples=[flag("# One\n\nText here.\n\n# Two\n\nMore text."), passes("# One\n\nText.\n\n## Two\n\nMore.")])
def multiple_h1(ctx, t):
    h1 = [b for b in ctx.post.blocks if b.kind == HEADING and b.level == 1]
    for extra in h1[1:]:
        yield Hit(extra.line, 1, f"Second H1 heading '{extra.text}' (the page should have one)", extra.text)


@rule("SEO218", "no-internal-link", "seo", "info",
      "The post links to no other page of the site.",
      hint="Link to a related post or your contact/booking page with descriptive anchor text.",
      examples=[flag(post(body=INTRO + " Read [more](https://elsewhere.example/).")),
                passes(post(body=INTRO + " Read [how long SMP lasts](/how-long-does-smp-last/)."))])
def no_internal_link(ctx, t):
    if not any(is_internal(link.href, ctx.site.url) for link in ctx.post.links):
        last = ctx.prose[-1] if ctx.prose else None
        yield Hit(last.line if last else ctx.first_line(), 1, "No link to another page of the site", "")
