"""What a post is called where a table or a warning names it: a page bundle by its folder, not "index"."""

from __future__ import annotations

import pytest

from smpseo.cli import main
from smpseo.model.gaps import PostMatch, Suggestion, TopicResult
from smpseo.model.post import short_name
from smpseo.views.gaps import markdown, text


@pytest.mark.parametrize("name, short", [
    ("content/posts/smp-aftercare.md", "smp-aftercare"),
    ("content/posts/how-long-does-smp-last/index.md", "how-long-does-smp-last"),
    ("content\\posts\\how-long\\index.md", "how-long"),
    ("content/posts/how-long/index.fr.md", "how-long.fr"),
    ("content/posts/does-smp-hurt.fr.md", "does-smp-hurt.fr"),
    ("content/posts/_index.md", "posts"),
    ("export.xml#does-smp-hurt", "does-smp-hurt"),
    ("index.md", "index"),
    ("pages/v1.2.html", "v1.2"),
])
def test_a_post_s_short_name(name, short):
    assert short_name(name) == short


def _report(paths):
    from smpseo.model.gaps import GapReport

    topics = [TopicResult(f"t{i}", f"Question {i}?", "partial", 0.5,
                          [PostMatch(path, "A title", 0.5, "Sun", 3, "partial", slug="x")],
                          suggestion=Suggestion("extend", "More", [], [], post=path, post_title="A title"), priority=i)
              for i, path in enumerate(paths, 1)]
    return GapReport(topics, posts=len(paths))


def test_the_gaps_tables_name_two_page_bundles_by_their_folders():
    """Both bundles were "index" in the `where` and `suggestion` columns, in text and Markdown."""
    report = _report(["content/posts/how-long/index.md", "content/posts/women/index.md"])
    shown_text, shown_markdown = text(report), markdown(report)
    for shown in (shown_text, shown_markdown):
        assert "index" not in shown
    assert "how-long > Sun" in shown_text and "women > Sun" in shown_text and "extend how-long" in shown_text
    assert "| how-long > Sun |" in shown_markdown and "| women > Sun |" in shown_markdown


def test_a_mark_naming_a_file_several_bundles_have_is_one_warning_naming_them(tmp_path, capsys):
    """`post: index.md` was taken as the first bundle read, without a word; a bundle's folder or the end of its path
    names one."""
    for name, body in (("how-long", "SMP lasts four to six years before a touch-up."),
                       ("women", "SMP works for women with thinning hair.")):
        (tmp_path / "posts" / name).mkdir(parents=True)
        (tmp_path / "posts" / name / "index.md").write_text(f"---\ntitle: {name}\n---\n\n{body}\n", encoding="utf-8")
    marks = tmp_path / "marks.yml"
    marks.write_text("topics:\n  - id: longevity\n    mark: answered\n    post: index.md\n"
                     "  - id: women\n    mark: answered\n    post: women/index.md\n"
                     "  - id: touchups\n    mark: answered\n    post: how-long\n", encoding="utf-8")
    assert main(["gaps", str(tmp_path / "posts"), "--topics", str(marks)]) == 0
    out, err = capsys.readouterr()
    assert err == (f"{marks}:2: warning: topic (longevity) is marked answered by 'index.md', which could be any of "
                   "2 posts (how-long, women): name one by its folder or path\n")
    rows = {line.split()[1]: line for line in out.splitlines() if line[:3].strip().isdigit()}
    assert "answered (by hand) check?" in rows["longevity"] and "index" not in rows["longevity"]
    assert rows["women"].rstrip().endswith("women") and rows["touchups"].rstrip().endswith("how-long")


def test_two_file_names_that_print_the_same_are_told_apart_in_the_slug_warning(tmp_path):
    """`café.md` written composed (NFC, as Linux keeps it) and decomposed (NFD, `e` and a combining accent, as macOS
    writes it): both print `café.md`, so the warning spells the other one out instead of seeming to name itself."""
    from smpseo.sources.readers import load_posts

    (tmp_path / "caf\u00e9.md").write_text("---\ntitle: Cafe\n---\n\nOne.\n")
    (tmp_path / "cafe\u0301.md").write_text("---\ntitle: Cafe\n---\n\nTwo.\n")
    [error] = load_posts(tmp_path).errors
    names = {str(tmp_path / "caf\u00e9.md"), str(tmp_path / "cafe\u0301.md")}
    assert error.path in names
    [other] = names - {error.path}
    spelled = other.encode("ascii", "backslashreplace").decode()
    assert "\\u0301" in spelled or "\\xe9" in spelled
    assert error.message == (f"slug 'cafe' is also the slug of {other} (another file, whose name is written with "
                             f"other Unicode characters: {spelled}); both would have the same address")


def test_a_jekyll_post_is_named_by_its_slug_without_the_date():
    """The gaps table's "where" column named a Jekyll post `2025-03-10-smp-cost-austin` while its slug is
    `smp-cost-austin`; a date in the name of a file outside `_posts` and `_drafts` is the file's own."""
    from smpseo.model.post import short_name

    assert [short_name(n) for n in ("site/_posts/2025-03-10-smp-cost-austin.md", "_drafts/2025-1-2-gym.markdown",
                                    "posts/2025-03-10-notes.md")] == ["smp-cost-austin", "gym", "2025-03-10-notes"]
