"""Rule kinds: a rule declared as a small spec of a typed check instead of a function.

A kind holds everything the `@rule` decorator takes (id, name, category, severity, doc, hint, thresholds,
examples) and what its check needs; `register(spec)` turns it into a rule function and puts it in the registry.
Rules that fit no kind stay `@rule` functions (kind "custom").

    register(Metric(id="RD107", ..., thresholds={"min_words": 300}, value=lambda ctx: ctx.word_count,
                    below="min_words", message="Text has {value} words (min {threshold})"))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from smpseo.checks.engine import Example, Hit, rule
from smpseo.model.post import HEADING, IMAGE


def _whole_post(ctx) -> tuple[Any, ...]:
    return (ctx,)


def _first_line(ctx) -> tuple[int, int]:
    return ctx.first_line(), 1


def _title(ctx) -> str:
    return ctx.post.title


def _nothing(_item) -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True, kw_only=True)
class Spec:
    """What every kind holds, as the `@rule` decorator takes it; a kind adds what its check needs."""

    id: str
    name: str
    category: str
    severity: str
    doc: str
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    hint: str = ""
    examples: Iterable[Example] = ()
    uses_keyphrase: bool = False
    kind = "custom"


@dataclass(frozen=True, kw_only=True)
class Metric(Spec):
    """A number compared with a threshold: flagged when `value` is below `thresholds[below]` or above
    `thresholds[above]` (either or both). `each(ctx)` gives the things measured (the whole post by default, e.g.
    each paragraph); `value`, `at` (line, column), `match` and `details` take one of them. `value` returning None
    skips it. `message` is a format string with `{value}`, `{threshold}` (the one crossed), every threshold by
    name, and what `details` returns."""

    value: Callable[[Any], float | int | None]
    message: str
    below: str | None = None
    above: str | None = None
    each: Callable[[Any], Iterable[Any]] = _whole_post
    at: Callable[[Any], tuple[int, int]] = _first_line
    match: Callable[[Any], str] = _title
    details: Callable[[Any], Mapping[str, Any]] = _nothing
    kind = "metric"

    def check(self, ctx, t) -> Iterable[Hit]:
        for item in self.each(ctx):
            value = self.value(item)
            if value is None:
                continue
            if self.below is not None and value < t[self.below]:
                crossed = t[self.below]
            elif self.above is not None and value > t[self.above]:
                crossed = t[self.above]
            else:
                continue
            line, column = self.at(item)
            text = self.message.format(value=value, threshold=crossed, **t, **self.details(item))
            yield Hit(line, column, text, self.match(item))


def _start(_ctx) -> tuple[int, int]:
    return 1, 1


def _empty(_item) -> str:
    return ""


def last_prose_line(ctx) -> tuple[int, int]:
    """Where a finding about something the post lacks goes when it has no place of its own: its last prose block."""
    return (ctx.prose[-1].line if ctx.prose else ctx.first_line()), 1


@dataclass(frozen=True, kw_only=True)
class Required(Spec):
    """Something the post must have: one finding, `message` at `at(ctx)`, when `present(ctx)` is false."""

    present: Callable[[Any], bool]
    message: str
    at: Callable[[Any], tuple[int, int]] = _start
    kind = "required"

    def check(self, ctx, t) -> Iterable[Hit]:
        if not self.present(ctx):
            line, column = self.at(ctx)
            yield Hit(line, column, self.message, "")


@dataclass(frozen=True, kw_only=True)
class Occurrence(Spec):
    """Things that should not be there: one finding for each thing `found(ctx)` gives, at `at(item)`, with
    `message` formatted with `{item}` (attributes allowed: `'{item.src}'`) and `match(item)` as the text matched."""

    found: Callable[[Any], Iterable[Any]]
    message: str
    at: Callable[[Any], tuple[int, int]] = lambda item: (item.line, 1)
    match: Callable[[Any], str] = _empty
    kind = "occurrence"

    def check(self, ctx, t) -> Iterable[Hit]:
        for item in self.found(ctx):
            line, column = self.at(item)
            yield Hit(line, column, self.message.format(item=item, **t), self.match(item))


def written_places(ctx):
    """(text, block or None, line) of every place a post writes something: title, description, blocks."""
    post = ctx.post
    if post.title:
        yield post.title, None, post.title_line or 1
    if post.description:
        yield post.description, None, post.meta_line("description")
    for block in post.blocks:
        if block.is_prose or block.kind in (HEADING, IMAGE):
            yield block.text, block, block.line


@dataclass(frozen=True, kw_only=True)
class Consistency(Spec):
    """One form of a thing wherever the post writes (title, description, prose, headings, alt text): `canonical(ctx)`
    is that form (the rule stays silent when it is empty); `variants(ctx, canonical, text)` gives
    (offset, written, why) for each other form in a text. One finding for each, `message` formatted with
    `{written}`, `{why}` and `{canonical}`; the finding's hint is "Write '<canonical>'."."""

    canonical: Callable[[Any], str]
    variants: Callable[[Any, str, str], Iterable[tuple[int, str, str]]]
    message: str
    kind = "consistency"

    def check(self, ctx, t) -> Iterable[Hit]:
        canonical = self.canonical(ctx)
        if not canonical:
            return
        for text, block, line in written_places(ctx):
            for offset, written, why in self.variants(ctx, canonical, text):
                ln, col = ctx.position(block, offset) if block is not None else (line, 1)
                yield Hit(ln, col, self.message.format(written=written, why=why, canonical=canonical), written,
                          f"Write '{canonical}'.")


def register(spec: Spec) -> Spec:
    """Put a kind's spec in the registry as a rule; returns the spec."""
    rule(spec.id, spec.name, spec.category, spec.severity, spec.doc, examples=spec.examples,
         thresholds=spec.thresholds, uses_keyphrase=spec.uses_keyphrase, hint=spec.hint, kind=spec.kind)(spec.check)
    return spec
