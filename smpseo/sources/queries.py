"""Search demand from Google Search Console: the `Queries.csv` of a performance export, and what it maps to.

`Queries.csv` starts with the header `"Top queries","Clicks","Impressions","CTR","Position"` (the comparison export:
each metric for two date ranges); either the CSV or the export ZIP is read (`smpseo.sources.searchconsole`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from smpseo.core.text import WORD_RE
from smpseo.model.post import ReadError
from smpseo.sources.searchconsole import MAX_CSV_BYTES, QueryFileError, Table, parse_table, read_export

__all__ = ["HEADER", "MAX_CSV_BYTES", "NO_QUERIES", "Query", "QueryFileError", "as_local", "map_queries", "parse_queries",
           "read_queries", "queries_notes"]

HEADER = ("Top queries", "Clicks", "Impressions", "CTR", "Position")
QUESTION_RE = re.compile(r"^(how|what|why|when|can|does|do|is|are|will|should)\b", re.IGNORECASE)
# What is said of a queries file with its header and no query (an export of a range with no search yet): read, and
# of no use for ranking.
NO_QUERIES = "no queries in it, only the header: the topics are ranked without search demand"
NONE_LEFT = "no query left to read (each row's figures are ones no export has): the topics are ranked without " \
    "search demand"
# A query maps to the topic whose keys cover at least this share of the query's own keys.
MAP_THRESHOLD = 0.5


@dataclass(frozen=True)
class Query:
    query: str
    clicks: int
    impressions: int
    ctr: float | None  # a fraction: "5.2%" -> 0.052
    position: float | None
    line: int = 0

    @property
    def is_question(self) -> bool:
        return bool(QUESTION_RE.match(self.query.strip()))

    def to_dict(self) -> dict:
        return {"query": self.query, "clicks": self.clicks, "impressions": self.impressions, "ctr": self.ctr,
                "position": self.position}


def parse_queries(text: str, path: str = "<queries>") -> Table:
    """Queries from the text of a `Queries.csv` (the current range of a comparison export), and the notes of
    reading it (a header in another language). Raises QueryFileError naming the file (and line)."""
    table = parse_table(text, path, HEADER[0], "Queries.csv")
    return Table([Query(r.key, r.current.clicks, r.current.impressions, r.current.ctr, r.current.position, r.line)
                  for r in table], table.notes, table.ranges,
                 table.left_out)


def read_queries(path: str | Path) -> Table:
    """The queries of a Search Console `Queries.csv`, or of the export ZIP that holds one; `notes`: what was said of
    reading it (`queries_notes` says them)."""
    text, name, notes = read_export(path, "Queries.csv")
    queries = parse_queries(text, name)
    queries.notes[:0] = notes
    return queries


def queries_notes(path: str | Path, rows: list[Query]) -> list[ReadError]:
    """What is said of the queries file at `path` once read into `rows`: what reading it said (a line read as
    Windows-1252, a header in another language, a row of figures no export has), and a warning when it holds no
    query (or none left to read)."""
    empty = NONE_LEFT if getattr(rows, "left_out", 0) else NO_QUERIES
    return [*getattr(rows, "notes", ()), *([] if rows else [ReadError(str(path), empty, severity="warning")])]


def _count(row: dict, key: str) -> int:
    """A query dict's whole-number count, or a ValueError naming the key and the value given."""
    value = row.get(key, 0) or 0
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"query {row.get('query')!r}: {key} must be a whole number, not {value!r:.60}") from None


def _coerce(rows) -> list[Query]:
    out = []
    for r in rows:
        if isinstance(r, Query):
            out.append(r)
        elif isinstance(r, dict):
            out.append(Query(str(r.get("query") or r.get("Top queries") or ""), _count(r, "clicks"),
                             _count(r, "impressions"), r.get("ctr"), r.get("position")))
        elif isinstance(r, str):
            out.append(Query(r, 0, 0, None, None))
        else:
            raise TypeError(f"each query must be a Query, a dict or a string, not {type(r).__name__} ({r!r:.60})")
    return out


@functools.cache
def _place_groups() -> tuple[tuple[str, str, frozenset[str], frozenset[str]], ...]:
    """Each place of `smpseo/data/en/place_aliases.txt`: (kind, the country of a region, the names searched for it,
    every name the settings may give it), a line each."""
    from smpseo.core import shipped

    groups = []
    kind, country = "country", ""
    for line in shipped.read_text("en", "place_aliases.txt").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            kind, _, country = line[1:-1].partition(" ")
        elif line and not line.startswith("#"):
            names = [n.strip() for n in line.split(" = ") if n.strip()]
            searched = frozenset(n for n in names if not n.startswith("("))
            groups.append((kind, country, searched, searched | {n.strip("()") for n in names}))
    return tuple(groups)


def place_names(place: str, kind: str = "region", country: str = "") -> set[str]:
    """Every name searchers type for a country (`kind` "country") or a state, province or territory ("region")
    (`smpseo/data/en/place_aliases.txt`): "United Kingdom", "UK", "Britain" ... for any of them; the name itself
    alone for a place the list does not hold. A code is read as a place of its kind, a region as one of `country`
    (when set): region "CA" is California, country "CA" Canada; region "WA" is Western Australia in Australia,
    Washington in the United States. A code that is an English word is never searched: region "ON" is Ontario."""
    key = place.strip().lower()
    nations = {n.lower() for k, _, _, names in _place_groups() if k == "country" and country.strip().lower()
               in {x.lower() for x in names} for n in names}
    found = [(home, searched) for k, home, searched, names in _place_groups()
             if k == kind and key in {n.lower() for n in names}]
    mine = [searched for home, searched in found if home.lower() in nations] or [s for _, s in found]
    return set().union(*mine) if mine else {place.strip()}


def as_local(read, site):
    """`read` (how a query is read before it is mapped), with the clinic's region and country, and every other
    studio's city, region and country (`[[site.locations]]`), read as its city: a search for "scalp
    micropigmentation ireland", "smp cost uk", "smp cost ontario" or "smp surrey" (a second studio's city) asks
    where to have it, or what it costs, there, as one naming the main city does; any name of a region or country
    counts (`place_names`). `site`: the settings' `[site]`; `read` itself when it names no city."""
    city = (getattr(site, "city", "") or "").strip()
    places: set[str] = set()
    for studio in (site, *(getattr(site, "locations", None) or [])):
        country = getattr(studio, "country", "") or getattr(site, "country", "")
        country = country if isinstance(country, str) else ""
        town = getattr(studio, "city", "") if studio is not site else ""
        if isinstance(town, str) and town.strip():
            places.add(" ".join(town.split()))
        places |= {name for kind in ("region", "country") for p in [getattr(studio, kind, "")]
                   if isinstance(p, str) and p.strip() for name in place_names(p, kind, country)}
    places = {p for p in places if p.lower() != city.lower()}
    if not city or not places:
        return read
    named = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
                       + r")(?!\w)", re.IGNORECASE)

    def local(text: str) -> str:
        text = named.sub(city, text)
        return read(text) if read else text

    return local


def _opening(text: str) -> tuple[str, ...]:
    """A question's first two words ("how much", "how long", "can i"), lowercased: how it asks."""
    return tuple(w.lower() for w in WORD_RE.findall(text)[:2])


def map_queries(rows, compiled, index, read=None) -> tuple[dict[str, list[Query]], list[Query], list[Query]]:
    """Map each query to its best topic. Returns (topic id -> queries, question-style queries mapping to none, the
    other queries mapping to none: demand no topic counts, which a topic's phrasings can take in).

    A query maps to the topic whose weighted keys cover at least MAP_THRESHOLD of the query's own keys' weight,
    words every post uses ("smp", "scalp") aside; ties go to the earlier topic. `read`: how a query's text is
    read before its keys are taken (the matcher's mending of mistyped words); the query is kept as written.
    """
    demand: dict[str, list[Query]] = {}
    unmapped: list[Query] = []
    others: list[Query] = []
    strong = [(topic, [f for f in topic.facets if f.factor >= 0.8]) for topic in compiled]  # (once, not a query each)
    for q in _coerce(rows):
        text = read(q.query) if read else q.query
        keys = set(index.lexicon.keys(text))
        generic = not keys and q.is_question  # "what is smp": only generic words, matched against the questions
        if generic:
            keys = set(index.lexicon.keys(text, keep_generic=True))
        total = sum(index.weight(k) for k in keys)
        best_id, best = None, 0.0
        for topic, facets in strong if total else ():
            if generic:  # "what is smp hair": a way of asking with the same words and the same question word
                opener = text.split()[0].lower()
                facets = [f for f in facets if (f.generic or f.full <= keys) and f.text.lower().startswith(opener)]
                topic_keys = set().union(*(f.full for f in facets))
            else:
                topic_keys = topic.weights.keys()
            covered = sum(index.weight(k) for k in keys if k in topic_keys)
            if not facets or covered / total < MAP_THRESHOLD:
                continue
            # Among topics covering the query, prefer the one whose way of asking the query covers best.
            asked = max(sum(index.weight(k) for k in f.full & keys) / sum(index.weight(k) for k in f.full)
                        for f in facets)
            # ... and the one asked the same way: "how much is smp in leeds" asks what "How much does SMP cost in
            # Leeds?" asks, though its only key, the place, is also the whole of "Where can I get SMP in Leeds?"
            same_way = q.is_question and any(_opening(f.text) == _opening(text) for f in facets)
            score = covered / total + 0.5 * asked + 0.5 * same_way
            if score > best:
                best_id, best = topic.topic.id, score
        if best_id:
            demand.setdefault(best_id, []).append(q)
        elif q.is_question:
            unmapped.append(q)
        elif q.query.strip():
            others.append(q)
    for found in (unmapped, others):
        found.sort(key=lambda q: (-q.impressions, q.query))
    return demand, unmapped, others
