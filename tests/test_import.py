"""Writing posts as Markdown (`smpseo.sources.writer`) and the `smpseo import` command."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smpseo.cli import main
from smpseo.model.post import HEADING, IMAGE, LIST_ITEM, PARAGRAPH, QUOTE, Block, Image, Link, Post
from smpseo.sources.readers import read_file
from smpseo.sources.readers.markdown import parse_markdown
from smpseo.sources.writer import front_matter, to_markdown, write_post

from .conftest import CLINIC_POSTS, FIXTURES

SEED = FIXTURES / "textdump" / "advanced-scalp-blog.txt"


def _shape(post: Post):
    return [(b.kind, b.text, b.level if b.kind == HEADING else 0) for b in post.blocks]


def test_round_trip_of_the_seed(tmp_path):
    for post in read_file(SEED):
        text = to_markdown(post)
        back = parse_markdown(text, f"{post.slug}.md")
        assert back.title == post.title and back.slug == post.slug
        assert back.source == "advanced-scalp-blog.txt"
        assert _shape(back) == _shape(post)
        assert [s.text for s in back.sentences] == [s.text for s in post.sentences]


@pytest.mark.parametrize("source", ["wxr/themeunittestdata.wordpress.xml", "wxr/64-block-test-data.xml",
                                    "html/wordpress-post.html"])
def test_round_trip_of_exports_and_pages(source):
    for post in read_file(FIXTURES / source):
        back = parse_markdown(to_markdown(post), f"{post.slug}.md")
        assert (back.title, back.slug, back.date, back.status, back.tags, back.categories, back.description) == (
            post.title, post.slug, post.date, post.status, post.tags, post.categories, post.description)
        prose = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE)
        assert [(b.kind, b.text) for b in back.blocks if b.kind in prose] == [
            (b.kind, b.text) for b in post.blocks if b.kind in prose], post.slug
        # Every link is written (a table's too), every image once per occurrence, captions as such.
        assert [ln.href for b in back.blocks for ln in b.links] == [ln.href for b in post.blocks for ln in b.links], \
            post.slug
        assert [(i.src, i.alt, i.title, i.caption) for b in back.blocks for i in b.images] == [
            (i.src, " ".join(i.alt.split()), i.title, " ".join(i.caption.split())) for b in post.blocks
            for i in b.images], post.slug


def test_links_are_written_whatever_their_text():
    post = Post(path=None, slug="links", title="Links")
    post.blocks = [Block(PARAGRAPH, "Read What is a\nHacker? and the page, then more.", 1, links=[
        Link("https://example.com/hacker", "What is a Hacker?", 1), Link("https://example.com/empty", "", 1),
        Link("https://example.com/lost", "not in the text", 1), Link("https://example.com/page", "the\npage", 1)])]
    back = parse_markdown(to_markdown(post), "links.md")
    assert [(b.kind, b.text) for b in back.blocks] == [(PARAGRAPH, "Read What is a\nHacker? and the page, then more.")]
    assert [(ln.text, ln.href) for ln in back.blocks[0].links] == [
        ("What is a Hacker?", "https://example.com/hacker"), ("", "https://example.com/empty"),
        ("", "https://example.com/lost"), ("the page", "https://example.com/page")]


def test_repeated_images_and_captions_read_back():
    post = next(p for p in read_file(FIXTURES / "wxr/themeunittestdata.wordpress.xml")
                if p.slug == "markup-image-alignment")
    back = parse_markdown(to_markdown(post), f"{post.slug}.md")
    images = [(i.src, i.title, i.caption) for b in back.blocks for i in b.images]
    assert len(images) == 11 and images == [(i.src, i.title, i.caption) for b in post.blocks for i in b.images]
    assert images[-3][1:] == ("Image Alignment 1200x400", "This massive image is centered.")
    linked = Post(path=None, slug="linked", title="Linked")
    linked.blocks = [Block(IMAGE, "alt", 1, images=[Image("a.png", "alt", 1, title="t")],
                           links=[Link("https://example.com/big.png", "", 1)])]
    back = parse_markdown(to_markdown(linked), "linked.md")
    assert [(ln.text, ln.href) for ln in back.blocks[0].links] == [("", "https://example.com/big.png")]
    assert [(i.src, i.alt, i.title, i.caption) for i in back.blocks[0].images] == [("a.png", "alt", "t", "")]


def test_front_matter_never_invents_fields():
    post = read_file(SEED)[0]
    assert list(front_matter(post)) == ["title", "slug", "source"]


def test_markup_characters_survive_and_links_images_stay_inline():
    post = Post(path=None, slug="odd", title='Costs: "SMP" vs. #1 [draft] — café', description="Price: $1,000+",
                date=dt.date(2024, 5, 1), status="draft", tags=["cost", "yes", "null"], categories=["Prices"],
                source="https://example.com/odd/")
    post.blocks = [
        Block(HEADING, "Step #2 & *more*", 1, level=3),
        Block(PARAGRAPH, "1. Not a list. 2 * 3 = 6, a_b_c, <div> & [x] `code` and a\\backslash.", 2),
        Block(PARAGRAPH, "# not a heading\n- not a list\n> not a quote", 3),
        Block(PARAGRAPH, "Book a consultation today or read the FAQ.", 4,
              links=[Link("/book_(now)/", "consultation", 4), Link("https://example.com/faq", "FAQ", 4)]),
        Block(LIST_ITEM, "First item", 5, level=1),
        Block(LIST_ITEM, "Nested item", 6, level=2),
        Block(QUOTE, "Quoted words here.", 7),
        Block(IMAGE, "Healed crown", 8, images=[Image("/img/a(b).jpg", "Healed [crown]", 8, caption='After "one" year')]),
    ]
    text = to_markdown(post)
    back = parse_markdown(text, "odd.md")
    assert back.title == post.title and back.description == post.description
    assert back.date == post.date and back.status == "draft" and back.tags == ["cost", "yes", "null"]
    assert back.categories == ["Prices"] and back.source == post.source
    assert [(b.kind, b.text) for b in back.blocks if b.kind != IMAGE] == [
        (b.kind, b.text) for b in post.blocks if b.kind != IMAGE]
    assert [(link.href, link.text) for link in back.links] == [("/book_(now)/", "consultation"),
                                                               ("https://example.com/faq", "FAQ")]
    assert [(i.src, i.alt, i.title, i.caption) for i in back.images] == [
        ("/img/a(b).jpg", "Healed [crown]", "", 'After "one" year')]
    assert [b.level for b in back.blocks if b.kind == LIST_ITEM] == [1, 2]


def test_write_post_is_atomic_and_refuses_to_overwrite(tmp_path):
    post = Post(path=None, slug="../../etc/passwd", title="Escape attempt")
    post.blocks = [Block(PARAGRAPH, "Text.", 1)]
    target = write_post(post, tmp_path / "out")
    assert target.parent == tmp_path / "out" and target.name == "etc-passwd.md"
    assert "slug: etc-passwd" in target.read_text()
    with pytest.raises(FileExistsError):
        write_post(post, tmp_path / "out")
    write_post(post, tmp_path / "out", force=True)
    assert sorted(os.listdir(tmp_path / "out")) == ["etc-passwd.md"]  # no temp file left behind


def test_import_the_seed(tmp_path, capsys):
    out = tmp_path / "posts"
    assert main(["import", str(SEED), "--to", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8 and all(line.startswith("wrote ") for line in lines)
    assert sorted(p.name for p in out.iterdir())[0] == "are-there-any-side-effects-to-scalp-micropigmentation.md"
    # A second run keeps what is there.
    (out / "what-is-smp.md").write_text("---\ntitle: Edited by hand\n---\n\nMine.\n")
    assert main(["import", str(SEED), "--to", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"skipped, exists: {out / p}" for p in
                     [f"{s}.md" for s in [read_file(SEED)[i].slug for i in range(8)]]]
    assert "Edited by hand" in (out / "what-is-smp.md").read_text()
    assert main(["import", str(SEED), "--to", str(out), "--force"]) == 0
    assert "title: What is SMP?" in (out / "what-is-smp.md").read_text()


def test_duplicate_slugs_in_one_run_are_numbered(tmp_path, capsys):
    dump = tmp_path / "twice.txt"
    dump.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["import", str(SEED), str(dump), "--to", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert len(names) == 16 and "what-is-smp.md" in names and "what-is-smp-2.md" in names
    assert "slug: what-is-smp-2" in (out / "what-is-smp-2.md").read_text()


def test_a_duplicate_slug_never_lands_on_the_users_file(tmp_path, capsys):
    export = FIXTURES / "wxr/64-block-test-data.xml"
    out = tmp_path / "out"
    out.mkdir()
    (out / "footnotes-2.md").write_text("---\ntitle: Mine\n---\n\nMine.\n")
    for _ in range(2):  # the second run finds the first run's files and keeps them
        assert main(["import", str(export), "--to", str(out)]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if "footnotes" in ln]
    assert lines == [f"wrote {out / 'footnotes.md'}  (Footnotes)", f"wrote {out / 'footnotes-3.md'}  (Classic)",
                     f"skipped, exists: {out / 'footnotes.md'}", f"skipped, exists: {out / 'footnotes-3.md'}"]
    assert (out / "footnotes-2.md").read_text() == "---\ntitle: Mine\n---\n\nMine.\n"
    assert "source: https://wpthemetestdata.wordpress.com/classic/" in (out / "footnotes-3.md").read_text()


def test_bad_source_reported_good_ones_written(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    unknown = tmp_path / "notes.docx"
    unknown.write_text("x")
    out = tmp_path / "out"
    assert main(["import", str(bad), str(tmp_path / "missing.txt"), "--to", str(out)]) == 2  # a typo: nothing done
    assert capsys.readouterr().err == f"{tmp_path / 'missing.txt'}: error: no such file or folder\n"
    assert not out.exists()
    code = main(["import", str(bad), str(unknown), str(SEED), "--to", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.splitlines()
    assert len(errors) == 2 and all("error" in e for e in errors)
    assert errors[0].startswith(str(bad)) and "Traceback" not in captured.err
    assert len(list(out.iterdir())) == 8


def test_committed_posts_read_back_like_the_seed():
    """The clinic's posts as imported from the seed (three captions fixed by hand): titles and most headings match."""
    posts_dir = CLINIC_POSTS
    from smpseo.sources.readers import load_posts

    corpus = load_posts(posts_dir)
    assert not corpus.failed
    seed = {p.slug: p for p in read_file(SEED)}
    assert {p.slug for p in corpus} == set(seed)
    for post in corpus:
        assert post.title == seed[post.slug].title
        assert post.source == "advanced-scalp-blog.txt"
        assert not post.description and not post.keyphrase and post.date is None


_CHARS = list("ab c\\`*_[]()<>#!&;-+=.:19\"'|~%") + ["é", "’"]
_TEXT = st.text(st.sampled_from(_CHARS), min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(
    lambda s: any(ch.isalnum() for ch in s))


@settings(max_examples=300, deadline=None)
@given(title=_TEXT, lines=st.lists(_TEXT, min_size=1, max_size=3), kind=st.sampled_from([PARAGRAPH, LIST_ITEM, QUOTE]))
def test_any_text_reads_back_as_written(title, lines, kind):
    """Markdown's special characters in a post's text are escaped, never read as markup."""
    text = "\n".join(lines)
    post = Post(path=None, slug="x", title=title,
                blocks=[Block(HEADING, title, 1, level=2), Block(kind, text, 2, level=1)])
    back = parse_markdown(to_markdown(post), "x.md")
    assert back.title == title
    assert [(b.kind, b.text) for b in back.blocks] == [(HEADING, title), (kind, text)]


_PIECES = st.sampled_from(
    list("ab AB.?!:;\"“”'-*=#•1\n\n\n\f<>/&[]") + [
        "<p>", "</p>", "<h2>", "<article>", '<script type="application/ld+json">', "</script>", "<title>",
        "<meta name=description content=", "[caption]", "[/caption]", "<img src=x>", "<!-- wp:x -->", "<item>",
        "</item>", "<wp:post_type>post</wp:post_type>",
        '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "</rss>", "<content:encoded>", "</content:encoded>", "<![CDATA[", "]]>", "Posted on March 3, 2021",
        "call 604-555-0100", "Hi I am"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_readers_fail_only_with_a_source_error(text):
    """Whatever the input, a reader returns posts or raises SourceError: never another exception."""
    from smpseo.sources.readers.decode import SourceError
    from smpseo.sources.readers.html import read_html
    from smpseo.sources.readers.textdump import read_textdump
    from smpseo.sources.readers.wxr import read_wxr

    for reader in (read_textdump, read_html, read_wxr):
        try:
            posts = reader(text, "fuzz")
        except SourceError as exc:
            assert exc.path == "fuzz" and exc.message
            continue
        assert all(isinstance(p, Post) for p in posts)


def test_a_saved_pages_pictures_stay_in_view_from_the_posts_folder(tmp_path, capsys):
    """A page saved with "Save page as" keeps its pictures in a folder beside it; the imported post points at them
    from where it is written. Addresses of the web, and files that are not there, stay as written."""
    saved = tmp_path / "saved"
    (saved / "care_files").mkdir(parents=True)
    (saved / "care_files" / "photo 1.jpg").write_bytes(b"JPEG")
    (saved / "care.html").write_text(
        "<html><head><title>SMP aftercare</title></head><body><article><h1>SMP aftercare</h1>"
        "<p>Keep it dry for four days after each session.</p>"
        '<p><img src="./care_files/photo%201.jpg" alt="Healed scalp"></p>'
        '<p><img src="https://example.com/a.jpg" alt="Remote"></p>'
        '<p><img src="care_files/missing.jpg" alt="Missing"></p></article></body></html>', encoding="utf-8")
    out = tmp_path / "blog" / "posts"
    assert main(["import", str(saved / "care.html"), "--to", str(out)]) == 0
    text = (out / "care.md").read_text(encoding="utf-8")
    assert "![Healed scalp](../../saved/care_files/photo%201.jpg)" in text
    assert "![Remote](https://example.com/a.jpg)" in text and "![Missing](care_files/missing.jpg)" in text
    post = read_file(out / "care.md")[0]
    assert (out / post.images[0].src.replace("%20", " ")).resolve() == (saved / "care_files" / "photo 1.jpg").resolve()
