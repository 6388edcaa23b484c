"""Kinds that measure: a number against a threshold (`Metric`), a share of the post's parts (`Share`), and runs of
parts in a row that repeat something (`Repetition`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from smpseo.checks.engine import Hit
from smpseo.checks.kinds.spec import EMPTY, Spec, bound, first_line, hit


def _whole_post(ctx) -> tuple[Any, ...]:
    return (ctx,)


def _title(ctx) -> str:
    return ctx.post.title


def _nothing(_item, _t) -> Mapping[str, Any]:
    return {}


def _pick(message: str | Mapping[str, str], outcome: str) -> str | None:
    """The message for an outcome: one message for a threshold crossed either way, or one per outcome (an outcome
    without one is nothing to say; so are "absent" and "none" for a single message)."""
    if isinstance(message, str):
        return None if outcome in ("absent", "none") else message
    return message.get(outcome)


class Metric(Spec):
    """A number compared with a threshold (Vale's `metric`; Yoast's text length, paragraph length): flagged when
    `value` is below `below` or above `above` (a threshold's name, or a fixed number; either or both). `each(ctx)`
    gives the things measured (the whole post by default; each paragraph, each section); `value`, `at` (line,
    column) and `match` take one of them. `value` returning None skips it, unless `message` says what to say then
    (`"absent"`; `hints` may give that outcome a hint of its own). `message` is a format string, or one per outcome
    (`"below"`, `"above"`, `"absent"`), with
    `{value}`, `{threshold}` (the one crossed), `{item}`, every threshold by name, and what `details(item, t)`
    returns (worked out only for a finding). `grade(value, t)`: the score the post's rating gives the finding, where
    Yoast's depends on how far the value misses (`Hit.grade`)."""

    value: Callable[[Any], float | int | None]
    message: str | Mapping[str, str]
    below: str | float | None = None
    above: str | float | None = None
    each: Callable[[Any], Iterable[Any]] = _whole_post
    at: Callable[[Any], tuple[int, int]] = first_line
    match: Callable[[Any], str] = _title
    details: Callable[[Any, Mapping[str, Any]], Mapping[str, Any]] = _nothing
    hints: Mapping[str, str] = EMPTY  # a hint of its own for an outcome ("absent": nothing to shorten, add one)
    grade: Callable[[Any, Mapping[str, Any]], int] | None = None  # (value, thresholds) -> the rating's score
    kind = "metric"

    def check(self, ctx, t) -> Iterable[Hit]:
        for item in self.each(ctx):
            value = self.value(item)
            crossed = None
            if value is None:
                outcome = "absent"
            elif self.below is not None and value < bound(self.below, t):
                outcome, crossed = "below", bound(self.below, t)
            elif self.above is not None and value > bound(self.above, t):
                outcome, crossed = "above", bound(self.above, t)
            else:
                continue
            message = _pick(self.message, outcome)
            if message is None:
                continue
            text = self.say(ctx, message, t, value=value, threshold=crossed, item=item, **self.details(item, t))
            grade = self.grade(value, t) if self.grade is not None and value is not None else None
            yield hit(self.at(item), text, self.match(item), self.hints.get(outcome, ""), grade)


def percent(share: float, limit: float) -> str:
    """A share as "52%", or "25.5%" where rounding would make it look like the limit it is over."""
    return f"{share:.1f}%" if round(share) == limit else f"{share:.0f}%"


def _always(_ctx, _t) -> bool:
    return True


def _part_start(_ctx, part, _found) -> tuple[int, int]:
    return part.line, part.column


def _part_text(_ctx, part, _found) -> str:
    return part.text


class Share(Spec):
    """The share of a post's parts that have something, in percent, against a threshold (Yoast's sentence length,
    passive voice, transition words, keyphrase in image alt text): `among(ctx)` gives the parts (its sentences,
    say) and `has(ctx, part, t)` what one has (None or False: nothing; a mapping: values for the message).
    Flagged when the share is above `above` or below `below` (a threshold's name, or a number), judged with
    `fewest` parts or more, and `applies(ctx, t)`; then one finding for each part that has it (`each`), at
    `at(ctx, part, found)`, or one for the post at its first part. `message` is one format string, or one per
    outcome: `"below"`, `"above"`, and `"none"` (said first, whatever the number of parts, when no part has it).
    It can use `{count}` (the parts that have it), `{total}`, `{share}` (a number: `{share:.0f}`), `{percent}`
    ("26%"; "25.5%" where rounding would show the limit itself) and what `has` gave; `match` is a function, or a
    format string of the same values. `grade(share, t)`: the score the post's rating gives the findings, where
    Yoast's depends on how far the share misses (`Hit.grade`)."""

    among: Callable[[Any], Sequence[Any]]
    has: Callable[[Any, Any, Mapping[str, Any]], Any]
    message: str | Mapping[str, str]
    above: str | float | None = None
    below: str | float | None = None
    fewest: int = 1
    each: bool = True
    at: Callable[[Any, Any, Any], tuple[int, int]] = _part_start
    match: Callable[[Any, Any, Any], str] | str = _part_text
    applies: Callable[[Any, Mapping[str, Any]], bool] = _always
    grade: Callable[[float, Mapping[str, Any]], int] | None = None  # (share, thresholds) -> the rating's score
    kind = "share"

    def check(self, ctx, t) -> Iterable[Hit]:
        if not self.applies(ctx, t):
            return
        parts = self.among(ctx)
        if not parts:
            return
        found = [(part, got) for part in parts for got in (self.has(ctx, part, t),) if got]
        share = 100 * len(found) / len(parts)
        crossed = None
        if not found and _pick(self.message, "none") is not None:
            outcome = "none"
        elif len(parts) < self.fewest:
            return
        elif self.above is not None and share > bound(self.above, t):
            outcome, crossed = "above", bound(self.above, t)
        elif self.below is not None and share < bound(self.below, t):
            outcome, crossed = "below", bound(self.below, t)
        else:
            return
        message = _pick(self.message, outcome)
        if message is None:
            return
        values = {"count": len(found), "total": len(parts), "share": share,
                  "percent": percent(share, crossed) if crossed is not None else f"{share:.0f}%"}
        shown = found if self.each else [(parts[0], None)]
        grade = self.grade(share, t) if self.grade is not None else None
        for part, got in shown:
            mine = {**values, **got} if isinstance(got, Mapping) else values
            match = self.match.format(**mine) if isinstance(self.match, str) else self.match(ctx, part, got)
            yield hit(self.at(ctx, part, got), self.say(ctx, message, t, **mine), match, grade=grade)


class Repetition(Spec):
    """Parts in a row that start alike (Vale's `repetition`; Yoast's consecutive sentences): `within(ctx)` gives
    the sequences to look in (the sentences of each section, say), `key(part)` what a part is known by there (its
    first word; "" for nothing, which ends a run), compared without case. A run of `least` (a threshold's name)
    or more gives one finding at its first part, `message` formatted with `{count}` and `{key}` (as the run's
    first part writes it)."""

    within: Callable[[Any], Iterable[Sequence[Any]]]
    key: Callable[[Any], str]
    least: str
    message: str
    at: Callable[[Any], tuple[int, int]] = lambda part: (part.line, part.column)
    kind = "repetition"

    def check(self, ctx, t) -> Iterable[Hit]:
        least = t[self.least]
        for parts in self.within(ctx):
            i = 0
            while i < len(parts):
                written = self.key(parts[i])
                word = written.lower()
                j = i + 1
                while j < len(parts) and word and self.key(parts[j]).lower() == word:
                    j += 1
                if word and j - i >= least:
                    yield hit(self.at(parts[i]), self.say(ctx, self.message, t, count=j - i, key=written), written)
                i = max(j, i + 1)
