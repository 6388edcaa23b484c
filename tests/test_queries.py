from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import smpseo
from smpseo.sources.queries import QueryFileError, parse_queries, read_queries

EXAMPLE = Path(smpseo.__file__).parent / "data" / "examples" / "Queries.csv"
HEADER = '"Top queries","Clicks","Impressions","CTR","Position"\n'


def test_example_export():
    rows = read_queries(EXAMPLE)
    assert len(rows) >= 40
    first = rows[0]
    assert first.query == "scalp micropigmentation vancouver"
    assert first.impressions == 3870 and first.clicks == 142
    assert first.ctr == pytest.approx(0.0367) and first.position == pytest.approx(6.4)


def test_zip_export(tmp_path):
    z = tmp_path / "performance.zip"
    with zipfile.ZipFile(z, "w") as archive:
        archive.writestr("Pages.csv", '"Top pages","Clicks","Impressions","CTR","Position"\n')
        archive.writestr("Queries.csv", HEADER + '"does smp hurt","38","1,905","2%","7.9"\n')
    rows = read_queries(z)
    assert rows[0].impressions == 1905 and rows[0].is_question


def test_zip_without_queries(tmp_path):
    z = tmp_path / "export.zip"
    with zipfile.ZipFile(z, "w") as archive:
        archive.writestr("Pages.csv", "x")
    with pytest.raises(QueryFileError, match="no Queries.csv"):
        read_queries(z)


@pytest.mark.parametrize("entries, named", [
    (["a/Queries.csv", "b/Queries.csv"], "'a/Queries.csv' and 'b/Queries.csv'"),
    (["Queries.csv", "Queries.csv"], "'Queries.csv' (entry 2) and 'Queries.csv' (entry 3)"),
])
def test_a_zip_with_two_queries_files_is_refused_naming_both(tmp_path, entries, named):
    """Two exports zipped together, or a table added twice: which is meant cannot be told, and one was read without
    a word. The ZIP is refused, naming both."""
    import warnings

    z = tmp_path / "export.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(z, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile's "Duplicate name"
        archive.writestr("Pages.csv", '"Top pages","Clicks","Impressions","CTR","Position"\n')
        for n, entry in enumerate(entries):
            archive.writestr(entry, HEADER + f'"does smp hurt","{n}","1,905","2%","7.9"\n')
    with pytest.raises(QueryFileError) as exc:
        read_queries(z)
    assert str(exc.value) == (f"{z}: the ZIP holds 2 Queries.csv, {named}; an export holds one: pass the one to use, "
                              "unzipped, or the export as downloaded")


@pytest.mark.parametrize("text, fragment", [
    ('"Top pages","Clicks","Impressions","CTR","Position"\n', "q.csv:1: not a Search Console Queries.csv"),
    (HEADER + '"smp","x","3","1%","2"\n', "q.csv:2: Clicks is not a number"),
    (HEADER + '"smp","1","3"\n', "q.csv:2: expected 5 columns"),
    ("", "empty file"),
    (HEADER + '"smp","1.5","3","1%","2"\n', "q.csv:2: Clicks is not a whole number: '1.5'"),
    # A control character inside a figure is damage, not a thousands separator: "1\0" "42" once read as 142.
    (HEADER + '"smp","1\0","42","1%","2"\n', "q.csv:2: Clicks is not a number: '1\\x00'"),
    (HEADER + '"smp","1","4\x002","1%","2"\n', "q.csv:2: Impressions is not a number: '4\\x002'"),
    (HEADER + '"smp","1","42","1\x0c%","2"\n', "q.csv:2: CTR is not a number"),
    (HEADER + '"smp","1","42","1%","2\x1b"\n', "q.csv:2: Position is not a number"),
])
def test_errors_name_file_and_line(text, fragment):
    with pytest.raises(QueryFileError) as exc:
        parse_queries(text, "q.csv")
    assert fragment in str(exc.value)


def test_numbers_as_spreadsheets_in_other_languages_write_them():
    [row] = parse_queries(HEADER + '"smp cost","1.234","12.345","5,2%","7,2"\n')
    assert (row.clicks, row.impressions, row.ctr, row.position) == (1234, 12345, 0.052, 7.2)
    [row] = parse_queries(HEADER + '"smp cost","1,234","1 234 567","5.2%","7.25"\n')
    assert (row.clicks, row.impressions, row.ctr, row.position) == (1234, 1234567, 0.052, 7.25)


def test_a_control_character_in_a_query_is_dropped_as_in_any_text():
    [row] = parse_queries(HEADER + '"scalp micropigmentation vanc\x00ouver","142","3,870","3.67%","6.4"\n')
    assert (row.query, row.clicks, row.impressions) == ("scalp micropigmentation vancouver", 142, 3870)


def test_bom_and_question_style():
    rows = parse_queries("\ufeff" + HEADER + '"Why does SMP fade","0","12","0%","40.5"\n"smp cost","1","2","50%","3"\n')
    assert [r.is_question for r in rows] == [True, False]


def test_gaps_accepts_queries_already_read():
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    report = smpseo.gaps(str(posts), queries=[Query("does smp hurt", 5, 900, 0.005, 7.0),
                                               {"query": "can smp be removed", "impressions": 300, "clicks": 1},
                                               Query("can i tattoo my eyebrows", 0, 40, 0.0, 30.0)])
    assert report["pain"].impressions == 900
    assert report["removal_regret"].impressions == 300 and report.topics[0].id == "removal_regret"
    assert [c.query for c in report.candidates] == ["can i tattoo my eyebrows"]


@pytest.mark.parametrize("delimiter, encoding", [(";", "utf-8"), ("\t", "utf-16"), (",", "utf-16"), (";", "utf-32")])
def test_an_export_saved_again_by_a_spreadsheet_is_read(tmp_path, delimiter, encoding):
    """Excel in a language with a decimal comma saves CSV with semicolons; its "Unicode text" is UTF-16 with tabs."""
    rows = [["Top queries", "Clicks", "Impressions", "CTR", "Position"], ["does smp hurt", "12", "1.234", "0,97%", "3,5"],
            ["smp cost; payment plans", "0", "80", "0%", "9"]]
    text = "\n".join(delimiter.join(f'"{cell}"' for cell in row) for row in rows) + "\n"
    path = tmp_path / "Queries.csv"
    path.write_text(text, encoding=encoding)
    got = read_queries(path)
    assert [(q.query, q.clicks, q.impressions, q.ctr, q.position) for q in got] == [
        ("does smp hurt", 12, 1234, 0.0097, 3.5), ("smp cost; payment plans", 0, 80, 0.0, 9.0)]


def test_control_characters_and_overrides_in_an_export_are_cleaned_where_they_enter():
    [row] = parse_queries(HEADER + '"how do i \x1b[31mbecome an smp artist \u202e","0","80","0%","9"\n')
    assert row.query == "how do i [31mbecome an smp artist"


def test_a_list_of_queries_with_a_non_query_in_it_is_refused_by_name():
    import pytest

    from smpseo.sources.queries import _coerce

    with pytest.raises(TypeError, match="each query must be .* not int"):
        _coerce(["smp cost", 7])


def test_a_query_dict_with_a_count_that_is_not_a_number_is_refused_by_name():
    import pytest

    from smpseo.sources.queries import _coerce

    with pytest.raises(ValueError, match="clicks must be a whole number, not 'lots'"):
        _coerce([{"query": "smp cost", "clicks": "lots"}])


def test_a_search_in_another_currency_or_naming_the_region_or_country_counts_where_the_city_would(tmp_path):
    """A clinic in Dublin: "how much is smp in euro" is demand for what SMP costs as "... in dollars" was, and
    "scalp micropigmentation ireland" for where to have it as "... dublin" was; before, both were left unmapped."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Liffey SMP", city="Dublin", region="Leinster", country="Ireland"))
    rows = [Query(q, 1, 100, 0.01, 9.0) for q in ("how much is smp in euro", "how much is smp in pounds",
                                                   "scalp micropigmentation ireland", "scalp micropigmentation leinster",
                                                   "scalp micropigmentation dublin")]
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    assert report["cost"].queries == ["how much is smp in euro", "how much is smp in pounds"]
    assert sorted(report["local_provider"].queries) == ["scalp micropigmentation dublin",
                                                        "scalp micropigmentation ireland",
                                                        "scalp micropigmentation leinster"]
    elsewhere = smpseo.gaps(str(posts), queries=rows[2:3], config=Config(site=Site(city="Toronto", country="Canada")))
    assert elsewhere["local_provider"].queries == []


def test_a_search_naming_another_studio_s_city_counts_as_one_naming_the_main_city():
    """A clinic in Vancouver with studios in Surrey and Kelowna: "smp surrey" asks where to have it as "smp
    vancouver" does, and "how much is smp in surrey" what it costs; before, both were left unmapped. A city the
    clinic has no studio in still counts nowhere."""
    from smpseo.core.settings import Config, Location, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Line SMP", city="Vancouver", region="British Columbia", country="Canada",
                              locations=[Location(city="Surrey"), Location(city="Kelowna", region="BC")]))
    rows = [Query(q, 1, 100, 0.01, 9.0) for q in ("scalp micropigmentation surrey", "smp kelowna",
                                                   "scalp micropigmentation vancouver", "how much is smp in surrey",
                                                   "scalp micropigmentation toronto")]
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    assert sorted(report["local_provider"].queries) == ["scalp micropigmentation surrey",
                                                        "scalp micropigmentation vancouver", "smp kelowna"]
    assert report["cost"].queries == ["how much is smp in surrey"]
    assert [c.query for c in report.unmatched] == ["scalp micropigmentation toronto"]


@pytest.mark.parametrize("country, region, search", [
    ("United Kingdom", "West Yorkshire", "scalp micropigmentation cost uk"),
    ("UK", "", "smp cost britain"), ("United States", "Arizona", "smp cost az"),
    ("Canada", "British Columbia", "smp price bc"), ("Australia", "QLD", "smp cost queensland"),
])
def test_a_search_naming_the_region_or_country_by_another_of_its_names_counts_there(country, region, search):
    """Searchers write "uk", "az" or "bc" for the country or region the settings spell out, and the reverse."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Line SMP", city="Leeds", region=region, country=country))
    rows = [Query(search, 1, 100, 0.01, 9.0), Query("smp on sale", 1, 50, 0.01, 9.0)]  # "on": no place
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    assert report["cost"].queries == [search]
    assert [c.query for c in report.unmatched] == ["smp on sale"]


def test_a_question_counts_for_the_topic_asked_the_same_way():
    """"how much is smp in leeds" names only the place, which "Where can I get SMP in Leeds?" is all about too; it
    asks "how much", as the cost question does, and counts there."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Line SMP", city="Leeds", country="United Kingdom"))
    rows = [Query("how much is smp in leeds", 7, 200, 0.035, 6.2), Query("smp leeds", 1, 100, 0.01, 9.0)]
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    assert (report["cost"].queries, report["local_provider"].queries) == (["how much is smp in leeds"],
                                                                          ["smp leeds"])


@pytest.mark.parametrize("country, region, here, elsewhere", [
    ("US", "CA", "scalp micropigmentation california", "scalp micropigmentation canada"),
    ("Canada", "Ontario", "scalp micropigmentation canada", "scalp micropigmentation california"),
    ("CA", "ON", "smp cost ca", "smp cost cali"),
])
def test_a_code_is_read_as_the_place_of_its_kind(country, region, here, elsewhere):
    """"CA" is Canada's code and California's: a Californian clinic's region "CA" took searches for Canada as
    local demand and left "california" out."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Line SMP", city="Fresno", region=region, country=country))
    rows = [Query(here, 1, 100, 0.01, 9.0), Query(elsewhere, 1, 90, 0.01, 9.0)]
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    counted = report["local_provider"].queries + report["cost"].queries
    assert here in counted and elsewhere not in counted


@pytest.mark.parametrize("country, region, here, elsewhere", [
    ("Australia", "WA", "smp cost western australia", "smp cost washington state"),
    ("US", "WA", "smp cost washington", "smp cost western australia"),
    ("Canada", "ON", "smp cost ontario", "smp cost on sale"),
])
def test_a_region_code_is_read_as_a_region_of_the_clinic_s_country(country, region, here, elsewhere):
    """"WA" is Western Australia's code and Washington's: a Perth clinic took searches for Washington as local
    demand. "ON" is Ontario's, but a search's "on" is no place: an Ontario clinic's "smp on sale" was local and
    "smp ontario" was not."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    config = Config(site=Site(name="Line SMP", city="Perth", region=region, country=country))
    rows = [Query(here, 1, 100, 0.01, 9.0), Query(elsewhere, 1, 90, 0.01, 9.0)]
    report = smpseo.gaps(str(posts), queries=rows, config=config)
    assert report["cost"].queries == [here]


def test_a_search_naming_another_studio_s_place_is_local_demand_as_one_naming_the_main_city_is():
    """A clinic in Dublin with a second studio in Cork: "scalp micropigmentation cork" and "smp cost cork" asked
    where to have it, and what it costs, near a studio of the clinic, but counted for no topic, while the same
    searches naming Dublin counted; a place no studio is in stays no local demand."""
    from smpseo.core.settings import Config, Location, Site
    from smpseo.sources.queries import Query

    posts = Path(__file__).parent / "fixtures" / "gaps" / "posts"
    site = Site(name="Inkline Scalp Studio", city="Dublin", country="Ireland",
                locations=[Location(city="Cork", region="County Cork")])
    rows = [Query("scalp micropigmentation cork", 9, 410, 0.02, 6.1), Query("smp cost cork", 1, 90, 0.01, 9.0),
            Query("smp price county cork", 1, 80, 0.01, 9.0), Query("smp cost galway", 1, 70, 0.01, 9.0)]
    report = smpseo.gaps(str(posts), queries=rows, config=Config(site=site))
    assert report["local_provider"].queries == ["scalp micropigmentation cork"]
    assert report["cost"].queries == ["smp cost cork", "smp price county cork"]


def test_a_search_in_the_words_of_a_topic_is_not_mended_into_other_words(tmp_path):
    """"aftercare" is a word of the aftercare topic, but no post of a young blog writes it and the word list does
    not hold it: "smp aftercare" was mended into "smp after care" and counted for no topic."""
    from smpseo.core.settings import Config, Site
    from smpseo.sources.queries import Query

    (tmp_path / "a.md").write_text("---\ntitle: Does SMP hurt?\n---\n\nMost clients feel a mild scratching. We "
                                   "take breaks when you need them, and numbing cream helps.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: How long does SMP last?\n---\n\nSMP lasts four to six years before "
                                   "it needs a top-up. Sun fades the pigment.\n", encoding="utf-8")
    rows = [Query("smp aftercare", 1, 88, 0.01, 20.5), Query("scalp micropigmentation aftercare", 1, 50, 0.02, 20.0)]
    report = smpseo.gaps(str(tmp_path), queries=rows, config=Config(site=Site(name="Inkline", city="Dublin")))
    assert report["aftercare"].queries == ["smp aftercare", "scalp micropigmentation aftercare"]
