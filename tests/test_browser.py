"""The HTML reports in a real headless browser (Chromium from the OS packages): no console errors, no dialogs."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
def open_page(browser, html: Path, screenshot: Path) -> dict:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    seen = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda msg: seen["errors"].append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.goto(html.resolve().as_uri(), wait_until="load")
    page.screenshot(path=str(screenshot), full_page=True)
    seen["images"] = page.evaluate(
        "Array.from(document.images).map(i => [i.alt, i.complete && i.naturalWidth > 0])")
    seen["title"] = page.title()
    seen["text"] = page.inner_text("body")
    page.close()
    return seen


def report(tmp_path: Path, posts: Path, *extra: str) -> Path:
    out = tmp_path / "reports"
    run = subprocess.run([sys.executable, "-m", "smpseo", "report", "monthly", "--month", "2026-10", "--posts",
                          str(posts), "--out", str(out), *extra], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return Path(run.stdout.strip())


def test_monthly_report_renders_cleanly(browser, tmp_path):
    html = report(tmp_path, FIXTURES / "report_posts")
    shot = tmp_path / "monthly_report.png"
    seen = open_page(browser, html, shot)
    assert seen["errors"] == [] and seen["dialogs"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []
    assert seen["title"] == "SEO report October 2026"
    assert ["Reading ease per post", True] in seen["images"]  # the chart is there and decodes
    assert "October 2026" in seen["text"] and "Traceback" not in seen["text"]
    assert shot.stat().st_size > 20_000

    index = open_page(browser, html.parent.parent / "index.html", tmp_path / "index.png")
    assert index["errors"] == [] and "October 2026" in index["text"]


def test_hostile_post_runs_no_script(browser, tmp_path):
    html = report(tmp_path, FIXTURES / "report_hostile")
    seen = open_page(browser, html, tmp_path / "hostile.png")
    assert seen["dialogs"] == [], "a script from the post ran"
    assert seen["errors"] == []
    assert "<script>alert(1)</script> Hostile title" in seen["text"]  # shown as text
