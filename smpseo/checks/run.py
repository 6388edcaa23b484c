"""Running the rules over posts already read: findings, per-post metrics, the coverage matrix and keyphrases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from smpseo.analysis.context import PostContext
from smpseo.analysis.extract import opportunities
from smpseo.analysis.keyphrase import Match, Matcher
from smpseo.analysis.links import OnDisk
from smpseo.analysis.metrics import analyse, post_metrics, post_work
from smpseo.analysis.site import coverage_matrix
from smpseo.analysis.spelling import SpellingGuard
from smpseo.checks.columns import refine_column
from smpseo.checks.engine import (
    POST,
    RULES,
    SITE,
    Hit,
    Rule,
    disabled_in_post,
    is_disabled,
    resolve_settings,
    without_yielded,
)
from smpseo.checks.rating import rating, top_fixes
from smpseo.checks.select import INLINE_FORMATS, inline_disabled, switch_problems
from smpseo.checks.sitewide import SiteContext
from smpseo.core.budget import BudgetExceeded, time_budget
from smpseo.core.language import stem
from smpseo.core.settings import Config
from smpseo.core.text import WORD_RE, clean_text, source_column
from smpseo.model.post import Post, ReadError, post_names
from smpseo.model.results import SEVERITIES, CheckResult, Finding

# The lines of the file a post was read from (findings count lines in it), or None when they cannot be had.
SourceLines = Callable[[Post], "list[str] | None"]


RULE_SECONDS = 20.0  # the post rules' budget for one post: a 5 MB post is checked in a few seconds


def run_rules(post_list: list[Post], errors: list[ReadError], config: Config, keyphrase: str | None = None,
              rules: list[str] | None = None, keyphrases: bool = True, *, analysed: list[dict] | None = None,
              source_lines: SourceLines | None = None, debug: bool = False,
              on_disk: OnDisk | None = None) -> CheckResult:
    """Run the rules (all, or the ids in `rules`) over posts. `analysed`: each post's `analyse()` result when the
    caller has it already (cached, or from worker processes); `source_lines`: how to get a post's source lines,
    for inline suppressions and exact columns; `debug`: a check's bug on a post raises, rather than being that
    post's one line; `on_disk`: whether a file a link names is on disk (without it, no link is said broken).

    The same three steps as an incremental run (`smpseo.app.check`), with nothing taken from a cache: `prepare`
    the run, one `post_summary` per post, then `assemble` the site-level results from the summaries."""
    run = prepare(post_list, config, keyphrase, rules, keyphrases, debug, on_disk)
    if analysed is None:
        analysed = [analyse(post_work(p), keyphrases) for p in post_list]
    summaries = [post_summary(run, ctx, done, source_lines) for ctx, done in zip(run.contexts, analysed, strict=True)]
    return assemble(run, summaries, errors, source_lines)


@dataclass
class Run:
    """What every post of a run is checked against: the settings, the rules to run, the matcher with every phrase
    of the run compiled (targets, the city, `--keyphrase`, each post's keyphrase), and a context per post."""

    config: Config
    settings: dict
    active: list[Rule]
    matcher: Matcher
    targets: list
    keyphrase: str | None
    keyphrases: bool
    contexts: list[PostContext]
    debug: bool = False  # a check's bug on a post raises (`smpseo --debug`), rather than being that post's one line
    on_disk: OnDisk | None = None  # whether a file a link names is on disk (SITE407 says no link broken without it)
    # each file's lines as the reader saw them (`_Cleaned`), by the lines' id: cleaned once for all its posts
    cleaned: dict = field(default_factory=dict, repr=False, compare=False)


def prepare(post_list: list[Post], config: Config, keyphrase: str | None = None, rules: list[str] | None = None,
            keyphrases: bool = True, debug: bool = False, on_disk: OnDisk | None = None) -> Run:
    """Settings, matcher and contexts for a run over these posts. Raises ValueError for unknown rule ids."""
    settings = resolve_settings(config.rules, config.path or "smpseo.toml")
    selected = set(rules) if rules is not None else None
    if selected is not None:
        unknown = selected - set(RULES)
        if unknown:
            raise ValueError(f"unknown rule id(s): {', '.join(sorted(unknown))}")
    matcher = Matcher(config.synonyms)
    targets = [p for p in (matcher.phrase(t) for t in config.targets) if p]
    # the terms a typo is looked for in: targets, synonyms and the business name (a one-word city's typos are
    # LOC305's, so every studio's one-word city is left out: one typo, one finding)
    cities = {c.lower() for c in config.site.cities if " " not in c}
    guard_terms = [*config.targets, *(s for alts in config.synonyms.values() for s in alts), *config.synonyms,
                   config.site.name]
    if cities:
        guard_terms = [" ".join(w for w in t.split() if w.lower() not in cities) for t in guard_terms]
    guard = SpellingGuard(guard_terms)
    # Compile every phrase before matching any text: a new word can change how texts are read (a space variant),
    # so each post is read with the same words known however many of the posts are checked afresh.
    for text in (keyphrase, *config.site.cities, *(p.keyphrase for p in post_list)):
        if text:
            matcher.phrase(text)
    contexts = [PostContext(p, config, matcher, targets, guard, keyphrase) for p in post_list]
    for ctx, name in zip(contexts, post_names(post_list), strict=True):  # "file#slug" inside an export or a dump
        ctx.name = name
    active = [r for r in RULES.values() if settings[r.id].enabled and (selected is None or r.id in selected)]
    return Run(config, settings, active, matcher, targets, keyphrase, keyphrases, contexts, debug, on_disk)


def reading_state(run: Run) -> list:
    """What reading a post's text depends on besides the post and the settings: the words the matcher knows and
    the keys each compiled phrase got. A post's summary is valid for another run with the same state."""
    matcher = run.matcher
    return [sorted(matcher.vocabulary), [[p.text, list(p.keys), list(p.keys_for(False))]
                                         for p in matcher.compiled()]]


def post_summary(run: Run, ctx: PostContext, done: dict, source_lines: SourceLines | None = None) -> dict:
    """Everything about one post that depends on that post alone (and the run's settings and phrases), as plain
    data: its findings from post-scoped rules (without the post's name, which depends on the other posts), its
    metrics, its cells of the coverage matrix, the counts and word keys the site-level rules read, and its
    `analyse()` result. `assemble` makes the run's result from these."""
    ctx.__dict__["scores"] = done["scores"]  # the cached_property, worked out already
    disabled = disabled_in_post(ctx.post.meta)
    not_checked = ""
    try:  # all of one post's work, its measures too: one pathological post is one line, never a run that does not end
        with time_budget(RULE_SECONDS):
            hits = without_yielded((ctx, r, h) for r in run.active if r.scope == POST and not is_disabled(r, disabled)
                                   for h in r.func(ctx, run.settings[r.id].thresholds))
            reading = _reading(run.matcher, ctx)  # what the site-level rules read of it
            measures = _measures(run, ctx, done)
    except Exception as exc:  # over its limit, or a check's bug on this post: one line, the others are checked
        if not isinstance(exc, BudgetExceeded) and run.debug:
            raise
        hits, reading = [], {"words": "", "joins": "", "hyphens": ""}
        measures = _measures(run, ctx, done, counted=False)
        not_checked = f"not checked: its checks {exc} (the limit for one post)" if isinstance(exc, BudgetExceeded) \
            else f"not checked: a check failed on it: {type(exc).__name__}: {exc} (run with --debug for details)"
    findings = [[f.line, f.column, f.rule, f.category, f.severity, f.message, f.match, f.hint]
                for f in _findings(hits, run.settings, source_lines, run.cleaned)]
    grades: dict[str, int] = {}  # the rating's score of a finding that says how far the post misses, by rule
    for _, r, h in hits:
        if h.grade is not None:
            grades[r.id] = min(grades.get(r.id, h.grade), h.grade)
    return {"findings": findings, "grades": grades, **measures, **reading, "analysed": done,
            "not_checked": not_checked,
            "switches": switch_problems(ctx.post, lambda: source_lines(ctx.post) if source_lines else None)}


def _measures(run: Run, ctx: PostContext, done: dict, counted: bool = True) -> dict:
    """A post's metrics, target counts and cells of the coverage matrix. Without `counted` (a post not checked),
    only what its reading and analysis gave already: nothing is searched for in it, and no target counted."""
    terms = done.get("terms") or [] if run.keyphrases else None
    metrics = post_metrics(ctx.post, scores=ctx.scores, target_counts=ctx.target_counts if counted else None,
                           terms=[tuple(t) for t in terms] if terms is not None else None, shares=done["shares"],
                           long_words=run.settings["RD101"].thresholds["max_words"])
    focus = ctx.focus if counted else None
    metrics["keyphrase"] = focus.text if focus else ctx.keyphrase_text
    metrics["keyphrase_source"] = ctx.focus_source if counted else ""
    metrics["keyphrase_count"] = len(ctx.find(focus)) if focus else 0
    coverage = [[cell["count"], cell["placements"]] for cell in coverage_matrix([ctx], run.targets)] if counted \
        else [[0, []] for _ in run.targets]
    counts = ctx.target_counts if counted else {t.text: 0 for t in run.targets}  # the site rules read none in it
    return {"metrics": metrics, "target_counts": counts, "coverage": coverage}


def _reading(matcher: Matcher, ctx: PostContext) -> dict:
    """How a post's prose can be read once more phrases are compiled (the site-level rules search it after each
    post's topic is). `words` and the joined keys of `joins` are every word key it could yield whatever words the
    matcher knows (its keys now, each word's key, each hyphenated word whole and in parts, each pair of neighbouring
    words joined as a space variant, and the terms of the synonyms these spell): a phrase whose keys are not all
    among them cannot match in the post. `joins` (each joined key followed by the first word's first letters) and
    `hyphens` are what `signature` reads. Each is one string of space-separated keys (keys hold no spaces): a
    blog's worth of them stays small in memory and quick to read."""
    found, joins, hyphens = set(ctx.words_keys).union(*ctx.block_keys(True)), set(), set()
    for block in ctx.prose:
        words = WORD_RE.findall(block.text)
        found.update(map(stem, words))
        joins.update(f"{_joined_stem(a + b)} {a[:4].lower()}" for a, b in zip(words, words[1:], strict=False))
        for w in words:
            if "-" in w:
                hyphens.add(stem(w))
                found.update(part for part in map(stem, w.split("-")) if part)
    every = found | {j.split(" ", 1)[0] for j in joins}
    for skeys, ckeys in matcher.synonym_keys():
        if every.issuperset(skeys):
            found.update(ckeys)
    return {"words": " ".join(sorted(found)), "joins": " ".join(sorted(joins)), "hyphens": " ".join(sorted(hyphens))}


def signature(matcher: Matcher, summary: dict, known: tuple | None = None) -> list:
    """What reading a post's prose depends on among the words the matcher knows now: the space variants that would
    be joined and the hyphenated words read whole. Two matchers with the same signature for a post find the same
    matches in it. `known`: `known_words(matcher)`, when the caller asks for many posts' signatures at once."""
    vocab, heads = known or known_words(matcher)
    parts = summary["joins"].split()
    joined = vocab.intersection(parts[::2])  # most posts join no word pair the matcher knows
    if joined:
        joined = {j for j, head in zip(parts[::2], parts[1::2], strict=True) if j in joined and head in heads}
    return [sorted(joined), [h for h in summary["hyphens"].split() if h in vocab]]


def known_words(matcher: Matcher) -> tuple[frozenset[str], set[str]]:
    """The words the matcher knows now, and their first four letters (what `signature` reads)."""
    vocab = matcher.vocabulary
    return vocab, {k[:4] for k in vocab}


def _joined_stem(word: str) -> str:
    return stem.__wrapped__(word)  # not cached: word pairs are many and seen once; the cache keeps single words


# The matches of topics found in a post in an earlier run, kept by the caller under the post and its `signature`:
# phrase text -> [its keys, [[prose block index, start, end, matched text, reasons], ...]]. Filled in by `assemble`.
KeptMatches = Callable[[int, list], dict]


def assemble(run: Run, summaries: list[dict], errors: list[ReadError], source_lines: SourceLines | None = None,
             kept: KeptMatches | None = None) -> CheckResult:
    """The run's result from every post's summary: the site-level rules, the findings in order, the metrics, the
    coverage matrix, the keyphrases and the opportunities. `kept(i, signature)`: the topic matches kept for post `i`
    (a dict, updated here with the ones this run searched for)."""
    errors = list(errors)
    # Fresh contexts, holding only what the summaries say: the site-level rules then see the same posts whether
    # their summaries were worked out in this run or kept from an earlier one.
    contexts = []
    for old, summary in zip(run.contexts, summaries, strict=True):
        ctx = PostContext(old.post, old.config, old.matcher, old.targets, old.guard, run.keyphrase)
        ctx.name = old.name
        ctx.__dict__["scores"] = summary["analysed"]["scores"]
        ctx.__dict__["target_counts"] = summary["target_counts"]
        ctx.__dict__["words_keys"] = frozenset(summary["words"].split()).union(summary["joins"].split()[::2])
        contexts.append(ctx)
    keyphrase_terms: dict[str, list[tuple[str, float]]] = {}
    if run.keyphrases:
        for ctx, summary in zip(contexts, summaries, strict=True):
            terms = summary["analysed"]["terms"]
            if terms is None:
                errors.append(ReadError(ctx.name, "keyword extraction (YAKE) failed on this text; "
                                                  "no keyphrases for it", severity="warning"))
                terms = []
            keyphrase_terms[ctx.name] = [(str(t), float(s)) for t, s in terms]
    errors += [ReadError(ctx.name, summary["not_checked"]) for ctx, summary in zip(contexts, summaries, strict=True)
               if summary.get("not_checked")]
    errors += [ReadError(ctx.post.path or ctx.name, message, line, severity="warning")
               for ctx, summary in zip(contexts, summaries, strict=True) for line, message in summary.get("switches", ())]

    site = SiteContext(contexts, run.config, run.matcher, keyphrase_terms, on_disk=run.on_disk)
    kept_matches = None
    if any(r.id == "SITE406" for r in run.active):
        for ctx in contexts:
            site.topic(ctx)
        if kept is not None:
            topics = {p.text: p for p in site.about.values() if p}
            known = known_words(run.matcher)
            kept_matches = [_recall(ctx, kept(i, signature(run.matcher, summary, known)), topics)
                            for i, (ctx, summary) in enumerate(zip(contexts, summaries, strict=True))]
    hits: list[tuple[PostContext, Rule, Hit]] = []
    # a post not checked is judged by no rule, site-wide ones too (no "orphan" for a post that was not read through)
    unchecked = {ctx.name for ctx, summary in zip(contexts, summaries, strict=True) if summary.get("not_checked")}
    for r in run.active:
        if r.scope == SITE:
            for ctx, h in r.func(site, run.settings[r.id].thresholds):
                if ctx.name not in unchecked and not is_disabled(r, disabled_in_post(ctx.post.meta)):
                    hits.append((ctx, r, h))

    if kept_matches is not None:
        for ctx, matches in zip(contexts, kept_matches, strict=True):
            _remember(ctx, matches, topics)
    findings = [Finding(ctx.name, *f) for ctx, summary in zip(contexts, summaries, strict=True)
                for f in summary["findings"]]
    findings += _findings(hits, run.settings, source_lines, run.cleaned)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    result = CheckResult(findings=findings, errors=errors, keyphrases=keyphrase_terms)
    by_post: dict[str, list[Finding]] = {}
    for f in findings:
        by_post.setdefault(f.path, []).append(f)
    for ctx, summary in zip(contexts, summaries, strict=True):
        disabled = disabled_in_post(ctx.post.meta)
        ran = [r.id for r in run.active if not is_disabled(r, disabled)]
        mine = by_post.get(ctx.name, [])
        grades = summary["grades"]
        checked = not summary.get("not_checked")  # a post not checked has no rating: it is none of good, ok, poor
        result.posts.append({"path": ctx.name, "slug": ctx.post.slug, "title": ctx.post.title,
                             "metrics": summary["metrics"], "rating": rating(mine, ran, grades) if checked else None,
                             "fixes": top_fixes(mine, ran, grades=grades) if checked else [],
                             **({} if checked else {"not_checked": summary["not_checked"]})})
    for i, t in enumerate(run.targets):
        for ctx, summary in zip(contexts, summaries, strict=True):
            if summary.get("not_checked"):  # its counts are not known
                continue
            count, placed = summary["coverage"][i]
            result.coverage.append({"target": t.text, "path": ctx.name, "title": ctx.post.title, "count": count,
                                    "placements": placed})
    if run.keyphrases:
        config = run.config
        known = " ".join([config.site.name, *config.site.places])
        result.opportunities = opportunities(keyphrase_terms, run.targets, run.matcher, known=known)
    return result


def _recall(ctx: PostContext, matches: dict, topics: dict) -> dict:
    """Put the kept matches of this run's topics into the context, as if searched already."""
    for text, (keys, found) in matches.items():
        phrase = topics.get(text)
        if phrase is not None and _phrase_keys(phrase) == keys:
            ctx.recall(text, [(ctx.prose[b], Match(text, m, start, end, tuple(reasons)))
                              for b, start, end, m, reasons in found])
    return matches


def _remember(ctx: PostContext, matches: dict, topics: dict) -> None:
    """Add to `matches` every topic this run searched the post for (where its words are all within reach)."""
    index = {id(b): i for i, b in enumerate(ctx.prose)}
    for (text, synonyms), found in ctx.searched().items():
        phrase = topics.get(text)
        if synonyms or phrase is None or not set(phrase.keys_for(False)) <= ctx.words_keys \
                or matches.get(text, [None])[0] == _phrase_keys(phrase):
            continue
        matches[text] = [_phrase_keys(phrase), [[index[id(b)], m.start, m.end, m.text, list(m.reasons)]
                                                for b, m in found]]


def _phrase_keys(phrase) -> list:
    """A compiled phrase's keys, folded and as written: the same text compiled alike."""
    return [list(phrase.keys), list(phrase.keys_for(False))]


class _Cleaned(Sequence[str]):
    """A file's lines as the reader saw them (`clean_text`), each cleaned when first looked at: a finding looks at
    two or three lines of a file that may hold hundreds of posts, each with findings."""

    def __init__(self, written: list[str]):
        self.written = written
        self.seen: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.written)

    def __getitem__(self, index: int) -> str:
        if index not in self.seen:
            self.seen[index] = clean_text(self.written[index])
        return self.seen[index]


def _findings(hits, settings, source_lines: SourceLines | None, cleaned: dict) -> list[Finding]:
    """Findings from hits, in the hits' order (`assemble` sorts them all). `cleaned`: the run's `_Cleaned` lines of
    each file, by the id of its lines: the posts of one export share them, and their cleaning (a line of a file on
    one line, cleaned again for each of its posts, took a time growing with the square of its posts)."""
    lines_cache: dict[int, tuple[list[str] | None, _Cleaned | None]] = {}
    out = []
    for ctx, r, h in hits:
        severity = settings[r.id].severity
        if r.uses_keyphrase and ctx.inferred and SEVERITIES.index(severity) < SEVERITIES.index("info"):
            severity = "info"  # a keyphrase we guessed: say it, but do not fail the post on it
        line, column = h.line, h.column
        if source_lines is None:
            written = lines = None
        elif id(ctx.post) in lines_cache:
            written, lines = lines_cache[id(ctx.post)]
        else:
            written = source_lines(ctx.post)  # the lines as the file has them; `lines` as the reader saw them
            if written and cleaned.get(id(written), (None,))[0] is not written:  # (the lines kept: an id never reused)
                cleaned[id(written)] = written, _Cleaned(written)
            lines = cleaned[id(written)][1] if written else None
            lines_cache[id(ctx.post)] = written, lines
        if lines and line > 0:
            if ctx.post.format in INLINE_FORMATS and inline_disabled(lines, line, r):
                continue
            if h.match:
                column = refine_column(lines, line, column, h.match)
            if line <= len(lines) and lines[line - 1] != written[line - 1]:
                column = source_column(written[line - 1], column)
        out.append(Finding(path=ctx.name, line=line, column=column, rule=r.id, category=r.category,
                           severity=severity, message=h.message, match=h.match, hint=h.hint or r.hint))
    return out
