"""A rating per post, worked out from its findings the way Yoast works out its traffic lights, and the fixes that
raise it most.

Each rule answers one assessment (several rules can answer one: the keyphrase in the title and its position). An
assessment without a finding scores 9 (green); with one, the score Yoast's scoring documentation gives that
failure (`SEO_SCORES`, `READABILITY_PENALTIES`). Where Yoast's score depends on how far the post misses (its
length, the keyphrase's density and distribution, the share of long or passive sentences, the longest paragraph),
the rule's finding carries that score (its `grade`, in `grades` by rule), and it replaces the rule's own: a 40-word
post scores -20 for its length, as in Yoast, where a flat score rated it `good`; 27 % of long sentences are orange
(2 points), 40 % red (3).

- SEO: the scores of the assessments that apply, added up, as a share of 9 each (0-100); above 70 is `good`,
  above 40 `ok`, else `poor` (Yoast's SEO score and its bands).
- Readability: penalty points for each assessment that fails (3 for a red one, 2 for an orange one); more than 6
  is `poor`, more than 4 `ok`, else `good` (Yoast's readability score).

Only the rules that answer one of Yoast's assessments are scored, so the rating means what Yoast's does; the others
(local SEO, misspellings, missing alt text, reading ease, the site rules but the shared keyphrase) are advice that
the list of fixes still brings up. A post without a focus keyphrase scores as Yoast's keyphrase length does then
(red); its placement checks use the keyphrase inferred for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from smpseo.model.results import SEVERITY_ORDER

GOOD, OK, POOR = "good", "ok", "poor"
PASS_SCORE = 9

# rule -> ((assessment, score when the rule has a finding), ...)
SEO_SCORES: dict[str, tuple[tuple[str, int], ...]] = {
    "SEO201": (("keyphraseLength", 3),),
    "SEO202": (("keyphraseLength", 6),),
    "SEO203": (("keyphraseInSEOTitle", 2),),
    "SEO221": (("keyphraseInSEOTitle", 6),),
    "SEO204": (("slugKeyword", 6),),
    "SEO205": (("introductionKeyword", 3),),
    "SEO206": (("metaDescriptionLength", 1), ("metaDescriptionKeyword", 3)),
    "SEO207": (("metaDescriptionLength", 6),),
    "SEO208": (("metaDescriptionKeyword", 3),),
    "SEO209": (("subheadingsKeyword", 3),),
    "SEO210": (("imageKeyphrase", 6),),
    "SEO219": (("images", 3), ("imageKeyphrase", 3)),
    "SEO212": (("keyphraseDensity", 4),),
    "SEO213": (("keyphraseDistribution", 6),),
    "SEO214": (("textCompetingLinks", 2),),
    "SEO216": (("titleWidth", 3),),
    "SEO217": (("singleH1", 1),),
    "SEO218": (("internalLinks", 3),),
    "SEO220": (("externalLinks", 3),),
    "RD107": (("textLength", 6),),
    "SITE401": (("previouslyUsedKeywords", 6),),
    "SITE402": (("previouslyUsedKeywords", 6),),
}
READABILITY_PENALTIES: dict[str, tuple[str, int]] = {
    "RD101": ("textSentenceLength", 3),
    "RD102": ("textParagraphTooLong", 2),
    "RD103": ("subheadingsTooLong", 3),
    "RD104": ("passiveVoice", 3),
    "RD105": ("textTransitionWords", 3),
    "RD106": ("sentenceBeginnings", 3),
}
EMPTY: Mapping[str, int] = MappingProxyType({})


def orange_or_red(near: bool) -> int:
    """Yoast's score of a readability assessment that fails: 6 (orange) when the post misses by a little, else 3."""
    return 6 if near else 3


def penalty(score: int) -> int:
    """Yoast's readability penalty points for an assessment's score: 3 for red (up to 4), 2 for orange (up to 7)."""
    return 3 if score <= 4 else 2 if score <= 7 else 0


def text_length_score(words: int, minimum: int) -> int:
    """Yoast's score for a post's length: 9 from `minimum` words (300), 6 from five sixths of it (250), 3 from two
    thirds (200), -10 from a third (100), and -20 below; the steps are Yoast's, as shares of the minimum set."""
    for share, score in ((1, PASS_SCORE), (5 / 6, 6), (2 / 3, 3), (1 / 3, -10)):
        if words >= share * minimum:
            return score
    return -20


def rating(findings: Iterable[Any], active: Iterable[str], grades: Mapping[str, int] = EMPTY) -> dict[str, str]:
    """{"seo": good|ok|poor, "readability": good|ok|poor} for one post's findings, given the rules that ran.
    `grades`: rule -> the score its finding earns in this post, where it is not the rule's fixed one."""
    total, points = _totals(findings, active, grades)
    return {"seo": GOOD if round(total) > 70 else OK if round(total) > 40 else POOR,
            "readability": POOR if points > 6 else OK if points > 4 else GOOD}


def _totals(findings: Iterable[Any], active: Iterable[str], grades: Mapping[str, int]) -> tuple[float, int]:
    """(the SEO score, 0-100; the readability penalty points) of one post's findings."""
    seo, penalties = _scores(findings, active, grades)
    return (100 * sum(seo.values()) / (PASS_SCORE * len(seo)) if seo else 0.0), sum(penalties.values())


def _score(rule_id: str, score: int, grades: Mapping[str, int]) -> int:
    """A rule's SEO score in this post: its finding's grade, else the rule's fixed `score`."""
    return grades.get(rule_id, score)


def _points(rule_id: str, grades: Mapping[str, int]) -> int:
    """A readability rule's penalty points in this post: those of its finding's grade, else the rule's fixed ones."""
    return penalty(grades[rule_id]) if rule_id in grades else READABILITY_PENALTIES[rule_id][1]


def _scores(findings: Iterable[Any], active: Iterable[str],
            grades: Mapping[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """(SEO assessment -> score, readability assessment -> penalty points)."""
    seo: dict[str, int] = {}
    readability: dict[str, int] = {}
    for rule_id in active:
        if rule_id in READABILITY_PENALTIES:
            readability.setdefault(READABILITY_PENALTIES[rule_id][0], 0)
        for name, _ in SEO_SCORES.get(rule_id, ()):
            seo.setdefault(name, PASS_SCORE)
    for f in findings:
        if f.rule in READABILITY_PENALTIES:
            name = READABILITY_PENALTIES[f.rule][0]
            readability[name] = max(readability.get(name, 0), _points(f.rule, grades))
        for name, score in SEO_SCORES.get(f.rule, ()):
            seo[name] = min(seo.get(name, PASS_SCORE), _score(f.rule, score, grades))
    return seo, readability


def top_fixes(findings: Iterable[Any], active: Iterable[str], limit: int = 3,
              grades: Mapping[str, int] = EMPTY) -> list[dict[str, Any]]:
    """The `limit` fixes that raise the post's rating most, best first: one per rule (its first finding, saying how
    many more there are), ranked by what fixing all of the rule's findings gains (its assessment passing): the
    rating's steps first (poor to ok, ok to good, SEO and readability added up), then its points (an SEO point out
    of 100, ten for a readability penalty point), then errors before warnings, then by where it is. Each: rule,
    line, column, message, hint. `grades`: as for `rating`."""
    findings = [f for f in findings if f.rule != "SITE406"]  # link suggestions are offers, listed on their own
    active = list(active)
    before = rating(findings, active, grades)
    seo_before, points_before = _totals(findings, active, grades)
    steps = {POOR: 0, OK: 1, GOOD: 2}

    def gain(rule_id: str) -> tuple[int, float]:
        rest = [f for f in findings if f.rule != rule_id]
        after = rating(rest, active, grades)
        seo, points = _totals(rest, active, grades)
        return (sum(steps[after[k]] - steps[before[k]] for k in before),
                seo - seo_before + 10.0 * (points_before - points))

    first: dict[str, Any] = {}
    many: dict[str, int] = {}
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        first.setdefault(f.rule, f)
        many[f.rule] = many.get(f.rule, 0) + 1
    gains = {rule_id: gain(rule_id) for rule_id in first}
    ranked = sorted(first.values(), key=lambda f: (-gains[f.rule][0], -round(gains[f.rule][1], 6),
                                                   SEVERITY_ORDER.get(f.severity, 3), f.line))
    return [{"rule": f.rule, "line": f.line, "column": f.column, "hint": f.hint,
             "message": f.message + (f" (and {many[f.rule] - 1} more like it)" if many[f.rule] > 1 else "")}
            for f in ranked[:limit]]
