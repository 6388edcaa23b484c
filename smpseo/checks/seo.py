"""SEO rules on the page (SEO206, SEO207, SEO211, SEO215-SEO220, SEO222): the meta description, the title's width,
images, headings and links. The keyphrase rules are in `keyphrase.py` and `keyphrase_body.py`."""

from __future__ import annotations

from typing import NamedTuple

from smpseo.analysis.site import is_internal
from smpseo.checks.engine import flag, passes
from smpseo.checks.keyphrase import DESC_OK, KP, post
from smpseo.checks.kinds import Metric, Occurrence, Required, last_prose_line, register, written_places
from smpseo.core.pixels import cut_to_width, text_width
from smpseo.model.post import HEADING

INTRO = "Scalp micropigmentation in Vancouver gives a shaved look to a bald or thinning head."
LINKED = INTRO + " Read [how long SMP lasts](/how-long-does-smp-last/)."


register(Required(
    id="SEO206", name="meta-description-missing", category="seo", severity="error",
    doc="The post has no meta description (front matter `description`).",
    hint="Add a description (front matter `description:`, 121-156 characters) that answers the question and "
         "holds the keyphrase.",
    present=lambda ctx: bool(ctx.post.description),
    message="No meta description",
    examples=[flag(post(KP, INTRO),
                   "1:1 SEO206 No meta description"),
              passes(post(KP + f"\ndescription: {DESC_OK}", INTRO))]))


register(Metric(
    id="SEO207", name="meta-description-length", category="seo", severity="warning",
    doc="The meta description is shorter than `min_chars` or longer than `max_chars` characters.",
    thresholds={"min_chars": 121, "max_chars": 156},
    hint="Search results show about 155 characters: say what the reader gets, in that space.",
    value=lambda ctx: len(ctx.post.description) if ctx.post.description else None,
    below="min_chars", above="max_chars",
    message="Meta description has {value} characters ({min_chars}-{max_chars})",
    at=lambda ctx: (ctx.post.meta_line("description"), 1),
    match=lambda ctx: ctx.post.description,
    examples=[flag(post("description: Scalp micropigmentation in Vancouver.", INTRO),
                   "3:14 SEO207 Meta description has 37 characters (121-156)"),
              passes(post(f"description: {DESC_OK}", INTRO))]))


register(Occurrence(
    id="SEO211", name="image-alt-missing", category="seo", severity="warning",
    doc="An image has no alt text (screen readers and search engines read it).",
    hint="Describe what the image shows in a few words.",
    found=lambda ctx: [img for img in ctx.post.images if not img.alt.strip()],
    message="Image '{item.src}' has no alt text",
    match=lambda img: img.src,
    examples=[flag(post(body=INTRO + "\n\n![](client.jpg)"),
                   "8:5 SEO211 Image 'client.jpg' has no alt text"),
              passes(post(body=INTRO + "\n\n![Hairline after the second session](client.jpg)"))]))


class Misspelling(NamedTuple):
    line: int
    column: int
    word: str
    good: str  # the target term's word it looks like


def misspellings(ctx):
    """Each word of the post's title, description, prose, headings and alt text that looks like a misspelt target
    term (`SpellingGuard`)."""
    post_ = ctx.post
    for text, block, line in written_places(ctx):
        if block is not None and block.kind == HEADING and block.level == 1 and block.text == post_.title \
                and not post_.meta_lines:
            continue  # the title, already checked
        for start, _, word, good in ctx.guard.find(text):
            ln, col = ctx.position(block, start) if block is not None else (line, 1)
            yield Misspelling(ln, col, word, good)


register(Occurrence(
    id="SEO215", name="misspelled-term", category="seo", severity="warning",
    doc="A word that looks like a misspelling of a target term (\"Micropigmention\" for \"micropigmentation\").",
    hint="Correct the spelling: search engines and readers see the typo.",
    found=misspellings, at=lambda ctx, m: (m.line, m.column), match=lambda m: m.word,
    message="'{item.word}' looks like a misspelling of '{item.good}'", fix="Write '{item.good}'.",
    examples=[flag(post(body="Rob is a scalp Micropigmention artist."),
                   "6:16 SEO215 'Micropigmention' looks like a misspelling of 'Micropigmentation'"),
              flag(post(body="Rob works at Advnaced Scalp Clinic in Vancover."),
                   "6:14 SEO215 'Advnaced' looks like a misspelling of 'Advanced'"),
              passes(post(body="Rob is a scalp micropigmentation artist; micro-pigmentation too."))]))


register(Metric(
    id="SEO216", name="title-width", category="seo", severity="warning",
    doc="The title is missing, or wider than `max_pixels` px where Google shows it (Arial 20 px): it gets cut.",
    thresholds={"max_pixels": 600},
    hint="Keep the title within one line of a search result: about 600 px, some 55-60 characters.",
    value=lambda ctx: text_width(ctx.post.title) if ctx.post.title else None, above="max_pixels",
    message={"above": "Title is {value:.0f} px wide where Google shows it (max {threshold} px): it gets cut after "
                      "'{shown}'",
             "absent": "Post has no title"},
    hints={"absent": "Give the post a title (front matter `title:`, or a `# Heading` first): the question it "
                     "answers, with the keyphrase near its start, within about 600 px."},
    at=lambda ctx: ((ctx.post.title_line or 1) if ctx.post.title else 1, 1),
    details=lambda ctx, t: {"shown": cut_to_width(ctx.post.title, t["max_pixels"], ellipsis="")},
    examples=[flag(post(body=INTRO, title="Scalp micropigmentation in Vancouver: what to expect, what it costs, "
                   "how long it lasts"),
                   "2:9 SEO216 Title is 759 px wide where Google shows it (max 600 px): it gets cut after "
                   "'Scalp micropigmentation in Vancouver: what to expect, what it'"),
              passes(post(body=INTRO, title="SMP"))]))


def second_h1s(post_) -> list:
    """The body's level-1 headings besides the page's one H1: every one on a saved page that shows its title in an
    `<h1>` of its own (`Post.title_h1`), else all but the first (as Yoast counts a post's H1s)."""
    h1s = [b for b in post_.blocks if b.kind == HEADING and b.level == 1]
    return h1s if post_.title_h1 else h1s[1:]


register(Occurrence(
    id="SEO217", name="multiple-h1", category="seo", severity="warning",
    doc="More than one H1 heading: the body has more than one, or a saved page has one besides the `<h1>` it shows "
        "its title in.",
    hint="Make the other top-level headings H2 (##).",
    found=lambda ctx: second_h1s(ctx.post),
    message="Second H1 heading '{item.text}' (the page should have one)",
    match=lambda heading: heading.text,
    examples=[flag("# One\n\nText here.\n\n# Two\n\nMore text.",
                   "5:3 SEO217 Second H1 heading 'Two' (the page should have one)"),
              passes("# One\n\nText.\n\n## Two\n\nMore.")]))


register(Required(
    id="SEO218", name="no-internal-link", category="seo", severity="info",
    doc="The post links to no other page of the site.",
    hint="Link to a related post or your contact/booking page with descriptive anchor text.",
    present=lambda ctx: any(is_internal(link.href, ctx.site.url) for link in ctx.post.links),
    message="No link to another page of the site", at=last_prose_line,
    examples=[flag(post(body=INTRO + " Read [more](https://elsewhere.example/)."),
                   "6:1 SEO218 No link to another page of the site"),
              passes(post(body=INTRO + " Read [how long SMP lasts](/how-long-does-smp-last/)."))]))


register(Required(
    id="SEO219", name="no-image", category="seo", severity="warning",
    doc="The post has no image (a post of no text too, as Yoast counts it).",
    hint="Add a photo that shows the result or the work (before/after, the clinic), with alt text.",
    present=lambda ctx: bool(ctx.post.images),
    message="The post has no image", at=lambda ctx: (ctx.prose[0].line if ctx.prose else ctx.post.start_line, 1),
    examples=[flag(post(KP, LINKED),
                   "6:1 SEO219 The post has no image"),
              passes(post(KP, INTRO + "\n\n![Hairline after the second session](client.jpg)"))]))


register(Required(
    id="SEO220", name="no-outbound-link", category="seo", severity="info",
    doc="The post links to no other site: a source or a reference readers can check.",
    hint="Link to a source worth reading (a study, a dermatology page) where the post makes a claim.",
    present=lambda ctx: any(link.href.startswith(("http://", "https://", "//"))
                            and not is_internal(link.href, ctx.site.url) for link in ctx.post.links),
    message="No link to another site", at=last_prose_line,
    examples=[flag(post(KP, LINKED),
                   "6:1 SEO220 No link to another site"),
              passes(post(KP, INTRO + " See [the study](https://journal.example/smp-study)."))]))



class Skip(NamedTuple):
    """A heading that skips levels: its text, line and level, the level before it, and the levels skipped."""
    text: str
    line: int
    level: int
    before: int
    skipped: str  # "H3", "H3 and H4"


def skipped_levels(post_) -> list[Skip]:
    """Each heading of the body more than one level below the heading before it (an H4 right after an H2). The
    first heading of the body is not compared with the title (many posts start at H3); neither is an H1 the title
    was read from."""
    headings = [b for b in post_.headings if not (b.level == 1 and b.line == post_.title_line)]
    return [Skip(b.text, b.line, b.level, a.level, " and ".join(f"H{n}" for n in range(a.level + 1, b.level)))
            for a, b in zip(headings, headings[1:], strict=False) if b.level > a.level + 1]


register(Occurrence(
    id="SEO222", name="heading-level-skipped", category="seo", severity="info",
    doc="A heading of the body more than one level below the heading before it (an H4 right after an H2): screen "
        "readers and search engines read the headings as the post's outline (axe's `heading-order`). The first "
        "heading is not compared with the title.",
    hint="Use the next level down (H3 after an H2), or change the heading before it.",
    found=lambda ctx: skipped_levels(ctx.post),
    message="Heading '{item.text}' is H{item.level} right after an H{item.before} (no {item.skipped} between)",
    match=lambda item: item.text,
    examples=[flag("## Cost\n\nText here.\n\n#### Deposit\n\nMore text.\n\n## Pain\n\nText.\n\n##### Needles\n\nText.",
                   "5:6 SEO222 Heading 'Deposit' is H4 right after an H2 (no H3 between)",
                   "13:7 SEO222 Heading 'Needles' is H5 right after an H2 (no H3 and H4 between)"),
              passes("### Cost\n\nText.\n\n#### Deposit\n\nMore.\n\n## Pain\n\nText.\n\n### Numbing\n\nText."),
              passes("# How long does SMP last\n\n### Fading\n\nText.")]))
