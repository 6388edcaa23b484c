"""The pre-publish report's file and title name the post by its slug, and a report never replaces another post's."""

from __future__ import annotations

import json
import unicodedata

import pytest

from smpseo.app.report import prepublish_run
from smpseo.app.report.prepublish_run import report_name, run_prepublish


def _bundles(tmp_path):
    paths = []
    for name in ("how-long-does-smp-last", "smp-for-women"):
        path = tmp_path / "content" / "posts" / name / "index.md"
        path.parent.mkdir(parents=True)
        path.write_text(f"---\ntitle: {name}\n---\n\nText.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _fake_notebook(monkeypatch, titles):
    """The notebook run and its export, without papermill: the page holds the title it was given."""
    def execute(notebook, executed, parameters, cwd, timeout):
        executed.write_text("{}", encoding="utf-8")

    def export_html(executed, html, title):
        titles.append(title)
        html.write_text(f"<title>{title}</title>", encoding="utf-8")

    monkeypatch.setattr(prepublish_run, "execute", execute)
    monkeypatch.setattr(prepublish_run, "export_html", export_html)


def test_a_page_bundle_s_report_is_named_by_its_folder_and_a_second_bundle_keeps_the_first(tmp_path, monkeypatch):
    """Two bundles' reports were both reports/prepublish/index.html, "Pre-publish check: index.md": the second run
    replaced the first, exit 0."""
    first, second = _bundles(tmp_path)
    titles: list[str] = []
    _fake_notebook(monkeypatch, titles)
    out = tmp_path / "reports"
    assert run_prepublish(first, out=out).html == out / "prepublish" / "how-long-does-smp-last.html"
    assert run_prepublish(second, out=out).html == out / "prepublish" / "smp-for-women.html"
    assert titles == ["Pre-publish check: how-long-does-smp-last", "Pre-publish check: smp-for-women"]
    assert sorted(p.name for p in (out / "prepublish").glob("*.html")) == ["how-long-does-smp-last.html",
                                                                          "smp-for-women.html"]
    assert json.loads((out / "prepublish" / ".posts.json").read_text(encoding="utf-8")) == {
        "how-long-does-smp-last": "../../content/posts/how-long-does-smp-last/index.md",
        "smp-for-women": "../../content/posts/smp-for-women/index.md"}


def test_a_post_whose_slug_another_post_s_report_has_gets_a_name_of_its_own(tmp_path, monkeypatch):
    """A draft with the published post's slug (`drafts/aftercare.md` and `posts/aftercare.md`, or a `slug` field):
    its report is `aftercare-2`; the same post run again keeps its name."""
    _fake_notebook(monkeypatch, [])
    out = tmp_path / "reports"
    for folder in ("posts", "drafts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "aftercare.md").write_text("---\ntitle: Aftercare\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "posts" / "care.md").write_text("---\ntitle: Care\nslug: aftercare\n---\n\nText.\n",
                                                encoding="utf-8")
    assert run_prepublish(tmp_path / "posts" / "aftercare.md", out=out).html.name == "aftercare.html"
    assert run_prepublish(tmp_path / "drafts" / "aftercare.md", out=out).html.name == "aftercare-2.html"
    assert report_name(tmp_path / "posts" / "care.md", out / "prepublish") == "aftercare-3"
    assert report_name(tmp_path / "drafts" / "aftercare.md", out / "prepublish") == "aftercare-2"
    assert report_name(tmp_path / "posts" / "aftercare.md", out / "prepublish") == "aftercare"


def test_drafts_whose_names_differ_in_case_or_accents_each_keep_their_own_page(tmp_path, monkeypatch):
    """`Case.md` and `case.md`, `café.md` spelt in NFC and in NFD, in one folder: one slug each pair, a page each;
    run again, each draft finds its own page, and with the record of whose page is whose deleted, a run never
    replaces a page it cannot tell is its draft's."""
    _fake_notebook(monkeypatch, [])
    posts, out = tmp_path / "posts", tmp_path / "reports"
    posts.mkdir()
    drafts = [posts / name for name in ("Case.md", "case.md", unicodedata.normalize("NFC", "café.md"),
                                        unicodedata.normalize("NFD", "café.md"))]
    for draft in drafts:
        draft.write_text(f"---\ntitle: {draft.stem}\n---\n\nText of {ascii(draft.name)}.\n", encoding="utf-8")
    if len({p.name for p in posts.iterdir()}) < 4:
        pytest.skip("the file system folds case or accents")
    names = [run_prepublish(draft, out=out).html.name for draft in drafts]
    assert names == ["case.html", "case-2.html", "cafe.html", "cafe-2.html"]
    assert [run_prepublish(draft, out=out).html.name for draft in drafts] == names
    folder = out / "prepublish"
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(names)

    (folder / ".posts.json").unlink()
    assert run_prepublish(drafts[1], out=out).html.name == "case-3.html"
    assert (folder / "case.html").is_file() and (folder / "case-2.html").is_file()
    assert not list(folder.glob("*.edited.*"))
