"""Which files of a site's folder are its posts: smpseo's own reports never are, and what a user names is read."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from smpseo.app.report.index import write_index
from smpseo.cli import main
from smpseo.sources.readers import load_posts

POST = "---\ntitle: {title}\ndescription: {title}, answered for clinics.\n---\n\nA short answer about {title}.\n"
# A report as `smpseo report monthly` wrote it before its pages carried smpseo's mark: known by its folder.
OLD_REPORT = "<html><head><title>SEO report October 2026</title></head><body><h1>SEO report</h1>" \
             "<h2>To do, in this order</h2><p>Answer: does SMP hurt?</p></body></html>"


def _site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_smpseo_s_own_reports_in_a_site_are_never_its_posts(tmp_path, capsys, monkeypatch):
    """`smpseo check .` at a site root read last month's report pages as posts (SEO206 "No meta description" on
    reports/2026-10/monthly_report.html and reports/index.html), and `gaps .` answered topics with them."""
    site = _site(tmp_path, {"smpseo.toml": '[site]\nname = "Inkline"\n',
                            "content/posts/aftercare.md": POST.format(title="SMP aftercare"),
                            "reports/2026-10/monthly_report.html": OLD_REPORT,
                            "reports/2026-10/summary.json": '{"schema": 1}\n'})
    write_index(site / "reports")  # the index as written now: it carries smpseo's mark
    corpus = load_posts(site)
    assert [p.path for p in corpus] == [str(site / "content/posts/aftercare.md")]
    assert [(e.path, e.message, e.severity) for e in corpus.errors] == [
        (str(site), f"1 folder of smpseo's own reports left out ({site / 'reports'}): name a report to check it",
         "info")]
    monkeypatch.chdir(site)
    assert main(["check", "."]) == 0
    assert "reports/" not in capsys.readouterr().out
    # named on its own, a report is read: the user asked for that file
    assert [p.title for p in load_posts(site / "reports/2026-10/monthly_report.html")] == ["SEO report October 2026"]


def test_a_page_smpseo_wrote_is_known_by_its_mark_wherever_it_is(tmp_path):
    folder = _site(tmp_path, {"posts/aftercare.md": POST.format(title="SMP aftercare")})
    write_index(folder / "posts")  # a reports index moved among the posts
    corpus = load_posts(folder / "posts")
    assert [p.title for p in corpus] == ["SMP aftercare"]
    assert [(e.message, e.severity) for e in corpus.errors] == [
        ("1 smpseo report left out; name one to check it", "info")]
    (named,) = load_posts(folder / "posts" / "index.html")
    assert named.title == "SEO reports" and named.not_a_post == "smpseo report"
    template = Path(__file__).parents[1] / "smpseo/views/templates/smpseo_report/index.html.j2"
    assert '<meta name="generator" content="smpseo">' in template.read_text(encoding="utf-8")


def test_the_default_reports_folder_of_a_site_read_whole_is_the_site_s_own(tmp_path, monkeypatch):
    """`smpseo init` at a site root suggests `report monthly --posts .`, which wrote the reports in the folder
    above the site; a folder of posts only still keeps them out of itself (its generator would publish them)."""
    from smpseo.cli.report import _out_folder

    site = _site(tmp_path / "site", {"hugo.toml": 'title = "Inkline"\n',
                                     "content/posts/aftercare.md": POST.format(title="SMP aftercare")})
    monkeypatch.chdir(site)
    assert _out_folder(SimpleNamespace(kind="monthly", posts=".", out="reports")) == "reports"
    monkeypatch.chdir(site / "content/posts")
    assert Path(_out_folder(SimpleNamespace(kind="monthly", posts=".", out="reports"))) == \
        (site / "content/reports").resolve()


def test_two_posts_sharing_a_slug_keep_their_own_findings_in_the_monthly_summary(tmp_path):
    """Two posts with one slug (a post and its copy in another section) were joined by slug: each showed the
    findings of both ("findings: 3" twice), and the month's comparison and to-do list took them for one post."""
    from smpseo.analysis.metrics import post_metrics
    from smpseo.app.report.summary import build_summary, compare, todo

    posts_dir = _site(tmp_path, {"a/does-smp-hurt.md": POST.format(title="Does SMP hurt?"),
                                 "b/does-smp-hurt.md": POST.format(title="Does SMP hurt at all?")})
    corpus = load_posts(posts_dir)
    assert [p.slug for p in corpus] == ["does-smp-hurt", "does-smp-hurt"]
    a, b = (str(posts_dir / name / "does-smp-hurt.md") for name in "ab")
    findings = [{"rule": "RD109", "severity": "warning", "path": a, "line": 6, "message": "Long sentence"},
                {"rule": "SEO206", "severity": "error", "path": a, "line": 1, "message": "No meta description"},
                {"rule": "LOC301", "severity": "error", "path": b, "line": 6, "message": "Phone written wrongly"}]
    summary = build_summary("2026-10", corpus, [post_metrics(p) for p in corpus], findings=findings,
                            posts_root=posts_dir)
    assert [(p["path"], p["findings"]) for p in summary["posts"]] == [("a/does-smp-hurt.md", 2),
                                                                      ("b/does-smp-hurt.md", 1)]
    previous = {**summary, "posts": [{**p, "words": p["words"] - 1} for p in summary["posts"]]}
    changes = compare(previous, summary)
    assert changes["new_posts"] == [] and changes["removed_posts"] == []
    assert [(d["path"], d["metric"]) for d in changes["score_deltas"]] == [("a/does-smp-hurt.md", "words"),
                                                                          ("b/does-smp-hurt.md", "words")]
    phone = next(item for item in todo(summary) if "LOC301" in item["why"])
    assert phone["why"] == "Phone written wrongly (LOC301, error) in \u201cDoes SMP hurt at all?\u201d"
    assert phone["path"] == "b/does-smp-hurt.md"


HUGO = 'title = "Inkline"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n'


def test_a_hugo_translation_is_left_out_and_a_name_with_a_dot_is_not_one(tmp_path):
    """`pain.fr.md` beside `pain.md` and a bundle's `index.fr.md` were checked as English posts, got slugs like
    "index-fr", and raised "slug 'pain' is also the slug of ...pain.fr.md"."""
    site = _site(tmp_path, {"hugo.toml": HUGO,
                            "content/posts/pain.md": POST.format(title="Does SMP hurt?"),
                            "content/posts/pain.fr.md": POST.format(title="La SMP fait-elle mal ?"),
                            "content/posts/how-long/index.md": POST.format(title="How long does SMP last?"),
                            "content/posts/how-long/index.fr.md": POST.format(title="Combien de temps dure la SMP ?"),
                            "content/posts/faq.en.md": POST.format(title="SMP questions"),
                            "content/posts/v2.md": POST.format(title="SMP, second look"),
                            "content/posts/notes.md.md": POST.format(title="SMP notes")})
    for given in (site, site / "content/posts"):
        corpus = load_posts(given)
        assert sorted(p.slug for p in corpus) == ["faq", "how-long", "notes-md", "pain", "v2"]
        assert [(e.path, e.message, e.severity) for e in corpus.errors] == [
            (str(given), "2 translations left out (index.fr.md, pain.fr.md): name one to check it", "info")]
    (named,) = load_posts(site / "content/posts/how-long/index.fr.md")
    assert (named.slug, named.title) == ("how-long", "Combien de temps dure la SMP ?")
    # on a French site, the French files are the posts and the English ones the translations
    (site / "hugo.toml").write_text(HUGO.replace('"en"', '"fr"'), encoding="utf-8")
    assert sorted(Path(p.path).name for p in load_posts(site)) == [
        "index.fr.md", "index.md", "notes.md.md", "pain.fr.md", "pain.md", "v2.md"]


def test_a_hugo_site_s_pages_are_not_posts(tmp_path):
    """`content/about.md` of a site whose posts are in `content/posts` was checked as a post, and gave every post
    a SITE406 for the page that links to none of them."""
    page = "---\ntitle: About us\n---\n\nWe are a studio in Perth.\n"
    site = _site(tmp_path, {"hugo.toml": HUGO,
                            "content/_index.md": "---\ntitle: Home\n---\n",
                            "content/about.md": page,
                            "content/services/smp.md": page.replace("About us", "Our SMP"),
                            "content/news.md": "---\ntitle: SMP news\ntype: post\n---\n\nNews of the studio.\n",
                            "content/posts/pain.md": POST.format(title="Does SMP hurt?"),
                            "content/posts/cost.md": POST.format(title="What SMP costs")})
    for given in (site, site / "content"):
        corpus = load_posts(given)
        assert [p.title for p in corpus] == ["SMP news", "What SMP costs", "Does SMP hurt?"]
        assert [e.message for e in corpus.errors] == [
            "2 site pages left out (about.md, smp.md): name one to check it", "1 section page left out"]
    # `mainSections` names the sections of posts, as Hugo's themes read it
    (site / "hugo.toml").write_text(HUGO.replace("[languages.en]", '[params]\nmainSections = ["services"]\n'
                                                                   "[languages.en]"), encoding="utf-8")
    assert sorted(p.title for p in load_posts(site)) == ["Our SMP", "SMP news"]
    assert [p.title for p in load_posts(site / "content/about.md")] == ["About us"]


def test_a_report_page_an_earlier_version_wrote_is_no_post(tmp_path):
    """Pages written before smpseo's pages carried `<meta name="generator">` were checked as posts at a site's root
    (a failing check after an upgrade): they are known by the style sheet every smpseo report has carried."""
    from smpseo.sources.readers import load_posts

    style = "/* A report to read, not a notebook to edit: a readable column, no prompts. */"
    page = (f"<html><head><title>Pre-publish check: a.md</title><style>{style}</style></head>"
            "<body class='jp-Notebook'><main><p>Readability: good. Keyphrase: placed well in the title.</p>"
            "</main></body></html>")
    (tmp_path / "reports" / "prepublish").mkdir(parents=True)
    (tmp_path / "reports" / "prepublish" / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "notebook.html").write_text(page.replace(style, "body { margin: 0 }"), encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert [p.path.rsplit("/", 1)[-1] for p in corpus] == ["notebook.html"]  # another notebook's page is a post
    assert any("smpseo report" in e.message for e in corpus.errors), corpus.errors
