"""Pages as site builders and exporters write them: lists of paragraphs, lazy-loaded images, the post's furniture
around it (author, date, counters, related posts), Medium's export."""

from __future__ import annotations

from smpseo.model.post import HEADING, IMAGE, LIST_ITEM, PARAGRAPH, Image
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
