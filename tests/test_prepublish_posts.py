"""The blog a draft is compared with (`--posts`, the notebook's and `prepublish_report`'s `posts`): a folder that is
not there, or a file, stops the report before anything is written, rather than comparing the draft with no post
over an earlier good page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smpseo.app.report.prepublish import prepublish_report

POSTS = Path(__file__).parent / "fixtures" / "report_posts"


@pytest.mark.parametrize("given, said", [
    ("postz/", "smpseo: error: postz/: posts folder not found"),
    ("posts/smp-for-women.md", "smpseo: error: posts/smp-for-women.md: a file, not a folder: name the blog's "
                               "folder of posts to compare the draft with"),
])
def test_a_posts_folder_that_is_not_one_stops_the_command(tmp_path, monkeypatch, capsys, given, said):
    """`--posts postz/` exited 0 and replaced the good page with 'Blog average over 0 other posts'."""
    from smpseo.cli import main

    shutil.copytree(POSTS, tmp_path / "posts")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "prepublish", "posts/does-smp-hurt.md", "--posts", given, "--no-cache"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [said]
    assert not (tmp_path / "reports").exists()  # nothing written


def test_prepublish_report_refuses_a_posts_folder_that_is_not_one(tmp_path):
    draft = POSTS / "does-smp-hurt.md"
    with pytest.raises(FileNotFoundError, match="postz: posts folder not found"):
        prepublish_report(draft, posts=tmp_path / "postz")
    with pytest.raises(NotADirectoryError, match="a file, not a folder"):
        prepublish_report(draft, posts=POSTS / "smp-for-women.md")
    assert prepublish_report(draft, posts=POSTS, topics=False).blog_posts == 2
