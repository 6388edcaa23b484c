"""A day written in numbers ("3/15/2025", "15/03/2025", "15.03.25") in front matter or a dump's dateline: read when
one part can only be the day, read as the clinic's country writes it when both could be ("3/4/2025"), and said to
be ambiguous at its line (never guessed) when the settings do not give the country."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smpseo.app.report.monthly import monthly_report
from smpseo.cli import main
from smpseo.core.months import AmbiguousDay, numeric_day
from smpseo.sources.readers import load_posts
from smpseo.sources.readers.datefields import day_first_in, days_read_as

MARCH_15 = dt.date(2025, 3, 15)


@pytest.mark.parametrize("text", ["3/15/2025", "3/15/25", "15/03/2025", "15/3/25", "15.03.2025", "03-15-2025"])
def test_a_day_over_twelve_says_which_part_is_the_day(text):
    assert numeric_day(text) == MARCH_15
    assert numeric_day(text, True) == numeric_day(text, False) == MARCH_15


@pytest.mark.parametrize("text", ["2025-03-15", "15/15/2025", "2/30/2025", "3/15", "March 15, 2025", "1/2/3/2025"])
def test_what_is_no_day_in_numbers_is_none(text):
    assert numeric_day(text, True) is None


def test_an_ambiguous_day_follows_the_order_given_and_is_never_guessed():
    assert numeric_day("3/4/2025", day_first=True) == dt.date(2025, 4, 3)
    assert numeric_day("3/4/2025", day_first=False) == dt.date(2025, 3, 4)
    assert numeric_day("5/5/2025") == dt.date(2025, 5, 5)  # the same day either way
    with pytest.raises(AmbiguousDay) as raised:
        numeric_day("3/4/2025")
    assert raised.value.days == (dt.date(2025, 3, 4), dt.date(2025, 4, 3))


@pytest.mark.parametrize("country, first", [("United States", False), ("USA", False), ("us", False),
                                            ("United Kingdom", True), ("UK", True), ("Canada", True),
                                            ("Australia", True), ("Deutschland", True), ("", None), ("  ", None)])
def test_the_country_says_which_way_round_a_day_is_written(country, first):
    assert day_first_in(country) is first


def _post(folder, name, date):
    (folder / name).write_text(f"---\ntitle: Healing week {name}\ndate: {date}\n---\n\nThe first week is the "
                               "hardest. Keep the scalp dry and out of the sun.\n", encoding="utf-8")


def test_front_matter_and_a_dump_s_dateline_read_a_day_in_numbers(tmp_path):
    _post(tmp_path, "us.md", "3/15/2025")
    _post(tmp_path, "short.md", "3/15/25")
    _post(tmp_path, "uk.md", "15/03/2025")
    dump = tmp_path / "dump.txt"
    dump.write_text("Our first post\nPosted on 3/15/2025\n\nThe first week is the hardest for most of our clients "
                    "here.\n", encoding="utf-8")
    corpus = load_posts(tmp_path, dump)
    assert {p.path.rsplit("/", 1)[-1]: p.date for p in corpus} == {
        "us.md": MARCH_15, "short.md": MARCH_15, "uk.md": MARCH_15, "dump.txt": MARCH_15}
    assert not corpus.errors
    assert all(b.text != "Posted on 3/15/2025" for p in corpus for b in p.blocks)  # the dateline is no heading


def test_an_ambiguous_day_is_one_line_at_its_line_and_left_unread(tmp_path):
    _post(tmp_path, "a.md", "3/4/2025")
    dump = tmp_path / "dump.txt"
    dump.write_text("Our first post\nPublished: 3/4/2025\n\nThe first week is the hardest for most of our clients "
                    "here.\n", encoding="utf-8")
    corpus = load_posts(tmp_path, dump)
    assert [p.date for p in corpus] == [None, None]
    said = sorted((e.path.rsplit("/", 1)[-1], e.line, e.severity) for e in corpus.errors)
    assert said == [("a.md", 3, "warning"), ("dump.txt", 2, "warning")]
    assert all("'3/4/2025' is ambiguous (4 March 2025 or 3 April 2025)" in e.message for e in corpus.errors)
    with days_read_as(True):
        again = load_posts(tmp_path, dump)
    assert [p.date for p in again] == [dt.date(2025, 4, 3)] * 2 and not again.errors


@pytest.mark.parametrize("country, day", [("United States", dt.date(2025, 3, 4)), ("Ireland", dt.date(2025, 4, 3))])
def test_the_check_reads_an_ambiguous_day_as_the_clinic_s_country_writes_it(tmp_path, monkeypatch, capsys, country,
                                                                           day):
    posts = tmp_path / "posts"
    posts.mkdir()
    _post(posts, "a.md", "3/4/2025")
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-cache", "--format", "json", "--exit-zero", "posts"])
    assert any("ambiguous" in e["message"] for e in json.loads(capsys.readouterr().out)["errors"])
    (tmp_path / "smpseo.toml").write_text(f'[site]\nname = "Ink"\ncity = "Cork"\ncountry = "{country}"\n',
                                          encoding="utf-8")
    main(["check", "--format", "json", "--exit-zero", "posts"])  # the cache of the run without a country is not used
    assert not any("ambiguous" in e["message"] for e in json.loads(capsys.readouterr().out)["errors"])
    # the month's report counts the post in the month the clinic meant
    report = monthly_report(f"{day.year}-{day.month:02d}", posts=posts, config=tmp_path / "smpseo.toml")
    assert len(report.summary.to_dict()["posts"]) == 1
    earlier = monthly_report(f"{day.year}-{day.month - 1:02d}", posts=posts, config=tmp_path / "smpseo.toml")
    assert not earlier.summary.to_dict()["posts"]


def test_gaps_read_an_ambiguous_day_as_check_does(tmp_path):
    """The gaps report and the pre-publish page read the blog as `check` reads it: with the clinic's country given,
    an ambiguous day is read, not said to be ambiguous."""
    import smpseo
    from smpseo.core.settings import Config, Site

    _post(tmp_path, "a.md", "3/4/2025")
    _post(tmp_path, "b.md", "3/15/2025")
    unset = smpseo.gaps(str(tmp_path), config=Config(site=Site(name="Ink", city="Cork")))
    assert any("ambiguous" in str(e) for e in unset.errors)
    ireland = smpseo.gaps(str(tmp_path), config=Config(site=Site(name="Ink", city="Cork", country="Ireland")))
    assert not any("ambiguous" in str(e) for e in ireland.errors)


@pytest.mark.parametrize("field", ["lastmod", "updated", "modified", "last_modified_at", "updatedDate"])
def test_an_ambiguous_day_it_was_last_changed_is_said_as_an_ambiguous_date_is(tmp_path, field):
    from smpseo.analysis.jsonld import blog_posting

    (tmp_path / "a.md").write_text(f"---\ntitle: Aftercare\ndate: 2025-01-02\n{field}: 3/4/2025\n---\nKeep the scalp "
                                   "dry for four days.\n", encoding="utf-8")
    corpus = load_posts(tmp_path)
    assert [(e.line, e.severity) for e in corpus.errors] == [(4, "warning")]
    assert f"'{field}' '3/4/2025' is ambiguous (4 March 2025 or 3 April 2025); ignored" in corpus.errors[0].message
    assert blog_posting(corpus[0])["dateModified"] == "2025-01-02"  # left unread: the day it was published stands
    with days_read_as(False):
        again = load_posts(tmp_path)
        assert not again.errors and blog_posting(again[0])["dateModified"] == "2025-03-04"
