"""`smpseo report`: notebooks executed for real through papermill, exported to offline HTML, swapped in safely."""

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from smpseo.app.report.run import ReportFailed, notebook_path, run_monthly
from smpseo.app.report.summary import compare, load_summary

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
POSTS = FIXTURES / "report_posts"
HOSTILE = FIXTURES / "report_hostile"


def smpseo(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "smpseo", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


class Page(HTMLParser):
    """The tags of a page and its visible text (not the text of style and script elements)."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.text, self.open = [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.open = tag

    def handle_endtag(self, tag):
        self.open = None

    def handle_data(self, data):
        if self.open not in ("style", "script"):
            self.text.append(data)


def check_report_html(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    page = Page(html)
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert not [s for s in scripts if "src" in s], "a script is loaded from elsewhere"
    assert not [attrs for tag, attrs in page.tags if tag == "link" and "stylesheet" in attrs.get("rel", "")]
    assert not [a for _, a in page.tags for name in a if name.startswith("on")], "an event handler attribute"
    classes = {c for _, a in page.tags for c in (a.get("class") or "").split()}
    assert not classes & {"jp-InputPrompt", "jp-CodeMirrorEditor", "jp-Editor", "highlight", "highlight-ipynb"}, "code is shown"
    text = "".join(page.text)
    assert "from smpseo" not in text and "report = " not in text and "show." not in text
    assert "Traceback" not in html and "Error" not in text
    for _, attrs in page.tags:
        for name in ("src", "href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), f"{name}={value} fetches from the network"
    assert "url(http" not in html and "@import" not in html and "mathjax" not in html.lower()
    return html


@pytest.fixture(scope="module")
def two_months(tmp_path_factory):
    """September with two posts, October with a third post and one post rewritten in shorter sentences."""
    base = tmp_path_factory.mktemp("two_months")
    sept, octo, out = base / "posts-sept", base / "posts-oct", base / "reports"
    sept.mkdir()
    for name in ("does-smp-hurt.md", "how-long-does-smp-last.md"):
        shutil.copy(POSTS / name, sept / name)
    shutil.copytree(POSTS, octo)
    hurt = octo / "does-smp-hurt.md"
    hurt.write_text(hurt.read_text().replace(
        "Numbing cream is rarely needed, because the needle only reaches the upper layer of skin and each session is\n"
        "broken into short passes with regular breaks for water, stretching, conversation and a bit of rest before "
        "the\nartist starts the next pass over the same area of the scalp so that the pigment settles evenly.",
        "Numbing cream is rarely needed. The needle only reaches the upper layer of skin. Each session has short "
        "passes.\nYou get breaks for water and a stretch."))
    first = smpseo("report", "monthly", "--month", "2026-09", "--posts", sept, "--out", out)
    second = smpseo("report", "monthly", "--month", "2026-10", "--posts", octo, "--out", out)
    return {"out": out, "first": first, "second": second, "posts": octo}


def test_runs_succeed_and_print_the_html_path(two_months):
    for key, month in (("first", "2026-09"), ("second", "2026-10")):
        run = two_months[key]
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == str(two_months["out"] / month / "monthly_report.html")
        assert run.stderr.strip() == "", run.stderr  # no kernel or progress-bar noise off a terminal


def test_output_layout(two_months):
    out = two_months["out"]
    for month in ("2026-09", "2026-10"):
        assert sorted(p.name for p in (out / month).iterdir()) == [
            ".written.json", "monthly_report.html", "monthly_report.ipynb", "summary.json"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".written.json"], \
        "a staging folder was left behind"
    index = (out / "index.html").read_text()
    assert index.index("2026-10/monthly_report.html") < index.index("2026-09/monthly_report.html")
    assert "October 2026" in index and "September 2026" in index


def test_what_a_run_writes_into_the_reports_folder_is_never_committed(two_months):
    """Reports are output: each file a run writes there, and the lock it takes, is ignored by git in reports/ of
    the checkout (make report writes there), so a run leaves the checkout as it was."""
    root = Path(__file__).resolve().parent.parent
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    out = two_months["out"]
    written = [f"reports/{p.relative_to(out).as_posix()}" for p in out.rglob("*") if p.is_file()]
    written += ["reports/.monthly-report.lock", "reports/index.edited.html", "reports/2026-10/monthly_report.edited.html"]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *written], cwd=root, capture_output=True,
                             text=True).stdout.split()
    assert sorted(set(written) - set(ignored)) == []


def test_summary_figures(two_months):
    sept = json.loads((two_months["out"] / "2026-09" / "summary.json").read_text())
    octo = json.loads((two_months["out"] / "2026-10" / "summary.json").read_text())
    assert (sept["month"], octo["month"]) == ("2026-09", "2026-10")
    assert (sept["totals"]["posts"], octo["totals"]["posts"]) == (2, 3)
    assert sept["totals"]["published"] == 2 and octo["totals"]["published"] == 1
    hurt_before = next(p for p in sept["posts"] if p["slug"] == "does-smp-hurt")
    hurt_after = next(p for p in octo["posts"] if p["slug"] == "does-smp-hurt")
    assert hurt_after["sentences"] > hurt_before["sentences"]
    assert hurt_after["flesch_reading_ease"] > hurt_before["flesch_reading_ease"]
    assert octo["site"] == "Advanced Scalp Clinic"


def test_html_is_clean_offline_and_has_the_chart(two_months):
    html = check_report_html(two_months["out"] / "2026-10" / "monthly_report.html")
    assert html.count('src="data:image/png;base64,') >= 1
    assert "Reading ease per post" in html
    assert "<title>SEO report October 2026</title>" in html


def test_second_month_shows_what_changed(two_months):
    html = (two_months["out"] / "2026-10" / "monthly_report.html").read_text()
    assert "Compared with the report for <b>2026-09</b>" in html
    assert "New posts (1)" in html and "Scalp micropigmentation for women" in html
    nb = nbformat.read(two_months["out"] / "2026-10" / "monthly_report.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "2026-09" in injected.source  # the previous summary, found in the reports folder
    changes_html = Page(html)
    assert "Does SMP hurt?" in "".join(changes_html.text)
    assert "No report for the previous month" in (two_months["out"] / "2026-09" / "monthly_report.html").read_text()


def test_a_small_blog_s_faq_statuses_are_said_to_be_leads(two_months):
    """The line `smpseo gaps` prints under its table on a blog of fewer than five posts, above the report's FAQ
    table: the same words, from the same place."""
    from smpseo.model.gaps import GapReport

    for month, posts in (("2026-09", 2), ("2026-10", 3)):
        text = "".join(Page((two_months["out"] / month / "monthly_report.html").read_text()).text)
        few = GapReport([], posts=posts).few_posts()
        assert few.startswith(f"Only {posts} posts: each section is measured against the blog's others")
        assert text.index("Questions no post answers yet") < text.index(few) < text.index("Cannibalisation")


def test_second_month_counts_findings_fixed_by_the_rewrite(two_months):
    sept = load_summary(two_months["out"] / "2026-09" / "summary.json")
    octo = load_summary(two_months["out"] / "2026-10" / "summary.json")
    if not octo["available"]["findings"]:
        pytest.skip("checks not available")
    changes = compare(sept, octo)
    fixed = {(f["slug"], f["rule"]) for f in changes["fixed_findings"]}
    assert ("does-smp-hurt", "RD101") in fixed  # the 60-word sentence was split
    assert {f["slug"] for f in changes["new_findings"]} <= {"smp-for-women", "does-smp-hurt",
                                                             "how-long-does-smp-last"}
    html = (two_months["out"] / "2026-10" / "monthly_report.html").read_text()
    assert f"Findings fixed ({len(changes['fixed_findings'])})" in html
    assert "New findings in earlier posts (" in html


def test_failed_run_keeps_the_good_report_and_the_failed_notebook(two_months, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(two_months["out"], out)
    good_html = (out / "2026-10" / "monthly_report.html").read_bytes()
    good_summary = (out / "2026-10" / "summary.json").read_bytes()
    broken = nbformat.read(notebook_path("monthly_report"), as_version=4)
    broken.cells.insert(5, nbformat.v4.new_code_cell("raise RuntimeError('the chart server is down')"))
    source = tmp_path / "broken.ipynb"
    nbformat.write(broken, source)
    with pytest.raises(ReportFailed) as failed:
        run_monthly("2026-10", posts=two_months["posts"], out=out, notebook=source)
    message = str(failed.value)
    assert "raise RuntimeError" in message and "RuntimeError: the chart server is down" in message
    kept = out / "2026-10" / "monthly_report.FAILED.ipynb"
    assert failed.value.notebook == kept and kept.is_file()
    assert any("papermill-error-cell-tag" in c.metadata.get("tags", [])
               for c in nbformat.read(kept, as_version=4).cells)
    assert (out / "2026-10" / "monthly_report.html").read_bytes() == good_html
    assert (out / "2026-10" / "summary.json").read_bytes() == good_summary
    assert "earlier report" in (out / "index.html").read_text()
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".written.json"]

    # a successful re-run replaces the month and clears the failure
    run_monthly("2026-10", posts=two_months["posts"], out=out)
    assert not kept.exists()
    assert (out / "2026-10" / "monthly_report.html").read_bytes() != good_html


def test_a_previous_summary_that_is_not_json_is_said_before_the_run_which_makes_the_report(two_months, tmp_path):
    """`--previous` naming a file that is not JSON: one line naming it and its line, before a kernel starts; the
    report is made without the comparison (not even with last month's beside it), and the status is 2, as for other
    bad input. Before, the run failed at its first cell, status 1, and no report was made."""
    bad = tmp_path / "summary.json"
    bad.write_text("{\n not json")
    out = tmp_path / "reports"
    shutil.copytree(two_months["out"] / "2026-10", out / "2026-10")
    run = smpseo("report", "monthly", "--month", "2026-11", "--posts", two_months["posts"], "--out", out,
                 "--previous", bad)
    assert run.returncode == 2, run.stderr
    assert run.stderr == (f"smpseo: error: {bad}:2: not valid JSON: Expecting property name enclosed in double "
                          "quotes; the report is made without comparing with it\n")
    assert run.stdout.strip() == str(out / "2026-11" / "monthly_report.html")
    assert not (out / "2026-11" / "monthly_report.FAILED.ipynb").exists()
    html = (out / "2026-11" / "monthly_report.html").read_text(encoding="utf-8")
    assert "No report for the previous month was found" in html and "Compared with the report for" not in html


def test_cli_usage_errors(tmp_path):
    run = smpseo("report", "monthly", "--posts", tmp_path / "missing", "--out", tmp_path / "r")
    assert run.returncode == 2 and "missing: error: no such file or folder" in run.stderr and "Traceback" not in run.stderr
    run = smpseo("report", "monthly", "--month", "2026-13")
    assert run.returncode == 2 and "YYYY-MM" in run.stderr


def test_an_index_that_cannot_be_written_fails_the_run_but_keeps_the_report(tmp_path):
    out = tmp_path / "reports"
    (out / "index.html").mkdir(parents=True)  # in the way of the index
    run = smpseo("report", "monthly", "--month", "2026-10", "--posts", POSTS, "--out", out)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and "index.html: not updated" in run.stderr, run.stderr
    assert run.stdout.strip() == str(out / "2026-10" / "monthly_report.html")
    check_report_html(out / "2026-10" / "monthly_report.html")


def test_what_reading_the_search_console_exports_said_is_printed_and_listed(tmp_path):
    """A line of the queries export saved in Windows-1252 and a pages export from an interface in German: read, and
    each said as `smpseo gaps` says it, on stderr (named as given) and in the report's list of what it could not
    read well, whose table is read from the exports the notebook was handed."""
    (tmp_path / "Queries.csv").write_bytes(
        b'"Top queries","Clicks","Impressions","CTR","Position"\n"smp near me","3","90","3.3%","7.2"\n'
        + '"smp dún laoghaire","1","20","5%","3.0"\n'.encode("cp1252"))
    (tmp_path / "Seiten.csv").write_text(
        '"Häufigste Seiten","Klicks","Impressionen","CTR","Position"\n'
        '"https://clinic.example/blog/does-smp-hurt/","14","320","4,38 %","6,2"\n', encoding="utf-8")
    run = smpseo("report", "monthly", "--month", "2026-10", "--posts", POSTS, "--queries", "Queries.csv", "--pages",
                 "Seiten.csv", "--out", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    said = ["Queries.csv:3: warning: not UTF-8; read as Windows-1252",
            'Seiten.csv:1: info: header "Häufigste Seiten","Klicks","Impressionen","CTR","Position" read as Search '
            "Console's columns in their order: the page, clicks, impressions, CTR, position"]
    assert [line for line in run.stderr.splitlines() if "csv" in line] == said
    text = "".join(Page((tmp_path / "out" / "2026-10" / "monthly_report.html").read_text()).text)
    assert "Queries.csv3warningnot UTF-8; read as Windows-1252" in text
    assert "Seiten.csvheader \"Häufigste Seiten\"" in text.split("how files were read")[1]


def test_prepublish_writes_its_page(tmp_path):
    run = smpseo("report", "prepublish", POSTS / "does-smp-hurt.md", "--keyphrase", "does SMP hurt", "--out",
                 tmp_path / "reports")
    assert run.returncode == 0, run.stderr
    html_path = tmp_path / "reports" / "prepublish" / "does-smp-hurt.html"
    assert run.stdout.strip() == str(html_path)
    html = check_report_html(html_path)
    assert "Checklist" in html and "does SMP hurt" in html
    assert "Readability against the blog" in html
    # the page changed by hand since (a note for the artist): the next run keeps that version beside its own
    html_path.write_text(html + "<!-- checked with Sam -->", encoding="utf-8")
    # (a time limit with a fraction, as --timeout takes it, runs: papermill is given whole seconds)
    again = smpseo("report", "prepublish", POSTS / "does-smp-hurt.md", "--out", tmp_path / "reports", "--timeout",
                   "299.5")
    kept = html_path.with_name("does-smp-hurt.edited.html")
    assert again.returncode == 0 and again.stderr == (f"{html_path}: warning: changed since it was written; your "
                                                      f"version is kept as {kept}\n"), again.stderr
    assert kept.read_text(encoding="utf-8").endswith("<!-- checked with Sam -->")
    assert "<!-- checked with Sam -->" not in html_path.read_text(encoding="utf-8")


def test_hostile_post_comes_out_inert(tmp_path):
    out = tmp_path / "reports"
    assert smpseo("report", "monthly", "--month", "2026-10", "--posts", HOSTILE, "--out", out).returncode == 0
    assert smpseo("report", "prepublish", HOSTILE / "hostile.md", "--out", out).returncode == 0
    for page in (out / "2026-10" / "monthly_report.html", out / "prepublish" / "hostile.html", out / "index.html"):
        html = check_report_html(page)
        assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hostile title" in (
        out / "2026-10" / "monthly_report.html").read_text()


def test_a_cell_over_its_time_limit_fails_the_run(two_months, tmp_path, capfd):
    """... with one line saying so: the kernel, shut down mid-cell, writes its traceback to its own log, not to
    the run's stderr."""
    out = tmp_path / "reports"
    shutil.copytree(two_months["out"], out)
    good_html = (out / "2026-10" / "monthly_report.html").read_bytes()
    slow = nbformat.read(notebook_path("monthly_report"), as_version=4)
    slow.cells.insert(3, nbformat.v4.new_code_cell("import time\ntime.sleep(30)"))
    source = tmp_path / "slow.ipynb"
    nbformat.write(slow, source)
    capfd.readouterr()
    with pytest.raises(ReportFailed, match=r"CellTimeoutError: cell \[3\] `import time` ran past the time it may "
                                           r"take \(1.5 s; ") as failed:
        run_monthly("2026-10", posts=two_months["posts"], out=out, notebook=source, timeout=1.5)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Timeout waiting" not in err, err
    assert (out / "2026-10" / "monthly_report.html").read_bytes() == good_html
    # the notebook as far as it ran is kept, and the index marks the month as every failed run does
    kept = out / "2026-10" / "monthly_report.FAILED.ipynb"
    assert failed.value.notebook == kept and str(failed.value).endswith(f"(executed notebook kept as {kept})")
    assert [c.source for c in nbformat.read(kept, as_version=4).cells
            if c.metadata.get("papermill", {}).get("start_time")][-1] == "import time\ntime.sleep(30)"
    assert "last re-run failed; this is the earlier report" in (out / "index.html").read_text()
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.is_dir()]


def test_a_run_that_reads_no_post_keeps_the_month_s_report(two_months, tmp_path):
    """An emptied posts folder, or one whose every file is broken, is a failed run: the month's good report and its
    summary stay as they were (a month with no post dated in it still makes its report)."""
    out = tmp_path / "reports"
    shutil.copytree(two_months["out"], out)
    before = (out / "2026-10" / "summary.json").read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.md").write_bytes(b"\x00\x01 not text")
    kept = out / "2026-10" / "monthly_report.FAILED.ipynb"
    for posts in (tmp_path / "empty", broken):
        posts.mkdir(exist_ok=True)
        with pytest.raises(ReportFailed, match=r"no post could be read from .*: no report made \(the report that was "
                                               r"there is kept\) \(executed notebook kept as .*FAILED.ipynb\)$"):
            run_monthly("2026-10", posts=posts, out=out)
        assert (out / "2026-10" / "summary.json").read_bytes() == before
        assert kept.is_file() and "last re-run failed; this is the earlier report" in (out / "index.html").read_text()
        kept.unlink()
