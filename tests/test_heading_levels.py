"""SEO222: a heading of a post's body that skips levels, and never the first heading against the title or a saved
page's theme headings."""

from __future__ import annotations

from pathlib import Path

import smpseo

SETTINGS = '[site]\nname = "Northside Dots"\ncity = "Leeds"\n'


def post(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


def _skipped(root: Path, name: str, text: str) -> list[str]:
    (root / name).write_text(text, encoding="utf-8")
    return [f"{f.line} {f.message}" for f in smpseo.check(str(root / name), rules="SEO222", keyphrases=False).findings]


def test_a_heading_that_skips_levels_in_the_body(tmp_path):
    root = tmp_path
    (root / "smpseo.toml").write_text(SETTINGS, encoding="utf-8")
    assert _skipped(root, "a.md", post("Cost", "### Deposit\n\nText.\n\n## Pain\n\nText.\n\n#### Numbing\n\nText."
                                               "\n\n##### Cream\n\nText.\n\n## Healing\n\nText.")) == [
        "13 Heading 'Numbing' is H4 right after an H2 (no H3 between)"]
    # a Markdown post whose title is its H1: the first heading after it is not compared with it
    assert _skipped(root, "b.md", "# Does SMP hurt\n\n### Numbing\n\nText.\n\n#### Cream\n\nText.") == []


def test_a_saved_page_s_theme_headings_are_not_the_body_s(tmp_path):
    root = tmp_path
    (root / "smpseo.toml").write_text(SETTINGS, encoding="utf-8")
    page = ("<html><head><title>Pain</title></head><body><header><h1>Northside Dots</h1></header><main><article>"
            "<h1>Does SMP hurt</h1>\n<p>A little.</p>\n<h2>Numbing</h2>\n<p>Cream helps.</p>\n<h4>Which cream</h4>\n"
            "<p>Ask us.</p></article></main><aside><h2>Recent posts</h2><h5>Cost</h5></aside>"
            "<footer><h6>Contact</h6></footer></body></html>\n")
    assert _skipped(root, "pain.html", page) == ["5 Heading 'Which cream' is H4 right after an H2 (no H3 between)"]
