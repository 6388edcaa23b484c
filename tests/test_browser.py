"""The HTML reports in a real headless browser (Chromium from the OS packages): no console errors, no dialogs."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "smpseo" / "data" / "examples" / "Queries.csv"


def open_page(browser, html: Path, screenshot: Path, width: int = 1200) -> dict:
    page = browser.new_page(viewport={"width": width, "height": 900})
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
    seen["width"] = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    # Anything reaching past the window's right edge that is not inside a table's scrolling frame: cut off, or
    # scrolled with no cue (the page's own width can stay right while an output area clips its content).
    seen["sticking_out"] = page.evaluate("""Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5
                     && !e.closest('.frame'))
        .map(e => e.tagName + '.' + e.className + ': ' + (e.innerText || '').slice(0, 40))""")
    seen["charts"] = page.evaluate("""Array.from(document.querySelectorAll('img.chart')).map(i => ({
        alt: i.alt, shown: i.getBoundingClientRect().width, column: i.parentElement.getBoundingClientRect().width,
        narrow: !!i.closest('picture') && i.currentSrc === i.closest('picture').querySelector('source').srcset}))""")
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


@pytest.fixture(scope="module")
def bundled_reports(tmp_path_factory):
    """The monthly, pre-publish and FAQ reports and the index of the bundled posts, as a user makes them."""
    if not (ROOT / "posts").is_dir():
        pytest.skip("the bundled posts/ folder is not there")
    from smpseo.app.report.run import execute, export_html, notebooks_dir

    tmp = tmp_path_factory.mktemp("bundled")
    monthly = report(tmp, ROOT / "posts")
    draft = subprocess.run([sys.executable, "-m", "smpseo", "report", "prepublish", str(ROOT / "posts" / "what-is-smp.md"),
                            "--out", str(tmp / "reports")], capture_output=True, text=True, timeout=300)
    assert draft.returncode == 0, draft.stderr
    faq = tmp / "faq_gaps.ipynb"
    execute(notebooks_dir() / "faq_gaps.ipynb", faq, {"posts": str(ROOT / "posts"), "config": "",
                                                       "queries": str(QUERIES), "topic": "pain"},
            cwd=tmp, timeout=300)
    return {"monthly": monthly, "prepublish": Path(draft.stdout.strip()),
            "faq": export_html(faq, tmp / "faq_gaps.html", "FAQ gaps"), "index": monthly.parent.parent / "index.html"}


@pytest.mark.parametrize("width", [360, 390, 800])
@pytest.mark.parametrize("name", ["monthly", "prepublish", "faq", "index"])
def test_reports_fit_a_phone(browser, bundled_reports, tmp_path, name, width):
    shot = tmp_path / f"{name}-{width}.png"
    seen = open_page(browser, bundled_reports[name], shot, width=width)
    assert seen["errors"] == []
    scroll_width, window = seen["width"]
    assert scroll_width <= window, f"{name} is {scroll_width} px wide at {window} px"
    assert seen["sticking_out"] == []
    for chart in seen["charts"]:
        assert chart["shown"] <= chart["column"] + 0.5
        if width < 640:  # drawn for the phone, and filling the column (so its text is as large as drawn)
            assert chart["narrow"], chart["alt"]
            assert chart["shown"] >= chart["column"] - 1
    if name != "index":
        assert len(seen["charts"]) >= {"monthly": 2, "prepublish": 0, "faq": 1}[name]


def test_tables_reflow_on_a_phone_and_scroll_in_a_frame_on_a_tablet(browser, bundled_reports):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(bundled_reports["monthly"].resolve().as_uri(), wait_until="load")
    cells = page.evaluate("""Array.from(document.querySelectorAll('table.t td[data-label]')).slice(0, 3).map(td =>
        [getComputedStyle(td).display, getComputedStyle(td, '::before').content])""")
    assert cells and all(display == "block" and label.startswith('"') for display, label in cells), cells
    page.set_viewport_size({"width": 800, "height": 900})
    frames = page.evaluate("""Array.from(document.querySelectorAll('.frame')).map(f => [getComputedStyle(f).overflowX,
        getComputedStyle(f).borderTopStyle, f.scrollWidth > f.clientWidth])""")
    page.close()
    assert frames and all(overflow == "auto" and border == "solid" for overflow, border, _ in frames)


def test_print_layout_breaks_between_sections_and_prints_links(browser, bundled_reports):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(bundled_reports["monthly"].resolve().as_uri(), wait_until="load")
    breaks = page.evaluate("""Array.from(document.querySelectorAll('.jp-MarkdownCell')).filter(c => c.querySelector('h2'))
        .map(c => [c.querySelector('h2').textContent.trim(), getComputedStyle(c).breakBefore])""")
    assert breaks[0][0].startswith("At a glance") and breaks[0][1] == "auto" and len(breaks) >= 6
    assert all(where == "page" for _, where in breaks[1:]), breaks
    page.goto(bundled_reports["index"].resolve().as_uri(), wait_until="load")
    link = page.evaluate("getComputedStyle(document.querySelector('a[href]'), '::after').content")
    page.close()
    assert link == '" (2026-10/monthly_report.html)"'  # the address is printed after the link
