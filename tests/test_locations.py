"""A clinic with more than one studio: `[site]` is the main one, each other studio a `[[site.locations]]` table with
its own city, region, address, phone and opening hours. Every studio's city and phone is the clinic's to the local
rules; a mistake in a location is said at its line, one line each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import smpseo
from smpseo.analysis import jsonld
from smpseo.cli import main
from smpseo.core.settings import Location, parse_config

from .conftest import nonblank_lines
from .test_jsonld import assert_schema_org

BLOG = Path(__file__).parent / "fixtures" / "locations"  # Harbour Line SMP: Wellington, and Napier


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_a_second_studio_is_a_location_of_its_own():
    config = parse_config((BLOG / "smpseo.toml").read_text(encoding="utf-8"))
    assert config.site.city == "Wellington" and config.site.phone == "04 555 0170"
    assert config.site.locations == [Location(city="Napier", region="Hawke's Bay", address="8 Tennyson Street",
                                              postal_code="4110", phone="06 555 0171",
                                              url="https://www.harbourline.example/napier/",
                                              opening_hours=["Tu-Sa 10:00-16:00"])]
    assert config.site.cities == ["Wellington", "Napier"]
    assert config.site.phones == ["04 555 0170", "06 555 0171"]


def test_a_list_of_cities_in_site_says_how_to_add_a_studio(tmp_path, capsys):
    """(A list of phones is the main studio's numbers, a local one and a toll-free one: tests/test_site_phones.py.)"""
    (tmp_path / "posts").mkdir()
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Kōwhai Scalp & Co."\ncity = ["Auckland", "Hamilton"]\n'
                                          'address = ["1 Queen Street", "2 Victoria Street"]\n', encoding="utf-8")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    advice = "write each other studio as a [[site.locations]] table with its own city, phone and address"
    assert nonblank_lines(capsys.readouterr().err) == [
        f"smpseo: error: smpseo.toml:3: [site] city must be a string: one city for the main studio; {advice}",
        f"smpseo: error: smpseo.toml:4: [site] address must be a string: one address for the main studio; {advice}"]


def test_each_mistake_in_a_location_is_said_at_its_line(tmp_path, capsys):
    (tmp_path / "posts").mkdir()
    (tmp_path / "smpseo.toml").write_text(
        '[site]\nname = "Harbour Line SMP"\ncity = "Wellington"\n\n'
        '[[site.locations]]\ncity = "Napier"\nphone = "06 555 0171"\n\n'
        '[[site.locations]]\ntown = "Hastings"\nphone = "06 55 CALL"\nopening_hours = ["Mon 9-5"]\nlatitude = -39.6\n'
        '\n[[site.locations]]\ncity = ""\n', encoding="utf-8")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert nonblank_lines(capsys.readouterr().err) == [
        "smpseo: error: smpseo.toml:9: [[site.locations]] needs a city: the town or city the studio is in",
        "smpseo: error: smpseo.toml:10: [[site.locations]] unknown key 'town' (known: address, city, country, "
        "latitude, longitude, opening_hours, phone, postal_code, region, url; the business's name, type and price "
        "range are [site]'s)",
        "smpseo: error: smpseo.toml:11: [[site.locations]] phone '06 55 CALL' is not a phone number (digits, "
        "spaces, + ( ) - . / only)",
        "smpseo: error: smpseo.toml:12: [[site.locations]] opening_hours: 'Mon 9-5' is not like \"Mo-Fr "
        "09:00-17:00\" (days Mo Tu We Th Fr Sa Su, 24-hour times)",
        "smpseo: error: smpseo.toml:13: [[site.locations]] latitude and longitude go together: give both or neither",
        "smpseo: error: smpseo.toml:16: [[site.locations]] city is empty: write the town or city the studio is in"]


def test_locations_that_are_no_tables_are_refused_at_their_line(tmp_path, capsys):
    (tmp_path / "posts").mkdir()
    (tmp_path / "smpseo.toml").write_text('[site]\ncity = "Wellington"\nlocations = ["Napier"]\n', encoding="utf-8")
    assert main(["check", "posts", "--config", "smpseo.toml"]) == 2
    assert nonblank_lines(capsys.readouterr().err) == [
        "smpseo: error: smpseo.toml:3: [site] locations must be tables: write each studio as [[site.locations]] "
        "with its city, phone and address"]


def test_every_studio_s_city_and_phone_is_the_clinic_s(tmp_path):
    """A post about the Napier studio names the clinic's city; the Napier number is checked for its own forms and
    typos, and is a call to action; "napier" is the city in lower case."""
    shutil.copytree(BLOG, tmp_path / "blog")
    result = smpseo.check(str(tmp_path / "blog" / "posts"), smpseo.load_config(tmp_path / "blog" / "smpseo.toml"),
                          keyphrases=False)
    assert [(Path(f.path).name, f.line, f.column, f.rule, f.message) for f in result.findings
            if f.rule.startswith("LOC")] == [
        ("smp-aftercare.md", 2, 9, "LOC304", "Title does not name the city 'Napier'"),
        ("smp-aftercare.md", 9, 4, "LOC304", "No subheading names the city 'Napier'"),
        ("smp-costs.md", 2, 9, "LOC304", "Title does not name the city 'Wellington'"),
        ("smp-costs.md", 9, 4, "LOC304", "No subheading names the city 'Wellington'"),
        ("smp-costs.md", 11, 49, "LOC305", "City written 'napier' (other capitals), not 'Napier'"),
        ("smp-costs.md", 11, 71, "LOC306", "Phone number '04 555 0710' is the clinic's '04 555 0170' with two digits "
                                           "swapped: a typo sends calls elsewhere"),
        ("smp-napier.md", 11, 43, "LOC301", "Phone written '(06) 555 0171', not '06 555 0171'"),
        ("smp-napier.md", 12, 82, "LOC306", "Phone number '06 555 0117' is the clinic's '06 555 0171' with two digits "
                                            "swapped: a typo sends calls elsewhere")]


NEIGHBOURS = ('[site]\nname = "Crown Line SMP"\ncity = "Leeds"\nphone = "0113 496 0123"\n\n'
              '[[site.locations]]\ncity = "York"\nphone = "0113 496 0124"\n')


def _findings(tmp_path, body: str, settings: str, rules: list[str]):
    (tmp_path / "smpseo.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Meet the team\n---\n\n{body}\n", encoding="utf-8")
    result = smpseo.check(str(tmp_path / "a.md"), smpseo.load_config(tmp_path / "smpseo.toml"), rules=rules,
                          keyphrases=False)
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_another_studio_s_number_is_never_a_typo_of_one(tmp_path):
    """Two studios' numbers one digit apart: each is the clinic's; a number one digit off both is said once,
    against the main studio's."""
    body = "Leeds: 0113 496 0123. York: 0113 496 0124. Not 0113 496 0125, nor 0113 496 0142."
    assert _findings(tmp_path, body, NEIGHBOURS, ["LOC301", "LOC306"]) == [
        ("LOC306", 5, 48, "Phone number '0113 496 0125' is the clinic's '0113 496 0123' with one digit off: a typo "
                          "sends calls elsewhere"),
        ("LOC306", 5, 67, "Phone number '0113 496 0142' is the clinic's '0113 496 0124' with two digits swapped: a "
                          "typo sends calls elsewhere")]


def test_one_studio_settings_find_what_they_found(tmp_path):
    """Without locations, a number one digit from the main one is a typo, as it always was."""
    one = NEIGHBOURS.split("\n\n")[0] + "\n"
    assert _findings(tmp_path, "York: 0113 496 0124.", one, ["LOC306"]) == [
        ("LOC306", 5, 7, "Phone number '0113 496 0124' is the clinic's '0113 496 0123' with one digit off: a typo "
                         "sends calls elsewhere")]


def test_the_markup_describes_every_studio_as_a_business_of_its_own():
    """One LocalBusiness per studio, the same name, each with its own address, phone, hours and page, the main one
    its parent organisation; the main one's markup is what it was."""
    config = parse_config((BLOG / "smpseo.toml").read_text(encoding="utf-8"))
    main_studio, napier = jsonld.local_businesses(config)
    assert main_studio == jsonld.local_business(config)
    assert main_studio == {
        "@context": "https://schema.org", "@type": "LocalBusiness", "name": "Harbour Line SMP",
        "url": "https://www.harbourline.example", "@id": "https://www.harbourline.example/#business",
        "telephone": "+64 4 555 0170",
        "address": {"@type": "PostalAddress", "streetAddress": "12 Cuba Street", "addressLocality": "Wellington",
                    "addressRegion": "Wellington", "postalCode": "6011", "addressCountry": "NZ"},
        "openingHoursSpecification": [{"@type": "OpeningHoursSpecification", "opens": "09:00", "closes": "17:00",
                                       "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]}]}
    assert napier == {
        "@context": "https://schema.org", "@type": "LocalBusiness", "name": "Harbour Line SMP",
        "url": "https://www.harbourline.example/napier/", "@id": "https://www.harbourline.example/#business-napier",
        "telephone": "+64 6 555 0171",
        "address": {"@type": "PostalAddress", "streetAddress": "8 Tennyson Street", "addressLocality": "Napier",
                    "addressRegion": "Hawke's Bay", "postalCode": "4110", "addressCountry": "NZ"},
        "openingHoursSpecification": [{"@type": "OpeningHoursSpecification", "opens": "10:00", "closes": "16:00",
                                       "dayOfWeek": ["Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]}],
        "parentOrganization": {"@id": "https://www.harbourline.example/#business"}}
    post = smpseo.load_posts(str(BLOG / "posts" / "smp-napier.md"))[0]
    blocks = jsonld.for_post(post, config)
    assert [(b["@type"], b.get("@id")) for b in blocks] == [
        ("BlogPosting", None), ("LocalBusiness", "https://www.harbourline.example/#business"),
        ("LocalBusiness", "https://www.harbourline.example/#business-napier")]
    for block in blocks:
        assert_schema_org(block)


def test_the_shipped_questions_name_the_main_city_and_a_clinic_asks_about_the_others(tmp_path):
    from smpseo.sources.topics import load_topics, localize

    (tmp_path / "topics.yml").write_text("topics:\n  - id: napier_parking\n    question: Is there parking near your "
                                         "Napier studio?\n    phrasings: [\"parking napier\"]\n", encoding="utf-8")
    config = parse_config((BLOG / "smpseo.toml").read_text(encoding="utf-8"))
    topics = {t.id: t for t in localize(load_topics(tmp_path / "topics.yml"), config.site)}
    assert topics["local_provider"].question == "Where can I get SMP in Wellington?"
    assert topics["napier_parking"].question == "Is there parking near your Napier studio?"


def test_init_shows_where_another_studio_goes(tmp_path, capsys):
    """`smpseo init` writes the main studio from its options; the file shows another studio's table, commented out,
    and filled in it is read as one."""
    shutil.copytree(BLOG / "posts", tmp_path / "blog" / "posts")
    assert main(["init", str(tmp_path / "blog"), "--name", "Harbour Line SMP", "--city", "Wellington",
                 "--phone", "04 555 0170"]) == 0
    written = (tmp_path / "blog" / "smpseo.toml").read_text(encoding="utf-8")
    template = "# [[site.locations]]\n# city = \"...\"\n# phone = \"...\"\n"
    assert template in written
    filled = written.replace(template, '[[site.locations]]\ncity = "Napier"\nphone = "06 555 0171"\n')
    assert parse_config(filled).site.locations == [Location(city="Napier", phone="06 555 0171")]
