"""Site-level rules (SITE4xx), across all posts checked together. Each finding attaches to the post it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field

from smpseo.analysis.context import FRONT_MATTER, PostContext
from smpseo.analysis.links import OnDisk, broken_links
from smpseo.analysis.site import incoming_links, normalized
from smpseo.checks.engine import SITE, Hit, flag, passes, rule
from smpseo.checks.kinds import Duplicate, register
from smpseo.core.text import WORD_RE

SEP = "\n=====\n"


@dataclass
class SiteContext:
    posts: list[PostContext]
    config: object
    matcher: object
    keyphrases: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    about: dict[int, object] = field(default_factory=dict)  # id(PostContext) -> Phrase | None
    on_disk: OnDisk | None = None  # whether a file a link names is on disk (the app asks the folders): SITE407

    def topic(self, ctx: PostContext):
        """What a post is about (see `_about`), worked out once."""
        if id(ctx) not in self.about:
            self.about[id(ctx)] = _about(self, ctx)
        return self.about[id(ctx)]


def _page(title: str, slug: str, extra: str = "", body: str = "Text about the topic. Call us to book.") -> str:
    return f"---\ntitle: {title}\nslug: {slug}\n{extra}\n---\n\n{body}\n"


def _through_synonyms(phrase, others: list) -> str:
    """How `phrase` is the same keyphrase as `others` (`Matcher.same`) where their own words differ: through
    synonyms (" ('SMP' and 'scalp micropigmentation' are synonyms)"); "" where the words are the same, in any order
    or form."""
    pairs = []
    for other in others:
        mine = [w for k, w in zip(phrase.literal, phrase.literal_words, strict=True) if k not in other.literal]
        theirs = [w for k, w in zip(other.literal, other.literal_words, strict=True) if k not in phrase.literal]
        pair = f"'{' '.join(dict.fromkeys(mine))}' and '{' '.join(dict.fromkeys(theirs))}'"
        if mine and theirs and pair not in pairs:
            pairs.append(pair)
    return f" ({'; '.join(pairs)} are synonyms)" if pairs else ""


register(Duplicate(
    id="SITE401", name="same-keyphrase", category="site", severity="warning",
    doc="Two or more posts have the same focus keyphrase (any order, word form or synonym): they compete in search. "
        "Keyphrases that are one through a synonym (\"SMP\" for \"scalp micropigmentation\") are said to be so, with "
        "the words that are synonyms.",
    hint="Give each post its own keyphrase, or merge the posts and redirect one to the other.",
    among=lambda site: [c for c in site.posts if c.focus_source == FRONT_MATTER and c.focus],
    key=lambda site, ctx: ctx.focus, same=lambda site, a, b: site.matcher.same(a, b),
    message="Keyphrase '{ctx.focus.text}' is also the focus of {others}{through}",
    details=lambda site, ctx, group: {"through": _through_synonyms(ctx.focus, [o.focus for o in group if o is not ctx])},
    at=lambda ctx: (ctx.post.meta_line("keyphrase"), 1), match=lambda ctx: ctx.focus.text,
    examples=[flag(_page("SMP costs", "a", "keyphrase: SMP Vancouver") + SEP +
                   _page("SMP prices", "b", "keyphrase: Vancouver scalp micropigmentation"),
                   "4:12 SITE401 Keyphrase 'SMP Vancouver' is also the focus of example-1.md ('SMP' and 'scalp "
                   "micropigmentation' are synonyms)",
                   "4:12 SITE401 Keyphrase 'Vancouver scalp micropigmentation' is also the focus of "
                   "example-0.md ('scalp micropigmentation' and 'SMP' are synonyms)"),
              flag(_page("SMP costs", "a", "keyphrase: SMP cost Vancouver") + SEP +
                   _page("SMP prices", "b", "keyphrase: Vancouver SMP costs"),
                   "4:12 SITE401 Keyphrase 'SMP cost Vancouver' is also the focus of example-1.md",
                   "4:12 SITE401 Keyphrase 'Vancouver SMP costs' is also the focus of example-0.md"),
              passes(_page("SMP costs", "a", "keyphrase: SMP cost") + SEP +
                     _page("SMP pain", "b", "keyphrase: SMP pain"))]))


def shared_targets(site: SiteContext) -> list:
    """The site targets every post mentions: what the whole blog is about, so no two posts compete for them."""
    if not site.posts:
        return []
    return [tg for tg in site.posts[0].targets if all(c.target_counts.get(tg.text) for c in site.posts)]


def _inferred_apart(site: SiteContext) -> list[PostContext]:
    """The posts without a focus keyphrase whose strongest target is not one every post mentions."""
    shared = {tg.text for tg in shared_targets(site)}
    return [c for c in site.posts if c.inferred and c.strongest_target and c.strongest_target.text not in shared]


register(Duplicate(
    id="SITE402", name="same-strongest-target", category="site", severity="info",
    doc="Posts without a focus keyphrase whose strongest site target (their inferred keyphrase) is the same one: "
        "likely to compete for it. A target every post mentions is what the blog is about, not a collision.",
    hint="Set a distinct `keyphrase:` on each post so each answers its own search.",
    among=_inferred_apart, key=lambda site, ctx: ctx.strongest_target.text,
    message="No focus keyphrase; its strongest target '{ctx.strongest_target.text}' is also the strongest of "
            "{others}",
    match=lambda ctx: ctx.strongest_target.text,
    examples=[flag(_page("One", "a", body="Vancouver scalp micropigmentation is great.") + SEP +
                   _page("Two", "b", body="Vancouver scalp micropigmentation is quick.") + SEP +
                   _page("Three", "c", body="Scalp micropigmentation lasts."),
                   "1:1 SITE402 No focus keyphrase; its strongest target 'Vancouver scalp micropigmentation' "
                   "is also the strongest of example-1.md",
                   "1:1 SITE402 No focus keyphrase; its strongest target 'Vancouver scalp micropigmentation' "
                   "is also the strongest of example-0.md"),
              passes(_page("One", "a", body="Scalp micropigmentation is great.") + SEP +
                     _page("Two", "b", body="Scalp micropigmentation is quick.")),
              passes(_page("One", "a", "keyphrase: SMP pain", "SMP pain is mild.") + SEP +
                     _page("Two", "b", "keyphrase: SMP cost", "SMP cost varies."))]))


register(Duplicate(
    id="SITE403", name="duplicate-title", category="site", severity="warning",
    doc="Two or more posts have the same title (ignoring case and punctuation).",
    hint="Make each title say what that post answers.",
    key=lambda site, ctx: normalized(ctx.post.title), message="Same title as {others}",
    at=lambda ctx: (ctx.post.title_line or 1, 1), match=lambda ctx: ctx.post.title,
    examples=[flag(_page("How long does SMP last?", "a") + SEP + _page("How long does SMP last", "b"),
                   "2:8 SITE403 Same title as example-1.md",
                   "2:8 SITE403 Same title as example-0.md"),
              passes(_page("How long does SMP last?", "a") + SEP + _page("Does SMP hurt?", "b"))]))


register(Duplicate(
    id="SITE404", name="duplicate-description", category="site", severity="warning",
    doc="Two or more posts have the same meta description.",
    hint="Write a description for each post; identical ones do not help in search results.",
    key=lambda site, ctx: normalized(ctx.post.description), message="Same meta description as {others}",
    at=lambda ctx: (ctx.post.meta_line("description"), 1), match=lambda ctx: ctx.post.description,
    examples=[flag(_page("A", "a", "description: Same words.") + SEP + _page("B", "b", "description: Same words."),
                   "4:14 SITE404 Same meta description as example-1.md",
                   "4:14 SITE404 Same meta description as example-0.md"),
              passes(_page("A", "a", "description: One.") + SEP + _page("B", "b", "description: Two."))]))


@rule("SITE405", "orphan-post", "site", "warning",
      "No other post links to this one (internal links: relative, or to `[site] url`); checked with 2+ posts.",
      scope=SITE,
      custom="whether a post is linked to is known only from the links of all the other posts",
      hint="Link to it from a related post, with anchor text that says what it answers.",
      examples=[flag(_page("A", "a") + SEP + _page("B", "b"),
                     "2:8 SITE405 No other post links to this one",
                     "2:8 SITE405 No other post links to this one"),
                passes(_page("A", "a", body="See [post b](/b/).") + SEP + _page("B", "b", body="See [a](../a.md)."))])
def orphan_post(site: SiteContext, t):
    posts = [c.post for c in site.posts]
    if len(posts) < 2:
        return
    incoming = incoming_links(posts, site.config.site.url)
    for i, ctx in enumerate(site.posts):
        if not incoming.get(i):
            yield ctx, Hit(ctx.post.title_line or 1, 1, "No other post links to this one", ctx.post.title)


def _about(site: SiteContext, ctx: PostContext):
    """What a post is about, for link suggestions: its own keyphrase, or else one of its top YAKE terms of 2+ words
    that its title (or slug) also names and that is not a site target every post shares."""
    if ctx.focus_source == FRONT_MATTER and ctx.focus:
        return ctx.focus
    heading = f"{ctx.post.title} {ctx.post.slug.replace('-', ' ')}"
    for term, _ in site.keyphrases.get(ctx.name, [])[:5]:
        phrase = site.matcher.phrase(term)
        if len(set(phrase.keys)) >= 2 and site.matcher.share(phrase, heading) == 1.0 \
                and not any(site.matcher.same(phrase, tg) for tg in ctx.targets):
            return phrase
    return None


def _anchors(found: list, about) -> list:
    """The mentions of a topic that can be a link's text: its words together, with one more word among them at most
    ("SMP aftercare", "aftercare for SMP"). A mention spread over a clause ("SMP has a private room for women's
    sessions" for "SMP sessions") is no anchor a reader would click."""
    most = len(WORD_RE.findall(about.text)) + 1
    return [(block, match) for block, match in found if len(WORD_RE.findall(match.text)) <= most]


@rule("SITE406", "link-suggestion", "site", "info",
      "A post mentions what another post is about (its keyphrase, or a top YAKE term its title names) but does "
      "not link to it; the `max_per_post` posts it mentions most, per post.",
      scope=SITE, thresholds={"max_per_post": 3},
      custom="it searches every post for every other post's topic, and keeps the few mentioned most",
      hint="Link the mention to that post.",
      examples=[flag(_page("A", "a", "keyphrase: SMP aftercare", "Aftercare matters.") + SEP +
                     _page("B", "b", body="Good SMP aftercare keeps the dots crisp."),
                     "7:6 SITE406 Mentions 'SMP aftercare', the topic of example-0.md, but does not link to it"),
                flag(_page("SMP aftercare tips", "aftercare", body="Good SMP aftercare tips keep the dots crisp. "
                           "Aftercare tips are simple.") + SEP + _page("B", "b", body="Follow our SMP aftercare tips."),
                     "7:12 SITE406 Mentions 'SMP aftercare tips', the topic of example-0.md, but does not "
                     "link to it"),
                passes(_page("A", "a", "keyphrase: SMP aftercare", "Aftercare matters.") + SEP +
                       _page("B", "b", "keyphrase: SMP aftercare", "Good SMP aftercare keeps the dots crisp.")),
                passes(_page("A", "a", "keyphrase: scalp micropigmentation", "Scalp micropigmentation lasts.") + SEP +
                       _page("B", "b", body="Scalp micropigmentation is quick.")),
                passes(_page("A", "a", "keyphrase: SMP aftercare", "Aftercare matters.") + SEP +
                       _page("B", "b", body="Good [SMP aftercare](/a/) keeps the dots crisp.")),
                passes(_page("A", "a", "keyphrase: SMP sessions", "Sessions matter.") + SEP +
                       _page("B", "b", body="SMP has a private room for the sessions."))])
def link_suggestion(site: SiteContext, t):
    posts = [c.post for c in site.posts]
    if len(posts) < 2:
        return
    incoming = incoming_links(posts, site.config.site.url)
    candidates: dict[int, list[tuple[int, int, PostContext, object, object]]] = {}
    # every post's topic first: a phrase with a word new to the matcher empties its cache of tokenised texts, so
    # compiling topics between searches would tokenise every post again for each new word
    topics = [site.topic(target) for target in site.posts]
    shared = shared_targets(site)
    # the posts with the same topic, in order: a source is searched for a topic once, however many posts have it
    groups: dict[str, list[int]] = {}
    for j, about in enumerate(topics):
        if about is not None:
            groups.setdefault(about.text, []).append(j)
    for group in groups.values():
        about = topics[group[0]]
        if any(site.matcher.same(about, tg) for tg in shared):
            continue  # a target every post is about links nothing in particular
        linked_from = {j: {id(p) for p, _ in incoming.get(j, [])} for j in group}
        needed = set(about.literal)
        for i, source in enumerate(site.posts):
            if not needed <= source.words_keys:
                continue
            if source.focus and site.matcher.same(about, source.focus):
                continue  # a post's own focus keyphrase is what it is about, not a link to another post
            found = None
            taken = 0
            for j in group:  # ranked by mentions, then by order: past the first few of a group, none is kept
                target = site.posts[j]
                if source is target or id(source.post) in linked_from[j]:
                    continue
                found = _anchors(source.find(about), about) if found is None else found
                if not found or taken == t["max_per_post"]:
                    break
                candidates.setdefault(i, []).append((-len(found), j, target, found[0][0], found[0][1]))
                taken += 1
    for i, options in candidates.items():
        source = site.posts[i]
        for _, _, target, block, match in sorted(options, key=lambda o: (o[0], o[1]))[:t["max_per_post"]]:
            line, col = source.position(block, match.start)
            yield source, Hit(line, col, f"Mentions '{match.text}', the topic of {target.name}, "
                                         f"but does not link to it", match.text,
                              f"Link this mention to {target.post.slug}.")


@rule("SITE407", "broken-post-link", "site", "warning",
      "A link that names a post of the blog that no post answers to (a slug renamed, a post deleted): a relative "
      "link to a post's file (`aftercare.md`, `../pain.rst`; `page.html` between the pages of an HTML blog), a "
      "generator's reference (Hugo's `{{< ref \"aftercare.md\" >}}`, Jekyll's `{% post_url 2024-01-01-x %}`, both "
      "fail the build), an address on the site in the posts' own pattern (all under `/blog/`, or a permalink "
      "pattern) that no post has, a relative one (`../old-post/`) as it leads from the post's address, or a post's "
      "file name with its date (`/2024-05-01-old-post/`) where the post is published at another address (its slug). "
      "Never a page, an image, an anchor, another site, or a file on disk (a draft, a "
      "page); checked with 2+ posts.",
      scope=SITE,
      custom="whether a link names a post is known only from every post of the blog and the files beside them",
      hint="Point the link at the post's current file or address, or remove it.",
      examples=[flag(_page("A", "a", body="See [aftercare](smp-aftercare.md) and [b](b.md).") + SEP + _page("B", "b"),
                     "7:17 SITE407 Link to 'smp-aftercare.md', which is no post of the blog"),
                flag(_page("A", "a", body="Read [the old one]({{< ref \"old-post.md\" >}}).") + SEP +
                     _page("B", "b", body="See [a](a.md)."),
                     "7:29 SITE407 Link to 'old-post.md', which is no post of the blog"),
                flag(_page("A", "a", "url: /blog/a/", "See [pain](/blog/does-smp-hurt/) and [b](/blog/b/).") + SEP +
                     _page("B", "b", "url: /blog/b/"),
                     "7:12 SITE407 Link to '/blog/does-smp-hurt/', which is no post of the blog"),
                flag(_page("A", "a", "url: /blog/a/", "See [gone](../gone-post/) and [b](../b/).") + SEP +
                     _page("B", "b", "url: /blog/b/"),
                     "7:12 SITE407 Link to '../gone-post/', which is no post of the blog"),
                passes(_page("A", "a", body="See [b](b.md), [contact](/contact/), [top](#top) and "
                                            "[x](https://other.example/x.md).") + SEP +
                       _page("B", "b", body="Book at [/book/](/book/) or see [old](/blog/old-post/).")),
                passes(_page("A", "a", "url: /blog/a/", "See [tags](/blog/tag/smp/), [us](/about/) and "
                                                        "[2](/blog/page/2/).") + SEP +
                       _page("B", "b", "url: /blog/b/"))])
def broken_post_link(site: SiteContext, t):
    for i, link in broken_links([c.post for c in site.posts], site.config.site.url, site.on_disk):
        yield site.posts[i], Hit(link.line, link.column, f"Link to '{link.href}', which is no post of the blog",
                                 link.href)
