"""Local SEO rules (LOC3xx): one way to write the name, city and phone; a call to action; the city where it counts.

The facts come from `[site]` in smpseo.toml (name, city, phone) and its `[[site.locations]]` (each other studio's
city and phone: the clinic's as much as the main one's); a rule whose fact is not set stays silent.
"""

from __future__ import annotations

import re

from smpseo.analysis.phone import as_shown, mistyped_phones, phone_mentions, phone_regex, typo_of
from smpseo.analysis.placement import INTRO, SUBHEADING, TITLE
from smpseo.analysis.spelling import edit_distance
from smpseo.checks.engine import flag, passes
from smpseo.checks.kinds import Consistency, Placement, Required, last_prose_line, register, written_places
from smpseo.checks.names import FIRST_WORD, STRAIGHT, everyday_phrase, everyday_words, name_variants
from smpseo.core.language import (
    find_phrase,
    is_everyday_word,
    known_words,
    normalize_word,
    without_accents,
)
from smpseo.core.text import WORD_RE

register(Consistency(
    id="LOC301", name="phone-format", category="local", severity="warning",
    doc="The clinic's phone number written in another form than `[site] phone` (\"(212) 555-0147\" for "
        "\"212-555-0147\"; \"+44 161 555 0123\" for \"0161 555 0123\"): any country's layout, with or without the "
        "country code, or without the area code (\"555-0147\" for \"212-555-0147\"). Each of the clinic's numbers "
        "(a toll-free one given with the local one: `phone = [\"0113 496 0123\", \"0800 555 0199\"]`) and each "
        "studio's (`[[site.locations]] phone`) is checked against its own form.",
    hint="Write the number one way everywhere, as in [site] phone.",
    canonical=lambda ctx: _phones(ctx),
    variants=lambda ctx, phone, text: [(m.start(), shown, "") for m in phone_mentions(phone, text)
                                       if (shown := as_shown(m.group(0))) != as_shown(phone)],
    message="Phone written '{written}', not '{canonical}'",
    examples=[flag("Call 778 917 7772 today.",
                   "1:6 LOC301 Phone written '778 917 7772', not '778-917-7772'"),
              flag("Call (778) 917-7772 today.",
                   "1:6 LOC301 Phone written '(778) 917-7772', not '778-917-7772'"),
              flag("Call +1 778 917 7772 from abroad.",
                   "1:6 LOC301 Phone written '+1 778 917 7772', not '778-917-7772'"),
              flag("Our hours:\n\n| Day | Phone |\n| --- | --- |\n| Monday | 778 917 7772 |",
                   "5:12 LOC301 Phone written '778 917 7772', not '778-917-7772'"),
              flag("Call 778\u2013917\u20137772 today.",
                   "1:6 LOC301 Phone written '778\u2013917\u20137772', not '778-917-7772'"),
              flag("Locals can call 917-7772 today.",
                   "1:17 LOC301 Phone written '917-7772', not '778-917-7772'"),
              passes("Call 778-917-7772 today. Our fax is 604 555 0100."),
              passes("Call 778\u2011917\u20117772 (non-breaking hyphens) today.")]))


def _phones(ctx) -> list[str]:
    """The clinic's numbers that can be found in a text: the main studio's first, then each other studio's."""
    return [phone for phone in ctx.site.phones if phone_regex(phone)]


def _typos(ctx, phone: str, text: str) -> list[tuple[int, str, str]]:
    """`mistyped_phones` of `phone`, without a number that is another studio's or a typo of a number before it in
    `_phones` (said once, against that one)."""
    phones = _phones(ctx)
    earlier = phones[:phones.index(phone)] if phone in phones else []
    return [(at, number, how) for at, number, how in mistyped_phones(phone, text, others=phones)
            if not any(typo_of(number, other) for other in earlier)]


register(Consistency(
    id="LOC306", name="phone-typo", category="local", severity="warning",
    doc="A number written like a phone number that is the clinic's (`[site] phone`) mistyped: the same count of "
        "digits, and one of them other (\"09 555 0128\" for \"09 555 0123\") or two neighbours swapped "
        "(\"09 555 0132\"), in any layout. Calls to it go elsewhere. A number that differs more (another "
        "business's, a mobile) is not the clinic's, nor one after \"fax\". With several studios "
        "(`[[site.locations]]`), each studio's number is checked, and another studio's number is never taken for "
        "a typo of one.",
    hint="Write the clinic's number as in [site] phone.",
    canonical=lambda ctx: _phones(ctx),
    variants=lambda ctx, phone, text: _typos(ctx, phone, text),
    message="Phone number '{written}' is the clinic's '{canonical}' with {why}: a typo sends calls elsewhere",
    examples=[flag("Call 778-917-7727 today.",
                   "1:6 LOC306 Phone number '778-917-7727' is the clinic's '778-917-7772' with two digits swapped: a "
                   "typo sends calls elsewhere"),
              flag("Call us on +1 (778) 917-7773.",
                   "1:12 LOC306 Phone number '+1 (778) 917-7773' is the clinic's '778-917-7772' with one digit off: "
                   "a typo sends calls elsewhere"),
              passes("Call 778-917-7772 today. Our Surrey studio is on 604-555-0188, our fax 778-917-7773.")]))


register(Consistency(
    id="LOC302", name="business-name-form", category="local", severity="warning",
    doc="The business name written another way than `[site] name`: other capitals (\"Modern scalp clinic\", "
        "\"modern scalp clinic\"), other spelling (\"and\" for \"&\", \"Co\" for \"Co.\", \"Pty. Ltd\" for "
        "\"Pty Ltd\"), other accents (\"Kowhai Scalp & Co.\" for \"Kōwhai Scalp & Co.\": a spelling convention, "
        "said once a post), shortened (\"Modern Scalp\"), run together (\"ModernScalp\"), cut to its first word "
        "inside a sentence (\"book at Modern\"), or the whole name with one word of 5 letters or more misspelt by one "
        "letter (\"Modern Sclap Clinic\", \"Brickel Hairline Studio\"; not an everyday word, and a word of 7 letters or more misspelt "
        "anywhere is SEO215's). Words that go on as another name or a title in capitals (\"Modern Scalp Care Institute\", "
        "\"Treating Modern Hair Loss\") are not the name, nor the first word alone when it is the city, region "
        "or country (\"in Dublin\" for Dublin SMP) or a name of its own after \"the\", a place preposition or a "
        "determiner (\"along the Liffey\" for Liffey SMP, \"in Brickell\", \"our Brickell studio\"), nor the words of a name made of everyday words (\"Scalp Studio\") after \"a\", \"every\" or "
        "\"this\", or opening a sentence (\"every scalp studio\"), nor a one-word name that is an everyday word "
        "(\"Precision\") in lower case.",
    hint="Write the name exactly as in [site] name, everywhere.",
    canonical=lambda ctx: " ".join(ctx.site.name.split()), variants=name_variants,
    once=("without accents", "other accents"),
    message="Business name written '{written}' ({why}), not '{canonical}'",
    messages={FIRST_WORD: "Business name cut to its first word '{written}', not '{canonical}'"},
    examples=[flag("Visit Advanced scalp clinic today.",
                   "1:7 LOC302 Business name written 'Advanced scalp clinic' (other capitals), not "
                   "'Advanced Scalp Clinic'"),
              flag("Visit Advanced Scalp in Vancouver.",
                   "1:7 LOC302 Business name written 'Advanced Scalp' (shortened), not 'Advanced Scalp "
                   "Clinic'"),
              flag("Book a visit at Advanced today. Ask advanced scalp clinic staff.",
                   "1:17 LOC302 Business name cut to its first word 'Advanced', not 'Advanced Scalp Clinic'",
                   "1:37 LOC302 Business name written 'advanced scalp clinic' (other capitals), not 'Advanced "
                   "Scalp Clinic'"),
              flag("We are open late. Call Advanced for a consultation.",
                   "1:24 LOC302 Business name cut to its first word 'Advanced', not 'Advanced Scalp Clinic'"),
              flag("Visit Advanced Sclap Clinic, or Advanced Scalp Clinc in town.",
                   "1:7 LOC302 Business name written 'Advanced Sclap Clinic' (misspelt), not 'Advanced Scalp Clinic'",
                   "1:33 LOC302 Business name written 'Advanced Scalp Clinc' (misspelt), not 'Advanced Scalp Clinic'"),
              flag("Visit Advánced Scalp Clinic: Advánced Scalp Clinic is open. Ask advánced scalp clinic staff.",
                   "1:7 LOC302 Business name written 'Advánced Scalp Clinic' (other accents), not 'Advanced Scalp "
                   "Clinic' (2 times in this post)",
                   "1:65 LOC302 Business name written 'advánced scalp clinic' (other accents, other capitals), not "
                   "'Advanced Scalp Clinic'"),
              passes("Visit Advanced Scalp Clinic. Other Advanced Scalp Clinics exist, and Advanced Scalp Clinical."),
              passes("Visit Advanced Scalp Clinic today. Our advanced scalp care is gentle. Advanced cases heal."),
              passes("## Treating Advanced Hair Loss\n\nAsk the Advanced Scalp Clinic team, not the Advanced Scalp "
                     "Care Institute.")]))


def _acts(ctx) -> bool:
    """The post asks the reader to act somewhere: a call/book/contact phrase, the clinic's phone number, or a
    phone, mail or contact link. Any studio's number counts."""
    phones = ctx.site.phones
    for text, block, _ in written_places(ctx):
        if block is None:
            continue
        if find_phrase("cta_phrases", text):
            return True
        if any(phone_mentions(phone, text) for phone in phones):
            return True
    return any(link.href.startswith(("tel:", "mailto:")) or re.search(r"contact|book|consult", link.href, re.I)
               for link in ctx.post.links)


def _cta_hint(ctx) -> str:
    """LOC303's hint with the clinic's own number, when `[site] phone` holds one."""
    phone = ctx.site.phone.strip()
    return f"End with what to do next: \"Book a free consultation: call {phone}\"." if phone_regex(phone) else ""


register(Required(
    id="LOC303", name="no-call-to-action", category="local", severity="warning",
    doc="The post never asks the reader to act: no call/book/contact/consultation phrase, phone number or contact "
        "link.",
    hint="End with what to do next: \"Book a free consultation\", with your phone number or a contact link.",
    present=_acts, message="No call to action (call, book, consultation, contact)", at=last_prose_line,
    fix=_cta_hint,
    examples=[flag("SMP looks like shaved hair. It lasts for years.",
                   "1:1 LOC303 No call to action (call, book, consultation, contact)"),
              passes("SMP looks like shaved hair. Book a free consultation today."),
              passes("SMP looks like shaved hair. Our consultations are free."),
              passes("SMP looks like shaved hair. Drop by the studio, or reserve your spot online."),
              passes("SMP looks like shaved hair. Questions? Give us a bell, or send an enquiry.")]))


def _city_targeted(ctx):
    """The city as a phrase, when the post's focus keyphrase names it: the first of the clinic's cities (the main
    studio's, then each other studio's) it names; else None, and LOC304 is silent."""
    if ctx.focus is None:
        return None
    for city in ctx.site.cities:
        city_phrase = ctx.matcher.phrase(city)
        if city_phrase and all(k in ctx.focus.keys for k in city_phrase.keys):
            return city_phrase
    return None


def _names_city(ctx, city, part, _t) -> str | None:
    """The part's place when none of its texts (the title; the introduction; any subheading) names the city or
    another of the clinic's cities (a post about the Napier studio that names Wellington names where the clinic
    is)."""
    cities = [city, *(p for c in ctx.site.cities if (p := ctx.matcher.phrase(c)) and p.text != city.text)]
    named = any(text and ctx.matcher.share(c, text) == 1.0 for text in part.texts for c in cities)
    return None if named else part.place


register(Placement(
    id="LOC304", name="city-placement", category="local", severity="warning",
    doc="A post whose focus keyphrase names the city (or another studio's, `[[site.locations]] city`) does not "
        "name it in the title, the introduction, or any subheading (one finding for each). A part that names "
        "another of the clinic's cities names where the clinic is.",
    uses_keyphrase=True,
    hint="Name the city where readers and search engines look first: title, first paragraph, a subheading.",
    phrase=_city_targeted, where=(TITLE, INTRO, SUBHEADING), verdict=_names_city,
    message={TITLE: "Title does not name the city '{phrase}'",
             INTRO: "First paragraph does not name the city '{phrase}'",
             SUBHEADING: "No subheading names the city '{phrase}'"},
    examples=[flag("---\ntitle: What to expect from SMP\nkeyphrase: SMP Vancouver\n---\n\n"
                   "SMP gives a shaved look.\n\n## Aftercare\n\nKeep it dry.",
                   "2:8 LOC304 Title does not name the city 'Vancouver'",
                   "6:1 LOC304 First paragraph does not name the city 'Vancouver'",
                   "8:4 LOC304 No subheading names the city 'Vancouver'"),
              passes("---\ntitle: What to expect from SMP in Vancouver\nkeyphrase: SMP Vancouver\n---\n\n"
                     "Our Vancouver clinic explains SMP.\n\n## Aftercare in Vancouver's rain\n\nKeep it dry.")]))


def _city(ctx) -> list[str]:
    """The clinic's cities, each checked on its own (`Site.cities`)."""
    return ctx.site.cities


def _city_forms(ctx, c: str, text: str):
    """`_city_variants` of the city `c`, without what is another of the clinic's cities as written."""
    others = set(ctx.site.cities) - {c}
    return ((at, written, why) for at, written, why in _city_variants(ctx, c, text) if written not in others)


def _city_parts(c: str) -> list[str]:
    """The words of a city's name, hyphens and full stops taken as breaks ("Winston-Salem", "St. John's": two)."""
    return [part for word in WORD_RE.findall(c) for part in word.split("-") if part]


def _city_variants(ctx, c: str, text: str):
    """(offset, written, why) of each place the city is written another way: other capitals or accents
    ("Montreal" for "Montréal", "gold coast"), as one word ("Goldcoast"), with other punctuation ("Winston Salem",
    "St John's") or, a one-word city, misspelt by one letter (not a word the dictionary lists: "Austen" for "Austin"
    is a name, as `spelling` reads it). A city that is also an everyday word (one the dictionary writes in lower case:
    "Hull", "Derby", "Reading") is not looked for in lower case: "keep reading" is the word; a name only ("Vancouver",
    "Eugene") is."""
    if len(_city_parts(c)) > 1:
        yield from _phrase_variants(c, text)
        return
    low = c.lower()
    if low[0] not in text.lower() and c.isascii():
        return
    plain_city = without_accents(low)
    everyday = is_everyday_word(low)  # "Hull", "Derby", "Reading": in lower case, the everyday word ("a hull")
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        if everyday and word.islower():
            continue
        base = normalize_word(word, accents=True)
        if base == low:
            if word.startswith(c):
                continue
            yield m.start(), word, "other capitals"
        elif (plain := without_accents(base)) == plain_city:
            yield m.start(), word, "other accents" if plain != base else "without accents"
        elif min(len(base), len(low)) >= 5 and max(len(base), len(low)) >= 6 and base[0] == low[0] \
                and abs(len(base) - len(low)) <= 1 \
                and edit_distance(base, low, 1) == 1 and base not in known_words():  # "Austen" is a word
            yield m.start(), word, "misspelt"


_BETWEEN_PARTS = re.compile(r"\.?\s+|\s*-\s*")  # what may stand between two words of a city: a space, ". ", a hyphen


def _as_written(shown: str, c: str) -> str:
    """`shown` with straight apostrophes and without a possessive "'s" the city does not end with."""
    shown = " ".join(shown.split()).translate(STRAIGHT)
    return shown[:-2] if shown.endswith("'s") and not c.translate(STRAIGHT).endswith("'s") else shown


def _why(shown: str, c: str) -> str:
    """How a form of the city found by its words differs from `c`."""
    if shown.lower() == c.lower():
        return "other capitals"
    if without_accents(shown).lower() == without_accents(c).lower():
        return "without accents" if shown.isascii() else "other accents"
    return "other punctuation"


# Words that never stand before a city's name, but do before the everyday phrase its words make ("a long beach
# walk", "my white rock garden").
def _phrase_variants(c: str, text: str):
    """`_city_variants` for a city of several words ("Gold Coast", "Dún Laoghaire", "Winston-Salem",
    "St. John's"): its words in a row, with a space, a full stop or a hyphen between them, or run together. A city
    whose words are all everyday words ("Long Beach", "Red Deer") is not looked for where they are the everyday
    phrase (`everyday_phrase`)."""
    want = [normalize_word(w) for w in _city_parts(c)]  # lower case, accents off
    if want[0][:1] not in without_accents(text.lower()):
        return
    city = c.translate(STRAIGHT)
    everyday = everyday_words(c)
    tokens = [(m.start(), m.end(), m.group(0), normalize_word(m.group(0))) for m in WORD_RE.finditer(text)]
    i = 0
    while i < len(tokens):
        start, end, word, norm = tokens[i]
        if norm == "".join(want):  # "Goldcoast", "Gold-Coast", "Winston-Salem"
            shown = _as_written(word, c)
            if shown != city:
                yield start, word, "other capitals" if shown.lower() == city.lower() else "as one word"
            i += 1
            continue
        run = tokens[i:i + len(want)]
        if len(run) == len(want) and all(t[3] == w for t, w in zip(run, want, strict=True)) \
                and all(_BETWEEN_PARTS.fullmatch(text[a[1]:b[0]]) for a, b in zip(run, run[1:], strict=False)):
            shown = _as_written(text[start:run[-1][1]], c)
            if shown != city and not (everyday and everyday_phrase(text, start, shown)):
                yield start, " ".join(text[start:run[-1][1]].split())[:len(shown)], _why(shown, city)
            i += len(want)
            continue
        i += 1


register(Consistency(
    id="LOC305", name="city-form", category="local", severity="warning",
    doc="The city written another way than `[site] city`: lower case (\"leeds\", \"gold coast\"), other accents "
        "(\"Montreal\" for \"Montréal\": a spelling convention, said once a post), as one word (\"Goldcoast\"), with other punctuation (\"Winston Salem\", "
        "\"St John's\") or, a one-word city, misspelt (\"Manchster\"; not a word the dictionary lists, such as \"Austen\" "
        "for \"Austin\"). A hyphen or full stop in the city's name is part "
        "of it: \"Winston-Salem\" is not a misspelling of itself; a city that is also an everyday word, one the "
        "dictionary writes in lower case (\"Hull\", \"Derby\", \"Reading\"), is not looked for in lower case, nor a city of "
        "everyday words (\"Long Beach\", \"Red Deer\") where they make the everyday phrase: after \"a\", \"my\" or \"this\" "
        "(\"a long beach walk\") or opening a sentence (\"Long beach walks\"). Each studio's city "
        "(`[[site.locations]] city`) is checked the same way.",
    hint="Write the city's name as in [site] city.",
    canonical=_city, variants=_city_forms, once=("other accents", "without accents"),
    message="City written '{written}' ({why}), not '{canonical}'",
    examples=[flag("We work in vancouver.",
                   "1:12 LOC305 City written 'vancouver' (other capitals), not 'Vancouver'"),
              flag("We work in Vancover.",
                   "1:12 LOC305 City written 'Vancover' (misspelt), not 'Vancouver'"),
              flag("We work in Vancuover.",
                   "1:12 LOC305 City written 'Vancuover' (misspelt), not 'Vancouver'"),
              flag("We work in Váncouver. Váncouver is home, and vancouver too.",
                   "1:12 LOC305 City written 'Váncouver' (other accents), not 'Vancouver' (2 times in this post)",
                   "1:46 LOC305 City written 'vancouver' (other capitals), not 'Vancouver'"),
              passes("We work in Vancouver, at Vancouver's best clinic."),
              passes("Email vancouver@advancedscalp.example, see www.advancedscalp.example/vancouver/ or tag "
                     "#vancouver.")]))
