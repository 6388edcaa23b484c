"""Reports are inert: text from a post, its front matter, the settings, a topic file or a Search Console export is
shown as text in the HTML reports and notebook outputs, never run as markup.

The hostile fixture (tests/fixtures/bad/hostile/) puts `<script>`, `onerror=`, `onload=`, `javascript:` and
`</script>` break-outs in a post's title, description, keyphrase, tags, headings, body, links and images, in the
site's name and targets, in a topic file and in search queries. Each report is parsed with BeautifulSoup, and opened
in headless Chromium, where no dialog may open and no script may run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES
from .test_browser import open_page

HOSTILE = FIXTURES / "bad" / "hostile"
# Payload labels: each payload calls alert('<label>'); where one shows, it must show as text.
POST_PAYLOADS = ("title", "description", "heading", "body", "svg", "block", "link", "md")
SITE_PAYLOADS = ("site",)
EXECUTABLE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def assert_inert(html: str, where: str) -> BeautifulSoup:
    """No element or attribute that could run code; every image an embedded picture."""
    soup = BeautifulSoup(html, "html.parser")
    scripts = [s for s in soup.find_all("script") if "alert(" in (s.string or "") or s.get("src")]
    assert not scripts, f"{where}: script element from the data: {scripts[:2]}"
    assert not [s for s in soup.find_all("script")
                if (s.get("type") or "").lower() not in ("application/ld+json", "application/json", "text/x-mathjax-config")
                and "alert" in s.get_text()], where
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: <{tag.name} {name}=...> event handler"
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower() in ("href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"):
                assert not text.strip().lower().startswith(EXECUTABLE_SCHEMES), f"{where}: {tag.name} {name}={text}"
    assert not soup.find_all(["iframe", "object", "embed", "frame", "base", "form"]), where
    for img in soup.find_all("img"):
        assert str(img.get("src", "")).startswith("data:image/"), f"{where}: <img src={img.get('src')}>"
    for svg in soup.find_all("svg"):
        assert not svg.find_all("script"), where
    return soup


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The monthly (with hostile queries) and pre-publish reports of the hostile posts, run as a user would."""
    root = tmp_path_factory.mktemp("hostile")
    for name in ("posts", "smpseo.toml", "Queries.csv", "topics.yml"):
        src = HOSTILE / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)

    def smpseo(*args):
        run = subprocess.run([sys.executable, "-m", "smpseo", *args], cwd=root, capture_output=True, text=True,
                             timeout=600)
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr
        return Path(root / run.stdout.strip())

    smpseo("report", "monthly", "--month", "2026-10", "--posts", "posts", "--queries", "Queries.csv", "--out",
           "reports")
    smpseo("report", "prepublish", "posts/hostile.md", "--out", "reports")
    return root


PAGES = ["reports/2026-10/monthly_report.html", "reports/prepublish/hostile.html", "reports/index.html"]


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_html_reports_hold_the_payloads_only_as_text(hostile, page):
    soup = assert_inert((hostile / page).read_text(encoding="utf-8"), page)
    text = soup.get_text(" ")
    if page != "reports/index.html":
        assert "<script>alert('title')</script> Scalp micropigmentation cost" in text  # shown, as text
    if "prepublish" not in page:
        assert "<script>alert('site')</script> Advanced Scalp Clinic" in text
    if "prepublish" in page:
        assert "<b onmouseover=alert('keyphrase')>scalp micropigmentation</b>" in text
        # the body's payload, shown as text in the flagged paragraph (where a highlight may end inside it)
        assert "<imgsrc=xonerror=alert('body')>" in "".join(text.split())
        assert "What does SMP cost?" in text  # the heading, without the script a browser would not show


@pytest.mark.slow
@pytest.mark.parametrize("notebook", ["reports/2026-10/monthly_report.ipynb", "reports/prepublish/hostile.ipynb"])
def test_notebook_outputs_hold_the_payloads_only_as_text(hostile, notebook):
    nb = json.loads((hostile / notebook).read_text(encoding="utf-8"))
    shown = 0
    for i, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html is None:
                continue
            html = "".join(html) if isinstance(html, list) else html
            assert_inert(html, f"{notebook} cell {i}")
            shown += "alert(" in html
            assert "<script>alert(" not in html and "onerror=alert" not in html.replace("&quot;", '"').split(">")[0]
    assert shown, "the payloads were expected in some output"


def _views_with_hostile_topics_and_queries():
    """Every notebook view of the FAQ gaps, fed the hostile topic file and the hostile queries."""
    from smpseo import load_posts
    from smpseo.app.gaps import gaps
    from smpseo.app.report import analysis
    from smpseo.app.settings import load_config
    from smpseo.views import notebook as show

    config = load_config(HOSTILE / "smpseo.toml")
    report = gaps(load_posts(HOSTILE / "posts"), topics=[str(HOSTILE / "topics.yml")],
                  queries=str(HOSTILE / "Queries.csv"), config=config)
    topics = analysis.topics_of(report)
    candidates = list(report.candidates)
    views = {
        "gap_table": show.gap_table(topics),
        "topic_detail cost": show.topic_detail(topics, "cost"),
        "topic_detail hostile_new": show.topic_detail(topics, "hostile_new"),
        "topic_detail local_provider": show.topic_detail(topics, "local_provider"),  # names the configured city
        "candidates_table": show.candidates_table(candidates),
        "gap_chart": show.gap_chart(topics),
    }
    return views, topics, candidates


def test_topic_file_and_query_payloads_are_escaped_in_the_notebook_views():
    views, topics, candidates = _views_with_hostile_topics_and_queries()
    assert any(t.question.startswith("<script>alert('topic')") for t in topics)
    texts = []
    for name, view in views.items():
        html = view._repr_html_()
        texts.append(assert_inert(html, name).get_text(" "))
    text = " ".join(texts)
    assert "<script>alert('topic')</script> How much does SMP cost?" in text
    assert "<a href=javascript:alert('new')>instalments</a>" in text
    queries = json.dumps([t.to_dict() for t in topics]) + json.dumps([c.to_dict() for c in candidates])
    assert "alert('query')" in queries or "alert('q2')" in queries  # the queries reached the views' data
    for payload in ("<script>alert('query')</script> smp cost", "why does my <img src=x onerror=alert('q2')> scalp"):
        if payload in queries:
            assert payload in text, payload


def test_command_line_outputs_keep_payloads_as_data(capsys):
    """gaps' Markdown (pasted into docs and issues) escapes HTML; JSON keeps the text as it is."""
    from smpseo.cli import main

    args = ["gaps", str(HOSTILE / "posts"), "--topics", str(HOSTILE / "topics.yml"), "--queries",
            str(HOSTILE / "Queries.csv"), "--config", str(HOSTILE / "smpseo.toml")]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(t["question"] == "<script>alert('topic')</script> How much does SMP cost?" for t in data["topics"])
    assert main([*args, "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "<script>" not in markdown and "<a href=javascript" not in markdown and "<img src=x" not in markdown


def test_markdown_links_and_images_from_posts_show_as_written(tmp_path, capsys):
    """A heading `Prices [x](javascript:alert(1))` and a topic `... ![t](https://evil.example/t.png) [click](...)`
    went into gaps' Markdown as they were: rendered (GitHub, a wiki), it loaded the image and showed live links."""
    import markdown_it

    from smpseo.cli import main

    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "cost.md").write_text(
        "---\ntitle: SMP prices\n---\n\n## Prices [x](javascript:alert(1))\n\nSMP costs between two and four "
        "thousand dollars.\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - id: price\n    question: 'What does SMP cost? ![t](https://evil.example/t.png) "
        "[click](https://evil.example/p)'\n", encoding="utf-8")
    assert main(["gaps", str(tmp_path / "posts"), "--topics", str(tmp_path / "topics.yml"), "--format",
                 "markdown"]) == 0
    out = capsys.readouterr().out
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(out)
    assert "evil.example/t.png" in out and "javascript:alert(1)" in out  # shown, as written
    assert "<img" not in html and 'href="https://evil.example' not in html and 'href="javascript' not in html


# -- in a browser ------------------------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_no_script_runs_in_the_browser(browser, hostile, page, tmp_path):

    seen = open_page(browser, hostile / page, tmp_path / "page.png")
    assert seen["dialogs"] == [], f"a script from the data ran: {seen['dialogs']}"
    assert seen["errors"] == []
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:"))] == []


@pytest.mark.slow
def test_notebook_views_run_no_script_in_the_browser(browser, tmp_path):
    views, _, _ = _views_with_hostile_topics_and_queries()
    page = tmp_path / "views.html"
    page.write_text("<!doctype html><html><head><meta charset=utf-8><title>views</title></head><body>"
                    + "".join(v._repr_html_() for v in views.values()) + "</body></html>", encoding="utf-8")

    seen = open_page(browser, page, tmp_path / "views.png")
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert "<script>alert('topic')</script> How much does SMP cost?" in seen["text"]


@pytest.mark.slow
@pytest.mark.parametrize("text", ["</script><script>alert('a')</script>", "<!--<script>", "<!--<script></script>-->",
                                  "]]></script><img src=x onerror=alert('b')>"])
def test_json_ld_snippets_end_where_they_should(browser, tmp_path, text):
    """The JSON-LD a report tells the clinic to paste: a browser reads it back as the same data, and the page goes on."""
    from smpseo.analysis.jsonld import script_tag


    data = {"@type": "BlogPosting", "headline": text, "description": f"{text} after"}
    page = tmp_path / "ld.html"
    page.write_text(f"<!doctype html><html><head><title>ld</title>{script_tag(data)}</head>"
                    f"<body><p id=after>after the snippet</p></body></html>", encoding="utf-8")
    seen = open_page(browser, page, tmp_path / "ld.png")
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert seen["text"].strip() == "after the snippet"
    page_back = browser.new_page()
    page_back.goto(page.resolve().as_uri())
    parsed = page_back.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    page_back.close()
    assert parsed == data


def test_settings_text_is_cleaned_where_it_enters(tmp_path):
    """The site's name from smpseo.toml reached the HTML reports' titles with its escape sequences, bell and
    right-to-left override (`<title>SEO reports: Clinic^[[2J^[]0;owned^G ...`): the settings' text is now cleaned
    as a post's is."""
    import smpseo

    (tmp_path / "smpseo.toml").write_text(
        '[site]\nname = "Clinic\\u001b[2J\\u001b]0;owned\\u0007 \\u202eevil \\u0085x"\ncity = "Dub\\u200blin"\n'
        '[keywords]\ntargets = ["smp \\u001b[31mdublin"]\n', encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    assert (config.site.name, config.site.city, config.targets) == ("Clinic[2J]0;owned evil x", "Dublin",
                                                                    ["smp [31mdublin"])
