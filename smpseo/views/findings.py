"""A CheckResult as linter-style text, JSON or CSV. Views only format; the analysis is done."""

from __future__ import annotations

import sys

from smpseo.core import jsontext
from smpseo.core.text import counted, escaped
from smpseo.model.post import one_line, short_name
from smpseo.model.results import CheckResult, Finding

FINDING_COLUMNS = ["path", "line", "column", "rule", "category", "severity", "message", "match", "hint"]
PLACEMENT_LETTERS = {"title": "t", "slug": "s", "intro": "i", "description": "d", "subheading": "h", "alt": "a",
                     "body": "b"}


def placement_letters(placements) -> str:
    """Where else than in the body a keyword is (title, slug, intro ...), one letter each (`PLACEMENT_LETTERS`)."""
    return "".join(PLACEMENT_LETTERS.get(p, "") for p in placements)


PLACEMENT_KEY = ", ".join(f"{v}={k}" for k, v in PLACEMENT_LETTERS.items())


def finding_line(f: Finding, max_match: int = 60) -> str:
    """`path:line:col: RULE severity message: "match"` (the match is left out when the message quotes it)."""
    text = f"{f.location}: {f.rule} {f.severity} {f.message}"
    match = " ".join(f.match.split())
    if match and match not in f.message:
        if len(match) > max_match:
            match = match[: max_match - 1].rstrip() + "…"
        text += f': "{match}"'
    return text


def settings_line(settings: str | None) -> str:
    """Which settings file a run used (as `shown_path` gives it), for `check`, `gaps` and `analyze` alike."""
    if settings:
        return one_line(f"Settings: {settings}")
    return ("Settings: none found (no smpseo.toml in the posts' folder, the current folder or their parents): no "
            "site name, city, phone or target keywords to check against")


def summary_line(result: CheckResult) -> str:
    s = result.summary()
    sev = s["by_severity"]
    parts = [f"{counted(s['findings'], 'finding')} "
             f"({sev['error']} error, {sev['warning']} warning, {sev['info']} info) in {counted(s['posts'], 'post')}"]
    if s["errors"]:
        parts.append(f"{counted(s['errors'], 'file')} could not be read")
    if s["not_checked"]:
        parts.append(f"{counted(s['not_checked'], 'post')} not checked")
    return "; ".join(parts)


def coverage_table(result: CheckResult) -> list[str]:
    """Posts x targets: count of body matches and the placements (letters), with a legend."""
    if not result.coverage:
        return []
    targets = list(dict.fromkeys(r["target"] for r in result.coverage))
    paths = list(dict.fromkeys(r["path"] for r in result.coverage))
    cell = {(r["target"], r["path"]): r for r in result.coverage}
    slugs = {p["path"]: p.get("slug") for p in result.posts}  # a post by its slug, as the site names it
    names = [slugs.get(p) or short_name(p) for p in paths]
    head = ["post", *targets]
    rows = []
    for path, name in zip(paths, names, strict=True):
        row = [name]
        for t in targets:
            r = cell[(t, path)]
            letters = placement_letters(r["placements"])
            row.append(f"{r['count']} {letters}".rstrip() if r["count"] or letters else "-")
        rows.append(row)
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    widths[0] = min(widths[0], 48)

    def fmt(values):
        return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    legend = "placements: " + PLACEMENT_KEY
    return ["Keyword coverage (matches in the body; " + legend + ")", fmt(head), fmt(["-" * w for w in widths]),
            *(fmt(r) for r in rows)]


def opportunities_lines(result: CheckResult, limit: int = 8) -> list[str]:
    lines = []
    untargeted = result.untargeted()
    if untargeted:
        terms = ", ".join(f"{o.term} ({o.posts})" for o in untargeted[:limit])
        lines.append(f"Terms the posts rank high for that are not targets (posts): {terms}")
    uncovered = result.uncovered()
    if uncovered:
        lines.append("Targets no post's top terms contain: " + ", ".join(uncovered))
    return lines


def ratings_lines(result: CheckResult) -> list[str]:
    """Each post's rating and the fixes that raise it most, numbered."""
    unchecked = {p["path"] for p in result.posts if p.get("not_checked")}
    rated = [p for p in result.ratings() if p.rating or p.path in unchecked]
    if not rated:
        return []
    lines = ["Ratings (as Yoast rates: good, ok, poor) and what to fix first"]
    for p in rated:
        lines.append(f"- {p.path}: SEO {p.rating.seo}, readability {p.rating.readability}" if p.rating
                     else f"- {p.path}: not checked")
        lines += [f"  {i}. line {f.line}: {f.message} ({f.rule})" for i, f in enumerate(p.fixes, 1)]
    return lines


def write_text(result: CheckResult, stream=None, extras: bool = True, summary: bool = True) -> None:
    from smpseo.model.post import one_line

    stream = stream or sys.stdout
    current = None
    for f in result.findings:
        if current is not None and f.path != current:
            stream.write("\n")
        current = f.path
        stream.write(one_line(finding_line(f)) + "\n")
    if extras:
        for block in (ratings_lines(result), coverage_table(result), opportunities_lines(result)):
            if block:
                stream.write("\n" + "\n".join(map(one_line, block)) + "\n")
    if summary:
        stream.write(("\n" if result.findings or extras else "") + settings_line(result.settings) + "\n" + summary_line(result)
                     + "\n")


def write_json(result: CheckResult, stream=None) -> None:
    stream = stream or sys.stdout
    # one write, not one per token: the same text, a fraction of the time for a large blog
    stream.write(escaped(jsontext.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str), json=True) + "\n")


def write_csv(result: CheckResult, stream=None) -> None:
    import csv  # only for this format

    stream = stream or sys.stdout
    writer = csv.DictWriter(stream, fieldnames=FINDING_COLUMNS, lineterminator="\n")
    writer.writeheader()
    from smpseo.views.table import csv_cell

    for f in result.findings:
        writer.writerow({k: csv_cell(v) for k, v in f.to_dict().items() if k in FINDING_COLUMNS})


def write(result: CheckResult, fmt: str = "text", stream=None, quiet: bool = False) -> None:
    """Write the result in a format: text (with `quiet`, the findings alone), json, csv, sarif or github."""
    if fmt == "text":
        write_text(result, stream, extras=not quiet, summary=not quiet)
    elif fmt == "sarif":
        from smpseo.views.sarif import write_sarif

        write_sarif(result, stream)
    elif fmt == "github":
        from smpseo.views.annotations import write_annotations

        write_annotations(result, stream)
    else:
        {"json": write_json, "csv": write_csv}[fmt](result, stream)
