"""Search Console pages: Pages.csv and the comparison export read, pages matched to posts, the change since the
period before, and the posts that gain and lose traffic named in the monthly report and in `analyze`."""

from __future__ import annotations

import dataclasses
import json
import shutil
import zipfile

import pytest

from smpseo.analysis.traffic import movers, page_slug, post_traffic, with_changes
from smpseo.cli import main
from smpseo.sources.pages import parse_pages, read_pages
from smpseo.sources.queries import QueryFileError, parse_queries
from smpseo.sources.readers import load_posts

from .conftest import FIXTURES

GSC = FIXTURES / "searchconsole"
HUGO = FIXTURES / "hugo"


def test_pages_csv_and_the_comparison_export():
    pages = read_pages(GSC / "Pages.csv")
    assert [(p.clicks, p.impressions, p.ctr, p.position) for p in pages][0] == (40, 1200, 0.0333, 8.1)
    assert all(p.previous is None for p in pages)
    compared = read_pages(GSC / "Pages-compare.csv")
    assert compared[0].clicks == 40 and compared[0].previous.clicks == 25 and compared[0].previous.position == 9.4


def test_queries_comparison_export_is_accepted_too():
    text = ('"Top queries","Last 3 months Clicks","Previous 3 months Clicks","Last 3 months Impressions",'
            '"Previous 3 months Impressions","Last 3 months CTR","Previous 3 months CTR","Last 3 months Position",'
            '"Previous 3 months Position"\n"does smp hurt","3","1","90","40","3.3%","2.5%","7.2","9"\n')
    [q] = parse_queries(text, "Queries.csv")
    assert (q.query, q.clicks, q.impressions, q.position) == ("does smp hurt", 3, 90, 7.2)


@pytest.mark.parametrize("text, fragment", [
    ('"Top queries","Clicks","Impressions","CTR","Position"\n', "p.csv:1: not a Search Console Pages.csv"),
    ('"Top pages","Clicks","Impressions","CTR","Position"\n"/a","x","1","1%","2"\n', "p.csv:2: Clicks is not a"),
    ('"Top pages","A Clicks","B Clicks","A Impressions","B Impressions"\n', "p.csv:1: not a Search Console"),
    ('"Top pages","Clicks","Impressions","CTR","Position"\n"http://[::1/a/","5","100","5%","3"\n',
     "p.csv:2: Top pages is not a page address"),
])
def test_bad_pages_files_name_file_and_line(text, fragment):
    with pytest.raises(QueryFileError) as exc:
        parse_pages(text, "p.csv")
    assert fragment in str(exc.value)


def test_pages_from_the_export_zip_and_its_limits(tmp_path, monkeypatch):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(GSC / "Pages.csv", "Pages.csv")
    assert len(read_pages(archive)) == 4
    import smpseo.sources.searchconsole as sc

    monkeypatch.setattr(sc, "MAX_CSV_BYTES", 100)
    with pytest.raises(QueryFileError, match="bytes unpacked"):
        read_pages(archive)


def test_pages_match_posts_by_address_or_slug_and_add_up():
    assert page_slug("https://x.example/blog/does-smp-hurt/?utm=1") == "does-smp-hurt"
    assert page_slug("/posts/lasting/index.html") == "lasting" and page_slug("https://x.example/") == ""
    posts = load_posts(HUGO / "content")
    rows, unmatched = post_traffic(posts, read_pages(GSC / "Pages.csv"))
    first = next(r for r in rows if r["slug"] == "first")
    assert (first["clicks"], first["impressions"], first["ctr"]) == (42, 1300, round(42 / 1300, 4))
    assert first["position"] == round((8.1 * 1200 + 12 * 100) / 1300, 1)
    assert unmatched == ["https://www.hugoclinic.example/contact/"]
    odd = dataclasses.replace(posts[0], canonical="http://[::1/first/")  # a post's own address, malformed
    rows, _ = post_traffic([odd], read_pages(GSC / "Pages.csv"))
    assert [r["slug"] for r in rows] == [odd.slug]


def test_changes_and_movers_from_last_month_or_the_earlier_range():
    posts = load_posts(HUGO / "content")
    rows, _ = post_traffic(posts, read_pages(GSC / "Pages-compare.csv"))
    changed = with_changes(rows)
    gained, lost = movers(changed)
    assert [r["slug"] for r in gained] == ["first"] and [r["slug"] for r in lost] == ["lasting"]
    assert next(r for r in changed if r["slug"] == "lasting")["position_change"] == pytest.approx(3.2)
    plain, _ = post_traffic(posts, read_pages(GSC / "Pages.csv"))
    last_month = {"first": {"clicks": 50, "impressions": 1000, "ctr": 0.05, "position": 7.0}}
    changed = with_changes(plain, last_month)
    assert next(r for r in changed if r["slug"] == "first")["clicks_change"] == -8
    assert next(r for r in changed if r["slug"] == "lasting")["clicks_change"] is None


def test_monthly_report_names_who_gains_and_loses(tmp_path):
    from smpseo.app.report.monthly import monthly_report
    from smpseo.views.traffic import traffic

    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:  # the ZIP given as queries: its Pages.csv is read too
        z.write(GSC / "Pages-compare.csv", "Pages.csv")
        z.writestr("Queries.csv", '"Top queries","Clicks","Impressions","CTR","Position"\n"smp","1","10","10%","4"\n')
    report = monthly_report("2026-10", posts=site / "content", queries=archive)
    data = report.summary.traffic
    assert data.gained == ("first",) and data.lost == ("lasting",) and data.unmatched_pages == 1
    html = traffic(report)._repr_html_()
    assert "Gaining traffic: Does scalp micropigmentation hurt? (+15 clicks)" in html
    assert "Losing traffic: How long does SMP last (-7 clicks)" in html
    assert {p.slug for p in report.summary.posts} == {"first", "lasting"}  # no draft, no _index.md


def test_analyze_with_pages(tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    monkeypatch.chdir(site)
    assert main(["analyze", "content", "--format", "json", "--pages", str(GSC / "Pages-compare.csv")]) == 0
    rows = {r["slug"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["first"]["clicks"], rows["first"]["clicks_change"]) == (40, 15)
    assert rows["lasting"]["impressions_change"] == -110
    bad = tmp_path / "bad.csv"
    bad.write_text('"Top pages","Clicks"\n', encoding="utf-8")
    assert main(["analyze", "content", "--pages", str(bad)]) == 2
    assert capsys.readouterr().err.strip().startswith(f"smpseo: error: {bad}:1: not a Search Console Pages.csv")


def test_report_refuses_a_bad_pages_file_before_starting(tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    monkeypatch.chdir(site)
    bad = site / "Pages.csv"
    bad.write_text('"Top queries","Clicks","Impressions","CTR","Position"\n', encoding="utf-8")
    assert main(["report", "monthly", "--posts", "content", "--pages", "Pages.csv", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "smpseo: error: Pages.csv:1: not a Search Console Pages.csv: header is " \
                          '"Top queries","Clicks","Impressions","CTR","Position", expected ' \
                          '"Top pages","Clicks","Impressions","CTR","Position"'
    assert not (site / "out").exists()
    assert main(["report", "monthly", "--posts", "content", "--pages", "nowhere.csv"]) == 2
    assert "nowhere.csv: pages file not found" in capsys.readouterr().err


def _days(first: str, count: int) -> str:
    from datetime import date, timedelta

    start = date.fromisoformat(first)
    rows = [f'"{(start + timedelta(days=k)).isoformat()}","1","10","10%","4"' for k in range(count)]
    return '"Date","Clicks","Impressions","CTR","Position"\n' + "\n".join(reversed(rows)) + "\n"


@pytest.mark.parametrize(("first", "count", "warned"), [
    ("2026-10-01", 31, None),  # the month itself
    ("2026-10-04", 28, None),  # the last 28 days, downloaded on the 1st
    ("2026-08-01", 92, "covers 2026-08-01 to 2026-10-31, not 2026-10"),  # "Last 3 months"
    ("2026-09-01", 30, "covers 2026-09-01 to 2026-09-30, not 2026-10"),  # last month's, downloaded again
])
def test_an_export_for_other_days_than_the_month_is_said_to_be(tmp_path, first, count, warned):
    """The export's Dates.csv says which days its figures are of: a scheduled report given last quarter's export,
    or last month's again, shows them as this month's, with one warning line naming the file."""
    from smpseo.app.report.monthly import monthly_report

    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("Queries.csv", '"Top queries","Clicks","Impressions","CTR","Position"\n"smp","1","10","10%","4"\n')
        z.writestr("Dates.csv", _days(first, count))
    report = monthly_report("2026-10", posts=site / "content", queries=archive)
    said = [e for e in report.summary.read_errors if e.path == str(archive)]
    if warned is None:
        assert said == []
    else:
        [one] = said
        assert one.severity == "warning" and warned in one.message and one.line == 0


YEAR_AGO = ("Top pages,10/1/26 - 10/31/26 Clicks,10/1/25 - 10/31/25 Clicks,10/1/26 - 10/31/26 Impressions,"
            "10/1/25 - 10/31/25 Impressions,10/1/26 - 10/31/26 CTR,10/1/25 - 10/31/25 CTR,10/1/26 - 10/31/26 "
            "Position,10/1/25 - 10/31/25 Position\n"
            "https://www.hugoclinic.example/posts/first/,40,25,\"1,200\",900,3.33%,2.78%,8.1,9.4\n")


def test_a_year_over_year_export_names_the_earlier_range_s_days(tmp_path):
    """A comparison export of October against the October a year before is said to be compared with that October,
    by the days its header gives, never as "the period before"."""
    from smpseo.app.report.monthly import monthly_report
    from smpseo.views.traffic import traffic

    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    (tmp_path / "Pages.csv").write_text(YEAR_AGO, encoding="utf-8")
    assert read_pages(tmp_path / "Pages.csv").ranges == ("10/1/26 - 10/31/26", "10/1/25 - 10/31/25")
    report = monthly_report("2026-10", posts=site / "content", pages=tmp_path / "Pages.csv")
    data = report.summary.traffic
    assert (data.compared_range, data.compared_from, data.compared_to) == \
        ("10/1/25 - 10/31/25", "2025-10-01", "2025-10-31")
    assert report.summary.to_dict()["traffic"]["compared_from"] == "2025-10-01"
    assert ("Gaining traffic: Does scalp micropigmentation hurt? (+15 clicks). Changes are against 1-31 October "
            "2025 (the earlier date range of the export).") in traffic(report)._repr_html_()


def test_last_month_s_report_is_named_by_its_month(tmp_path):
    from smpseo.app.report.monthly import monthly_report
    from smpseo.views.traffic import movers_line

    site = tmp_path / "site"
    shutil.copytree(HUGO, site)
    september = monthly_report("2026-09", posts=site / "content", pages=GSC / "Pages.csv").summary.to_dict()
    october = monthly_report("2026-10", posts=site / "content", pages=GSC / "Pages.csv", previous=september)
    assert movers_line(october.summary.traffic) == \
        "No post's clicks changed. Changes are against September 2026 (last month's report)."


@pytest.mark.parametrize(("name", "days"), [
    ("10/1/25 - 10/31/25", ("2025-10-01", "2025-10-31", "1-31 October 2025")),
    ("2025-10-01 - 2025-10-31", ("2025-10-01", "2025-10-31", "1-31 October 2025")),
    ("Sep 4, 2026 - Oct 1, 2026", ("2026-09-04", "2026-10-01", "4 September - 1 October 2026")),
    ("12/28/25 - 1/3/26", ("2025-12-28", "2026-01-03", "28 December 2025 - 3 January 2026")),
    ("Previous 28 days", None),  # no days in the name: said by it
    ("13/1/25 - 13/31/25", None),  # no month 13
    ("10/31/25 - 10/1/25", None),
])
def test_a_comparison_range_s_name_gives_its_days(name, days):
    from smpseo.core.months import days_title
    from smpseo.sources.exportdates import range_days

    found = range_days(name)
    assert (found and (found[0].isoformat(), found[1].isoformat(), days_title(*found))) == (days or None)
