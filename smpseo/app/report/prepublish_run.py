"""`smpseo report prepublish`: the pre-publish notebook run for one draft, exported to
`reports/prepublish/<slug>.html`, named by the post's slug as the site names it (a page bundle's folder, not its
`index.md`). A page or notebook there that is not smpseo's own (changed since a run wrote it, or never written by
it) is kept as `<slug>.edited.html` (`smpseo.app.report.keep`), as the monthly report keeps its own; a report of another post with the same slug is never
written over (`report_name`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from smpseo.app.report.failed import ReportFailed
from smpseo.app.report.keep import keep_aside, record
from smpseo.app.report.parameters import as_given, config_for
from smpseo.app.report.run import DEFAULT_TIMEOUT, RunResult, execute, export_html, notebook_path
from smpseo.app.report.staging import keep_failed, locked, make_folder, remove_stale, staging_folder


def run_prepublish(post: str | Path, keyphrase: str | None = None, config: str | Path | None = None,
                   out: str | Path = "reports", posts: str | Path | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> RunResult:
    """Run the pre-publish notebook for one draft into `out/prepublish/<slug>.html` (and `.ipynb`)."""
    post = Path(post)
    if not post.is_file():
        raise FileNotFoundError(f"{post}: draft not found")
    folder = Path(out) / "prepublish"
    make_folder(folder)
    with locked(folder):
        slug = report_name(post, folder)
        return _run_prepublish(post, slug, folder, keyphrase, config, posts, timeout)


POSTS_RECORD = ".posts.json"  # which post each report of the folder is of: {"<slug>": "../../content/posts/x.md"}


def _post_slug(post: Path) -> str:
    """The post's slug as the reader gives it (a `slug` field, a page bundle's folder, a Jekyll name's title), or
    the name of its file (`short_name`) when it cannot be read as one post."""
    from smpseo.core.text import slugify
    from smpseo.model.post import short_name
    from smpseo.sources.readers import read_file
    from smpseo.sources.readers.decode import SourceError

    try:
        read = read_file(post)
    except (SourceError, OSError, ValueError):
        read = []
    return read[0].slug if len(read) == 1 and read[0].slug else slugify(short_name(post.as_posix()))


def _recorded_posts(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / POSTS_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) \
        else {}


def report_name(post: Path, folder: Path) -> str:
    """The name (without suffix) of the pre-publish report of `post` in `folder`: the post's slug, numbered on
    ("-2", "-3") past a name whose report `folder/.posts.json` records as another post's, or whose report is there
    without a record of its post (the record deleted or damaged), so running it for a post never writes over the
    report of another (two posts with one slug, a draft and the published post)."""
    slug = _post_slug(post) or "draft"
    taken = _recorded_posts(folder)
    mine = Path(os.path.relpath(post.resolve(), folder.resolve())).as_posix()

    def whose(name: str) -> str:
        there = any((folder / f"{name}{suffix}").exists() or (folder / f"{name}{suffix}").is_symlink()
                    for suffix in (".html", ".ipynb"))
        return taken.get(name, "" if there else mine)

    name, number = slug, 1
    while whose(name) != mine:
        number += 1
        name = f"{slug}-{number}"
    return name


def _record_post(folder: Path, name: str, post: Path) -> None:
    from smpseo.sources.writer import write_atomic

    taken = _recorded_posts(folder)
    taken[name] = Path(os.path.relpath(post.resolve(), folder.resolve())).as_posix()
    write_atomic(folder / POSTS_RECORD, json.dumps(taken, indent=1, sort_keys=True) + "\n")


def _run_prepublish(post: Path, slug: str, folder: Path, keyphrase, config, posts, timeout) -> RunResult:
    remove_stale(folder)
    staging = staging_folder(folder, slug)
    kept: list = []
    try:
        executed = staging / f"{slug}.ipynb"
        parameters = {"post": as_given(post), "keyphrase": keyphrase or "", "config": config_for(config, post),
                      "posts": as_given(posts)}
        try:
            execute(notebook_path("prepublish_check"), executed, parameters, cwd=Path.cwd(), timeout=timeout)
        except ReportFailed as exc:
            exc.notebook = keep_failed(executed, folder, slug)
            if exc.notebook:
                exc.args = (f"{exc.args[0]} (executed notebook kept as {exc.notebook})",)
            raise
        export_html(executed, staging / f"{slug}.html", f"Pre-publish check: {slug}")
        names = (f"{slug}.ipynb", f"{slug}.html")
        for name in names:
            aside = keep_aside(folder, name)  # a page that is not smpseo's own is kept, not replaced
            if aside is not None:
                kept.append(aside)
            os.replace(staging / name, folder / name)
        record(folder, names)
        _record_post(folder, slug, post)
        stale = folder / f"{slug}.FAILED.ipynb"
        if stale.exists():
            stale.unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RunResult(html=folder / f"{slug}.html", notebook=folder / f"{slug}.ipynb", kept=kept)

