"""Front matter: YAML between `---` lines (Jekyll, Hugo, most generators; Hexo's may leave out the first), TOML
between `+++` lines (Hugo), a JSON object opening the file (Hugo), or `Key: value` lines up to the first blank line
(Pelican, MultiMarkdown and Python-Markdown's `meta`), read safely, with line numbers for every field, and the
fields the toolkit understands.

Plain `key: value` front matter is read by `plainyaml` as PyYAML would read it; PyYAML (and tomllib, for TOML) is
only imported for front matter of another shape."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import smpseo.sources.readers.plainyaml as plainyaml
from smpseo.core.months import AmbiguousDay, numeric_day
from smpseo.core.text import clean_data, clean_text
from smpseo.core.tomltext import error_place, loads_dates_as_text
from smpseo.sources.readers.datefields import ambiguous, day_first
from smpseo.sources.readers.decode import SourceError, too_many_digits
from smpseo.sources.yamlshape import expanded_size, loops, yaml_error_place

_FENCE = re.compile(r"^---[ \t]*$")
_TOML_FENCE = re.compile(r"^\+\+\+[ \t]*$")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")
_TOML_KEY = re.compile(r"^[ \t]*[\"']?([A-Za-z_][\w-]*)[\"']?[ \t]*=")
# What after a field's key says its text starts on the next line: a YAML block scalar (`title: >-`), a TOML
# multi-line string (`description = """`).
_TEXT_BELOW = re.compile(r"[ \t]*(?:[|>][+-]?\d?[+-]?|\"\"\"|\'\'\')[ \t]*(?:#.*)?")
_JSON_OPEN = re.compile(r"^\{[ \t]*(\"[^\"]*\"[ \t]*:.*)?$")  # `{` alone, or `{"title": ...`
_JSON_KEY = re.compile(r'^[ \t]*\{?[ \t]*"([A-Za-z_][\w-]*)"[ \t]*:')
_META_LINE = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")


def _text_line(lines: list[str], i: int, after: int, end: int) -> int:
    """The 1-based line of the text of the field whose key ends at column `after` of `lines[i]`: that line, or the
    first line below with something on it when the text starts there (`title: >`, `description = \"\"\"`)."""
    if not _TEXT_BELOW.fullmatch(lines[i], after):
        return i + 1
    below = next((k for k in range(i + 1, end) if lines[k].strip()), None)
    return below + 1 if below is not None else i + 1


# A `Key: value` block is front matter only when it names one of these: Pelican requires `Title`, and a post that
# opens with "Note: ..." or "Update: ..." is prose, not fields.
META_NAMES = frozenset({"title", "date", "slug"})


def split_front_matter(text: str, path: str, lines: list[str] | None = None, warnings: list[str] | None = None) \
        -> tuple[dict[str, Any], dict[str, int], int]:
    """Return (fields, field lines, index of the first body line) for text that may open with `---` front matter.
    A field given twice in YAML is read as YAML readers read it (the last one), and said in `warnings`.

    Raises SourceError with the line of a YAML error, or when the fence is never closed.
    """
    lines = text.split("\n") if lines is None else lines  # (`lines`: the text split, when the caller has it)
    try:
        fields, field_lines, start, repeated = _split(text, path, lines)
        if warnings is not None:
            warnings += repeated
        return fields, field_lines, start
    except ValueError as exc:  # Python's limit on the digits of a number read from text
        error = too_many_digits(exc, path, lines, "front matter")
        if error is None:
            raise
        raise error from None


def _split(text: str, path: str, lines: list[str]) -> tuple[dict[str, Any], dict[str, int], int, list[str]]:
    """`split_front_matter`'s answer, and the warnings of fields given twice."""
    if lines and _TOML_FENCE.match(lines[0]):
        return *_toml_front_matter(lines, path), []  # (TOML refuses a key given twice)
    if lines and _JSON_OPEN.match(lines[0]) and _json_opens(lines):
        return *_json_front_matter(text, lines, path), []
    if not lines or not _FENCE.match(lines[0]):
        found = _hexo_front_matter(lines, path) or (*_pelican_front_matter(lines), [])
        return (*found[:3], found[3] + _opened_late(lines))
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i]) or lines[i].rstrip() == "..."), None)
    if end is None:
        raise SourceError(path, "front matter opened with '---' is never closed", line=1)
    data, field_lines, repeated = _yaml_fields(lines, 1, end, path)
    return data, field_lines, end + 1, repeated


def _opened_late(lines: list[str]) -> list[str]:
    """A warning for front matter after blank lines: a site reads it as text, and so does smpseo (its title is not
    the post's title), where the writer meant it as the post's fields."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not first or not _FENCE.match(lines[first]):
        return []
    end = next((i for i in range(first + 1, len(lines)) if _FENCE.match(lines[i])), None)
    keys = {m.group(1).lower() for line in lines[first + 1:end or first] if (m := _KEY.match(line))}
    if not keys & {"title", "date", "slug", "description"}:
        return []  # a rule at the top of the text, not fields
    return [f"line {first + 1}: front matter must open on the first line; after the blank "
            f"{'line' if first == 1 else 'lines'} above it, it is read as text, and its fields are not the post's"]


def _hexo_front_matter(lines: list[str], path: str) -> tuple[dict[str, Any], dict[str, int], int, list[str]] | None:
    """Hexo's front matter without its opening `---`: YAML fields from the first line to a `---` line, no blank
    line between, naming a title, date or slug. None when the text does not open so (a post that starts with "Note:
    ..." and has a rule further down is prose)."""
    if not _KEY.match(lines[0]):
        return None
    end = next((i for i, line in enumerate(lines) if _FENCE.match(line) or not line.strip()), None)
    if end is None or not _FENCE.match(lines[end]):
        return None
    try:
        data, field_lines, repeated = _yaml_fields(lines, 0, end, path)
    except SourceError:
        return None
    if not META_NAMES & {k.lower() for k in data}:
        return None
    return data, field_lines, end + 1, repeated


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])\*[^\s,\[\]{}]+", re.M)  # "*name", a YAML alias


def _yaml_fields(lines: list[str], first: int, end: int, path: str) \
        -> tuple[dict[str, Any], dict[str, int], list[str]]:
    """The YAML fields of `lines[first:end]`, their lines, and a warning for each field given again (YAML readers
    keep the last: its line is the field's). Raises SourceError with the line of an error."""
    # Trailing tabs are invisible and meaningless, but PyYAML refuses them.
    source = "\n".join(line.rstrip(" \t") for line in lines[first:end])
    data = plainyaml.read(source)
    if data is None:
        data = _yaml(source, path, first)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError(path, "front matter is not a mapping of fields", line=first + 1)
    field_lines: dict[str, int] = {}
    repeated, seen = [], {}
    for i in range(first, end):
        m = _KEY.match(lines[i])
        if m:
            key = m.group(1)
            if key in seen:
                repeated.append(f"line {i + 1}: '{key}' is given again (first on line {seen[key]}); "
                                "the last one is used")
            seen.setdefault(key, i + 1)
            field_lines[key] = _text_line(lines, i, m.end(), end)
    looped = next((k for k, v in data.items() if loops(v)), None)
    if looped is not None:  # `&a [*a]`: no finite value, and nothing that could be stored or shown
        raise SourceError(path, f"front matter refused: '{looped}' contains itself through an alias",
                          line=field_lines.get(str(looped), first + 1))
    if expanded_size(data) > MAX_EXPANDED:
        # said as it is: aliases made it that big, or the fields themselves are that many
        what = "its aliases expand to" if _ALIAS.search(source) else "it holds"
        raise SourceError(path, f"front matter refused: {what} more than {MAX_EXPANDED:,} values", line=first + 1)
    return {str(k): v for k, v in data.items()}, field_lines, repeated


def yaml_mapping(source: str, path: str) -> dict[str, Any]:
    """The fields of a YAML file (a site's `_config.yml`), read as front matter is: safely, aliases bounded. Raises
    SourceError."""
    return _yaml_fields(source.split("\n"), 0, source.count("\n") + 1, path)[0]


def _yaml(source: str, path: str, first: int = 1) -> Any:
    """`source` (the file's lines from index `first` on) read with PyYAML's safe loader (see `_SafeLoader`).
    Raises SourceError with the line of an error."""
    import yaml

    try:
        return yaml.load(source, Loader=_safe_loader())
    except yaml.MarkedYAMLError as exc:
        problem, at = yaml_error_place(exc, source)  # a quote never closed: where it opens, not the end of the text
        raise SourceError(path, f"invalid YAML front matter: {problem}", line=at + first + 1 if at >= 0 else 1) \
            from None
    except yaml.YAMLError as exc:
        raise SourceError(path, f"invalid YAML front matter: {exc}", line=1) from None
    except RecursionError:
        raise SourceError(path, "front matter nested too deeply to read", line=first + 1) from None


def _toml_front_matter(lines: list[str], path: str) -> tuple[dict[str, Any], dict[str, int], int]:
    """Hugo's TOML front matter between `+++` lines. Raises SourceError with the line of a TOML error."""
    import tomllib

    end = next((i for i in range(1, len(lines)) if _TOML_FENCE.match(lines[i])), None)
    if end is None:
        raise SourceError(path, "front matter opened with '+++' is never closed", line=1)
    try:
        data = loads_dates_as_text("\n".join(lines[1:end]))  # (an impossible date: `as_date` names its line)
    except tomllib.TOMLDecodeError as exc:
        problem, line, _ = error_place(exc, "\n".join(lines[1:end]))
        raise SourceError(path, f"invalid TOML front matter: {problem}", line=line + 1 if line else end) from None
    field_lines: dict[str, int] = {}
    table = ""  # the table the lines are in: its keys are `table.key` (Zola's `[extra]`), not the post's fields
    for i in range(1, end):
        if lines[i].lstrip().startswith("["):
            table = re.match(r"\s*\[+\s*([^\]]*?)\s*\]", lines[i]).group(1) if "]" in lines[i] else ""
            field_lines.setdefault(table, i + 1)
            continue
        m = _TOML_KEY.match(lines[i])
        key = f"{table}.{m.group(1)}" if m and table else m.group(1) if m else ""
        if key and key not in field_lines:
            field_lines[key] = _text_line(lines, i, m.end(), end)
    return data, field_lines, end + 1


def _json_opens(lines: list[str]) -> bool:
    """Whether a text whose first line opens a JSON object is JSON front matter: the first line holds a field, the
    second line does, or a line closes it. A `{` alone on the first line of prose is text."""
    return lines[0].strip() != "{" or (len(lines) > 1 and _JSON_KEY.match(lines[1]) is not None) \
        or any(line.startswith("}") for line in lines)


def _json_front_matter(text: str, lines: list[str], path: str) -> tuple[dict[str, Any], dict[str, int], int]:
    """Hugo's JSON front matter: an object that opens the file; the body starts on the line after its `}`. Raises
    SourceError with the line of a JSON error."""
    import json

    try:
        data, end = json.JSONDecoder().raw_decode(text)
        data = clean_data(data)
    except json.JSONDecodeError as exc:
        raise SourceError(path, f"invalid JSON front matter: {exc.msg}", line=exc.lineno) from None
    except RecursionError:
        raise SourceError(path, "front matter nested too deeply to read", line=1) from None
    if not isinstance(data, dict):
        raise SourceError(path, "front matter is not a mapping of fields", line=1)
    last = text.count("\n", 0, end)  # the line (0-based) that closes the object
    if text[end:].split("\n", 1)[0].strip():
        raise SourceError(path, "text after the JSON front matter's closing '}' on the same line", line=last + 1)
    field_lines: dict[str, int] = {}
    depth = 0
    for i in range(last + 1):  # the top level's keys only: a nested object's keys are not the post's fields
        m = _JSON_KEY.match(lines[i])
        if m and depth <= 1 and m.group(1) not in field_lines:
            field_lines[m.group(1)] = i + 1
        depth += lines[i].count("{") + lines[i].count("[") - lines[i].count("}") - lines[i].count("]")
    return {str(k): v for k, v in data.items()}, field_lines, last + 1


def _pelican_front_matter(lines: list[str]) -> tuple[dict[str, Any], dict[str, int], int]:
    """`Key: value` lines up to the first blank line (Pelican, MultiMarkdown): keys case-insensitive, a line
    indented by four spaces or a tab continues the value before it. Not front matter (nothing read, the body starts
    at line 1) unless every line of the block is one of these and a key is one of `META_NAMES`."""
    fields: dict[str, Any] = {}
    field_lines: dict[str, int] = {}
    key = None  # the field a continuation line adds to (None after a key given twice: the first one counts)
    for i, line in enumerate(lines):
        if not line.strip():
            break
        m = _META_LINE.match(line)
        if m:
            key = m.group(1).lower()
            if key in fields:
                key = None
            else:
                fields[key], field_lines[key] = clean_text((m.group(2) or "").strip()), i + 1
        elif field_lines and line.startswith(("    ", "\t")):
            if key is not None:
                fields[key] = f"{fields[key]} {clean_text(line.strip())}".strip()
        else:
            return {}, {}, 0
    else:
        i = len(lines)
    if not META_NAMES & set(fields):
        return {}, {}, 0
    return fields, field_lines, i


MAX_EXPANDED = 10_000  # values in the front matter once aliases are expanded (a real post has a few dozen)


@functools.cache
def _safe_loader():
    """A safe loader with a bound on alias expansion (a 'billion laughs' document is refused). Every string is
    cleaned as decoded text is (a `"\\ud800"` escape becomes U+FFFD), and a date that cannot be (`2024-02-30`)
    stays text, so the post is kept and `as_date` names the field's line. Made when first needed (PyYAML is only
    imported then)."""
    import yaml

    class _SafeLoader(yaml.SafeLoader):
        max_aliases = 100

        def __init__(self, stream):
            super().__init__(stream)
            self._aliases = 0

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                self._aliases += 1
                if self._aliases > self.max_aliases:
                    event = self.peek_event()
                    raise yaml.constructor.ConstructorError(None, None, "too many aliases", event.start_mark)
            return super().compose_node(parent, index)

        def construct_yaml_str(self, node):
            return clean_text(super().construct_yaml_str(node))

        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                return clean_text(self.construct_scalar(node))

    _SafeLoader.add_constructor("tag:yaml.org,2002:str", _SafeLoader.construct_yaml_str)
    _SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)
    return _SafeLoader


def _is_text(value: Any) -> bool:
    """Text: a string or a number (`title: 1984`); not true or false, a date, a list or a mapping."""
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def as_text(value: Any, field: str, path: str, line: int, warnings: list[str]) -> str:
    if value is None:
        return ""
    if _is_text(value):
        return str(value).strip()
    warnings.append(f"line {line}: '{field}' should be text, not {type(value).__name__}; ignored")
    return ""


def as_list(value: Any, field: str = "tags", line: int = 0, warnings: list[str] | None = None) -> list[str]:
    """Tags or categories: a list of text (`_is_text`), or text with commas between them. Another value, or an item
    of the list that is not text (a mapping), is left out with a warning at the field's line in `warnings`."""
    said = warnings if warnings is not None else []
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if _is_text(value):
        return [str(value)]
    if not isinstance(value, (list, tuple)):
        said.append(f"line {line}: '{field}' should be a list of text, not {type(value).__name__}; ignored")
        return []
    others = sorted({type(v).__name__ for v in value if v is not None and not _is_text(v)})
    if others:
        said.append(f"line {line}: '{field}' should be a list of text; its items that are "
                    f"{' or '.join(others)} are ignored")
    return [str(v).strip() for v in value if _is_text(v) and str(v).strip()]


# Dates as people write them ("Jul 08 2025", "8 July 2025", "July 8, 2025", "2025/07/08"), read after an ordinal's
# letters and commas are taken out ("July 8th, 2025"); Jekyll's time with its offset ("2025-07-08 10:00:00 +0200").
_WRITTEN_DATES = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%a %b %d %Y", "%A %B %d %Y",
                  "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S.%f %z")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.I)


def as_date(value: Any, line: int, warnings: list[str], field: str = "date") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:  # "3/15/2025", "15.03.25": an ambiguous one ("3/4/2025") as the clinic's country writes it, else said
        day = numeric_day(text, day_first())
    except AmbiguousDay as exc:
        warnings.append(f"line {line}: {ambiguous(repr(field), exc)}")
        return None
    if day is not None:
        return day
    written = " ".join(_ORDINAL.sub("", text).replace(",", " ").split())
    for fmt in _WRITTEN_DATES:
        try:
            return dt.datetime.strptime(written, fmt).date()
        except ValueError:
            continue
    warnings.append(f"line {line}: '{field}' is not a date: {text!r}; ignored")
    return None


def export_date(value: Any) -> dt.date | None:
    """A date as exports and feeds write it, or None: what `as_date` reads (ISO 8601, "2024-05-06 10:00:00") and
    RSS's RFC 2822 ("Mon, 06 May 2024 10:00:00 GMT"). Nothing is said of a value that is not one: an export's
    zero date ("0000-00-00 00:00:00") means none."""
    found = as_date(value, 0, [])
    if found is not None or not isinstance(value, str) or not value.strip():
        return found
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value.strip()).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
