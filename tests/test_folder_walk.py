"""How a folder is walked for posts: however deep, linked folders followed as linked files are (never a loop), and a
post whose name a repository also gives its own files read as a post when its front matter says so."""

from __future__ import annotations

import os
from pathlib import Path

from smpseo.cli import main
from smpseo.sources.readers import load_posts

POST = "---\ntitle: {title}\ndescription: {title}, answered for clinics.\n---\n\nA short answer about {title}.\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_post_a_thousand_folders_deep_is_read_with_the_others(tmp_path, capsys, monkeypatch):
    """A posts folder nested 1,000 deep stopped `check`, `analyze`, `gaps` and `report monthly` with
    "smpseo: error: RecursionError: maximum recursion depth exceeded", no post checked."""
    posts = tmp_path / "posts"
    _write(posts / "cost.md", POST.format(title="What SMP costs"))
    monkeypatch.chdir(posts)
    deep = "/".join(["d"] * 1000)
    try:
        for depth in range(1, 1001):  # os.makedirs itself recurses once per missing folder
            os.mkdir("/".join(["d"] * depth))
        _write(posts / deep / "x.md", POST.format(title="Deep SMP"))
        monkeypatch.chdir(tmp_path)
        corpus = load_posts("posts")
        assert [p.title for p in corpus] == ["What SMP costs", "Deep SMP"]
        assert corpus.errors == []
        assert main(["check", "posts", "--no-cache", "--quiet"]) == 0, capsys.readouterr()
        assert "RecursionError" not in capsys.readouterr().err
    finally:  # removed here: pytest's own clean-up of old temporary folders recurses as deep as they go
        _remove_deep(posts / deep)


def _remove_deep(folder: Path) -> None:
    """Remove a folder nested deep, from the bottom up, without recursion."""
    for path in (folder, *folder.parents):
        if path.name != "d":
            return
        if path.is_dir():
            for child in path.iterdir():
                if child.is_file():
                    child.unlink()
            path.rmdir()


def test_a_linked_folder_is_read_and_a_link_back_is_named_not_followed(tmp_path, capsys, monkeypatch):
    """A linked folder in a posts folder was passed over without a word (a linked file, or the same folder named,
    was read); links to `.` and `..` likewise. Now the linked folder is read; a link that leads back into the walk
    is not followed, and one line names it."""
    other = _write(tmp_path / "shared/aftercare.md", POST.format(title="SMP aftercare")).parent
    posts = _write(tmp_path / "blog/posts/cost.md", POST.format(title="What SMP costs")).parent
    (posts / "shared").symlink_to(other, target_is_directory=True)
    (posts / "again").symlink_to(".", target_is_directory=True)
    (posts / "up").symlink_to("..", target_is_directory=True)
    _write(posts / "sub/pain.md", POST.format(title="Does SMP hurt?"))
    (posts / "sub/twice").symlink_to("../sub", target_is_directory=True)
    monkeypatch.chdir(tmp_path / "blog")
    corpus = load_posts("posts")
    assert [p.path for p in corpus] == ["posts/cost.md", "posts/shared/aftercare.md", "posts/sub/pain.md"]
    assert [(e.path, e.message, e.severity) for e in corpus.errors] == [
        ("posts", "3 linked folders not followed (posts/again, posts/sub/twice, posts/up): each leads to a folder "
                  "read already or holding it", "info")]
    assert main(["check", "posts", "--no-cache", "--quiet", "--exit-zero"]) == 0
    assert capsys.readouterr().err == ""  # an info line is not a problem


def test_a_post_named_as_a_repository_s_file_is_a_post_when_its_front_matter_gives_a_title(tmp_path):
    """`history.md`, `support.md`, `changes.md`, `authors.md` and `security.md` were left out as "files a repository
    keeps beside its posts" even with a title in their front matter; a repository's own has none."""
    for name in ("history.md", "support.md", "changes.md", "authors.md", "security.md"):
        _write(tmp_path / name, POST.format(title=f"SMP {Path(name).stem}"))
    _write(tmp_path / "HISTORY.md", "# Changes\n\n## 1.2\n\nNew posts.\n")
    _write(tmp_path / "README.md", POST.format(title="About this blog"))
    corpus = load_posts(tmp_path)
    assert sorted(p.title for p in corpus) == ["SMP authors", "SMP changes", "SMP history", "SMP security",
                                               "SMP support"]
    assert [(e.message, e.severity) for e in corpus.errors] == [
        ("2 files a repository keeps beside its posts left out (HISTORY.md, README.md): name one to check it", "info")]
