"""The pre-publish check of one draft: everything the pre-publish notebook shows, computed by one call.

    >>> draft = prepublish_report("posts/does-smp-hurt.md", keyphrase="does SMP hurt")
    >>> draft.findings, draft.readability, draft.blog_average
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import smpseo.app.report.analysis as analysis
from smpseo.analysis.jsonld import address_beside, post_path, says_address, site_path
from smpseo.analysis.snippet import preview
from smpseo.app.report.post_language import language_warning
from smpseo.core.paths import resolved
from smpseo.core.settings import Config
from smpseo.model.gaps import TopicResult
from smpseo.model.results import Coverage, Finding, Fix, Rating, Readability

READABILITY_FIELDS = ("words", "sentences", "avg_sentence_words", "flesch_reading_ease", "flesch_kincaid_grade",
                      "grade")


@dataclass
class PrepublishReport:
    post: Any  # Post
    keyphrase: str
    config: Config
    readability: Readability
    blog_average: Readability  # the same figures averaged over the blog's other posts
    blog_posts: int
    findings: list[Finding] | None  # None: checks not available
    keyphrases: list[Coverage] | None  # where each target keyword appears in the draft
    opportunities: list[Finding] | None  # internal links to add (link-suggestion findings)
    # FAQ topics this draft answers, or answers half-way (a partial status where it is worth extending the passage):
    # the draft read as if published on the blog
    topics: list[TopicResult] | None
    jsonld: list[dict] | None
    areas: tuple[str, ...] = ()  # the check categories, for "no problems" lines in the checklist
    rating: Rating | None = None
    fixes: tuple[Fix, ...] | None = None  # the three fixes that raise the rating most, best first
    preview: dict | None = None  # the search result: title, address, description as Google cuts them
    check_result: Any = None
    gap_report: Any = None
    passing: int = 0  # topics the draft only touches on in passing (partial, not worth extending): not listed
    # the blog's published post the draft is an update of (one with its slug or address), which the draft takes the
    # place of in every comparison with the blog; None for a new post
    replaces: Any = None
    language: str = ""  # a warning for a post that says it is not in English (its scores are English's), or ""


def _average(rows: list[dict]) -> dict:
    out = {}
    for name in READABILITY_FIELDS:
        values = [r[name] for r in rows if isinstance(r.get(name), (int, float))]
        out[name] = round(sum(values) / len(values), 1) if values else None
    return out


def several_posts(path, n: int) -> str:
    """Why a file of several posts (an export, a feed) gets no pre-publish report: it is of one draft."""
    return (f"{path} holds {n} posts; a pre-publish check is of one draft: import them (smpseo import) and name "
            "one")


def posts_problem(posts: str | Path | None) -> str:
    """Why `posts`, the blog's folder named for a draft to be compared with, cannot be: "" when it can (or none is
    named, the draft's own folder then)."""
    if posts is None or posts == "":
        return ""
    if not isinstance(posts, (str, Path)):
        return f"posts should be the blog's folder of posts, not {posts!r}"
    if Path(posts).is_dir():
        return ""
    if Path(posts).exists():
        return f"{posts}: a file, not a folder: name the blog's folder of posts to compare the draft with"
    return f"{posts}: posts folder not found"


class UnusableTopics(UserWarning):
    """A topics file the settings name (`[topics] files`) has a mistake: the report is made without it."""


def prepublish_report(post: str | Path, keyphrase: str | None = None, config: Config | str | Path | None = None,
                      posts: str | Path | None = None, topics: bool = True) -> PrepublishReport:
    """Check one draft against the rules and against the blog's other posts (default: the draft's folder, or the one
    above it for a Jekyll draft in `_drafts` or a Hugo page bundle's `index.md`, as `check` finds it).
    `topics=False` leaves out the FAQ topics (`topics` is then None): a checklist shown again on every save needs
    none, and matching them reads the whole blog.

    Raises FileNotFoundError when the draft or the posts folder named is missing, NotADirectoryError when `posts`
    is not a folder, ValueError when the draft cannot be read.
    """
    from smpseo.app.analyze import analyze
    from smpseo.app.arguments import dates_as_written
    from smpseo.app.check import blog_folder
    from smpseo.sources.readers import load_posts

    path = Path(post)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: draft not found")
    unusable = posts_problem(posts)
    if unusable:
        raise (NotADirectoryError if Path(posts).exists() else FileNotFoundError)(unusable)
    cfg = analysis.resolve_config(config, search_from=path)
    with dates_as_written(cfg):  # a post's "3/4/2025" read as the clinic's country writes it
        corpus = load_posts(path, drafts=True)  # a draft is what this report is for
    if not len(corpus):
        raise ValueError("; ".join(str(e) for e in corpus.errors) or f"{path}: no post found")
    if len(corpus) > 1:
        raise ValueError(several_posts(path, len(corpus)))
    draft = corpus[0]
    keyphrase = (keyphrase or draft.keyphrase or "").strip()
    # the blog as `check` finds it: the draft's folder, the one above for a Jekyll draft or a Hugo page bundle
    blog_dir = Path(posts) if posts else (blog_folder([path]) or path.parent)
    with dates_as_written(cfg):
        blog = load_posts(blog_dir) if blog_dir.is_dir() else []
    others = [p for p in blog if not (p.path and resolved(p.path) == resolved(path))]
    # an update of a published post (its slug or its address) takes that post's place on the blog: it does not
    # compete with it for its keyphrase, nor is it measured against it
    replaced = [p for p in others if _same_post(p, draft)]
    others = [p for p in others if not any(p is r for r in replaced)]
    if draft.slug and not says_address(draft):  # not published yet: where the blog puts its posts
        draft.address = address_beside([*replaced, *others], draft.slug) or draft.address
    readability = analysis.readability_of(analyze([draft], keyphrases=False)[0])
    if keyphrase:
        draft.keyphrase = keyphrase  # as if the front matter said so: the checks read it from the post
    # site-wide rules (links to add, posts competing for one keyphrase) need the other posts too
    check_result = analysis.run_check([draft, *others], cfg)
    # with no other post, the draft would be measured against its own sections alone: nothing to say
    gap_report, answered, passing = _draft_topics(draft, others, cfg) if topics and others else (None, None, 0)
    findings = coverage = links = rating = fixes = None
    if check_result is not None:
        mine = str(resolved(draft.path)) if draft.path else None

        def ours(path: str) -> bool:
            return bool(path) and str(resolved(path)) == mine

        own = next((p for p in analysis.ratings_of(check_result) if ours(p.path)), None)
        rating, fixes = (own.rating, own.fixes) if own else (None, None)
        findings = [f for f in analysis.findings_of(check_result) if ours(f.path)]
        coverage = [c for c in analysis.coverage_of(check_result) if ours(c.path)]
        link_rules = analysis.rule_ids("link-suggestion")
        links = [f for f in findings if f.rule in link_rules]
        findings = [f for f in findings if f.rule not in link_rules]
    return PrepublishReport(
        post=draft, keyphrase=keyphrase, config=cfg, readability=readability,
        blog_average=analysis.readability_of(_average(analyze(others, keyphrases=False))),
        blog_posts=len(others), findings=findings, keyphrases=coverage, opportunities=links, topics=answered,
        jsonld=analysis.jsonld_for(draft, cfg), areas=analysis.categories(), rating=rating, fixes=fixes,
        preview=preview(draft.title, site_path(draft, cfg), draft.description, cfg.site.url) if draft.title else None,
        check_result=check_result,
        gap_report=gap_report, passing=passing, replaces=replaced[0] if replaced else None,
        language=language_warning(draft),
    )


def _same_post(post, draft) -> bool:
    """Whether `post` of the blog is the published copy of `draft`: the same slug, or the same address."""
    return bool(draft.slug) and post.slug == draft.slug or post_path(post) == post_path(draft)


def _draft_topics(draft, others: list, cfg: Config):
    """The gaps report of the draft as if published (its passages measured against the whole blog, as the matcher
    is fitted), the topics it answers or answers half-way (partial, worth extending), and how many more it only
    touches on in passing."""
    topic_list, unusable = analysis.clinic_topics(cfg)  # the settings' topics files: a broken one is left out
    for exc in unusable:
        warnings.warn(f"{exc} (the report is made without this topics file)", UnusableTopics, stacklevel=3)
    gap_report = analysis.run_gaps(others, cfg, topics=topic_list, draft=draft)
    listed, passing = gap_report.in_draft()
    return gap_report, listed, passing
