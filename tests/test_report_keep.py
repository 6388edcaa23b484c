"""A re-run of a month keeps what the user put into its report folder and the user's edits to the files the run
writes (`smpseo.app.report.keep`), and says which edits it kept."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smpseo.app.report.index import write_index
from smpseo.app.report.keep import RECORD_NAME, carry_over, record

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

    assert kept == [(final / "monthly_report.html", final / "monthly_report.edited-2.html")]
    assert "My note" in (staging / "monthly_report.edited-2.html").read_text(encoding="utf-8")
    assert (staging / "monthly_report.edited.html").read_text(encoding="utf-8") == "an earlier edit"
    assert not (staging / "summary.json.edited").exists() and len(list(staging.glob("summary*"))) == 1


def test_an_unedited_file_is_replaced_and_one_without_a_record_too(tmp_path):
    final = _month(tmp_path / "2026-10")
    (final / RECORD_NAME).unlink()  # a report written before records were kept
    (final / "monthly_report.html").write_text("changed", encoding="utf-8")
    staging = _month(tmp_path / "new", "<p>new report</p>")
    assert carry_over(final, staging) == []
    assert sorted(p.name for p in staging.iterdir()) == [RECORD_NAME, "monthly_report.html", "summary.json"]


def test_an_edited_index_is_kept_as_index_edited(tmp_path):
    _month(tmp_path / "2026-10")
    index = write_index(tmp_path)
    assert write_index(tmp_path).read_bytes() == index.read_bytes()
    assert not (tmp_path / "index.edited.html").exists()  # rewritten unchanged: nothing kept

    index.write_text(index.read_text(encoding="utf-8").replace("SEO reports", "Our SEO reports"), encoding="utf-8")
    kept: list = []
    write_index(tmp_path, kept)
    assert kept == [(index, tmp_path / "index.edited.html")]
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
