"""What a marketer's own computer leaves in a posts folder: copies a sync app, a file manager or a download made
beside a post, and word processors' documents and lock files. Each is one line naming it, and the posts are checked."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from smpseo.app.settings import load_config
from smpseo.cli import main
from smpseo.sources import searchconsole
from smpseo.sources.queries import read_queries
from smpseo.sources.readers import load_posts

from .conftest import nonblank_lines


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


COPIES = ["good (1).md", "good(2).md", "good - Copy.md", "good - Copy (3).md", "good copy.md", "good copy 2.md",
          "good-DESKTOP-AB12CDE.md", "good-LAPTOP-9Q8W7E6-2.md", "good (Rob's conflicted copy 2024-03-01).md",
          "good (conflicted copy 2024-03-01 101010).md", "good.sync-conflict-20240301-101010-ABCDEFG.md"]


@pytest.mark.parametrize("name", COPIES)
def test_a_copy_a_sync_app_made_beside_a_post_is_left_out_in_one_line(posts, capsys, name):
    """`good (1).md` beside `good.md` was read as a second post: every finding twice, and both flagged as sharing a
    title and an address."""
    (posts / name).write_bytes((posts / "good.md").read_bytes())
    corpus = load_posts(posts)
    assert [Path(p.path).name for p in corpus] == ["good.md"]
    assert [(e.path, e.severity) for e in corpus.errors] == [(str(posts / name), "info")]
    assert "a copy of good.md" in corpus.errors[0].message and "its text is the same" in corpus.errors[0].message
    main(["check", "posts", "--no-cache", "--format", "json"])
    out, err = capsys.readouterr()
    assert {row["path"] for row in json.loads(out)["findings"]} == {"posts/good.md"}
    assert nonblank_lines(err)[0].startswith(f"posts/{name}: info: a copy of good.md")


def test_a_copy_whose_text_differs_says_so_and_is_checked_when_named(posts, capsys):
    copy = posts / "good (1).md"
    copy.write_text((posts / "good.md").read_text() + "\nA sentence added on the other computer.\n")
    (error,) = load_posts(posts).errors
    assert "its text differs" in error.message
    assert [Path(p.path).name for p in load_posts(copy)] == ["good (1).md"]


@pytest.mark.parametrize(("name", "beside"), [
    ("good (1).md", None),  # good.md gone: the copy is the post
    ("care-laptop-tips.md", "care.md"), ("good-DESKTOP.md", "good.md"), ("good copy.html", "good.md"),
    ("smp copy 2.md", "smp.html")])
def test_a_name_like_a_copy_s_with_no_post_it_copies_beside_it_is_a_post(posts, name, beside):
    post = "---\ntitle: Caring for the scalp {}\n---\n\nWash it gently after each session.\n"
    if beside is None:
        (posts / "good.md").unlink()
    elif beside != "good.md":
        (posts / beside).write_text(post.format(1))
    (posts / name).write_text(post.format(2))
    corpus = load_posts(posts)
    assert corpus.errors == []
    assert sorted(Path(p.path).name for p in corpus) == sorted({"good.md", beside, name} - {None} if beside else {name})


def test_word_documents_beside_the_posts_are_one_line_and_word_s_lock_files_none(posts, capsys):
    """A draft in Word beside the posts was passed over without a word; the lock file Word keeps beside a document
    it has open (`~$draft.docx`) is no document."""
    for name in ("draft.docx", "~$draft.docx", "notes.odt", ".~lock.notes.odt#"):
        (posts / name).write_bytes(b"PK\x03\x04")
    corpus = load_posts(posts)
    assert [Path(p.path).name for p in corpus] == ["good.md"]
    assert [(e.path, e.severity, e.message) for e in corpus.errors] == [
        (str(posts), "info", "2 word-processor documents not read (draft.docx, notes.odt): save one as a web page "
                             "(.html) or as Markdown to check it")]
    assert main(["check", "posts", "--no-cache"]) == 0  # (an info line changes no status)
    assert nonblank_lines(capsys.readouterr().err)[0].startswith("posts: info: 2 word-processor documents not read")


@pytest.mark.parametrize(("settings", "line", "column"), [
    ('[site]\nname = “Calgary SMP”\ncity = "Calgary"\n', 2, 8),
    ('[site]\ncity = "Calgary"\n\n[keywords]\ntargets = ["smp", ‘scalp tattoo’]\n', 5, 19)])
def test_typographic_quotes_a_word_processor_typed_in_the_settings_are_named(posts, capsys, settings, line, column):
    """Settings edited in TextEdit or Word get “curly” quotes, which TOML does not read: "invalid TOML: Invalid value
    (column 8)" said nothing a marketer could act on."""
    (posts.parent / "smpseo.toml").write_text(settings, encoding="utf-8")
    assert main(["check", "posts", "--no-cache"]) == 2
    (said,) = nonblank_lines(capsys.readouterr().err)
    assert said.startswith(f"smpseo: error: {posts.parent / 'smpseo.toml'}:{line}: invalid TOML: Invalid value: ")
    assert "is a typographic quote" in said and said.endswith(f"(column {column})")


def test_typographic_quotes_in_a_post_s_toml_front_matter_are_named_at_their_line(posts, capsys):
    (posts / "hurt.md").write_text("+++\ndate = 2024-03-01\ntitle = “Does SMP hurt?”\n+++\n\nNot much.\n")
    main(["check", "posts", "--no-cache", "--format", "json"])
    out, err = capsys.readouterr()
    assert {row["path"] for row in json.loads(out)["findings"]} == {"posts/good.md"}
    assert "posts/hurt.md:3: error: invalid TOML front matter: Invalid value: “ is a typographic quote" in err


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_settings_saved_with_carriage_returns_are_read(posts, end):
    """An old Mac's line endings (a carriage return alone) stopped the run: TOML takes only "\\n" and "\\r\\n"."""
    (posts.parent / "smpseo.toml").write_bytes(end.join(["[site]", 'name = "Calgary SMP"', 'city = "Calgary"', ""])
                                               .encode())
    config = load_config(posts.parent / "smpseo.toml")
    assert (config.site.name, config.site.city) == ("Calgary SMP", "Calgary")


def test_a_search_console_table_of_millions_of_rows_is_read_up_to_its_limit_and_said(posts, capsys, monkeypatch):
    """A ZIP of 64 KB unpacked to three million rows of queries: `gaps` weighed each against every topic, for many
    minutes. The rows past the limit are left out, in one line at the first of them (the limit is made small here;
    the mechanism is the same)."""
    monkeypatch.setattr(searchconsole, "MAX_ROWS", 3)
    rows = "".join(f'"smp question {i}","1","10","10%","3.2"\n' for i in range(5))
    with zipfile.ZipFile("export.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Queries.csv", '"Top queries","Clicks","Impressions","CTR","Position"\n' + rows)
    assert [q.query for q in read_queries("export.zip")] == [f"smp question {i}" for i in range(3)]
    assert main(["gaps", "posts", "--queries", "export.zip", "--no-cache"]) in (0, 1)
    assert "export.zip!Queries.csv:5: warning: 5 rows, more than the 3 read (an export holds at most 1,000): the " \
           "rows from this line on left out" in nonblank_lines(capsys.readouterr().err)


@pytest.mark.parametrize(("name", "said"), [
    ("Export-3f2a9c1e.zip", "a ZIP archive: unpack it and give its folder"),
    ("blog-backup.tar.gz", "a gzip archive: unpack it and give its folder"),
    ("draft.docx", "a word processor's document: save it as a web page (.html) or as Markdown to check it"),
    ("~$draft.docx", "a word processor's document: save it as a web page (.html) or as Markdown to check it")])
def test_an_archive_or_a_document_named_as_posts_says_what_to_do(posts, capsys, name, said):
    """A Notion export comes as a ZIP, a draft as a Word document: "unknown file type '.zip' (known: .atom, ...)"
    left the marketer to guess."""
    (posts / name).write_bytes(b"PK\x03\x04")
    assert main(["check", str(posts / name), "posts/good.md", "--no-cache", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert {row["path"] for row in json.loads(out)["findings"]} == {"posts/good.md"}
    assert [line for line in nonblank_lines(err) if line.startswith(f"{posts / name}: error: {said}")]


def test_a_folder_of_no_posts_but_an_archive_names_it(tmp_path, capsys):
    (tmp_path / "notion").mkdir()
    (tmp_path / "notion" / "Export-3f2a9c1e.zip").write_bytes(b"PK\x03\x04")
    assert main(["check", "notion", "--no-cache"]) == 1
    assert "notion: error: folder holds no posts (.md, .markdown, .mdx, .rst, .html); notion/Export-3f2a9c1e.zip is " \
           "a ZIP archive: unpack it to check the posts it holds" in capsys.readouterr().err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_post_and_settings_in_utf16_without_a_byte_order_mark_are_read(posts, capsys, codec):
    """UTF-16 as some Windows programs write it, without the mark Notepad puts first, was "binary file, not text"
    (a post) or "invalid TOML: Illegal character" (the settings)."""
    (posts / "hurt.md").write_bytes("---\ntitle: Does SMP hurt?\n---\n\nMost clients say it does not.\n".encode(codec))
    (posts.parent / "smpseo.toml").write_bytes('[site]\nname = "Calgary SMP"\n'.encode(codec))
    assert load_config(posts.parent / "smpseo.toml").site.name == "Calgary SMP"
    corpus = load_posts(posts)
    assert sorted(p.title for p in corpus)[0] == "Does SMP hurt?"
    assert [(e.path, e.line, e.message) for e in corpus.errors] == [
        (str(posts / "hurt.md"), 1, "no byte order mark; read as UTF-16, as its bytes are")]


def test_binary_bytes_with_zeros_on_one_side_are_still_not_text(posts):
    (posts / "image.md").write_bytes(bytes([7, 0, 200, 0, 1, 0, 27, 0] * 200))  # control characters as UTF-16
    (error,) = load_posts(posts).errors
    assert (error.path, error.message) == (str(posts / "image.md"), "binary file, not text")


def test_a_ghost_export_of_thousands_of_posts_is_read_within_the_limit_of_one_file(tmp_path):
    """Each post looked for its fields' lines through every post's: 4,000 posts took 44 s, past the 20 s a file may
    take to read, and the export was not read at all."""
    entries = [{"id": str(i), "title": f"Post {i}", "slug": f"post-{i}", "html": f"<p>Post {i} is short.</p>",
                "status": "published", "type": "post"} for i in range(6000)]
    (tmp_path / "ghost.json").write_text(json.dumps({"db": [{"data": {"posts": entries}}]}, indent=1))
    corpus = load_posts(tmp_path / "ghost.json")
    assert len(corpus) == 6000 and corpus.errors == []
    assert (corpus[5999].title_line, corpus[5999].blocks[0].line) == (8 + 8 * 5999, 10 + 8 * 5999)


@pytest.mark.parametrize("argv", [["check", "-draft.md"], ["check", "posts/good.md", "-draft.md"]])
def test_a_post_whose_name_starts_with_a_dash_is_named_in_the_usage_error(posts, capsys, argv):
    """`smpseo check -draft.md` read the name as an option: "the following arguments are required: PATH" did not say
    why, nor how to name the file."""
    (tmp := posts.parent / "-draft.md").write_text("# Draft\n\nA draft.\n")
    assert tmp.exists()
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith("(-draft.md is a file: write ./-draft.md, or -- before it)")
    assert main(["check", "--no-cache", "--", "-draft.md"]) in (0, 1)
