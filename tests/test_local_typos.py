"""The clinic's facts mistyped: its business name without its accents or with one word misspelt (LOC302), its phone
number one digit off or with two digits swapped (LOC306); and a passive built on an irregular participle ("is
broken down"), found as one built on "torn" is (RD104)."""

from __future__ import annotations

import smpseo

KOWHAI = '[site]\nname = "Kōwhai Scalp & Co."\ncity = "Auckland"\nphone = "09 555 0123"\n'


def _findings(tmp_path, body: str, rules: list[str], settings: str = KOWHAI):
    (tmp_path / "smpseo.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "a.md").write_text(f"---\ntitle: Meet the team\n---\n\n{body}\n", encoding="utf-8")
    result = smpseo.check(str(tmp_path), smpseo.load_config(tmp_path / "smpseo.toml"), rules=rules, keyphrases=False)
    return [(f.rule, f.line, f.column, f.message) for f in result.findings]


def test_the_business_name_without_its_accents_is_the_name_written_another_way(tmp_path):
    """"Kowhai" for "Kōwhai" is looked past as LOC305 looks past the city's accents: said with the other ways the
    name is written, and once a post when the accents are all that differ."""
    body = ("Aroha founded Kowhai Scalp & Co. in 2019.\n\n"
            "We opened Kowhai Scalp and Co after a long search.\n\n"
            "Everyone at kowhai scalp & co. shares the same standards.\n\n"
            "Kowhai Scalp & Co. has two studios, and Kōwhai Scalp & Co. is in Auckland.\n\n"
            "Book at Kowhai today.")
    assert _findings(tmp_path, body, ["LOC302"]) == [
        ("LOC302", 5, 15, "Business name written 'Kowhai Scalp & Co.' (without accents), not 'Kōwhai Scalp & Co.' "
                          "(2 times in this post)"),
        ("LOC302", 7, 11, "Business name written 'Kowhai Scalp and Co' (without accents, other spelling), not "
                          "'Kōwhai Scalp & Co.'"),
        ("LOC302", 9, 13, "Business name written 'kowhai scalp & co.' (without accents, other capitals), not "
                          "'Kōwhai Scalp & Co.'"),
        ("LOC302", 13, 9, "Business name cut to its first word 'Kowhai', not 'Kōwhai Scalp & Co.'")]


def test_the_business_name_with_one_word_misspelt_is_told(tmp_path):
    """Two letters swapped, one dropped, added or changed in a word of 5 letters or more, the other words as they
    are. The name written with a combining accent ("o" and a macron after it) is the name itself."""
    body = ("Read how Kōhwai Scalp & Co. covers scars.\n\n"
            "Ask Kōwhai Sclap & Co. about it, or Kōwhaii Scalp and Co.\n\n"
            "Ko\u0304whai Scalp & Co. is open.")
    assert _findings(tmp_path, body, ["LOC302"]) == [
        ("LOC302", 5, 10, "Business name written 'Kōhwai Scalp & Co.' (misspelt), not 'Kōwhai Scalp & Co.'"),
        ("LOC302", 7, 5, "Business name written 'Kōwhai Sclap & Co.' (misspelt), not 'Kōwhai Scalp & Co.'"),
        ("LOC302", 7, 37, "Business name written 'Kōwhaii Scalp and Co.' (misspelt), not 'Kōwhai Scalp & Co.'")]


def test_ordinary_words_are_not_a_misspelt_name(tmp_path):
    """A word the dictionary lists is no misspelling ("Clinics", "Crows"); a short word (under 5 letters) is not
    looked at; and a long word misspelt is the misspelt-term rule's (SEO215), one typo, one finding."""
    settings = '[site]\nname = "Crown & Line Clinic"\n'
    body = ("Other Crown & Line Clinics exist; Crows & Line Clinic is a bar; Crown & Lane Clinic; "
            "Crown & Line Clinical trials.")
    assert _findings(tmp_path, body, ["LOC302"], settings) == []
    settings = '[site]\nname = "Advanced Scalp Clinic"\n'
    assert _findings(tmp_path, "Book at Advnaced Scalp Clinic.", ["LOC302", "SEO215"], settings) == [
        ("SEO215", 5, 9, "'Advnaced' looks like a misspelling of 'Advanced'")]


def test_a_phone_number_one_digit_off_the_clinic_s_is_a_typo(tmp_path):
    """The same count of digits, one other or two neighbours swapped, in any layout; not a number that differs more
    (a second studio, a mobile), only in its area code (another town's line) or after "fax"."""
    body = ("Call 09 555 0128 or +64 9 555 0213 to book.\n\n"
            "Our Hamilton studio is on (07) 555 0145; text Aroha on 021 555 0199.\n\n"
            "Our old Wellington line, 04 555 0123, is closed. Fax: 09 555 0124. Call 09 555 0123.")
    assert _findings(tmp_path, body, ["LOC301", "LOC306"]) == [
        ("LOC306", 5, 6, "Phone number '09 555 0128' is the clinic's '09 555 0123' with one digit off: a typo sends "
                         "calls elsewhere"),
        ("LOC306", 5, 21, "Phone number '+64 9 555 0213' is the clinic's '09 555 0123' with two digits swapped: a "
                          "typo sends calls elsewhere")]


def test_a_passive_on_broken_is_found_as_one_on_torn(tmp_path):
    body = ("The pigment is slowly broken down by the body over time. The old ink was broken by the laser. "
            "The skin was torn by the needle. We place each dot by hand. We match the shade to your hair.")
    found = _findings(tmp_path, body, ["RD104"])
    assert found == [("RD104", 5, 13, 'Passive voice: "is slowly broken"; 3 of 5 sentences are passive (60%, max 10%)'),
                     ("RD104", 5, 70, 'Passive voice: "was broken"; 3 of 5 sentences are passive (60%, max 10%)'),
                     ("RD104", 5, 104, 'Passive voice: "was torn"; 3 of 5 sentences are passive (60%, max 10%)')]


def test_was_born_is_no_passive_but_is_borne_is():
    """"She was born in Halifax" has no active to turn it into (Yoast does not count it either); it became a passive
    when the whole list of irregular participles was taken in."""
    from smpseo.analysis.passive import passive_phrase

    assert passive_phrase("She was born in Halifax in 1980.") is None
    assert passive_phrase("The cost is borne by the client.") == (9, "is borne")
