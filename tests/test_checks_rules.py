"""Every rule's own examples: each must flag its should-flag texts and pass its should-pass texts.

A rule without both kinds of example fails here, so no rule ships untested.
"""

from __future__ import annotations

import pytest

from smpseo.checks import RULES, check_examples
from smpseo.model.results import CATEGORIES, SEVERITIES

CASES = [(r.id, i, e) for r in RULES.values() for i, e in enumerate(r.examples)]


def _case_id(case) -> str:
    rid, i, example = case
    return f"{rid}-{i}-{'flags' if example.flags else 'passes'}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_examples_both_ways(rule_id):
    r = RULES[rule_id]
    assert any(e.flags for e in r.examples), f"{rule_id} has no should-flag example"
    assert any(not e.flags for e in r.examples), f"{rule_id} has no should-pass example"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_declared_fully(rule_id):
    r = RULES[rule_id]
    assert r.category in CATEGORIES and r.severity in SEVERITIES
    assert r.doc and r.name and r.hint
    prefix = {"readability": "RD1", "seo": "SEO2", "local": "LOC3", "site": "SITE4"}[r.category]
    assert rule_id.startswith(prefix)
    assert all(isinstance(v, (int, float)) for v in r.thresholds.values())


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_rule_examples(case):
    """A should-flag example gives exactly the findings it lists (line:column, rule, message); a should-pass
    example gives none."""
    rid, _, example = case
    findings = check_examples(RULES[rid], example)
    got = [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings]
    if example.flags:
        assert example.expect, f"{rid}: a should-flag example must list the findings it gives: {got}"
        assert got == list(example.expect), f"{rid} on:\n{example.text}"
    else:
        assert got == [], f"{rid} should pass"


def test_rule_names_are_unique():
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))


def test_every_rule_is_documented():
    from smpseo.checks import rules_markdown

    from .conftest import ROOT

    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert rules_markdown() in docs, "docs/checks.md is out of step: paste smpseo.checks.rules_markdown() into it"


def test_every_rule_written_as_a_function_says_why():
    functions = [r.id for r in RULES.values() if r.kind == "custom" and not r.custom.strip()]
    assert functions == [], "a rule that is not a spec of a kind says why in `custom=`"


def test_the_kinds_table_names_the_rules_of_each_kind():
    """docs/checks.md's table of kinds lists, for each kind, exactly the rules declared with it."""
    import re

    from .conftest import ROOT

    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    table = docs.split("| kind | what it checks |", 1)[1].split("\n\n", 1)[0]
    listed = {m.group(1).lower(): set(m.group(2).split(", "))
              for m in re.finditer(r"^\| `(\w+)` \|.*\| ([A-Z0-9, ]+) \|$", table, re.M)}
    declared: dict[str, set[str]] = {}
    for r in RULES.values():
        if r.kind != "custom":
            declared.setdefault(r.kind, set()).add(r.id)
    assert listed == declared


def test_a_rules_description_names_no_clinic_of_its_own():
    """The descriptions and hints go out with every clinic's findings (SARIF's rule help, docs/checks.md): their
    examples are made up, not the shipped example clinic's name, city or number, which another clinic read as its
    own ("book at Advanced", "(778) 917-7772")."""
    from smpseo.checks import EXAMPLE_CONFIG

    site = EXAMPLE_CONFIG.site
    words = [site.name, site.name.split()[0], site.city, site.phone, site.phone.replace("-", " ")[:7]]
    for rule in RULES.values():
        text = f"{rule.doc} {rule.hint}".lower()
        assert not [w for w in words if w and w.lower() in text], rule.id
