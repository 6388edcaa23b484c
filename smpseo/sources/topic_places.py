"""The clinic's place in the FAQ topics' questions: `{city}`, `{region}`, `{country}` and `{jurisdiction}` filled from
`[site]` (`localize`).

`{jurisdiction}` is the place whose law governs the clinic, for a question such as "Is SMP regulated in
{jurisdiction}?": the region (`[site] region`) in a country whose states, provinces or territories license tattooing
and SMP each by its own law (`REGULATED_BY_REGION`: Australia, Canada, the United States), else the country: in
Ireland or the United Kingdom the rules are national, and "regulated in County Dublin?" asks what no one asks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from smpseo.sources.countries import country_of

PLACES = ("city", "region", "country", "jurisdiction")
SHIPPED = "faq_topics.yml"  # the shipped topics (smpseo/data): their questions are in British spelling

# Countries whose states, provinces or territories each license tattooing and SMP (body-art and public-health
# laws), where a national rule does not exist: ISO 3166-1 codes
REGULATED_BY_REGION = frozenset({"AU", "CA", "US"})


def jurisdiction(region: str, country: str) -> str:
    """Where the clinic's rules are made: `region` where its country regulates by region, or the country is not
    known (`REGULATED_BY_REGION`), else `country` (its English name where the settings give its code: "ZA" is
    South Africa); the other when one is not set."""
    known = country_of(country)
    if known is not None and country.strip().upper() == known.code:
        country = known.name  # "regulated in South Africa", not "in ZA"
    if known is not None and known.code not in REGULATED_BY_REGION:
        return country
    return region or country


def localize(topics: list[Any], site) -> list[Any]:
    """Topics (`smpseo.sources.topics.Topic`) with `{city}`, `{region}`, `{country}` and `{jurisdiction}`
    (`jurisdiction`) filled from the site's settings (`[site]`).

    What is set is filled and what is not is left out: in a question, "in {city}, {region}" with only the city set
    becomes "in Leeds", and with neither "near me" ("in {region}" or "in {country}" alone: "where I live"; a region
    not set is the country, when that is: "in Ireland"); after
    another preposition the place is named in general ("from across {region}": "from across the region"); a
    phrasing or term that names only places that are not set is dropped. For a clinic in the United States, the
    questions' British spellings are American ("gray", "color")."""
    places = {k: str(getattr(site, k, "") or "").strip() for k in PLACES[:3]}
    places["jurisdiction"] = jurisdiction(places["region"], places["country"])
    countries = {"country", *(["jurisdiction"] if places["jurisdiction"] != places["region"] else [])}

    def named(text: str) -> list[str]:
        return [k for k in PLACES if "{" + k + "}" in text]

    def place_phrase(m: re.Match) -> str:
        keys = _BRACES_RE.findall(m.group())
        known = [_named(places[k], k in countries and len(keys) == 1) for k in keys if places[k]]
        if not known and "region" in keys and places["country"]:  # no region set: the country ("regulated in Ireland")
            known = [_named(places["country"], True)]
        prep = m.group("prep")
        if known:
            return f" {prep} {', '.join(known)}"
        if prep.lower() not in _HERE:  # "from across {region}", "the rest of {country}": the place in general
            return f" {prep} the {keys[0]}"
        return " near me" if "city" in keys else " where I live"

    american = getattr(country_of(places["country"]), "code", "") == "US"

    def fill(text: str, spell: bool = False) -> str:
        if spell:  # the shipped questions are in British spelling: "grey", "colour" are "gray", "color" there
            text = _BRITISH_RE.sub(lambda m: _as_case(_AMERICAN[m.group().lower()], m.group()), text)
        text = _PLACE_RE.sub(place_phrase, text)
        text = _BRACES_RE.sub(lambda m: places[m.group(1)], text)
        return " ".join(text.split()).replace(" ?", "?").replace(" ,", ",")

    def kept(text: str) -> bool:
        return not named(text) or any(places[k] for k in named(text))

    out = []
    for t in topics:
        spell = american and t.source.endswith(SHIPPED)  # (a clinic's own questions stay as it wrote them)
        if not spell and not any(map(named, (t.question, *t.phrasings, *t.terms))):
            out.append(t)
            continue
        out.append(replace(t, question=fill(t.question, spell),
                           phrasings=tuple(fill(x, spell) for x in t.phrasings if kept(x)),
                           terms=tuple(dict.fromkeys(fill(x, spell) for x in t.terms if kept(x)))))
    return out


# Countries whose English name is said with "the": "in the United Kingdom", "in the UK", "in the Netherlands".
_WITH_THE = re.compile(r"^(?:United |Dominican Republic|Central African Republic|Czech Republic)|(?:Islands|Emirates|"
                       r"Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$")


def _named(place: str, country: bool) -> str:
    """`place` as a question names it: a country that is said with "the" gets it ("the UK")."""
    if not country or place.lower().startswith("the "):
        return place
    known = country_of(place)
    as_named = place.casefold() == getattr(known, "name", "").casefold() or (place.isupper() and len(place) <= 4)
    return f"the {place}" if known is not None and as_named and _WITH_THE.search(known.name) else place


_AMERICAN = {"colour": "color", "colours": "colors", "grey": "gray", "greying": "graying", "ageing": "aging"}
_BRITISH_RE = re.compile(r"\b(?:" + "|".join(_AMERICAN) + r")\b", re.IGNORECASE)


def _as_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


_HERE = ("in", "near", "around")  # "in {city}" with no city set asks "near me"
_PLACE_RE = re.compile(r",?\s+(?P<prep>in|near|around|across|throughout|within|outside|beyond|from|to|of|at|for)"
                       r"\s+\{(?:city|region|country|jurisdiction)\}(?:,?\s*\{(?:region|country)\})*", re.IGNORECASE)
_BRACES_RE = re.compile(r"\{(city|region|country|jurisdiction)\}")
