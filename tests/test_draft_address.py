"""A draft has no address yet: the pre-publish check gives it the one the blog's published posts show, so that the
search preview and the JSON-LD to paste name where it will be (Wix's /post/<slug>, a blog's /blog/<slug>/), not an
address of smpseo's own making."""

from __future__ import annotations

from pathlib import Path

import pytest

from smpseo.app.report.prepublish import prepublish_report

SITE = "https://www.example-studio.co.nz"
BODY = ("Most people rate a session three out of ten. We stop whenever you need a break, and the tender spots are "
        "done last.\n\nCall the studio to book a free consult.\n")


def _post(folder: Path, slug: str, canonical: str = "", extra: str = "") -> None:
    lines = [f"title: About {slug.replace('-', ' ')}", f"slug: {slug}"]
    if canonical:
        lines.append(f"canonical: {canonical}")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text("---\n" + "\n".join(lines) + extra + "\n---\n\n" + BODY, encoding="utf-8")


def _blog(tmp_path: Path, address) -> tuple[Path, Path]:
    (tmp_path / "smpseo.toml").write_text(f'[site]\nname = "Example Studio"\nurl = "{SITE}"\n', encoding="utf-8")
    posts = tmp_path / "posts"
    for slug in ("does-it-hurt", "aftercare-week-one", "cost-of-smp"):
        _post(posts, slug, address(slug))
    _post(posts, "open-day")  # imported from a text dump: no address known, which says nothing against the others
    drafts = tmp_path / "drafts"
    _post(drafts, "smp-over-scars")
    return posts, drafts / "smp-over-scars.md"


def _addresses(report) -> tuple[str, str]:
    posting = report.jsonld[0]
    return report.preview["url"], posting.get("url", "")


@pytest.mark.parametrize("address, path", [
    (lambda slug: f"{SITE}/post/{slug}", "/post/smp-over-scars"),
    (lambda slug: f"{SITE}/blog/{slug}/", "/blog/smp-over-scars/"),
])
def test_a_draft_is_given_the_address_its_blog_gives_its_posts(tmp_path, address, path):
    posts, draft = _blog(tmp_path, address)
    report = prepublish_report(draft, posts=posts, topics=False)
    crumbs = " › ".join(part for part in path.split("/") if part)
    assert _addresses(report) == (f"www.example-studio.co.nz › {crumbs}", SITE + path)


def test_no_pattern_no_guess(tmp_path):
    """Posts at addresses that are not their section and slug (a date in them, different sections) make no pattern:
    the draft keeps the address it had, /<slug>/."""
    dated = {"does-it-hurt": "/2024/03/does-it-hurt/", "aftercare-week-one": "/2024/05/aftercare-week-one/",
             "cost-of-smp": "/guides/cost-of-smp/"}
    posts, draft = _blog(tmp_path, lambda slug: SITE + dated[slug])
    report = prepublish_report(draft, posts=posts, topics=False)
    assert _addresses(report) == ("www.example-studio.co.nz › smp-over-scars", f"{SITE}/smp-over-scars/")


def test_a_draft_that_says_its_address_keeps_it(tmp_path):
    posts, _ = _blog(tmp_path, lambda slug: f"{SITE}/post/{slug}")
    _post(tmp_path / "drafts", "new-one", f"{SITE}/articles/new-one")
    report = prepublish_report(tmp_path / "drafts" / "new-one.md", posts=posts, topics=False)
    assert _addresses(report) == ("www.example-studio.co.nz › articles › new-one", f"{SITE}/articles/new-one")
