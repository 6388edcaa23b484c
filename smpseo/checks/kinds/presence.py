"""Kinds about what a post has: something it must have (`Required`), things that must not be there
(`Occurrence`), and one form of a thing wherever it writes (`Consistency`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from smpseo.checks.engine import Hit
from smpseo.checks.kinds.spec import EMPTY, Spec, hit, no_match, start, written_places


def _no_case(_ctx) -> str:
    return ""


def _no_values(_ctx) -> Mapping[str, Any]:
    return {}


class Required(Spec):
    """Something the post must have (Vale's `conditional`; Yoast's images, links, meta description): one finding,
    at `at(ctx)`, when `present(ctx)` is false. `message` is a format string, or one per case: `case(ctx)` says
    which; `details(ctx)` gives values for it. `fix(ctx)`, when given, is the finding's own hint (one that names
    the clinic's own settings, say), in place of the rule's. `grades`: a case's score in the post's rating
    (`Hit.grade`), where it is not the rule's own."""

    present: Callable[[Any], bool]
    message: str | Mapping[str, str]
    at: Callable[[Any], tuple[int, int]] = start
    case: Callable[[Any], str] = _no_case
    details: Callable[[Any], Mapping[str, Any]] = _no_values
    fix: Callable[[Any], str] = _no_case
    grades: Mapping[str, int] = EMPTY  # case -> the score the post's rating gives it, where not the rule's own
    kind = "required"

    def check(self, ctx, t) -> Iterable[Hit]:
        if not self.present(ctx):
            case = self.case(ctx)
            message = self.message if isinstance(self.message, str) else self.message[case]
            yield hit(self.at(ctx), self.say(ctx, message, t, **self.details(ctx)), hint=self.fix(ctx),
                      grade=self.grades.get(case))


def _own_line(_ctx, item) -> tuple[int, int]:
    return item.line, 1


class Occurrence(Spec):
    """Things that should not be there (Vale's `existence`): one finding for each thing `found(ctx)` gives, at
    `at(ctx, item)`, with `message` formatted with `{item}` (attributes allowed: `'{item.src}'`), and
    `match(item)` as the text matched. `fix`, when given, is the finding's own hint, formatted alike."""

    found: Callable[[Any], Iterable[Any]]
    message: str
    at: Callable[[Any, Any], tuple[int, int]] = _own_line
    match: Callable[[Any], str] = no_match
    fix: str = ""
    kind = "occurrence"

    def check(self, ctx, t) -> Iterable[Hit]:
        for item in self.found(ctx):
            yield hit(self.at(ctx, item), self.say(ctx, self.message, t, item=item), self.match(item),
                      self.fix.format(item=item) if self.fix else "")


# A web address, an email address, a hashtag or a handle: written as the address needs, not as a name is.
ADDRESS_RE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|"
                        r"(?<![\w&])[#@]\w+|(?<![\w/])/[\w.-]+/[^\s<>()\[\]]*", re.I)


class Consistency(Spec):
    """One form of a thing wherever the post writes (title, description, prose, headings, alt text, tables; Vale's
    `consistency`): `canonical(ctx)` is that form (the rule stays silent when it is empty), or a list of the forms
    of several things of one kind (each studio's phone number: each checked on its own); `variants(ctx,
    canonical, text)` gives (offset, written, why) for each other form in a text. One finding for each, `message`
    formatted with `{written}`, `{why}` and `{canonical}` (or the message `messages` gives that `why`); the
    finding's hint is "Write '<canonical>'.". A form inside a web or email address, a hashtag or a handle is the
    address's, not a way of writing the thing: it is left alone. A `why` in `once` (a spelling convention, such as
    "Montreal" for "Montréal", rather than a slip) is said once a post, at its first place, with how many times the
    post writes it so."""

    canonical: Callable[[Any], str | list[str]]
    variants: Callable[[Any, str, str], Iterable[tuple[int, str, str]]]
    message: str
    messages: Mapping[str, str] = EMPTY
    once: tuple[str, ...] = ()
    kind = "consistency"

    def check(self, ctx, t) -> Iterable[Hit]:
        forms = self.canonical(ctx)
        for canonical in [forms] if isinstance(forms, str) else forms:
            if canonical:
                yield from self._check_one(ctx, canonical)

    def _check_one(self, ctx, canonical: str) -> Iterable[Hit]:
        first: dict[str, tuple] = {}  # a `once` why: (place, what is written there, how many times)
        for text, block, line in written_places(ctx):
            addresses = [m.span() for m in ADDRESS_RE.finditer(text)] if "@" in text or "/" in text \
                or "#" in text or "www." in text else []
            for offset, written, why in self.variants(ctx, canonical, text):
                if any(a <= offset < b for a, b in addresses):
                    continue  # "leeds@clinic.co.uk", "/leeds/prices", "#leeds": an address, written as it must be
                at = ctx.position(block, offset) if block is not None else (line, 1)
                if why in self.once:
                    place, shown, times = first.get(why, (at, written, 0))
                    first[why] = (place, shown, times + 1)
                    continue
                yield self._hit(at, written, why, canonical)
        for why, (at, written, times) in first.items():
            yield self._hit(at, written, why, canonical, f" ({times} times in this post)" if times > 1 else "")

    def _hit(self, at, written: str, why: str, canonical: str, more: str = "") -> Hit:
        message = self.messages.get(why, self.message)
        return hit(at, message.format(written=written, why=why, canonical=canonical) + more, written,
                   f"Write '{canonical}'.")
