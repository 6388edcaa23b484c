"""A post's address on its site, as the markup and the search preview give it, and its images' addresses."""

from __future__ import annotations

import pytest

from smpseo.analysis import jsonld
from smpseo.analysis.snippet import preview
from smpseo.core.settings import Config, Site
from smpseo.sources.readers import load_posts

SITE = Config(site=Site(name="Inkline", url="https://www.inkline.example/"))


def test_a_page_bundle_s_own_image_is_at_the_page_s_address(tmp_path):
    """`fade.jpg` beside a bundle's index.md was put at the site's root, where there is no such file."""
    bundle = tmp_path / "posts" / "how-long"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("---\ntitle: How long does SMP last?\n---\n\n![Fade](fade.jpg)\n\n"
                                     "![Chair](/images/chair.jpg)\n\n![Touch-up](img/touch-up.jpg)\n\nYears.\n",
                                     encoding="utf-8")
    (post,) = load_posts(tmp_path / "posts")
    data = jsonld.blog_posting(post, SITE)
    assert data["url"] == "https://www.inkline.example/how-long/"
    assert data["image"] == ["https://www.inkline.example/how-long/fade.jpg",
                             "https://www.inkline.example/images/chair.jpg",
                             "https://www.inkline.example/how-long/img/touch-up.jpg"]


@pytest.mark.parametrize("field, address", [
    ('url: "/blog/parking-perth/"', "https://www.inkline.example/blog/parking-perth/"),  # Hugo
    ("url: blog/parking-perth/", "https://www.inkline.example/blog/parking-perth/"),
    ("permalink: /blog/parking-perth/", "https://www.inkline.example/blog/parking-perth/"),  # Jekyll, Eleventy
    ("url: https://inkline.example/p/parking/", "https://inkline.example/p/parking/"),
])
def test_front_matter_url_or_permalink_is_the_post_s_address(tmp_path, field, address):
    """The pre-publish page told the user to paste a `"url"` of the site's root and the file's slug."""
    (tmp_path / "parking.md").write_text(f"---\ntitle: Parking near the studio\n{field}\n---\n\n"
                                         "![Map](map.png)\n\nBehind the building.\n", encoding="utf-8")
    (post,) = load_posts(tmp_path)
    data = jsonld.blog_posting(post, SITE)
    assert data["url"] == address and data["mainEntityOfPage"]["@id"] == address
    assert data["image"] == [address + "map.png"]


@pytest.mark.parametrize("field", ["permalink: /:year/:title/", 'permalink: "/blog/{{ page.fileSlug }}/"'])
def test_a_permalink_pattern_or_template_is_not_taken_as_the_address(tmp_path, field):
    (tmp_path / "parking.md").write_text(f"---\ntitle: Parking\n{field}\n---\n\nBehind it.\n", encoding="utf-8")
    (post,) = load_posts(tmp_path)
    assert jsonld.post_path(post) == f"/{post.slug}/"


def test_the_search_preview_shows_the_post_s_address():
    assert preview("Parking", "/blog/parking-perth/", "", "https://www.inkline.example/")["url"] == \
        "www.inkline.example › blog › parking-perth"
    assert preview("Parking", "parking", "", "https://www.inkline.example/")["url"] == "www.inkline.example › parking"
    assert preview("Parking", "parking", "")["url"] == "parking"


def test_the_prepublish_preview_and_markup_use_the_front_matter_url(tmp_path):
    from smpseo.app.report.prepublish import prepublish_report

    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Inkline"\nurl = "https://www.inkline.example/"\n',
                                          encoding="utf-8")
    (tmp_path / "posts").mkdir()
    draft = tmp_path / "posts" / "parking.md"
    draft.write_text('---\ntitle: Parking near the studio\nurl: "/blog/parking-perth/"\n---\n\nBehind it.\n',
                     encoding="utf-8")
    report = prepublish_report(draft)
    assert report.preview["url"] == "www.inkline.example › blog › parking-perth"
    assert report.jsonld[0]["url"] == "https://www.inkline.example/blog/parking-perth/"


def _site(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("settings, address", [
    ('[permalinks]\nposts = "/blog/:slug/"\n', "/blog/parking-perth/"),
    ('[permalinks]\nposts = "/:year/:month/:title/"\n', "/2025/07/where-to-park-in-perth/"),
    ('[permalinks.page]\nposts = "/:section/:filename/"\n', "/posts/parking/"),
    ('title = "Inkline"\n', "/posts/parking-perth/"),  # no permalinks: Hugo's default, the content path
    ('[permalinks]\nnews = "/news/:slug/"\n', "/posts/parking-perth/"),  # none for this section: the same
])
def test_a_hugo_site_s_permalinks_make_its_posts_addresses(tmp_path, settings, address):
    """The site's `[permalinks]` were not read: its pre-publish page said to paste an address the site does not
    have."""
    _site(tmp_path, {"hugo.toml": settings,
                     "content/posts/parking.md": "---\ntitle: Where to park in Perth\nslug: parking-perth\n"
                                                 "date: 2025-07-08\n---\n\nBehind the studio.\n",
                     "content/posts/other.md": "---\ntitle: Other\n---\n\nText.\n"})
    post = next(p for p in load_posts(tmp_path / "content" / "posts") if p.slug == "parking-perth")
    assert jsonld.blog_posting(post, SITE)["url"] == f"https://www.inkline.example{address}"


@pytest.mark.parametrize("pattern, front, address", [
    ("/blog/:slug/", "", "/blog/where-to-park-in-perth/"),  # no `slug`: Hugo's `:slug` is the title
    ("/blog/:slug/", "slug: parking-perth\n", "/blog/parking-perth/"),
    ("/blog/:slugorcontentbasename/", "", "/blog/parking/"),  # no `slug`: the file's name
    ("/blog/:slugorcontentbasename/", "slug: parking-perth\n", "/blog/parking-perth/"),
    ("/blog/:contentbasename/", "slug: parking-perth\n", "/blog/parking/"),
])
def test_hugo_s_slug_tokens_are_read_as_hugo_reads_them(tmp_path, pattern, front, address):
    """`:slug` of a post without a `slug` gave the file's name, where Hugo gives the title (a link to the post's
    real address was then a broken link), and `:slugorcontentbasename` gave no address at all."""
    _site(tmp_path, {"hugo.toml": f'[permalinks]\nposts = "{pattern}"\n',
                     "content/posts/parking.md": f"---\ntitle: Where to park in Perth\n{front}---\n\nBehind it.\n"})
    (post,) = load_posts(tmp_path / "content" / "posts")
    assert jsonld.blog_posting(post, SITE)["url"] == f"https://www.inkline.example{address}"


@pytest.mark.parametrize("name, front, address", [
    ("posts/new-post/index.md", "", "/posts/new-post/"),  # a page bundle: its folder's name
    ("posts/new-post.md", "", "/posts/new-post/"),
    ("posts/new-post/index.md", "slug: grey-hair\n", "/posts/grey-hair/"),  # `slug` in the name's place
    ("posts/guides/Aftercare.md", "", "/posts/guides/aftercare/"),  # every folder, lower-cased
    ("posts/new-post/index.md", 'url: "/smp/grey/"\n', "/smp/grey/"),  # `url` overrides all
    ("posts/new-post.fr.md", "", "/fr/posts/new-post/"),  # a translation: under its language
    ("posts/new-post.en.md", "", "/posts/new-post/"),  # the site's own language: not
])
def test_a_hugo_site_without_permalinks_gives_hugo_s_default_address(tmp_path, name, front, address):
    """A bundle's `content/posts/new-post/index.md` was given `/new-post/` (search preview, markup `url`, image
    addresses): Hugo publishes it at its content path."""
    _site(tmp_path, {"hugo.toml": 'baseURL = "https://www.inkline.example/"\n',
                     f"content/{name}": f"---\ntitle: SMP and grey hair\n{front}---\n\n![Grey](grey.jpg)\n\n"
                                        "Stubble turns grey.\n"})
    (post,) = load_posts(tmp_path / "content" / name)  # named: a translation is read too
    data = jsonld.blog_posting(post, SITE)
    assert data["url"] == f"https://www.inkline.example{address}"
    assert data["image"] == [f"https://www.inkline.example{address}grey.jpg"]


def test_a_hugo_site_s_configuration_folder_is_read_as_hugo_merges_it(tmp_path):
    """A site with its settings in `config/_default/` (as many themes lay them out) and none at its root was not
    known as a Hugo site: its `[permalinks]` were not read, and its built copy in `public/` was read as posts."""
    _site(tmp_path, {"config/_default/hugo.toml": 'title = "Inkline"\n[permalinks]\nposts = "/old/:slug/"\n',
                     "config/_default/permalinks.toml": 'posts = "/blog/:year/:slug/"\n',
                     "config/_default/menus.en.toml": '[[main]]\nname = "Blog"\n',
                     "config/_default/params.toml": 'mainSections = ["posts"]\n',
                     "content/about.md": "---\ntitle: About us\n---\n\nWe are a studio.\n",
                     "content/posts/parking.md": "---\ntitle: Where to park in Perth\nslug: parking-perth\n"
                                                 "date: 2025-07-08\n---\n\nBehind the studio.\n",
                     "public/blog/2025/parking-perth/index.html": "<html><head><title>Where to park</title></head>"
                                                                   "<body><p>Behind the studio.</p></body></html>"})
    corpus = load_posts(tmp_path)
    assert [p.slug for p in corpus] == ["parking-perth"]  # not the page, nor the built copy
    assert jsonld.blog_posting(corpus[0], SITE)["url"] == "https://www.inkline.example/blog/2025/parking-perth/"
    # `config/production/` is what `hugo` builds with: its values win
    _site(tmp_path, {"config/production/permalinks.toml": 'posts = "/:slug/"\n'})
    (post,) = load_posts(tmp_path / "content" / "posts")
    assert jsonld.blog_posting(post, SITE)["url"] == "https://www.inkline.example/parking-perth/"


@pytest.mark.parametrize("config, front, address", [
    ("title: Lone Star\n", "", "/2025/03/10/smp-cost-austin.html"),  # Jekyll's own default: the date style
    ("permalink: pretty\n", "", "/2025/03/10/smp-cost-austin/"),
    ("permalink: /blog/:title/\n", "", "/blog/smp-cost-austin/"),
    ("permalink: /blog/:title/\n", "categories: [Pricing]\npermalink: /:categories/:title/\n", "/pricing/smp-cost-austin/"),
])
def test_a_jekyll_site_s_permalink_makes_its_posts_addresses(tmp_path, config, front, address):
    _site(tmp_path, {"_config.yml": config,
                     "_posts/2025-03-10-smp-cost-austin.md": f"---\ntitle: What SMP costs in Austin\n{front}---\n\n"
                                                             "About three thousand dollars.\n"})
    (post,) = load_posts(tmp_path)
    assert jsonld.blog_posting(post, SITE)["url"] == f"https://www.inkline.example{address}"


def test_a_jekyll_post_s_folders_above_posts_are_its_first_categories(tmp_path):
    """`blog/_posts/` makes "blog" a category of its posts, before those of the front matter, as Jekyll does: the
    address left it out."""
    _site(tmp_path, {"_config.yml": "title: Lone Star\n",
                     "blog/_posts/2025-03-10-smp-cost-austin.md": "---\ntitle: What SMP costs in Austin\n"
                                                                  "categories: [prices]\n---\n\nAbout three thousand.\n"})
    (post,) = load_posts(tmp_path)
    assert jsonld.blog_posting(post, SITE)["url"] == \
        "https://www.inkline.example/blog/prices/2025/03/10/smp-cost-austin.html"
