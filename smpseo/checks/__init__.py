"""The check engine: run every rule over posts and collect findings, metrics, coverage and keyphrases.

    >>> import smpseo
    >>> result = smpseo.check("posts/")                 # or a Corpus / list of Posts
    >>> result.findings_frame()                          # one row per finding
    >>> result.coverage_frame(wide=True)                 # targets x posts

Rules live in `readability.py` (RD1xx), `seo.py` (SEO2xx), `local.py` (LOC3xx) and `sitewide.py` (SITE4xx);
`RULES` is the registry. See docs/checks.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..config import Config, Site, load_config
from ..model import Corpus, Post, ReadError
from ..results import SEVERITIES, CheckResult, Finding
from . import local, readability, seo, sitewide  # noqa: F401  (registers the rules)
from .context import PostContext
from .engine import POST, RULES, SITE, Example, Hit, Rule, disabled_in_post, is_disabled, resolve_settings
from .sitewide import SiteContext

# The settings every rule's examples run with (see docs/checks.md).
EXAMPLE_CONFIG = Config(
    site=Site(name="Advanced Scalp Clinic", city="Vancouver", phone="778-917-7772",
              url="https://www.advancedscalp.example"),
    targets=["scalp micropigmentation", "Vancouver scalp micropigmentation"],
    synonyms={"scalp micropigmentation": ["SMP", "scalp micro-pigmentation"]},
)


def rules() -> list[Rule]:
    """Every registered rule, by id."""
    return [RULES[k] for k in sorted(RULES)]


def rules_markdown() -> str:
    """The rule tables of docs/checks.md, generated from the registry (a test keeps the page in step)."""
    titles = {"readability": "Readability (RD1xx)", "seo": "Keyphrase and SEO (SEO2xx)", "local": "Local SEO (LOC3xx)",
              "site": "Site level (SITE4xx)"}
    out: list[str] = []
    for category, title in titles.items():
        out += [f"### {title}", "", "| id | name | default | thresholds | what it flags |", "| --- | --- | --- | --- | --- |"]
        for r in rules():
            if r.category != category:
                continue
            th = ", ".join(f"`{k} = {v}`" for k, v in r.thresholds.items()) or "—"
            kp = " Uses the focus keyphrase." if r.uses_keyphrase else ""
            out.append(f"| {r.id} | `{r.name}` | {r.severity} | {th} | {r.doc}{kp} Fix: {r.hint} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _as_posts(posts) -> tuple[list[Post], list[ReadError], str | None]:
    from ..readers import load_posts

    if isinstance(posts, Post):
        return [posts], [], posts.path
    if isinstance(posts, (str, Path)):
        corpus = load_posts(posts)
        return list(corpus), list(corpus.errors), str(posts)
    posts = list(posts)
    if posts and all(isinstance(p, (str, Path)) for p in posts):
        corpus = load_posts(*posts)
        return list(corpus), list(corpus.errors), str(posts[0])
    errors = list(getattr(posts, "errors", []))
    return posts, errors, None


def _settings_for(config: Config | str | Path | None, first_path: str | None) -> Config:
    """The Config to check with: the one given, the file named, or the nearest smpseo.toml above the first post."""
    if config is None or isinstance(config, (str, Path)):
        return load_config(config, search_from=first_path if first_path and Path(first_path).exists() else None)
    return config


RUN_KIND = "check-run"  # a whole run over paths, remembered by smpseo.memo


def check(posts: Corpus | Iterable[Post] | str | Path | Iterable[str | Path], config: Config | str | Path | None = None,
          keyphrase: str | None = None, *, rules: Iterable[str] | None = None, keyphrases: bool = True) -> CheckResult:
    """Check posts and return findings, per-post metrics, the coverage matrix, YAKE keyphrases and opportunities.

    `posts`: a Corpus, a list of Posts, or paths (read with `load_posts`; unreadable files go to `result.errors`).
    `config`: a Config or a path to smpseo.toml (default: the nearest smpseo.toml). `keyphrase`: a focus keyphrase
    for every post, overriding front matter. `rules`: only these rule ids. `keyphrases=False` skips YAKE.
    Raises ConfigError for bad `[rules]` settings.

    Given paths, a run over files, settings and options that have not changed since the last such run returns that
    run's result from the cache without reading the posts (`smpseo.memo`).
    """
    from .. import memo

    rules = list(rules) if rules is not None else None
    paths = memo.source_paths(posts)
    if paths is None:
        return _check(posts, config, keyphrase, rules, keyphrases)
    config = _settings_for(config, str(paths[0]))
    slot = memo.run_slot(paths, keyphrase, sorted(set(rules)) if rules is not None else None, keyphrases)
    return memo.remembered(RUN_KIND, slot, lambda: [memo.sources_state(paths), memo.plain(config)],
                           lambda: _check(paths, config, keyphrase, rules, keyphrases),
                           CheckResult.to_record, CheckResult.from_record)


def _check(posts, config, keyphrase: str | None, rules: list[str] | None, keyphrases: bool) -> CheckResult:
    """`check()` worked out: read the posts (when given paths), run the rules, gather the result."""
    from ..extract import opportunities
    from ..keyphrase import Matcher, SpellingGuard
    from ..metrics import post_metrics
    from ..parallel import post_analysis
    from ..site import coverage_matrix

    post_list, errors, first_path = _as_posts(posts)
    config = _settings_for(config, first_path)
    settings = resolve_settings(config.rules, config.path or "smpseo.toml")
    selected = set(rules) if rules is not None else None
    if selected is not None:
        unknown = selected - set(RULES)
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(sorted(unknown))}")

    matcher = Matcher(config.synonyms)
    targets = [p for p in (matcher.phrase(t) for t in config.targets) if p]
    guard_terms = [*config.targets, *(s for alts in config.synonyms.values() for s in alts), *config.synonyms]
    guard = SpellingGuard(guard_terms)
    contexts = [PostContext(p, config, matcher, targets, guard, keyphrase) for p in post_list]
    counts = Counter(c.name for c in contexts)
    for ctx in contexts:  # an export or a dump holds several posts: name each "file#slug"
        if counts[ctx.name] > 1:
            ctx.name = f"{ctx.name}#{ctx.post.slug}"

    # The expensive part of each post (textstat, YAKE, sentence shares): cached, and in parallel for many posts.
    analysed = post_analysis(post_list, keyphrases)
    for ctx, done in zip(contexts, analysed, strict=True):
        ctx.__dict__["scores"] = done["scores"]  # the cached_property, worked out already
    keyphrase_terms: dict[str, list[tuple[str, float]]] = {}
    if keyphrases:
        for ctx, done in zip(contexts, analysed, strict=True):
            terms = done["terms"]
            if terms is None:
                errors.append(ReadError(ctx.name, "keyword extraction (YAKE) failed on this text; "
                                                         "no keyphrases for it", severity="warning"))
                terms = []
            keyphrase_terms[ctx.name] = terms

    # Compile every phrase before matching any text: a new word can change how texts are read (a space variant),
    # and the matcher then reads them again.
    for text in (keyphrase, config.site.city, *(p.keyphrase for p in post_list)):
        if text:
            matcher.phrase(text)
    site = SiteContext(contexts, config, matcher, keyphrase_terms)
    active = [r for r in RULES.values() if settings[r.id].enabled and (selected is None or r.id in selected)]
    if any(r.id == "SITE406" for r in active):
        for ctx in contexts:
            site.topic(ctx)

    hits: list[tuple[PostContext, Rule, Hit]] = []
    for ctx in contexts:
        disabled = disabled_in_post(ctx.post.meta)
        for r in active:
            if r.scope == POST and not is_disabled(r, disabled):
                hits.extend((ctx, r, h) for h in r.func(ctx, settings[r.id].thresholds))

    for r in active:
        if r.scope == SITE:
            for ctx, h in r.func(site, settings[r.id].thresholds):
                if not is_disabled(r, disabled_in_post(ctx.post.meta)):
                    hits.append((ctx, r, h))

    findings = _findings(hits, settings)
    result = CheckResult(findings=findings, errors=errors, keyphrases=keyphrase_terms)
    for ctx, done in zip(contexts, analysed, strict=True):
        metrics = post_metrics(ctx.post, scores=ctx.scores, target_counts=ctx.target_counts,
                               terms=keyphrase_terms.get(ctx.name), shares=done["shares"])
        metrics["keyphrase"] = ctx.focus.text if ctx.focus else ""
        metrics["keyphrase_source"] = ctx.focus_source
        metrics["keyphrase_count"] = len(ctx.find(ctx.focus)) if ctx.focus else 0
        result.posts.append({"path": ctx.name, "title": ctx.post.title, "metrics": metrics})
    result.coverage = coverage_matrix(contexts, targets)
    if keyphrases:
        known = " ".join([config.site.name, config.site.city, config.site.region])
        result.opportunities = opportunities(keyphrase_terms, targets, matcher, known=known)
    return result


_INLINE_RE = re.compile(r"<!--\s*smpseo-disable-(next-)?line\b(.*?)-->")


def _findings(hits, settings) -> list[Finding]:
    lines_cache: dict[str, list[str] | None] = {}
    out = []
    for ctx, r, h in hits:
        severity = settings[r.id].severity
        if r.uses_keyphrase and ctx.inferred and SEVERITIES.index(severity) < SEVERITIES.index("info"):
            severity = "info"  # a keyphrase we guessed: say it, but do not fail the post on it
        line, column = h.line, h.column
        lines = _source_lines(ctx.post, lines_cache)
        if lines and line > 0:
            if ctx.post.format in ("markdown", "html") and _inline_disabled(lines, line, r):
                continue
            if h.match:
                column = _refine_column(lines, line, column, h.match)
        out.append(Finding(path=ctx.name, line=line, column=column, rule=r.id, category=r.category,
                           severity=severity, message=h.message, match=h.match, hint=h.hint or r.hint))
    out.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return out


def _source_lines(post: Post, cache) -> list[str] | None:
    """The lines of the file a post was read from (findings count lines in it), read once per file."""
    if not post.path:
        return None
    lines = cache.get(post.path, False)
    if lines is False:
        try:
            lines = Path(post.path).read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            lines = None
        cache[post.path] = lines
    return lines


def _inline_disabled(lines: list[str], line: int, r: Rule) -> bool:
    """`<!-- smpseo-disable-line RD104 -->` on the finding's line, or `<!-- smpseo-disable-next-line ... -->` on
    the line before it (no ids: every rule)."""
    for index, wants_next in ((line - 1, False), (line - 2, True)):
        if 0 <= index < len(lines) and "smpseo-disable" in lines[index]:
            for m in _INLINE_RE.finditer(lines[index]):
                if bool(m.group(1)) != wants_next:
                    continue
                names = {x for x in re.split(r"[\s,]+", m.group(2).strip()) if x}
                if not names or names & {r.id, r.name, r.category}:
                    return True
    return False


def _refine_column(lines: list[str], line: int, column: int, match: str) -> int:
    """The column of `match`'s first word on the source line, nearest the estimate (markup shifts estimates)."""
    if line > len(lines):
        return column
    src = lines[line - 1]
    first = re.match(r"\s*(\S{1,40})", match)
    if not first:
        return column
    probe = first.group(1)
    if src.startswith(probe, column - 1):
        return column
    spots = [m.start() + 1 for m in re.finditer(re.escape(probe), src)]
    if not spots:
        return column
    return min(spots, key=lambda c: abs(c - column))


def check_examples(r: Rule, example: Example) -> list[Finding]:
    """Run one rule on one of its examples with EXAMPLE_CONFIG; the findings it yields."""
    from ..readers.markdown import parse_markdown

    texts = example.text.split(sitewide.SEP) if r.scope == SITE else [example.text]
    posts = [parse_markdown(t, f"example-{i}.md") for i, t in enumerate(texts)]
    result = check(posts, EXAMPLE_CONFIG, example.keyphrase, rules=[r.id], keyphrases=r.id == "SITE406")
    return [f for f in result.findings if f.rule == r.id]


__all__ = ["RULES", "EXAMPLE_CONFIG", "Rule", "check", "check_examples", "rules", "rules_markdown"]
