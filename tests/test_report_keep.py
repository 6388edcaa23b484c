"""A re-run of a month keeps what the user put into its report folder and the user's edits to the files the run
writes (`smpseo.app.report.keep`), and says which edits it kept."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smpseo.app.report.index import write_index
from smpseo.app.report.keep import RECORD_NAME, Kept, carry_over, record
from smpseo.app.report.run import run_monthly
from smpseo.app.report.staging import remove_stale

FIXTURES = Path(__file__).parent / "fixtures"


def _month(folder: Path, html: str = "<p>report</p>") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "monthly_report.html").write_text(html, encoding="utf-8")
    (folder / "summary.json").write_text('{"totals": {}}', encoding="utf-8")
    record(folder, ["monthly_report.html", "summary.json"])
    return folder


def test_files_the_run_does_not_write_move_on_into_the_new_report(tmp_path):
    final = _month(tmp_path / "2026-10")
    (final / "notes.md").write_text("call the printer", encoding="utf-8")
    (final / "shots").mkdir()
    (final / "shots" / "serp.png").write_bytes(b"\x89PNG")
    (final / "email_sent.json").write_text("{}", encoding="utf-8")
    (final / "monthly_report.FAILED.ipynb").write_text("{}", encoding="utf-8")  # a run's leftover, not the user's
    staging = _month(tmp_path / "new", "<p>new report</p>")

    assert carry_over(final, staging) == []
    assert (staging / "notes.md").read_text(encoding="utf-8") == "call the printer"
    assert (staging / "shots" / "serp.png").read_bytes() == b"\x89PNG"
    assert (staging / "email_sent.json").is_file()
    assert not (staging / "monthly_report.FAILED.ipynb").exists()
    assert (staging / "monthly_report.html").read_text(encoding="utf-8") == "<p>new report</p>"


def test_an_edited_report_file_is_kept_beside_the_new_one(tmp_path):
    final = _month(tmp_path / "2026-10")
    (final / "monthly_report.html").write_text("<p>report</p><p>My note to the owner</p>", encoding="utf-8")
    (final / "monthly_report.edited.html").write_text("an earlier edit", encoding="utf-8")
    staging = _month(tmp_path / "new", "<p>new report</p>")

    kept = carry_over(final, staging)

    assert kept == [(final / "monthly_report.html", final / "monthly_report.edited-2.html", True)]
    assert "My note" in (staging / "monthly_report.edited-2.html").read_text(encoding="utf-8")
    assert (staging / "monthly_report.edited.html").read_text(encoding="utf-8") == "an earlier edit"
    assert not (staging / "summary.json.edited").exists() and len(list(staging.glob("summary*"))) == 1


def test_an_unedited_file_is_replaced(tmp_path):
    final = _month(tmp_path / "2026-10")
    staging = _month(tmp_path / "new", "<p>new report</p>")
    assert carry_over(final, staging) == []
    assert sorted(p.name for p in staging.iterdir()) == [RECORD_NAME, "monthly_report.html", "summary.json"]
    assert (staging / "monthly_report.html").read_text(encoding="utf-8") == "<p>new report</p>"


@pytest.mark.parametrize("record_is", ["missing", "garbled", "of other files"])
def test_a_file_smpseo_has_no_record_of_writing_is_kept_not_replaced(tmp_path, record_is):
    """A month folder the tool never wrote (the user's own summary.json), or whose record is gone or damaged (an
    edited report can no longer be told from an unedited one): every file in the way of the run's is kept."""
    final = tmp_path / "2026-10"
    final.mkdir()
    (final / "monthly_report.html").write_text("<p>report</p><p>My note to the owner</p>", encoding="utf-8")
    (final / "summary.json").write_text('{"mine": true}', encoding="utf-8")
    if record_is == "garbled":
        (final / RECORD_NAME).write_text("garbage\n", encoding="utf-8")
    elif record_is == "of other files":
        (final / "notes.md").write_text("call the printer", encoding="utf-8")
        record(final, ["notes.md"])
    staging = _month(tmp_path / "new", "<p>new report</p>")

    kept = carry_over(final, staging)

    assert kept == [Kept(final / "monthly_report.html", final / "monthly_report.edited.html", False),
                    Kept(final / "summary.json", final / "summary.edited.json", False)]
    assert kept[0].line() == (f"{final / 'monthly_report.html'}: warning: smpseo has no record of writing it; your "
                              f"version is kept as {final / 'monthly_report.edited.html'}")
    assert (staging / "monthly_report.edited.html").read_text(encoding="utf-8") == \
        "<p>report</p><p>My note to the owner</p>"
    assert (staging / "summary.edited.json").read_text(encoding="utf-8") == '{"mine": true}'
    assert (staging / "monthly_report.html").read_text(encoding="utf-8") == "<p>new report</p>"


def test_a_site_s_own_index_is_kept_aside_not_replaced(tmp_path):
    """Reports written into a site's folder (`--out site`): its home page is not the reports index."""
    (tmp_path / "index.html").write_text("<h1>My clinic home page</h1>\n", encoding="utf-8")
    _month(tmp_path / "2026-10")
    kept: list = []
    index = write_index(tmp_path, kept)
    assert kept == [Kept(index, tmp_path / "index.edited.html", False)]
    assert (tmp_path / "index.edited.html").read_text(encoding="utf-8") == "<h1>My clinic home page</h1>\n"
    assert "SEO reports" in index.read_text(encoding="utf-8")
    again: list = []
    write_index(tmp_path, again)
    assert again == []  # the index is now smpseo's own: rewritten freely


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_and_an_unreadable_file_move_on_into_the_new_report(tmp_path):
    """What cannot be copied (a named pipe, a file or folder the user may not read) is moved, as it is."""
    final = _month(tmp_path / "2026-10")
    os.mkfifo(final / "userpipe")
    secret = final / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    secret.chmod(0)
    locked_away = final / "drafts"
    locked_away.mkdir()
    (locked_away / "a.md").write_text("a", encoding="utf-8")
    os.mkfifo(locked_away / "pipe")  # copytree cannot copy it: the folder moves whole
    staging = _month(tmp_path / "new", "<p>new report</p>")
    try:
        assert carry_over(final, staging) == []
        assert stat.S_ISFIFO((staging / "userpipe").lstat().st_mode)
        assert (staging / "secret.txt").lstat().st_mode & 0o777 == 0
        assert stat.S_ISFIFO((staging / "drafts" / "pipe").lstat().st_mode)
        assert (staging / "drafts" / "a.md").read_text(encoding="utf-8") == "a"
    finally:
        for place in (final, staging):
            if (place / "secret.txt").exists():
                (place / "secret.txt").chmod(0o600)


def test_a_killed_run_s_moved_files_go_back(tmp_path):
    """A run killed between moving the user's named pipe into its new report and swapping that in: the next run
    puts the pipe back into the month's folder before it tidies the dead run's folder away."""
    final = _month(tmp_path / "2026-10")
    staging = _month(tmp_path / ".2026-10.running-999999999-x", "<p>new report</p>")
    (staging / "userpipe").write_text("moved", encoding="utf-8")
    remove_stale(tmp_path)
    assert (final / "userpipe").read_text(encoding="utf-8") == "moved"
    assert not staging.exists()
    assert (final / "monthly_report.html").read_text(encoding="utf-8") == "<p>report</p>"


def test_a_month_folder_that_is_a_link_is_refused_and_an_old_link_left_aside_is_tidied(tmp_path):
    elsewhere = _month(tmp_path / "elsewhere")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "2026-10").symlink_to(Path("..") / "elsewhere")
    (out / ".2026-09.old-999999999").symlink_to(Path("..") / "elsewhere")  # what an earlier version left
    (out / "2026-09").mkdir()
    with pytest.raises(NotADirectoryError) as refused:
        run_monthly("2026-10", posts=FIXTURES / "report_posts", out=out)
    assert str(refused.value) == (f"{out / '2026-10'}: a symbolic link (to {Path('..', 'elsewhere')}), not a report "
                                  "folder; put the folder itself in its place, or remove the link, to write the "
                                  "2026-10 report")
    assert os.readlink(out / "2026-10") == str(Path("..") / "elsewhere")
    remove_stale(out)
    assert sorted(p.name for p in out.iterdir()) == ["2026-09", "2026-10"]
    assert sorted(p.name for p in elsewhere.iterdir()) == [RECORD_NAME, "monthly_report.html", "summary.json"]


def test_an_edited_index_is_kept_as_index_edited(tmp_path):
    _month(tmp_path / "2026-10")
    index = write_index(tmp_path)
    assert write_index(tmp_path).read_bytes() == index.read_bytes()
    assert not (tmp_path / "index.edited.html").exists()  # rewritten unchanged: nothing kept

    index.write_text(index.read_text(encoding="utf-8").replace("SEO reports", "Our SEO reports"), encoding="utf-8")
    kept: list = []
    write_index(tmp_path, kept)
    assert kept == [(index, tmp_path / "index.edited.html", True)]
    assert "Our SEO reports" in (tmp_path / "index.edited.html").read_text(encoding="utf-8")
    assert "Our SEO reports" not in index.read_text(encoding="utf-8")


@pytest.mark.slow
def test_rerunning_a_month_keeps_the_users_files_and_edits(tmp_path):
    shutil.copytree(FIXTURES / "report_posts", tmp_path / "posts")

    def run():
        return subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--month", "2026-10",
                               "--posts", "posts", "--out", "reports"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=600)

    first = run()
    assert first.returncode == 0, first.stderr
    month = tmp_path / "reports" / "2026-10"
    (month / "notes.md").write_text("Ask Rob about the new post", encoding="utf-8")
    html = month / "monthly_report.html"
    html.write_text(html.read_text(encoding="utf-8") + "<!-- annotated -->", encoding="utf-8")

    second = run()

    assert second.returncode == 0, second.stderr
    assert (month / "notes.md").read_text(encoding="utf-8") == "Ask Rob about the new post"
    assert (month / "monthly_report.edited.html").read_text(encoding="utf-8").endswith("<!-- annotated -->")
    assert not html.read_text(encoding="utf-8").endswith("<!-- annotated -->")
    assert second.stderr.splitlines() == [
        f"{Path('reports', '2026-10', 'monthly_report.html')}: warning: changed since it was written; your version "
        f"is kept as {Path('reports', '2026-10', 'monthly_report.edited.html')}"]


@pytest.mark.slow
def test_a_run_keeps_a_site_s_home_page_an_edit_it_has_no_record_of_and_a_named_pipe(tmp_path):
    """`--out` at a site's own folder, then the month's record damaged, its report edited and a named pipe put in
    its folder: nothing of the user's is lost, each file kept is named in one line, and the report is made."""
    shutil.copytree(FIXTURES / "report_posts", tmp_path / "posts")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>My clinic home page</h1>\n", encoding="utf-8")

    def run():
        return subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--month", "2026-10",
                               "--posts", "posts", "--out", "site"], cwd=tmp_path, capture_output=True,
                              text=True, timeout=600)

    first = run()
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines() == [
        f"{Path('site', 'index.html')}: warning: smpseo has no record of writing it; your version is kept as "
        f"{Path('site', 'index.edited.html')}"]
    assert (site / "index.edited.html").read_text(encoding="utf-8") == "<h1>My clinic home page</h1>\n"
    assert "SEO reports" in (site / "index.html").read_text(encoding="utf-8")

    month = site / "2026-10"
    (month / RECORD_NAME).write_text("garbage\n", encoding="utf-8")
    html = month / "monthly_report.html"
    html.write_text(html.read_text(encoding="utf-8") + "<!-- annotated -->", encoding="utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(month / "userpipe")

    second = run()

    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines() == [
        f"{Path('site', '2026-10', name)}: warning: smpseo has no record of writing it; your version is kept as "
        f"{Path('site', '2026-10', aside)}" for name, aside in (
            ("monthly_report.html", "monthly_report.edited.html"),
            ("monthly_report.ipynb", "monthly_report.edited.ipynb"), ("summary.json", "summary.edited.json"))]
    assert (month / "monthly_report.edited.html").read_text(encoding="utf-8").endswith("<!-- annotated -->")
    assert not html.read_text(encoding="utf-8").endswith("<!-- annotated -->")
    assert not hasattr(os, "mkfifo") or stat.S_ISFIFO((month / "userpipe").lstat().st_mode)
    assert (site / "index.edited.html").read_text(encoding="utf-8") == "<h1>My clinic home page</h1>\n"
    assert not [p.name for p in site.iterdir() if p.name.startswith(".") and p.name != RECORD_NAME]
