from __future__ import annotations

import json
from pathlib import Path

import pytest

from smpseo.analysis import jsonld
from smpseo.core.settings import Config, Site
from smpseo.sources.readers import load_posts

POSTS = Path(__file__).parent / "fixtures" / "gaps" / "posts"


def _post(slug):
    return load_posts(str(POSTS / f"{slug}.md"))[0]


def test_faq_page_from_question_headings():
    data = jsonld.faq_page(_post("does-scalp-micropigmentation-hurt"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    names = [q["name"] for q in data["mainEntity"]]
    assert names[0] == "OK, but is SMP painful?"
    assert "About Rob James" not in names  # not a question
    first = data["mainEntity"][0]
    assert first["@type"] == "Question" and first["acceptedAnswer"]["@type"] == "Answer"
    assert first["acceptedAnswer"]["text"].startswith("Well, the long and the short answer")
    json.dumps(data)


def test_the_closing_call_to_action_answers_no_question(tmp_path):
    """The last heading's answer stops before the post's sign-off: "Call us on ..." is no answer to "Who suits
    which?", and a question answered by nothing else is left out of the markup."""
    (tmp_path / "p.md").write_text("---\ntitle: SMP or a transplant?\n---\n\nIntro.\n\n## Who suits which?\n\n"
                                   "A transplant suits people with enough donor hair.\n\nReady to talk it through? "
                                   "Book a consultation: call 0113 496 0123.\n", encoding="utf-8")
    (entry,) = jsonld.faq_page(load_posts(tmp_path / "p.md")[0])["mainEntity"]
    assert entry["acceptedAnswer"]["text"] == "A transplant suits people with enough donor hair."
    (tmp_path / "q.md").write_text("---\ntitle: Visit us\n---\n\nIntro.\n\n## Ready to start?\n\n"
                                   "Book a consultation: call 0113 496 0123.\n", encoding="utf-8")
    assert jsonld.faq_page(load_posts(tmp_path / "q.md")[0]) is None


def test_no_faq_page_without_questions():
    assert jsonld.faq_page(_post("why-do-i-need-multiple-scalp-micropigmentation-sessions")) is None


def test_blog_posting():
    config = Config(site=Site(name="Advanced Scalp Clinic", url="https://example.com/", city="Vancouver"))
    post = _post("what-is-smp")
    data = jsonld.blog_posting(post, config)
    assert data["@type"] == "BlogPosting" and data["headline"] == "What is SMP?"
    assert data["url"] == "https://example.com/what-is-smp/"
    assert data["publisher"] == {"@type": "Organization", "name": "Advanced Scalp Clinic", "url": "https://example.com/"}
    assert data["author"]["name"] == "Advanced Scalp Clinic"
    assert data["description"].startswith("Hi my name is Rob James")
    assert "datePublished" not in data  # unknown: not invented


def test_blog_posting_dates_and_author_from_front_matter(tmp_path):
    f = tmp_path / "p.md"
    f.write_text("---\ntitle: T\ndate: 2026-03-01\nupdated: 2026-04-02\nauthor: Rob James\n---\n\nBody text here.\n",
                 encoding="utf-8")
    data = jsonld.blog_posting(load_posts(str(f))[0], Config())
    assert data["datePublished"] == "2026-03-01" and data["dateModified"] == "2026-04-02"
    assert data["author"] == {"@type": "Person", "name": "Rob James"}
    assert "url" not in data and "publisher" not in data


@pytest.mark.parametrize("src", ["{static}/images/chair.jpg", "{attach}images/chair.jpg", "|static|/images/chair.jpg",
                                 "/images/chair.jpg"])
def test_an_image_under_a_generator_s_placeholder_is_at_its_address_on_the_site(tmp_path, src):
    """Pelican builds `{static}/images/chair.jpg` to `/images/chair.jpg`: the markup names that, not a 404 with
    the placeholder percent-encoded in it; the post keeps the address as written."""
    (tmp_path / "hurt.md").write_text(f"Title: Does SMP hurt?\n\n![The chair]({src})\n\nA little.\n",
                                      encoding="utf-8")
    (post,) = load_posts(tmp_path)
    assert [image.src for image in post.images] == [src]
    config = Config(site=Site(name="Clinic", url="https://example.com/"))
    assert jsonld.blog_posting(post, config)["image"] == ["https://example.com/images/chair.jpg"]


def test_script_tag_cannot_be_closed_by_text():
    tag = jsonld.script_tag({"text": "</script><b>"})
    assert tag.count("</script>") == 1


# schema.org's vocabulary for the types smpseo writes: each type's properties (its own and those it inherits from
# Thing, CreativeWork, Organization, Place), and the subtypes of LocalBusiness it may be.
THING = {"@context", "@type", "@id", "name", "url", "description", "image"}
VOCABULARY = {
    "LocalBusiness": THING | {"telephone", "address", "geo", "openingHoursSpecification", "openingHours",
                              "priceRange", "email", "sameAs", "parentOrganization"},
    "PostalAddress": {"@type", "streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"},
    "GeoCoordinates": {"@type", "latitude", "longitude"},
    "OpeningHoursSpecification": {"@type", "dayOfWeek", "opens", "closes", "validFrom", "validThrough"},
    "BlogPosting": THING | {"headline", "datePublished", "dateModified", "mainEntityOfPage", "publisher", "author",
                            "keywords", "articleSection", "wordCount"},
    "FAQPage": THING | {"mainEntity"},
}
LOCAL_BUSINESS_TYPES = {"LocalBusiness", "MedicalBusiness", "MedicalClinic", "HealthAndBeautyBusiness", "BeautySalon",
                        "HairSalon", "DaySpa", "TattooParlor"}
DAYS_OF_WEEK = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def assert_schema_org(node: dict) -> None:
    kind = "LocalBusiness" if node["@type"] in LOCAL_BUSINESS_TYPES else node["@type"]
    unknown = set(node) - VOCABULARY[kind]
    assert not unknown, f"{node['@type']} has no properties {unknown}"
    for value in node.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and item.get("@type") in VOCABULARY:
                assert_schema_org(item)


CLINIC_SITE = """
[site]
name = "Advanced Scalp Clinic"
url = "https://www.advancedscalp.example"
phone = "778-917-7772"
address = "1200 Burrard St"
city = "Vancouver"
region = "BC"
postal_code = "V6Z 2C7"
country = "CA"
latitude = 49.2781
longitude = -123.1307
opening_hours = ["Mo-Fr 09:00-17:00", "Sa 10:00-14:00"]
business_type = "MedicalBusiness"
price_range = "$$$"
"""


def test_local_business_from_site_settings():
    from smpseo.core.settings import parse_config

    data = jsonld.local_business(parse_config(CLINIC_SITE, "smpseo.toml"))
    assert data["@type"] == "MedicalBusiness" and data["name"] == "Advanced Scalp Clinic"
    assert data["telephone"] == "+1 778 917 7772" and data["@id"] == "https://www.advancedscalp.example/#business"
    assert data["address"] == {"@type": "PostalAddress", "streetAddress": "1200 Burrard St",
                               "addressLocality": "Vancouver", "addressRegion": "BC", "postalCode": "V6Z 2C7",
                               "addressCountry": "CA"}
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 49.2781, "longitude": -123.1307}
    weekdays, saturday = data["openingHoursSpecification"]
    assert weekdays["dayOfWeek"] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert (saturday["dayOfWeek"], saturday["opens"], saturday["closes"]) == (["Saturday"], "10:00", "14:00")
    assert_schema_org(data)
    assert all(set(s["dayOfWeek"]) <= DAYS_OF_WEEK for s in data["openingHoursSpecification"])


def test_every_block_for_a_post_uses_schema_org_properties():
    from smpseo.core.settings import parse_config

    config = parse_config(CLINIC_SITE, "smpseo.toml")
    blocks = jsonld.for_post(_post("does-scalp-micropigmentation-hurt"), config)
    assert [b["@type"] for b in blocks] == ["BlogPosting", "FAQPage", "MedicalBusiness"]
    for block in blocks:
        assert_schema_org(block)


def test_no_local_business_without_where_and_bad_site_keys_refused():
    from smpseo.core.settings import ConfigError, parse_config

    assert jsonld.local_business(Config(site=Site(name="Clinic"))) is None
    assert jsonld.local_business(Config(site=Site(name="Clinic", city="Vancouver")))["@type"] == "LocalBusiness"
    for bad, fragment in (('latitude = 91.0\nlongitude = 0.0', "latitude must be a number from -90 to 90"),
                          ('latitude = 49.0', "give both or neither"),
                          ('opening_hours = ["9 to 5"]', "'9 to 5' is not like"),
                          ('business_type = "Restaurant"', "business_type 'Restaurant' is not one of")):
        with pytest.raises(ConfigError, match=fragment):
            parse_config(f"[site]\n{bad}\n", "smpseo.toml")


@pytest.mark.parametrize("source, url", [
    ("/blog/2025/3/14/smp-cost-dublin", "https://www.inklinescalp.ie/blog/2025/3/14/smp-cost-dublin"),
    ("https://www.inklinescalp.ie/blog/smp-cost-dublin/", "https://www.inklinescalp.ie/blog/smp-cost-dublin/"),
    ("https://inklinescalp.ie/blog/smp-cost-dublin", "https://inklinescalp.ie/blog/smp-cost-dublin"),
    ("https://medium.com/@orla/smp-cost-dublin-3f2a", "https://www.inklinescalp.ie/smp-cost-dublin/"),
    ("old-blog.txt", "https://www.inklinescalp.ie/smp-cost-dublin/"),
])
def test_an_imported_post_is_at_the_address_it_was_imported_from_on_the_site(tmp_path, source, url):
    """Squarespace's export gives a post's address from the site's root (`/blog/2025/3/14/...`), WordPress's its
    permalink: the markup to paste named `/<slug>/` instead, an address the post is not at. An address on another
    site, or a file's name, is no address of this one."""
    (tmp_path / "a.md").write_text(f"---\ntitle: What SMP costs\nslug: smp-cost-dublin\nsource: {source}\n---\n\n"
                                   "It costs from €900.\n", encoding="utf-8")
    config = Config(site=Site(name="Inkline", city="Dublin", url="https://www.inklinescalp.ie"))
    [post] = load_posts(tmp_path / "a.md")
    assert jsonld.blog_posting(post, config)["url"] == url


@pytest.mark.parametrize("given, code", [
    ("Ireland", "IE"), ("UK", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"), ("USA", "US"),
    ("U.S.", "US"), ("Aotearoa New Zealand", "NZ"), ("Czech Republic", "CZ"), ("Germany", "DE"), ("fr", "FR"),
    ("South Africa", "ZA"), ("Atlantis", "Atlantis"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
])
def test_address_country_is_the_two_letter_code(given, code):
    """Google asks for `addressCountry` as an ISO 3166-1 code: the settings' name ("Ireland", "UK") was written as
    given. A name no table knows stays as written; each studio's own country is coded too."""
    from smpseo.core.site import Location

    site = Site(name="Clinic", city="Here", country=given, url="https://clinic.example",
                locations=[Location(city="There", country="Ireland"), Location(city="Elsewhere")])
    main, there, elsewhere = jsonld.local_businesses(Config(site=site))
    assert main["address"]["addressCountry"] == code
    assert there["address"]["addressCountry"] == "IE" and elsewhere["address"]["addressCountry"] == code


def test_the_country_table_holds_every_country_and_every_alias_names_one():
    from smpseo.sources.countries import countries, country_of
    from smpseo.sources.queries import _place_groups

    table = countries()
    assert len(table) == 250  # ISO 3166-1's 249 and Kosovo
    assert all(len(c) == 2 and c.isupper() and (not v.calling or v.calling.isdigit()) for c, v in table.items())
    assert len({v.name.casefold() for v in table.values()}) == len(table)
    for kind, _, _, names in _place_groups():
        if kind == "country":
            assert len({country_of(n) for n in names} - {None}) == 1, names


@pytest.mark.parametrize("country, phone, telephone", [
    ("Ireland", "01 234 5678", "+353 1 234 5678"),
    ("IE", "(01) 234-5678", "+353 1 234 5678"),
    ("Australia", "(02) 9876 5432", "+61 2 9876 5432"),
    ("Italy", "06 1234 5678", "+39 06 1234 5678"),  # Italy keeps its 0
    ("Russia", "8 (495) 123-45-67", "+7 495 123 45 67"),
    ("Hungary", "06 1 234 5678", "+36 1 234 5678"),
    ("USA", "1-212-555-0147", "+1 212 555 0147"),
    ("UK", "0044 (0)161 555 0123", "+44 161 555 0123"),
    ("UK", "+44 (0)161 555 0123", "+44 (0)161 555 0123"),  # already international: as written
    ("Ireland", "0044 161 555 0123", "0044 161 555 0123"),  # another country's: as written
    ("Scotland", "0131 555 0123", "+44 131 555 0123"),  # a nation of the UK: the UK's calling code
    ("Atlantis", "01 234 5678", "01 234 5678"),  # a country no table knows
    ("", "01 234 5678", "01 234 5678"),
])
def test_telephone_is_in_the_international_form(country, phone, telephone):
    """Google asks a LocalBusiness's `telephone` with the country code: the settings' "01 234 5678" was written
    as given, which a reader abroad, or a search engine, cannot dial."""
    config = Config(site=Site(name="Clinic", city="Here", country=country, phone=phone))
    assert jsonld.local_business(config)["telephone"] == telephone


def test_each_studio_and_number_is_international_in_its_own_country():
    from smpseo.core.site import Location

    site = Site(name="Clinic", city="Dublin", country="Ireland", phone="01 234 5678", more_phones=["1800 555 123"],
                url="https://clinic.example",
                locations=[Location(city="Belfast", country="United Kingdom", phone="028 9012 3456"),
                           Location(city="Cork", phone="021 456 7890")])
    main, belfast, cork = jsonld.local_businesses(Config(site=site))
    assert main["telephone"] == ["+353 1 234 5678", "+353 1800 555 123"]
    assert belfast["telephone"] == "+44 28 9012 3456" and cork["telephone"] == "+353 21 456 7890"
