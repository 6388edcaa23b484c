"""Ghost's JSON export: its posts (not its pages) with their titles, tags, dates and descriptions at the lines of
their fields, drafts left out as other drafts are, and a file that is not an export one clear line. A file given
alone that holds a whole blog (an export) is checked as that blog, not with the other files of its folder."""

from __future__ import annotations

import datetime as dt

import pytest

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file

from .conftest import FIXTURES, read_error

EXPORT = FIXTURES / "ghost" / "export.json"


def test_posts_of_a_ghost_export_with_their_fields_and_lines():
    posts = read_file(EXPORT)
    assert [(p.slug, p.status) for p in posts] == [("does-smp-hurt", "published"), ("prices", "draft")]
    post = posts[0]
    assert (post.title, post.title_line, post.date, post.tags) == ("Does SMP hurt?", 9, dt.date(2024, 5, 6), ["Pain"])
    assert post.description == "What a session feels like." and post.meta_line("description") == 15
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (11, "paragraph", "Most clients rate it two out of ten."), (11, "heading", "Numbing"),
        (11, "paragraph", "We use a numbing cream. Call 0161 555 0123.")]
    assert post.source == "export.json#does-smp-hurt"


@pytest.mark.parametrize(("text", "line", "message"), [
    ('{\n  "db": [\n    {"data": {"posts": [}\n', 3, "invalid JSON"),
    ('{"posts": []}\n', 0, "not a Ghost export"),
    ('[1, 2]', 0, "not a Ghost export"),
    ('{"db": [{"data": {"posts": [\n{"id": ' + "9" * 5000 + '}]}}]}\n', 2, "a number of more than 4,300 digits"),
])
def test_what_is_not_an_export_is_one_error(tmp_path, text, line, message):
    error = read_error(tmp_path / "data.json", text)
    assert error.line == line and message in error.message


def test_an_export_given_alone_is_its_own_blog(tmp_path, capsys):
    export = tmp_path / "export.json"
    export.write_text(EXPORT.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "other.md").write_text("---\ntitle: Does SMP hurt?\n---\n\nAnother post beside the export.\n")
    corpus = load_posts([export])
    assert [p.slug for p in corpus] == ["does-smp-hurt"] and "1 draft left out" in corpus.errors[0].message
    assert main(["check", str(export)]) in (0, 1)
    out, err = capsys.readouterr()
    assert "other.md" not in out + err  # the Markdown file beside it is not part of the exported blog
    assert f"{export}:11:" in out



def test_odd_values_in_an_export_are_passed_over_not_fatal(tmp_path):
    """Ids that are lists or objects, tags that are not a list, a title that is a number: the post is still read."""
    odd = ('{"db": [{"data": {"posts": [{"id": ["p1"], "type": "post", "slug": "hurt", "title": 7, '
           '"html": "<p>Most clients rate it a two.</p>", "published_at": "2024-13-99"}], "tags": "Pain", '
           '"posts_tags": [{"post_id": {"x": 1}, "tag_id": []}]}}]}')
    path = tmp_path / "odd.json"
    path.write_text(odd, encoding="utf-8")
    [post] = read_file(path)
    assert (post.slug, post.title, post.tags, post.date) == ("hurt", "", [], None)
    assert [b.text for b in post.blocks] == ["Most clients rate it a two."]


def _ghost(tmp_path, data: dict) -> list:
    """The posts read from a Ghost export of `data` (db[0].data), written one field a line as Ghost writes it."""
    import json

    path = tmp_path / "ghost.json"
    path.write_text(json.dumps({"db": [{"meta": {"version": "5.71.2"}, "data": data}]}, indent=1), encoding="utf-8")
    return read_file(path)


def test_ghost_4_keeps_the_meta_description_in_posts_meta(tmp_path):
    """Ghost 4 and later keep a post's SEO fields in `posts_meta`, matched by `post_id`: a current blog's meta
    descriptions are read from there (at their line), the in-post field of older exports still, and the custom
    excerpt when there is no meta description."""
    posts = _ghost(tmp_path, {"posts": [
        {"id": "p1", "title": "SMP for alopecia", "slug": "alopecia", "type": "post", "status": "published",
         "html": "<p>SMP helps alopecia.</p>", "custom_excerpt": "Our short excerpt."},
        {"id": "p2", "title": "Old post", "slug": "old", "type": "post", "status": "published",
         "html": "<p>Old.</p>", "meta_description": "Kept in the post, as Ghost 3 did."},
        {"id": "p3", "title": "Excerpt only", "slug": "excerpt", "type": "post", "status": "published",
         "html": "<p>Text.</p>", "custom_excerpt": "What the excerpt says."}],
        "posts_meta": [{"id": "m3", "post_id": "p3", "meta_description": None},
                       {"id": "m1", "post_id": "p1", "meta_title": None,
                        "meta_description": "Can SMP help alopecia areata? Our artists explain."}]})
    assert [(p.slug, p.description) for p in posts] == [
        ("alopecia", "Can SMP help alopecia areata? Our artists explain."),
        ("old", "Kept in the post, as Ghost 3 did."), ("excerpt", "What the excerpt says.")]
    lines = (tmp_path / "ghost.json").read_text(encoding="utf-8").split("\n")
    at = posts[0].meta_line("description")
    assert '"meta_description": "Can SMP help alopecia areata?' in lines[at - 1]


def test_internal_tags_are_not_the_posts_tags(tmp_path):
    """Ghost's internal tags (`#newsletter`, visibility `internal`) sort the site, they are not the post's topics."""
    [post] = _ghost(tmp_path, {
        "posts": [{"id": "p1", "title": "SMP", "slug": "smp", "type": "post", "html": "<p>Text.</p>"}],
        "tags": [{"id": "t1", "name": "Alopecia", "visibility": "public"},
                 {"id": "t2", "name": "#newsletter", "visibility": "internal"}, {"id": "t3", "name": "#hidden"}],
        "posts_tags": [{"post_id": "p1", "tag_id": "t1"}, {"post_id": "p1", "tag_id": "t2"},
                       {"post_id": "p1", "tag_id": "t3"}]})
    assert post.tags == ["Alopecia"]


BOOKMARK = ('<p>SMP can camouflage alopecia.</p><figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-'
            'container" href="https://www.nhs.uk/conditions/alopecia/"><div class="kg-bookmark-content"><div class='
            '"kg-bookmark-title">Hair loss - NHS</div><div class="kg-bookmark-description">Find out about hair loss.'
            '</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://www.nhs.uk/favicon.ico"'
            ' alt=""><span class="kg-bookmark-author">nhs.uk</span></div></div><div class="kg-bookmark-thumbnail">'
            '<img src="https://www.nhs.uk/a.png" alt=""></div></a></figure>')


def test_a_bookmark_card_is_a_link_to_the_page_it_shows(tmp_path):
    """Ghost's bookmark card shows a link to another page with its title and description: read as that link and
    text, its favicon and thumbnail (decoration, without alt text) not as the post's images."""
    [post] = _ghost(tmp_path, {"posts": [{"id": "p1", "title": "Alopecia", "slug": "alopecia", "type": "post",
                                           "html": BOOKMARK}]})
    assert [(b.kind, b.text) for b in post.blocks] == [
        ("paragraph", "SMP can camouflage alopecia."), ("paragraph", "Hair loss - NHS"),
        ("paragraph", "Find out about hair loss.")]
    assert [(link.href, link.text) for b in post.blocks for link in b.links] == [
        ("https://www.nhs.uk/conditions/alopecia/", "Hair loss - NHS")]
    assert [i for b in post.blocks for i in b.images] == []


def test_ghost_url_is_the_sites_own_address_and_a_callouts_emoji_no_paragraph(tmp_path):
    """`__GHOST_URL__` stands for the site's address in Ghost's export: a link or image there is site-relative.
    A callout card's emoji is decoration beside its text."""
    html = ('<figure class="kg-card kg-image-card"><img src="__GHOST_URL__/content/images/a.jpg" alt="After SMP">'
            '</figure><div class="kg-card kg-callout-card"><div class="kg-callout-emoji">💡</div><div class='
            '"kg-callout-text">Wait until your alopecia is stable.</div></div>'
            '<p><a href="__GHOST_URL__/contact/">Book</a> or go <a href="__GHOST_URL__">home</a>.</p>')
    [post] = _ghost(tmp_path, {"posts": [{"id": "p1", "title": "Alopecia", "slug": "alopecia", "type": "post",
                                           "html": html, "canonical_url": "__GHOST_URL__/alopecia/"}]})
    assert [(b.kind, b.text) for b in post.blocks] == [
        ("image", "After SMP"), ("paragraph", "Wait until your alopecia is stable."), ("paragraph", "Book or go home.")]
    assert [(i.src, i.alt) for i in post.blocks[0].images] == [("/content/images/a.jpg", "After SMP")]
    assert [link.href for link in post.blocks[2].links] == ["/contact/", "/"]
    assert post.canonical == "/alopecia/"


def test_a_page_of_an_export_from_before_ghost_2_is_a_page(tmp_path):
    """Before `type`, Ghost marked a page with `"page": true` (or 1): it is left out as pages are."""
    posts = _ghost(tmp_path, {"posts": [
        {"id": 1, "title": "Contact", "slug": "contact", "page": True, "html": "<p>Call us.</p>"},
        {"id": 2, "title": "About", "slug": "about", "page": 1, "html": "<p>Who we are.</p>"},
        {"id": 3, "title": "Does SMP hurt?", "slug": "hurt", "page": False, "html": "<p>A two.</p>"}]})
    assert [p.slug for p in posts] == ["hurt"]


LEXICAL = {"root": {"type": "root", "children": [
    {"type": "paragraph", "children": [{"type": "extended-text", "text": "SMP camouflages "},
                                       {"type": "link", "url": "https://www.nhs.uk/", "children": [
                                           {"type": "text", "text": "alopecia"}]},
                                       {"type": "text", "text": "."}]},
    {"type": "extended-heading", "tag": "h2", "children": [{"type": "extended-text", "text": "Which types?"}]},
    {"type": "list", "listType": "bullet", "children": [
        {"type": "listitem", "children": [{"type": "extended-text", "text": "Areata"}]},
        {"type": "listitem", "children": [{"type": "extended-text", "text": "Totalis"}]}]},
    {"type": "image", "src": "__GHOST_URL__/content/images/a.jpg", "alt": "After SMP", "caption": ""},
    {"type": "button", "buttonText": "Book", "buttonUrl": "/contact/"}]}}
MOBILEDOC = {"version": "0.3.1", "atoms": [["soft-return", "", {}]], "markups": [["a", ["href", "/prices/"]]],
             "cards": [["markdown", {"markdown": "Sun and *sunbeds*.\n\n- Chlorine"}], ["gallery", {}]],
             "sections": [[1, "p", [[0, [], 0, "SMP lasts four to six "], [0, [0], 1, "years"], [0, [], 0, "."],
                                    [1, [], 0, 0], [0, [], 0, "Then a top-up."]]],
                          [1, "h2", [[0, [], 0, "What makes it fade?"]]], [10, 0], [10, 1],
                          [3, "ol", [[[0, [], 0, "Sun"]], [[0, [], 0, "Pools"]]]]]}


def test_a_post_without_html_is_read_from_its_editors_document(tmp_path):
    """A post exported with `"html": null` is read from its `lexical` (Ghost 5) or `mobiledoc` (Ghost 1 to 4)
    document: paragraphs, headings, lists, links, images, Markdown cards, at the line of that field."""
    import json

    posts = _ghost(tmp_path, {"posts": [
        {"id": "p1", "title": "Alopecia", "slug": "alopecia", "type": "post", "html": None, "mobiledoc": None,
         "lexical": json.dumps(LEXICAL)},
        {"id": "p2", "title": "How long", "slug": "how-long", "type": "post", "html": None, "lexical": None,
         "mobiledoc": json.dumps(MOBILEDOC)}]})
    assert [(b.kind, b.text) for b in posts[0].blocks] == [
        ("paragraph", "SMP camouflages alopecia."), ("heading", "Which types?"), ("list_item", "Areata"),
        ("list_item", "Totalis"), ("image", "After SMP")]
    assert [link.href for link in posts[0].blocks[0].links] == ["https://www.nhs.uk/"]
    assert [i.src for i in posts[0].blocks[4].images] == ["/content/images/a.jpg"]
    lines = (tmp_path / "ghost.json").read_text(encoding="utf-8").split("\n")
    assert {b.line for b in posts[0].blocks} == {next(n for n, line in enumerate(lines, 1) if '"lexical": "' in line)}
    assert [(b.kind, b.text) for b in posts[1].blocks] == [
        ("paragraph", "SMP lasts four to six years. Then a top-up."), ("heading", "What makes it fade?"),
        ("paragraph", "Sun and sunbeds."), ("list_item", "Chlorine"), ("list_item", "Sun"), ("list_item", "Pools")]
    assert [link.href for link in posts[1].blocks[0].links] == ["/prices/"]
    assert posts[0].warnings == posts[1].warnings == []


def test_a_post_whose_text_cannot_be_read_says_so(tmp_path, capsys):
    """A post with no HTML whose editor document is not one, or holds only cards that are not read, is imported
    with one warning naming the file, the post and the field's line, not silently empty."""
    posts = _ghost(tmp_path, {"posts": [
        {"id": "p1", "title": "Gallery", "slug": "gallery", "type": "post", "html": None,
         "mobiledoc": '{"version": "0.3.1", "cards": [["gallery", {}]], "sections": [[10, 0]]}'},
        {"id": "p2", "title": "Odd", "slug": "odd", "type": "post", "html": "", "lexical": '{"nodes": []}'}]})
    assert [p.blocks for p in posts] == [[], []]
    assert posts[0].warnings == ["line 15: the text of the post 'gallery' could not be read: it has no HTML, and its "
                                 "mobiledoc document holds only cards that are not read (gallery); imported without "
                                 "its text"]
    assert posts[1].warnings == ["line 23: the text of the post 'odd' could not be read: it has no HTML, and its "
                                 "lexical document is not JSON of that editor; imported without its text"]
    assert main(["import", str(tmp_path / "ghost.json"), "--to", str(tmp_path / "posts")]) in (0, 1)
    err = capsys.readouterr().err
    assert f"{tmp_path / 'ghost.json'}:15: warning: the text of the post 'gallery' could not be read" in err
