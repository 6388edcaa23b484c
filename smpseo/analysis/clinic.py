"""The clinic's facts as its posts write them: the phone number, the business name, the city, the site's address and
the service words, for `smpseo init` to suggest in a new `smpseo.toml`.

Every guess here is conservative: a wrong city or name in the settings is worse than none (the FAQ questions would
name the wrong place, every post would be told to write another clinic's name). A value is suggested only when the
posts make it clear: it is written in two posts or more, more often than anything else of its kind, and a rival of
about the same weight means no suggestion at all.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from smpseo.analysis.phone import as_shown, national_digits, phone_mentions
from smpseo.core.language import is_function_word
from smpseo.core.phone import phone_numbers
from smpseo.core.text import LOWER, UPPER
from smpseo.model.post import Post


@dataclass(frozen=True)
class Found:
    """A value found in the posts, and in how many of them (`posts` of `total`)."""

    value: str
    posts: int
    total: int


def _texts(post: Post) -> str:
    """What a post says: its title, description and prose."""
    return "\n\n".join(t for t in (post.title, post.description, post.text) if t)


def _clear_winner(counts: Counter, total: int, least: int = 2) -> Found | None:
    """The value written in the most posts, when that is `least` posts or more and at least twice the runner-up's."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < min(least, total):
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return Found(ranked[0][0], ranked[0][1], total)


def phone(posts: list[Post]) -> Found | None:
    """The clinic's phone number: the number written in the most posts (any number that may be one, in any country's
    layout: `phone_numbers`), in the layout written most often."""
    in_posts: Counter = Counter()
    layouts: dict[str, Counter] = {}
    for post in posts:
        seen = set()
        for number in phone_numbers(_texts(post)):
            written = as_shown(number)
            national = national_digits(written)
            layouts.setdefault(national, Counter())[written] += 1
            seen.add(national)
        in_posts.update(seen)
    winner = _clear_winner(in_posts, len(posts))
    if winner is None:
        return None
    return Found(layouts[winner.value].most_common(1)[0][0], winner.posts, winner.total)


# The words of a business name, as written just before its phone number ("Lakeshore SMP, 416-555-0199", "call
# Northern Hairline Studio on 0161 555 0123"): two to five capitalised words, "&" or "and" between them.
_NAME_WORD = rf"[{UPPER}][\w'’.&-]*"
_NAME_BEFORE_PHONE = re.compile(rf"({_NAME_WORD}(?:\s+(?:&|and|of|{_NAME_WORD})){{1,4}})\s*[,:(–—-]?\s*"
                                r"(?:(?:at|on|call|phone|tel\.?)\s+)?\(?$")
_NOT_NAME = {"Call", "Phone", "Tel", "Text", "Book", "Contact", "Ring", "Or", "Email", "Us", "Me"}
# Two to five capitalised words ("&", "and" or "of" between them) anywhere in a text: a name it may write
_NAME_RUN = re.compile(rf"(?<![\w'’]){_NAME_WORD}(?:\s+(?:&|and|of|{_NAME_WORD})){{1,4}}(?![\w'’])")


def name(posts: list[Post], number: str) -> Found | None:
    """The business name: the words written just before the clinic's phone number, in the most posts; or, where the
    posts write the number with a name before it only once or twice, the one of those names that at least half the
    posts write ("call Northern Hairline Studio on 0161 555 0123" once, "Northern Hairline Studio" in 7 of 8 posts)."""
    if not number:
        return None
    in_posts: Counter = Counter()
    texts = [_texts(post) for post in posts]
    mentions = [[m.start() for m in phone_mentions(number, text)] for text in texts]
    for text, starts in zip(texts, mentions, strict=True):
        seen = set()
        for start in starts:
            found = _NAME_BEFORE_PHONE.search(text[max(0, start - 80):start].split("\n")[-1])
            name_ = _as_name(found.group(1).split()) if found else None
            if name_:
                seen.add(name_)
        in_posts.update(seen)
    beside = _clear_winner(in_posts, len(posts))
    if beside is not None:
        return beside
    if not in_posts:  # "... at Crown & Line SMP in Leeds. Call us on 0113 ...": the names in the sentence before
        for text, starts in zip(texts, mentions, strict=True):
            in_posts.update(_names_near(text, starts))
    written: Counter = Counter({candidate: sum(1 for text in texts if re.search(
        rf"(?<![\w'’]){re.escape(candidate)}(?![\w'’])", text)) for candidate in in_posts})
    widely = _clear_winner(written, len(posts))
    return widely if widely is not None and widely.posts * 2 >= len(posts) else None


def _as_name(words: list[str]) -> str | None:
    """Capitalised words as a business name: without a leading "Call" or "Book" ("Call Lakeshore SMP on ...": the
    name follows), two words or more, not ending on "and", "of" or "&"; None when they are no name."""
    while words and words[0].strip(".,") in _NOT_NAME:
        words = words[1:]
    if len(words) >= 2 and words[-1] not in ("and", "of", "&"):
        return " ".join(words).rstrip(".,")
    return None


def _names_near(text: str, starts: list[int]) -> set[str]:
    """The capitalised runs of two words or more in the sentence that writes the number (at each of `starts` in
    `text`) and the one before it, each once (`_as_name`)."""
    found: set[str] = set()
    for start in starts:
        sentences = re.split(r"(?<=[.!?])\s+", text[max(0, start - 240):start])
        for run in _NAME_RUN.finditer(" ".join(sentences[-2:])):
            words = run.group(0).split()
            ends = next((i for i, w in enumerate(words[:-1]) if w.endswith((".", ",")) and len(w) > 3), None)
            name_ = _as_name(words[:ends + 1] if ends is not None else words)  # "Leeds. Call": a sentence ends there
            if name_:
                found.add(name_)
    return found


# A place after a word that introduces one ("in Toronto", "based in Gold Coast", "from Vancouver, BC").
_PLACE_NAME = rf"[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+){{0,2}}"  # "Montréal", "Rive-Sud", "Gold Coast"
_PLACE = re.compile(rf"\b(?:in|from|near|around|across|serving|of)\s+({_PLACE_NAME})(?:,\s*([A-Z]{{2,3}})\b)?")
_NOT_PLACE = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "The", "This", "That", "These", "Those", "Our", "Your", "My", "His", "Her", "Their", "Its", "Some",
              "Any", "All", "Most", "Many", "Each", "Every", "Fact", "General", "Particular", "Short", "Total",
              "Addition", "Order", "Case", "Time", "Summary", "Practice", "Person", "Spring", "Summer", "Autumn",
              "Fall", "Winter", "Scalp", "Hair", "Micropigmentation", "Dr", "Mr", "Mrs", "Ms"}


def _in_a_name(text: str, match: re.Match) -> bool:
    """Whether "of" and the words after it are part of one name with the capitalised word before them ("College of
    Dermatologists", "Society of Hair Restoration Surgery"): an organisation, not a place after "of" ("north of
    Perth")."""
    return match.group(0).startswith("of") and re.search(rf"[{UPPER}][\w'’-]*\s+$", text[:match.start()]) is not None


def _title_case(text: str) -> bool:
    """Whether every word of `text` but the function words has a capital ("What To Expect in Recovery"): there a
    capital marks no name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if not is_function_word(w)]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _runs(match: re.Match) -> list[str]:
    """The place a match names, and the shorter places it may be ("Vancouver Canada": "Vancouver" too)."""
    words = re.split(r"([ -])", match.group(1))  # words and the spaces or hyphens between them
    return ["".join(words[:i]) for i in range(len(words), 0, -2)]


def city(posts: list[Post], name: str = "") -> tuple[Found, str] | None:
    """The city the posts say the clinic is in, and its region when written as "Vancouver, BC" ("" otherwise).

    A place is counted once per post it follows "in", "from", "near"... in; a longer place ("Vancouver Canada") is
    the shorter one when its last word is a place of its own elsewhere ("in Canada"); a place written after another
    ("Canada" in "Vancouver Canada", where "Vancouver" is written alone too) is the larger one, not the city ("Manchester"
    in "Greater Manchester" is); the words of the business name are not places.
    In a title (or description) in Title Case, where every word has a capital, a place counts only where a sentence
    of the posts names it too ("What To Expect in Recovery" names no place). A place written right after the business
    name and a comma counts as one after "in".
    The city is the place in the most posts, twice as many as any other, and at least a third of them."""
    name_words = set(name.split())
    # A place written right after the business name ("Northern Hairline Studio, Manchester") is where it is.
    after_name = re.compile(rf"{re.escape(name)},\s+({_PLACE_NAME})\b") if name else None
    in_posts: Counter = Counter()
    alone: set[str] = set()  # places written on their own somewhere
    pairs: list[tuple[str, str, str]] = []  # a place's first word, the words after it, its last word
    regions: dict[str, Counter] = {}
    per_post: list[tuple[set[str], set[str]]] = []
    for post in posts:
        seen: set[str] = set()
        capitalised: set[str] = set()  # the places of a Title Case title: places only where a sentence names them
        for text in (post.title, post.description, post.text):
            for match in _PLACE.finditer(text or ""):
                if _in_a_name(text, match):
                    continue
                runs = [r for r in _runs(match) if r.split(" ")[0] not in _NOT_PLACE and not set(r.split()) & name_words]
                if runs and _title_case(text):
                    capitalised.update(runs)
                    continue
                if not runs:
                    continue
                alone.add(runs[-1] if len(runs) == 1 else runs[0])
                seen.update(runs)
                words = match.group(1).split(" ")
                if len(words) > 1:
                    pairs.append((words[0], " ".join(words[1:]), words[-1]))
                if match.group(2):
                    regions.setdefault(match.group(1), Counter())[match.group(2)] += 1
            for match in after_name.finditer(text or "") if after_name else ():
                if match.group(1).split(" ")[0] not in _NOT_PLACE:
                    seen.add(match.group(1))
                    alone.add(match.group(1))
        per_post.append((seen, capitalised))
    # The words after a place are a larger place ("Canada" in "Vancouver Canada") when the first word is a place
    # written on its own somewhere; after another word ("Greater Manchester") they are the place itself.
    outer = {place for first, rest, last in pairs if first in alone for place in (rest, last)}
    named = set().union(*(seen for seen, _ in per_post))
    for seen, capitalised in per_post:
        in_posts.update(seen | (capitalised & named))
    candidates: Counter = Counter()
    for place, count in in_posts.items():
        words = place.split(" ")
        if place in outer:
            continue
        if len(words) > 1 and (words[-1] in alone or " ".join(words[1:]) in alone):
            continue  # "Vancouver Canada": a city and its country, written without a comma
        candidates[place] = count
    # A longer place in as many posts as its first word is that place ("Gold Coast", not "Gold").
    for place in list(candidates):
        longer = [p for p in candidates if p != place and p.startswith(place + " ") and candidates[p] == candidates[place]]
        if longer:
            del candidates[place]
    winner = _clear_winner(candidates, len(posts))
    if winner is None or winner.posts * 3 < len(posts):
        return None
    region = regions.get(winner.value, Counter()).most_common(1)
    return winner, (region[0][0] if region and region[0][1] >= 2 else "")


def site_url(posts: list[Post]) -> Found | None:
    """The site's address: the scheme and host of the posts' canonical addresses (or the pages they were imported
    from), when most posts give one and they agree."""
    hosts: Counter = Counter()
    for post in posts:
        for address in (post.canonical, post.source):
            parts = urlsplit(address.strip()) if address else None
            if parts and parts.scheme in ("http", "https") and parts.netloc:
                hosts[f"{parts.scheme}://{parts.netloc.lower()}"] += 1
                break
    winner = _clear_winner(hosts, len(posts))
    return winner if winner is not None and winner.posts * 2 >= len(posts) else None


# The service in the words clinics write it: the long form and the short one (`[keywords] targets`), and the other
# words for it that `smpseo init` writes as `[keywords.synonyms]`.
SERVICE_LONG, SERVICE_SHORT = "scalp micropigmentation", "SMP"
SERVICE_SYNONYMS = {SERVICE_LONG: [SERVICE_SHORT, "scalp micro-pigmentation", "hair tattoo", "scalp tattoo"]}


def service_words(posts: list[Post], city: str = "") -> dict[str, int]:
    """In how many posts each form of the service's name is written; with `city`, also each form with the city's name
    where the targets `smpseo init` suggests put it ("Dublin scalp micropigmentation", "SMP Dublin")."""
    long_form, short_form = r"scalp\s+micro-?pigmentation", "SMP"
    forms = {SERVICE_LONG: re.compile(rf"\b{long_form}\b", re.I), SERVICE_SHORT: re.compile(rf"\b{short_form}\b")}
    if city.strip():
        place = r"\s+".join(map(re.escape, city.split()))
        forms[f"{city} {SERVICE_LONG}"] = re.compile(rf"(?<![\w'’-]){place}\s+{long_form}\b", re.I)
        forms[f"{SERVICE_SHORT} {city}"] = re.compile(rf"\b{short_form}\s+(?i:{place})(?![\w'’-])")
    texts = [_texts(p) for p in posts]
    return {form: sum(1 for text in texts if found.search(text)) for form, found in forms.items()}


def common_terms(posts: list[Post], top: int = 6) -> list[tuple[str, int]]:
    """The YAKE keyphrases (`smpseo.analysis.extract`) of two words or more that most posts share: ideas for more
    targets, with the number of posts each is among the top terms of."""
    from smpseo.analysis.extract import extract

    counts: Counter = Counter()
    shown: dict[str, str] = {}
    for post in posts:
        terms = extract(post) or []
        keys = set()
        for term, _score in terms:
            key = " ".join(term.lower().split())
            if len(key.split()) >= 2:
                keys.add(key)
                shown.setdefault(key, term)
        counts.update(keys)
    return [(shown[k], n) for k, n in counts.most_common(top) if n >= 2]
