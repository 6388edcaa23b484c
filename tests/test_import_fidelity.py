"""What `import` keeps of a post read from HTML (a page, an export): each link in its own paragraph, tables as
Markdown tables (or HTML where Markdown has no form for them), a link whose text is masked never an empty link."""

from __future__ import annotations

from smpseo.model.post import IMAGE, PARAGRAPH
from smpseo.sources.readers.htmlblocks import html_to_blocks


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
