"""Hostile input: paths, links and files that once stopped a run, lost a line or lost a post. One regression test
per case, each run through the command line as a user would (see docs/bad-input.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from smpseo.cli import main
from smpseo.core.budget import time_budget

from .conftest import FIXTURES
from .conftest import nonblank_lines as _lines

BAD = FIXTURES / "bad"
HANG = 60  # seconds: far past the fixed code's milliseconds; the old code waited for ever


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


# -- links and paths ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "analyze", "gaps"])
def test_a_link_loop_named_first_is_its_own_line_not_an_internal_error(posts, tmp_path, capsys, command):
    # the settings are looked for from the first path: resolving a loop raised RuntimeError before Python 3.13
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    assert main([command, "loop.md", "posts/good.md"]) == 1
    err = capsys.readouterr().err
    assert _lines(err) == ["loop.md: error: Too many levels of symbolic links"]


def test_a_link_loop_named_with_a_blog_is_its_own_line(posts, tmp_path, capsys):
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    assert main(["check", "-q", "--blog", "posts", "loop.md", "posts/good.md"]) == 1
    assert "loop.md: error: Too many levels of symbolic links" in _lines(capsys.readouterr().err)


def test_paths_given_with_a_blog_that_cannot_be_read_are_still_named(posts, tmp_path, capsys):
    # with --blog, only what is about the paths given is reported: a broken link among them, or in a folder given,
    # was left out with the blog's own, and the run said nothing of it (status 0)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "gone.md").symlink_to(drafts / "missing.md")
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    assert main(["check", "-q", "--blog", "posts", "broken.md", "drafts"]) == 1
    assert _lines(capsys.readouterr().err) == [
        "broken.md: error: broken symbolic link (its target is missing)",
        "drafts/gone.md: error: broken symbolic link (its target is missing); skipped"]


# -- exports and feeds ----------------------------------------------------------------------------------------------

def _export(*items: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>\n' + "".join(items)
            + "</channel></rss>\n")


def _item(title: str, end: str = "]]>", kind: str = "post") -> str:
    return (f"<item>\n<title>{title}</title>\n<content:encoded><![CDATA[<p>The {title} post's text.</p>{end}"
            f"</content:encoded>\n<wp:post_name>{title.lower()}</wp:post_name><wp:post_type>{kind}</wp:post_type>\n"
            "</item>\n")


def test_a_cdata_section_left_open_until_the_next_post_skips_its_post_not_the_next(tmp_path, capsys):
    # `]>` for `]]>`: the next post's `]]>` closed it and the XML was well-formed again, so the post after it ran
    # into this one's text and was lost without a word
    (tmp_path / "export.xml").write_text(_export(_item("One"), _item("Two", end="]>"), _item("Three"), _item("Four")))
    assert main(["import", "export.xml", "--to", "out"]) == 1
    err = capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["four.md", "one.md", "three.md"]
    assert "The Two post" not in (tmp_path / "out" / "one.md").read_text()
    assert _lines(err) == ["export.xml:8: error: not well-formed XML: a CDATA section not closed (its ']]>' missing) "
                           "before the next <item>: the post at line 8 was skipped; the other 3 posts were read"]


def test_a_cdata_section_left_open_in_an_atom_feed_skips_only_its_entry(tmp_path, capsys):
    entry = '<entry>\n<title>{0}</title>\n<content type="html"><![CDATA[<p>The {0} entry.</p>{1}</content>\n</entry>\n'
    (tmp_path / "feed.atom").write_text('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
                                        + entry.format("One", "]]>") + entry.format("Two", "")
                                        + entry.format("Three", "]]>") + "</feed>\n")
    assert main(["analyze", "feed.atom", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert "The Two entry" not in out and '"three"' in out
    assert _lines(err) == ["feed.atom:7: error: not well-formed XML: a CDATA section not closed (its ']]>' missing) "
                           "before the next <entry>: the post at line 7 was skipped; the other 2 posts were read"]


@pytest.mark.parametrize("text", [
    _export(),  # an empty channel
    _export(_item("About", kind="page"), _item("Logo", kind="attachment")),  # pages and attachments only
    '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title></channel></rss>\n'])
def test_an_export_or_feed_with_no_post_is_said_so(posts, tmp_path, capsys, text):
    # it was read as 0 posts, status 0, and `import` wrote nothing without a word
    (tmp_path / "export.xml").write_text(text)
    assert main(["import", "export.xml", "--to", "out"]) == 1
    assert main(["check", "-q", "export.xml", "posts/good.md"]) == 1
    err = capsys.readouterr().err
    assert _lines(err) == ["export.xml: error: holds no posts (pages, attachments, comments and settings are not "
                           "posts)"] * 2


# -- files written by hand or saved by a spreadsheet ----------------------------------------------------------------

QUERIES = '"Top queries","Clicks","Impressions","CTR","Position"\n"smp cost","4","100","4%","3.2"\n'


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_a_queries_file_with_carriage_returns_is_read_and_its_lines_named(posts, tmp_path, capsys, end):
    # a carriage return alone (an old Mac's spreadsheet) was dropped by cleaning: the file was one header line
    (tmp_path / "Queries.csv").write_bytes(QUERIES.replace("\n", end).encode())
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 0
    assert capsys.readouterr().err == ""
    (tmp_path / "Queries.csv").write_bytes((QUERIES + '"a","x","1","1%","1"\n').replace("\n", end).encode())
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 2
    assert _lines(capsys.readouterr().err) == ["smpseo: error: Queries.csv:3: Clicks is not a number: 'x'"]


TOPICS = 'topics:\n  - id: cost\n    question: "How much does SMP cost?"\n    terms: [price, cost]\n'
SETTINGS = '[site]\nname = "Clinic"\ncity = "Vancouver"\n'


@pytest.mark.parametrize(("name", "text", "argv"), [
    ("topics.yml", TOPICS, ["gaps", "posts", "--topics", "topics.yml"]),
    ("smpseo.toml", SETTINGS, ["check", "-q", "posts", "--config", "smpseo.toml"])])
def test_settings_and_topics_saved_as_unicode_by_notepad_are_read(posts, tmp_path, capsys, name, text, argv):
    (tmp_path / name).write_bytes(text.encode("utf-16"))  # with its byte order mark
    assert main(argv) in (0, 1)
    assert "error" not in capsys.readouterr().err


@pytest.mark.parametrize(("name", "text", "argv"), [
    ("topics.yml", TOPICS.replace("cost?", "co\xfbt?"), ["gaps", "posts", "--topics", "topics.yml"]),
    ("smpseo.toml", SETTINGS.replace("Vancouver", "Montr\xe9al"), ["check", "posts", "--config", "smpseo.toml"])])
def test_settings_and_topics_not_in_utf8_name_the_line(posts, tmp_path, capsys, name, text, argv):
    # "'utf-8' codec can't decode byte 0xe9 in position 25: invalid continuation byte", with no line
    (tmp_path / name).write_bytes(text.encode("latin-1"))
    assert main(argv) == 2
    line = 3
    assert _lines(capsys.readouterr().err) == [
        f"smpseo: error: {name}:{line}: not UTF-8 (byte 0x{'fb' if name == 'topics.yml' else 'e9'} on this line; "
        "Windows-1252 or Latin-1?): save it as UTF-8"]


def test_a_character_yaml_refuses_in_a_topics_file_names_its_line(posts, tmp_path, capsys):
    # it said "... control characters are not allowed\x0a  in "<unicode string>", position 56", with no line
    (tmp_path / "topics.yml").write_text(TOPICS.replace("cost?", "co\x00st?"))
    assert main(["gaps", "posts", "--topics", "topics.yml"]) == 2
    assert _lines(capsys.readouterr().err) == [
        "smpseo: error: topics.yml:3: invalid YAML: unacceptable character #x0000: control characters are not allowed"]


def test_what_docutils_cannot_read_in_a_post_is_a_warning_at_its_line(posts, capsys):
    # an unknown directive's text, a directive written wrong: left out without a word (an include is refused on
    # purpose, and not said)
    (posts / "post.rst").write_text("Aftercare\n=========\n\nKeep the scalp dry for four days.\n\n.. youtube:: abc\n\n"
                                    "   Text of a directive docutils does not know.\n\n.. image::\n\n"
                                    ".. include:: /etc/hostname\n\nWash it gently after that.\n")
    assert main(["analyze", "posts/post.rst", "--no-cache"]) == 0
    assert _lines(capsys.readouterr().err) == [
        'posts/post.rst:6: warning: Unknown directive type "youtube"; left out of the post',
        'posts/post.rst:10: warning: Error in "image" directive: 1 argument(s) required, 0 supplied; left out of the '
        'post']


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize(("argv", "said"), [
    (["check", "posts", "--config", "named"], "cannot read config"),
    (["gaps", "posts", "--topics", "named"], "cannot read topic file"),
    (["gaps", "posts", "--queries", "named"], "cannot read")])
def test_a_fifo_or_device_named_as_settings_topics_or_queries_is_refused_not_waited_on(posts, tmp_path, capsys,
                                                                                      argv, said):
    # the posts' readers never open a FIFO; these files were read whole: a FIFO waited for a writer for ever, and
    # /dev/zero filled the memory until the system killed the run
    os.mkfifo(tmp_path / "named")
    with time_budget(HANG):
        assert main(argv) == 2
    assert _lines(capsys.readouterr().err) == [
        f"smpseo: error: named: {said}: not a regular file (a FIFO, socket or device)"]
    if os.path.exists("/dev/zero"):
        with time_budget(HANG):
            assert main([a if a != "named" else "/dev/zero" for a in argv]) == 2
        assert "not a regular file" in capsys.readouterr().err


def test_a_file_in_the_way_of_the_reports_folder_is_the_one_named(posts, tmp_path, capsys):
    # "afile/prepublish: not a folder" named a path that is not there; the file in the way is afile
    (tmp_path / "afile").write_text("notes\n", encoding="utf-8")
    assert main(["report", "prepublish", "posts/good.md", "--out", "afile"]) == 2
    assert _lines(capsys.readouterr().err) == ["smpseo: error: afile: not a folder (a file is in the way)"]
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "notes\n"


def test_a_draft_that_is_a_broken_link_or_a_loop_is_said_so_not_no_such_file(posts, tmp_path, capsys):
    # "no such file" (status 2, as for a typo) for a link that is there: the pre-publish check says what it is
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    assert main(["report", "prepublish", "broken.md"]) == 1
    assert main(["report", "prepublish", "loop.md"]) == 1
    assert _lines(capsys.readouterr().err) == [
        "smpseo: error: broken.md: broken symbolic link (its target is missing)",
        "smpseo: error: loop.md: Too many levels of symbolic links"]
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize(("named", "said"), [
    ("/dev/null", "cannot read previous summary: not a regular file (a FIFO, socket or device)"),
    ("fifo", "cannot read previous summary: not a regular file (a FIFO, socket or device)"),
    ("folder", "cannot read previous summary: Is a directory"),
    ("broken.json", "cannot read previous summary: broken symbolic link (its target is missing)"),
    ("missing.json", "previous summary not found"),
    # the month's own summary, or a later one: "Compared with the report for 2026-10" in October's report
    ("same.json", "is the summary of 2026-10: compare 2026-10 with an earlier month's"),
    ("later.json", "is the summary of 2026-11: compare 2026-10 with an earlier month's")])
def test_a_previous_summary_that_is_no_file_is_refused_before_a_kernel_starts(posts, tmp_path, capsys, named,
                                                                              said):
    # the notebook ran for seconds and failed in a cell (status 1), leaving a FAILED notebook and an index
    if named == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(tmp_path / "fifo")
    if named == "/dev/null" and not os.path.exists(named):
        pytest.skip("no /dev/null here")
    (tmp_path / "folder").mkdir()
    (tmp_path / "broken.json").symlink_to(tmp_path / "gone.json")
    (tmp_path / "same.json").write_text('{"month": "2026-10", "posts": []}', encoding="utf-8")
    (tmp_path / "later.json").write_text('{"month": "2026-11", "posts": []}', encoding="utf-8")
    with time_budget(HANG):
        assert main(["report", "monthly", "--posts", "posts", "--month", "2026-10", "--previous", named]) == 2
    assert _lines(capsys.readouterr().err) == [f"smpseo: error: {named}: {said}"]
    assert not (tmp_path / "reports").exists()  # nothing written


@pytest.mark.parametrize("kind", ["monthly", "prepublish"])
def test_a_timeout_with_a_fraction_reaches_papermill_as_whole_seconds_rounded_up(posts, capsys, monkeypatch, kind):
    # papermill's cell timeout is a whole number: 30.5, which --timeout takes as `import --timeout` does, failed
    # the run with "TraitError: The 'timeout' trait ... expected an int, not the float 30.5"
    import papermill

    given = {}

    def execute_notebook(*args, **kwargs):
        given.update(kwargs)
        raise RuntimeError("stopped before a kernel starts")

    monkeypatch.setattr(papermill, "execute_notebook", execute_notebook)
    args = ["--posts", "posts", "--month", "2026-10"] if kind == "monthly" else ["posts/good.md"]
    assert main(["report", kind, *args, "--timeout", "30.5"]) == 1
    assert "stopped before a kernel starts" in capsys.readouterr().err
    assert given["execution_timeout"] == 31 and isinstance(given["execution_timeout"], int)


def test_a_broken_link_in_the_posts_folder_is_named_by_the_link_in_the_monthly_report(posts, tmp_path, capsys):
    # the report named what the link points to: `posts/drafts/old-post.md`, and `posts/posts/b3.md` for a link
    # to a full path, in the report's table and on stderr; `check` names the link
    from smpseo.app.report.monthly import monthly_report
    from smpseo.cli.report import _unreadable

    (posts / "old.md").symlink_to(Path("drafts") / "old-post.md")
    (posts / "b3.md").symlink_to(tmp_path / "posts" / "gone" / "b3.md")
    said = ["posts/b3.md: error: broken symbolic link (its target is missing); skipped",
            "posts/old.md: error: broken symbolic link (its target is missing); skipped"]
    assert main(["check", "-q", "posts"]) == 1
    assert sorted(_lines(capsys.readouterr().err)) == said
    report = monthly_report("2026-10", posts="posts", summary_path="summary.json")
    assert sorted(e.path for e in report.summary.read_errors) == ["b3.md", "old.md"]
    assert _unreadable("summary.json", "posts") == 2
    assert sorted(_lines(capsys.readouterr().err)) == said


# -- front matter ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("front", "warning"), [
    ('---\ntitle: Not yet\ndraft: "true"\n---\n', None),  # a CMS quoting every value; Hugo reads it as true
    ('+++\ntitle = "Not yet"\ndraft = "TRUE"\n+++\n', None),
    ("---\ntitle: Not yet\ndraft: [1]\n---\n", "posts/draft.md:3: warning: 'draft' should be true or false, not "
                                               "list; ignored")])
def test_a_draft_written_as_text_is_a_draft_and_one_of_no_sense_is_said(posts, capsys, front, warning):
    # `draft: "true"` was published to smpseo (only the YAML boolean was a draft), `draft: [1]` said nothing
    (posts / "draft.md").write_text(front + "\nNot for the site yet.\n")
    assert main(["analyze", "posts", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    if warning is None:
        assert "not-yet" not in out and _lines(err) == ["posts: info: 1 draft left out; --drafts includes drafts"]
    else:
        assert "draft" in out and _lines(err) == [warning]


def test_a_ghost_post_too_deep_to_read_loses_only_itself(tmp_path, capsys):
    # the whole export was refused ("structure nested too deeply to read"), every other post with it
    deep = "<div>" * 20000 + "x" + "</div>" * 20000
    (tmp_path / "ghost.json").write_text(
        '{"db": [{"data": {"posts": [\n{"type": "post", "title": "Deep", "slug": "deep", "html": "' + deep + '"},\n'
        '{"type": "post", "title": "Kept", "slug": "kept", "html": "<p>Keep the scalp dry.</p>"}]}}]}\n')
    assert main(["import", "ghost.json", "--to", "out"]) == 1
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["kept.md"]
    assert _lines(capsys.readouterr().err)[-1] == (
        "ghost.json:2: error: the post at line 2 nested too deeply to read; the other 1 posts were read")


def test_import_into_a_folder_below_a_file_is_one_line(tmp_path, capsys):
    # each post said "Not a directory" on a line of its own, with status 1
    (tmp_path / "export.xml").write_text(_export(_item("One"), _item("Two")))
    (tmp_path / "notes.txt").write_text("mine\n")
    assert main(["import", "export.xml", "--to", "notes.txt/posts"]) == 2
    assert _lines(capsys.readouterr().err) == [
        "smpseo import: error: notes.txt/posts: not a folder (notes.txt is a file in the way)"]
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_reading_a_post_for_the_site_wide_rules_is_within_its_checking_limit(posts, capsys, monkeypatch):
    # every pair of words in a row was read for the site-wide rules outside the limit of one post: a 50 MB post
    # took its 20 s of checks, then over a minute more and 4 GB, after its checks were already given up
    import smpseo.checks.run as run

    real = run._reading

    def slow(matcher, ctx):
        if ctx.post.title == "Slow":
            while True:
                pass
        return real(matcher, ctx)

    monkeypatch.setattr(run, "RULE_SECONDS", 0.05)
    monkeypatch.setattr(run, "_reading", slow)
    (posts / "slow.md").write_text("---\ntitle: Slow\n---\n\nA post too long to read for the other rules.\n")
    with time_budget(HANG):
        assert main(["check", "-q", "posts", "--no-cache"]) == 1
    out, err = capsys.readouterr()
    assert "posts/good.md:" in out
    assert "posts/slow.md: error: not checked: its checks took more than 0.05 s (the limit for one post)" in err


def test_a_file_given_that_cannot_be_read_is_not_read_again_as_part_of_the_blog(posts, capsys, monkeypatch):
    # the blog of files given is the folder they share, read for the site-wide rules: a file given that could not
    # be read was read again there, so one over its 20 s reading limit took 40 s
    import smpseo.app.incremental as incremental

    read: list[str] = []
    real = incremental.read_source

    def counted(path, *args, **kwargs):
        read.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(incremental, "read_source", counted)
    (posts / "empty.md").write_text("")
    assert main(["check", "-q", "--no-cache", "posts/empty.md", "posts/good.md"]) == 1
    assert sorted(read) == ["empty.md", "good.md"]
    assert _lines(capsys.readouterr().err) == ["posts/empty.md: error: file is empty"]


def test_a_page_not_in_utf8_is_read_in_the_encoding_it_declares(tmp_path, capsys):
    # read as Windows-1252 whatever it declared: 'Łódź' was '£ód¼', a Shift_JIS page nonsense
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">\n'
            '<title>Łódź clinic</title></head><body><p>Zażółć gęślą jaźń.</p></body></html>\n')
    (tmp_path / "page.html").write_bytes(page.encode("iso-8859-2"))
    (tmp_path / "tokyo.html").write_bytes('<meta charset="shift_jis"><title>東京のクリニック</title><p>こんにちは。</p>'
                                          .encode("shift_jis"))
    (tmp_path / "export.xml").write_bytes(_export(_item("Kraków")).replace('encoding="UTF-8"', 'encoding="ISO-8859-2"')
                                          .encode("iso-8859-2"))
    assert main(["analyze", "page.html", "tokyo.html", "export.xml", "--format", "json", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert [p["title"] for p in json.loads(out)] == ["Łódź clinic", "東京のクリニック", "Kraków"]
    assert _lines(err) == ["page.html:2: warning: not UTF-8; read as iso-8859-2, the encoding it declares",
                           "tokyo.html:1: warning: not UTF-8; read as shift_jis, the encoding it declares",
                           "export.xml:4: warning: not UTF-8; read as ISO-8859-2, the encoding it declares"]


def test_a_dump_of_thousands_of_posts_is_read_in_linear_time(tmp_path):
    # every line was compared with every other sharing a common word ("Part", "text"): 2,000 posts took 9 s, and a
    # dump of 4,000 was not read within its 20 s
    (tmp_path / "dump.txt").write_text("".join(f"Post number {i}\n\nPart {i} of the text.\n\n* * *\n\n"
                                               for i in range(4000)))
    from smpseo.sources.readers import load_posts

    corpus = load_posts("dump.txt")  # within the reading limit of one file, as every command reads it
    assert len(corpus) == 4000 and corpus.errors == []


def test_a_check_that_fails_on_one_post_is_one_line_and_the_others_are_checked(posts, capsys, monkeypatch):
    # a check's bug on one post's content stopped the whole run with one internal error, no post checked
    from smpseo.checks.engine import RULES
    from smpseo.core.frozen import replace

    real = RULES["RD101"]

    def failing(ctx, t):
        if ctx.post.title == "Boom":
            raise KeyError("boom")
        yield from real.func(ctx, t)

    monkeypatch.setitem(RULES, "RD101", replace(real, func=failing))
    (posts / "boom.md").write_text("---\ntitle: Boom\n---\n\nA post one check cannot read.\n")
    assert main(["check", "-q", "posts", "--no-cache"]) == 1
    out, err = capsys.readouterr()
    assert "posts/good.md:" in out
    assert _lines(err) == ["posts/boom.md: error: not checked: a check failed on it: KeyError: 'boom' (run with "
                           "--debug for details)"]
    with pytest.raises(KeyError):
        main(["--debug", "check", "-q", "posts", "--no-cache"])


@pytest.mark.parametrize("label", ["rot13", "base64", "utf-7", "no-such-charset"])
def test_a_declared_encoding_that_is_no_text_encoding_is_passed_over(tmp_path, capsys, label):
    # `rot13` and `base64` are Python codecs, but not of text: the page must not be lost to them
    (tmp_path / "page.html").write_bytes(f'<meta charset="{label}"><title>Caf\xe9</title><p>Caf\xe9 open.</p>'
                                         .encode("latin-1"))
    assert main(["analyze", "page.html", "--format", "json", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)[0]["title"] == "Café"
    assert _lines(err) == ["page.html:1: warning: not UTF-8; read as Windows-1252"]


def test_an_export_on_one_line_has_its_line_cleaned_once_not_once_for_each_post(tmp_path, capsys, monkeypatch):
    # the line a finding points at was cleaned again for each post with findings: on an export written on one line,
    # its whole text once a post, a time growing with the square of its posts (500 took over 20 s)
    import smpseo.checks.run as run

    cleaned: list[int] = []
    real = run.clean_text

    def counted(text):
        cleaned.append(len(text))
        return real(text)

    monkeypatch.setattr(run, "clean_text", counted)
    (tmp_path / "export.xml").write_text(_export(*(_item(f"Post{i}") for i in range(30))).replace("\n", " "))
    assert main(["check", "--no-cache", "export.xml", "--format", "json"]) == 1
    assert len(json.loads(capsys.readouterr().out)["findings"]) > 30
    assert len(cleaned) == 1
