"""Running the rules over posts already read: findings, per-post metrics, the coverage matrix and keyphrases."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from smpseo.analysis.context import PostContext
from smpseo.analysis.extract import opportunities
from smpseo.analysis.keyphrase import Matcher
from smpseo.analysis.metrics import analyse, post_metrics, post_work
from smpseo.analysis.site import coverage_matrix
from smpseo.analysis.spelling import SpellingGuard
from smpseo.checks.engine import POST, RULES, SITE, Hit, Rule, disabled_in_post, is_disabled, resolve_settings
from smpseo.checks.rating import rating, top_fixes
from smpseo.checks.sitewide import SiteContext
from smpseo.core.budget import BudgetExceeded, time_budget
from smpseo.core.settings import Config
from smpseo.model.post import Post, ReadError
from smpseo.model.results import SEVERITIES, CheckResult, Finding

# The lines of the file a post was read from (findings count lines in it), or None when they cannot be had.
SourceLines = Callable[[Post], "list[str] | None"]


RULE_SECONDS = 20.0  # the post rules' budget for one post: a 5 MB post is checked in a few seconds


def run_rules(post_list: list[Post], errors: list[ReadError], config: Config, keyphrase: str | None = None,
              rules: list[str] | None = None, keyphrases: bool = True, *, analysed: list[dict] | None = None,
              source_lines: SourceLines | None = None) -> CheckResult:
    """Run the rules (all, or the ids in `rules`) over posts. `analysed`: each post's `analyse()` result when the
    caller has it already (cached, or from worker processes); `source_lines`: how to get a post's source lines,
    for inline suppressions and exact columns."""
    errors = list(errors)
    settings = resolve_settings(config.rules, config.path or "smpseo.toml")
    selected = set(rules) if rules is not None else None
    if selected is not None:
        unknown = selected - set(RULES)
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(sorted(unknown))}")

    matcher = Matcher(config.synonyms)
    targets = [p for p in (matcher.phrase(t) for t in config.targets) if p]
    # the terms a typo is looked for in: targets, synonyms and the business name (a one-word city's typos are
    # LOC305's, so the city is left out: one typo, one finding)
    city = config.site.city.strip().lower()
    guard_terms = [*config.targets, *(s for alts in config.synonyms.values() for s in alts), *config.synonyms,
                   config.site.name]
    if city and " " not in city:
        guard_terms = [" ".join(w for w in t.split() if w.lower() != city) for t in guard_terms]
    guard = SpellingGuard(guard_terms)
    contexts = [PostContext(p, config, matcher, targets, guard, keyphrase) for p in post_list]
    counts = Counter(c.name for c in contexts)
    for ctx in contexts:  # an export or a dump holds several posts: name each "file#slug"
        if counts[ctx.name] > 1:
            ctx.name = f"{ctx.name}#{ctx.post.slug}"

    # The expensive part of each post (textstat, YAKE, sentence shares): cached, and in parallel for many posts.
    if analysed is None:
        analysed = [analyse(post_work(p), keyphrases) for p in post_list]
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
        try:
            with time_budget(RULE_SECONDS):  # one pathological post is one line, never a run that does not end
                mine = [(ctx, r, h) for r in active if r.scope == POST and not is_disabled(r, disabled)
                        for h in r.func(ctx, settings[r.id].thresholds)]
        except BudgetExceeded as exc:
            errors.append(ReadError(ctx.name, f"not checked: its checks {exc} (the limit for one post)"))
            continue
        hits.extend(mine)

    for r in active:
        if r.scope == SITE:
            for ctx, h in r.func(site, settings[r.id].thresholds):
                if not is_disabled(r, disabled_in_post(ctx.post.meta)):
                    hits.append((ctx, r, h))

    findings = _findings(hits, settings, source_lines)
    result = CheckResult(findings=findings, errors=errors, keyphrases=keyphrase_terms)
    by_post: dict[str, list[Finding]] = {}
    for f in findings:
        by_post.setdefault(f.path, []).append(f)
    for ctx, done in zip(contexts, analysed, strict=True):
        metrics = post_metrics(ctx.post, scores=ctx.scores, target_counts=ctx.target_counts,
                               terms=keyphrase_terms.get(ctx.name), shares=done["shares"],
                               long_words=settings["RD101"].thresholds["max_words"])
        metrics["keyphrase"] = ctx.focus.text if ctx.focus else ""
        metrics["keyphrase_source"] = ctx.focus_source
        metrics["keyphrase_count"] = len(ctx.find(ctx.focus)) if ctx.focus else 0
        disabled = disabled_in_post(ctx.post.meta)
        ran = [r.id for r in active if not is_disabled(r, disabled)]
        mine = by_post.get(ctx.name, [])
        result.posts.append({"path": ctx.name, "title": ctx.post.title, "metrics": metrics,
                             "rating": rating(mine, ran), "fixes": top_fixes(mine, ran)})
    result.coverage = coverage_matrix(contexts, targets)
    if keyphrases:
        known = " ".join([config.site.name, config.site.city, config.site.region])
        result.opportunities = opportunities(keyphrase_terms, targets, matcher, known=known)
    return result




_INLINE_RE = re.compile(r"<!--\s*smpseo-disable-(next-)?line\b(.*?)-->")


def _findings(hits, settings, source_lines: SourceLines | None) -> list[Finding]:
    lines_cache: dict[int, list[str] | None] = {}
    out = []
    for ctx, r, h in hits:
        severity = settings[r.id].severity
        if r.uses_keyphrase and ctx.inferred and SEVERITIES.index(severity) < SEVERITIES.index("info"):
            severity = "info"  # a keyphrase we guessed: say it, but do not fail the post on it
        line, column = h.line, h.column
        if source_lines is None:
            lines = None
        elif id(ctx.post) in lines_cache:
            lines = lines_cache[id(ctx.post)]
        else:
            lines = lines_cache[id(ctx.post)] = source_lines(ctx.post)
        if lines and line > 0:
            if ctx.post.format in ("markdown", "html") and _inline_disabled(lines, line, r):
                continue
            if h.match:
                column = _refine_column(lines, line, column, h.match)
        out.append(Finding(path=ctx.name, line=line, column=column, rule=r.id, category=r.category,
                           severity=severity, message=h.message, match=h.match, hint=h.hint or r.hint))
    out.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    return out


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
