"""Local SEO rules (LOC3xx): one way to write the name, city and phone; a call to action; the city where it counts.

The facts come from `[site]` in smpseo.toml (name, city, phone); a rule whose fact is not set stays silent.
"""

from __future__ import annotations

import functools
import re

from smpseo.analysis.phone import as_shown, phone_mentions, phone_regex
from smpseo.analysis.placement import INTRO, SUBHEADING, TITLE
from smpseo.analysis.spelling import edit_distance
from smpseo.checks.engine import flag, passes
from smpseo.checks.kinds import Consistency, Placement, Required, last_prose_line, register, written_places
from smpseo.core.language import (
    find_phrase,
    is_everyday_word,
    is_function_word,
    known_words,
    normalize_word,
    without_accents,
)
from smpseo.core.text import WORD_RE

register(Consistency(
    id="LOC301", name="phone-format", category="local", severity="warning",
    doc="The clinic's phone number written in another form than `[site] phone` (\"(212) 555-0147\" for "
        "\"212-555-0147\"; \"+44 161 555 0123\" for \"0161 555 0123\"): any country's layout, with or without the "
        "country code.",
    hint="Write the number one way everywhere, as in [site] phone.",
    canonical=lambda ctx: ctx.site.phone.strip() if phone_regex(ctx.site.phone.strip()) else "",
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
              passes("Call 778-917-7772 today. Our fax is 604 555 0100."),
              passes("Call 778\u2011917\u20117772 (non-breaking hyphens) today.")]))


_STRAIGHT = str.maketrans({"’": "'", "‘": "'"})  # a curly apostrophe is the same name ("O’Connell", "Coeur d’Alene")


def _name_word(word: str) -> str:
    """One word of the business name as a post may write it: "&" or "and" for either, a closing full stop
    ("Co.", "Ltd.") there or not, a straight or a curly apostrophe."""
    if word.lower() in ("&", "and"):
        return "(?:&|and)"
    escaped = re.escape(word.translate(_STRAIGHT).rstrip(".")).replace("'", "['’‘]")
    return escaped + (r"\.?" if word.endswith(".") else "")


@functools.lru_cache(maxsize=16)
def _name_regex(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if len(words) < 2:
        return re.compile(rf"(?<![\w-]){_name_word(name)}(?![\w-])", re.I) if name else None
    # the full name, or its first two or more words ("Advanced Scalp" for "Advanced Scalp Clinic"); a short word
    # inside it may take a full stop ("Pty. Ltd." for "Pty Ltd", "Sdn. Bhd.")
    def gap(before: str) -> str:
        return r"\.?\s+" if len(before.rstrip(".")) <= 3 and not before.endswith(".") else r"\s+"

    head = _name_word(words[0]) + gap(words[0]) + _name_word(words[1])
    tail = "".join(rf"(?:{gap(b)}{_name_word(w)}" for b, w in zip(words[1:], words[2:], strict=False))
    return re.compile(rf"(?<![\w-]){head}{tail}{')?' * (len(words) - 2)}(?![\w-])", re.I)


FIRST_WORD = "first word"


@functools.lru_cache(maxsize=16)
def _first_word_regex(name: str) -> re.Pattern[str] | None:
    """The name's first word alone, capitalised inside a sentence ("book at Advanced today"): the name cut short.
    A capital after a sentence end, or the name's second word after it, is not that."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return re.compile(rf"(?<=[a-z,]\s)({_name_word(words[0])})(?![\w-])")


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"\s+(\S+)")


def _another_name(text: str, end: int) -> bool:
    """The words before `end` go on as another name or a title in title case: the next word is capitalised and
    not a function word ("Lone Star State", "Thinning Hair Loss")."""
    after = _WORD_AFTER.match(text, end)
    word = after.group(1).strip("\"'“”‘’()[],.;:!?") if after else ""
    return word[:1].isupper() and not is_function_word(word)


_AROUND_WORDS = "\"'“”‘’()[]*_"  # quotes, brackets and emphasis marks, which stand around words, not between them


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of its sentence (or of the text), quotes and marks before it aside."""
    earlier = text[:start].rstrip().rstrip(_AROUND_WORDS)
    return not earlier or earlier[-1] in ".!?:"


def _title_case(text: str, start: int) -> bool:
    """The word at `start` follows a capitalised word that does not open its sentence ("With Thinning Hair"), as in
    a title in title case; "Call Advanced" is not that."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1)[:1].isupper() and not _opens_sentence(text, before.start(1))


@functools.lru_cache(maxsize=16)
def _everyday_words(name: str) -> bool:
    return all(is_everyday_word(normalize_word(w)) for w in WORD_RE.findall(name))


def _name_variants(_ctx, name: str, text: str):
    """(offset, written, why) of each other way `text` writes the business name: other capitals or spelling ("and"
    for "&", "Co" for "Co."), shortened to its first words, or cut to its first word inside a sentence."""
    regex = _name_regex(name)
    starts = set()
    for m in regex.finditer(text) if regex else ():
        starts.add(m.start())
        written = " ".join(m.group(0).split())
        if written.translate(_STRAIGHT) == name.translate(_STRAIGHT):
            continue
        full = len(written.split()) == len(name.split())
        last = written.split()[-1]
        if not full and (written.lower() == written or not any(ch.isalnum() for ch in last)
                         or is_function_word(last) or _another_name(text, m.end())):
            continue  # "advanced scalp care", "Hair & beard", "Lone Star State": other words, not the name
        why = "other capitals" if written.lower() == name.lower() else "other spelling" if full else "shortened"
        if why == "other capitals" and _everyday_words(name) \
                and (written.islower() and len(name.split()) == 1 or _everyday_phrase(text, m.start(), written)):
            continue  # "with precision" for Precision, "a scalp studio" for Scalp Studio: the words, not the name
        yield m.start(), written, why
    first = _first_word_regex(name)
    if first is None or _a_place(_ctx, name.split()[0]):
        return  # "Dublin SMP": "in Dublin" names the city, not the clinic cut short
    for m in first.finditer(text):
        if m.start(1) in starts or _another_name(text, m.end(1)) or _title_case(text, m.start(1)) \
                or _the_proper_noun(text, m.start(1), m.group(1)):
            continue  # the name itself, a capital in title case ("Thinning Hair", "with Hair Loss"), "the Liffey"
        yield m.start(1), m.group(1), FIRST_WORD


def _a_place(ctx, word: str) -> bool:
    """`word` is the clinic's city, region or country (`[site]`), or one word of it."""
    site = getattr(ctx, "site", None)
    places = " ".join(str(getattr(site, k, "") or "") for k in ("city", "region", "country")).lower().split()
    return word.translate(_STRAIGHT).lower() in places


def _the_proper_noun(text: str, start: int, word: str) -> bool:
    """The word at `start` follows "the" and is a name of its own, not an everyday word: "along the Liffey" for
    Liffey SMP is the river; "ask the Advanced team" is still Advanced Scalp Clinic cut short."""
    before = _WORD_BEFORE.search(text, 0, start)
    return before is not None and before.group(1).lower() == "the" \
        and not is_everyday_word(normalize_word(word.translate(_STRAIGHT)))


register(Consistency(
    id="LOC302", name="business-name-form", category="local", severity="warning",
    doc="The business name written another way than `[site] name`: other capitals (\"Modern scalp clinic\", "
        "\"modern scalp clinic\"), other spelling (\"and\" for \"&\", \"Co\" for \"Co.\", \"Pty. Ltd\" for "
        "\"Pty Ltd\"), shortened (\"Modern Scalp\") or cut to its first word inside a sentence (\"book at "
        "Modern\"). Words that go on as another name or a title in capitals (\"Modern Scalp Care Institute\", "
        "\"Treating Modern Hair Loss\") are not the name, nor the first word alone when it is the city, region "
        "or country (\"in Dublin\" for Dublin SMP) or a name of its own after \"the\" (\"along the Liffey\" for "
        "Liffey SMP), nor the words of a name made of everyday words (\"Scalp Studio\") after \"a\", \"every\" or "
        "\"this\", or opening a sentence (\"every scalp studio\"), nor a one-word name that is an everyday word "
        "(\"Precision\") in lower case.",
    hint="Write the name exactly as in [site] name, everywhere.",
    canonical=lambda ctx: " ".join(ctx.site.name.split()), variants=_name_variants,
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
              passes("Visit Advanced Scalp Clinic today. Our advanced scalp care is gentle. Advanced cases heal."),
              passes("## Treating Advanced Hair Loss\n\nAsk the Advanced Scalp Clinic team, not the Advanced Scalp "
                     "Care Institute.")]))


def _acts(ctx) -> bool:
    """The post asks the reader to act somewhere: a call/book/contact phrase, the clinic's phone number, or a
    phone, mail or contact link."""
    phone = ctx.site.phone.strip()
    for text, block, _ in written_places(ctx):
        if block is None:
            continue
        if find_phrase("cta_phrases", text):
            return True
        if phone and phone_mentions(phone, text):
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
    """The city as a phrase, when the post's focus keyphrase names it (else None: LOC304 is silent)."""
    city = ctx.site.city
    if not city or ctx.focus is None:
        return None
    city_phrase = ctx.matcher.phrase(city)
    return city_phrase if city_phrase and all(k in ctx.focus.keys for k in city_phrase.keys) else None


def _names_city(ctx, city, part, _t) -> str | None:
    """The part's place when none of its texts (the title; the introduction; any subheading) names the city."""
    named = any(text and ctx.matcher.share(city, text) == 1.0 for text in part.texts)
    return None if named else part.place


register(Placement(
    id="LOC304", name="city-placement", category="local", severity="warning",
    doc="A post whose focus keyphrase names the city does not name it in the title, the introduction, or any "
        "subheading (one finding for each).",
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


def _city(ctx) -> str:
    return " ".join(ctx.site.city.split())


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
    shown = " ".join(shown.split()).translate(_STRAIGHT)
    return shown[:-2] if shown.endswith("'s") and not c.translate(_STRAIGHT).endswith("'s") else shown


def _why(shown: str, c: str) -> str:
    """How a form of the city found by its words differs from `c`."""
    if shown.lower() == c.lower():
        return "other capitals"
    if without_accents(shown).lower() == without_accents(c).lower():
        return "without accents" if shown.isascii() else "other accents"
    return "other punctuation"


# Words that never stand before a city's name, but do before the everyday phrase its words make ("a long beach
# walk", "my white rock garden").
_DETERMINERS = frozenset("a an this that these those my your our his her their its some any no every each".split())


def _everyday_phrase(text: str, start: int, shown: str) -> bool:
    """Whether words that are all everyday words (a city's, "Long Beach"; a business name's, "Scalp Studio"),
    found at `start` written `shown`, are the everyday phrase: in lower case but the first letter, after a determiner
    ("a long beach walk", "every scalp studio") or opening a sentence ("Long beach walks")."""
    if shown[1:] != shown[1:].lower():
        return False
    before = _WORD_BEFORE.search(text, 0, start)
    if before is not None and before.group(1).strip(_AROUND_WORDS).lower() in _DETERMINERS:
        return True
    return shown[:1].isupper() and _opens_sentence(text, start)


def _phrase_variants(c: str, text: str):
    """`_city_variants` for a city of several words ("Gold Coast", "Dún Laoghaire", "Winston-Salem",
    "St. John's"): its words in a row, with a space, a full stop or a hyphen between them, or run together. A city
    whose words are all everyday words ("Long Beach", "Red Deer") is not looked for where they are the everyday
    phrase (`_everyday_phrase`)."""
    want = [normalize_word(w) for w in _city_parts(c)]  # lower case, accents off
    if want[0][:1] not in without_accents(text.lower()):
        return
    city = c.translate(_STRAIGHT)
    everyday = _everyday_words(c)
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
            if shown != city and not (everyday and _everyday_phrase(text, start, shown)):
                yield start, " ".join(text[start:run[-1][1]].split())[:len(shown)], _why(shown, city)
            i += len(want)
            continue
        i += 1


register(Consistency(
    id="LOC305", name="city-form", category="local", severity="warning",
    doc="The city written another way than `[site] city`: lower case (\"leeds\", \"gold coast\"), other accents "
        "(\"Montreal\" for \"Montréal\"), as one word (\"Goldcoast\"), with other punctuation (\"Winston Salem\", "
        "\"St John's\") or, a one-word city, misspelt (\"Manchster\"; not a word the dictionary lists, such as \"Austen\" "
        "for \"Austin\"). A hyphen or full stop in the city's name is part "
        "of it: \"Winston-Salem\" is not a misspelling of itself; a city that is also an everyday word, one the "
        "dictionary writes in lower case (\"Hull\", \"Derby\", \"Reading\"), is not looked for in lower case, nor a city of "
        "everyday words (\"Long Beach\", \"Red Deer\") where they make the everyday phrase: after \"a\", \"my\" or \"this\" "
        "(\"a long beach walk\") or opening a sentence (\"Long beach walks\").",
    hint="Write the city's name as in [site] city.",
    canonical=_city, variants=_city_variants,
    message="City written '{written}' ({why}), not '{canonical}'",
    examples=[flag("We work in vancouver.",
                   "1:12 LOC305 City written 'vancouver' (other capitals), not 'Vancouver'"),
              flag("We work in Vancover.",
                   "1:12 LOC305 City written 'Vancover' (misspelt), not 'Vancouver'"),
              flag("We work in Vancuover.",
                   "1:12 LOC305 City written 'Vancuover' (misspelt), not 'Vancouver'"),
              passes("We work in Vancouver, at Vancouver's best clinic."),
              passes("Email vancouver@advancedscalp.example, see www.advancedscalp.example/vancouver/ or tag "
                     "#vancouver.")]))
