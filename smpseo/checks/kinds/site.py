"""The site-level kind: posts that share what each should have of its own (a keyphrase, a title, a description)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from smpseo.checks.engine import SITE, Hit
from smpseo.checks.kinds.spec import Spec, hit, no_match, start


def others(ctx, group: list, limit: int = 3) -> str:
    """The posts of `group` other than `ctx`, by name: "a.md, b.md, c.md and 2 more"."""
    names = [o.name for o in group if o is not ctx]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _every_post(site) -> list:
    return site.posts


class Duplicate(Spec):
    """Posts that share what each should have of its own (Yoast's previously used keyphrase; a title, a meta
    description): `key(site, ctx)` is what a post has (None or "": nothing to compare), for each post `among(site)`
    gives (every post by default). Posts whose keys are equal, or the `same(site, a, b)` when keys are not plain
    values (two phrases with the same words), form a group; each post of a group of two or more gets a finding at
    `at(ctx)`, `message` formatted with `{ctx}` (the post's context: `{ctx.focus.text}`), `{others}` (the
    other posts of its group, by name) and what `details(site, ctx, group)` gives."""

    key: Callable[[Any, Any], Any]
    message: str
    among: Callable[[Any], Iterable[Any]] = _every_post
    same: Callable[[Any, Any, Any], bool] | None = None
    at: Callable[[Any], tuple[int, int]] = start
    match: Callable[[Any], str] = no_match
    details: Callable[[Any, Any, list[Any]], Mapping[str, str]] | None = None
    kind = "duplicate"
    scope = SITE

    def groups(self, site) -> list[list[Any]]:
        """The posts that share a key, in groups of two or more, in the order each key first appears."""
        found: list[tuple[Any, list[Any]]] = []
        by_key: dict[Any, list[Any]] = {}
        for ctx in self.among(site):
            key = self.key(site, ctx)
            if not key:
                continue
            if self.same is None:
                if key not in by_key:
                    by_key[key] = []
                    found.append((key, by_key[key]))
                by_key[key].append(ctx)
                continue
            for first, members in found:
                if self.same(site, first, key):
                    members.append(ctx)
                    break
            else:
                found.append((key, [ctx]))
        return [members for _, members in found if len(members) > 1]

    def check(self, site, t) -> Iterable[tuple[Any, Hit]]:
        for group in self.groups(site):
            for ctx in group:
                more = self.details(site, ctx, group) if self.details else {}
                yield ctx, hit(self.at(ctx), self.message.format(ctx=ctx, others=others(ctx, group), **t, **more),
                               self.match(ctx))
