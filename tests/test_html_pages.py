"""Pages as site builders and exporters write them: lists of paragraphs, lazy-loaded images, the post's furniture
around it (author, date, counters, related posts), Medium's export."""

from __future__ import annotations

import json

import pytest

from smpseo.model.post import HEADING, IMAGE, LIST_ITEM, PARAGRAPH, Image
from smpseo.sources.readers import load_posts
from smpseo.sources.readers.html import read_html
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.writer import to_markdown


def _shape(blocks):
    return [(b.kind, b.line, b.text) for b in blocks]


def test_list_items_written_as_paragraphs_are_list_items():
    """`<li><p>...</p></li>` (Squarespace, Wix): list items as the same list without `<p>`, not paragraphs (a run
    of paragraphs starting with one word is a style warning; a list is not); import writes them as `- ` items."""
    html = ("<html><head><title>Sessions</title></head><body><article><p>Most clients need three sessions.</p>\n"
            "<ul><li><p>Session one lays the hairline.</p></li><li><p>Session two builds density.</p>\n"
            "<p>It takes <b>three</b> hours.</p></li>\n<li>Session three adds final touches.</li></ul>"
            "</article></body></html>")
    [post] = read_html(html, "sessions.html")
    assert _shape(post.blocks) == [
        (PARAGRAPH, 1, "Most clients need three sessions."),
        (LIST_ITEM, 2, "Session one lays the hairline."),
        (LIST_ITEM, 2, "Session two builds density.\nIt takes three hours."),
        (LIST_ITEM, 4, "Session three adds final touches.")]
    assert [s.text for s in post.blocks[2].sentences] == ["Session two builds density.", "It takes three hours."]
    assert "\n- Session one lays the hairline.\n- Session two builds density." in to_markdown(post)


def test_a_list_inside_a_list_item_paragraph_stays_its_own_list():
    blocks = html_to_blocks("<ul><li><p>Aftercare:</p><ul><li><p>No sun.</p></li></ul></li></ul>")
    assert [(b.kind, b.text) for b in blocks] == [(LIST_ITEM, "No sun."), (LIST_ITEM, "Aftercare:")]


def test_a_lazy_loaded_image_takes_its_address_from_where_the_script_keeps_it():
    """Squarespace writes the image twice: in `<noscript>` with `src`, then with `data-src` only; the page shows
    one image, at the address of either."""
    html = ("<html><head><title>Scars</title></head><body><article><p>We treat FUT scars.</p>\n"
            '<figure><noscript><img src="https://cdn.example.com/fut.jpg" alt="FUT scar after SMP"></noscript>'
            '<img data-src="https://cdn.example.com/fut.jpg" alt="FUT scar after SMP">'
            "<figcaption><p>After two sessions</p></figcaption></figure></article></body></html>")
    [post] = read_html(html, "scars.html")
    assert post.images == [Image("https://cdn.example.com/fut.jpg", "FUT scar after SMP", 2,
                                 caption="After two sessions")]
    # Outside a figure, in a post's HTML (an export's content): one image too.
    blocks = html_to_blocks('<p><noscript><img src="/a.jpg" alt="A"></noscript><img data-src="/a.jpg" alt="A"></p>')
    assert [(b.kind, [i.src for i in b.images]) for b in blocks] == [(IMAGE, ["/a.jpg"])]


def test_each_lazy_loading_attribute_and_the_noscript_copy_give_the_address():
    cases = {
        '<img src="data:image/gif;base64,R0lGOD" data-lazy-src="/b.jpg">': "/b.jpg",
        '<img data-original="/c.jpg">': "/c.jpg",
        '<img data-srcset="/d-800.jpg 800w, /d-400.jpg 400w">': "/d-800.jpg",
        '<img srcset="/e-1x.jpg 1x, /e-2x.jpg 2x">': "/e-1x.jpg",
        '<img src="/f.jpg" data-src="/f-large.jpg">': "/f.jpg",
        '<noscript><img src="/g.jpg"></noscript><img class="lazy">': "/g.jpg",
        '<img class="lazy"><noscript><img src="/h.jpg"></noscript>': "/h.jpg",
    }
    for html, src in cases.items():
        assert [i.src for b in html_to_blocks(f"<p>{html}</p>") for i in b.images] == [src], html


def test_the_post_furniture_of_a_site_builder_is_not_prose():
    """A saved Wix post: the author, date and reading time above it, the view, comment and like counters below,
    the "Recent Posts" after it are the page's, not the post's (named by class, id or `data-hook`)."""
    html = """<html><head><title>SMP in Glasgow: How Many Sessions?</title></head><body>
<main><article data-hook="post">
<div data-hook="post-header"><div data-hook="user-name">Fiona MacLeod</div><span>14 Sept 2021</span><span
 data-hook="time-to-read">3 min read</span></div>
<h1 data-hook="post-title">SMP in Glasgow: How Many Sessions?</h1>
<div data-hook="post-description"><p>Most clients in Glasgow need two or three sessions.</p></div>
<div data-hook="post-footer"><div data-hook="post-stats">24 views 0 comments</div><span>3 likes</span></div>
</article>
<section data-hook="recent-posts"><h2>Recent Posts</h2><h3><a href="/post/does-smp-hurt">Does SMP Hurt?</a></h3>
</section></main></body></html>"""
    [post] = read_html(html, "sessions.html")
    assert _shape(post.blocks) == [(PARAGRAPH, 6, "Most clients in Glasgow need two or three sessions.")]
    assert post.title_h1


def test_theme_byline_and_related_posts_by_class_are_not_prose():
    html = """<html><head><title>Aftercare</title></head><body><div class="entry-content">
<div class="entry-meta">By Sam Lee on 3 May 2024 · 4 min read</div>
<p>Keep the scalp dry for four days after each session.</p>
<div class="jp-relatedposts"><h3>Related</h3><p><a href="/cost/">SMP cost</a></p></div>
<section class="related-posts"><h2>You may also like</h2><p>Does SMP hurt?</p></section>
</div></body></html>"""
    [post] = read_html(html, "aftercare.html")
    assert _shape(post.blocks) == [(PARAGRAPH, 3, "Keep the scalp dry for four days after each session.")]
    assert not any(b.kind == HEADING for b in post.blocks)


def _medium(title: str, body: str, footer: str) -> str:
    """A page of Medium's export, as it writes them."""
    return f"""<!DOCTYPE html><html><head><title>{title}</title></head><body><article class="h-entry">
<header><h1 class="p-name">{title}</h1></header>
<section data-field="subtitle" class="p-summary">When can you train again?</section>
<section data-field="body" class="e-content"><section class="section section--body"><div class="section-content">
<div class="section-inner sectionLayout--insetColumn">
{body}
</div></div></section></section>
<footer>{footer}<p>Exported from <a href="https://medium.com">Medium</a> on November 2, 2023.</p></footer>
</article></body></html>"""


PUBLISHED = ('<p>By <a href="https://medium.com/@clinic" class="p-author h-card">Clinic</a> on '
             '<a href="https://medium.com/p/9b8c7d6e5f40"><time class="dt-published" datetime="2019-02-11T23:55:00Z">'
             'February 11, 2019</time></a>.</p><p><a href="https://medium.com/@clinic/smp-and-the-gym-9b8c7d6e5f40" '
             'class="p-canonical">Canonical link</a></p>')
DRAFT = '<p><a href="https://medium.com/p/0a1b2c3d4e5f">View original.</a></p>'
BODY = ('<h4 class="graf graf--h4 graf--leading graf--kicker">Aftercare</h4>'
        '<h3 class="graf graf--h3 graf--title">SMP and the Gym</h3>'
        '<h4 class="graf graf--h4 graf--subtitle">When can you train again?</h4>\n'
        '<h3 class="graf graf--h3">Sweat</h3><p class="graf graf--p graf--trailing">Give it four days.</p>')


def test_medium_title_subtitle_and_kicker_are_not_the_body():
    """Medium's export repeats the title, subtitle and kicker at the top of the body: they are the post's title
    and description, not its first subheadings (where the keyphrase checks would count the title)."""
    [post] = read_html(_medium("SMP and the Gym", BODY, PUBLISHED), "2019-02-11_SMP-and-the-Gym-9b8c7d6e5f40.html")
    assert (post.title, post.description) == ("SMP and the Gym", "When can you train again?")
    assert _shape(post.blocks) == [(HEADING, 7, "Sweat"), (PARAGRAPH, 7, "Give it four days.")]
    assert (post.slug, post.status, str(post.date)) == ("smp-and-the-gym", "", "2019-02-11")


def test_a_medium_draft_is_a_draft_with_a_slug_without_the_post_id():
    """A draft: the file's name starts `draft_`, its footer has no publication time; its slug is the file's name
    without that and without Medium's post id. An untitled draft keeps no title, and is a draft all the same."""
    [post] = read_html(_medium("SMP and the Gym", BODY, DRAFT), "posts/draft_SMP-and-the-Gym-0a1b2c3d4e5f.html")
    assert (post.slug, post.status, post.date, post.title) == ("smp-and-the-gym", "draft", None, "SMP and the Gym")
    assert post.not_a_post == "draft"
    [untitled] = read_html(_medium("", "<p>ideas: scars, women</p>", '<p><a href="https://medium.com/p/5e6f7a8b9c0d">'
                                   "View original.</a></p>"), "draft_Untitled-5e6f7a8b9c0d.html")
    assert (untitled.slug, untitled.status, untitled.title) == ("untitled", "draft", "")
    # Renamed, with its footer link: still Medium's draft (no publication time).
    [renamed] = read_html(_medium("SMP and the Gym", BODY, DRAFT), "gym.html")
    assert (renamed.slug, renamed.status) == ("gym", "draft")


RESPONSE = ('<p class="graf graf--p graf--leading graf--trailing">Great read, thank you! We see the same with our '
            "clients after their second session.</p>")


@pytest.mark.parametrize("name", ["Great read, thank you! We see the same…", ""])
def test_a_medium_response_is_left_out_with_a_count_and_read_when_named(tmp_path, name):
    """Medium's export keeps the writer's responses (comments on other writers' posts) among her posts: a
    published entry whose body opens with no title, named by its first words (or not at all), is one."""
    (tmp_path / "2019-02-11_SMP-and-the-Gym-9b8c7d6e5f40.html").write_text(_medium("SMP and the Gym", BODY, PUBLISHED))
    response = tmp_path / "2020-01-02_Great-read-1a2b3c4d5e6f.html"
    response.write_text(_medium(name, RESPONSE, PUBLISHED.replace("9b8c7d6e5f40", "1a2b3c4d5e6f")))
    corpus = load_posts(tmp_path)
    assert [p.title for p in corpus] == ["SMP and the Gym"]
    assert [(e.severity, e.message) for e in corpus.errors] == [
        ("info", "1 response left out (comments written on other writers' posts, which Medium's export keeps among "
                 "the posts); name one to check it")]
    assert [p.not_a_post for p in load_posts(response)] == ["response"]  # named on its own: checked


def test_a_medium_post_whose_body_does_not_repeat_its_title_or_says_it_replies_is_told_apart():
    untitled_body = _medium("Does SMP hurt?", "<p>Most clients rate it two out of ten.</p>", PUBLISHED)
    [post] = read_html(untitled_body, "2019-02-11_Does-SMP-hurt-9b8c7d6e5f40.html")
    assert post.not_a_post == ""
    replying = _medium("SMP and the Gym", BODY, PUBLISHED + '<a class="u-in-reply-to" href="https://medium.com/p/1">')
    [reply] = read_html(replying, "2019-02-11_SMP-and-the-Gym-9b8c7d6e5f40.html")
    assert reply.not_a_post == "response"
    [draft] = read_html(_medium("", RESPONSE, DRAFT), "draft_Great-read-0a1b2c3d4e5f.html")
    assert draft.not_a_post == "draft"  # a draft with no title yet is a draft


def test_a_page_of_one_h_entry_that_is_not_medium_keeps_its_status_and_slug():
    page = _medium("Gym", "<p>Give it four days before you train.</p>", "").replace("<footer>", "<footer><p><a "
                   'href="https://example.com/gym-0a1b2c3d4e5f" class="p-canonical">Canonical</a></p>', 1)
    [post] = read_html(page, "draft_gym.html")
    assert (post.slug, post.status) == ("gym-0a1b2c3d4e5f", "")


def test_what_a_browser_does_not_show_is_not_the_post_s_text():
    """`style="display:none"` or `visibility:hidden` hides an element and what it holds, as `hidden` does;
    `aria-hidden` hides it from screen readers only (it is shown) and `hidden="until-found"` until a search opens it:
    those stay text. The lines of the rest are unchanged."""
    html = ("<html><head><title>Sessions</title></head><body><article>\n"
            "<p>Most clients need three sessions.</p>\n"
            '<p style="color: red; display : none !important">Vancouver scalp micropigmentation secret.</p>\n'
            "<div style='visibility:hidden'><p>Hidden too.</p></div>\n"
            '<p>Each takes <span style="DISPLAY:NONE">secret</span>three hours.</p>\n'
            '<p aria-hidden="true">Decorative but shown.</p>\n'
            '<div hidden="until-found"><p>Opened by a search.</p></div>\n'
            "<p>Healing takes a week.</p></article></body></html>")
    [post] = read_html(html, "sessions.html")
    assert _shape(post.blocks) == [
        (PARAGRAPH, 2, "Most clients need three sessions."), (PARAGRAPH, 5, "Each takes three hours."),
        (PARAGRAPH, 6, "Decorative but shown."), (PARAGRAPH, 7, "Opened by a search."),
        (PARAGRAPH, 8, "Healing takes a week.")]


def test_a_redirect_page_is_no_post_unless_named_on_its_own(tmp_path, capsys, monkeypatch):
    """A page of no text that sends the reader elsewhere (`<meta http-equiv="refresh">`) is left out of a folder's
    posts, with one line naming where it goes (no 0-word post, no SEO206 error, exit status 0); named on its own it
    is read; `import` writes no post of it."""
    from smpseo.cli import main
    from smpseo.sources.readers import load_posts

    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "old.html").write_text('<!doctype html><html><head><title>Moved</title>\n'
                                    '<meta http-equiv="Refresh" content="0; URL=\'/new/\'"></head><body></body></html>')
    (posts / "a.md").write_text("---\ntitle: Aftercare\ndescription: Dry.\n---\n\nKeep the scalp dry for a week.\n")
    corpus = load_posts(posts)
    assert [p.title for p in corpus] == ["Aftercare"]
    assert [str(e) for e in corpus.errors] == [
        f"{posts / 'old.html'}: info: a redirect page to /new/, not a post: left out; name it to check it"]
    assert [p.title for p in load_posts(posts / "old.html")] == ["Moved"]
    monkeypatch.chdir(tmp_path)
    assert main(["check", "posts", "--format", "json"]) == 0
    assert {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"posts/a.md"}
    assert main(["import", "posts/old.html", "--to", "out"]) == 0
    assert capsys.readouterr().err == "posts/old.html: info: a redirect page to /new/, not a post: not imported\n"
    assert not (tmp_path / "out").exists()
    # a page with text of its own that also refreshes is a post
    (posts / "old.html").write_text('<html><head><meta http-equiv="refresh" content="30; url=/new/"></head><body>'
                                    "<article><p>Scalp micropigmentation lasts years with good aftercare.</p>"
                                    "</article></body></html>")
    assert len(load_posts(posts)) == 2


def test_relative_links_and_images_resolve_against_the_page_s_base_address():
    """A browser resolves a relative address against `<base href>`: on the page's own site it is a site-relative
    address (an internal link, also with no site address set), on another site an absolute one (external); an
    absolute address and a link within the page stay as written."""
    from smpseo.analysis.site import is_internal

    html = ('<html><head><title>Sessions</title><link rel="canonical" href="https://www.clinic.com/blog/sessions/">\n'
            '<base href="https://clinic.com/blog/"></head><body><article>\n'
            '<p>See <a href="aftercare/">aftercare</a>, <a href="../prices?x=1#a">prices</a>, <a href="#top">top</a>'
            ' and <a href="https://other.org/x">this</a>.</p>\n<p><img src="img/a.jpg" alt="Result"></p>\n'
            "</article></body></html>")
    [post] = read_html(html, "sessions.html")
    assert [link.href for link in post.links] == ["/blog/aftercare/", "/prices?x=1#a", "#top", "https://other.org/x"]
    assert [img.src for img in post.images] == ["/blog/img/a.jpg"]
    [post] = read_html(html.replace("https://clinic.com/blog/", "https://cdn.example.net/"), "sessions.html")
    assert [link.href for link in post.links][:2] == ["https://cdn.example.net/aftercare/",
                                                      "https://cdn.example.net/prices?x=1#a"]
    assert not is_internal(post.links[0].href)
    [post] = read_html(html.replace("https://clinic.com/blog/", "/news/"), "sessions.html")
    assert [link.href for link in post.links][:2] == ["/news/aftercare/", "/prices?x=1#a"]
