"""Search demand from Google Search Console: the `Queries.csv` of a performance export, and what it maps to.

Search Console > Performance > Export > CSV downloads a ZIP holding `Queries.csv`, `Pages.csv`, ... `Queries.csv`
starts with the header `"Top queries","Clicks","Impressions","CTR","Position"`; CTR is a percentage ("5.2%"),
Position a decimal, and large numbers may carry thousands separators ("1,234"). Either the CSV or the ZIP is read.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

HEADER = ("Top queries", "Clicks", "Impressions", "CTR", "Position")
QUESTION_RE = re.compile(r"^(how|what|why|when|can|does|do|is|are|will|should)\b", re.IGNORECASE)
# A query maps to the topic whose keys cover at least this share of the query's own keys.
MAP_THRESHOLD = 0.5


class QueryFileError(Exception):
    def __init__(self, path: str, message: str, line: int = 0):
        self.path, self.message, self.line = str(path), message, line
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


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


def _number(text: str, path: str, line: int, column: str, kind=int):
    value = text.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if value in ("", "-"):
        return None if kind is float else 0
    try:
        return kind(float(value)) if kind is int else float(value)
    except ValueError:
        raise QueryFileError(path, f"{column} is not a number: {text!r}", line) from None


def _percent(text: str, path: str, line: int) -> float | None:
    value = text.strip().rstrip("%").strip()
    if not value or value == "-":
        return None
    number = _number(value, path, line, "CTR", float)
    return None if number is None else round(number / 100.0, 6)


def parse_queries(text: str, path: str = "<queries>") -> list[Query]:
    """Queries from the text of a `Queries.csv`. Raises QueryFileError naming the file (and line)."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise QueryFileError(path, "empty file (expected a Search Console Queries.csv)") from None
    except csv.Error as exc:
        raise QueryFileError(path, f"not a CSV file: {exc}", 1) from None
    if tuple(h.strip() for h in header) != HEADER:
        got = ",".join(f'"{h}"' for h in header)[:120]
        expected = ",".join(f'"{h}"' for h in HEADER)
        raise QueryFileError(path, f"not a Search Console Queries.csv: header is {got}, expected {expected}", 1)
    rows: list[Query] = []
    try:
        for row in reader:
            line = reader.line_num
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) != len(HEADER):
                raise QueryFileError(path, f"expected {len(HEADER)} columns, found {len(row)}", line)
            query = " ".join(row[0].split())
            if not query:
                continue
            rows.append(Query(query, _number(row[1], path, line, "Clicks"), _number(row[2], path, line, "Impressions"),
                              _percent(row[3], path, line), _number(row[4], path, line, "Position", float), line))
    except csv.Error as exc:
        raise QueryFileError(path, f"malformed CSV: {exc}", reader.line_num) from None
    return rows


MAX_CSV_BYTES = 50 * 1024 * 1024  # a Search Console export holds at most 1,000 rows: a few hundred kilobytes


def read_queries(path: str | Path) -> list[Query]:
    """The queries of a Search Console `Queries.csv`, or of the export ZIP that holds one."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QueryFileError(str(path), "file not found") from None
    except OSError as exc:
        raise QueryFileError(str(path), f"cannot read: {exc.strerror or exc}") from None
    name = str(path)
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                member = next((m for m in archive.namelist() if Path(m).name.lower() == "queries.csv"), None)
                if member is None:
                    raise QueryFileError(name, "the ZIP holds no Queries.csv (is it a Search Console performance "
                                               "export?)")
                size = archive.getinfo(member).file_size
                if size > MAX_CSV_BYTES:  # the reader stops at this size, so a lying header cannot get past it
                    raise QueryFileError(f"{path}!{member}", f"{size:,} bytes unpacked; a Search Console export "
                                                             f"is far smaller (limit {MAX_CSV_BYTES:,})")
                data = archive.read(member)
                name = f"{path}!{member}"
        except zipfile.BadZipFile:
            raise QueryFileError(name, "not a valid ZIP file") from None
        except (RuntimeError, NotImplementedError, EOFError, OSError, zlib.error) as exc:  # encrypted, damaged
            raise QueryFileError(name, f"cannot unpack: {exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return parse_queries(text, name)


def _coerce(rows) -> list[Query]:
    out = []
    for r in rows:
        if isinstance(r, Query):
            out.append(r)
        elif isinstance(r, dict):
            out.append(Query(str(r.get("query") or r.get("Top queries") or ""), int(r.get("clicks", 0) or 0),
                             int(r.get("impressions", 0) or 0), r.get("ctr"), r.get("position")))
        else:
            out.append(Query(str(r), 0, 0, None, None))
    return out


def map_queries(rows, compiled, index) -> tuple[dict[str, list[Query]], list[Query]]:
    """Map each query to its best topic. Returns (topic id -> queries, question-style queries mapping to none).

    A query maps to the topic whose weighted keys cover at least MAP_THRESHOLD of the query's own keys' weight,
    words every post uses ("smp", "scalp") aside; ties go to the earlier topic.
    """
    demand: dict[str, list[Query]] = {}
    unmapped: list[Query] = []
    for q in _coerce(rows):
        keys = set(index.lexicon.keys(q.query))
        generic = not keys and q.is_question  # "what is smp": only generic words, matched against the questions
        if generic:
            keys = set(index.lexicon.keys(q.query, keep_generic=True))
        total = sum(index.weight(k) for k in keys)
        best_id, best = None, 0.0
        for topic in compiled if total else ():
            facets = [f for f in topic.facets if f.factor >= 0.8]
            if generic:  # "what is smp hair": a way of asking with the same words and the same question word
                opener = q.query.split()[0].lower()
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
            score = covered / total + 0.5 * asked
            if score > best:
                best_id, best = topic.topic.id, score
        if best_id:
            demand.setdefault(best_id, []).append(q)
        elif q.is_question:
            unmapped.append(q)
    unmapped.sort(key=lambda q: (-q.impressions, q.query))
    return demand, unmapped
