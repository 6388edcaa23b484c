"""`smpseo report prepublish`: the pre-publish notebook run for one draft, exported to
`reports/prepublish/<slug>.html`. A page or notebook there that someone changed since a run wrote it is kept as
`<slug>.edited.html` (`smpseo.app.report.keep`), as the monthly report keeps its own."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from smpseo.app.report.failed import ReportFailed
from smpseo.app.report.keep import keep_edited, record
from smpseo.app.report.parameters import as_given, config_for
from smpseo.app.report.run import DEFAULT_TIMEOUT, RunResult, execute, export_html, notebook_path
from smpseo.app.report.staging import keep_failed, locked, make_folder, remove_stale, staging_folder


def run_prepublish(post: str | Path, keyphrase: str | None = None, config: str | Path | None = None,
                   out: str | Path = "reports", posts: str | Path | None = None,
                   timeout: float = DEFAULT_TIMEOUT) -> RunResult:
    """Run the pre-publish notebook for one draft into `out/prepublish/<slug>.html` (and `.ipynb`)."""
    from smpseo.core.text import slugify

    post = Path(post)
    if not post.is_file():
        raise FileNotFoundError(f"{post}: draft not found")
    slug = slugify(post.stem) or "draft"
    folder = Path(out) / "prepublish"
    make_folder(folder)
    with locked(folder):
        return _run_prepublish(post, slug, folder, keyphrase, config, posts, timeout)


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
        export_html(executed, staging / f"{slug}.html", f"Pre-publish check: {post.name}")
        names = (f"{slug}.ipynb", f"{slug}.html")
        for name in names:
            aside = keep_edited(folder, name)  # a page the user changed since it was written is kept, not replaced
            if aside is not None:
                kept.append((folder / name, aside))
            os.replace(staging / name, folder / name)
        record(folder, names)
        stale = folder / f"{slug}.FAILED.ipynb"
        if stale.exists():
            stale.unlink()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RunResult(html=folder / f"{slug}.html", notebook=folder / f"{slug}.ipynb", kept=kept)

