"""SITE407: a link to a post of the blog that no post answers to, and only such links, whatever the blog's format
(a folder of Markdown, a Hugo or Jekyll site, HTML pages)."""

from __future__ import annotations

from pathlib import Path

import smpseo
from smpseo.cli import main

SETTINGS = '[site]\nname = "Northside Dots"\ncity = "Leeds"\nurl = "https://www.northsidedots.example"\n'


def post(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\n{extra}---\n\n{body}\n"


def _site(root: Path, files: dict[str, str]) -> Path:
    for name, text in {"smpseo.toml": SETTINGS, **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _broken(path: Path) -> list[str]:
    result = smpseo.check(str(path), rules="SITE407", keyphrases=False)
    return [f"{Path(f.path).relative_to(path if path.is_dir() else path.parent).as_posix()}:{f.line} {f.message}"
            for f in result.findings]


def test_a_link_to_a_renamed_post_s_file_is_broken_and_links_to_what_exists_are_not(tmp_path):
    blog = _site(tmp_path, {
        "posts/healing.md": post("Healing", "Read [aftercare](smp-aftercare.md) first.\n\n"
                                            "Then [pain](does-it-hurt.md#numbing), [the draft](coming-soon.md), "
                                            "[about us](../pages/about.md), [a photo](img/dots.md.png),\n"
                                            "[top](#top), [booking](/book/), [elsewhere](https://other.example/x.md) "
                                            "and [mail](mailto:a@b.example)."),
        "posts/does-it-hurt.md": post("Does it hurt", "See [healing](./Healing.md) and [gone](../posts/old%20cost.rst)."),
        "posts/coming-soon.md": post("Coming soon", "Soon.", "draft: true\n"),
        "pages/about.md": post("About", "Us."),
    })
    assert _broken(blog / "posts") == ["does-it-hurt.md:5 Link to '../posts/old%20cost.rst', which is no post of "
                                       "the blog", "healing.md:5 Link to 'smp-aftercare.md', which is no post of "
                                                   "the blog"]


def test_one_post_checked_with_its_blog_is_told_and_a_post_alone_never(tmp_path, capsys, monkeypatch):
    blog = _site(tmp_path, {"posts/a.md": post("A", "See [b](b.md) and [gone](gone.md)."),
                            "posts/b.md": post("B", "See [a](a.md).")})
    monkeypatch.chdir(blog)
    assert main(["check", "posts/a.md", "--select", "SITE407", "-q"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == \
        "posts/a.md:5:26: SITE407 warning Link to 'gone.md', which is no post of the blog"
    alone = _site(tmp_path / "alone", {"one-file.md": post("One", "See [gone](gone.md) and [b](b.md).")})
    assert _broken(alone / "one-file.md") == []


def test_generator_references_that_name_no_post_are_broken(tmp_path):
    hugo = _site(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://www.northsidedots.example/"\n[permalinks]\nposts = "/blog/:slug/"\n',
        "content/about.md": post("About", "Us."),
        "content/posts/a.md": post("A", 'Read [old]({{< ref "old-post.md" >}}), [b]({{< relref "b.md" >}}) and '
                                        '[us]({{< ref "about.md" >}}).\n\nAlso [c](/blog/c/), [gone](/blog/gone-post/), '
                                        '[tags](/blog/tags/smp/), [a page](/book/) and [home](/blog/).\n\n'
                                        'And [cost]({{< relref "old-cost" >}}), [b]({{< ref "/posts/b" >}}), '
                                        '[us]({{< ref "about" >}}), [all]({{< ref "posts" >}}), [c]({{< ref "c" >}}).'),
        "content/posts/b.md": post("B", "See [a](https://www.northsidedots.example/blog/a/)."),
        "content/posts/c.md": post("C", "A draft.", "draft: true\n"),
    })
    assert _broken(hugo / "content/posts") == ["a.md:5 Link to 'old-post.md', which is no post of the blog",
                                               "a.md:7 Link to '/blog/gone-post/', which is no post of the blog",
                                               "a.md:9 Link to 'old-cost', which is no post of the blog"]
    jekyll = _site(tmp_path / "jekyll", {
        "_config.yml": "title: Dots\n",
        "about.md": post("About", "Us."),
        "_posts/2024-01-01-a.md": post("A", "See {% post_url 2024-02-01-b %} and [b]({% post_url 2024-02-01-b %}), "
                                            "[gone]({% post_url 2023-05-05-gone %}), [us]({% link about.md %})."),
        "_posts/2024-02-01-b.md": post("B", "See [a]({% link _posts/2024-01-01-a.md %})."),
    })
    assert _broken(jekyll / "_posts") == ["2024-01-01-a.md:5 Link to '2023-05-05-gone', which is no post of the blog"]


def test_a_link_to_a_post_s_address_made_from_its_title_names_that_post(tmp_path):
    """Hugo's `/:year/:month/:title/` makes an address of the post's title, which is neither its slug nor its file's
    name: every link to such an address was a broken link (SITE407) and the post it named an orphan (SITE405)."""
    hugo = _site(tmp_path, {
        "hugo.toml": 'baseURL = "https://www.northsidedots.example/"\n[permalinks]\nposts = "/:year/:month/:title/"\n',
        "content/posts/a.md": post("SMP or a transplant? How to choose", "Read [the price](/2025/10/what-smp-costs/) "
                                   "and [old](/2025/10/old-prices/).", "date: 2025-09-15\n"),
        "content/posts/b.md": post("What SMP costs", "Read [the choice](/2025/09/smp-or-a-transplant-how-to-choose/).",
                                   "date: 2025-10-01\n"),
    })
    assert _broken(hugo / "content/posts") == ["a.md:6 Link to '/2025/10/old-prices/', which is no post of the blog"]
    result = smpseo.check(str(hugo / "content/posts"), rules="SITE405", keyphrases=False)
    assert [f.message for f in result.findings] == []


def test_a_link_to_a_post_s_old_address_kept_as_a_redirect_names_that_post(tmp_path):
    """A post renamed with its old address kept (Hugo's `aliases`, Jekyll's `redirect_from`) still answers to it:
    the old links were said to name no post, and the post was an orphan."""
    hugo = _site(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://www.northsidedots.example/"\n[permalinks]\nposts = "/blog/:slug/"\n',
        "content/posts/a.md": post("A", "See [aftercare](/blog/old-aftercare/), [b](/blog/b/) and [gone](/blog/gone/)."),
        "content/posts/b.md": post("B", "See [a](/blog/a/).", 'aliases: ["/blog/old-aftercare/", "/2019/care.html"]\n'),
    })
    assert _broken(hugo / "content/posts") == ["a.md:5 Link to '/blog/gone/', which is no post of the blog"]
    jekyll = _site(tmp_path / "jekyll", {
        "_config.yml": "title: Dots\n",
        "_posts/2024-01-01-a.md": post("A", "See [old](/2024/01/05/old-b.html) and [gone](/2024/01/05/gone.html)."),
        "_posts/2024-02-01-b.md": post("B", "See [a](/2024/01/01/a.html).", "redirect_from: /2024/01/05/old-b.html\n"),
    })
    assert _broken(jekyll / "_posts") == ["2024-01-01-a.md:5 Link to '/2024/01/05/gone.html', which is no post of the "
                                          "blog"]
    result = smpseo.check(str(jekyll / "_posts"), rules="SITE405", keyphrases=False)
    assert [f.message for f in result.findings] == []


def test_addresses_are_judged_only_where_the_posts_address_pattern_is_known(tmp_path):
    """Without a permalink pattern or addresses that share a section, '/old-post/' may be any page of the site."""
    blog = _site(tmp_path, {"posts/a.md": post("A", "See [old](/old-post/) and [b](/b/)."),
                            "posts/b.md": post("B", "See [a](https://www.northsidedots.example/a/).")})
    assert _broken(blog / "posts") == []
    # nor canonical addresses: pages saved from the live site link to posts that were not saved
    (blog / "posts/a.md").write_text(post("A", "See [old](/blog/old-post/).", "canonical: https://www.northsidedots"
                                                                              ".example/blog/a/\n"))
    (blog / "posts/b.md").write_text(post("B", "See [a](/blog/a/).", "canonical: https://www.northsidedots.example/blog/b/\n"))
    assert _broken(blog / "posts") == []
    (blog / "posts/a.md").write_text(post("A", "See [old](/blog/old-post/) and [b](/blog/b/).", "url: /blog/a/\n"))
    (blog / "posts/b.md").write_text(post("B", "See [a](/blog/a/).", "url: /blog/b/\n"))
    assert _broken(blog / "posts") == ["a.md:6 Link to '/blog/old-post/', which is no post of the blog"]


def test_pages_of_an_html_blog(tmp_path):
    page = "<html><head><title>{0}</title></head><body><article><h1>{0}</h1><p>{1}</p></article></body></html>\n"
    blog = _site(tmp_path, {
        "site/blog/a.html": page.format("A", 'See <a href="b.html">b</a>, <a href="gone.html">gone</a>, '
                                             '<a href="index.html">all posts</a> and <a href="../contact.html">us</a>.'),
        "site/blog/b.html": page.format("B", 'See <a href="a.html">a</a>.'),
    })
    assert _broken(blog / "site/blog") == ["a.html:1 Link to 'gone.html', which is no post of the blog"]


def test_pages_saved_from_the_live_site_are_never_judged_by_their_relative_links(tmp_path):
    """A page saved from the browser says its address on the web: its relative links name the live site's pages, of
    which only some were saved, so a page not saved is not a broken link."""
    page = ('<html><head><title>{0}</title><link rel="canonical" href="https://www.northsidedots.example/blog/{0}.html">'
            "</head><body><article><h1>{0}</h1><p>{1}</p></article></body></html>\n")
    blog = _site(tmp_path, {"site/blog/a.html": page.format("a", 'See <a href="b.html">b</a> and <a href="c.html">c</a>.'),
                            "site/blog/b.html": page.format("b", 'See <a href="a.html">a</a>.')})
    assert _broken(blog / "site/blog") == []


def test_exports_are_never_judged(tmp_path):
    """A WordPress export's links name the site's addresses, not files: nothing there is certain."""
    fixture = Path(__file__).parent / "fixtures" / "wxr" / "64-block-test-data.xml"
    assert [f for f in smpseo.check(str(fixture), rules="SITE407", keyphrases=False).findings] == []


def test_a_link_naming_a_file_the_system_cannot_look_for_is_broken_and_the_run_goes_on(tmp_path):
    """A name too long for the file system (or with a NUL in it) stopped the whole run with OSError."""
    long = "x" * 5000
    blog = _site(tmp_path, {"posts/a.md": post("A", f"See [n](%00.md), [long]({long}.md) and [b](b.md)."),
                            "posts/b.md": post("B", "See [a](a.md).")})
    assert _broken(blog / "posts") == ["a.md:5 Link to '%00.md', which is no post of the blog",
                                       f"a.md:5 Link to '{long}.md', which is no post of the blog"]


def test_pages_read_from_the_web_are_never_judged(tmp_path, monkeypatch):
    """Their relative links name the live site's pages, of which only some were read: none is on this disk."""
    from smpseo.sources.readers.html import read_html

    monkeypatch.chdir(_site(tmp_path, {}))
    page = "<html><head><title>{0}</title></head><body><article><h1>{0}</h1><p>{1}</p></article></body></html>"
    posts = [*read_html(page.format("A", 'See <a href="b.html">b</a> and <a href="c.html">c</a>.'),
                        "https://www.northsidedots.example/blog/a.html"),
             *read_html(page.format("B", 'See <a href="a.html">a</a>.'), "https://www.northsidedots.example/blog/b.html")]
    assert smpseo.check(posts, rules="SITE407", keyphrases=False).findings == []


def test_a_page_made_outside_the_posts_folders_mends_the_link_on_the_next_run(tmp_path, monkeypatch):
    """A whole run is remembered by the files of the folders it read; a broken link is looked for over the whole
    site, so a run that found one is never taken from the cache: the page made elsewhere mends it at once."""
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    blog = _site(tmp_path / "site", {"posts/a.md": post("A", "See [b](b.md) and [about](../pages/about.md)."),
                                     "posts/b.md": post("B", "See [a](a.md).")})
    assert _broken(blog / "posts") == ["a.md:5 Link to '../pages/about.md', which is no post of the blog"]
    (blog / "pages").mkdir()
    (blog / "pages/about.md").write_text(post("About", "Us."), encoding="utf-8")
    assert _broken(blog / "posts") == []


def test_a_link_by_a_post_s_file_name_where_the_post_is_published_at_its_slug_is_broken(tmp_path):
    """A Jekyll post `_posts/2024-05-01-old-post.md` is published at `/old-post/` here: a link to
    `/2024-05-01-old-post/` reaches no page, though the date-less name is the post's. A link to a dated file that
    is not there (`2024-05-01-c.md` beside `c.md`) names no post either; the post's own address, its file, and
    Jekyll's `post_url` do."""
    jekyll = _site(tmp_path / "jekyll", {
        "_config.yml": "title: Dots\npermalink: /:title/\n",
        "_posts/2024-01-01-a.md": post("A", "See [old](/2024-05-01-old-post/), [it](/old-post/), "
                                            "[again]({% post_url 2024-05-01-old-post %}) and "
                                            "[here](https://www.northsidedots.example/2024-05-01-old-post/)."),
        "_posts/2024-05-01-old-post.md": post("Old post", "See [a](/a/)."),
    })
    assert _broken(jekyll / "_posts") == [
        "2024-01-01-a.md:5 Link to '/2024-05-01-old-post/', which is no post of the blog",
        "2024-01-01-a.md:5 Link to 'https://www.northsidedots.example/2024-05-01-old-post/', which is no post of the "
        "blog"]
    folder = _site(tmp_path / "folder", {
        "posts/a.md": post("A", "See [c](2024-05-01-c.md), [c again](c.md) and [b](2024-02-02-b.md)."),
        "posts/c.md": post("C", "See [a](a.md)."),
        "posts/2024-02-02-b.md": post("B", "See [a](a.md)."),
    })
    assert _broken(folder / "posts") == ["a.md:5 Link to '2024-05-01-c.md', which is no post of the blog"]


def test_a_relative_link_without_a_suffix_is_judged_by_the_address_it_leads_to(tmp_path):
    """`../gone-post/` from `/blog/a/` is `/blog/gone-post/`, in the posts' own pattern, and no post is there;
    `../b/` is a post's, and `photos/` (`/blog/a/photos/`) is no post's address at all."""
    hugo = _site(tmp_path / "hugo", {
        "hugo.toml": 'baseURL = "https://www.northsidedots.example/"\n[permalinks]\nposts = "/blog/:slug/"\n',
        "content/posts/a.md": post("A", "See [gone](../gone-post/), [b](../b/), [photos](photos/) and "
                                        "[tags](../tags/smp/)."),
        "content/posts/b.md": post("B", "See [a](../a/)."),
    })
    assert _broken(hugo / "content/posts") == ["a.md:5 Link to '../gone-post/', which is no post of the blog"]
