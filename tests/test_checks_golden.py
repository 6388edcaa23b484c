"""Every rule over real blogs gives exactly the findings it gave when this file's golden copy was written: line,
column, rule, severity, message, matched text and hint. A change in how a rule is declared must not change what
it finds; a change meant to change findings rewrites the golden file on purpose:

    SMPSEO_WRITE_GOLDEN=1 .venv/bin/python -m pytest tests/test_checks_golden.py

The blogs: the clinic's frozen posts and the report fixtures (with the clinic's settings), the Toronto and
Manchester clinics of the FAQ data set (with their own settings), each checked as it is and with a focus
keyphrase given for every post; and every rule's examples as the posts of one blog, checked by every rule
together with the examples' settings (so the rules that the real blogs never trigger are in the file too).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from smpseo.app.check import check

from .conftest import CLINIC_CONFIG, CLINIC_POSTS, FIXTURES, SHARED, shared

GOLDEN = FIXTURES / "golden" / "findings.txt"
KEYPHRASE = "scalp micropigmentation"


def _blogs() -> list[tuple[str, Path, Path | None]]:
    """(name, posts folder, settings file): the settings are the clinic's for the fixtures, a blog's own else."""
    return [("clinic", CLINIC_POSTS, CLINIC_CONFIG),
            ("report_posts", FIXTURES / "report_posts", CLINIC_CONFIG),
            ("report_hostile", FIXTURES / "report_hostile", CLINIC_CONFIG),
            ("checks", FIXTURES / "checks", CLINIC_CONFIG),
            ("faq-dev/toronto", SHARED / "corpora" / "faq-dev" / "toronto", None),
            ("faq-dev/manchester", SHARED / "corpora" / "faq-dev" / "manchester", None)]


def _examples_blog(folder: Path) -> Path:
    """Every rule's examples written as posts (a site rule's example as its several posts), in one folder."""
    from smpseo.checks import RULES
    from smpseo.checks.sitewide import SEP

    for rid in sorted(RULES):
        for i, example in enumerate(RULES[rid].examples):
            for j, text in enumerate(example.text.split(SEP)):
                (folder / f"{rid.lower()}-{i}-{j}.md").write_text(text, encoding="utf-8")
    return folder


def _findings(name: str, posts: Path, config, keyphrase: str | None) -> list[str]:
    settings = config or posts / "smpseo.toml"
    result = check(posts, config=settings, keyphrase=keyphrase)
    label = f"{name} --keyphrase '{keyphrase}'" if keyphrase else name
    out = [f"## {label}"]
    folders = sorted({str(posts) + os.sep, str(posts.resolve()) + os.sep}, key=len, reverse=True)
    for f in result.findings:
        line = f"{f.path}:{f.line}:{f.column} {f.rule} {f.severity} {f.message} | {f.match} | {f.hint}"
        for folder in folders:  # posts are named in messages too ("the topic of <path>"): by their place in the blog
            line = line.replace(folder, "")
        out.append(line)
    return out


def _all_findings(tmp: Path) -> str:
    from smpseo.checks import EXAMPLE_CONFIG

    lines: list[str] = []
    for name, posts, config in [*_blogs(), ("examples", _examples_blog(tmp), EXAMPLE_CONFIG)]:
        for keyphrase in (None, KEYPHRASE):
            lines += _findings(name, posts, config, keyphrase)
    return "\n".join(lines) + "\n"


def test_every_rule_finds_what_the_golden_file_holds(tmp_path):
    shared("corpora", "faq-dev", "toronto")
    got = _all_findings(tmp_path)
    if os.environ.get("SMPSEO_WRITE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        import difflib

        diff = "\n".join(list(difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now",
                                                   lineterm=""))[:80])
        pytest.fail(f"findings differ from {GOLDEN.name}:\n{diff}")
