"""FAQ topics: the questions prospects ask, as data.

The shipped taxonomy is `smpseo/data/faq_topics.yml`. A user's topic file has the same schema:

    topics:
      - id: financing            # letters, digits and _ ; required
        question: Can I pay for SMP in instalments?   # required
        phrasings: [Do you offer payment plans?]     # optional: other ways people ask
        terms: [instalments, payment plan]           # optional: signal words

(a bare list of topics, without the `topics:` key, is accepted too). Unknown keys, a missing `id` or `question` and
duplicate ids within one file are `TopicError`s naming the file, the entry and its line. A topic whose id is already
known (shipped, or from an earlier file) replaces it in place: that is how a clinic rewords a shipped question.

A topic can be decided by hand, and the decision stays with the file across runs:

      - id: cost
        mark: answered                 # the matcher's status is replaced by this one
        post: lets-talk-money          # slug or file name of the post that answers it (required for answered)
        section: The short version     # optional: its section's heading ("" for the introduction)
      - id: tricopigmentation
        mark: not relevant             # this clinic does not offer it: neither a gap nor an answer

An entry with `mark` and no `question` marks a topic already known without rewording it.

Questions may name the clinic's place: `{city}`, `{region}`, `{country}` and `{jurisdiction}` (the region or the
country, whichever makes the rules there) are filled from `[site]` in smpseo.toml (`smpseo.sources.topic_places`): what is not set is left out ("in {city}, {region}" with only a city: "in Leeds"), a phrasing or term
naming only places that are not set is dropped, and a question's "in {city}" with no city becomes "near me",
"in {region}" "where I live" and "across {region}" "across the region".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from smpseo.core import shipped
from smpseo.core.language import says_something
from smpseo.core.mistakes import Mistakes
from smpseo.core.text import clean_text, shortened
from smpseo.core.textfile import NotText, file_text, read_regular
from smpseo.sources.topic_places import PLACES, SHIPPED, localize  # noqa: F401 (localize: its old home)
from smpseo.sources.yamlshape import expanded_size, loader, loops, shape, yaml_error_place

KEYS = ("id", "question", "phrasings", "terms", "requires", "mark", "post", "section")
MARKS = {"answered": "answered", "not relevant": "not_relevant", "not_relevant": "not_relevant"}
_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


class TopicError(Mistakes, Exception):
    """A topic file that cannot be used. `entry` names the topic (its position and id) when one is at fault."""

    def __init__(self, path: str, message: str, entry: str = "", line: int = 0):
        self.path, self.message, self.entry, self.line = str(path), message, entry, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {entry + ': ' if entry else ''}{message}")


@dataclass(frozen=True)
class Topic:
    id: str
    question: str
    phrasings: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    # what a passage must name, one of them, to answer it (a question about MRI scans is not answered by "it thins
    # the blood"): for a question about a thing no other words can stand for
    requires: tuple[str, ...] = ()
    mark: str = ""  # set by hand: "answered" or "not_relevant"
    post: str = ""  # with mark "answered": the post that answers it (slug or file name)
    section: str | None = None  # ... and its section's heading, when given
    source: str = field(default="", compare=False)  # the file it came from ("" for topics made in code)
    line: int = field(default=0, compare=False)

    @property
    def texts(self) -> tuple[str, ...]:
        """The question and its phrasings: every way this question is asked."""
        return (self.question, *self.phrasings)


def _strings(value: Any, path: str, entry: str, key: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        odd = next((v for v in value if not isinstance(v, str)), None) if isinstance(value, list) else value
        example = f"[{value}]" if isinstance(value, str) else "[car park, parking]"
        raise TopicError(path, f"'{key}' must be a list of strings, e.g. {key}: {example} (not "
                               f"{type(odd).__name__} {shortened(str(odd), 40)})", entry, line)
    return tuple(clean_text(v).strip() for v in value if clean_text(v).strip())


def _not_yaml(path: str) -> str:
    """What to add to a YAML error in a file named as another format (a TOML or CSV habit)."""
    suffix = Path(str(path)).suffix.lower()
    return f" (a topics file is YAML or JSON, as docs/gaps.md shows; {suffix} files are not supported)" \
        if suffix in (".toml", ".ini", ".cfg", ".csv", ".tsv", ".txt", ".md") else ""


MAX_TOPICS = 1_000  # topics in one file: each is matched against every passage of the blog (a clinic asks a few dozen)
MAX_TEXT = 1_000_000  # characters of a file's values once its aliases are expanded (a big file of 1,000 holds 200,000)
MAX_WAYS = 100  # phrasings, terms or required words of one topic (the shipped topics have up to a dozen)


def parse_topics(text: str, path: str = "<topics>") -> list[Topic]:
    """Topics from the text of a topic file. Raises TopicError (with every mistake of its topics in `problems`)."""
    topics, problems, _ = _entries(text, path)
    if problems:
        raise TopicError.of(problems)
    return topics


def _entries(text: str, path: str) -> tuple[list[Topic], list[TopicError], set[str]]:
    """The topics of a topic file's text that can be used, the mistakes of the others, and the ids those others
    name. Raises TopicError for a file that holds no list of topics at all (not YAML, a wrong shape)."""
    import yaml

    try:
        data = yaml.load(text, Loader=loader())
    except yaml.MarkedYAMLError as exc:
        problem, line = yaml_error_place(exc, text)
        raise TopicError(path, f"invalid YAML: {problem}{_not_yaml(path)}", line=line + 1) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (a NUL, a control character): at its line
        raise TopicError(path, f"invalid YAML: unacceptable character #x{exc.character:04x}: {exc.reason}"
                         f"{_not_yaml(path)}", line=text.count("\n", 0, exc.position) + 1) from None
    except yaml.YAMLError as exc:
        raise TopicError(path, f"invalid YAML: {exc}{_not_yaml(path)}") from None
    if loops(data):  # `&a [*a]`: no finite value
        raise TopicError(path, "refused: a list or mapping contains itself through an alias")
    topics_given = data.get("topics") if isinstance(data, dict) else data
    if isinstance(topics_given, list) and len(topics_given) > MAX_TOPICS:
        raise TopicError(path, f"{len(topics_given):,} topics, more than the {MAX_TOPICS:,} a file may hold: keep the "
                               "questions prospects ask (each topic is matched against every passage of the blog)")
    size = expanded_size(data, text=True)
    if size > MAX_TEXT:  # aliases of aliases ('billion laughs') are refused before anything expands them
        what = "its values hold" if size <= 2 * len(text) else "its aliases expand to"
        raise TopicError(path, f"refused: {what} more than {MAX_TEXT:,} characters")
    found = shape(text, "topics")
    if found.repeated:  # YAML keeps the last of a key given twice: the first would be lost without a word
        raise TopicError.of([TopicError(path, f"'{key}' is given again (first on line {first}): keep one", line=line)
                             for line, key, first in found.repeated])
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"topics"}, key=str)
        if unknown:
            raise TopicError(path, f"unknown top-level key '{unknown[0]}' (expected 'topics')",
                             line=found.keys.get(str(unknown[0]), 0))
        data = data.get("topics")
    if data is None or data == []:  # `topics:` with nothing after it, or an empty list: a file that adds nothing
        raise TopicError(path, "no topics (expected a 'topics:' list)", line=found.keys.get("topics", 0))
    if not isinstance(data, list):
        raise TopicError(path, f"'topics' must be a list of topics{_not_yaml(path)}", line=found.keys.get("topics", 1))
    lines = found.entries
    topics: list[Topic] = []
    problems: list[TopicError] = []
    named: set[str] = set()
    seen: dict[str, int] = {}
    for i, raw in enumerate(data, start=1):  # every entry is read, so every mistake is said at once
        try:
            topics.append(_topic(raw, i, lines[i - 1] if i - 1 < len(lines) else 0, path, seen))
        except TopicError as exc:
            problems.append(exc)
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                named.add(raw["id"].strip())
    return topics, problems, named


def _topic(raw: Any, i: int, line: int, path: str, seen: dict[str, int]) -> Topic:
    """The `i`-th entry of a topic file (at `line`) as a Topic; `seen` holds the ids before it. Raises TopicError."""
    entry = f"topic {i}"
    if not isinstance(raw, dict):
        raise TopicError(path, "a topic must be a mapping with 'id' and 'question'", entry, line)
    if raw.get("id") is not None:
        entry = f"topic {i} ({raw['id']!s})"
    if isinstance(raw.get("id"), str) and raw["id"].strip() in seen:  # said even where the entry has more mistakes
        raise TopicError(path, f"duplicate id '{raw['id'].strip()}' (first at topic {seen[raw['id'].strip()]})", entry,
                         line)
    if isinstance(raw.get("id"), str):
        seen.setdefault(raw["id"].strip(), i)
    unknown = [str(k) for k in raw if k not in KEYS]
    if unknown:
        raise TopicError(path, f"unknown key '{unknown[0]}' (known: {', '.join(KEYS)})", entry, line)
    if isinstance(raw.get("question"), str):  # cleaned where it enters, as front matter is
        raw = {**raw, "question": clean_text(raw["question"])}
    mark_only = raw.get("mark") is not None and raw.get("question") is None
    for key in ("id",) if mark_only else ("id", "question"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            why = "missing '{}'" if value is None else "'{}' is empty" if isinstance(value, str) else \
                "'{}' must be text"
            raise TopicError(path, why.format(key), entry, line)
    mark, post, section = _mark(raw, path, entry, line)
    topic_id = raw["id"].strip()
    if not _ID_RE.match(topic_id):
        raise TopicError(path, f"id '{topic_id}' must be ASCII letters, digits and _ (starting with a letter)",
                         entry, line)
    question = "" if mark_only else " ".join(raw["question"].split())
    phrasings = _strings(raw.get("phrasings"), path, entry, "phrasings", line)
    terms = _strings(raw.get("terms"), path, entry, "terms", line)
    requires = _strings(raw.get("requires"), path, entry, "requires", line)
    for key, given in (("phrasings", phrasings), ("terms", terms), ("requires", requires)):
        if len(given) > MAX_WAYS:
            raise TopicError(path, f"{len(given):,} {key}, more than the {MAX_WAYS} a topic may have", entry, line)
    if not mark_only and not says_something(question, *phrasings, *terms, courtesy=True):
        shown = question if len(question) <= 60 else question[:59] + "…"
        raise TopicError(path, f"'question' has no word to match a post by: {shown!r} (only words such as "
                               "'is', 'it' or 'why', which every question has)", entry, line)
    for unknown in (m for text in (question, *phrasings, *terms) for m in _UNKNOWN_PLACE_RE.finditer(text)):
        if unknown[1] not in PLACES:
            raise TopicError(path, f"unknown place {unknown[0]} (known: "
                                   f"{', '.join('{' + k + '}' for k in PLACES)})", entry, line)
    return Topic(id=topic_id, question=question, phrasings=phrasings, terms=terms, requires=requires,
                 mark=mark, post=post, section=section, source=path, line=line)


def _mark(raw: dict, path: str, entry: str, line: int) -> tuple[str, str, str | None]:
    """The hand-set status of an entry: (mark, post, section), all empty when it has none."""
    mark = raw.get("mark")
    post, section = raw.get("post"), raw.get("section")
    if mark is None:
        if post is not None or section is not None:
            raise TopicError(path, "'post' and 'section' go with 'mark: answered'", entry, line)
        return "", "", None
    key = " ".join(str(mark).replace("_", " ").split()).lower()
    if key not in MARKS:
        raise TopicError(path, f"mark '{mark}' must be 'answered' or 'not relevant'", entry, line)
    if MARKS[key] == "answered" and (not isinstance(post, str) or not post.strip()):
        raise TopicError(path, "'mark: answered' needs the 'post' that answers it", entry, line)
    if section is not None and not isinstance(section, str):
        raise TopicError(path, "'section' must be text (a heading, or \"\" for the introduction)", entry, line)
    return MARKS[key], clean_text(post or "").strip(), clean_text(section).strip() if isinstance(section, str) else None


def read_topics(path: str | Path) -> list[Topic]:
    """The topics of one file. Raises TopicError (also for a file that cannot be read)."""
    topics, problems, _ = _file_entries(path)
    if problems:
        raise TopicError.of(problems)
    return topics


def _file_entries(path: str | Path) -> tuple[list[Topic], list[TopicError], set[str]]:
    """`_entries` of a file. Raises TopicError for a file that cannot be read or holds no list of topics."""
    try:
        text = file_text(read_regular(path))
    except FileNotFoundError:
        raise TopicError(str(path), "topic file not found") from None
    except NotText as exc:
        raise TopicError(str(path), exc.message, line=exc.line) from None
    except OSError as exc:
        raise TopicError(str(path), f"cannot read topic file: {exc.strerror or exc}") from None
    return _entries(text, str(path))


_shipped_cache: list[Topic] | None = None


def shipped_topics() -> list[Topic]:
    """The taxonomy shipped with smpseo (33 questions an SMP clinic's prospects ask)."""
    global _shipped_cache
    if _shipped_cache is None:
        text = shipped.read_text(SHIPPED)
        _shipped_cache = parse_topics(text, f"smpseo/data/{SHIPPED}")
    return list(_shipped_cache)


def merge_topics(base: list[Topic], extra: list[Topic]) -> list[Topic]:
    """`base` with `extra` added; a topic of `extra` whose id is in `base` replaces it where it stands (keeping the
    mark set on it, unless it sets one of its own), and one without a question only sets the mark of the known
    topic."""
    merged = {t.id: t for t in base}
    unknown = []
    for topic in extra:
        known = merged.get(topic.id)
        if topic.question and not topic.mark and known is not None and known.mark:
            merged[topic.id] = replace(topic, mark=known.mark, post=known.post, section=known.section,
                                       source=known.source, line=known.line)  # a rewording keeps the mark
        elif topic.question:
            merged[topic.id] = topic
        elif topic.id in merged:
            merged[topic.id] = replace(merged[topic.id], mark=topic.mark, post=topic.post, section=topic.section,
                                       source=topic.source, line=topic.line)  # where the mark was set
        else:
            unknown.append(_unknown_mark(topic))
    if unknown:  # every one of them at once
        raise TopicError.of(unknown)
    return list(merged.values())


def _unknown_mark(topic: Topic) -> TopicError:
    return TopicError(topic.source or "<topics>", f"a mark for '{topic.id}', which is no known topic (add a "
                      "'question' to make it one)", f"topic ({topic.id})", topic.line)


_UNKNOWN_PLACE_RE = re.compile(r"\{\s*([^{}\s]+)\s*\}")  # {town}, {City}, {city.name}: a typo, never filled


def load_topics(*files: str | Path | Topic, shipped: bool = True) -> list[Topic]:
    """The shipped topics plus those of `files` (paths or Topic objects), later ids replacing earlier ones.

    A mark for a topic that a later file defines waits for it, so a file of marks may come before the file of
    questions it marks; it then holds unless that file marks the topic itself. `shipped=False` gives only the files'
    topics. Raises TopicError for a bad file, or a mark for a topic no file defines, with every mistake of every
    file in `problems` (a file's mistakes in the order of its lines).
    """
    if len(files) == 1 and isinstance(files[0], (list, tuple)):
        files = tuple(files[0])
    topics = shipped_topics() if shipped else []
    waiting: list[Topic] = []  # marks for topics not known yet
    problems: list[TopicError] = []  # every mistake of every file, said at once
    unsure: set[str] | None = set()  # the ids entries with a mistake name (None: a whole file could not be read)
    for item in files:
        if isinstance(item, Topic):
            new = [item]
        else:
            try:
                new, wrong, named = _file_entries(item)
            except TopicError as exc:
                problems += exc.problems
                unsure = None
                continue
            problems += wrong
            if unsure is not None:
                unsure |= named
        known = {t.id for t in topics} | {t.id for t in new if t.question}
        waiting += [t for t in new if not t.question and t.id not in known]
        topics = merge_topics(topics, [t for t in new if t.question or t.id in known])
    marked = {t.id for t in topics if t.mark}
    known = {t.id for t in topics}
    for topic in waiting:  # a mark no file's topic takes (unless an entry with a mistake may be that topic)
        if topic.id not in known and unsure is not None and topic.id not in unsure:
            problems.append(_unknown_mark(topic))
    if problems:
        order = {str(f): i for i, f in enumerate(files) if not isinstance(f, Topic)}
        raise TopicError.of(sorted(problems, key=lambda p: (order.get(p.path, len(order)), p.line)))
    return merge_topics(topics, [t for t in waiting if t.id not in marked])
