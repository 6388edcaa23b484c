"""Hostile input: paths, links and files that once stopped a run, lost a line or lost a post. One regression test
per case, each run through the command line as a user would (see docs/bad-input.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smpseo.cli import main

from .conftest import FIXTURES

BAD = FIXTURES / "bad"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def posts(tmp_path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    shutil.copy(BAD / "good.md", folder / "good.md")
    return folder


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


# -- links and paths ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["check", "analyze", "gaps"])
def test_a_link_loop_named_first_is_its_own_line_not_an_internal_error(posts, tmp_path, capsys, command):
    # the settings are looked for from the first path: resolving a loop raised RuntimeError before Python 3.13
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    assert main([command, "loop.md", "posts/good.md"]) == 1
    err = capsys.readouterr().err
    assert _lines(err) == ["loop.md: error: Too many levels of symbolic links"]

