"""Any value read from front matter or JSON-LD as plain JSON data and back, exactly: what the cache stores of a post.

JSON has strings, numbers, booleans, null, lists and string-keyed objects. Front matter has more (dates, times of day,
maps with number keys, sets, binary), so those are written as one-key objects tagged with a `$` name:
`{"$date": "2026-11-27"}`. An object whose keys are not all strings, or that has a key starting with `$`, is written
as `{"$map": [[key, value], ...]}`, so a tag can never be mistaken for data. A value of any other type raises
TypeError: nothing is guessed, and nothing read back can run code (no pickle).
"""

from __future__ import annotations

import base64
from datetime import date, datetime, time
from typing import Any

_NATIVE = (str, int, float, bool, type(None))


def to_plain(value: Any) -> Any:
    """`value` as JSON-ready data that `from_plain` turns back into an equal value."""
    if isinstance(value, _NATIVE):
        return value
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: to_plain(v) for k, v in value.items()}
        return {"$map": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    if isinstance(value, datetime):  # before date: a datetime is a date
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, time):  # TOML's local time: `opens = 09:30:00`
        return {"$time": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [to_plain(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"$set": [to_plain(v) for v in value]}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"cannot store a {type(value).__name__} as plain data")


def from_plain(data: Any) -> Any:
    """The value `to_plain` was given. Data of another shape raises TypeError or ValueError."""
    if isinstance(data, _NATIVE):
        return data
    if isinstance(data, list):
        return [from_plain(v) for v in data]
    if not isinstance(data, dict):
        raise TypeError(f"not plain data: {type(data).__name__}")
    if len(data) == 1:
        (tag, inner), = data.items()
        if tag.startswith("$"):
            return _TAGS[tag](inner)
    if any(k.startswith("$") for k in data):
        raise ValueError("a tagged value with more than one key")
    return {k: from_plain(v) for k, v in data.items()}


def _map(pairs: list) -> dict:
    return {_hashable(from_plain(k)): from_plain(v) for k, v in pairs}


def _hashable(key: Any) -> Any:
    if isinstance(key, (list, dict)):
        raise TypeError("a map key must be a scalar")
    return key


_TAGS = {
    "$map": _map,
    "$datetime": lambda s: datetime.fromisoformat(str(s)),
    "$date": lambda s: date.fromisoformat(str(s)),
    "$time": lambda s: time.fromisoformat(str(s)),
    "$tuple": lambda items: tuple(from_plain(v) for v in items),
    "$set": lambda items: {_hashable(from_plain(v)) for v in items},
    "$bytes": lambda s: base64.b64decode(str(s).encode("ascii"), validate=True),
}
