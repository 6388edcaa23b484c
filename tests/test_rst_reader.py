"""reStructuredText posts (Pelican, Nikola): the title and Pelican's fields with their lines, blocks at the lines of
the file, links and images, and nothing read from elsewhere: `include` and `raw` are refused, docutils' reports
never reach the output, and a post docutils cannot parse is one error line while the others are checked."""

from __future__ import annotations

import datetime as dt
import json

from smpseo.cli import main
from smpseo.sources.readers import load_posts, read_file

POST = """How long does SMP last?
#######################

:date: 2023-02-01 10:20
:slug: smp-longevity
:summary: Four to six years
    before a refresh.
:tags: longevity, fading
:category: Aftercare

Expect four to six years before a refresh. Sunscreen keeps
it dark, see `our aftercare <https://clinic.example/aftercare>`_.

Sun and sweat
=============

- Wear a hat for two weeks.
- Skip the gym for four days.

.. image:: /images/healed.jpg
   :alt: Healed SMP

.. code-block:: python

   sunscreen = "SPF 50"

.. include:: /etc/passwd

.. raw:: html

   <p>Raw secret text.</p>

.. note::

   Book a consultation first.
"""


def test_title_fields_and_blocks_keep_their_lines(tmp_path):
    path = tmp_path / "longevity.rst"
    path.write_text(POST, encoding="utf-8")
    [post] = read_file(path)
    assert (post.title, post.title_line, post.slug) == ("How long does SMP last?", 1, "smp-longevity")
    assert (post.date, post.tags, post.categories) == (dt.date(2023, 2, 1), ["longevity", "fading"], ["Aftercare"])
    assert post.description == "Four to six years before a refresh." and post.meta_line("description") == 6
    assert [(b.line, b.kind, b.text) for b in post.blocks] == [
        (11, "paragraph", "Expect four to six years before a refresh. Sunscreen keeps\nit dark, see our aftercare."),
        (14, "heading", "Sun and sweat"),
        (17, "list_item", "Wear a hat for two weeks."),
        (18, "list_item", "Skip the gym for four days."),
        (20, "image", "Healed SMP"),
        (25, "code", 'sunscreen = "SPF 50"'),
        (35, "paragraph", "Book a consultation first."),
    ]
    assert [(s.line, s.text) for s in post.blocks[0].sentences] == [
        (11, "Expect four to six years before a refresh."), (11, "Sunscreen keeps it dark, see our aftercare.")]
    assert [link.href for link in post.blocks[0].links] == ["https://clinic.example/aftercare"]
    assert post.blocks[4].images[0].src == "/images/healed.jpg"


def test_nothing_is_included_from_elsewhere_and_no_report_is_printed(tmp_path, capfd):
    path = tmp_path / "longevity.rst"
    path.write_text(POST, encoding="utf-8")
    [post] = read_file(path)
    text = " ".join(b.text for b in post.blocks)
    assert "root:" not in text and "Raw secret" not in text and "include" not in text
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_a_folder_of_rst_posts_is_checked_and_a_broken_one_is_one_line(tmp_path, capsys):
    (tmp_path / "longevity.rst").write_text(POST, encoding="utf-8")
    (tmp_path / "deep.rst").write_text("Deep\n====\n\n" + "".join(" " * i + "- x\n" for i in range(400)),
                                       encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert [p.slug for p in corpus] == ["smp-longevity"]
    assert [e.path.endswith("deep.rst") for e in corpus.errors] == [True]
    assert main(["check", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "longevity.rst:6:" in out  # the meta description's finding points at `:summary:`
    assert [line for line in err.splitlines() if "deep.rst" in line] == [
        f"{tmp_path / 'deep.rst'}: error: structure nested too deeply to read"]


def test_without_a_document_title_the_post_has_none_and_sections_stay_headings(tmp_path):
    path = tmp_path / "two.rst"
    path.write_text("First\n=====\n\nOne.\n\nSecond\n======\n\nTwo.\n", encoding="utf-8")
    [post] = read_file(path)
    assert post.title == "" and [(b.line, b.kind, b.text) for b in post.blocks] == [
        (1, "heading", "First"), (4, "paragraph", "One."), (6, "heading", "Second"), (9, "paragraph", "Two.")]


TABLES = """SMP prices in Leeds
###################

:slug: smp-prices

What scalp micropigmentation costs in Leeds, by treatment.

+-----------+--------+---------------------------------------+
| Treatment | Price  | Notes                                 |
+===========+========+=======================================+
| Hairline  | £900   | See `our hairline page </hairline/>`_ |
+-----------+--------+---------------------------------------+
| Crown     | £1,200 | *Two* sessions, ``numbing`` included  |
+-----------+--------+---------------------------------------+
| Scar      | £400 to £600                                   |
+-----------+------------------------------------------------+

=====  =====
Plan   Weeks
=====  =====
Full   6
Top    2
=====  =====

.. list-table::
   :header-rows: 1

   * - Session
     - What happens
   * - First
     - The base layer, see `the first session <https://example.com/first>`_

.. csv-table::
   :header: "Day", "Do"

   1, "Keep it dry"
   3, "Wash gently, with a | mild soap"

The end of the post.
"""


def test_tables_of_every_form_are_imported_as_tables_and_check_the_same(tmp_path, capsys):
    (tmp_path / "rst").mkdir()
    source = tmp_path / "rst" / "prices.rst"
    source.write_text(TABLES, encoding="utf-8")
    assert main(["import", str(source), "--to", str(tmp_path / "posts")]) == 0
    text = (tmp_path / "posts" / "smp-prices.md").read_text(encoding="utf-8")
    assert "```" not in text
    assert ('<tr><td>Scar</td><td colspan="2">£400 to £600</td></tr>' in text  # a span: Markdown has no form for it
            and '<td>See <a href="/hairline/">our hairline page</a></td>' in text
            and "<td><em>Two</em> sessions, <code>numbing</code> included</td>" in text)
    assert "| Plan | Weeks |\n| --- | --- |\n| Full | 6 |\n| Top | 2 |" in text
    assert ("| Session | What happens |\n| --- | --- |\n"
            "| First | The base layer, see [the first session](https://example.com/first) |") in text
    assert "| Day | Do |\n| --- | --- |\n| 1 | Keep it dry |\n| 3 | Wash gently, with a \\| mild soap |" in text
    (original,), (back,) = (read_file(source), read_file(tmp_path / "posts" / "smp-prices.md"))
    assert [(b.kind, [(k.href, k.text) for k in b.links]) for b in back.blocks] == [
        (b.kind, [(k.href, k.text) for k in b.links]) for b in original.blocks]
    capsys.readouterr()
    main(["check", str(source), "--format", "json"])
    before = [(f["rule"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    main(["check", str(tmp_path / "posts"), "--format", "json"])
    after = [(f["rule"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    assert sorted(after) == sorted(before)
