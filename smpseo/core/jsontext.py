"""JSON text with indentation, exactly as `json.dumps(obj, indent=..., ensure_ascii=..., default=...)` writes it, in a
fraction of the time.

With `indent`, the standard library encodes in Python, one generator step per token: a 510-post `check --format json`
(17,000 findings) took most of a second. Here each container is written by one loop that encodes strings with the
standard library's own C encoder and numbers with their own `repr`, as `json` does, in the same order with the same
separators; `tests/test_jsontext.py` holds it to `json.dumps` on the real outputs and on random data. Only the
arguments smpseo uses are offered (no `sort_keys`, `skipkeys` or custom separators); a circular structure is not
detected (smpseo's results have none) and nested too deeply raises RecursionError, as `json` does."""

from __future__ import annotations

from json.encoder import encode_basestring, encode_basestring_ascii

_INFINITY = float("inf")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _null(value: None) -> str:
    return "null"


_OTHER = object()  # `scalar()` of a value json hands to `default`


def dumps(obj, *, indent: int = 2, ensure_ascii: bool = True, default=None) -> str:
    """`json.dumps(obj, indent=indent, ensure_ascii=ensure_ascii, default=default)`."""
    string = encode_basestring_ascii if ensure_ascii else encode_basestring
    step = " " * indent
    out: list[str] = []
    write = out.append

    def scalar(value):
        """A value that is not a container, encoded (json's order of tests); None for a list, tuple or dict."""
        if isinstance(value, str):
            return string(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return _float(value)
        if isinstance(value, (list, tuple, dict)):
            return None
        return _OTHER

    def key_of(key) -> str:
        if isinstance(key, str):
            return string(key)
        if isinstance(key, float):
            return string(_float(key))
        if key is True:
            return '"true"'
        if key is False:
            return '"false"'
        if key is None:
            return '"null"'
        if isinstance(key, int):
            return string(int.__repr__(key))
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")

    def value_of(value, encoded, level: int) -> None:
        """Write a value whose `scalar()` is `encoded`."""
        if encoded is None:
            if isinstance(value, dict):
                mapping(value, level)
            else:
                sequence(value, level)
        elif encoded is _OTHER:
            if default is None:
                raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
            value = default(value)
            value_of(value, scalar(value), level)
        else:
            write(encoded)

    plain = {str: string, int: int.__repr__, float: _float, bool: _bool, type(None): _null}

    def mapping(value: dict, level: int) -> None:
        if not value:
            write("{}")
            return
        inner = "\n" + step * (level + 1)
        separator = "," + inner
        try:  # the common case, a dict of text keys and plain values (a finding, a row), in one go
            write("{" + inner + separator.join([string(k) + ": " + plain[type(v)](v) for k, v in value.items()])
                  + "\n" + step * level + "}")
            return
        except (KeyError, TypeError):  # a container, another type, a key that is not text: item by item
            pass
        write("{")
        first = True
        for key, item in value.items():
            key = key_of(key)
            write(inner + key + ": " if first else separator + key + ": ")
            first = False
            encoded = scalar(item)
            if encoded is None or encoded is _OTHER:
                value_of(item, encoded, level + 1)
            else:
                write(encoded)
        write("\n" + step * level + "}")

    def sequence(value, level: int) -> None:
        if not value:
            write("[]")
            return
        inner = "\n" + step * (level + 1)
        separator = "," + inner
        try:
            write("[" + inner + separator.join([plain[type(v)](v) for v in value]) + "\n" + step * level + "]")
            return
        except KeyError:
            pass
        write("[")
        first = True
        for item in value:
            write(inner if first else separator)
            first = False
            encoded = scalar(item)
            if encoded is None or encoded is _OTHER:
                value_of(item, encoded, level + 1)
            else:
                write(encoded)
        write("\n" + step * level + "]")

    value_of(obj, scalar(obj), 0)
    return "".join(out)


def utf8_json(value, **options) -> bytes:
    """`json.dumps(value, **options)` as UTF-8 bytes, characters as they are; where that cannot be written (a lone
    surrogate: a file name that is not UTF-8), with `\\u` escapes instead, which read back the same."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False, **options).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, **options).encode("ascii")
