"""`summary.json`: the machine-readable figures of one monthly report, and the month-to-month comparison.

A summary is plain JSON data. Posts are identified by their file and slug (`post_key`: two posts of a site may share a
slug, the posts of an export share its file) and findings by (rule, post, matched text), never by line number, so an
edit that moves a paragraph does not count as "one finding fixed, one new".
"""

from __future__ import annotations

import json
import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from smpseo.analysis.readability import EASE_GOOD, EASE_POOR
from smpseo.app.report.load import summary_from_data
from smpseo.core.months import month_bounds
from smpseo.core.paths import resolved
from smpseo.core.textfile import read_regular
from smpseo.model.results import SEVERITY_ORDER
from smpseo.sources.readers.sites import (
    SUMMARY_NAME as SUMMARY_NAME,  # the file a month keeps, beside its report
)

SCHEMA = 1
# Post figures compared month to month, with the direction that counts as better.
SCORE_FIELDS = {"words": None, "flesch_reading_ease": "up", "grade": "down", "findings": "down"}
STATUS_ORDER = {"missing": 0, "partial": 1, "answered": 2}


def field(obj: Any, name: str, default: Any = None) -> Any:
    """Read `name` from a dict or an object alike (results arrive as dataclasses or dicts)."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _round(value: Any, ndigits: int = 1) -> Any:
    return round(value, ndigits) if isinstance(value, float) else value


def _mean(values: list[float]) -> float | None:
    values = [v for v in values if isinstance(v, (int, float))]
    return round(sum(values) / len(values), 1) if values else None


def relative_path(path: str | None, root: str | Path | None) -> str:
    """A post's path relative to the posts folder (POSIX), so summaries compare across machines. A symbolic link
    in the folder is named by its own name, as `check` names it, not by what it points to (a broken link's target
    is no file there); a path outside the folder as written is tried with its links followed."""
    if not path:
        return ""
    p = Path(path)
    if root is not None:
        for absolute in (_absolute, resolved):
            try:
                return absolute(p).relative_to(absolute(root)).as_posix()
            except (ValueError, OSError):
                pass
    return p.as_posix()


def _absolute(path: str | Path) -> Path:
    """`path` made absolute as written, its symbolic links left as they are."""
    return Path(os.path.abspath(path))


def post_key(row: dict) -> tuple[str, str]:
    """What tells one post of a summary from another, in its posts, findings and coverage alike: its file (relative
    to the posts folder) and its slug."""
    return str(row.get("path") or ""), str(row.get("slug") or "")


def finding_key(finding: dict) -> str:
    """What identifies a finding across months: its rule, its post and what it is about (not its line)."""
    about = finding.get("match") or finding.get("message") or ""
    return f"{finding.get('rule', '')}|{finding.get('slug', '')}|{about}"


def gap_order(topic: dict) -> tuple:
    """FAQ topics in priority order: the gap analysis's own rank when it gives one, else gaps first by demand."""
    priority = topic.get("priority")
    if isinstance(priority, int) and priority > 0:
        return (0, priority, 0, 0.0)
    return (1, 0, STATUS_ORDER.get(topic.get("status"), 3), -(topic.get("impressions") or 0))


def text_digest(post) -> str:
    """A short digest of what the FAQ matcher reads of a post (its title, and each block's kind and text): whether
    the post changed from one month's report to the next."""
    from smpseo.core.hashing import blake2b

    text = "\n".join([post.title or "", *(f"{b.kind}:{b.text}" for b in post.blocks)])
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8)


def _rests_on(gap: dict, root: str | Path | None) -> dict:
    """The post and section an FAQ topic's status rests on (its best post; none for a topic no post answers)."""
    best = (gap.get("posts") or [None])[0] if gap.get("status") != "missing" else None
    if not isinstance(best, dict):
        return {"post": "", "slug": "", "section": ""}
    path, slug = str(best.get("path") or ""), str(best.get("slug") or "")
    if slug and path.endswith("#" + slug):  # one file of several posts names the post after a "#"
        path = path[: -len(slug) - 1]
    return {"post": relative_path(path, root), "slug": slug, "section": str(best.get("section") or "")}


def build_summary(month: str, posts, metrics: list[dict], *, findings: list[dict] | None = None,
                  coverage: list[dict] | None = None, gaps: list[dict] | None = None,
                  posts_root: str | Path | None = None, site: str = "", problems: list | None = None) -> dict:
    """The figures of one month. `findings`/`coverage`/`gaps` are None when that analysis is not available.
    `problems`: the check's errors (`CheckResult.errors`): what it could not do besides what could not be read (a
    post not checked, past its time limit, is among the read errors, and its findings are None, not 0)."""
    from smpseo.core.version import __version__

    slug_of = {p.path: p.slug for p in posts}
    digest_of = {(p.path, p.slug): text_digest(p) for p in posts}
    finding_rows = []
    for f in findings or []:
        row = {
            "rule": str(f.get("rule", "")),
            "name": str(f.get("name", "") or ""),
            "severity": str(f.get("severity", "")),
            "category": str(f.get("category", "") or ""),
            "slug": slug_of.get(f.get("path"), ""),
            "path": relative_path(f.get("path"), posts_root),
            "line": f.get("line") or 0,
            "message": str(f.get("message", "")),
            "match": str(f.get("match", "") or ""),
            "hint": str(f.get("hint", "") or ""),
        }
        row["key"] = finding_key(row)
        finding_rows.append(row)
    per_post = Counter(post_key(r) for r in finding_rows)
    errors = list(getattr(posts, "errors", []))
    errors += [e for e in problems or [] if e not in errors]
    unchecked = {e.path for e in errors if e.message.startswith("not checked")}
    post_rows = []
    for m in metrics:
        slug, path = m.get("slug", ""), relative_path(m.get("path"), posts_root)
        post_rows.append({
            "slug": slug,
            "path": path,
            "title": m.get("title", ""),
            "date": str(m["date"]) if m.get("date") else None,
            "words": m.get("words", 0),
            "sentences": m.get("sentences", 0),
            "flesch_reading_ease": _round(m.get("flesch_reading_ease")),
            "flesch_kincaid_grade": _round(m.get("flesch_kincaid_grade")),
            "grade": _round(m.get("grade")),
            "findings": per_post.get((path, slug), 0) if findings is not None and m.get("path") not in unchecked
            else None,
            "text_digest": digest_of.get((m.get("path"), slug), ""),
        })
    first, after = month_bounds(month)
    published = sum(1 for p in posts if p.date and first <= p.date < after)
    summary = {
        "schema": SCHEMA,
        "month": month,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "smpseo_version": __version__,
        "site": site,
        "available": {"findings": findings is not None, "coverage": coverage is not None, "gaps": gaps is not None},
        "totals": {
            "posts": len(post_rows),
            "published": published,
            "words": sum(r["words"] or 0 for r in post_rows),
            "flesch_reading_ease": _mean([r["flesch_reading_ease"] for r in post_rows]),
            "grade": _mean([r["grade"] for r in post_rows]),
            "findings": len(finding_rows) if findings is not None else None,
            "read_errors": sum(1 for e in errors if e.severity == "error"),
        },
        "posts": post_rows,
        "findings": finding_rows,
        "findings_by_severity": dict(sorted(Counter(r["severity"] for r in finding_rows).items(),
                                            key=lambda kv: SEVERITY_ORDER.get(kv[0], 9))),
        "findings_by_rule": dict(Counter(r["rule"] for r in finding_rows).most_common()),
        "coverage": [
            {"target": str(c.get("target", "")), "slug": slug_of.get(c.get("path"), ""),
             "path": relative_path(c.get("path"), posts_root), "count": int(c.get("count") or 0)}
            for c in coverage or []
        ],
        "gaps": [
            {"id": str(g.get("id", "")), "question": str(g.get("question", "")), "status": str(g.get("status", "")),
             "priority": g.get("priority"), "score": _round(g.get("score"), 2), "impressions": g.get("impressions"),
             "clicks": g.get("clicks"), **_rests_on(g, posts_root)}
            for g in sorted(gaps or [], key=gap_order)
        ],
        "gap_counts": dict(Counter(str(g.get("status", "")) for g in gaps or [])),
        "read_errors": [{"path": relative_path(e.path, posts_root), "line": e.line, "severity": e.severity,
                         "message": e.message} for e in errors],
    }
    return summary


def write_summary(summary: dict, path: str | Path, kept: list | None = None) -> Path:
    """Write `summary` to `path` as a report writes its files (`keep.write_keeping`): a file of the user's there is
    kept aside, never overwritten (what was kept is appended to `kept`)."""
    from smpseo.app.report.keep import write_keeping
    from smpseo.core.jsontext import utf8_json

    return write_keeping(Path(path), utf8_json(summary, indent=2, default=str).decode("utf-8") + "\n", kept)


def load_summary(path: str | Path) -> dict:
    """Read a summary.json. Raises ValueError naming the file when it is not one."""
    path = Path(path)
    try:
        data = json.loads(read_regular(path).decode("utf-8"))  # a FIFO or a device is never opened
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    except RecursionError:
        raise ValueError(f"{path}: not valid JSON: nested too deeply") from None
    if not isinstance(data, dict) or "month" not in data or "posts" not in data:
        raise ValueError(f"{path}: not an smpseo summary.json (no month/posts)")
    problem = _damage(data)
    if problem:
        raise ValueError(f"{path}: damaged summary.json: {problem}")
    summary_from_data(data, path)  # every record of the kind the report reads, or one error naming the file
    return data


def _damage(data: dict) -> str:
    """What in a summary.json `compare()` could not use ("" when nothing): each list holds records with their key."""
    for name, key in (("posts", "slug"), ("findings", "key"), ("gaps", "id")):
        items = data.get(name, [])
        if not isinstance(items, list):
            return f"'{name}' is not a list"
        if not all(isinstance(item, dict) and isinstance(item.get(key), str) for item in items):
            return f"an entry of '{name}' has no '{key}'"
    for name in ("totals", "available"):
        if not isinstance(data.get(name, {}), dict):
            return f"'{name}' is not a mapping"
    return ""


def compare(previous: dict | None, current: dict) -> dict:
    """What changed since the previous summary: new/removed posts, findings fixed and new, score deltas."""
    if not previous:
        return {"previous_month": None, "new_posts": [], "removed_posts": [], "fixed_findings": [],
                "new_findings": [], "score_deltas": [], "totals": {}, "gap_changes": []}
    before_posts = {post_key(p): p for p in previous.get("posts", [])}
    after_posts = {post_key(p): p for p in current.get("posts", [])}
    new_posts = [after_posts[s] for s in after_posts if s not in before_posts]
    removed_posts = [before_posts[s] for s in before_posts if s not in after_posts]

    both_checked = previous.get("available", {}).get("findings") and current.get("available", {}).get("findings")
    fixed, new = [], []
    if both_checked:
        before = Counter(f["key"] for f in previous.get("findings", []))
        after = Counter(f["key"] for f in current.get("findings", []))
        gone = {post_key(p) for p in removed_posts}
        seen: Counter = Counter()
        for f in previous.get("findings", []):
            seen[f["key"]] += 1
            if seen[f["key"]] > after.get(f["key"], 0) and post_key(f) not in gone:
                fixed.append(f)
        seen = Counter()
        for f in current.get("findings", []):
            seen[f["key"]] += 1
            if seen[f["key"]] > before.get(f["key"], 0):
                new.append(f)

    deltas = []
    for post, after_row in after_posts.items():
        before_row = before_posts.get(post)
        if not before_row:
            continue
        for name, better in SCORE_FIELDS.items():
            a, b = after_row.get(name), before_row.get(name)
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and a != b:
                delta = _round(a - b)
                improved = None if better is None else (delta > 0) == (better == "up")
                deltas.append({"slug": post[1], "title": after_row.get("title", ""), "metric": name,
                               "before": b, "after": a, "delta": delta, "improved": improved, "path": post[0]})
    totals = {}
    for name, value in current.get("totals", {}).items():
        old = previous.get("totals", {}).get(name)
        if isinstance(value, (int, float)) and isinstance(old, (int, float)):
            totals[name] = {"before": old, "after": value, "delta": _round(value - old)}
    before_gaps = {g["id"]: g for g in previous.get("gaps", [])}
    gap_changes = [_gap_change(before_gaps[g["id"]], g, before_posts, after_posts)
                   for g in current.get("gaps", [])
                   if g["id"] in before_gaps and before_gaps[g["id"]].get("status") != g.get("status")]
    return {"previous_month": previous.get("month"), "new_posts": new_posts, "removed_posts": removed_posts,
            "fixed_findings": fixed, "new_findings": new, "score_deltas": deltas, "totals": totals,
            "gap_changes": gap_changes}


def _gap_change(before: dict, after: dict, before_posts: dict, after_posts: dict) -> dict:
    """An FAQ topic whose status changed, with the post it rests on (now; last month's when no post answers it now)
    and `post_changed`: whether a post it rests on, now or last month, is new, removed or changed. False: those
    posts are as they were, so the blog around them moved the status (each passage is measured against the blog's
    other posts), not an answer written or lost; None: not known (last month's summary has no post digests)."""
    rests = [(str(g["post"]), str(g.get("slug") or "")) for g in (after, before) if g.get("post")]
    known = "post" in before and all(before_posts[k].get("text_digest") for k in rests if k in before_posts)
    changed: bool | None = None
    if rests and known:
        changed = any(k not in before_posts or k not in after_posts
                      or before_posts[k]["text_digest"] != after_posts[k].get("text_digest") for k in rests)
    on = after if after.get("status") != "missing" else before
    return {"id": after["id"], "question": after.get("question", ""), "before": before.get("status"),
            "after": after.get("status"), "post": str(on.get("post") or ""), "slug": str(on.get("slug") or ""),
            "section": str(on.get("section") or ""), "post_changed": changed}


def todo(summary: dict, changes: dict | None = None, limit: int = 10) -> list[dict]:
    """A short ordered to-do list: what blocks readers first, then the questions most searched for, then the
    problems found most often, then hard-to-read posts. Findings are grouped by rule, so one fix named once."""
    items: list[dict] = []

    def add(action: str, why: str, path: str = "") -> None:
        items.append({"action": action, "why": why, "path": path})

    for err in summary.get("read_errors", []):
        if err["severity"] == "error":
            add(f"Fix the file {err['path']} so it can be read", err["message"], err["path"])
    titles = {post_key(p): p["title"] or p["slug"] for p in summary.get("posts", [])}
    new_keys = {f["key"] for f in (changes or {}).get("new_findings", [])}
    by_rule: dict[tuple[str, str], list[dict]] = {}
    for f in summary.get("findings", []):
        by_rule.setdefault((f["severity"], f["rule"]), []).append(f)

    def add_rule_groups(severity: str, most: int) -> None:
        groups = sorted(((rule, fs) for (sev, rule), fs in by_rule.items() if sev == severity),
                        key=lambda kv: (-len({post_key(f) for f in kv[1]}), -len(kv[1]), kv[0]))
        for rule, fs in groups[:most]:
            posts = list(dict.fromkeys(post_key(f) for f in fs))
            first = fs[0]
            label = (first.get("name") or rule).replace("-", " ").capitalize()
            action = f"{label}: {first['hint']}" if first.get("hint") else first["message"]
            if len(posts) == 1:
                where = f"\u201c{titles.get(posts[0], posts[0][1])}\u201d"
            else:
                where = f"{len(posts)} posts"
            if len(fs) > 1:
                why = f"{len(fs)} {severity}s ({rule}) in {where}, e.g. {first['message']}"
            else:
                why = f"{first['message']} ({rule}, {severity}) in {where}"
            fresh = sum(f["key"] in new_keys for f in fs)
            if fresh:
                why += f"; {fresh} new since last month"
            add(action, why, first["path"] if len(posts) == 1 else "")

    add_rule_groups("error", 5)
    open_topics = sorted((g for g in summary.get("gaps", []) if g["status"] in ("missing", "partial")),
                         key=gap_order)
    for g in open_topics[:3]:
        demand = f"; {g['impressions']:,} search impressions" if g.get("impressions") else ""
        state = "no post answers it yet" if g["status"] == "missing" else "posts answer it only in part"
        verb = "Write a post answering" if g["status"] == "missing" else "Answer fully"
        add(f"{verb} \u201c{g['question']}\u201d", f"{state} (FAQ topic {g['id']}{demand})")
    average = summary.get("totals", {}).get("flesch_reading_ease")
    hard = sorted((p for p in summary.get("posts", [])
                   if isinstance(p.get("flesch_reading_ease"), (int, float))
                   and p["flesch_reading_ease"] < EASE_POOR), key=lambda p: p["flesch_reading_ease"])[:2]
    # every kind of warning the list has room for, widest first: a title too wide or a phone written wrong in one
    # post is a quick fix, and was left out behind the three kinds found in most posts
    add_rule_groups("warning", max(3, limit - len(items) - len(hard)))
    for p in hard:
        add(f"Simplify \u201c{p['title'] or p['slug']}\u201d: shorter sentences, plainer words",
            f"reading ease {p['flesch_reading_ease']:g} (aim for {EASE_GOOD:g}+; blog average {average:g})",
            p["path"])
    return [dict(item, rank=i) for i, item in enumerate(items[:limit], start=1)]
