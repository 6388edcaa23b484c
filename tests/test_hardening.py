"""Hardening: one regression test per known failure: what a post, a posts folder, a setting, the cache or a full disk
can do never stops a run, loses a post without a line naming it, reaches the terminal raw or hangs.

Tests of speed are not timed here: work that used to take minutes runs inside the code's own time budget
(`time_budget`), so a quadratic path coming back fails with BudgetExceeded instead of hanging.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from smpseo.cli import main
from smpseo.core.budget import BudgetExceeded, time_budget

from .conftest import FIXTURES
from .conftest import nonblank_lines as _lines

BAD = FIXTURES / "bad"
HANG = 60  # seconds: far past the fixed code's milliseconds, far below the old code's minutes


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


# -- text enters clean ----------------------------------------------------------------------------------------------

SURROGATE_POST = ('---\ntitle: "Half an emoji \\ud83d here"\ndescription: "red \\e[31m text \\u202e"\n'
                  'keyphrase: "\\udc00"\n---\n\nScalp micropigmentation lasts for years. It fades slowly.\n')


@pytest.mark.parametrize("argv", [["analyze", "posts", "--format", "json"], ["analyze", "posts", "--format", "csv"],
                                  ["check", "posts", "--format", "json"], ["check", "posts", "--format", "csv"],
                                  ["gaps", "posts", "--format", "markdown"], ["gaps", "posts", "--format", "json"]])
def test_lone_surrogates_and_control_characters_are_cleaned_where_text_enters(posts, capsys, argv):
    (posts / "half.md").write_text(SURROGATE_POST, encoding="utf-8")
    code = main(argv)
    out, err = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in err, err
    out.encode("utf-8")  # a lone surrogate would raise here
    assert "\x1b" not in out + err and "\u202e" not in out + err
    if argv[0] != "gaps":
        assert "Half an emoji \ufffd here" in out and "how-long-does-smp-last" in out


@pytest.mark.parametrize("argv", [["check", "posts", "--format", "json"], ["analyze", "posts", "--format", "json"],
                                  ["gaps", "posts", "--format", "json"], ["check", "posts"]])
def test_a_file_name_that_is_not_utf8_is_read_shown_escaped_and_cached(posts, capsys, monkeypatch, tmp_path, argv):
    monkeypatch.delenv("SMPSEO_NO_CACHE", raising=False)
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    name = os.fsdecode(b"caf\xe9.md")  # Latin-1 bytes: "caf\udce9.md" in Python
    (posts / name).write_text("# Café\n\nScalp micropigmentation lasts for years.\n", encoding="utf-8")
    runs = []
    for _ in range(2):  # cold, then from the cache
        code = main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 1) and "Traceback" not in err and "error" not in err, err
        runs.append(out)
    assert runs[0] == runs[1] and "caf\\udce9.md" in runs[0] and "good" in runs[0]


def test_a_report_of_a_file_whose_name_is_not_utf8_is_refused_in_one_line(posts, capsys):
    name = os.fsdecode(b"caf\xe9.md")
    (posts / name).write_text("# Café\n\nScalp micropigmentation lasts for years.\n", encoding="utf-8")
    assert main(["report", "prepublish", f"posts/{name}", "--out", "reports"]) == 2
    (line,) = _lines(capsys.readouterr().err)
    assert "caf\\udce9.md: the name is not UTF-8" in line, line
    assert not (posts.parent / "reports").exists()


def test_character_references_in_html_are_cleaned_too():
    from smpseo.sources.readers.html import read_html

    post = read_html('<html><head><title>A &#27;[2J title &#x202e;</title></head><body><p>Text &#27;[31m here. '
                     'More &#xd800; text.</p><img src="a.png" alt="x&#27;y"></body></html>', "a.html")[0]
    texts = [post.title, *(b.text for b in post.blocks), *(i.alt for b in post.blocks for i in b.images)]
    assert all("\x1b" not in t and "\u202e" not in t for t in texts)
    assert "\ufffd" in " ".join(texts)


def test_character_references_in_markdown_are_cleaned_too():
    from smpseo.sources.readers.markdown import read_markdown

    post = read_markdown("# Title &#x202e; here\n\nText &#27;[31m here &#x2066;. [link &#x202e;](a.md \"t&#x202e;\")"
                         "\n\n![alt &#x202e;](a.png)\n", "a.md")[0]
    texts = [post.title, *(b.text for b in post.blocks), *(link.text for b in post.blocks for link in b.links),
             *(i.alt for b in post.blocks for i in b.images)]
    assert texts and all("\x1b" not in t and "\u202e" not in t and "\u2066" not in t for t in texts)


def test_terminal_lines_escape_bidi_overrides_and_undecodable_file_names():
    from smpseo.model.post import one_line

    assert one_line("a\x1b[2Jb\u202ec\udcffd\ne") == "a\\x1b[2Jb\\u202ec\\udcffd\\x0ae"


@pytest.mark.parametrize("date", ["2024-02-30", "0000-00-00"])
@pytest.mark.parametrize("front", ["---\ntitle: Leap\ndate: {}\n---\n",  # YAML, TOML (refused whole), JSON
                                   '+++\ntitle = "Leap"\ndate = {}\n+++\n', '{{\n"title": "Leap",\n"date": "{}"\n}}\n'])
def test_an_impossible_date_keeps_the_post_and_names_its_line(posts, capsys, front, date):
    (posts / "feb.md").write_text(front.format(date) + "\nText of the post here.\n")
    assert main(["analyze", "posts"]) == 0
    out, err = capsys.readouterr()
    assert "feb" in out
    assert _lines(err) == [f"posts/feb.md:3: warning: 'date' is not a date: '{date}'; ignored"]


# -- charts ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Save $200 on SMP & get 50% off $1,000", r"$\frac{a}{b$ and $\undefined$",
                                   "Cost $5 #1 {x} $6", "$$", "a_b^c $x_1$"])
def test_chart_labels_are_never_read_as_mathtext(title):
    from smpseo.app.report.load import summary_from_data
    from smpseo.views.charts import coverage_heatmap, readability_chart

    posts = [{"slug": "a", "title": title, "flesch_reading_ease": 55.0},
             {"slug": "b", "title": "Plain", "flesch_reading_ease": 70.0}]
    summary = summary_from_data({"posts": posts, "totals": {"flesch_reading_ease": 62.5}, "month": "2026-10",
                                 "coverage": [{"target": title, "slug": "a", "count": 2}]}, "a summary")
    report = SimpleNamespace(summary=summary, coverage=[SimpleNamespace(placements=("title",))],
                             config=SimpleNamespace(targets=[title]))
    for chart in (readability_chart(report), coverage_heatmap(report)):
        assert chart.png().startswith(b"\x89PNG") and chart.png(narrow=True).startswith(b"\x89PNG")


# -- linear time ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("run", ["!" * 200_000, "." * 200_000, "?!." * 70_000, "…" * 100_000])
def test_a_long_run_of_sentence_punctuation_is_split_in_linear_time(run):
    from smpseo.core.sentences import sentence_spans

    with time_budget(HANG):
        spans = sentence_spans(f"It starts here{run}and ends. Next one.")
    assert spans[-1] == (len(f"It starts here{run}and ends. "), len(f"It starts here{run}and ends. Next one."))


def test_one_long_paragraph_of_short_sentences_is_checked_in_linear_time(posts, capsys):
    body = " ".join(f"Scalp micropigmentation works well here {i}." for i in range(6000))
    (posts / "long.md").write_text(f"---\ntitle: Long\nkeyphrase: scalp micropigmentation\n---\n\n{body}\n")
    with time_budget(HANG):
        code = main(["check", "posts", "--format", "json"])
    assert code in (0, 1)
    assert "long.md" in capsys.readouterr().out


def test_a_word_of_a_million_characters_is_kept_from_keyword_extraction():
    from smpseo.analysis.extract import extract_text

    with time_budget(HANG):
        terms = extract_text("Scalp micropigmentation clinic in town.\n" + "a" * 1_000_000 + " end.\n")
    assert terms is not None and all(len(t) < 100 for t, _ in terms)


def test_thousands_of_unclosed_comments_read_as_one_comment_to_the_end():
    from smpseo.sources.readers.html import read_html

    with time_budget(HANG):
        post = read_html("<html><head><title>C</title></head><body><p>Before the comments.</p>"
                         + "<!--" * 50_000 + "<p>never shown</p></body></html>", "c.html")[0]
    assert [b.text for b in post.blocks] == ["Before the comments."]


# -- budgets --------------------------------------------------------------------------------------------------------

def test_a_file_over_its_reading_budget_is_one_error_line_and_the_run_goes_on(posts, capsys, monkeypatch):
    import smpseo.sources.readers as readers

    real = readers.read_file

    def slow(path):
        if Path(path).name == "slow.md":
            while True:  # stands for any pathological input: only the budget ends it
                pass
        return real(path)

    monkeypatch.setattr(readers, "READ_SECONDS", 0.05)
    monkeypatch.setattr(readers, "read_file", slow)
    (posts / "slow.md").write_text("---\ntitle: Slow\n---\n\nText.\n")
    assert main(["analyze", "posts"]) == 1
    out, err = capsys.readouterr()
    assert "how-long-does-smp-last" in out
    assert _lines(err) == ["posts/slow.md: error: not read: reading it took more than 0.05 s (the limit for one "
                           "file)"]


def test_keyword_extraction_over_its_budget_leaves_the_post_analysed(monkeypatch):
    import smpseo.analysis.extract as extract
    import smpseo.analysis.metrics as metrics

    def forever(text, top=10):
        while True:
            pass

    monkeypatch.setattr(metrics, "KEYWORD_SECONDS", 0.05)
    monkeypatch.setattr(extract, "extract_text", forever)
    done = metrics.analyse((("Scalp micropigmentation lasts for years.", False),), True)
    assert done["terms"] is None and done["scores"]


def test_budgets_nest_and_the_outer_one_still_ends_the_work():
    with pytest.raises(BudgetExceeded):
        with time_budget(0.2):
            with time_budget(5):
                while True:
                    pass


# -- what a posts folder holds ----------------------------------------------------------------------------------------

def test_fifos_and_broken_links_are_named_and_skipped(posts, capsys):
    os.mkfifo(posts / "pipe.md")
    (posts / "broken.md").symlink_to(posts / "missing.md")
    with time_budget(HANG):  # a FIFO opened for reading would block for ever
        assert main(["analyze", "posts"]) == 1
    out, err = capsys.readouterr()
    assert "how-long-does-smp-last" in out
    assert sorted(_lines(err)) == ["posts/broken.md: error: broken symbolic link (its target is missing); skipped",
                                   "posts/pipe.md: error: not a regular file (a FIFO, socket or device); skipped"]


def test_a_broken_link_or_a_loop_named_on_the_command_line_is_said_as_such(posts, tmp_path, capsys):
    # not "no such file or folder" (status 2, as for a typo): the link is there, and the other posts are read
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    assert main(["analyze", "broken.md", "loop.md", "posts"]) == 1
    out, err = capsys.readouterr()
    assert "how-long-does-smp-last" in out
    assert _lines(err) == ["broken.md: error: broken symbolic link (its target is missing)",
                           "loop.md: error: Too many levels of symbolic links"]


def test_an_unreadable_subfolder_is_named_and_the_rest_read(posts, capsys, monkeypatch):
    (posts / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["analyze", "posts"]) == 1
    out, err = capsys.readouterr()
    assert "how-long-does-smp-last" in out
    assert _lines(err) == ["posts/locked: error: folder not read: Permission denied"]


def test_a_path_over_the_system_limit_is_one_line(posts, capsys):
    """A path longer than the system allows names nothing: one line naming it and status 2, like any path that
    names nothing (no report on a blog read in part)."""
    long = "x" * 5000 + ".md"
    assert main(["analyze", "posts", long]) == 2
    out, err = capsys.readouterr()
    (line,) = _lines(err)
    assert line.startswith(long + ": error: ") and "too long" in line and "Traceback" not in err


# -- settings ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("toml, message", [
    ('[rules]\nRD101 = { max_words = 1e400 }\n', "must be int, not inf"),
    ('[rules]\nSEO212 = { max_percent = inf }\n', "finite number"),
    ('[rules]\nSEO212 = { min_percent = -1.0 }\n', "finite number"),
    ('[rules]\nSEO213 = { max_gap_share = 1.5 }\n', "a share is between 0 and 1"),
    ('[rules]\nRD101 = { max_words = 1' + "0" * 400 + ' }\n', "RD101.max_words"),
    ('[rules]\nSEO213 = { max_gap_share = 1' + "0" * 400 + ' }\n', "SEO213.max_gap_share"),
    ('[rules]\nSEO212 = { max_percent = 150.0 }\n', "a percentage is between 0 and 100"),
    ('[topics]\nfille = "faq.yml"\n', "unknown key 'fille' in [topics]"),
    ('[report]\ntitel = "x"\n', "unknown key 'titel' in [report]"),
    ('[site]\nname = "' + "Scalp clinic " * 500 + '"\n', "[site] name is 6,500 characters long"),
    ('[site]\ncity = "Vancouver"\nphone = "call us now"\n',
     "smpseo.toml:3: [site] phone 'call us now' is not a phone number (digits, spaces, + ( ) - . / only)"),
    ('[site]\nphone = "555-01"\n', "smpseo.toml:2: [site] phone '555-01' has too few digits to be a phone number"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    # a quoted name, with a space: at its line as any other
    ('[site]\nname = "x"\n\n["my site"]\ncity = "y"\n', "smpseo.toml:4: unknown section [my site]"),
    ('[rules."RD 107"]\nmin_words = 3\n', "smpseo.toml:1: [rules] unknown rule 'RD 107'"),
])
@pytest.mark.parametrize("command", ["analyze", "check", "gaps"])
def test_settings_that_cannot_be_meant_are_exit_2_and_one_line(posts, capsys, toml, message, command):
    (posts.parent / "smpseo.toml").write_text(toml)
    assert main([command, "posts"]) == 2
    err = capsys.readouterr().err
    (line,) = _lines(err)
    assert line.startswith("smpseo: error: ") and message in line, line


@pytest.mark.parametrize("value", ["inf", "1e400", "nan", "-3", "Infinity", "9" * 5000])
def test_search_console_numbers_that_are_no_count_are_exit_2(posts, capsys, value):
    (posts.parent / "Queries.csv").write_text(f"Top queries,Clicks,Impressions,CTR,Position\nsmp cost,{value},5,1%,3\n")
    assert main(["gaps", "posts", "--queries", "Queries.csv"]) == 2
    (line,) = _lines(capsys.readouterr().err)
    assert line.startswith("smpseo: error: Queries.csv:2: Clicks ") and len(line) < 200


@pytest.mark.parametrize("month", ["2026-10\n", " 2026-10", "2026-10 ", "2026-1\x1b0", "0000-01", "9999-12"])
def test_a_month_with_a_newline_or_space_is_refused(posts, capsys, month):
    with pytest.raises(SystemExit) as exc:
        main(["report", "monthly", "--month", month])
    assert exc.value.code == 2
    assert not (posts.parent / "reports").exists()


@pytest.mark.parametrize("ahead", [1, 36 * 12])
def test_a_month_that_has_not_begun_is_refused(posts, capsys, ahead):
    from datetime import date

    from smpseo.core.months import month_of, shift_month

    month = shift_month(month_of(date.today()), ahead)  # next month; a typo's 2062-10
    with pytest.raises(SystemExit) as exc:
        main(["report", "monthly", "--month", month])
    assert exc.value.code == 2
    assert f"argument --month: {month} has not begun yet" in capsys.readouterr().err
    assert not (posts.parent / "reports").exists()


@pytest.mark.parametrize("kind", ["monthly", "prepublish"])
def test_a_file_where_the_reports_folder_goes_is_refused_and_kept(posts, capsys, kind):
    (posts.parent / "reports").write_text("my notes\n")
    args = ["--posts", "posts"] if kind == "monthly" else ["posts/good.md"]
    assert main(["report", kind, *args, "--out", "reports"]) == 2
    (line,) = _lines(capsys.readouterr().err)
    assert line.startswith("smpseo: error: reports") and "not a folder" in line, line
    assert (posts.parent / "reports").read_text() == "my notes\n"


def test_a_pre_publish_report_of_a_file_of_several_posts_is_refused(posts, capsys):
    export = FIXTURES / "wxr" / "64-block-test-data.xml"
    assert main(["report", "prepublish", str(export), "--out", "reports"]) == 2
    (line,) = _lines(capsys.readouterr().err)
    assert line == (f"smpseo: error: {export} holds 61 posts; a pre-publish check is of one draft: import them "
                    "(smpseo import) and name one")
    assert not (posts.parent / "reports").exists()


def test_a_report_leaves_the_environment_as_it_was(posts, capsys, monkeypatch):
    monkeypatch.delenv("SMPSEO_PROGRESS", raising=False)
    assert main(["report", "monthly", "--posts", "nowhere"]) == 2
    assert "SMPSEO_PROGRESS" not in os.environ  # set for the kernels only: main() runs in others' processes too


def test_a_file_named_for_the_month_in_the_reports_folder_is_never_moved_aside(posts, capsys):
    (posts.parent / "reports").mkdir()
    (posts.parent / "reports" / "2026-10").write_text("my notes\n")
    assert main(["report", "monthly", "--posts", "posts", "--month", "2026-10"]) == 2
    (line,) = _lines(capsys.readouterr().err)
    assert "2026-10: a file, not a report folder" in line, line
    assert [p.name for p in (posts.parent / "reports").iterdir()] == ["2026-10"]
    assert (posts.parent / "reports" / "2026-10").read_text() == "my notes\n"


def test_reports_are_never_written_into_the_posts_folder(posts, capsys, monkeypatch):
    from smpseo.cli.report import _out_folder

    monkeypatch.chdir(posts)
    default = SimpleNamespace(kind="prepublish", post="good.md", posts=None, out="reports")
    assert Path(_out_folder(default)) == posts.parent.resolve() / "reports"
    monthly = SimpleNamespace(kind="monthly", posts=".", out="reports")
    assert Path(_out_folder(monthly)) == posts.parent.resolve() / "reports"
    monkeypatch.setenv("SMPSEO_PROGRESS", "0")  # what `report` sets for its kernels: restored after the test
    assert main(["report", "prepublish", "good.md", "--out", "drafts-checked"]) == 2
    assert "inside the posts folder" in capsys.readouterr().err
    assert sorted(p.name for p in posts.iterdir()) == ["good.md"]


# -- the cache --------------------------------------------------------------------------------------------------------

def test_a_fifo_where_a_cache_entry_belongs_is_passed_over(tmp_path):
    from smpseo.app import cache

    digest = cache.key("t", "fifo")
    cache.put("t", digest, {"x": 1}, root=tmp_path, always=True)
    entry = next(tmp_path.rglob("*.json"))
    entry.unlink()
    os.mkfifo(entry)
    with time_budget(HANG):
        assert cache.get("t", digest, root=tmp_path, always=True) is None


@pytest.mark.parametrize("wrong", [{"rows": [{"words": "many"}], "errors": [], "posts": [["a", "b", 1, 1]]},
                                   {"rows": [{}], "errors": [["p", "m", "x", "error"]], "posts": [["a", "b", 1, 1]]},
                                   {"rows": [{"top_terms": [{"a": 1}]}], "errors": [], "posts": [[1, 2, 3, 4]]}])
def test_wrong_typed_cache_values_are_worked_out_again(posts, capsys, wrong):
    from smpseo.app import cache
    from smpseo.app.analyze import FILE_KIND

    assert main(["analyze", "posts", "--format", "json"]) == 0
    first = capsys.readouterr().out
    for entry in (cache.directory() / FILE_KIND).rglob("*.json"):
        data = json.loads(entry.read_text())
        entry.write_text(json.dumps({**data, "value": wrong}))
    assert main(["analyze", "posts", "--format", "json"]) == 0
    assert capsys.readouterr().out == first


@pytest.mark.parametrize("argv", [["analyze", "posts", "--format", "csv"], ["analyze", "posts", "--format", "json"],
                                  ["check", "posts", "--format", "csv"], ["check", "posts", "--format", "json"],
                                  ["analyze", "posts"], ["check", "posts"]])
def test_a_file_name_with_escapes_is_shown_escaped_in_every_format(posts, capsys, argv):
    name = "evil\x1b[2J\u202ename.md"
    shutil.copy(BAD / "good.md", posts / name)
    main(argv)
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\u202e" not in out + err
    if argv[-1] == "json":
        data = json.loads(out)
        paths = [r["path"] for r in data] if isinstance(data, list) else [f["path"] for f in data["findings"]]
        assert f"posts/{name}" in paths  # the same file name once parsed


@pytest.mark.parametrize("argv", [["import", "a.xml", "--to", "p", "--timeout", value] for value in
                                  ("nan", "inf", "-5", "0", "1e400", "ten")]
                         + [["report", "monthly", "--timeout", "-1"], ["report", "monthly", "--timeout", "nan"]])
def test_time_limits_that_cannot_be_meant_are_usage_errors(tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_a_post_over_its_checking_budget_is_one_error_line_and_the_others_are_checked(posts, capsys, monkeypatch):
    import smpseo.checks.run as run
    from smpseo.checks.engine import RULES
    from smpseo.core.frozen import replace

    real = RULES["RD101"]

    def slow(ctx, t):
        if ctx.post.title == "Slow":
            while True:
                pass
        yield from real.func(ctx, t)

    monkeypatch.setattr(run, "RULE_SECONDS", 0.05)
    monkeypatch.setitem(RULES, "RD101", replace(real, func=slow))
    (posts / "slow.md").write_text("---\ntitle: Slow\n---\n\nA post that no rule can finish checking.\n")
    code = main(["check", "posts", "--no-cache", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    data = json.loads(out)
    assert {p["path"] for p in data["posts"]} >= {"posts/good.md"}
    assert "posts/slow.md: error: not checked: its checks took more than 0.05 s (the limit for one post)" in err


def test_full_stops_that_end_no_sentence_are_read_in_linear_time():
    """"one two three. four five six. ..." on and on: no full stop ends a sentence (a lower-case word follows), and
    each was judged an abbreviation or not from the whole text since the sentence began."""
    from smpseo.core.sentences import sentence_spans

    text = "scalp pigment session healing week. " * 60_000
    with time_budget(HANG):
        spans = sentence_spans(text)
    assert spans == [(0, len(text.rstrip()))]


def test_a_full_stop_is_judged_by_the_word_before_it_as_before(monkeypatch):
    """The word before a full stop is taken from the few characters before it: sentences split where they did when
    it was taken from the whole sentence so far, on texts of abbreviations, initials, long words and spaces."""
    import random

    from smpseo.core import sentences

    rng = random.Random(5)
    pieces = ["Dr", "Mr", "e.g", "J", "a", "U.S", "etc", "x" * 70, "Word", "word", "(Dr", "\u201cMrs", " ", "  ", ". ",
              "? ", "! ", ".\n", "\n", "It", "the"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(5_000)]
    found = [sentences.sentence_spans(t) for t in texts]
    monkeypatch.setattr(sentences, "_LONGEST_TOKEN", 10**9)  # the whole sentence so far, as before
    assert found == [sentences.sentence_spans(t) for t in texts]


def test_a_post_over_its_budget_is_not_checked_again_by_the_same_watch_until_it_changes(posts, monkeypatch,
                                                                                        tmp_path):
    """--watch re-checks on every save: a post past its time limit took the limit again on each save of any other
    file. Within one session it is tried again only once its text changes; a new process tries it again."""
    import smpseo.checks.run as run
    from smpseo.app.incremental import Session, check_paths
    from smpseo.checks.engine import RULES
    from smpseo.core.frozen import replace
    from smpseo.core.settings import Config

    real = RULES["RD101"]
    tries = []

    def slow(ctx, t):
        if ctx.post.title == "Slow":
            tries.append(1)
            while True:
                pass
        yield from real.func(ctx, t)

    monkeypatch.setattr(run, "RULE_SECONDS", 0.05)
    monkeypatch.setitem(RULES, "RD101", replace(real, func=slow))
    monkeypatch.setenv("SMPSEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "0")
    (posts / "slow.md").write_text("---\ntitle: Slow\n---\n\nA post that no rule can finish checking.\n")
    session = Session()
    for _ in range(3):
        result = check_paths([posts], Config(), session=session)
        assert any("slow.md" in e.path and "not checked" in e.message for e in result.errors)
    assert len(tries) == 1
    (posts / "slow.md").write_text("---\ntitle: Slow\n---\n\nEdited, and still too slow to check.\n")
    check_paths([posts], Config(), session=session)
    assert len(tries) == 2
    check_paths([posts], Config())  # a new process (no session): tried again, its outcome was never stored
    assert len(tries) == 3
