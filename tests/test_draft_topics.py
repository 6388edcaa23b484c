"""The FAQ topics a draft answers, read as if the draft were published on the blog: its passages measured against
every post (as the matcher is fitted), never against the draft alone, where each section would stand out against
the few others and nearly every topic would come out "partial"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from smpseo.app.gaps import gaps
from smpseo.app.report.prepublish import prepublish_report
from smpseo.app.settings import load_config
from smpseo.views import notebook as show

FIXTURES = Path(__file__).parent / "fixtures"
POSTS = FIXTURES / "gaps" / "posts"
CONFIG = load_config(FIXTURES / "clinic.toml")


@pytest.fixture(scope="module")
def blog():
    return gaps(str(POSTS), config=CONFIG)


def _placed_in(report, stem: str) -> set[str]:
    """The topics a whole-blog run answers in this post (its best post)."""
    return {t.id for t in report.topics if t.status == "answered" and t.posts and Path(t.posts[0].path).stem == stem}


@pytest.mark.parametrize("stem", sorted(p.stem for p in POSTS.glob("*.md")))
def test_a_draft_answers_what_the_blog_answers_in_it(blog, stem):
    """A post the whole-blog run sends readers to for a topic answers that topic as a draft on the same blog: the same
    passages, measured against the same posts, rate the same."""
    draft = gaps(str(POSTS), config=CONFIG, draft=POSTS / f"{stem}.md")
    answered = {t.id for t in draft.topics if t.status == "answered"}
    assert _placed_in(blog, stem) <= answered
    assert draft.posts == blog.posts  # the draft took its older copy's place, not a second one
    for t in draft.topics:  # the place and the evidence are the draft's, whatever the blog's other posts do
        if t.status in ("answered", "partial"):
            assert Path(t.posts[0].path).stem == stem
            assert all(Path(ev.path).stem == stem for ev in t.evidence)


def test_the_blog_s_other_posts_follow_the_draft(blog):
    """A topic other posts answer too is listed after the draft with those posts' status as the report of the blog
    without the draft (and without the copy of it the draft updates) gives it."""
    from smpseo.sources.readers import load_posts

    draft = gaps(str(POSTS), config=CONFIG, draft=POSTS / "does-scalp-micropigmentation-hurt.md")
    by_id = {t.id: t for t in draft.topics}
    rest = [p for p in load_posts(POSTS) if Path(p.path).stem != "does-scalp-micropigmentation-hurt"]
    without = {t.id: t for t in gaps(rest, config=CONFIG).topics}
    for topic in ("pain",):
        assert by_id[topic].status == "answered"
        others = [(Path(p.path).stem, p.status) for p in by_id[topic].posts[1:]]
        assert "does-scalp-micropigmentation-hurt" not in dict(others)
        assert others == [(Path(p.path).stem, p.status) for p in without[topic].posts]


def test_a_draft_not_yet_on_the_blog_is_added_to_it(tmp_path):
    """A new draft in its own folder (at an address of its own), the blog elsewhere: the report counts the blog's
    posts and the draft."""
    text = (POSTS / "does-scalp-micropigmentation-hurt.md").read_text(encoding="utf-8")
    (tmp_path / "new-draft.md").write_text(text.replace("slug: does-scalp-micropigmentation-hurt", "slug: new-draft"),
                                           encoding="utf-8")
    draft = gaps(str(POSTS), config=CONFIG, draft=tmp_path / "new-draft.md")
    assert draft.posts == len(list(POSTS.glob("*.md"))) + 1
    assert {t.id: t.status for t in draft.topics}["pain"] == "answered"


def test_a_draft_takes_the_place_of_the_post_at_its_address_in_any_format(tmp_path, blog):
    """The blog read from saved HTML, the draft its Markdown: the post at the draft's address (its slug) is the
    draft's older copy and is left out, so the draft is not measured against itself."""
    from markdown_it import MarkdownIt

    from smpseo.sources.readers import load_posts

    for post in load_posts(str(POSTS)):
        body = MarkdownIt("commonmark").render(Path(post.path).read_text(encoding="utf-8").split("---", 2)[2])
        (tmp_path / f"{post.slug}.html").write_text(
            f"<html><head><title>{post.title}</title></head><body><article><h1>{post.title}</h1>{body}</article>"
            "</body></html>", encoding="utf-8")
    draft = gaps(str(tmp_path), config=CONFIG, draft=POSTS / "does-scalp-micropigmentation-hurt.md")
    assert draft.posts == len(list(POSTS.glob("*.md")))
    assert {t.id: t.status for t in draft.topics}["pain"] == "answered"
    assert all(Path(p.path).suffix == ".html" for t in draft.topics for p in t.posts[1:])


def test_a_draft_must_be_one_post(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="empty.md"):
        gaps(str(POSTS), config=CONFIG, draft=tmp_path / "empty.md")
    with pytest.raises(TypeError, match="draft must be"):
        gaps(str(POSTS), config=CONFIG, draft=42)


def test_the_pre_publish_report_lists_what_the_draft_answers_on_the_blog(tmp_path, blog):
    """The pre-publish report of one of the clinic's posts lists every topic the blog answers in it, with the sentence
    from the draft and what the other posts say, and only counts the topics it touches on in passing."""
    for post in POSTS.glob("*.md"):
        shutil.copy(post, tmp_path / post.name)
    shutil.copy(FIXTURES / "clinic.toml", tmp_path / "smpseo.toml")
    stem = "does-scalp-micropigmentation-hurt"
    draft = prepublish_report(tmp_path / f"{stem}.md")
    listed = {t.id: t for t in draft.topics}
    assert _placed_in(blog, stem) <= {i for i, t in listed.items() if t.status == "answered"}
    assert all(t.status == "answered" or t.suggestion.action == "extend" for t in listed.values())
    html = show.topics_answered(draft)._repr_html_()
    assert "the blog&#x27;s other posts" in html or "the blog's other posts" in html
    assert listed["pain"].question in html
    if draft.passing:
        assert f"{draft.passing} more topic" in html
    assert len(listed) + draft.passing <= len(blog.topics)


def test_a_checklist_shown_again_on_save_matches_no_topics(tmp_path):
    """The pre-publish notebook's checklist, shown again on every save, needs no topics: none are matched."""
    shutil.copy(POSTS / "what-is-smp.md", tmp_path / "draft.md")
    draft = prepublish_report(tmp_path / "draft.md", topics=False)
    assert draft.topics is None and draft.gap_report is None and draft.findings
    assert "FAQ topics" in show.topics_answered(draft)._repr_html_()


def test_the_command_reports_on_a_draft(tmp_path, capsys):
    """`smpseo gaps PATH --draft FILE`: what the draft answers, where, what the other posts do; JSON names it."""
    from smpseo.cli import main

    config = str(FIXTURES / "clinic.toml")
    draft = str(POSTS / "does-scalp-micropigmentation-hurt.md")
    assert main(["gaps", str(POSTS), "--draft", draft, "--config", config, "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "does-scalp-micropigmentation-hurt.md answers, read as if published on the blog (7 other posts)" in out
    assert "Does SMP hurt?" in out and "the blog's other posts" in out
    assert main(["gaps", str(POSTS), "--draft", draft, "--config", config, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["draft"].endswith("does-scalp-micropigmentation-hurt.md")
    by_id = {t["id"]: t for t in data["topics"]}
    assert by_id["pain"]["status"] == "answered"
    # what the other posts do for it, as the text's last column says; no topic the draft leaves alone is told to
    # be written as a new post (that is the blog's report's to say)
    assert set(by_id["pain"]["on_the_blog"]) == {"status", "path", "slug", "title"}
    assert not [t["id"] for t in data["topics"] if t["suggestion"] and t["suggestion"]["action"] == "write"]
    assert main(["gaps", str(POSTS), "--draft", draft, "--config", config, "--format", "markdown"]) == 0
    assert "| answered | Does SMP hurt? |" in capsys.readouterr().out


def test_a_draft_the_command_cannot_use_is_one_line(tmp_path, capsys):
    """A draft named wrongly (no such file, a file of several posts, a folder) is a usage error, status 2; a draft
    file that cannot be read (empty, binary) is a bad file, status 1, as `check` and `report prepublish` say."""
    from smpseo.cli import main

    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(bytes(range(256)) * 8)
    export = FIXTURES / "wxr"
    several = next(export.glob("*.xml"))
    for draft, said, status in (
            (tmp_path / "empty.md", "empty.md: error:", 1), (tmp_path / "binary.md", "binary.md: error:", 1),
            (tmp_path / "gone.md", "gone.md: error:", 2), (several, f"{several.name}: error:", 2),
            (POSTS, "8 posts in the folder; a draft is one post", 2)):
        assert main(["gaps", str(POSTS), "--draft", str(draft)]) == status, draft
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and said in err[0], err


def test_a_draft_alone_in_its_folder_asks_for_the_blog(tmp_path):
    """Nothing to read the draft against: the report says where to name the blog rather than measure the draft
    against its own sections; given the blog, it lists what the draft answers."""
    shutil.copy(POSTS / "does-scalp-micropigmentation-hurt.md", tmp_path / "draft.md")
    alone = prepublish_report(tmp_path / "draft.md", config=CONFIG)
    assert alone.topics is None and alone.blog_posts == 0
    assert "--posts" in show.topics_answered(alone)._repr_html_()
    on_blog = prepublish_report(tmp_path / "draft.md", config=CONFIG, posts=POSTS)
    assert "pain" in {t.id for t in on_blog.topics if t.status == "answered"}


def test_a_small_blog_is_told_its_statuses_are_leads(capsys):
    """Below five posts the matcher finds few answers (make eval's small blogs): the tables say so, once."""
    from smpseo.cli import main

    assert main(["gaps", str(FIXTURES / "gaps" / "other-words"), "--no-cache"]) == 0
    assert capsys.readouterr().out.count("Only 4 posts: each section is measured against the blog's others") == 1
    assert main(["gaps", str(POSTS), "--config", str(FIXTURES / "clinic.toml")]) == 0
    assert "Only " not in capsys.readouterr().out


def test_the_pre_publish_report_of_a_draft_on_a_small_blog_says_so(tmp_path):
    """Three posts and the draft: the topics table says that on so few posts many answers come out partial."""
    for name in ("what-is-smp.md", "how-long-does-smp-last.md", "does-smp-damage-hair-follicles.md",
                 "does-scalp-micropigmentation-hurt.md"):
        shutil.copy(POSTS / name, tmp_path / name)
    draft = prepublish_report(tmp_path / "does-scalp-micropigmentation-hurt.md", config=CONFIG)
    assert draft.gap_report.posts == 4
    assert "Only 4 posts: each section is measured against" in show.topics_answered(draft)._repr_html_()


def test_what_the_blog_s_other_posts_do_is_what_the_blog_s_report_says_today():
    """Beside a draft on the same topic, the post that answers it today rated below the line: the draft's report
    said "none yet: new on the blog" while the blog's report said that post answers it. The other posts' part is
    the blog's report without the draft."""
    from smpseo.model.gaps import elsewhere

    dublin = FIXTURES / "gaps" / "dublin"
    config = load_config(dublin / "smpseo.toml")
    today = {t.id: t for t in gaps(str(dublin / "posts"), config=config).topics}
    assert today["women"].status == "answered"
    answered_by = today["women"].posts[0].title
    report = gaps(str(dublin / "posts"), config=config, draft=dublin / "smp-for-women.md")
    women = next(t for t in report.topics if t.id == "women")
    assert women.status == "answered" and Path(women.posts[0].path).name == "smp-for-women.md"
    assert elsewhere(women.posts[1:]) == f"answered in \u201c{answered_by}\u201d"
