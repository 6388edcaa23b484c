"""What every rule kind holds, how a kind's spec joins the registry, and the places findings go that kinds share."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from smpseo.checks.engine import POST, Example, Hit, rule
from smpseo.core.frozen import Frozen
from smpseo.model.post import HEADING, IMAGE, TABLE

EMPTY: Mapping[str, Any] = MappingProxyType({})  # the default of a mapping field: shared, so never changed


class Spec(Frozen):
    """What every kind holds, as the `@rule` decorator takes it; a kind adds what its check needs and a `check`.
    A spec is a `Frozen` record built by keyword, once per rule (fields are annotations, defaults class attributes).

    Messages are format strings: every threshold by name, what the kind measured or found, and `{keyphrase}` (the
    focus keyphrase, quoted, with "(inferred ...)" when it was guessed)."""

    id: str
    name: str
    category: str
    severity: str
    doc: str
    thresholds: Mapping[str, Any] = EMPTY
    hint: str = ""
    examples: Iterable[Example] = ()
    uses_keyphrase: bool = False
    yields_to: tuple[str, ...] = ()  # rules whose finding at the same place says it already
    kind = "custom"
    scope = POST

    def check(self, ctx, t) -> Iterable[Any]:
        raise NotImplementedError

    def say(self, ctx, message: str, t: Mapping[str, Any], **values: Any) -> str:
        """`message` with the thresholds, `values` and, where it asks for it, the focus keyphrase."""
        if "{keyphrase}" in message:
            values["keyphrase"] = ctx.focus_label()
        return message.format(**t, **values)


def register(spec: Spec) -> Spec:
    """Put a kind's spec in the registry as a rule; returns the spec."""
    rule(spec.id, spec.name, spec.category, spec.severity, spec.doc, examples=spec.examples,
         thresholds=spec.thresholds, scope=spec.scope, uses_keyphrase=spec.uses_keyphrase, hint=spec.hint,
         kind=spec.kind, yields_to=spec.yields_to)(spec.check)
    return spec


def bound(limit: str | float | int, t: Mapping[str, Any]) -> float | int:
    """A threshold by name (`"max_words"`: the setting, tunable in `[rules]`), or a fixed number."""
    return t[limit] if isinstance(limit, str) else limit


def no_match(_ctx, _item=None) -> str:
    """The text a finding points at, for findings that point at none."""
    return ""


# ---- where findings go -----------------------------------------------------------------------------------------
def first_line(ctx) -> tuple[int, int]:
    """Where a finding about the whole post goes: the title's line, or the first block's."""
    return ctx.first_line(), 1


def start(ctx) -> tuple[int, int]:
    """Where a finding about the whole post goes: where the post starts in its file."""
    return ctx.post.start_line, 1


def last_prose_line(ctx) -> tuple[int, int]:
    """Where a finding about something the post lacks goes when it has no place of its own: its last prose block."""
    return (ctx.prose[-1].line if ctx.prose else ctx.first_line()), 1


def written_places(ctx):
    """(text, block or None, line) of every place a post writes something a reader sees: title, description, prose,
    headings, alt text and tables (a contact table's phone number is the clinic's number as much as a sentence's)."""
    post = ctx.post
    if post.title:
        yield post.title, None, post.title_line or 1
    if post.description:
        yield post.description, None, post.meta_line("description")
    for block in post.blocks:
        if block.is_prose or block.kind in (HEADING, IMAGE, TABLE):
            yield block.text, block, block.line


def hit(line_column: tuple[int, int], message: str, match: str = "", hint: str = "",
        grade: int | None = None) -> Hit:
    line, column = line_column
    return Hit(line, column, message, match, hint, grade)
