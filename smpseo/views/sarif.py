"""A CheckResult as SARIF 2.1.0, the format code scanning reads (GitHub, GitLab, Azure DevOps, VS Code's viewer).

One `run` of the tool `smpseo`: every rule in `tool.driver.rules` (id, name, descriptions, default level), every
finding a `result` with its rule, level, message and physical location (the file as a relative URI, line and
column, in characters as the run's `columnKind` says), and files that could not be read as notifications of the
run's invocation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path, PurePath
from urllib.parse import quote

from smpseo.checks import rules
from smpseo.core.paths import resolved
from smpseo.core.version import __version__
from smpseo.model.results import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def workspace_path(path: str) -> str | None:
    """A finding's file relative to the current folder, with forward slashes; None when it is outside it.
    ("export.xml#slug", a post inside an export, is at the export's lines.)"""
    pure = PurePath(path.split("#", 1)[0])
    if pure.is_absolute():
        try:
            pure = resolved(pure).relative_to(Path.cwd().resolve())
        except (ValueError, OSError):  # outside the current folder, or no current folder (deleted)
            return None
    return pure.as_posix()


def artifact_uri(path: str) -> str:
    """A file as a SARIF URI: relative to the current folder when it is inside it, else a file:// URI."""
    relative = workspace_path(path)
    return quote(relative) if relative is not None else resolved(path.split("#", 1)[0]).as_uri()


def _location(path: str, line: int = 0, column: int = 0) -> dict:
    uri = artifact_uri(path)
    physical: dict = {"artifactLocation": {"uri": uri, **({} if "://" in uri else {"uriBaseId": "%SRCROOT%"})}}
    if line > 0:
        physical["region"] = {"startLine": line, **({"startColumn": column} if column > 0 else {})}
    return {"physicalLocation": physical}


def sarif_log(result: CheckResult) -> dict:
    """The SARIF log (a dict, JSON-ready) of one check run."""
    registry = rules()
    index = {r.id: i for i, r in enumerate(registry)}
    driver = {
        "name": "smpseo",
        "version": __version__,
        "rules": [{
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": r.doc.split(". ")[0].rstrip(".") + "."},
            "fullDescription": {"text": r.doc},
            "help": {"text": r.hint or r.doc},
            "defaultConfiguration": {"level": LEVELS.get(r.severity, "warning")},
            "properties": {"category": r.category},
        } for r in registry],
    }
    results = []
    for f in result.findings:
        entry = {"ruleId": f.rule, "level": LEVELS.get(f.severity, "warning"),
                 "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
                 "locations": [_location(f.path, f.line, f.column)]}
        if f.rule in index:
            entry["ruleIndex"] = index[f.rule]
        results.append(entry)
    notifications = [{"level": LEVELS.get(e.severity, "note"), "message": {"text": e.message},
                      "locations": [_location(e.path, e.line)]} for e in result.errors]
    try:
        root = {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}}
    except OSError:  # the current folder was deleted: locations stay relative, with no base to resolve them from
        root = {}
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",  # columns count characters; SARIF's default is UTF-16 code units
        "originalUriBaseIds": root,
        "invocations": [{"executionSuccessful": not any(e.severity == "error" for e in result.errors),
                         "toolExecutionNotifications": notifications}],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def write_sarif(result: CheckResult, stream=None) -> None:
    stream = stream or sys.stdout
    stream.write(json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n")
