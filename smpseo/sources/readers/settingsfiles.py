"""A site's settings files as the readers read them (a Jekyll site's `_config.yml`, a Hugo site's `hugo.toml` and
`config/_default/*`, an Eleventy site's `_data/*.json`, an Obsidian vault's `.obsidian/*.json`): their data, and
what is wrong with one that cannot be read. A broken settings file is said in one line naming the file and line
(`settings_problem`), as broken front matter is; the posts are still read, with the generator's defaults."""

from __future__ import annotations

import json
from typing import Any

from smpseo.core.text import clean_data
from smpseo.core.textfile import TooLarge, file_text, read_once_a_change, read_regular
from smpseo.model.post import ReadError

MAX_BYTES = 1024 * 1024  # a site's settings or data file that is larger is not read for its values
KINDS = {".toml": "TOML", ".json": "JSON", ".yml": "YAML", ".yaml": "YAML"}


def _kind(path: str) -> str:
    return next((kind for suffix, kind in KINDS.items() if path.lower().endswith(suffix)), "YAML")


def _parse(path: str) -> tuple[Any, ReadError | None]:
    """(the file's data, None), or (None, what is wrong with it) when it cannot be read as its kind says."""
    from smpseo.core.textfile import NotText
    from smpseo.sources.readers.decode import SourceError

    kind = _kind(path)
    try:
        text = file_text(read_regular(path, MAX_BYTES))
    except TooLarge as exc:
        return None, _problem(path, f"too large to be a site's settings ({exc.said})")
    except NotText as exc:
        return None, _problem(path, exc.message, exc.line)
    except OSError as exc:
        return None, _problem(path, exc.strerror or str(exc))
    try:
        if kind == "TOML":
            import tomllib

            return clean_data(tomllib.loads(text)), None
        if kind == "JSON":
            return clean_data(json.loads(text)), None
        from smpseo.sources.readers.frontmatter import yaml_mapping

        return yaml_mapping(text, path), None
    except SourceError as exc:
        said = exc.message.replace("YAML front matter", "YAML").replace("front matter is", "its content is")
        return None, _problem(path, said.replace("front matter ", ""), exc.line)
    except json.JSONDecodeError as exc:
        return None, _problem(path, f"invalid JSON: {exc.msg}", exc.lineno)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        from smpseo.core.tomltext import error_place

        problem, line, _ = error_place(exc, text)
        return None, _problem(path, f"invalid {kind}: {problem}", line or 0)
    except RecursionError:
        return None, _problem(path, "nested too deeply to read")


def _problem(path: str, message: str, line: int = 0) -> ReadError:
    return ReadError(path, f"site settings not read: {message}; the posts are read with the defaults", line,
                     severity="warning")


# `_parse`, read once a change of the file
_parsed = read_once_a_change(_parse, (None, None))


def settings_fields(path: str) -> dict[str, Any]:
    """The fields of a settings file (YAML, JSON or TOML, by its ending); {} when it is not there, cannot be read
    (`settings_problem` says why) or holds no mapping."""
    data = _parsed(str(path))[0]
    return data if isinstance(data, dict) else {}


def settings_problem(path: str) -> ReadError | None:
    """What is wrong with a settings file that cannot be read (a warning naming the file and line), else None."""
    return _parsed(str(path))[1]


__all__ = ["settings_fields", "settings_problem"]
