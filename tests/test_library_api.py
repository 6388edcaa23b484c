"""The library as a notebook calls it (`import smpseo`): the same call gives what the command gives, its arguments
are read as the command reads its options, and a wrong argument is one clear error at the door."""

from __future__ import annotations

import json
import shutil
import warnings
from html import escape

import pytest

import smpseo
from smpseo.cli import main
from smpseo.model.gaps import elsewhere as on_the_blog_text

from .conftest import CLINIC_CONFIG, CLINIC_POSTS

POST = "posts/what-is-smp.md"


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    """The clinic's blog (posts/ and its smpseo.toml) as the working folder, as a notebook beside it has it."""
    shutil.copytree(CLINIC_POSTS, tmp_path / "posts")
    shutil.copy(CLINIC_CONFIG, tmp_path / "smpseo.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _said(findings) -> list[tuple]:
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in findings]


def test_check_of_some_files_reads_their_blog_as_the_command_does(clinic, capsys):
    """`smpseo.check("posts/a.md")` gives what `smpseo check posts/a.md` gives: the rest of the blog is read for the
    site-wide rules, whether the file is given as a path, in a tuple or a list, or as a Post read from it."""
    main(["check", POST, "--format", "json"])
    command = _said(json.loads(capsys.readouterr().out)["findings"])
    assert (POST, 2, 8, "SITE405", "No other post links to this one") in command
    assert (POST, 25, 54, "SITE406", "Mentions 'hair follicles', the topic of posts/does-smp-damage-hair-follicles.md, "
                                     "but does not link to it") in command
    post = smpseo.load_posts(POST)[0]
    for given in (POST, (POST,), [POST], post, [post], smpseo.load_posts(POST)):
        result = smpseo.check(given)
        assert _said(f.to_dict() for f in result.findings) == command, given
        assert [p["path"] for p in result.posts] == [POST]


def test_a_whole_blog_read_already_is_checked_once(clinic):
    """A Corpus of the whole folder is its own blog: the same findings as the folder's path, none twice."""
    whole = smpseo.check(smpseo.load_posts("posts/"))
    assert _said(f.to_dict() for f in whole.findings) == _said(f.to_dict() for f in smpseo.check("posts/").findings)
    assert len(whole.posts) == 8


def test_posts_of_several_folders_are_a_blog_given_whole(clinic, tmp_path, monkeypatch):
    """A draft elsewhere checked with the blog's Posts (as the pre-publish report checks it): their common folder
    (the folder above both: for a draft in /tmp, all of /tmp) is not read as their blog; the blog of one folder's
    Posts is."""
    from smpseo.sources import readers

    listed = []
    listing = readers.iter_sources
    monkeypatch.setattr(readers, "iter_sources", lambda paths, errors: listed.append(list(paths)) or listing(paths,
                                                                                                          errors))
    (tmp_path / "drafts").mkdir()
    shutil.copy(clinic / POST, tmp_path / "drafts" / "new.md")
    draft, blog = smpseo.load_posts(str(tmp_path / "drafts" / "new.md"), drafts=True), smpseo.load_posts("posts/")
    listed.clear()
    result = smpseo.check([*draft, *blog])
    assert listed == [] and len(result.posts) == 9
    smpseo.check(blog[0])
    assert [[str(p) for p in paths] for paths in listed] == [["posts"]]


@pytest.mark.parametrize(("rules", "ids"), [
    ("RD104", {"RD104"}),
    (["RD104"], {"RD104"}),
    ("RD104,SEO203", {"RD104", "SEO203"}),
    (["site"], {"SITE405", "SITE406"}),
    (["RD"], {"RD101", "RD103", "RD104", "RD106", "RD108"}),
])
def test_rules_are_selected_as_select_selects_them(clinic, capsys, rules, ids):
    """A str is one selector, not its characters; prefixes, names and categories are taken as `--select` takes
    them, and select the same findings."""
    result = smpseo.check("posts/", rules=rules)
    assert {f.rule for f in result.findings} == ids
    select = rules if isinstance(rules, str) else ",".join(rules)
    main(["check", "posts/", "--select", select, "--format", "json"])
    assert _said(f.to_dict() for f in result.findings) == _said(json.loads(capsys.readouterr().out)["findings"])


def test_a_selector_that_names_no_rule_says_so_as_the_command_does(clinic):
    with pytest.raises(smpseo.UnknownRule, match="unknown rule, prefix or category: 'RDX'"):
        smpseo.check("posts/", rules="RDX")


@pytest.mark.parametrize("function", ["check", "analyze", "gaps"])
def test_an_open_file_is_refused_naming_its_path(clinic, function):
    """An open file iterates over its lines: they were read as paths, one unreadable file each."""
    with open(POST, encoding="utf-8") as post, pytest.raises(
            TypeError, match=r"not an open file \(TextIOWrapper\): give the file's path \(posts/what-is-smp.md\)"):
        getattr(smpseo, function)(post)


@pytest.mark.parametrize("function", ["check", "analyze", "gaps"])
@pytest.mark.parametrize("posts", ["# Title\n\nSome text", ["posts/what-is-smp.md", "# Title\r\nSome text"]])
def test_a_posts_text_where_its_path_goes_is_refused(clinic, function, posts):
    """Text with a line break is no path: it was one unreadable file, and 0 posts, without a word."""
    with pytest.raises(TypeError, match=r"holds a line break, so it is a post's text, not a path: save it to a file "
                                        r"and give its path, or check it with smpseo.check\(\"posts/new.md\", text=\.\.\.\)"):
        getattr(smpseo, function)(posts)


@pytest.mark.parametrize(("arguments", "message"), [
    ({"keyphrase": 5}, "keyphrase must be a str (the focus keyphrase for every post) or None, not int"),
    ({"blog": 5}, "blog must be the blog's folder (str or Path) or None, not int"),
    ({"rules": 104}, "rules must be a rule selector (str) or a list of them, not int"),
    ({"rules": ["RD104", 5]}, "rules must be a rule selector (str) or a list of them; the list holds a int"),
])
def test_check_arguments_of_another_type_are_refused_at_the_door(clinic, arguments, message):
    posts = smpseo.load_posts("posts/")
    with pytest.raises(TypeError) as caught:
        smpseo.check(posts, **arguments)
    assert str(caught.value) == message
    assert str(caught.traceback[-1].path).endswith("arguments.py")  # said where it was given, not deep in


def test_analyze_takes_drafts_as_the_command_does(clinic, capsys):
    draft = clinic / "posts" / "new.md"
    draft.write_text("---\ntitle: A new post\ndraft: true\n---\n\nSMP in a few words. It lasts years.\n",
                     encoding="utf-8")
    assert "new" not in set(smpseo.analyze("posts/")["slug"])
    frame = smpseo.analyze("posts/", drafts=True)
    assert main(["analyze", "posts/", "--drafts", "--format", "json"]) == 0
    assert list(frame["slug"]) == [row["slug"] for row in json.loads(capsys.readouterr().out)]
    assert "new" in set(frame["slug"])


def test_analyze_of_nothing_read_has_the_columns_and_names_the_path_as_given(clinic, capsys):
    with pytest.warns(smpseo.UnreadPosts, match=r"^nope/: error: no such file or folder$"):
        frame = smpseo.analyze("nope/")
    assert len(frame) == 0
    assert list(frame.columns) == list(smpseo.analyze(POST).columns)
    assert "flesch_reading_ease" in frame.columns and frame.sort_values("flesch_reading_ease").empty
    assert [str(e) for e in frame.attrs["errors"]] == ["nope/: error: no such file or folder"]
    main(["analyze", "nope/"])
    assert capsys.readouterr().err == "nope/: error: no such file or folder\n"


@pytest.mark.parametrize("function", ["check", "gaps"])
def test_what_could_not_be_read_is_warned_of_however_the_posts_are_given(clinic, function):
    """As `smpseo.analyze` warns: a path, a list of paths or a Corpus read already."""
    (clinic / "posts" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    for posts in ("posts/", ["posts/broken.md", POST], smpseo.load_posts("posts/")):
        with pytest.warns(smpseo.UnreadPosts, match=r"^posts/broken.md:2: error: "):
            result = getattr(smpseo, function)(posts)
        assert [e.path for e in result.errors if e.severity == "error"] == ["posts/broken.md"]


def test_the_command_says_nothing_more_when_a_file_cannot_be_read(clinic, capsys):
    """The warning is the library's: the command says each file once, on its own line."""
    (clinic / "posts" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert main(["check", "posts/", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.count("posts/broken.md:2: error: ") == 1 and "UnreadPosts" not in err


@pytest.mark.slow
def test_a_notebook_shows_what_the_command_says(clinic, capsys):
    """Run for real in a kernel, as a notebook user runs it: a draft's report lists what `smpseo gaps --draft` lists,
    with what the blog's other posts do for each; a check names the file it could not read, at its line, and warns of
    it for a Corpus; a one-post report keeps the command's caveat."""
    import nbformat

    from smpseo.app.report.run import execute

    (clinic / "drafts").mkdir()
    shutil.copy(clinic / "posts" / "does-scalp-micropigmentation-hurt.md", clinic / "drafts" / "new.md")
    (clinic / "posts" / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    cells = ['import smpseo\nsmpseo.gaps("posts/", draft="drafts/new.md")',
             'smpseo.gaps("posts/", draft="drafts/new.md").frame()',
             'smpseo.check(smpseo.load_posts("posts/"))',
             f'smpseo.gaps("{POST}")']
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                 "language": "python"}})
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(notebook, clinic / "api.ipynb")
    execute(clinic / "api.ipynb", clinic / "out.ipynb", {}, cwd=clinic, timeout=300)
    outputs = [c.outputs for c in nbformat.read(clinic / "out.ipynb", as_version=4).cells]
    html = ["".join(o.get("data", {}).get("text/html", "") for o in out) for out in outputs]
    stderr = ["".join(o.text for o in out if o.output_type == "stream" and o.name == "stderr") for out in outputs]

    assert main(["gaps", "posts/", "--draft", "drafts/new.md"]) == 1  # broken.md could not be read
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("FAQ topics drafts/new.md answers, read as if published on the blog (7 other posts).")
    assert "<b>FAQ topics drafts/new.md answers, read as if published on the blog (7 other posts).</b>" in html[0]
    rows = said[4:said.index("", 4)]  # the topics the command lists, one a line under the table's head
    assert rows and html[0].count("<tr>") == len(rows) + 1
    with pytest.warns(smpseo.UnreadPosts):
        report = smpseo.gaps("posts/", draft="drafts/new.md")
    listed, passing = report.in_draft()
    for line, topic in zip(rows, listed, strict=True):
        blog = on_the_blog_text(topic.posts[1:])
        assert line.startswith(topic.status) and topic.question[:40] in line and blog[:40] in line
        assert f"<td style=\"text-align:left\">{escape(topic.question)}</td>" in html[0]
        assert f"<td style=\"text-align:left\">{escape(blog)}</td>" in html[0]
    assert "<td style=\"text-align:left\">none yet: new on the blog</td>" in html[0]  # the draft took pain's post
    assert "answered in \u201cWhat can Scalp Micropigmentation be used for?\u201d" in html[0]  # a partial's too
    assert f"Touched on in passing, not listed (a mention is not an answer): {passing} more topics." in said
    assert f"<p>Touched on in passing, not listed (a mention is not an answer): {passing} more topics.</p>" in html[0]
    assert "33 FAQ topics" not in html[0] and "missing" not in html[0].split("</b>")[0]
    assert html[1].count("<tr>") == len(listed) + 1 and "on_the_blog" in html[1]  # the frame: the same rows
    frame = report.frame()
    assert frame.loc[frame["id"] == "pain", "on_the_blog"].tolist() == ["missing"]
    assert frame.attrs["in_passing"] == passing
    scars = next(t for t in report.to_dict()["topics"] if t["id"] == frame["id"].iloc[1])
    assert scars["status"] == "partial" and scars["on_the_blog"]["status"] == "answered"
    assert frame["on_the_blog"].iloc[1] == "answered"
    assert frame["on_the_blog_title"].iloc[1] == "What can Scalp Micropigmentation be used for?"

    assert "; 1 file could not be read</b>" in html[2]
    assert "<p>posts/broken.md:2: error: " in html[2]
    assert "UnreadPosts: posts/broken.md:2: error: " in stderr[2]
    assert "<p>Only 1 post: each section is measured against the blog&#x27;s others, so on a blog of fewer than 5 " \
           "posts many answers come out partial; read them as leads (docs/gaps.md, Accuracy).</p>" in html[3]
