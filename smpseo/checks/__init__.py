"""The rules: every check smpseo makes, its registry, and its examples.

Rules live in `readability.py` (RD1xx), `keyphrase.py`, `keyphrase_body.py` and `seo.py` (SEO2xx), `local.py`
(LOC3xx) and `sitewide.py` (SITE4xx);
`RULES` is the registry, `run.py` runs them over posts already read. See docs/checks.md.
"""

from __future__ import annotations

from smpseo.checks import keyphrase, keyphrase_body, local, readability, seo, sitewide  # noqa: F401  (registers the rules)
from smpseo.checks.engine import RULES, SITE, Example, Rule
from smpseo.checks.run import run_rules
from smpseo.core.settings import Config, Site
from smpseo.model.results import Finding

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
        out += [f"### {title}", "", "| id | name | kind | default | thresholds | what it flags |",
                "| --- | --- | --- | --- | --- | --- |"]
        for r in rules():
            if r.category != category:
                continue
            th = ", ".join(f"`{k} = {v}`" for k, v in r.thresholds.items()) or "—"
            kp = " Uses the focus keyphrase." if r.uses_keyphrase else ""
            out.append(f"| {r.id} | `{r.name}` | {r.kind} | {r.severity} | {th} | {r.doc}{kp} Fix: {r.hint} |")
        out.append("")
    functions = [r for r in rules() if r.kind == "custom"]
    if functions:
        out += ["Rules written as functions (kind `custom`), and why no kind fits them:", ""]
        out += [f"- {r.id} `{r.name}`: {r.custom}." for r in functions]
    return "\n".join(out).rstrip() + "\n"


def check_examples(r: Rule, example: Example) -> list[Finding]:
    """Run one rule on one of its examples with EXAMPLE_CONFIG; the findings it yields, with lines and columns
    read back from the example's text as from a file; no file of an example is on disk."""
    from smpseo.sources.readers.markdown import parse_markdown

    texts = example.text.split(sitewide.SEP) if r.scope == SITE else [example.text]
    posts = [parse_markdown(t, f"example-{i}.md") for i, t in enumerate(texts)]
    lines = {id(p): t.split("\n") for p, t in zip(posts, texts, strict=True)}
    result = run_rules(posts, [], EXAMPLE_CONFIG, example.keyphrase, [r.id], keyphrases=r.id == "SITE406",
                       source_lines=lambda post: lines.get(id(post)), on_disk=lambda post, path: False)
    return [f for f in result.findings if f.rule == r.id]


__all__ = ["RULES", "EXAMPLE_CONFIG", "Rule", "check_examples", "rules", "rules_markdown", "run_rules"]
