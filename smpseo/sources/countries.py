"""Which country a setting names and what local search wants to know of it: its ISO 3166-1 two-letter code
(schema.org's `addressCountry`), its international calling code and the trunk prefix its numbers drop in the
international form (`telephone`), from `smpseo/data/countries.tsv`. A country may be named by its code ("IE"), its
English name ("Ireland") or any other name `smpseo/data/en/place_aliases.txt` gives it ("UK", "USA", "Aotearoa
New Zealand", "Czech Republic").

    >>> country_of("Great Britain").code
    'GB'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2: "IE"
    calling: str  # ITU-T E.164 country calling code, "" when it has none: "353"
    trunk: str  # what a number written for callers in the country starts with, "" when nothing: "0"
    name: str  # English short name: "Ireland"


@functools.cache
def countries() -> dict[str, Country]:
    """Every country and territory of `smpseo/data/countries.tsv`, by its code."""
    from smpseo.core import shipped

    table = {}
    for line in shipped.read_text("countries.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            code, calling, trunk, name = line.split("\t")
            table[code] = Country(code, calling, trunk, name)
    return table


@functools.cache
def _by_name() -> dict[str, Country]:
    return {c.name.casefold(): c for c in countries().values()}


# The nations of the United Kingdom, which a clinic may give as its country: the UK's code and calling code, never
# aliases of one another (a search for "smp scotland" is not local to a London clinic)
_NATIONS = {"england": "GB", "scotland": "GB", "wales": "GB", "cymru": "GB", "northern ireland": "GB"}


def country_of(name: object) -> Country | None:
    """The country `name` names: its two-letter code in either case, its English short name, or another of its names
    in `place_aliases.txt`, or a nation of the United Kingdom ("Scotland": GB); None for a name neither file knows
    (or not a string)."""
    from smpseo.sources.queries import place_names

    if not isinstance(name, str) or not name.strip():
        return None
    key = " ".join(name.split())
    table, named = countries(), _by_name()
    if len(key) == 2 and key.upper() in table:
        return table[key.upper()]
    if key.casefold() in named:
        return named[key.casefold()]
    if key.casefold() in _NATIONS:  # a nation of the United Kingdom: its code, calling code and dates are the UK's
        return table.get(_NATIONS[key.casefold()])
    others = place_names(key, "country")
    found = {named[n.casefold()] for n in others if n.casefold() in named}
    found |= {table[n] for n in others if len(n) == 2 and n in table}  # a code as the list writes it: "GB"
    return found.pop() if len(found) == 1 else None


def country_code(name: object) -> str:
    """`country_of(name)`'s two-letter code ("GB" for "United Kingdom", "UK" or "Great Britain"), else `name` as
    given (stripped), which the settings may hold for a place the table does not know."""
    found = country_of(name)
    return found.code if found else (name.strip() if isinstance(name, str) else "")
