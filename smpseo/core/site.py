"""`[site]`: the clinic's facts, and its other studios (`[[site.locations]]`), as `smpseo.toml` holds them.

`[site]` is the clinic and its main location: its name, city, phone (or phones: a local number and a toll-free one,
`phone = ["0161 496 0123", "0800 555 0199"]`), address. A clinic with more studios adds one
`[[site.locations]]` table for each, with that studio's own city, region, address, phone and opening hours, as
local-SEO tools and Google Business Profile list one business with several locations. The rules take every studio's
city and phone as the clinic's (`Site.cities`, `Site.phones`); the FAQ questions name the main city.

`site_problems` checks the table as read from the file; `site_from_table` makes a `Site` of it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from smpseo.core.phone import national_digits, phone_problem

MAX_TEXT = 1_000  # characters in one setting: a site name, a phrase, an address (a real one is under 100)
MAX_LOCATIONS = 1_000  # `[[site.locations]]`: a chain of clinics has dozens
LOCATIONS = "site.locations"  # the array of tables, as the file names it


@dataclass
class Location:
    """One more of the clinic's studios (`[[site.locations]]`): where it is, its phone and opening hours, and its
    own page on the site (`url`, optional). The business's name, type and price range are `[site]`'s."""

    city: str = ""
    region: str = ""
    address: str = ""  # the street address
    postal_code: str = ""
    country: str = ""
    phone: str = ""
    url: str = ""
    latitude: float | None = None
    longitude: float | None = None
    opening_hours: list[str] = field(default_factory=list)


@dataclass
class Site(Location):
    """The clinic (`[site]`): its main studio, with the facts every studio has (`Location`: city, region, address,
    postcode, country, phone, map position, opening hours; `url` is the blog's address), and the business's own: its
    name, schema.org type and price range ("$$"), and its other studios."""

    name: str = ""
    business_type: str = ""
    price_range: str = ""
    locations: list[Location] = field(default_factory=list)  # the other studios, after the main one above
    # The main studio's other numbers, after `phone` (`[site] phone` given as a list: a toll-free number too).
    more_phones: list[str] = field(default_factory=list)

    @property
    def cities(self) -> list[str]:
        """The city of every studio, the main one's first, each once (spaces as written once)."""
        found = [" ".join(c.split()) for c in (self.city, *(loc.city for loc in self.locations))]
        return list(dict.fromkeys(c for c in found if c))

    @property
    def phones(self) -> list[str]:
        """The phone numbers of every studio, the main one's first (its toll-free number too: `more_phones`), each
        number once (in the layout first written)."""
        found: dict[str, str] = {}
        for phone in (self.phone, *self.more_phones, *(loc.phone for loc in self.locations)):
            if phone.strip():
                found.setdefault(national_digits(phone), phone.strip())
        return list(found.values())

    @property
    def places(self) -> list[str]:
        """The city, region and country of every studio, as set."""
        return [p for s in (self, *self.locations) for p in (s.city, s.region, s.country) if p and p.strip()]


# schema.org types a clinic's markup may take: LocalBusiness and the subtypes that fit an SMP clinic.
BUSINESS_TYPES = ("LocalBusiness", "MedicalBusiness", "MedicalClinic", "HealthAndBeautyBusiness", "BeautySalon",
                  "HairSalon", "DaySpa", "TattooParlor")
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
SITE_KEYS = {"name", "city", "phone", "url", "address", "region", "business_type", "postal_code", "country",
             "latitude", "longitude", "opening_hours", "price_range", "locations"}
LOCATION_KEYS = {f.name for f in Location.__dataclass_fields__.values()}
# What a list in one of these `[site]` keys means: the clinic has more studios, each its own `[[site.locations]]`.
_ONE_STUDIO = {"city", "address", "region", "postal_code"}
MAX_PHONES = 10  # numbers of the main studio in `[site] phone`: a local one, a toll-free one, a mobile


@functools.cache
def _opening_hours() -> re.Pattern:
    """An `opening_hours` entry ("Mo-Fr 09:00-17:00"), compiled when a file has one."""
    return re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)* (?:[01]\d|2[0-4]):[0-5]\d-(?:[01]\d|2[0-4]):[0-5]\d$")


def url_problem(value: str) -> str | None:
    """What is wrong with a blog's address (`[site] url`, `smpseo init --url`), or None: it is written whole, with
    http:// or https:// and a host."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return f"{value!r} is not a web address: write it whole, e.g. https://www.example.com"
    return None


def _value_problem(key: str, value: Any) -> str | None:
    """What is wrong with one fact of `[site]` or of a location, said after its key, or None."""
    if key in ("latitude", "longitude"):
        limit = 90 if key == "latitude" else 180
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
            return f"{key} must be a number from -{limit} to {limit}, not {value!r}"
        return None
    if key == "opening_hours":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return 'opening_hours must be a list of strings like "Mo-Fr 09:00-17:00"'
        bad = next((v for v in value if not _opening_hours().match(v.strip())), None)
        return None if bad is None else (f"opening_hours: {bad!r} is not like \"Mo-Fr 09:00-17:00\" (days Mo Tu We "
                                         "Th Fr Sa Su, 24-hour times)")
    if not isinstance(value, str):
        return f"{key} must be a string"
    if len(value) > MAX_TEXT:
        return f"{key} is {len(value):,} characters long (at most {MAX_TEXT:,})"
    if key == "phone" and value.strip() and (problem := phone_problem(value.strip())):
        return f"phone {problem}"
    if key == "url" and value.strip() and (problem := url_problem(value.strip())):
        return f"url {problem}"
    return None


def _place_problems(table: dict[str, Any]) -> list[str]:
    """The mistakes of `[site]` or one location's table, each said after its key; latitude and longitude go
    together."""
    problems = [p for key, value in table.items() if key in SITE_KEYS - {"locations"}
                and (p := _value_problem(key, value))]
    if ("latitude" in table) != ("longitude" in table):
        problems.append("latitude and longitude go together: give both or neither")
    return problems


def site_problems(site: dict[str, Any]) -> list[tuple[str, int | None]]:
    """Every mistake of `[site]` and its locations, in the file's order: (what is wrong, the index of the location
    it is in, or None for `[site]` itself). Each message opens with where it is: "[site] phone ...",
    "[[site.locations]] phone ...". Unknown keys of `[site]` are the settings' to say."""
    problems: list[tuple[str, int | None]] = []
    if isinstance(site.get("phone"), list):  # the main studio's numbers: a local one and a toll-free one
        problems += [(f"[site] {message}", None) for message in _phone_list_problems(site["phone"])]
        site = {k: v for k, v in site.items() if k != "phone"}
    for message in _place_problems(site):
        key = message.split(" ", 1)[0].rstrip(":")
        if key in _ONE_STUDIO and isinstance(site.get(key), list):
            message += (f": one {key} for the main studio; write each other studio as a [[{LOCATIONS}]] table "
                        f"with its own city, phone and address")
        problems.append((f"[site] {message}", None))
    kind = site.get("business_type")
    if isinstance(kind, str) and kind and kind not in BUSINESS_TYPES:
        problems.append((f"[site] business_type {kind!r} is not one of {', '.join(BUSINESS_TYPES)}", None))
    locations = site.get("locations", [])
    if not isinstance(locations, list) or not all(isinstance(entry, dict) for entry in locations):
        return [*problems, (f"[site] locations must be tables: write each studio as [[{LOCATIONS}]] with its city, "
                            "phone and address", None)]
    if len(locations) > MAX_LOCATIONS:
        return [*problems, (f"[site] locations: {len(locations):,}, more than the {MAX_LOCATIONS:,} a settings file "
                            "may have", None)]
    for index, entry in enumerate(locations):
        for key in entry:
            if key not in LOCATION_KEYS:
                problems.append((f"[[{LOCATIONS}]] unknown key '{key}' (known: {', '.join(sorted(LOCATION_KEYS))}; "
                                 "the business's name, type and price range are [site]'s)", index))
        known = {k: v for k, v in entry.items() if k in LOCATION_KEYS}
        problems.extend((f"[[{LOCATIONS}]] {message}", index) for message in _place_problems(known))
        if "city" not in entry:
            problems.append((f"[[{LOCATIONS}]] needs a city: the town or city the studio is in", index))
        elif isinstance(entry["city"], str) and not entry["city"].strip():  # (a city that is no string: said above)
            problems.append((f"[[{LOCATIONS}]] city is empty: write the town or city the studio is in", index))
    return problems


def _phone_list_problems(phones: list) -> list[str]:
    """What is wrong with `[site] phone` given as a list of the main studio's numbers."""
    if not phones or len(phones) > MAX_PHONES:
        return [f"phone: give one number, or a list of 1 to {MAX_PHONES} (a local number and a toll-free one)"]
    if not all(isinstance(p, str) for p in phones):
        return ["phone must be a string or a list of strings (a local number and a toll-free one); each other "
                f"studio's number goes in its own [[{LOCATIONS}]] table"]
    return [p for phone in phones if (p := _value_problem("phone", phone))]


def site_from_table(site: dict[str, Any]) -> Site:
    """A Site from a `[site]` table `site_problems` found nothing wrong with; `phone` given as a list is `phone`
    (the first number) and `more_phones` (the others)."""
    if isinstance(site.get("phone"), list):
        first, *more = [p.strip() for p in site["phone"]]
        site = {**site, "phone": first, "more_phones": more}
    locations = [Location(**{k: v.strip() if isinstance(v, str) else v for k, v in entry.items()})
                 for entry in site.get("locations", [])]
    return Site(**{k: v for k, v in site.items() if k != "locations"}, locations=locations)
