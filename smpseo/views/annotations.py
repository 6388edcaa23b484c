"""A CheckResult as GitHub Actions workflow commands: one `::warning file=...,line=...,col=...::RULE message` line per
finding, which GitHub shows as an annotation on the line of the pull request's diff. `col` is the finding's column
as every output gives it: Unicode code points from 1 (GitHub names no unit for it).

Escaping follows GitHub's rules for workflow commands: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in
a property value `:` and `,` also become `%3A` and `%2C`, so no text of a post can end the command early or start
another one.
"""

from __future__ import annotations

import sys

from smpseo.model.results import CheckResult
from smpseo.views.sarif import workspace_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    """`::level key=value,...::message` with every part escaped; properties that are empty or 0 are left out."""
    props = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items() if v not in ("", 0, None))
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def annotation_lines(result: CheckResult) -> list[str]:
    """One workflow command per finding and per file that could not be read (notes are left out)."""
    lines = []
    for e in result.errors:
        if e.severity in ("error", "warning"):
            lines.append(command(e.severity, f"smpseo: {e.message}", file=_file(e.path), line=e.line))
    for f in result.findings:
        lines.append(command(COMMANDS.get(f.severity, "warning"),
                             f"{f.rule} {f.message}" + (f" ({f.hint})" if f.hint else ""),
                             file=_file(f.path), line=f.line, col=f.column))
    return lines


def _file(path: str) -> str:
    """The finding's file as GitHub wants it: relative to the workspace, with forward slashes."""
    relative = workspace_path(path)
    return relative if relative is not None else path.split("#", 1)[0]


def write_annotations(result: CheckResult, stream=None) -> None:
    stream = stream or sys.stdout
    lines = annotation_lines(result)
    stream.write("\n".join(lines) + ("\n" if lines else ""))
