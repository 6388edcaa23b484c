"""The WordPress export reader, on the public theme test exports and on small exports that isolate each rule."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from smpseo.model.post import HEADING, IMAGE, PARAGRAPH
from smpseo.sources.readers import load_posts, read_file
from smpseo.sources.readers.decode import SourceError
from smpseo.sources.readers.wxr import read_wxr

from .conftest import FIXTURES

THEME = FIXTURES / "wxr" / "themeunittestdata.wordpress.xml"
BLOCKS = FIXTURES / "wxr" / "64-block-test-data.xml"


@pytest.fixture(scope="module")
def theme():
    return read_file(THEME)


@pytest.fixture(scope="module")
def blocks():
    return read_file(BLOCKS)


def test_theme_unit_test_posts(theme):
    assert len(theme) == 58
    assert Counter(p.status for p in theme) == {"publish": 56, "future": 1, "draft": 1}
    by_slug = {p.slug: p for p in theme}
    assert len(by_slug) == 58
    standard = by_slug["post-format-standard"]
    assert standard.title == "Post Format: Standard" and standard.title_line == 7888
    assert standard.date == dt.date(2010, 10, 5)
    assert standard.tags == ["Post Formats", "readability", "standard"]
    assert standard.categories == ["Classic", "Post Formats"]
    assert standard.source == "https://wpthemetestdata.wordpress.com/2010/10/05/post-format-standard/"
    assert by_slug["scheduled"].status == "future" and by_slug["draft"].status == "draft"
    no_title = by_slug["edge-case-no-title"]
    assert no_title.title == "" and no_title.blocks
    assert not by_slug["edge-case-no-content"].blocks
    # Pages, attachments and menu items are not posts.
    assert not {"about", "front-page", "page-a"} & set(by_slug)


def test_classic_content_paragraphs_and_caption_shortcodes(theme):
    by_slug = {p.slug: p for p in theme}
    standard = by_slug["post-format-standard"]
    assert all(b.kind == PARAGRAPH for b in standard.blocks) and len(standard.paragraphs) >= 7
    assert standard.blocks[0].line == 7894
    assert standard.blocks[0].text.startswith("All children, except one, grow up.")
    image = by_slug["post-format-image-caption"].blocks
    assert [(b.kind, b.text) for b in image] == [(IMAGE, "Bell on wharf in San Francisco")]
    assert image[0].images[0].alt == "Bell on Wharf" and image[0].images[0].caption == "Bell on wharf in San Francisco"
    texts = [s.text for p in theme for s in p.sentences]
    assert not any("[caption" in t or "[/caption]" in t or "[gallery" in t for t in texts)
    assert not any("Bell on wharf" in t for t in texts)  # a caption is not prose


def test_block_editor_export(blocks):
    assert len(blocks) == 61
    assert [p.title for p in blocks][:4] == ["Paragraph", "Heading", "List", "Quote"]
    heading = blocks[1]
    assert heading.slug == "heading"
    assert [(b.kind, b.level, b.text, b.line) for b in heading.blocks[:2]] == [
        (HEADING, 1, "H1 Heading", 427), (HEADING, 1, "H1 Heading, bold", 431)]
    for post in blocks:
        for block in post.blocks:
            assert "wp:" not in block.text and "-->" not in block.text, (post.slug, block.text)


def _export(items: str, ns: str = "https://wordpress.org/export/1.2/") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
<title>Clinic</title>
<wp:wxr_version>1.1</wp:wxr_version>
{items}
</channel>
</rss>
"""


ITEM = """<item>
<title>Does SMP hurt?</title>
<link>https://example.com/does-smp-hurt/</link>
<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>It feels like a light scratch.</p>
<!-- /wp:paragraph -->

Classic text after a block.
Second line of the same paragraph.

Another paragraph.]]></content:encoded>
<excerpt:encoded><![CDATA[The <b>excerpt</b>.]]></excerpt:encoded>
<wp:post_id>7</wp:post_id>
<wp:post_date>0000-00-00 00:00:00</wp:post_date>
<wp:post_name></wp:post_name>
<wp:status>draft</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="pain"><![CDATA[Pain]]></category>
<category domain="post_tag" nicename="numbing"><![CDATA[numbing]]></category>
<wp:postmeta><wp:meta_key>_yoast_wpseo_focuskw</wp:meta_key><wp:meta_value><![CDATA[SMP pain]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_content><![CDATA[Comments are not the post.]]></wp:comment_content></wp:comment>
</item>
<item><title>About us</title><wp:post_type>page</wp:post_type><content:encoded><![CDATA[<p>A page.</p>]]></content:encoded></item>
"""


@pytest.mark.parametrize("ns", ["http://wordpress.org/export/1.0/", "https://wordpress.org/export/1.2/"])
def test_small_export_both_namespaces(ns):
    [post] = read_wxr(_export(ITEM, ns), "export.xml")
    assert post.title == "Does SMP hurt?" and post.slug == "does-smp-hurt"  # no post_name: from the title
    assert post.date is None and post.status == "draft"
    assert post.categories == ["Pain"] and post.tags == ["numbing"]
    assert post.description == "The excerpt." and post.keyphrase == "SMP pain"
    assert [(b.text, b.line) for b in post.blocks] == [
        ("It feels like a light scratch.", 11),
        ("Classic text after a block.\nSecond line of the same paragraph.", 14),
        ("Another paragraph.", 17)]
    assert "Comments are not" not in post.text


def test_yoast_description_wins_over_excerpt():
    item = ITEM.replace("<wp:comment>", "<wp:postmeta><wp:meta_key>_yoast_wpseo_metadesc</wp:meta_key>"
                        "<wp:meta_value>What a session feels like.</wp:meta_value></wp:postmeta><wp:comment>")
    [post] = read_wxr(_export(item), "export.xml")
    assert post.description == "What a session feels like."


def _meta(key: str, value: str) -> str:
    return f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"


@pytest.mark.parametrize("plugin", [
    ("rank_math_focus_keyword", "rank_math_description", "rank_math_canonical_url"),
    ("_seopress_analysis_target_kw", "_seopress_titles_desc", "_seopress_robots_canonical"),
])
def test_other_seo_plugins_keyphrase_description_and_canonical_are_read(plugin):
    """Rank Math and SEOPress keep what Yoast keeps under their own keys, and several keyphrases comma-separated:
    the first is the post's focus keyphrase."""
    keyphrase, description, canonical = plugin
    item = ITEM.replace(_meta("_yoast_wpseo_focuskw", "SMP pain"), "").replace(
        "<wp:comment>", _meta(keyphrase, "does smp hurt, smp pain vancouver") + _meta(description, "What it feels "
        "like.") + _meta(canonical, "https://example.com/does-smp-hurt/") + "<wp:comment>")
    [post] = read_wxr(_export(item), "export.xml")
    assert (post.keyphrase, post.description, post.canonical) == ("does smp hurt", "What it feels like.",
                                                                  "https://example.com/does-smp-hurt/")


def test_bad_exports_are_one_clear_error(tmp_path):
    with pytest.raises(SourceError) as err:
        read_wxr(_export(ITEM).replace("</item>", "</itm>", 1), "broken.xml")
    assert "not well-formed XML" in err.value.message and err.value.line == 28
    with pytest.raises(SourceError, match="not a WordPress export"):
        read_wxr('<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>', "sitemap.xml")
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&b;</title></item></channel></rss>')
    with pytest.raises(SourceError, match="refused"):
        read_wxr(bomb, "bomb.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text(bomb)
    good = tmp_path / "good.xml"
    good.write_text(_export(ITEM))
    corpus = load_posts(bad, good, drafts=True)  # ITEM is a draft: asked for, it is read
    assert [p.title for p in corpus] == ["Does SMP hurt?"]
    assert [(e.path, bool(re.search("refused", e.message))) for e in corpus.failed] == [(str(bad), True)]


def test_an_export_not_in_utf8_is_told_once_not_once_per_post(tmp_path):
    item = ("<item><title>Caf\u00e9 {n}</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
            "<content:encoded><![CDATA[<p>Scalp micropigmentation at the caf\u00e9, part {n}.</p>]]></content:encoded></item>\n")
    text = _export("".join(item.format(n=n) for n in range(3)), "http://wordpress.org/export/1.2/")
    export = tmp_path / "export.xml"
    export.write_bytes(text.encode("cp1252"))
    corpus = load_posts([export])
    assert len(corpus) == 3
    warnings = [e for e in corpus.errors if "not UTF-8" in e.message]
    assert len(warnings) == 1 and warnings[0].severity == "warning", corpus.errors


def test_analyze_names_the_posts_of_an_export_as_check_and_gaps_do(capsys):
    import json

    from smpseo.cli import main

    main(["analyze", str(BLOCKS), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) > 1 and all(r["path"] == f"{BLOCKS}#{r['slug']}" for r in rows)
    main(["check", str(BLOCKS), "--format", "json"])
    named = {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert named <= {r["path"] for r in rows}


def test_an_element_between_cdata_sections_of_the_content_keeps_the_body():
    """`<b>` (or a stray `<title>`) written into `content:encoded` between two CDATA sections is HTML of the post:
    the body before and after it is kept, the element as the markup it is; before, the post had no body."""
    body = ("<content:encoded><![CDATA[<p>Scalp micropigmentation in Vancouver is great.</p>]]><b>x</b>"
            "<![CDATA[<p>Call to book.</p>]]></content:encoded>")
    item = ("<item><title>C2</title><wp:post_name>c2</wp:post_name><wp:post_type>post</wp:post_type>"
            f"<wp:status>publish</wp:status>{body}</item>")
    [post] = read_wxr(_export(item), "mixed.xml")
    assert [b.text for b in post.blocks] == ["Scalp micropigmentation in Vancouver is great.", "x", "Call to book."]
    [post] = read_wxr(_export(item.replace("<b>x</b>", '<title a="1">Injected</title>')), "cdata.xml")
    assert post.title == "C2"  # the stray <title> is not the post's
    assert [b.text for b in post.blocks] == ["Scalp micropigmentation in Vancouver is great.", "Call to book."]


def test_a_private_post_is_left_out_as_a_draft_is(tmp_path):
    """WordPress shows a private post to the site's editors only: it is not on the blog, so it is neither checked
    nor counted in the blog's figures unless drafts are asked for, and one line says so."""
    from smpseo.sources.readers import load_posts

    private = ITEM.replace("<wp:status>draft</wp:status>", "<wp:status>private</wp:status>")
    published = ITEM.replace("<wp:status>draft</wp:status>", "<wp:status>publish</wp:status>").replace(
        "Does SMP hurt?", "How long does SMP last?")
    (tmp_path / "export.xml").write_text(_export(private + published), encoding="utf-8")
    corpus = load_posts(tmp_path / "export.xml")
    assert [p.title for p in corpus] == ["How long does SMP last?"] and [e.message for e in corpus.errors] == [
        "1 private post left out; --drafts includes private posts"]
    assert [p.status for p in load_posts(tmp_path / "export.xml", drafts=True)] == ["private", "publish"]


def test_category_and_tag_names_are_decoded_as_the_title_is():
    """WordPress writes a category's "&" as "&amp;" inside CDATA: the name is the one the site shows."""
    item = ITEM.replace("<![CDATA[Pain]]>", "<![CDATA[Scars &amp; Transplants]]>").replace(
        "<![CDATA[numbing]]>", "<![CDATA[before &amp; after]]>")
    [post] = read_wxr(_export(item), "export.xml")
    assert post.categories == ["Scars & Transplants"] and post.tags == ["before & after"]


def test_a_scheduled_post_is_left_out_as_a_draft_is(tmp_path):
    """A post scheduled for later (WordPress's `future`) is not on the site yet: left out of the checks and the
    blog's figures unless drafts are asked for, in the export and in the Markdown it is imported to (`status:
    future`, or Ghost's `scheduled`), and one line says so."""
    scheduled = ITEM.replace("<wp:status>draft</wp:status>", "<wp:status>future</wp:status>")
    published = ITEM.replace("<wp:status>draft</wp:status>", "<wp:status>publish</wp:status>").replace(
        "Does SMP hurt?", "How long does SMP last?")
    (tmp_path / "export.xml").write_text(_export(scheduled + published), encoding="utf-8")
    corpus = load_posts(tmp_path / "export.xml")
    assert [p.title for p in corpus] == ["How long does SMP last?"] and [e.message for e in corpus.errors] == [
        "1 draft left out; --drafts includes drafts"]
    assert [p.status for p in load_posts(tmp_path / "export.xml", drafts=True)] == ["future", "publish"]
    posts = tmp_path / "posts"
    posts.mkdir()
    for status in ("future", "scheduled", "publish"):
        (posts / f"{status}.md").write_text(f"---\ntitle: Post {status}\nstatus: {status}\n---\nSome text here.\n",
                                            encoding="utf-8")
    corpus = load_posts(posts)
    assert [p.title for p in corpus] == ["Post publish"] and [e.message for e in corpus.errors] == [
        "2 drafts left out; --drafts includes drafts"]


def _reusable(post_id: int, html: str) -> str:
    return (f"<item><title>Block {post_id}</title><content:encoded><![CDATA[{html}]]></content:encoded>"
            f"<wp:post_id>{post_id}</wp:post_id><wp:status>publish</wp:status><wp:post_type>wp_block</wp:post_type>"
            "</item>\n")


def test_a_reusable_block_is_put_in_place_where_a_post_uses_it(tmp_path, capsys):
    """A reusable block (`<!-- wp:block {"ref":300} /-->`, an item of type `wp_block` in the same export, before or
    after the post) is the post's text where it is used, on the line of its use, and so is a block it uses in turn;
    the post's own lines stay the export's. A block not in the export, or used inside itself, is left out with one
    warning at the line of its use; the reusable blocks are no posts of their own."""
    post = """<item><title>Aftercare FAQ</title><content:encoded><![CDATA[<!-- wp:block {"ref":300} /-->
<!-- wp:paragraph --><p>Keep your scalp dry for four days.</p><!-- /wp:paragraph -->
<!-- wp:block {"ref":301} /-->
<!-- wp:block {"ref":999} /-->
<!-- wp:block {"ref":302} /-->
<p>Call us.</p>]]></content:encoded><wp:post_id>260</wp:post_id><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type></item>
"""
    export = _export(_reusable(300, "<!-- wp:paragraph -->\n<p>Book your free consultation: 0141 496 0123</p>\n"
                                    "<!-- /wp:paragraph -->")
                     + post
                     + _reusable(301, '<p>Prices start at £900.</p><!-- wp:block {"ref":300} /-->')
                     + _reusable(302, '<p>Open on Saturdays.</p><!-- wp:block {"ref":302} /-->'))
    [read] = read_wxr(export, "export.xml")
    assert [(b.line, b.text) for b in read.blocks] == [
        (10, "Book your free consultation: 0141 496 0123"),
        (11, "Keep your scalp dry for four days."),
        (12, "Prices start at £900."),
        (12, "Book your free consultation: 0141 496 0123"),
        (14, "Open on Saturdays."),
        (15, "Call us.")]
    assert read.warnings == [
        "line 13: reusable block 999 is not in the export; its text is missing from this post",
        "line 14: reusable block 302 is used inside itself or too deeply; put in once"]
    # Imported, each is one warning line naming the file and the line.
    from smpseo.cli import main

    (tmp_path / "export.xml").write_text(export, encoding="utf-8")
    assert main(["import", str(tmp_path / "export.xml"), "--to", str(tmp_path / "posts")]) == 0
    assert [line for line in capsys.readouterr().err.splitlines() if "warning" in line] == [
        f"{tmp_path / 'export.xml'}:13: warning: reusable block 999 is not in the export; its text is missing from "
        "this post",
        f"{tmp_path / 'export.xml'}:14: warning: reusable block 302 is used inside itself or too deeply; put in once"]
    assert "Book your free consultation" in (tmp_path / "posts" / "aftercare-faq.md").read_text(encoding="utf-8")


GALLERY = """<item><title>Before and after: crown work</title><wp:post_name>crown</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<!-- wp:gallery -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":101} -->
<figure class="wp-block-image"><img src="/crown-1.jpg" alt="Crown before and after SMP"/></figure>
<!-- /wp:image --><!-- wp:image {"id":103} -->
<figure class="wp-block-image"><img src="/crown-2.jpg" alt=""/><figcaption class="wp-element-caption">Side view, six weeks on</figcaption></figure>
<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">Three sessions on a thinning crown</figcaption></figure>
<!-- /wp:gallery -->]]></content:encoded></item>
"""
# The gallery block of WordPress before 5.9: a list of figures
OLD_GALLERY = """<item><title>Before and after: crown work</title><wp:post_name>crown</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<!-- wp:gallery -->
<figure class="wp-block-gallery"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item">
<figure><img src="/crown-1.jpg" alt="Crown before and after SMP"/></figure></li><li class="blocks-gallery-item">
<figure><img src="/crown-2.jpg" alt=""/><figcaption class="blocks-gallery-item__caption">Side view, six weeks on</figcaption></figure></li></ul>
<figcaption class="blocks-gallery-caption">Three sessions on a thinning crown</figcaption></figure>
<!-- /wp:gallery -->]]></content:encoded></item>
"""


@pytest.mark.parametrize("item", [GALLERY, OLD_GALLERY])
def test_a_gallery_keeps_each_images_caption_and_its_own(item, tmp_path):
    """A gallery is a figure of figures: each image has its own caption (the first none), never the last image's,
    and the gallery's caption is a paragraph of the post where it stands, so a post that is only a gallery keeps its
    sentence."""
    [post] = read_wxr(_export(item), "export.xml")
    assert [(b.kind, b.line, b.text, [(i.src, i.alt, i.caption) for i in b.images]) for b in post.blocks] == [
        (IMAGE, 10, "Crown before and after SMP", [("/crown-1.jpg", "Crown before and after SMP", "")]),
        (IMAGE, 12 if item is GALLERY else 11, "Side view, six weeks on",
         [("/crown-2.jpg", "", "Side view, six weeks on")]),
        (PARAGRAPH, 13 if item is GALLERY else 12, "Three sessions on a thinning crown", [])]
    from smpseo.cli import main

    (tmp_path / "export.xml").write_text(_export(item), encoding="utf-8")
    assert main(["import", str(tmp_path / "export.xml"), "--to", str(tmp_path / "posts")]) == 0
    body = (tmp_path / "posts" / "crown.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == ('\n![Crown before and after SMP](/crown-1.jpg)\n\n<figure><img src="/crown-2.jpg" alt="">'
                    "<figcaption>Side view, six weeks on</figcaption></figure>\n\nThree sessions on a thinning crown\n")
    [imported] = read_file(tmp_path / "posts" / "crown.md")  # the caption reads back as the caption
    assert [(i.src, i.caption) for i in imported.images] == [("/crown-1.jpg", ""), ("/crown-2.jpg",
                                                                                     "Side view, six weeks on")]
