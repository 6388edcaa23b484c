"""What `import` keeps of a post read from HTML (a page, an export): each link in its own paragraph, tables as
Markdown tables (or HTML where Markdown has no form for them), a link whose text is masked never an empty link."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from smpseo.cli import main
from smpseo.core.text import words
from smpseo.model.post import CODE, IMAGE, MEDIA, PARAGRAPH, TABLE, Post
from smpseo.sources.readers import read_file
from smpseo.sources.readers.htmlblocks import html_to_blocks
from smpseo.sources.readers.markdown import parse_markdown
from smpseo.sources.writer import to_markdown, write_post

from .conftest import FIXTURES, shared

_MD = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def test_loose_text_gives_each_link_and_image_to_the_paragraph_it_stands_in():
    blocks = html_to_blocks('Link:\n\n<a href="https://example.com/blues.mp3">St. Louis Blues</a>\n\n'
                            'Audio shortcode:<br><br>See <a href="/aftercare/">aftercare</a> <img src="a.png" '
                            'alt="healed"><br><br>Last words <a href="/x/"><i class="icon"></i></a>.')
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        (PARAGRAPH, "Link:", 1), (PARAGRAPH, "St. Louis Blues", 3), (PARAGRAPH, "Audio shortcode:", 5),
        (PARAGRAPH, "See aftercare", 5), (PARAGRAPH, "Last words .", 5)]
    assert [[ln.href for ln in b.links] for b in blocks] == [
        [], ["https://example.com/blues.mp3"], [], ["/aftercare/"], ["/x/"]]
    assert [[i.src for i in b.images] for b in blocks] == [[], [], [], ["a.png"], []]


def test_loose_images_alone_keep_the_links_around_them():
    blocks = html_to_blocks('<div><a href="/big.png"><img src="a.png" alt="x"></a></div>')
    assert [(b.kind, [ln.href for ln in b.links], [i.src for i in b.images]) for b in blocks] == [
        (IMAGE, ["/big.png"], ["a.png"])]


# -- tables ------------------------------------------------------------------------------------------------------

PRICES = """<h2>Prices in Leeds</h2>
<p>What a session costs.</p>
<table><thead><tr><th>Treatment</th><th style="text-align: right">Price | from</th></tr></thead>
<tbody><tr><td><a href="/blog/hairline/"><strong>Hairline</strong> restoration</a></td><td>&pound;1,200</td></tr>
<tr><td><em>Scar</em> camouflage <img src="/img/scar.jpg" alt="Healed scar"></td><td>on <a href="/contact/">request</a>
</td></tr></tbody></table>"""


def _post(html: str, slug: str = "prices") -> Post:
    return Post(path=None, slug=slug, title="Prices", blocks=html_to_blocks(html))


def test_a_table_of_data_is_written_as_a_markdown_table_with_its_links_emphasis_and_images():
    post = _post(PRICES)
    text = to_markdown(post)
    assert "| Treatment | Price \\| from |\n| --- | ---: |\n" in text
    assert "| [**Hairline** restoration](/blog/hairline/) | £1,200 |" in text
    assert "| *Scar* camouflage ![Healed scar](/img/scar.jpg) | on [request](/contact/) |" in text
    back = parse_markdown(text, "prices.md")
    table = next(b for b in back.blocks if b.kind == TABLE)
    assert [(ln.href, ln.text) for ln in table.links] == [("/blog/hairline/", "Hairline restoration"),
                                                           ("/contact/", "request")]
    assert [(i.src, i.alt) for i in table.images] == [("/img/scar.jpg", "Healed scar")]


def test_a_table_without_a_header_row_gets_an_empty_one_and_short_rows_are_filled():
    text = to_markdown(_post("<table><tr><td>Crown</td><td>3 sessions</td></tr><tr><td>Scar</td></tr></table>"))
    assert "|  |  |\n| --- | --- |\n| Crown | 3 sessions |\n| Scar |  |\n" in text


def test_a_table_markdown_cannot_express_is_kept_as_html_with_nothing_lost():
    html = ('<table><caption>Sessions</caption><tr><th>Plan</th><th>Includes</th></tr>'
            '<tr><td rowspan="2"><a href="/plans/">Full</a></td><td><ul><li>Three sessions</li><li>Touch-up'
            '</li></ul></td></tr><tr><td class="x" style="color:red">Aftercare <img data-src="/kit.jpg" '
            'src="data:image/gif;base64,R0lGOD" alt="kit"><script>track()</script></td></tr></table>')
    post = _post(html)
    text = to_markdown(post)
    assert '<td rowspan="2"><a href="/plans/">Full</a></td>' in text and "<li>Three sessions</li>" in text
    assert '<img src="/kit.jpg" alt="kit">' in text and "track()" not in text and "color" not in text
    assert "\n\n" not in text.split("<table>", 1)[1]  # one HTML block: a blank line would end it
    back = parse_markdown(text, "prices.md")
    (table,) = [b for b in back.blocks if b.kind == TABLE]
    (before,) = [b for b in post.blocks if b.kind == TABLE]
    assert table.text == before.text
    assert [ln.href for ln in table.links] == ["/plans/"] and [i.src for i in table.images] == ["/kit.jpg"]


# -- links whose text is masked ------------------------------------------------------------------------------------

def test_an_image_only_link_keeps_its_image_and_a_link_showing_no_text_its_address():
    post = _post('<p>Call <a href="tel:+441135550123"><i class="icon-phone"></i></a> or see '
                 '<a href="/gallery/"><img src="/img/after.jpg" alt="After two sessions"></a> and '
                 '<a href="/book/"><span> </span></a>.</p>')
    text = to_markdown(post)
    assert "[](" not in text
    assert "[![After two sessions](/img/after.jpg)](/gallery/)" in text
    assert "[`tel:+441135550123`](tel:+441135550123)" in text and "[`/book/`](/book/)" in text
    back = parse_markdown(text, "prices.md")
    assert [b.text for b in back.blocks] == [b.text for b in post.blocks]  # the prose read as before
    assert [ln.href for ln in back.links] == ["tel:+441135550123", "/gallery/", "/book/"]
    assert [(i.src, i.link) for i in back.images] == [("/img/after.jpg", "/gallery/")]



@pytest.mark.parametrize(("html", "between"), [  # a paragraph; loose text, as WordPress's classic editor keeps it
    ('<p>See <a href="/prices/">our prices</a> first. Then call <a href="tel:+441135550123"></a> us today, or see '
     '<a href="/gallery/"><img src="/img/after.jpg" alt="After"></a> the gallery <a href="/book/"><span></span></a>'
     '</p>', " "),
    ('See <a href="/prices/">our prices</a> first. Then call <a href="tel:+441135550123"><i class="icon"></i></a>\n'
     'us today, or see <a href="/gallery/"><img src="/img/after.jpg" alt="After"></a> the gallery <a href="/book/">'
     '</a>\n\nThe end.', "\n")])
def test_a_link_showing_no_text_is_written_where_it_stands_not_after_the_link_before_it(html, between):
    post = _post(html)
    assert to_markdown(post).split("---\n\n", 1)[1].startswith(
        "See [our prices](/prices/) first. Then call [`tel:+441135550123`](tel:+441135550123)" + between
        + "us today, or see [![After](/img/after.jpg)](/gallery/) the gallery [`/book/`](/book/)\n")
    back = parse_markdown(to_markdown(post), "links.md")
    assert [b.text for b in back.blocks] == [b.text for b in post.blocks]  # the prose read as before
    assert [ln.href for ln in back.links] == ["/prices/", "tel:+441135550123", "/gallery/", "/book/"]


# -- the round trip: the import checks as its source does, and holds all of it ------------------------------------

def _export(path: Path, posts: dict[str, str]) -> None:
    items = "".join(f"<item><title>{slug.replace('-', ' ').title()}</title><wp:post_name>{slug}</wp:post_name>"
                    f"<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
                    f"<content:encoded><![CDATA[{html}]]></content:encoded></item>\n" for slug, html in posts.items())
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><wp:wxr_version>1.2</wp:wxr_version>\n'
                    + items + "</channel></rss>\n", encoding="utf-8")


def _findings(path: Path, capsys) -> Counter:
    """Each finding of `check --format json` as (post's slug, rule, message, match), the posts' names in messages
    made the same for a source and its import."""
    main(["check", str(path), "--format", "json"])
    found: Counter = Counter()
    for f in json.loads(capsys.readouterr().out)["findings"]:
        slug = f["path"].rsplit("#", 1)[1] if "#" in f["path"] else Path(f["path"]).stem
        message = re.sub(r"\S+[#/]([\w-]+?)(?:\.md)?\b", r"\1", f["message"])
        found[(slug, f["rule"], message, f["match"])] += 1
    return found


def test_an_export_with_tables_of_links_checks_the_same_once_imported(tmp_path, capsys):
    export = tmp_path / "export.xml"
    _export(export, {
        "smp-prices": "<p>What scalp micropigmentation costs in Leeds, by treatment.</p>\n" + PRICES,
        "hairline": ('<p>Our hairline work.</p>\n<table><tr><th>See</th><th>Where</th></tr><tr><td>'
                     '<a href="/smp-prices/">our prices</a></td><td><a href="https://maps.example.com/">'
                     '<img src="/map.png" alt="Map of the studio"></a></td></tr></table>\n'
                     'Link:\n\n<a href="/hairline/">Hairline restoration</a>\n\n'
                     '<p><a href="https://facebook.com/clinic"><span class="icon"></span></a> Follow us.</p>'),
    })
    assert main(["import", str(export), "--to", str(tmp_path / "posts")]) == 0
    capsys.readouterr()
    assert _findings(tmp_path / "posts", capsys) == _findings(export, capsys)


def _rendered(path: Path) -> BeautifulSoup:
    return BeautifulSoup(_MD.render(path.read_text(encoding="utf-8").split("\n---\n", 1)[1]), "html.parser")


def _kept(post: Post, page: BeautifulSoup) -> list[str]:
    """What of `post`, as smpseo reads its source, the rendered import lacks: links, images, words."""
    lacking = Counter(unquote(ln.href) for ln in post.links) - Counter(
        unquote(a["href"]) for a in page.find_all("a", href=True))
    lacking += Counter(unquote(i.src) for i in post.images if i.src) - Counter(
        unquote(i["src"]) for i in page.find_all("img"))
    said = [b.text for b in post.blocks if b.kind not in (IMAGE, CODE)] + [i.caption for i in post.images]
    shown = [page.get_text()] + [img.get("alt", "") for img in page.find_all("img")]
    lacking += Counter(words(" ".join(said))) - Counter(words(" ".join(shown)))
    return sorted(lacking)


@pytest.mark.parametrize("source", ["themeunittestdata.wordpress.xml", "64-block-test-data.xml"])
def test_every_link_image_and_word_of_the_wordpress_test_data_is_in_its_import(source, tmp_path):
    posts = read_file(FIXTURES / "wxr" / source)
    assert len(posts) > 30 and sum(len(p.links) for p in posts) > 30 and sum(len(p.images) for p in posts) > 30
    for n, post in enumerate(posts):
        assert _kept(post, _rendered(write_post(post, tmp_path, slug=f"post-{n}"))) == [], post.slug


def test_every_link_image_and_word_of_blog_posts_read_as_html_pages_is_in_their_import(tmp_path):
    """A sample of a real blog's posts, each made a web page (as its site shows it) and imported from there."""
    sources = sorted(shared("corpora", "18f-blog-posts").glob("*.md"))[::10]
    for source in sources:
        page = tmp_path / (source.stem + ".html")
        post = parse_markdown(source.read_text(encoding="utf-8"), str(source))
        page.write_text(f"<html><head><title>{html.escape(post.title)}</title></head><body><article>"
                        f"{_MD.render(source.read_text(encoding='utf-8').split(chr(10) + '---' + chr(10), 1)[-1])}"
                        "</article></body></html>", encoding="utf-8")
        (read,) = read_file(page)
        out = write_post(read, tmp_path / "posts")
        assert _kept(read, _rendered(out)) == [], source.name


def test_an_image_in_a_heading_list_item_or_quote_is_written_with_it():
    post = _post('<h2><img src="/icon.png" alt="Drop"> Aftercare</h2><ul><li>Keep it dry <img src="/dry.jpg" '
                 'alt="Dry scalp"></li></ul><blockquote><p>Worth it <img src="/after.jpg" alt="After"></p></blockquote>')
    back = parse_markdown(to_markdown(post), "prices.md")
    assert [(b.kind, b.text, [i.src for i in b.images]) for b in back.blocks] == [
        (b.kind, b.text, [i.src for i in b.images]) for b in post.blocks]
    assert [i.src for i in back.images] == ["/icon.png", "/dry.jpg", "/after.jpg"]


# -- audio and video -----------------------------------------------------------------------------------------------

def test_an_audio_or_video_player_or_shortcode_is_a_block_of_its_own_at_its_place(tmp_path):
    export = tmp_path / "export.xml"
    _export(export, {"sounds": 'Link:\n\n<a href="/blues.mp3">St. Louis Blues</a>\n\nAudio shortcode:\n\n'
                               '[audio https://example.com/a/blues.mp3]\n\nA video:\n\n[video width="640" '
                               'mp4="https://example.com/v/tour.mp4"][/video]\n\n<figure class="wp-block-video">'
                               '<video controls><source src="/v/crown.webm">Your browser cannot play it.</video>'
                               '<figcaption>Crown session</figcaption></figure>\n\nThe end.'})
    (post,) = read_file(export)
    assert [(b.kind, b.text, b.markup) for b in post.blocks] == [
        (PARAGRAPH, "Link:", ""), (PARAGRAPH, "St. Louis Blues", ""), (PARAGRAPH, "Audio shortcode:", ""),
        (MEDIA, "", '<audio controls src="https://example.com/a/blues.mp3"></audio>'), (PARAGRAPH, "A video:", ""),
        (MEDIA, "", '<video controls src="https://example.com/v/tour.mp4"></video>'),
        (MEDIA, "", '<video controls src="/v/crown.webm"></video>'), (PARAGRAPH, "Crown session", ""),
        (PARAGRAPH, "The end.", "")]
    first = post.blocks[0].line  # each at its own line of the export
    assert [b.line - first for b in post.blocks if b.kind == MEDIA] == [6, 10, 12]
    back = parse_markdown(to_markdown(post), "sounds.md")
    assert [(b.kind, b.text, b.markup) for b in back.blocks] == [(b.kind, b.text, b.markup) for b in post.blocks]


# -- embeds --------------------------------------------------------------------------------------------------------

def test_an_embed_is_a_block_of_its_own_at_its_place_and_checks_the_same_once_imported(tmp_path, capsys):
    export = tmp_path / "export.xml"
    _export(export, {"videos": 'Our studio tour:\n\nhttps://www.youtube.com/watch?v=abc123\n\nA session, start to '
                               'finish:\n\n[embed]https://vimeo.com/76979871[/embed]\n\n<!-- wp:embed {"url":'
                               '"https://www.instagram.com/p/Cx1/","type":"rich"} -->\n<figure class="wp-block-embed '
                               'is-type-rich is-provider-instagram"><div class="wp-block-embed__wrapper">\n'
                               'https://www.instagram.com/p/Cx1/\n</div><figcaption>Healed at four weeks'
                               '</figcaption></figure>\n<!-- /wp:embed -->\n\nThe end.', "more": "More to come."})
    post = read_file(export)[0]
    embeds = ["https://www.youtube.com/watch?v=abc123", "https://vimeo.com/76979871", "https://www.instagram.com/p/Cx1/"]
    assert [(b.kind, b.text) for b in post.blocks] == [
        (PARAGRAPH, "Our studio tour:"), (MEDIA, ""), (PARAGRAPH, "A session, start to finish:"), (MEDIA, ""),
        (MEDIA, ""), (PARAGRAPH, "Healed at four weeks"), (PARAGRAPH, "The end.")]
    assert [b.markup for b in post.blocks if b.kind == MEDIA] == [
        f'<figure class="wp-block-embed"><a href="{src}">{src}</a></figure>' for src in embeds]
    assert not post.links  # a player, not a link of the post's prose, as an audio or video player is
    first = post.blocks[0].line
    assert [b.line - first for b in post.blocks if b.kind == MEDIA] == [2, 6, 9]
    back = parse_markdown(to_markdown(post), "videos.md")
    assert [(b.kind, b.text, b.markup) for b in back.blocks] == [(b.kind, b.text, b.markup) for b in post.blocks]
    before = _findings(export, capsys)
    assert main(["import", str(export), "--to", str(tmp_path / "posts")]) == 0
    capsys.readouterr()
    assert _findings(tmp_path / "posts", capsys) == before


def test_a_player_s_frame_is_an_embed_wherever_the_post_shows_it_and_no_tracker_s_is(tmp_path, capsys):
    """A video pasted as its player's frame into a classic WordPress post, or Ghost's embed card, is the post's
    video: an embed block at its place, which import writes; a frame of no size (a tracker's), one hidden, and one
    that shows no player (a form, a widget) are still no part of the post."""
    export = tmp_path / "export.xml"
    player = 'src="https://www.youtube.com/embed/xyz789" width="560" height="315" allow="autoplay; encrypted-media"'
    _export(export, {"tour": f'Our studio tour:\n\n<iframe {player}></iframe>\n\nA map: <iframe src="https://www.'
                             'google.com/maps/embed?pb=1" allowfullscreen></iframe> to find us.\n\n<iframe src="https:'
                             '//track.example/p" width="1" height="1"></iframe><iframe src="https://www.youtube.com/'
                             'embed/gone" allowfullscreen style="display:none"></iframe><iframe src="https://forms.'
                             'example/f"></iframe>\n\nThe end.'})
    (post,) = read_file(export)
    assert [b.markup for b in post.blocks if b.kind == MEDIA] == [
        f'<figure class="wp-block-embed"><a href="{src}">{src}</a></figure>'
        for src in ("https://www.youtube.com/embed/xyz789", "https://www.google.com/maps/embed?pb=1")]
    assert [b.text for b in post.blocks if b.kind == PARAGRAPH] == ["Our studio tour:", "A map: to find us.",
                                                                    "The end."]  # (a player in a paragraph: before it)
    ghost = tmp_path / "ghost.json"
    card = ('<p>Watch it heal.</p><figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/7" '
            'frameborder="0"></iframe><figcaption>Day one to thirty</figcaption></figure><p>Book today.</p>')
    ghost.write_text(json.dumps({"db": [{"meta": {"version": "5.0.0"}, "data": {"posts": [
        {"id": "1", "title": "Healing", "slug": "healing", "html": card, "status": "published", "type": "post"}]}}]}),
        encoding="utf-8")
    (healing,) = read_file(ghost)
    assert [(b.kind, b.text) for b in healing.blocks] == [(PARAGRAPH, "Watch it heal."), (MEDIA, ""),
                                                          (PARAGRAPH, "Day one to thirty"), (PARAGRAPH, "Book today.")]
    assert main(["import", str(ghost), "--to", str(tmp_path / "posts")]) == 0
    assert "https://player.vimeo.com/video/7" in (tmp_path / "posts" / "healing.md").read_text(encoding="utf-8")


def test_an_address_alone_on_a_line_inside_a_link_is_the_link_s_text_not_an_embed(tmp_path):
    export = tmp_path / "export.xml"
    _export(export, {"links": 'Our booking page: <a href="https://clinic.example/book/">\nhttps://clinic.example/book/'
                              '\n</a>\n\nThe end.'})
    (post,) = read_file(export)
    assert [b.kind for b in post.blocks] == [PARAGRAPH, PARAGRAPH]
    assert [(ln.href, ln.text) for ln in post.links] == [("https://clinic.example/book/",) * 2]


def test_an_embed_on_a_saved_page_keeps_its_player_s_address_and_no_other_frame_is_read(tmp_path):
    page = tmp_path / "tour.html"
    page.write_text('<html><head><title>Tour</title></head><body><article><h1>Tour</h1><p>Our tour of the studio.</p>'
                    '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe '
                    'src="https://www.youtube.com/embed/abc123"></iframe></div><figcaption>The studio</figcaption>'
                    '</figure><iframe src="https://maps.example.com/?q=studio"></iframe><p>The end.</p></article>'
                    '</body></html>', encoding="utf-8")
    (post,) = read_file(page)
    assert [(b.kind, b.text, b.markup) for b in post.blocks] == [
        (PARAGRAPH, "Our tour of the studio.", ""), (MEDIA, "", '<figure class="wp-block-embed"><a href="https://www.'
                                                                 'youtube.com/embed/abc123">https://www.youtube.com/'
                                                                 'embed/abc123</a></figure>'),
        (PARAGRAPH, "The studio", ""), (PARAGRAPH, "The end.", "")]
