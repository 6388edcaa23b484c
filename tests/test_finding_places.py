"""Where findings point in the file they were read from, whatever the format: the column of the finding's own text,
not of a like word elsewhere on the line."""

from __future__ import annotations

import json
from pathlib import Path

from smpseo.cli import main

SETTINGS = """[site]
name = "Bright Smile Dental"
city = "Portland"
phone = "503-555-0142"

[keywords]
targets = ["teeth whitening"]

[rules]
RD101 = { max_percent = 0 }
RD104 = { max_percent = 0 }
"""


def findings(tmp_path, capsys, name: str, text: str) -> list[dict]:
    (tmp_path / "smpseo.toml").write_text(SETTINGS, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    main(["check", str(path), "--config", str(tmp_path / "smpseo.toml"), "--format", "json"])
    return json.loads(capsys.readouterr().out)["findings"]


def at(text: str, finding: dict) -> str:
    """The file's text where a finding points."""
    return text.split("\n")[finding["line"] - 1][finding["column"] - 1:]


def test_a_summary_finding_keeps_its_column_when_its_numbers_are_on_the_line(tmp_path, capsys):
    # RD105's match ("0 of 26 sentences") is no text of the post: the "0" of "2010" is not where it points
    text = "---\ntitle: Dots\n---\n\nWe opened in 2010. " + "The scalp gets tiny dots of pigment today. " * 25 + "\n"
    rd105 = [f for f in findings(tmp_path, capsys, "dots.md", text) if f["rule"] == "RD105"]
    assert [(f["line"], f["column"]) for f in rd105] == [(5, 1)]


def test_a_phrase_on_a_long_line_is_found_as_a_phrase_of_whole_words(tmp_path, capsys):
    # a Ghost export holds a post's HTML on one line: "are removed" is not the "are" of "care" before it
    html = ("<p>We talk about the care you need after each visit at home.</p>\n\n"
            "<p>The stains are removed by a gentle gel.</p>")
    export = {"db": [{"data": {"posts": [{"id": "1", "title": "Whitening", "slug": "whitening", "type": "post",
                                          "status": "published", "html": html}]}}]}
    text = json.dumps(export, indent=2)
    rd104 = [f for f in findings(tmp_path, capsys, "ghost.json", text) if f["rule"] == "RD104"]
    assert len(rd104) == 1 and at(text, rd104[0]).startswith("are removed by")


def test_a_page_saved_on_one_line_points_into_the_article_not_the_script_or_title(tmp_path, capsys):
    # a minified page: the script and the title, before the article on the same line, hold the same words
    text = ('<!DOCTYPE html><html><head><title>Bright Smile Dental</title>'
            '<script>var s = "our portland office";</script></head><body><nav>portland</nav><article>'
            '<h1>Whitening</h1><p>We are the best dentist in portland for a bright smile.</p>'
            '<p>Visit Bright smile Dental today.</p></article></body></html>\n')
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "page.html", text)}
    assert at(text, found["LOC305"]).startswith("portland for a bright smile")
    assert at(text, found["LOC302"]).startswith("Bright smile Dental today")


def _item(title: str, slug: str) -> str:
    return (f"  <item>\n    <title>{title}</title>\n    <wp:post_name>{slug}</wp:post_name>\n"
            f"    <wp:post_type>post</wp:post_type>\n    <wp:status>publish</wp:status>\n"
            f"    <content:encoded><![CDATA[<p>Brush twice a day and floss every evening.</p>]]></content:encoded>\n"
            f"  </item>\n")


def test_what_a_post_of_an_export_lacks_is_said_at_its_own_lines_not_the_files_first(tmp_path, capsys):
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            + _item("Flossing", "flossing") + _item("Brushing", "brushing") + "</channel>\n</rss>\n")
    lines = text.split("\n")
    title_line = {slug: lines.index(f"    <title>{title}</title>") + 1
                  for slug, title in (("flossing", "Flossing"), ("brushing", "Brushing"))}
    lacking = [f for f in findings(tmp_path, capsys, "export.xml", text) if f["rule"] in ("SEO201", "SEO206")]
    assert sorted((f["path"].rsplit("#", 1)[1], f["rule"], f["line"]) for f in lacking) == [
        ("brushing", "SEO201", title_line["brushing"]), ("brushing", "SEO206", title_line["brushing"]),
        ("flossing", "SEO201", title_line["flossing"]), ("flossing", "SEO206", title_line["flossing"])]


def test_text_after_a_start_tag_written_over_several_lines_is_at_its_own_line(tmp_path, capsys):
    text = ('<!DOCTYPE html>\n<html><head><title>Whitening</title></head>\n<body><article>\n<h1>Whitening</h1>\n'
            '<p\n   class="intro">We are the best dentist in portland for a bright smile.</p>\n'
            '<p>Visit <a\n  href="/contact/">Bright smile Dental</a> today.</p>\n'
            '<p>Type <code>smile\ncode</code> to call (503) 555-0142 today.</p>\n</article></body></html>\n')
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "page.html", text)}
    assert (found["LOC305"]["line"], at(text, found["LOC305"])[:12]) == (6, "portland for")
    assert (found["LOC302"]["line"], at(text, found["LOC302"])[:12]) == (8, "Bright smile")
    assert (found["LOC301"]["line"], at(text, found["LOC301"])[:14]) == (10, "(503) 555-0142")


def test_a_competing_link_is_found_at_its_anchor_text_not_the_same_words_before_it(tmp_path, capsys):
    md = ("---\ntitle: Whitening guide\nkeyphrase: teeth whitening\n---\n\n"
          "Intro about teeth whitening here, with a [teeth whitening](https://other.example.com/tw) link.\n")
    page = ('<html><head><title>Whitening guide</title></head><body><article><h1>Whitening guide</h1>\n'
            '<p>Intro about teeth whitening here, with a <a href="https://other.example.com/tw">teeth whitening</a>'
            ' link.</p>\n</article></body></html>\n')
    for name, text, before in (("post.md", md, "["), ("page.html", page, ">")):
        seo214 = [f for f in findings(tmp_path, capsys, name, text) if f["rule"] == "SEO214"]
        assert len(seo214) == 1, name
        line = text.split("\n")[seo214[0]["line"] - 1]
        assert line[seo214[0]["column"] - 2:].startswith(before + "teeth whitening"), name


def test_a_start_tag_ends_at_its_own_closing_bracket():
    from smpseo.sources.readers.htmlblocks import html_to_blocks

    # a quote opens an attribute's value only after `=`; a `>` inside a quoted value does not end the tag
    blocks = html_to_blocks('<p class=a"b>Hi there.</p>\n<p\n class="a>b"\n>Text here.</p>')
    assert [(s.line, s.column) for b in blocks for s in b.sentences] == [(1, 14), (4, 2)]


def test_a_competing_rst_link_is_found_at_its_text_on_its_own_line(tmp_path, capsys):
    rst = ("Whitening guide\n===============\n\n:summary: What whitening does.\n\n"
           "Intro about teeth whitening here, and a first\n"
           "link, `teeth whitening <https://other.example.com/tw>`_, then `teeth whitening`_ once more.\n\n"
           ".. _teeth whitening: https://other.example.com/tw2\n")
    seo214 = [f for f in findings(tmp_path, capsys, "guide.rst", rst) if f["rule"] == "SEO214"]
    assert [(f["line"], at(rst, f)[:16]) for f in seo214] == [(7, "teeth whitening "), (7, "teeth whitening`")]


def test_rst_links_know_their_line_and_column():
    from smpseo.sources.readers.rst import read_rst

    rst = ("Title\n=====\n\nSee `our prices\n<https://example.com/prices>`_ and https://example.com/faq, or\n"
           "`Book <https://example.com/book>`_ and `Book <https://example.com/book2>`_.\n")
    links = read_rst(rst, "a.rst")[0].links
    # each at its text, on its own line: the address of the first breaks the line, two links read 'Book'
    assert [(k.href, k.line, k.column) for k in links] == [
        ("https://example.com/prices", 4, 6), ("https://example.com/faq", 5, 36),
        ("https://example.com/book", 6, 2), ("https://example.com/book2", 6, 41)]


def test_a_long_sentence_after_a_link_on_its_line_points_at_its_first_word(tmp_path, capsys):
    # a link's address and brackets are no text of the post: the estimate falls short of the sentence, and its
    # first words stand around a link's bracket, an escaped underscore, or the end of the line
    text = ("---\ntitle: Whitening\n---\n\n"
            "See [our gallery](https://www.example.com/gallery/before-and-after-photos). The [teeth whitening]"
            "(https://www.example.com/whitening) treatment was designed by our own team over many long years of careful "
            "and patient work with our clients.\n\n"
            "Read [the guide](https://www.example.com/a-rather-long-address/guide) first, please. And\n"
            "then the next visit to the clinic is booked by the front desk staff for you and for your whole family at once."
            "\n\n"
            "We open at nine on [weekdays](https://www.example.com/hours). The whitening\\_gel, in turn, is "
            "applied by a hygienist over the course of an hour or so at our bright office downtown.\n\n"
            "Ask [our team](https://www.example.com/team) about it. [Brightwhite](https://www.example.com/bw), "
            "which we use, is a gentle gel that is applied by a hygienist at our office over the course of an hour.\n")
    rd101 = [f for f in findings(tmp_path, capsys, "links.md", text) if f["rule"] == "RD101"]
    assert [at(text, f)[:12] for f in rd101] == ["The [teeth w", "And", "The whitenin", "Brightwhite]"]


def test_a_column_counts_the_invisible_characters_before_it_as_an_editor_does(tmp_path, capsys):
    # a zero-width space and a right-to-left override pasted from a document are not read, but take a column each
    text = ("---\ntitle: Whitening\n---\n\nCall\u200b us \u202eat 503 555 0142 to book a visit, or we are "
            "reached by email. Our\u200b own staff can help you pick the whitening plan that "
            "suits your teeth and your budget best every single time.\n")
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "invisible.md", text)}
    assert at(text, found["LOC301"]).startswith("503 555 0142")
    assert at(text, found["RD104"]).startswith("are reached")
    assert at(text, found["RD101"]).startswith("Our\u200b own staff")


def test_a_description_an_excerpt_stands_in_for_is_found_at_the_excerpt(tmp_path, capsys):
    # Jekyll themes write `description: ""` beside the `excerpt` that is the post's description
    text = "---\ntitle: Whitening\nexcerpt: Teeth whitening, done gently.\ndescription: \"\"\n---\n\nWe whiten teeth.\n"
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "excerpt.md", text)}
    assert (found["SEO207"]["line"], at(text, found["SEO207"])) == (3, "Teeth whitening, done gently.")


def test_a_field_written_below_its_key_is_found_where_its_text_is(tmp_path, capsys):
    # a folded title (`title: >`) and a TOML multi-line description: the text is on the line below the key
    text = "---\ntitle: >-\n  Whitening\ndescription: |\n\n  Gentle.\n---\n\nWe whiten teeth.\n"
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "folded.md", text)}
    assert (found["RD107"]["line"], at(text, found["RD107"])) == (3, "Whitening")
    assert (found["SEO207"]["line"], at(text, found["SEO207"])) == (6, "Gentle.")
    text = '+++\ntitle = "Whitening"\ndescription = """\nGentle."""\n+++\n\nWe whiten teeth.\n'
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "hugo.md", text)}
    assert (found["SEO207"]["line"], at(text, found["SEO207"])) == (4, 'Gentle."""')


def test_many_findings_on_one_long_line_are_placed_in_linear_time(tmp_path, capsys, monkeypatch):
    # a post saved on one line (a minified page, an export's HTML): each finding's column is found from its
    # estimate on, not by going through the whole line again for each of thousands of findings (counted, not timed)
    from smpseo.checks import columns

    whole_line = []

    class Counted(columns.Phrase):
        def starts(self, text):
            whole_line.append(text)
            return super().starts(text)

    monkeypatch.setattr(columns, "Phrase", Counted)
    text = "---\ntitle: Whitening\n---\n\n" + "The [gel](/gel) and more words were written by someone in the city. " * 300
    found = findings(tmp_path, capsys, "long.md", text + "\n")
    assert sum(f["rule"] == "RD105" for f in found) == 1 and len(found) > 300
    assert len(whole_line) < len(found) / 10  # the whole line is gone through only for the few found before it


def test_findings_of_an_export_clean_only_the_lines_they_are_on(capsys, monkeypatch):
    """An export holds many posts, each with findings: a finding's place is read from the two or three lines it
    looks at, not from the whole file made clean again for each post (counted, not timed)."""
    from smpseo.checks import run

    export = Path(__file__).parent / "fixtures" / "wxr" / "themeunittestdata.wordpress.xml"
    cleaned = []
    clean = run.clean_text
    monkeypatch.setattr(run, "clean_text", lambda text: cleaned.append(text) or clean(text))
    monkeypatch.setenv("SMPSEO_NO_CACHE", "1")
    main(["check", str(export), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert len(found) > 100 and len(cleaned) <= 3 * len(found)


def test_a_column_counts_a_joiner_or_a_variation_selector_inside_a_word(tmp_path, capsys):
    # dropped inside words as a zero-width space is (`clean_text`), each still takes a column in an editor
    text = ("---\ntitle: Whitening\n---\n\nCa\u200dll\ufe0f us at 503 555 0142 to book a visit, or we are "
            "reached by email. Our\u2061 own sta\u200cff can help you pick the whitening plan that "
            "suits your teeth and your budget best every single time.\n")
    found = {f["rule"]: f for f in findings(tmp_path, capsys, "joiners.md", text)}
    assert at(text, found["LOC301"]).startswith("503 555 0142")
    assert at(text, found["RD104"]).startswith("are reached")
    assert at(text, found["RD101"]).startswith("Our\u2061 own sta\u200cff")
