"""A draft that is an update of a published post (the same slug, or the same address) takes that post's place in
every comparison of the pre-publish report with the blog: it does not compete with it for its keyphrase, the blog
average and the FAQ table's other posts leave it out, and the page says once that the draft replaces it."""

from __future__ import annotations

from pathlib import Path

import pytest

from smpseo.app.report.prepublish import prepublish_report
from smpseo.views import notebook as show

FIXTURES = Path(__file__).parent / "fixtures"
POSTS = FIXTURES / "gaps" / "posts"
PUBLISHED = POSTS / "does-scalp-micropigmentation-hurt.md"


def _draft(tmp_path, slug_line: str) -> Path:
    text = PUBLISHED.read_text(encoding="utf-8").replace(
        "slug: does-scalp-micropigmentation-hurt\n", f"{slug_line}keyphrase: does SMP hurt\n")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "update-hurt.md").write_text(text, encoding="utf-8")
    return drafts / "update-hurt.md"


@pytest.mark.parametrize("slug_line", ["slug: does-scalp-micropigmentation-hurt\n",
                                       'url: "/does-scalp-micropigmentation-hurt/"\nslug: pain-2026\n'])
def test_an_update_of_a_published_post_takes_its_place(tmp_path, slug_line):
    """It was told to merge itself with the published post ('also the focus of ...'), and the FAQ table called a
    topic the published post answers 'new on the blog'."""
    (tmp_path / "smpseo.toml").write_text((FIXTURES / "clinic.toml").read_text(encoding="utf-8"), encoding="utf-8")
    draft = prepublish_report(_draft(tmp_path, slug_line), posts=POSTS)
    assert draft.replaces is not None and Path(draft.replaces.path) == PUBLISHED
    assert draft.blog_posts == len(list(POSTS.glob("*.md"))) - 1
    assert not [f for f in draft.findings if f.rule == "SITE401"]  # no keyphrase shared with itself
    assert all(f.rule != "SITE401" for f in draft.fixes)
    heading = show.draft_heading(draft)._repr_html_()
    assert heading.count("replaces the published") == 1 and PUBLISHED.name in heading
    pain = next(t for t in draft.topics if t.id == "pain")
    assert all(Path(p.path) != PUBLISHED for p in pain.posts[1:])  # the other posts: all but the published one
    table = show.topics_answered(draft)._repr_html_()
    assert "new on the blog" not in table


def test_a_new_draft_replaces_nothing(tmp_path):
    draft = prepublish_report(_draft(tmp_path, "slug: smp-in-the-rain\n"), posts=POSTS)
    assert draft.replaces is None and draft.blog_posts == len(list(POSTS.glob("*.md")))
    assert "replaces the published" not in show.draft_heading(draft)._repr_html_()
