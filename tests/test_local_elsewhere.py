"""Local rules for clinics elsewhere. The clinic's phone number in any country's layout: the consistency rule
(LOC301) finds it written another way, with or without the country code, and the call-to-action rule (LOC303) counts
it, for a UK clinic as for the Vancouver one; other numbers (a fax, a year, a longer number that holds the same
digits) are never taken for it. A city with accents: written without them is told so, not called misspelt. And
the wording of writers elsewhere: British and Australian calls to action and transitions count as such."""

from __future__ import annotations

import pytest

import smpseo
from smpseo.analysis.phone import national_digits, phone_mentions
from smpseo.core.phone import phone_numbers, phone_problem
from smpseo.core.settings import Config, Site


@pytest.mark.parametrize(("phone", "national"), [
    ("778-917-7772", "7789177772"), ("1-778-917-7772", "7789177772"), ("+1 778 917 7772", "7789177772"),
    ("0161 555 0123", "1615550123"), ("+44 161 555 0123", "1615550123"), ("+44 (0)161 555 0123", "1615550123"),
    ("0044 161 555 0123", "1615550123"), ("+353 1 555 0123", "15550123"), ("(02) 9876 5432", "298765432"),
])
def test_national_digits_leave_out_country_code_and_trunk_prefix(phone, national):
    assert national_digits(phone) == national


@pytest.mark.parametrize(("phone", "text", "found"), [
    ("0161 555 0123", "Ring +44 (0)161 555 0123 or 0161-555-0123.", ["+44 (0)161 555 0123", "0161-555-0123"]),
    ("+44 161 555 0123", "Ring 0161 555 0123.", ["0161 555 0123"]),
    ("(02) 9876 5432", "Call +61 2 9876 5432.", ["+61 2 9876 5432"]),
    ("778-917-7772", "Fax 604 555 0100; since 2019; ref 778-917-77722; 7789-177-7720", []),
    ("0113 496 0000", "Order ref 0113-496-0000-77, or call 0113 496 0000.", ["0113 496 0000"]),
    ("123", "123", []),
])
def test_the_clinic_s_number_is_found_in_any_layout_and_no_other(phone, text, found):
    assert [m.group(0) for m in phone_mentions(phone, text)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("Call Liffey SMP on 01 555 0123, or book online.", ["01 555 0123"]),
    ("Ring (01) 555 0123 or 01 5550123.", ["(01) 555 0123", "01 5550123"]),
    ("From abroad: +353 1 555 0123, +353 (0)1 555 0123, 00353 1 555 0123 or +35315550123.",
     ["+353 1 555 0123", "+353 (0)1 555 0123", "00353 1 555 0123", "+35315550123"]),
    ("Mobile 087 123 4567; Manchester 0161 555 0123; London 020 7946 0123; Toronto 416-555-0199.",
     ["087 123 4567", "0161 555 0123", "020 7946 0123", "416-555-0199"]),
    ("Madrid 912 345 678, Paris 01.23.45.67.89, Berlin 030/1234567, Seattle 555-0123.",
     ["912 345 678", "01.23.45.67.89", "030/1234567", "555-0123"]),
    ("Call 01 555 0123 / 087 123 4567 (24 hours), or (01 555 0123).", ["01 555 0123", "087 123 4567", "01 555 0123"]),
    # dates, ISO dates, years, times, prices, shares, counts, decimals, postcodes, references: no number to call
    ("On 12.06.2025, 12/06/2025 and 2025-06-12 10:30 we met; from 2019-2024 and 2019 – 2024.", []),
    ("Open 9.30-17.30, 09.00-17.30 and 09:00-17:00.", []),
    ("It costs €1200-1500, 1500-2500 or $2,000-3,000, 1 200 000 € in all; 45 000 000% more.", []),
    ("Over 1 500 000 clients, 12.500.000 hairs and 10,000 dots; 3.1415926 by 362384.362685.", []),
    ("Post to 90210-1234 or 1000-001 Lisboa.", []),
    ("Order #12345678 of 20250612; two sessions of 2-4 hours, 28 days apart, 3 x 120 minutes.", []),
])
def test_any_number_that_may_be_a_phone_number_is_found_and_no_other(text, found):
    """Any country's number as people write it (7 to 15 digits in groups, with a country code or a trunk prefix or
    neither; `smpseo init` suggests the one most posts write), and nothing else; each one found is a number LOC301
    finds as written, and a setting that loads."""
    numbers = phone_numbers(text)
    assert numbers == found
    for number in numbers:
        assert number in [m.group(0) for m in phone_mentions(number, text)] and phone_problem(number) is None


def test_a_uk_clinic_gets_the_phone_rules_the_vancouver_one_gets(tmp_path):
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Northern Hairline Studio"\ncity = "Manchester"\n'
                                          'phone = "0161 555 0123"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Aftercare in Manchester\n---\n\nKeep your scalp dry for four days."
                                   "\n\nRing us on 0161-555-0123 with any question.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Pain in Manchester\n---\n\nMost clients rate it a two.\n\n"
                                   "Questions? +44 161 555 0123.\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC301", "LOC303"], keyphrases=False)
    found = sorted((f.path.rsplit("/", 1)[-1], f.line, f.column, f.rule, f.match) for f in result.findings)
    assert found == [("a.md", 7, 12, "LOC301", "0161-555-0123"), ("b.md", 7, 12, "LOC301", "+44 161 555 0123")]
    # Neither post is without a call to action: each gives the number, in a form of its own.


@pytest.mark.parametrize(("city", "text", "found"), [
    ("Montréal", "Our Montreal studio, and montréal's best.",
     [(5, 5, "City written 'Montreal' (without accents), not 'Montréal'"),
      (5, 26, "City written 'montréal's' (other capitals), not 'Montréal'")]),
    ("Gold Coast", "We love the gold coast. Drive down to Goldcoast, or to the Gold\nCoast's south.",
     [(5, 13, "City written 'gold coast' (other capitals), not 'Gold Coast'"),
      (5, 39, "City written 'Goldcoast' (as one word), not 'Gold Coast'")]),
    ("Winston-Salem", "Our Winston-Salem studio, Winston-Salem's best. Not Winston Salem, winston-salem or WinstonSalem.",
     [(5, 53, "City written 'Winston Salem' (other punctuation), not 'Winston-Salem'"),
      (5, 68, "City written 'winston-salem' (other capitals), not 'Winston-Salem'"),
      (5, 85, "City written 'WinstonSalem' (as one word), not 'Winston-Salem'")]),
    ("St. John's", "Our St. John's studio, in St.\nJohn's east end. Not St John's, nor st. john's.",
     [(6, 22, "City written 'St John's' (other punctuation), not 'St. John's'"),
      (6, 37, "City written 'st. john's' (other capitals), not 'St. John's'")]),
    # a city of everyday words is the everyday phrase after "a", "my" ... or opening a sentence, and the city
    # written wrong elsewhere
    ("Long Beach", "A long beach walk is fine. Long beach walks too. Our Long Beach studio; not long beach, nor "
                   "Long beach.",
     [(5, 77, "City written 'long beach' (other capitals), not 'Long Beach'"),
      (5, 93, "City written 'Long beach' (other capitals), not 'Long Beach'")]),
    ("Red Deer", "We saw a red deer, and my red deer photo, on the way to our Red Deer studio.", []),
    ("Reading", "Keep reading: our Reading studio is Reading's best. Not Readng.",
     [(5, 57, "City written 'Readng' (misspelt), not 'Reading'")]),
    ("Austin", "Read Jane Austen in our Austin studio. Not Austim, nor Austinn.",
     [(5, 44, "City written 'Austim' (misspelt), not 'Austin'"),
      (5, 56, "City written 'Austinn' (misspelt), not 'Austin'")]),
    # a letter dropped from a six-letter city leaves five: still the city misspelt; "Dubai" is another city's
    ("Dublin", "Our Dublin studio. Not Dubln, nor Dubiln; and not Dubai.",
     [(5, 24, "City written 'Dubln' (misspelt), not 'Dublin'"),
      (5, 35, "City written 'Dubiln' (misspelt), not 'Dublin'")]),
    ("Coeur d'Alene", "Our Coeur d’Alene studio, by Coeur d'Alene's lake; not coeur d'Alene.",
     [(5, 56, "City written 'coeur d'Alene' (other capitals), not 'Coeur d'Alene'")]),
])
def test_a_city_written_another_way_is_told_so(tmp_path, city, text, found):
    """Accents left out or changed, other capitals, a city of several words run together or with other punctuation
    between its words: said as such, not as a misspelling; the city as configured, across a line break, with "'s"
    or with a curly apostrophe, is not flagged, a hyphenated city is not a misspelling of itself, and a city that is
    also an everyday word is that word in lower case ("keep reading"), and a word the dictionary lists is not a
    misspelling ("Austen")."""
    (tmp_path / "smpseo.toml").write_text(f'[site]\ncity = "{city}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: SMP in {city}\n---\n\n{text}\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC305"], keyphrases=False)
    assert [(f.line, f.column, f.message) for f in result.findings] == found


def test_a_city_written_without_its_accents_still_names_it(tmp_path):
    """Dun Laoghaire and Dún Laoghaire are one search: the title names the city and holds the keyphrase; that it
    is written without accents is said once (LOC305), not as a missing city and keyphrase."""
    (tmp_path / "smpseo.toml").write_text('[site]\ncity = "Dún Laoghaire"\n\n[keywords]\n'
                                          'targets = ["scalp micropigmentation Dún Laoghaire"]\n', encoding="utf-8")
    (tmp_path / "q.md").write_text("---\ntitle: Scalp micropigmentation Dun Laoghaire\n"
                                   "keyphrase: scalp micropigmentation Dún Laoghaire\n---\n\n"
                                   "Scalp micropigmentation in Dún Laoghaire, by the harbour.\n\n"
                                   "## Aftercare in Dún Laoghaire\n\nKeep it dry.\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC304", "LOC305", "SEO203", "SEO205"])
    assert [(f.rule, f.line, f.message) for f in result.findings] == [
        ("LOC305", 2, "City written 'Dun Laoghaire' (without accents), not 'Dún Laoghaire'")]


@pytest.mark.parametrize(("city", "text", "found"), [
    ("Hull", "Like the hull of a boat, the scalp needs care. Our Hull studio.", []),
    ("Derby", "A derby match, then SMP at our Derby studio.", []),
    ("Mobile", "Book from your mobile phone at our Mobile studio.", []),
    ("Nice", "A nice result from our Nice studio.", []),
    ("Orange", "Not orange pigment: our Orange studio uses black.", []),
    ("Sparks", "No sparks fly at our Sparks studio.", []),
    # a name only (the dictionary lists no everyday word "eugene", "toronto"): lower case is the city written wrong
    ("Eugene", "Our eugene studio.", [(5, 5, "City written 'eugene' (other capitals), not 'Eugene'")]),
    ("Toronto", "Our toronto studio.", [(5, 5, "City written 'toronto' (other capitals), not 'Toronto'")]),
    ("Kelowna", "Our kelowna studio.", [(5, 5, "City written 'kelowna' (other capitals), not 'Kelowna'")]),
])
def test_a_city_that_is_an_everyday_word_is_that_word_in_lower_case(tmp_path, city, text, found):
    """Whether a city's name is also an everyday word is the dictionary's say (a word it lists in lower case), not a
    short list's: "the hull of a boat" in Hull, "a derby match" in Derby. A name the dictionary lists only with a
    capital, or not at all, is still looked for in lower case."""
    (tmp_path / "smpseo.toml").write_text(f'[site]\ncity = "{city}"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: SMP in {city}\n---\n\n{text}\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC305"], keyphrases=False)
    assert [(f.line, f.column, f.message) for f in result.findings] == found


@pytest.mark.parametrize(("name", "text", "found"), [
    ("Hair & Scalp Co.", "# Is SMP Right for Women With Thinning Hair?\n\nBook with Hair & Scalp Co. today, not Hair "
     "& Beard Oil. Visit Hair and Scalp Co., Hair & Scalp Co or Hair & Scalp. Book at Hair today.",
     [(7, 63, "Business name written 'Hair and Scalp Co.' (other spelling), not 'Hair & Scalp Co.'"),
      (7, 83, "Business name written 'Hair & Scalp Co' (other spelling), not 'Hair & Scalp Co.'"),
      (7, 102, "Business name written 'Hair & Scalp' (shortened), not 'Hair & Scalp Co.'"),
      (7, 124, "Business name cut to its first word 'Hair', not 'Hair & Scalp Co.'")]),
    ("Lone Star SMP", "Texas is the Lone Star State. Call Lone Star today; Lone Star SMP's studio is open.",
     [(5, 36, "Business name written 'Lone Star' (shortened), not 'Lone Star SMP'")]),
    ("O'Connell Scalp Studio", "Ring O'Connell Scalp Studio. Call O'Connell's team, or the O'Connell Street shop.",
     [(5, 35, "Business name cut to its first word 'O'Connell', not 'O'Connell Scalp Studio'")]),
    ("O'Connell Scalp Studio", "Visit O\u2019Connell Scalp Studio. Ask O\u2019Connell Scalp, or call O\u2019Connell\u2019s team.",
     [(5, 35, "Business name written 'O\u2019Connell Scalp' (shortened), not 'O'Connell Scalp Studio'"),
      (5, 60, "Business name cut to its first word 'O\u2019Connell', not 'O'Connell Scalp Studio'")]),
    ("Southside SMP Pty Ltd", "Ring Southside SMP Pty Ltd, or Southside SMP Pty. Ltd. today.",
     [(5, 32, "Business name written 'Southside SMP Pty. Ltd' (other spelling), not 'Southside SMP Pty Ltd'")]),
    ("House of Hair Ltd", "Not the House of Commons: House of Hair Ltd, or House of Hair, or House of Hair Ltd.",
     [(5, 49, "Business name written 'House of Hair' (shortened), not 'House of Hair Ltd'")]),
    # a name of everyday words: the words after "a", "every" ... or opening a sentence, the name written wrong
    # elsewhere
    ("Scalp Studio", "Choose a scalp studio with care: every scalp studio says so. Scalp studios vary. Book at "
                     "Scalp Studio, not at scalp studio.",
     [(5, 111, "Business name written 'scalp studio' (other capitals), not 'Scalp Studio'")]),
    ("Precision", "Cut with precision at Precision. Not PRECISION.",
     [(5, 38, "Business name written 'PRECISION' (other capitals), not 'Precision'")]),
    # a first word that is a name of its own: the river after "the", the city; still the clinic when it acts
    ("Liffey SMP", "A stroll along the Liffey quays, over the Liffey. Call Liffey today.",
     [(5, 56, "Business name cut to its first word 'Liffey', not 'Liffey SMP'")]),
    ("Dublin SMP", "Our studio in Dublin, the best in Dublin.", []),
    # one letter off a word of the name: misspelt even when the dictionary lists it ("Brickel", a surname), not
    # when it is an everyday word ("studios")
    ("Brickell Hairline Studio", "Visit Brickel Hairline Studio or Brickell Hairline Studios.",
     [(5, 7, "Business name written 'Brickel Hairline Studio' (misspelt), not 'Brickell Hairline Studio'")]),
    # ... the place after "in", "near", "on" or "our" (a neighbourhood not set as the city); the clinic when it acts
    ("Brickell Hairline Studio", "Our studio in Brickell, near Brickell, is on Brickell. Our Brickell studio is by "
                                 "Brickell Ave. Book at Brickell.\n\nOr call Brickell's team.",
     [(5, 104, "Business name cut to its first word 'Brickell', not 'Brickell Hairline Studio'"),
      (7, 9, "Business name cut to its first word 'Brickell', not 'Brickell Hairline Studio'")]),
    # its words run together, as a city's are ("Goldcoast"); an address keeps them so
    ("Desert Ink SMP", "At DesertInk we also work. Call DesertInkSMP or Desert-Ink SMP. Email hi@desertink.com.",
     [(5, 4, "Business name written 'DesertInk' (run together), not 'Desert Ink SMP'"),
      (5, 33, "Business name written 'DesertInkSMP' (run together), not 'Desert Ink SMP'"),
      (5, 49, "Business name written 'Desert-Ink' (run together), not 'Desert Ink SMP'")]),
    # ... round an "&", never read as the name cut to its first word
    ("Crown & Line SMP", "Call Crown&Line or CrownAndLine today. Crown & Line SMP is open.",
     [(5, 6, "Business name written 'Crown&Line' (run together), not 'Crown & Line SMP'"),
      (5, 20, "Business name written 'CrownAndLine' (run together), not 'Crown & Line SMP'")]),
])
def test_a_business_name_written_another_way_is_told_so_and_other_words_are_not(tmp_path, name, text, found):
    """A name with "&", "of", an apostrophe (straight or curly: the same name) or a full stop: the name as configured
    is never "cut to its first word", "and" for "&", "Co" for "Co." or "Pty. Ltd." for "Pty Ltd" is another
    spelling, not the name shortened, and a capital in title case, words that go on as another name ("Lone Star
    State") or the name's first words ending on "&" or "of" are not the name."""
    (tmp_path / "smpseo.toml").write_text(f'[site]\nname = "{name}"\ncity = "Dublin"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: SMP\n---\n\n{text}\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC302"], keyphrases=False)
    assert [(f.line, f.column, f.message) for f in result.findings] == found


@pytest.mark.parametrize(("site", "hint"), [
    ('phone = "0113 496 0000"', 'End with what to do next: "Book a free consultation: call 0113 496 0000".'),
    ('city = "Leeds"', 'End with what to do next: "Book a free consultation", with your phone number or a contact '
                       'link.'),
])
def test_the_call_to_action_hint_gives_the_clinic_s_own_number(tmp_path, site, hint):
    """A post without a call to action is told to give the clinic's number as `[site] phone` writes it, or, with no
    number set, a number or contact link: never another clinic's number."""
    (tmp_path / "smpseo.toml").write_text(f"[site]\n{site}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Aftercare\n---\n\nKeep your scalp dry for four days.\n",
                                   encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC303"], keyphrases=False)
    assert [(f.line, f.rule, f.hint) for f in result.findings] == [(5, "LOC303", hint)]


def test_a_table_is_read_for_the_clinic_s_name_city_and_number(tmp_path):
    """A contact or price table is text the reader sees: the number, the name and the city written another way in
    a cell are found at their line and column, as in a sentence."""
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Hair & Scalp Co."\ncity = "Leeds"\n'
                                          'phone = "0113 496 0000"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Prices in Leeds\n---\n\nCall 0113 496 0000.\n\n"
                                   "| Where | Call |\n| --- | --- |\n| leeds | 0113-496-0000 |\n"
                                   "| Hair and Scalp Co. | 0113 496 0000 |\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC301", "LOC302", "LOC305"], keyphrases=False)
    assert [(f.line, f.column, f.rule, f.match) for f in result.findings] == [
        (9, 3, "LOC305", "leeds"), (9, 11, "LOC301", "0113-496-0000"), (10, 3, "LOC302", "Hair and Scalp Co.")]


def test_an_address_hashtag_or_handle_is_not_the_city_or_name_written_another_way(tmp_path):
    """An email or web address, a hashtag or a handle is written as it must be: "leeds@..." or "#leeds" is not the
    city in lower case; the same word in a sentence still is."""
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Hair & Scalp Co."\ncity = "Leeds"\n'
                                          'phone = "0113 496 0000"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "---\ntitle: SMP in Leeds\n---\n\nEmail leeds@hairandscalp.co.uk, see https://hairandscalp.co.uk/leeds/prices "
        "or <https://maps.example.com/hair-scalp-leeds>. Follow #leeds and @leeds_smp, or ring 0113 496 0000.\n\n"
        "We love leeds.\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC301", "LOC302", "LOC305"], keyphrases=False)
    assert [(f.line, f.column, f.rule, f.match) for f in result.findings] == [(7, 9, "LOC305", "leeds")]


def test_a_number_that_looks_the_same_is_the_same_and_one_with_dashes_is_not(tmp_path):
    """Non-breaking spaces or hyphens, or a line break inside the number in the source, show the number as
    `[site] phone` writes it: no finding (there was one, whose message showed two identical numbers, or a line
    break). En dashes are another form: found, where before the number was not recognised at all."""
    (tmp_path / "smpseo.toml").write_text('[site]\nphone = "0113 496 0000"\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Aftercare\n---\n\nRing 0113\u00a0496\u00a00000 today, or ring us on "
                                   "0113 496\n0000 any time. Or 0113\u2013496\u20130000.\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    result = smpseo.check(str(tmp_path), config, rules=["LOC301"], keyphrases=False)
    assert [(f.line, f.column, f.message) for f in result.findings] == [
        (6, 19, "Phone written '0113\u2013496\u20130000', not '0113 496 0000'")]


@pytest.mark.parametrize("ask", ["Any questions? Give us a bell.", "Drop us a line and we will answer.",
                                 "Send an enquiry through the form.", "Have a chat with us before you decide."])
def test_british_and_australian_calls_to_action_count(tmp_path, ask):
    """A post that ends by asking the reader to act in British or Australian wording has a call to action."""
    (tmp_path / "smpseo.toml").write_text('[site]\nname = "Hair & Scalp Co."\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Aftercare\n---\n\nKeep your scalp dry. {ask}\n", encoding="utf-8")
    config = smpseo.load_config(tmp_path / "smpseo.toml")
    assert smpseo.check(str(tmp_path), config, rules=["LOC303"], keyphrases=False).findings == []


@pytest.mark.parametrize(("sentence", "transition"), [
    ("Whilst it heals, keep it dry.", "whilst"), ("That said, most clients feel little.", "that said"),
    ("What’s more, the colour lasts for years.", "what's more"), ("Mind you, it is a long day.", "mind you"),
])
def test_british_transitions_count(sentence, transition):
    """A British writer's transitions are transitions (RD105), as "while" and "however" are."""
    from smpseo.core.language import find_phrase

    assert find_phrase("transition_words", sentence) == transition


@pytest.mark.parametrize("phone, text, written", [
    ("(08) 9321 4567", "Locals call 9321 4567 to book.", "9321 4567"),
    ("0161 555 0123", "Ring 555 0123 from Manchester.", "555 0123"),
    ("+61 8 9321 4567", "Call 9321-4567 today.", "9321-4567"),
])
def test_the_number_without_its_area_code_is_another_form(tmp_path, phone, text, written):
    """Perth copy writes "9321 4567" for "(08) 9321 4567" more than any other form: LOC301 never saw it."""
    post = tmp_path / "p.md"
    post.write_text(f"# Booking\n\n{text}\n", encoding="utf-8")
    config = Config(site=Site(name="Inkline", city="Perth", phone=phone))
    found = [f for f in smpseo.check(str(post), config=config).findings if f.rule == "LOC301"]
    assert [f.message for f in found] == [f"Phone written '{written}', not '{phone}'"]


@pytest.mark.parametrize("phone, text, written", [
    ("(08) 9321 4567", "Call (08) 9321 4567 or +61 8 9321 4567 from abroad: ref 1 9321 4567, $9321 4567.50 paid.",
     ["+61 8 9321 4567"]),  # the tail of another number, a figure with decimals: not the number
    ("1300 555 123", "Call 555 123 or 1300 555 123.", []),  # no area code to leave out
    ("0893214567", "Call 9321 4567.", []),  # one group: where the area code ends cannot be told
])
def test_no_number_without_its_area_code_is_seen_where_there_is_none(tmp_path, phone, text, written):
    post = tmp_path / "p.md"
    post.write_text(f"# Booking\n\n{text}\n", encoding="utf-8")
    config = Config(site=Site(name="Inkline", city="Perth", phone=phone))
    found = [f for f in smpseo.check(str(post), config=config).findings if f.rule == "LOC301"]
    assert [f.message for f in found] == [f"Phone written '{w}', not '{phone}'" for w in written]
