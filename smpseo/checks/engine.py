"""The rule registry and the settings that tune it.

A rule is one small declarative unit: a stable id (`RD101`), a name, a category, a default severity, default
thresholds, a one-line doc, and should-flag / should-pass examples. Rule modules register their rules here with the
`@rule(...)` decorator; `smpseo.toml [rules]` tunes them:

    [rules]
    RD101 = { max_words = 25, severity = "info" }   # thresholds and severity
    RD104 = "off"                                   # or "on", or a severity name
    readability = "off"                             # a whole category

A post turns rules off in its front matter: `smpseo: {disable: [RD101, local]}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from smpseo.core.frozen import Frozen
from smpseo.core.settings import ConfigError
from smpseo.core.text import shortened
from smpseo.model.results import CATEGORIES, SEVERITIES

POST, SITE = "post", "site"
OFF = "off"


class Hit(Frozen, positional=True):
    """What a rule function yields: a place and a message. The engine adds the rule's id, category and severity.
    `grade`: where Yoast scores its assessment by how far the post misses (a text of 40 words against 300), that
    score, which the post's rating takes instead of the rule's fixed one (`rating.SEO_SCORES`)."""

    line: int
    column: int
    message: str
    match: str = ""
    hint: str = ""
    grade: int | None = None


class Example(Frozen, positional=True):
    """A text a rule must flag (`flags=True`) or must pass. `text` is a Markdown post (front matter allowed);
    site rules take several posts, separated by a line `=====`. `keyphrase` stands for `--keyphrase`. `expect`:
    the findings a flagged text gives, each as "line:column RULE message", in order."""

    text: str
    flags: bool
    keyphrase: str | None = None
    expect: tuple[str, ...] = ()


def flag(text: str, *expect: str, keyphrase: str | None = None) -> Example:
    """A text the rule flags, with the findings it must give ("3:1 SEO203 Title does not ...")."""
    return Example(text, True, keyphrase, expect)


def passes(text: str, keyphrase: str | None = None) -> Example:
    return Example(text, False, keyphrase)


class Rule(Frozen, positional=True):
    """A registered rule (`rule()` makes them; `Frozen` records, as the kinds' specs are)."""

    id: str
    name: str
    category: str
    severity: str
    doc: str
    func: Callable[..., Iterable[Any]]
    thresholds: Mapping[str, Any] = MappingProxyType({})  # (`rule()` gives each rule its own)
    examples: tuple[Example, ...] = ()
    scope: str = POST
    uses_keyphrase: bool = False
    hint: str = ""
    kind: str = "custom"
    custom: str = ""  # a function's rule: why it is not a spec of a kind
    yields_to: tuple[str, ...] = ()  # rules whose finding at the same place says it already (one finding a place)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "category": self.category, "severity": self.severity,
                "doc": self.doc, "thresholds": dict(self.thresholds), "scope": self.scope,
                "uses_keyphrase": self.uses_keyphrase, "kind": self.kind,
                "examples": [{"text": e.text, "flags": e.flags, "keyphrase": e.keyphrase, "expect": list(e.expect)}
                             for e in self.examples]}


RULES: dict[str, Rule] = {}


def rule(id: str, name: str, category: str, severity: str, doc: str, *, examples: Iterable[Example] = (),
         thresholds: Mapping[str, Any] | None = None, scope: str = POST, uses_keyphrase: bool = False,
         hint: str = "", kind: str = "custom", custom: str = "", yields_to: Iterable[str] = ()):
    """Register a rule function. Post rules are `func(ctx, t) -> Iterable[Hit]` (`ctx` a PostContext, `t` the
    thresholds); site rules are `func(site, t) -> Iterable[(post, Hit)]`. Most rules are specs of a kind
    (`smpseo.checks.kinds`, which registers them through here); a rule written as a function says in `custom`
    why no kind fits it (docs/checks.md lists the reasons). `yields_to`: rules that, flagging the same line and
    column, say it already; this rule's finding there is left out (RD109's very long sentence where RD101 lists
    it)."""
    if category not in CATEGORIES:
        raise ValueError(f"{id}: unknown category {category!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"{id}: unknown severity {severity!r}")

    def register(func):
        if id in RULES:
            raise ValueError(f"rule {id} registered twice")
        RULES[id] = Rule(id=id, name=name, category=category, severity=severity, doc=doc, func=func,
                         thresholds=dict(thresholds or {}), examples=tuple(examples), scope=scope,
                         uses_keyphrase=uses_keyphrase, hint=hint, kind=kind, custom=custom,
                         yields_to=tuple(yields_to))
        return func

    return register


def without_yielded(hits: Iterable[tuple[Any, Rule, Hit]]) -> list[tuple[Any, Rule, Hit]]:
    """(context, rule, hit) triples less each hit of a rule that yields to another rule's hit at the same line and
    column (`Rule.yields_to`): one finding says it."""
    hits = list(hits)
    at = {(r.id, h.line, h.column) for _ctx, r, h in hits}
    return [(ctx, r, h) for ctx, r, h in hits if not any((y, h.line, h.column) in at for y in r.yields_to)]


# ---- settings -----------------------------------------------------------------------------------------------------
class RuleSettings(Frozen, positional=True):
    enabled: bool
    severity: str
    thresholds: Mapping[str, Any]


def resolve_settings(raw: Mapping[str, Any] | None, path: str = "smpseo.toml") -> dict[str, RuleSettings]:
    """Each rule's settings: its defaults overlaid by `[rules]`. Unknown ids, thresholds or values are errors: one
    ConfigError carrying every entry's mistake in `problems`."""
    raw = dict(raw or {})
    by_name = {r.name: r.id for r in RULES.values()}
    category_state: dict[str, bool] = {}
    per_rule: dict[str, Any] = {}
    problems: list[ConfigError] = []
    for key_, value in raw.items():
        if key_ in CATEGORIES:
            if value not in ("on", "off"):
                problems.append(ConfigError(path, f"[rules] {key_} must be \"on\" or \"off\""))
            category_state[key_] = value == "on"
        elif key_ in RULES or key_ in by_name:
            per_rule[by_name.get(key_, key_)] = (key_, value)
        else:
            problems.append(ConfigError(path, f"[rules] unknown rule '{key_}' (see `docs/checks.md` for the rule ids)"))
    settings: dict[str, RuleSettings] = {}
    for rid, r in RULES.items():
        enabled, severity, thresholds = category_state.get(r.category, True), r.severity, dict(r.thresholds)
        if rid in per_rule:
            try:
                enabled, severity = _overlay(*per_rule[rid], enabled, severity, thresholds, path)
            except ConfigError as exc:
                problems.append(exc)
        settings[rid] = RuleSettings(enabled, severity, thresholds)
    if problems:  # every rule's mistake at once, one line each
        raise ConfigError.of(problems)
    return settings


def _overlay(name: str, value: Any, enabled: bool, severity: str, thresholds: dict[str, Any],
             path: str) -> tuple[bool, str]:
    """One rule's `[rules]` entry (`name = value`) laid over its settings: (enabled, severity), `thresholds` set in
    place. Raises ConfigError for a value that cannot be meant."""
    if isinstance(value, str):
        if value in ("on", "off"):
            return value == "on", severity
        if value in SEVERITIES:
            return True, value
        raise ConfigError(path, f"[rules] {name} = {value!r}: use \"on\", \"off\", a severity "
                                f"({', '.join(SEVERITIES)}) or a table")
    if not isinstance(value, dict):
        raise ConfigError(path, f"[rules] {name} must be \"on\", \"off\", a severity or a table")
    enabled = True
    for tkey, tval in value.items():
        if tkey == "severity":
            if tval not in SEVERITIES:
                raise ConfigError(path, f"[rules] {name}.severity must be one of {', '.join(SEVERITIES)}")
            severity = tval
        elif tkey == "enabled":
            if not isinstance(tval, bool):
                raise ConfigError(path, f"[rules] {name}.enabled must be true or false")
            enabled = tval
        elif tkey in thresholds:
            default = thresholds[tkey]
            ok = isinstance(tval, type(default)) or (isinstance(default, float) and isinstance(tval, int))
            if isinstance(tval, bool) != isinstance(default, bool) or not ok:
                raise ConfigError(path, f"[rules] {name}.{tkey} must be {type(default).__name__}, "
                                        f"not {shortened(tval)}")
            problem = _out_of_range(tkey, tval)
            if problem:
                raise ConfigError(path, f"[rules] {name}.{tkey} = {shortened(tval)}: {problem}")
            thresholds[tkey] = tval
        else:
            known = ", ".join(["severity", "enabled", *thresholds]) or "severity, enabled"
            raise ConfigError(path, f"[rules] unknown setting '{name}.{tkey}' (known: {known})")
    return enabled, severity


def _out_of_range(name: str, value: Any) -> str:
    """Why a threshold's value cannot be meant ("" when it can): every threshold is a count, a length, a share or a
    percentage, so it is a finite number, not below 0; a share is at most 1, a percentage at most 100."""
    import math

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    if isinstance(value, int) and value.bit_length() > 64:  # a 400-digit integer: no float holds it
        return "too large to be meant"
    if not math.isfinite(value) or value < 0:
        return "must be a finite number, 0 or more"
    if (name.endswith("_share") or name.endswith("_ratio")) and value > 1:
        return "a share is between 0 and 1"
    if name.endswith("_percent") and value > 100:
        return "a percentage is between 0 and 100"
    return ""


def disabled_in_post(meta: Mapping[str, Any]) -> frozenset[str]:
    """Rule ids, names and categories a post turns off: `smpseo: {disable: [RD101, long-sentence, local]}`."""
    return frozenset(switched_off(meta))


def switched_off(meta: Mapping[str, Any]) -> list[str]:
    """What a post's `smpseo: {disable: ...}` names, in its order, each once: a list, or one string of names
    separated by commas; nothing when the block or its `disable` is of another type."""
    block = meta.get("smpseo")
    if not isinstance(block, dict):
        return []
    items = block.get("disable") or []
    if isinstance(items, str):
        items = items.split(",")
    if not isinstance(items, list):
        return []
    return list(dict.fromkeys(name for name in (str(i).strip() for i in items) if name))


def is_disabled(rule_: Rule, disabled: frozenset[str]) -> bool:
    return bool(disabled) and (rule_.id in disabled or rule_.name in disabled or rule_.category in disabled
                               or "all" in disabled)
