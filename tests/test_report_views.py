"""The notebook display helpers: everything from posts is escaped, charts are embedded PNGs."""

import re
from html.parser import HTMLParser
from pathlib import Path

from smpseo.app.report.monthly import monthly_report
from smpseo.app.report.prepublish import prepublish_report
from smpseo.model.gaps import Evidence, PostMatch, Suggestion, TopicResult
from smpseo.model.results import Finding
from smpseo.views import notebook as show

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = FIXTURES / "report_hostile"


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str):
    parser = Tags()
    parser.feed(html)
    return parser.tags


def assert_inert(html: str):
    for tag, attrs in tags(html):
        assert tag not in ("script", "svg", "b") or tag == "b" and not attrs, (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_tables_escape_cells():
    html = show.table([{"title": "<script>alert(1)</script>", "n": 3}])._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert_inert(html)


def test_monthly_views_escape_post_text():
    report = monthly_report("2026-10", posts=HOSTILE)
    html = "".join(v._repr_html_() for v in (show.heading(report), show.overview(report),
                                              show.readability_table(report), show.changes(report),
                                              show.todo_list(report.todo)))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hostile title" in html
    assert_inert(html)


def test_prepublish_views_escape_post_text():
    draft = prepublish_report(HOSTILE / "hostile.md")
    html = "".join(v._repr_html_() for v in (show.draft_heading(draft), show.checklist(draft),
                                              show.readability_vs_blog(draft)))
    assert "&lt;b onmouseover=alert(3)&gt;smp&lt;/b&gt;" in html
    assert_inert(html)


def test_highlight_marks_the_sentence_and_match_inside_its_paragraph():
    draft = prepublish_report(HOSTILE / "hostile.md")
    paragraph = draft.post.paragraphs[0]
    second = paragraph.sentences[1]
    draft.findings = [Finding("hostile.md", second.line, second.column, "demo", "seo", "warning", "a <b>message</b>",
                              "tiny dots & it")]
    html = show.highlighted_sentences(draft)._repr_html_()
    assert '<mark class="hit">tiny dots &amp; it</mark>' in html
    assert "a &lt;b&gt;message&lt;/b&gt;" in html
    assert html.count("<mark>") == 1
    assert_inert(html)


def test_jsonld_cannot_close_the_script_element():
    html = show.jsonld([{"headline": "</script><script>alert(1)</script>"}])._repr_html_()
    assert "\\u003c/script&gt;\\u003cscript&gt;" in html  # every "<" of the data as \u003c in the JSON
    assert_inert(html)


def test_unavailable_sections_say_so():
    assert "not available" in show.gap_table(None)._repr_html_()
    assert "not available" in show.findings_table(None)._repr_html_()


def test_readability_chart_is_an_embedded_png():
    report = monthly_report("2026-10", posts=FIXTURES / "report_posts")
    chart = show.readability_chart(report)
    png = chart._repr_png_()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5000
    html = chart._repr_html_()
    images = [attrs for tag, attrs in tags(html) if tag == "img"]
    assert len(images) == 1 and images[0]["src"].startswith("data:image/png;base64,")
    assert images[0]["alt"] == "Reading ease per post"
    # a second picture, drawn for a phone's width, shown on narrow screens only
    narrow = [attrs for tag, attrs in tags(html) if tag == "source"]
    assert len(narrow) == 1 and narrow[0]["media"] == "(max-width: 640px)"
    assert narrow[0]["srcset"].startswith("data:image/png;base64,") and narrow[0]["srcset"] != images[0]["src"]
    assert chart.png(narrow=True).startswith(b"\x89PNG\r\n\x1a\n")


def test_tables_label_every_cell_for_phones_and_sit_in_a_frame():
    html = show.table([{"title": "A <b>", "n": 3, "": "x"}], {"title": "title", "n": "count", "": ""})._repr_html_()
    found = tags(html)
    assert [t for t in found if t[0] == "div"][:2] == [("div", {"class": "smpseo"}), ("div", {"class": "frame"})]
    cells = [attrs for tag, attrs in found if tag == "td"]
    assert [c.get("data-label") for c in cells] == ["title", "count", None]
    assert "@media (max-width: 640px)" in html and "@media print" in html


def test_code_spans_escape_inside_and_out():
    assert show.code_spans("Add `<b>` to <i>") == "Add <code>&lt;b&gt;</code> to &lt;i&gt;"
    assert show.code_spans("one ` only <x>") == "one ` only &lt;x&gt;"


def test_gap_table_keeps_the_priority_order_and_drops_demand_without_queries():
    """Topics arrive in the gap analysis's priority order (the view does not re-rank them)."""
    extend = Suggestion("extend", "<it>", [], [], post="p.md", post_title="Post <1>")
    topics = [TopicResult("a", "A?", "partial", 0.5, posts=[PostMatch("p.md", "Post <1>", 0.5, "Part", 3)],
                          suggestion=extend, priority=1),
              TopicResult("b", "B?", "missing", 0.0, priority=2),
              TopicResult("c", "C?", "answered", 0.9, priority=3)]
    html = show.gap_table(topics, include_answered=False)._repr_html_()
    assert html.index("A?") < html.index("B?") and "C?" not in html
    assert "1 more topic is answered well" in html
    assert "impressions" not in html
    assert "Post &lt;1&gt; \u203a Part" in html
    assert "extend &quot;Post &lt;1&gt;&quot;: add a section &quot;&lt;it&gt;&quot;" in html


def test_the_html_tables_say_check_and_by_hand_as_the_command_does():
    """A borderline status is "check?" and a mark "(by hand)" in the monthly table and the draft's, as in the text
    table of `smpseo gaps`."""
    from types import SimpleNamespace

    unsure = TopicResult("a", "A?", "partial", 0.5, posts=[PostMatch("p.md", "P", 0.5, "Part", 3)], priority=1,
                         confidence="check")
    marked = TopicResult("b", "B?", "answered", 1.0, set_by_hand=True, priority=2)
    plain = TopicResult("c", "C?", "answered", 0.9, priority=3)
    monthly = show.gap_table([unsure, marked, plain])._repr_html_()
    draft = show.topics_answered(SimpleNamespace(topics=[unsure, marked, plain], passing=0, blog_posts=7,
                                                 gap_report=None))._repr_html_()
    for html in (monthly, draft):
        assert html.count("check?") == 1 and html.count("(by hand)") == 1
        assert html.index("check?") < html.index("B?")


def test_gap_chart_counts_only_the_topics_it_draws():
    """Topics marked not relevant are neither a gap nor an answer: not a bar, and said apart in the axis label."""
    topics = [TopicResult("a", "A?", "missing", 0.0), TopicResult("b", "B?", "answered", 0.9),
              TopicResult("c", "C?", "not_relevant", 0.0, set_by_hand=True)]
    chart = show.gap_chart(topics)
    assert chart.figure.axes[0].get_xlabel() == "FAQ topics (of 2; 1 marked not relevant)"
    assert show.gap_chart(topics[:2]).narrow.axes[0].get_xlabel() == "FAQ topics (of 2)"


def test_topic_detail_is_readable_and_escaped():
    topics = [TopicResult("cost", "Cost <b>?</b>", "partial", 0.5, impressions=3940, clicks=42,
                          queries=["smp <price>"],
                          posts=[PostMatch("a.md", "T <1>", 0.5, "S", 7)],
                          evidence=[Evidence("a.md", 3, 1, "cheaper <img src=x onerror=alert(1)>", "S", 0.5)],
                          suggestion=Suggestion("write", "<it>", ["H <2>"], ["k"]))]
    html = show.topic_detail(topics, "cost")._repr_html_()
    assert "3,940 search impressions, 42 clicks" in html
    for text in ("Cost &lt;b&gt;?&lt;/b&gt;", "smp &lt;price&gt;", "T &lt;1&gt;",
                 "write a new post &quot;&lt;it&gt;&quot;", "H &lt;2&gt;",
                 "cheaper &lt;img src=x onerror=alert(1)&gt;"):
        assert text in html
    assert_inert(html)
    assert "Known ids: cost" in show.topic_detail(topics, "nope")._repr_html_()


def test_competing_posts_are_one_row_per_group():
    from types import SimpleNamespace

    posts = [SimpleNamespace(path=f"posts/{n}.md", title=f"Post {n}", slug=n) for n in "abc"]
    competing = [Finding(p.path, 1, 1, "SITE402", "site", "info", "...", "scalp micropigmentation",
                         "Set a distinct keyphrase.") for p in posts]
    findings = [*competing, Finding("posts/a.md", 4, 6, "LOC301", "local", "warning", "Phone written '778 917 7772'",
                                    "778 917 7772", "Write it one way.")]
    report = SimpleNamespace(findings=findings, competing=competing, posts=posts)
    html = show.cannibalisation_and_local(report)._repr_html_()
    rows = [t for t, _ in tags(html) if t == "tr"]
    assert len(rows) == 1 + 1 + 1 + 1  # one header and one row per table
    assert "Post a; Post b; Post c" in html and "Phone written" in html


def test_highlight_is_the_flagged_sentence_not_the_first_on_its_line(tmp_path):
    """Three sentences on one line; a long-sentence finding on the third and a passive one inside the second: each
    highlight marks its own sentence."""
    long_ = ("Scalp micropigmentation is a treatment in which tiny dots of pigment go into the scalp to look like the "
             "shadow of shaved hair.")
    text = f"---\ntitle: Draft\n---\n\nSMP is quick. The pigment is placed by hand. {long_}\n"
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    draft = prepublish_report(tmp_path / "draft.md")
    rd101 = [f for f in draft.findings if f.rule == "RD101"]
    rd104 = [f for f in draft.findings if f.rule == "RD104"]
    assert [(f.line, f.column) for f in rd101] == [(5, 46)]
    assert [(f.line, f.column) for f in rd104] == [(5, 27)]
    for finding, sentence in ((rd101[0], long_), (rd104[0], "The pigment is placed by hand.")):
        draft.findings = [finding]
        html = show.highlighted_sentences(draft)._repr_html_()
        plain = re.sub(r'<mark class="hit">(.*?)</mark>', r"\1", html)
        assert plain.split("<mark>", 1)[1].split("</mark>", 1)[0] == sentence
        assert html.count("<mark>") == 1


def test_prepublish_shows_the_rating_fixes_and_search_preview(tmp_path):
    text = ("---\ntitle: Why do I need multiple scalp micropigmentation sessions in Vancouver this year\n"
            "slug: multiple-sessions\ndescription: Short.\n---\n\nScalp micropigmentation takes three visits.\n")
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    draft = prepublish_report(tmp_path / "draft.md")
    assert draft.rating.readability in ("good", "ok", "poor")
    assert draft.rating.seo in ("good", "ok", "poor") and len(draft.fixes) == 3
    assert draft.preview["desktop"]["title"].endswith(" ...") and draft.preview["desktop"]["title_cut"]
    html = show.search_preview(draft.preview)._repr_html_() + show.draft_rating(draft)._repr_html_()
    assert "Why do I need multiple scalp micropigmentation sessions in" in html
    assert "Fix first" in html and draft.fixes[0].message.split(":")[0] in html
    assert_inert(html)


def test_the_month_s_notes_are_apart_from_its_problems(tmp_path):
    import shutil

    posts = tmp_path / "posts"
    shutil.copytree(HOSTILE, posts)
    (posts / "next.md").write_text("---\ntitle: Next\ndraft: true\n---\nSoon.\n", encoding="utf-8")
    (posts / "broken.md").write_bytes(b"\x00\x01\x02 not text")
    html = show.overview(monthly_report("2026-10", posts=posts))._repr_html_()
    problems, notes = html.split("Left out on purpose")
    assert "broken.md" in problems and "next.md" not in problems
    assert "1 draft left out" in notes and "broken.md" not in notes
    assert 'data-label="file">the posts folder<' in notes  # not "."


def test_the_readability_legend_covers_no_bar_or_score():
    """The legend sits outside the plot: in the corner of the plot it hid the lowest post's score."""
    from smpseo.model.summary import PostFigures
    from smpseo.views.charts import _ease_bars

    rows = [PostFigures(slug=f"p{i}", title=f"Post {i}", flesch_reading_ease=ease)
            for i, ease in enumerate((31.5, 48.0, 62.0, 88.0))]
    for narrow in (False, True):
        fig = _ease_bars(rows, 57.4, "Reading ease per post, October 2026", narrow=narrow)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
        (ax,) = fig.axes
        legend = ax.get_legend() or fig.legends[0]
        assert not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer)), narrow


def test_the_keyword_heat_map_counts_the_title_and_headings_as_the_checks_do(tmp_path):
    """A keyword in a post's title and heading but not its body is no red "unused" 0: the cell says where it is,
    with the letters of `smpseo check`'s coverage table, from the same count."""
    from smpseo.views.html import RED

    (tmp_path / "smpseo.toml").write_text('[keywords]\ntargets = ["scalp micropigmentation"]\n', encoding="utf-8")
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "guide.md").write_text(
        "---\ntitle: Scalp micropigmentation in Calgary\ndate: 2026-10-02\n---\n\n# Scalp micropigmentation in Calgary"
        "\n\nA treatment with tiny dots of pigment. It looks like short hair. Most clients need three visits.\n",
        encoding="utf-8")
    report = monthly_report("2026-10", posts=tmp_path / "posts")
    chart = show.coverage_heatmap(report)
    (cell,) = report.coverage
    assert cell.count == 0 and "title" in cell.placements
    for figure in (chart.figure, chart.narrow):
        texts = {t.get_text(): t.get_color() for t in figure.axes[0].texts}
        (label,) = texts
        assert label.startswith("0 t") and texts[label] != RED
    assert "times in the body, then where else: t=title" in chart.figure.axes[0].get_title(loc="left")


def test_the_checklist_has_one_item_per_rule_with_its_sentences_listed(tmp_path):
    """A draft with 56 passive sentences had 56 identical passive-voice lines in its checklist."""
    passive = ["The pigment is placed by hand.", "Each dot is made to look like a follicle.",
               "The hairline is drawn with a pencil first.", "The scalp is cleaned before we start."]
    text = "---\ntitle: Draft\n---\n\n" + "\n\n".join(f"{s} We talk it through with you." for s in passive) + "\n"
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")
    draft = prepublish_report(tmp_path / "draft.md")
    assert len([f for f in draft.findings if f.rule == "RD104"]) == 4
    html = show.checklist(draft)._repr_html_()
    assert html.count("Passive voice") == 1 and "<summary>4 places</summary>" in html
    listed = re.findall(r'<li><span class="muted">line (\d+)</span> (.*?)</li>', html)
    plain = [(int(line), re.sub(r"</?mark[^>]*>", "", sentence)) for line, sentence in listed]
    assert plain == [(5, passive[0]), (7, passive[1]), (9, passive[2]), (11, passive[3])]
    assert_inert(html)


def test_chart_labels_leave_out_the_emoji_the_chart_font_cannot_draw():
    """A title copied from a social post ends on an emoji ("... this Saturday 🎉"): the chart's font has no glyph for
    it, and matplotlib drew an empty box in its place (warning "Glyph ... missing from font"). Such symbols are left
    out of the charts' labels; letters the font has, macrons and all, are drawn as written."""
    import warnings
    from types import SimpleNamespace

    from smpseo.app.report.load import summary_from_data
    from smpseo.views.charts import coverage_heatmap, readability_chart

    titles = ["Open afternoon this Saturday 🎉", "Before and after ✨ three sessions 👩\u200d⚕️", "Tūī: kia ora whānau"]
    posts = [{"slug": f"p{i}", "title": t, "flesch_reading_ease": 60.0 + i} for i, t in enumerate(titles)]
    summary = summary_from_data({"posts": posts, "totals": {"flesch_reading_ease": 61.0}, "month": "2026-10",
                                 "coverage": [{"target": "SMP 🎯", "slug": "p0", "count": 2}]}, "a summary")
    report = SimpleNamespace(summary=summary, coverage=[SimpleNamespace(placements=("title",))],
                             config=SimpleNamespace(targets=["SMP 🎯"]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts = [readability_chart(report), coverage_heatmap(report)]
        for chart in charts:
            chart.png()
            chart.png(narrow=True)
    assert not [str(w.message) for w in caught if "missing from font" in str(w.message)]
    labels = [t.get_text() for t in charts[0].figure.axes[0].get_yticklabels()]
    assert labels == ["Open afternoon this Saturday", "Before and after three sessions", "Tūī: kia ora whānau"]


def test_two_posts_of_one_title_are_told_apart_in_the_report(tmp_path):
    """Two posts with one title (SITE403 names them) were two rows of the same name in the month's tables and
    charts: each now says its file, and a post of an export its slug too."""
    from smpseo.model.summary import PostFigures, Summary

    body = "Keep the scalp dry for four days after each session. Wash it gently after that, with no scrubbing.\n"
    for name, title in [("aftercare", "SMP aftercare"), ("aftercare-2", "SMP aftercare"), ("cost", "SMP cost")]:
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {title}\n---\n\n{body}", encoding="utf-8")
    report = monthly_report("2026-10", posts=tmp_path)
    html = show.readability_table(report)._repr_html_()
    assert "SMP aftercare (aftercare.md)" in html and "SMP aftercare (aftercare-2.md)" in html
    assert ">SMP cost<" in html and "(cost.md)" not in html
    export = Summary(month="2026-10", posts=(PostFigures("a", "blog.xml", "Hello"), PostFigures("b", "blog.xml",
                                                                                                "hello")))
    assert set(export.titles().values()) == {"Hello (blog.xml#a)", "hello (blog.xml#b)"}
