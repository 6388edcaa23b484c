"""The kind for a phrase where it counts: the focus keyphrase in the title, the slug, the introduction, the meta
description; the city in the title, the introduction and a subheading. What each part of a post is, and what it
means for a part to hold a phrase, are `smpseo.analysis.placement`'s."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from smpseo.analysis.placement import contains, part
from smpseo.checks.engine import Hit
from smpseo.checks.kinds.spec import Spec


def _focus(ctx):
    return ctx.focus


def synonym_note(ctx, phrase, text: str) -> str:
    """" (it has 'SMP', a synonym, which does not count here)" when only a synonym makes `text` hold the phrase;
    when the phrase has the synonym and `text` the words it stands for ("SMP aftercare", "Scalp micropigmentation
    aftercare"), that they do not count either, and what to write."""
    if contains(ctx.matcher, phrase, text, synonyms=True):
        forms = [u.surface for u in ctx.matcher.units(text) if u.kind == "synonym"]
        if forms:
            return f" (it has '{forms[0]}', a synonym, which does not count here)"
        own = [u.surface for u in ctx.matcher.units(phrase.text) if u.kind == "synonym"]
        if own:
            return f" (it has the words '{own[0]}' stands for, which do not count here: write '{own[0]}' itself)"
    return ""


class Placement(Spec):
    """A phrase where it counts (Yoast's keyphrase in the title, slug, introduction, meta description): `phrase(ctx)`
    (the focus keyphrase by default; the rule is silent without one) in each part of the post `where` names
    (`smpseo.analysis.placement`: TITLE, SLUG, INTRO, DESCRIPTION, SUBHEADING). `verdict(ctx, phrase, part, t)`
    says how the part holds it: an outcome (MISSING, WORDS, LATER ...), or (outcome, values for the message), or
    None. An outcome `message` has a text for is a finding, at the part; any other is fine. Messages can use
    `{phrase}`, `{keyphrase}`, every threshold by name, and `{synonym_note}` (" (it has 'SMP', a synonym, which
    does not count here)" where a synonym is all the part has)."""

    where: tuple[str, ...]
    verdict: Callable[[Any, Any, Any, Mapping[str, Any]], Any]
    message: Mapping[str, str]
    phrase: Callable[[Any], Any] = _focus
    kind = "placement"

    def check(self, ctx, t) -> Iterable[Hit]:
        phrase = self.phrase(ctx)
        if not phrase:
            return
        for place in self.where:
            found = part(ctx.post, place)
            if found is None:
                continue
            outcome = self.verdict(ctx, phrase, found, t)
            outcome, values = outcome if isinstance(outcome, tuple) else (outcome, {})
            message = self.message.get(outcome) if outcome else None
            if message is None:
                continue
            if "{synonym_note}" in message:
                values = {**values, "synonym_note": synonym_note(ctx, phrase, found.text)}
            yield Hit(found.line, found.column, self.say(ctx, message, t, phrase=phrase.text, **values), found.match)
