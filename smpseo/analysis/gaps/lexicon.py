"""The lexicon: text -> keys (content-word stems, with the domain synonyms folded into one key per group)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from smpseo.core import shipped
from smpseo.core.language import stem, unasking_words
from smpseo.core.text import WORD_RE

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], str]  # stems of a form -> group key ("@smp")
    generic: frozenset[str]
    longest: int
    domain: frozenset[str] = frozenset()  # keys of which a post must use one to answer anything ("@smp")
    starts: dict[str, int] = field(default_factory=dict)  # first stem of a form -> longest form starting with it
    words: frozenset[str] = frozenset()  # every word of the forms, lower case ("micropigmentation")

    def keys(self, text: str, keep_generic: bool = False) -> list[str]:
        """The content keys of a text, in order: synonym groups folded, function (and generic) words dropped, and the
        courtesy words of a question ("thanks")."""
        generic = frozenset() if keep_generic else self.generic
        raw = WORD_RE.findall(text)
        stems = [stem(w) for w in raw]
        phrases, starts, function = self.phrases, self.starts, unasking_words()
        out: list[str] = []
        i, n = 0, len(stems)
        while i < n:
            s = stems[i]
            longest = starts.get(s, 0)
            for size in range(min(longest, n - i), 0, -1):
                group = phrases.get(tuple(stems[i:i + size]))
                if group is not None:
                    if group not in generic:
                        out.append(group)
                    i += size
                    break
            else:
                if s not in generic and not s.isdigit() and raw[i].translate(_APOSTROPHES).lower() not in function:
                    out.append(s)
                i += 1
        return out

    def names_thing(self, text: str) -> bool:
        """Whether a text names the domain's thing itself, by any of its names ("SMP", "a hair tattoo")."""
        return any(key.startswith("@") and key in self.generic for key in self.keys(text, keep_generic=True))

    def names_concern(self, text: str) -> bool:
        """Whether a text names one of the domain's concerns, by any of its forms: a group of the synonyms other than
        the thing itself ("scars", "a transplant", "Rogaine", "the price")."""
        return any(key.startswith("@") for key in self.keys(text))

    @functools.cached_property
    def _generic_forms(self) -> dict[str, list[tuple[str, ...]]]:
        """The forms of several words of the generic groups ("hair tattoo" of SMP), longest first, by first stem."""
        forms: dict[str, list[tuple[str, ...]]] = {}
        for stems, key in self.phrases.items():
            if key in self.generic and len(stems) > 1:
                forms.setdefault(stems[0], []).append(stems)
        return {first: sorted(found, key=len, reverse=True) for first, found in forms.items()}

    def in_generic_form(self, words: list[str]) -> list[bool]:
        """For each word, whether it is part of a form of several words of a generic group: "tattoo" in "does a
        hair tattoo hurt?" names SMP and says nothing about which question is asked, though alone ("is SMP a
        tattoo?") it does. `words`: as `vectors.words_of` gives them."""
        found = [False] * len(words)
        forms = self._generic_forms
        if not forms:
            return found
        stems = [stem(w) for w in words]
        i = 0
        while i < len(stems):
            for form in forms.get(stems[i], ()):
                if tuple(stems[i:i + len(form)]) == form:
                    found[i:i + len(form)] = [True] * len(form)
                    i += len(form) - 1
                    break
            i += 1
        return found


def _phrase_stems(form: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in WORD_RE.findall(form))


def build_lexicon(groups: dict[str, list[str]], generic: list[str] | None = None,
                  extra: dict[str, list[str]] | None = None, domain: list[str] | None = None) -> Lexicon:
    """A lexicon from synonym groups (name -> forms), generic words, and extra groups (e.g. config synonyms)."""
    phrases: dict[tuple[str, ...], str] = {}
    all_groups = {**groups, **(extra or {})}
    for name, forms in all_groups.items():
        key = "@" + name.lower().replace(" ", "_")
        for form in forms:
            stems = _phrase_stems(str(form))
            if stems:
                phrases.setdefault(stems, key)
    generic_keys = set()
    for word in generic or []:
        if word in all_groups:
            generic_keys.add("@" + word)
        else:
            generic_keys.update(_phrase_stems(word))
    domain_keys = {"@" + w if w in all_groups else stem(w) for w in domain or []}
    starts: dict[str, int] = {}
    for form in phrases:
        starts[form[0]] = max(starts.get(form[0], 0), len(form))
    words = frozenset(w.lower() for forms in all_groups.values() for form in forms for w in WORD_RE.findall(str(form)))
    return Lexicon(phrases, frozenset(generic_keys), max((len(p) for p in phrases), default=1),
                   frozenset(domain_keys), starts, words)


@functools.cache
def _synonym_data() -> tuple[dict[str, list[str]], list[str], list[str]]:
    import yaml

    text = shipped.read_text("domain_synonyms.yml")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return ({str(k): [str(f) for f in v] for k, v in data["groups"].items()}, [str(w) for w in data["generic"]],
            [str(w) for w in data.get("domain", [])])


@functools.cache
def default_lexicon() -> Lexicon:
    groups, generic, domain = _synonym_data()
    return build_lexicon(groups, generic, domain=domain)


def lexicon_for(config=None) -> Lexicon:
    """The shipped lexicon, plus the config's `[keywords.synonyms]` as groups of their own."""
    synonyms = getattr(config, "synonyms", None) or {}
    if not synonyms:
        return default_lexicon()
    groups, generic, domain = _synonym_data()
    # A configured term whose forms already belong to a shipped group joins that group.
    extra: dict[str, list[str]] = {}
    base = build_lexicon(groups, generic)
    for term, forms in synonyms.items():
        existing = base.phrases.get(_phrase_stems(term))
        if existing:
            groups = {**groups, existing[1:]: [*groups.get(existing[1:], []), *forms]}
        else:
            extra[term] = [term, *forms]
    return build_lexicon(groups, generic, extra, domain)
