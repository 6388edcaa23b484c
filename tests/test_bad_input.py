"""Broken and hostile input through every command: one clear line per bad file, the right exit status, the other
posts still processed, and never a traceback (unless `--debug`).

Each case is a file dropped next to a good post. The commands run in-process through `smpseo.cli.main`, the way
the `smpseo` command runs them; the report, which starts a kernel, runs as a subprocess.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from smpseo.cli import main
from smpseo.sources.queries import NO_QUERIES

from .conftest import FIXTURES

BAD = FIXTURES / "bad"
GOOD_SLUG = "how-long-does-smp-last"
GOOD_TITLE = "How long does scalp micropigmentation last in Vancouver?"


def _nested_html(depth: int = 5_000) -> bytes:
    return (b"<html><head><title>Deep page</title></head><body>" + b"<div>" * depth
            + b"<p>Scalp micropigmentation text at the bottom of a very deep page.</p>" + b"</div>" * depth
            + b"</body></html>")


@dataclass
class Case:
    name: str  # the file's name in the posts folder
    content: bytes  # what the file holds
    severity: str | None  # "error": the file is not read; "warning": read with a caveat; None: read cleanly
    line: int = 0  # the line the (first) message names; 0: the whole file
    message: str = ""  # a regular expression the (first) message matches
    title: str | None = None  # for files that are read: a title the output shows

    @property
    def read(self) -> bool:
        return self.severity != "error"


def _fixture(name: str) -> bytes:
    return (BAD / name).read_bytes()


CASES = [
    Case("empty.md", b"", "error", 0, r"file is empty"),
    Case("blank.md", b"  \n\n\t\n", "error", 0, r"file is empty"),
    Case("binary.md", bytes(range(256)) * 16, "error", 0, r"binary file, not text"),
    Case("image.md", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(200), "error", 0, r"binary file"),
    Case("windows-1252.md", _fixture("windows-1252.md"), "warning", 2, r"not UTF-8; read as Windows-1252",
         "Café talk"),
    Case("utf-16-bom.md", _fixture("utf-16-bom.md"), None, title="Sixteen bits"),
    Case("utf-8-bom.md", _fixture("utf-8-bom.md"), None, title="Marked"),
    Case("utf-16-no-bom.md", _fixture("utf-16-bom.md")[2:], "warning", 1, r"no byte order mark; read as UTF-16",
         "Sixteen bits"),  # (its zero bytes say so: one every other byte, on one side of each pair)
    Case("nul-bytes.md", b"---\ntitle: Damaged copy\n---\n\nA post with a \x00 stray byte. \x00 Its words are read.\n",
         "warning", 5, r"NUL bytes in the text \(2\); left out", "Damaged copy"),
    Case("invalid-yaml.md", _fixture("invalid-yaml.md"), "error", 4, r"invalid YAML front matter"),
    Case("impossible-toml-date.md", b'+++\ntitle = "Leap day"\ndate = 2024-02-30\n+++\n\nA post. Another one.\n', "warning",
         3, r"'date' is not a date: '2024-02-30'; ignored", "Leap day"),  # tomllib refuses the whole document
    Case("invalid-toml.md", b'+++\ntitle = "Broken"\ndate = 2024-03-01 x\n+++\n\nA post.\n', "error", 3,
         r"invalid TOML front matter: Expected newline or end of document after a statement"),
    Case("unclosed-front-matter.md", b"---\ntitle: Never closed\n\nBody text.\n", "error", 1, r"never closed"),
    Case("wrong-types.md", _fixture("wrong-types.md"), "warning", 2, r"'title' should be text, not list"),
    Case("alias-bomb.md", _fixture("alias-bomb.md"), "error", 2, r"aliases expand to more than 10,000 values"),
    Case("many-fields.md", ("---\ntitle: Fields\n" + "".join(f"k{i}: v{i}\n" for i in range(10_001))
                            + "---\n\nA body.\n").encode(), "error", 2,
         r"front matter refused: it holds more than 10,000 values"),  # no alias in it: not said to have one
    Case("alias-loop.md", b"---\ntitle: Looped\ntags: &a [one, *a]\n---\n\nA body under a list that holds itself.\n",
         "error", 3, r"front matter refused: 'tags' contains itself through an alias"),
    Case("python-tag.md", _fixture("python-tag.md"), "error", 2,
         r"could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    Case("unclosed.html", _fixture("unclosed.html"), None, title="Unclosed tags"),
    Case("nested.html", _nested_html(), None, title="Deep page"),
    Case("only-headings.md", _fixture("only-headings.md"), None, title="Only headings"),
    Case("traversal.md", _fixture("traversal.md"), None, title="Hidden path"),
    Case("same-slug.md", GOOD_SLUG.join([b"---\ntitle: Another post\nslug: ".decode(), "\n---\n\nSame slug.\n"]).encode(),
         "warning", 3, rf"slug '{GOOD_SLUG}' is also the slug of .*good\.md", "Another post"),
]
CASE_IDS = [c.name for c in CASES]

# command -> extra arguments; `check` runs one warning-level rule so its exit status is about reading alone.
COMMANDS = {
    "analyze": ["--format", "csv"],
    "check": ["--rule", "RD101", "--format", "json"],
    "gaps": [],
}


def _folder(tmp_path: Path, case: Case) -> Path:
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    (posts / case.name).write_bytes(case.content)
    return posts


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def _expect_lines(err: str, case: Case, path: Path) -> None:
    """stderr holds only lines about this case's file, the first one as expected."""
    assert "Traceback" not in err
    lines = _lines(err)
    if case.severity is None:
        assert lines == [], err
        return
    assert lines, f"nothing said about {case.name}"
    for line in lines:
        assert line.startswith(f"{path}:") or line.startswith(f"{path} "), line  # every line names the file
    where = f"{path}:{case.line}" if case.line else str(path)
    first = lines[0]
    assert first.startswith(f"{where}: {case.severity}: "), first
    assert re.search(case.message, first), first
    if case.severity == "error":
        assert len(lines) == 1, err  # one line for a file that cannot be read


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Run where no smpseo.toml is found and where a YAML payload would leave its file."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def good_post(tmp_path) -> Path:
    """posts/good.md in the test's folder: a post that reads cleanly, beside whatever bad input the test adds."""
    (tmp_path / "posts").mkdir()
    return Path(shutil.copy(BAD / "good.md", tmp_path / "posts" / "good.md"))


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_each_command_reads_past_a_bad_file(tmp_path, capsys, case, command):
    posts = _folder(tmp_path, case)
    code = main([command, "posts", *COMMANDS[command]])
    out, err = capsys.readouterr()
    _expect_lines(err, case, Path("posts") / case.name)
    assert code == (1 if case.severity == "error" else 0), err
    if command == "gaps":
        assert f"topics over {'2 posts' if case.read else '1 post'}:" in out
    else:
        assert GOOD_SLUG in out  # the good post is still processed
        if case.title:
            assert case.title in out
        if not case.read and command == "analyze":
            assert case.name not in out
    assert not (tmp_path / "yaml-executed.txt").exists()
    assert sorted(p.name for p in posts.iterdir()) == sorted(["good.md", case.name])


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_checking_the_bad_file_alone_names_it(tmp_path, capsys, case):
    """`smpseo check posts/draft.md` reads the rest of the folder for the site-wide rules but reports on the file
    given, including why it could not be read."""
    _folder(tmp_path, case)
    given = Path("posts") / case.name
    code = main(["check", str(given), *COMMANDS["check"]])
    out, err = capsys.readouterr()
    _expect_lines(err, case, given)
    assert code == (1 if case.severity == "error" else 0), err
    assert GOOD_SLUG not in out or case.name == "same-slug.md"  # the rest of the blog is read, not reported on
    if case.title:
        assert case.title in out


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_import_reads_past_a_bad_file(tmp_path, capsys, case):
    posts = _folder(tmp_path, case)
    if case.name == "same-slug.md":  # import gives the second post a name of its own (…-2.md) and says so on stdout
        case = dataclasses.replace(case, severity=None)
    out_dir = tmp_path / "imported"
    code = main(["import", str(posts / "good.md"), str(posts / case.name), "--to", str(out_dir)])
    out, err = capsys.readouterr()
    _expect_lines(err, case, posts / case.name)
    assert code == (1 if case.severity == "error" else 0), err
    written = sorted(p.name for p in out_dir.iterdir())
    assert f"{GOOD_SLUG}.md" in written or f"{GOOD_SLUG}-2.md" in written
    assert len(written) == (2 if case.read else 1), written
    assert all(p.resolve().parent == out_dir.resolve() for p in out_dir.iterdir())
    assert not (tmp_path / "yaml-executed.txt").exists()


def test_debug_shows_the_traceback_and_nothing_else_does(tmp_path, capsys, monkeypatch, good_post):
    """A bug inside a command is one line without --debug and a traceback with it."""
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")  # the code under test must run, not a cached result
    import smpseo.app.analyze

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug\nspread over lines")

    monkeypatch.setattr(smpseo.app.analyze, "analyze", broken)
    assert main(["analyze", "posts"]) == 1
    err = capsys.readouterr().err
    assert _lines(err) == ["smpseo: error: ZeroDivisionError: a bug\\x0aspread over lines (run with --debug for "
                           "details)"]
    with pytest.raises(ZeroDivisionError):
        main(["--debug", "analyze", "posts"])


def test_a_reader_bug_is_one_line_and_the_other_posts_are_read(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    (posts / "page.html").write_text("<html><body><p>Text</p></body></html>")
    import smpseo.sources.readers.html

    def broken(text, path):
        raise KeyError("boom")

    monkeypatch.setattr(smpseo.sources.readers.html, "read_html", broken)
    assert main(["analyze", "posts"]) == 1
    out, err = capsys.readouterr()
    assert _lines(err) == ["posts/page.html: error: could not be read: KeyError: 'boom'"]
    assert GOOD_SLUG in out


def test_control_characters_never_reach_the_terminal(tmp_path, capsys):
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    (posts / "evil\x1b[2Jname\n.md").write_bytes(b"")
    assert main(["analyze", "posts"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and _lines(err) == ["posts/evil\\x1b[2Jname\\x0a.md: error: file is empty"]


# -- files around the posts: settings, topics, queries, folders ----------------------------------------------------

@pytest.mark.parametrize("command", ["analyze", "check", "gaps"])
def test_unknown_config_key(tmp_path, capsys, command, good_post):
    shutil.copy(BAD / "unknown-key.toml", tmp_path / "smpseo.toml")
    assert main([command, "posts"]) == 2
    out, err = capsys.readouterr()
    assert _lines(err) == [f"smpseo: error: {tmp_path / 'smpseo.toml'}:3: unknown key 'colour' in [site] (known: "
                           "address, business_type, city, country, latitude, locations, longitude, name, opening_hours, phone, "
                           "postal_code, price_range, region, url)"]
    assert out == ""
    assert main([command, "posts", "--config", str(BAD / "unknown-key.toml")]) == 2
    assert "unknown key 'colour'" in capsys.readouterr().err


@pytest.mark.parametrize("topics, message", [
    ("bad-topics.yml", r"bad-topics\.yml:4: invalid YAML"),
    ("wrong-topics.yml", r"wrong-topics\.yml:1: unknown top-level key 'questions'"),
    ("no-such-topics.yml", r"no-such-topics\.yml: topic file not found"),
])
def test_malformed_topics_file(tmp_path, capsys, topics, message, good_post):
    path = BAD / topics
    assert main(["gaps", "posts", "--topics", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = _lines(err)
    assert len(lines) == 1 and lines[0].startswith("smpseo: error: ") and re.search(message, lines[0]), err
    assert out == ""


@pytest.mark.parametrize("content", [
    b"Query,Hits\nsmp cost,10\n",
    b"",
    bytes(range(256)),
    b'"Top queries","Clicks","Impressions","CTR","Position"\nsmp cost,ten,100,1%,3\n',
])
def test_search_console_csv_with_the_wrong_columns(tmp_path, capsys, content, good_post):
    (tmp_path / "Queries.csv").write_bytes(content)
    code = main(["gaps", "posts", "--queries", "Queries.csv"])
    out, err = capsys.readouterr()
    lines = _lines(err)
    assert "Traceback" not in err and len(lines) == 1, err
    assert code == 2 and lines[0].startswith("smpseo: error: Queries.csv"), err
    assert "\x00" not in err


@pytest.mark.parametrize("header", [b'"Top queries","Clicks","Impressions","CTR","Position"\n',
                                    b'\xef\xbb\xbf"Top queries";"Clicks";"Impressions";"CTR";"Position"\r\n\r\n'])
def test_search_console_csv_with_no_query_is_a_warning(tmp_path, capsys, header, good_post):
    """An export of a range nothing was searched in yet: read, said once, and the topics listed without demand."""
    (tmp_path / "Queries.csv").write_bytes(header)
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 0
    out, err = capsys.readouterr()
    assert _lines(err) == ["Queries.csv: warning: no queries in it, only the header: the topics are ranked without "
                           "search demand"]
    assert "MISSING" in out or "partial" in out
    from smpseo.app.gaps import gaps
    from smpseo.app.report.faq import faq_report

    assert [e.message for e in gaps(tmp_path / "posts", queries=tmp_path / "Queries.csv").errors
            if e.severity == "warning"] == [NO_QUERIES]
    assert [p for p in faq_report(tmp_path / "posts", queries=tmp_path / "Queries.csv").problems
            if NO_QUERIES in p] == [f"{tmp_path / 'Queries.csv'}: warning: {NO_QUERIES}"]


@pytest.mark.parametrize("command", ["analyze", "check", "gaps"])
def test_missing_posts_folder(tmp_path, capsys, command):
    """A path that names nothing (a typo) is a usage error: status 2, and no report on nothing."""
    assert main([command, "posts"]) == 2
    out, err = capsys.readouterr()
    assert _lines(err) == ["posts: error: no such file or folder"]


@pytest.mark.parametrize("command", ["analyze", "check", "gaps"])
def test_a_path_that_names_nothing_beside_others_leaves_them_processed(good_post, capsys, command):
    """One mistyped path among several: one line for it, status 2, and the paths that are there still reported on."""
    assert main([command, "postz", "posts", *COMMANDS[command]]) == 2
    out, err = capsys.readouterr()
    assert _lines(err) == ["postz: error: no such file or folder"]
    assert (GOOD_SLUG if command != "gaps" else "1 post") in out


@pytest.mark.parametrize("command", ["analyze", "check"])
def test_a_post_given_twice_is_one_post(good_post, capsys, command):
    """A folder and a post in it given together (`posts posts/good.md`, a glob that overlaps): one post, not two
    with the same slug."""
    assert main([command, "posts", str(good_post), "posts/../posts/good.md", *COMMANDS[command]]) == 0
    out, err = capsys.readouterr()
    assert _lines(err) == []
    if command == "analyze":
        assert out.count(GOOD_SLUG) == 1
    else:
        assert json.loads(out)["summary"]["posts"] == 1


def test_missing_and_empty_sources_for_import(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["import", "no-such-dump.txt", "no-such-thing", "--to", "out"]) == 2
    err = capsys.readouterr().err
    assert _lines(err) == ["no-such-dump.txt: error: no such file or folder",
                           "no-such-thing: error: no such file or folder"]
    assert main(["analyze", "empty"]) == 1
    assert _lines(capsys.readouterr().err) == ["empty: error: folder holds no posts (.md, .markdown, .mdx, .rst, .html)"]


def test_a_folder_holding_only_an_export_says_to_name_it(tmp_path, capsys, monkeypatch):
    """An export or a dump is read when named, never found in a folder: a folder of nothing else says which file
    to name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    for name in ("wordpress.xml", "ghost.json"):
        (tmp_path / "site" / name).write_text("<rss/>\n", encoding="utf-8")
    assert main(["check", "site"]) == 1
    assert _lines(capsys.readouterr().err)[0] == ("site: error: folder holds no posts (.md, .markdown, .mdx, .rst, "
                                                  ".html); site/ghost.json is read when named, as an export or a dump")


# -- exports ---------------------------------------------------------------------------------------------------------

def test_wxr_entity_bomb_is_refused_at_the_line_of_its_first_entity(tmp_path, capsys):
    started = time.monotonic()
    assert main(["import", str(BAD / "entity-bomb.xml"), str(BAD / "good.md"), "--to", "out"]) == 1
    err = capsys.readouterr().err
    assert _lines(err) == [f"{BAD / 'entity-bomb.xml'}:3: error: refused: the file declares XML entities or a DTD "
                           "(EntitiesForbidden)"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{GOOD_SLUG}.md"]
    assert time.monotonic() - started < 10


def test_truncated_wxr_keeps_the_posts_before_the_cut(tmp_path, capsys):
    from smpseo.sources.readers import read_file

    whole = FIXTURES / "wxr" / "themeunittestdata.wordpress.xml"
    text = whole.read_text(encoding="utf-8")
    cut = tmp_path / "half-saved.xml"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    complete = [p.slug for p in read_file(whole)]
    code = main(["import", str(cut), "--to", "out"])
    out, err = capsys.readouterr()
    lines = _lines(err)
    assert code == 1 and len(lines) == 1, err
    m = re.match(rf"{re.escape(str(cut))}:(\d+): error: not well-formed XML: .* \(cut off\?\); the (\d+) posts "
                 r"complete before it were read$", lines[0])
    assert m, lines[0]
    kept = int(m.group(2))
    assert 0 < kept < len(complete)
    written = sorted(p.stem for p in (tmp_path / "out").iterdir())
    assert written == sorted(complete[:kept])
    # The same through load_posts: the posts before the cut are analysed, and the cut is an error.
    assert main(["analyze", str(cut), "--format", "csv"]) == 1
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == kept + 1 and "cut off?" in err


def test_a_post_damaged_in_a_wxr_is_skipped_and_the_posts_after_it_imported(tmp_path, capsys):
    from smpseo.sources.readers import read_file

    whole = FIXTURES / "wxr" / "themeunittestdata.wordpress.xml"
    text = whole.read_text(encoding="utf-8")
    complete = [p.slug for p in read_file(whole)]
    at = text.index("<title>", text.index("<item>"))  # the first item's title, with an "&" XML refuses
    damaged = tmp_path / "edited.xml"
    damaged.write_text(text[:at] + "<title>Cost & payment</title><title>" + text[at + len("<title>"):],
                       encoding="utf-8")
    code = main(["import", str(damaged), "--to", "out"])
    lines = _lines(capsys.readouterr().err)
    line = text[:at].count("\n") + 1
    assert code == 1 and lines == [f"{damaged}:{line}: error: not well-formed XML: not well-formed (invalid token): "
                                   f"the post at line {line} was skipped; the other {len(complete) - 1} posts were read"]
    assert sorted(p.stem for p in (tmp_path / "out").iterdir()) == sorted(complete[1:])


def test_wxr_cut_before_any_post_is_one_error(tmp_path, capsys):
    cut = tmp_path / "stub.xml"
    cut.write_text('<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>')
    assert main(["import", str(cut), "--to", "out"]) == 1
    assert re.fullmatch(rf"{re.escape(str(cut))}:\d+: error: not well-formed XML: [^\n]*\n",
                        capsys.readouterr().err)


def test_paths_from_titles_and_slugs_stay_inside_the_folder(tmp_path, capsys):
    dump = tmp_path / "dump.txt"
    dump.write_text("../../etc/passwd\n\nA post whose title looks like a path, long enough to be one post.\n")
    out_dir = tmp_path / "deep" / "out"
    code = main(["import", str(BAD / "traversal.xml"), str(BAD / "traversal.md"), str(dump), "--to", str(out_dir)])
    assert code == 0, capsys.readouterr().err
    written = sorted(out_dir.iterdir())
    assert len(written) == 5
    for path in written:
        assert path.resolve().parent == out_dir.resolve() and path.suffix == ".md"
        assert not path.name.startswith(".") and "/" not in path.stem and ".." not in path.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "dump.txt"]
    assert [p.name for p in (tmp_path / "deep").iterdir()] == ["out"]


def test_duplicate_slugs_are_named_once_each_and_import_keeps_both(tmp_path, capsys):
    posts = tmp_path / "posts"
    (posts / "2025").mkdir(parents=True)
    shutil.copy(BAD / "good.md", posts / "good.md")
    shutil.copy(BAD / "good.md", posts / "2025" / "copy.md")
    shutil.copy(BAD / "good.md", posts / "2025" / "again.md")
    assert main(["analyze", "posts", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert _lines(err) == [
        f"posts/2025/copy.md:3: warning: slug '{GOOD_SLUG}' is also the slug of posts/2025/again.md; both would "
        "have the same address",
        f"posts/good.md:3: warning: slug '{GOOD_SLUG}' is also the slug of posts/2025/again.md; both would have "
        "the same address",
    ]
    assert len(out.strip().splitlines()) == 4  # all three are analysed
    assert main(["import", *(str(p) for p in sorted(posts.rglob("*.md"))), "--to", "out"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"{GOOD_SLUG}-2.md", f"{GOOD_SLUG}-3.md", f"{GOOD_SLUG}.md"]


# -- size ------------------------------------------------------------------------------------------------------------

def _huge_post(path: Path, megabytes: float = 5) -> None:
    words = ("scalp micropigmentation clinic vancouver hair loss pigment session dots density natural look "
             "thinning crown hairline").split()
    paragraphs, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        sentence = " ".join(words[(i + k * 7) % len(words)] for k in range(18)).capitalize() + "."
        paragraph = " ".join([sentence] * 4)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    path.write_text("---\ntitle: A very long post\n---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_multi_megabyte_post_completes(tmp_path, capsys, command):
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    _huge_post(posts / "huge.md")
    assert (posts / "huge.md").stat().st_size > 5_000_000
    started = time.monotonic()
    code = main([command, "posts", *COMMANDS[command]])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code == 0 and _lines(err) == [], err
    assert "A very long post" in out or "topics over 2 posts" in out
    print(f"{command} on a 5 MB post: {elapsed:.1f} s")


# -- the report ------------------------------------------------------------------------------------------------------

def _smpseo(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smpseo", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


@pytest.mark.slow
def test_monthly_report_over_every_bad_file(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    for case in CASES:
        (posts / case.name).write_bytes(case.content)
    run = _smpseo("report", "monthly", "--month", "2026-10", "--posts", "posts", "--out", "reports", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    html = tmp_path / "reports" / "2026-10" / "monthly_report.html"
    assert run.stdout.strip() == str(Path("reports") / "2026-10" / "monthly_report.html") and html.is_file()
    lines = _lines(run.stderr)
    for case in CASES:
        mine = [line for line in lines if line.startswith(f"posts/{case.name}:") or line.startswith(
            f"posts/{case.name} ")]
        if case.severity is None:
            assert mine == [], mine
            continue
        where = f"posts/{case.name}:{case.line}" if case.line else f"posts/{case.name}"
        assert mine and mine[0].startswith(f"{where}: {case.severity}: ") and re.search(case.message, mine[0]), mine
    assert all(line.startswith("posts/") for line in lines), lines
    from bs4 import BeautifulSoup

    text = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    assert GOOD_TITLE in text or "How long does scalp micropigmentation last" in text
    for case in CASES:
        if case.severity == "error":
            assert case.name in text  # listed among the files that could not be read
    assert "Traceback" not in text
    assert not (tmp_path / "yaml-executed.txt").exists()


@pytest.mark.slow
def test_report_refuses_bad_settings_queries_and_drafts_before_starting(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    shutil.copy(BAD / "good.md", posts / "good.md")
    (posts / "binary.md").write_bytes(bytes(range(256)) * 4)
    shutil.copy(BAD / "wrong-columns.csv", tmp_path / "Queries.csv")
    started = time.monotonic()
    queries = _smpseo("report", "monthly", "--posts", "posts", "--queries", "Queries.csv", cwd=tmp_path)
    config = _smpseo("report", "monthly", "--posts", "posts", "--config", BAD / "unknown-key.toml", cwd=tmp_path)
    missing = _smpseo("report", "monthly", "--posts", "nowhere", cwd=tmp_path)
    draft = _smpseo("report", "prepublish", "posts/binary.md", cwd=tmp_path)
    bad_yaml = _smpseo("report", "prepublish", BAD / "invalid-yaml.md", cwd=tmp_path)
    assert (queries.returncode, config.returncode, missing.returncode, draft.returncode, bad_yaml.returncode) == (
        2, 2, 2, 1, 1)
    assert _lines(queries.stderr) == ['smpseo: error: Queries.csv:1: not a Search Console Queries.csv: header is '
                                      '"Query","Hits", expected "Top queries","Clicks","Impressions","CTR","Position" '
                                      "(or, in another language, the same 5 columns in that order: the query, clicks, "
                                      "impressions, CTR as a percentage, position; else export it again with Search "
                                      "Console's language set to English)"]
    assert _lines(config.stderr)[0].endswith("unknown-key.toml:3: unknown key 'colour' in [site] (known: address, "
                                             "business_type, city, country, latitude, locations, longitude, "
                                             "name, opening_hours, phone, postal_code, price_range, region, url)") and len(_lines(config.stderr)) == 1
    assert _lines(missing.stderr) == ["nowhere: error: no such file or folder"]  # as every command says it
    assert _lines(draft.stderr) == ["posts/binary.md: error: binary file, not text"]
    assert len(_lines(bad_yaml.stderr)) == 1
    assert _lines(bad_yaml.stderr)[0].startswith(f"{BAD / 'invalid-yaml.md'}:4: error: invalid YAML front matter: ")
    assert not (tmp_path / "reports").exists()  # nothing written, no kernel started
    assert time.monotonic() - started < 60


def test_csv_cells_never_start_a_formula(tmp_path, capsys):
    """A title such as =HYPERLINK(...) is text in a spreadsheet, not a formula."""
    import csv
    import io

    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "formula.md").write_text('---\ntitle: \'=HYPERLINK("http://example.com","x")\'\n---\n\n'
                                      "Some text in the body.\n", encoding="utf-8")
    assert main(["analyze", "posts", "--format", "csv"]) == 0
    row = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["title"] == "'=HYPERLINK(\"http://example.com\",\"x\")" and row["words"] == "5"
    # a cell made of a list (the top terms, tags) is a cell too; a number keeps its sign
    from smpseo.views.table import csv_cell

    assert [csv_cell(v) for v in (["=1+1", "x"], ("@SUM(A1)",), -3, -2.5, "-2")] == ["'=1+1; x", "'@SUM(A1)", "-3",
                                                                                 "-2.5", "'-2"]


# -- fetching by URL ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_server():
    """A local server that misbehaves: trickles, floods, loops, lies about types, serves bombs."""
    from http.server import BaseHTTPRequestHandler

    from .test_web import serving

    page = b"<html><head><title>Aftercare</title></head><body><article><p>" + b"Keep the scalp dry. " * 10 + \
        b"</p></article></body></html>"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _head(self, status=200, content_type="text/html", length=None, **headers):
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if length is not None:
                self.send_header("Content-Length", str(length))
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()

        def do_GET(self):  # noqa: N802 (http.server API)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/page":
                self._head(length=len(page))
                self.wfile.write(page)
            elif self.path == "/trickle":  # a byte at a time: each read is quick, the whole is not
                self._head(length=10_000)
                try:
                    for _ in range(100):
                        self.wfile.write(b"<p>x</p>")
                        self.wfile.flush()
                        time.sleep(0.1)
                except OSError:
                    pass
            elif self.path == "/flood":  # no length, never ends
                self._head()
                try:
                    while True:
                        self.wfile.write(b"<p>" + b"y" * 65536 + b"</p>")
                except OSError:
                    pass
            elif self.path == "/loop":
                self._head(302, location="/loop")
            elif self.path == "/to-file":
                self._head(302, location="file:///etc/passwd")
            elif self.path == "/photo.jpg":
                self._head(length=4, content_type="image/jpeg")
                self.wfile.write(b"\xff\xd8\xff\xe0")
            elif self.path == "/untyped":
                body = b"\x00\x01binary\x02" * 10
                self._head(content_type=None, length=len(body))
                self.wfile.write(body)
            elif self.path == "/bomb-sitemap.xml":
                body = (b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&b;</loc></url>'
                        b"</urlset>")
                self._head(content_type="application/xml", length=len(body))
                self.wfile.write(body)
            elif self.path.startswith("/index-"):  # /index-<n>.xml lists /index-<n+1>.xml: nested without end
                n = int(self.path[len("/index-"):].split(".")[0])
                body = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        f"<sitemap><loc>{base}/index-{n + 1}.xml</loc></sitemap></sitemapindex>").encode()
                self._head(content_type="application/xml", length=len(body))
                self.wfile.write(body)
            elif self.path == "/huge-sitemap.xml":
                urls = "".join(f"<url><loc>{base}/p{i}</loc></url>" for i in range(50_000))
                body = (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}'
                        f"</urlset>").encode()
                self._head(content_type="application/xml", length=len(body))
                self.wfile.write(body)
            else:
                self._head(404, length=0)

    with serving(Handler) as url:
        yield url


@pytest.mark.parametrize("path, message", [
    ("/trickle", r"timed out after 1 s"),
    ("/flood", r"response too large \(more than 5,242,880 bytes\)"),
    ("/loop", r"too many redirects"),
    ("/to-file", r"redirected to a non-web address: file:///etc/passwd"),
    ("/photo.jpg", r"not an HTML page \(the server says image/jpeg\)"),
    ("/untyped", r"not an HTML page \(looks like application/octet-stream\)"),
    ("/missing", r"HTTP 404"),
    ("/bomb-sitemap.xml", r"refused: the sitemap declares XML entities"),
])
def test_import_of_a_misbehaving_address(hostile_server, tmp_path, capsys, path, message):
    started = time.monotonic()
    code = main(["import", f"{hostile_server}{path}", f"{hostile_server}/page", str(BAD / "good.md"), "--to", "out",
                 "--timeout", "1"])
    elapsed = time.monotonic() - started
    out, err = capsys.readouterr()
    lines = _lines(err)
    assert code == 1 and len(lines) == 1, err
    assert lines[0].startswith(f"{hostile_server}{path}: error: ") and re.search(message, lines[0]), lines[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{GOOD_SLUG}.md", "page.md"]
    assert elapsed < 8, f"{path} held the import for {elapsed:.1f} s"


def test_sitemaps_nested_without_end_or_too_long_are_capped(hostile_server, tmp_path):
    from smpseo.sources.readers.web import sitemap_pages

    errors = []
    assert sitemap_pages(f"{hostile_server}/index-0.xml", errors=errors, timeout=2) == []
    assert [e.severity for e in errors] == ["warning"] and "nested deeper than 2 levels" in errors[0].message
    errors = []
    pages = sitemap_pages(f"{hostile_server}/huge-sitemap.xml", errors=errors, timeout=5)
    assert len(pages) == 500 and "only the first 500 pages" in errors[0].message


def test_only_web_addresses_are_fetched(tmp_path, capsys):
    code = main(["import", "file:///etc/passwd", "ftp://example.com/post.html", "--to", "out"])
    assert code == 1
    assert _lines(capsys.readouterr().err) == [
        "file:///etc/passwd: error: only http:// and https:// addresses can be fetched",
        "ftp://example.com/post.html: error: only http:// and https:// addresses can be fetched"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _zip(path: Path, members: dict[str, bytes], **kwargs) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, **kwargs) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("kind, message", [
    ("bomb", r"Queries\.csv: 104,857,600 bytes unpacked; a Search Console export is far smaller"),
    ("no-csv", r"the ZIP holds no Queries\.csv"),
    ("damaged", r"not a valid ZIP file|cannot unpack"),
])
def test_search_console_zip_bombs_and_damage(tmp_path, capsys, kind, message, good_post):
    archive = tmp_path / "export.zip"
    if kind == "bomb":  # 100 MB of one byte, compressed to about 100 kB
        _zip(archive, {"Queries.csv": b'"Top queries","Clicks","Impressions","CTR","Position"\n' + b"a" * (
            100 * 1024 * 1024 - 54)})
        assert archive.stat().st_size < 200_000
    elif kind == "no-csv":
        _zip(archive, {"Pages.csv": b'"Top pages","Clicks"\n'})
    else:
        _zip(archive, {"Queries.csv": b'"Top queries","Clicks","Impressions","CTR","Position"\n' * 2000})
        data = bytearray(archive.read_bytes())
        data[60:400] = bytes(340)
        archive.write_bytes(bytes(data))
    code = main(["gaps", "posts", "--queries", str(archive)])
    lines = _lines(capsys.readouterr().err)
    assert code == 2 and len(lines) == 1 and re.search(message, lines[0]), lines


def test_a_file_too_big_to_be_posts_is_refused_without_reading_it(tmp_path, capsys, monkeypatch, good_post):
    import smpseo.sources.readers

    monkeypatch.setattr(smpseo.sources.readers, "MAX_SOURCE_BYTES", 1_000_000)
    with open(tmp_path / "posts" / "video.md", "wb") as fh:  # sparse: big on paper, nothing to read
        fh.truncate(2_000_000)
    assert main(["analyze", "posts"]) == 1
    out, err = capsys.readouterr()
    assert _lines(err) == ["posts/video.md: error: file too large to be posts (2,000,000 bytes; the limit is "
                           "1,000,000)"]
    assert GOOD_SLUG in out


def test_keyword_extraction_reads_the_opening_of_a_huge_text():
    from smpseo.analysis.extract import MAX_WORDS, _opening

    line = "Scalp micropigmentation lasts for years in Vancouver."
    text = "\n".join([line] * 10_000)  # 70,000 words
    opening = _opening(text)
    assert opening.count("\n") + 1 == -(-MAX_WORDS // 7) and text.startswith(opening)
    short = "\n".join([line] * 100)
    assert _opening(short) is short


@pytest.mark.parametrize("command", ["analyze", "check", "gaps"])
def test_escape_sequences_in_a_post_never_reach_the_terminal(tmp_path, capsys, command):
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "red.md").write_text('---\ntitle: "Red \\e[31mscalp micropigmentation\\e[0m title \\e]0;owned\\a"\n---\n\n'
                                  "Scalp micropigmentation in Vancouver lasts years. Does SMP hurt? It does not.\n",
                                  encoding="utf-8")
    main([command, "posts"])
    out, err = capsys.readouterr()
    assert "\x1b" not in out and "\x07" not in out and "\x1b" not in err
