"""The results of `smpseo.gaps()`: per topic, its status, the posts and sentences that answer it, a suggestion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smpseo.core.text import counted
from smpseo.model.post import short_name

ANSWERED, PARTIAL, MISSING, NOT_RELEVANT = "answered", "partial", "missing", "not_relevant"
STATUS_ORDER = {MISSING: 0, PARTIAL: 1, ANSWERED: 2, NOT_RELEVANT: 3}
FEW_POSTS = 5  # below this, `make eval`'s small blogs find few of their answers (docs/gaps.md, Accuracy)
SURE, CHECK = "sure", "check"  # confidence: the evidence is clear, or a reader should check the status
ANSWERS, MENTIONS, ASKS = "answers", "mentions", "asks"  # what a passage does with a question


@dataclass
class Evidence:
    """A sentence (or heading) that matched a topic, with where it stands."""

    path: str
    line: int
    column: int
    text: str
    section: str
    score: float
    role: str = ANSWERS  # what the sentence's passage does with the question: answers, mentions or asks it
    why: str = ""  # why it counts, in a few words

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "section": self.section,
                "text": self.text, "score": round(self.score, 2), "role": self.role, "why": self.why}


@dataclass
class PostMatch:
    path: str
    title: str
    score: float
    section: str  # the heading of the best section ("" for the introduction)
    line: int
    status: str = MISSING
    hits: int = 0  # sentences of that section on the topic
    about: bool = False  # the post's title asks the topic's question, or something close to it
    elsewhere: bool = False  # that section's heading (or the title, for an introduction) asks another question
    slug: str = ""  # the post's slug: which post, also where one file holds many (a WordPress export)

    def to_dict(self) -> dict:
        return {"path": self.path, "slug": self.slug, "title": self.title, "score": round(self.score, 2),
                "section": self.section, "line": self.line, "status": self.status}


@dataclass
class Suggestion:
    """What to write next for a topic: extend an existing post with a section (a passage there is half-way to
    answering), complete the post already aimed at the question (its keyphrase or title asks it: a new post would
    compete with it), or write a new post."""

    action: str  # "extend" | "complete" | "write"
    title: str  # the section heading to add (extend, complete) or the new post's title (write)
    subheadings: list[str]
    keywords: list[str]
    post: str = ""  # the post to extend or complete
    post_title: str = ""
    after: str = ""  # the section of that post the new one belongs next to

    @property
    def short(self) -> str:
        """A few words for a table: "extend <post>", "complete <post>" or "new post"."""
        if self.post:
            return f"{self.action} {short_name(self.post)}"
        return "new post"

    @property
    def text(self) -> str:
        where = f" after \"{self.after}\"" if self.after else ""
        if self.action == "extend":
            return f"extend \"{self.post_title or self.post}\": add a section \"{self.title}\"{where}"
        if self.action == "complete":
            return (f"complete \"{self.post_title or self.post}\", the post aimed at this question: add a section "
                    f"\"{self.title}\"{where}")
        return f"write a new post \"{self.title}\""

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict:
        return {"action": self.action, "text": self.text, "post": self.post, "post_title": self.post_title,
                "after": self.after, "title": self.title, "subheadings": list(self.subheadings),
                "keywords": list(self.keywords)}


@dataclass
class TopicResult:
    id: str
    question: str
    status: str
    score: float
    posts: list[PostMatch] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: Suggestion | None = None
    impressions: int = 0
    clicks: int = 0
    queries: list[str] = field(default_factory=list)  # the Search Console queries that map to it, by impressions
    priority: int = 0
    confidence: str = SURE  # CHECK: the evidence sits near the line between two statuses
    set_by_hand: bool = False  # the status comes from a mark in a topics file, not from the matcher
    note: str = ""  # one line on why the status is what it is
    could_be: list[str] = field(default_factory=list)  # a hand mark naming several posts: their names

    @property
    def is_gap(self) -> bool:
        return self.status in (MISSING, PARTIAL)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "question": self.question, "status": self.status, "score": round(self.score, 2),
            "priority": self.priority, "impressions": self.impressions, "clicks": self.clicks,
            "posts": [p.to_dict() for p in self.posts], "evidence": [e.to_dict() for e in self.evidence],
            "suggestion": self.suggestion.to_dict() if self.suggestion else None, "queries": list(self.queries),
            "confidence": self.confidence, "set_by_hand": self.set_by_hand, "note": self.note,
        }


@dataclass
class Candidate:
    """A question-style search query that no topic covers: a candidate new topic."""

    query: str
    impressions: int
    clicks: int
    position: float | None = None

    def to_dict(self) -> dict:
        return {"query": self.query, "impressions": self.impressions, "clicks": self.clicks,
                "position": self.position}


def on_the_blog(others: list[PostMatch]) -> dict:
    """What the blog's other posts do for a topic a draft answers (its `posts` after the draft's): the first that
    answers it, else the first that mentions it; status "missing" when none does (new on the blog)."""
    for status in (ANSWERED, PARTIAL):
        post = next((p for p in others if p.status == status), None)
        if post is not None:
            return {"status": status, "path": post.path, "slug": post.slug, "title": post.title}
    return {"status": MISSING, "path": "", "slug": "", "title": ""}


def elsewhere(others: list[PostMatch], update: bool = False) -> str:
    """`on_the_blog` in words, as every view of a draft's report says it: "answered in “...”", "mentioned in “...”",
    or "none yet: new on the blog". For an `update` of a published post, which the others leave out, a topic none
    of them answers is not new on the blog: "no other post"."""
    found = on_the_blog(others)
    verb = {ANSWERED: "answered in", PARTIAL: "mentioned in"}.get(found["status"])
    if verb:
        return f"{verb} \u201c{found['title'] or found['slug']}\u201d"
    return "no other post" if update else "none yet: new on the blog"


def passing_line(passing: int) -> str:
    """The line under a draft's topics that counts those it only touches on."""
    return f"Touched on in passing, not listed (a mention is not an answer): {counted(passing, 'more topic')}."


@dataclass
class GapReport:
    topics: list[TopicResult]
    candidates: list[Candidate] = field(default_factory=list)
    posts: int = 0
    errors: list[Any] = field(default_factory=list)  # ReadErrors of sources that could not be read
    has_queries: bool = False
    draft: str = ""  # the post the report is about, read as if published on the blog (`smpseo.gaps(draft=...)`)
    # searches that map to no topic and are not questions (so not candidates): demand a topic's phrasings can take in
    unmatched: list[Candidate] = field(default_factory=list)

    def to_dict(self) -> dict:
        if self.draft:  # a draft's topics, with what the blog's other posts already do for each
            listed = {id(t) for t in self.in_draft()[0]}
            topics = [{**t.to_dict(), **({"on_the_blog": on_the_blog(t.posts[1:])} if id(t) in listed else {})}
                      for t in self.topics]
        else:
            topics = [t.to_dict() for t in self.topics]
        out = {"topics": topics, "candidates": [c.to_dict() for c in self.candidates],
               "unmatched": [c.to_dict() for c in self.unmatched]}
        return {"draft": self.draft, **out} if self.draft else out

    def few_posts(self) -> str:
        """A line for a blog too small for the matcher to find most answers (fewer than FEW_POSTS), or ""."""
        if not self.posts or self.posts >= FEW_POSTS:
            return ""
        return (f"Only {counted(self.posts, 'post')}: each section is measured against the blog's others, so on a "
                f"blog of fewer than {FEW_POSTS} posts many answers come out partial; read them as leads "
                "(docs/gaps.md, Accuracy).")

    def draft_intro(self, name: str = "") -> str:
        """The line that opens a draft's report, naming the draft (`name`, as the view writes it; default `draft`)."""
        return (f"FAQ topics {name or self.draft} answers, read as if published on the blog "
                f"({counted(max(self.posts - 1, 0), 'other post')}).")

    def in_draft(self) -> tuple[list[TopicResult], int]:
        """For a draft's report: the topics it answers, then those it answers half-way (partial, where its passage is
        worth extending), and how many more it only touches on in passing. A post about the subject shares words with
        most questions, so a passing mention is counted rather than listed."""
        half_way = [t for t in self.topics if t.status == PARTIAL and t.suggestion and t.suggestion.action == "extend"]
        passing = sum(t.status == PARTIAL for t in self.topics) - len(half_way)
        return [t for t in self.topics if t.status == ANSWERED] + half_way, passing

    def to_record(self) -> dict:
        """Everything in the report as plain data (JSON-ready; `to_dict()` is the shorter public form), for
        `from_record`: what a remembered run stores (`smpseo.app.memo`)."""
        from dataclasses import asdict

        return {"topics": [asdict(t) for t in self.topics], "candidates": [asdict(c) for c in self.candidates],
                "posts": self.posts, "errors": [asdict(e) for e in self.errors], "has_queries": self.has_queries,
                "draft": self.draft, "unmatched": [asdict(c) for c in self.unmatched]}

    @classmethod
    def from_record(cls, data: dict) -> GapReport:
        """The report `to_record()` was made from, equal to it field for field. Data of another shape raises
        KeyError, TypeError or ValueError."""
        from smpseo.model.post import ReadError

        return cls([_topic_from_record(t) for t in data["topics"]], [Candidate(**c) for c in data["candidates"]],
                   int(data["posts"]), [ReadError(**e) for e in data["errors"]], bool(data["has_queries"]),
                   str(data.get("draft", "")), [Candidate(**c) for c in data.get("unmatched", [])])

    def summary(self) -> dict[str, int]:
        counts = {ANSWERED: 0, PARTIAL: 0, MISSING: 0}
        for t in self.topics:
            counts[t.status] = counts.get(t.status, 0) + 1  # NOT_RELEVANT only when a topic is marked so
        return counts

    def frame(self):
        """One row per topic, in priority order (pandas DataFrame). For a draft's report, as `smpseo gaps --draft`
        lists them: the topics the draft answers or answers half-way, each with what the blog's other posts do for
        it (`on_the_blog`: answered, partial or missing; the post's path and title), and in `.attrs["in_passing"]`
        how many more it only touches on."""
        import pandas as pd

        listed, passing = self.in_draft() if self.draft else (self.topics, 0)
        rows = [{
            "priority": t.priority, "id": t.id, "question": t.question, "status": t.status,
            "score": round(t.score, 2), "impressions": t.impressions, "clicks": t.clicks,
            "post": t.posts[0].path if t.posts else "", "section": t.posts[0].section if t.posts else "",
            "suggestion": t.suggestion.text if t.suggestion else "", "confidence": t.confidence,
            "set_by_hand": t.set_by_hand,
            **(_blog_columns(on_the_blog(t.posts[1:])) if self.draft else {}),
        } for t in listed]
        columns = [*FRAME_COLUMNS, *(BLOG_COLUMNS if self.draft else ())]
        frame = pd.DataFrame(rows, columns=columns).set_index("priority")
        if self.draft:
            frame.attrs["in_passing"] = passing
        return frame

    def __getitem__(self, topic_id: str) -> TopicResult:
        for t in self.topics:
            if t.id == topic_id:
                return t
        raise KeyError(topic_id)

    def counts(self) -> str:
        """The topics by status in words: "23 answered, 9 partial, 0 missing", then "1 not relevant" when a topic is
        marked so, and how many files could not be read, when some could not."""
        s = self.summary()
        text = f"{s[ANSWERED]} answered, {s[PARTIAL]} partial, {s[MISSING]} missing"
        if s.get(NOT_RELEVANT):
            text += f", {s[NOT_RELEVANT]} not relevant"
        unread = sum(1 for e in self.errors if getattr(e, "severity", "error") == "error")
        return text + (f"; {counted(unread, 'file')} could not be read" if unread else "")

    def _repr_html_(self) -> str:
        """In a notebook: the counts, then the topics in priority order (the first rows; `frame()` has all), then
        what the command says under its table (a small blog's caveat) and the files that could not be read. For a
        draft's report, what `smpseo gaps --draft` says: the topics the draft answers or answers half-way, where, and
        what the blog's other posts do for each; those it touches on in passing, counted."""
        from smpseo.model.richtext import result_html

        notes = [self.few_posts()] if self.few_posts() else []
        notes += [str(e) for e in self.errors]
        if self.draft:
            listed, passing = self.in_draft()
            rows = [{"status": t.status + (" (by hand)" if t.set_by_hand else ""), "question": t.question,
                     "where": best_place(t), "blog": elsewhere(t.posts[1:])} for t in listed]
            columns = {"status": "status", "question": "question", "where": "where",
                       "blog": "the blog's other posts"}
            said = [] if listed else ["The draft answers none of the FAQ topics yet."]
            said += [passing_line(passing)] if passing else []
            return result_html(self.draft_intro(), rows, columns, ": see frame()", notes=said + notes)
        heading = f"{counted(len(self.topics), 'FAQ topic')} over {counted(self.posts, 'post')}: {self.counts()}"
        rows = [{"priority": t.priority, "status": t.status + (" (by hand)" if t.set_by_hand else ""),
                 "question": t.question,
                 "post": t.posts[0].path if t.posts else "", "impressions": t.impressions if self.has_queries else None,
                 "suggestion": t.suggestion.text if t.suggestion else ""} for t in self.topics]
        columns = {"priority": "#", "status": "status", "question": "question", "post": "best post",
                   "impressions": "impressions", "suggestion": "suggestion"}
        return result_html(heading, rows, columns, ": see frame()", notes=notes)

    def __repr__(self) -> str:
        return f"GapReport({len(self.topics)} topics: {self.counts()}; {len(self.candidates)} candidate topics)"


FRAME_COLUMNS = ("priority", "id", "question", "status", "score", "impressions", "clicks", "post", "section",
                 "suggestion", "confidence", "set_by_hand")
BLOG_COLUMNS = ("on_the_blog", "on_the_blog_path", "on_the_blog_title")  # a draft's report: what the other posts do


def _blog_columns(found: dict) -> dict:
    """`on_the_blog` as a frame's columns."""
    return {"on_the_blog": found["status"], "on_the_blog_path": found["path"],
            "on_the_blog_title": found["title"] or found["slug"]}


def best_place(topic: TopicResult) -> str:
    """The best post (`short_name`) and section: "how-long-does-smp-last > Avoid sun"; "" for none."""
    if not topic.posts:
        return ""
    best = topic.posts[0]
    name = short_name(best.path)
    return f"{name} > {best.section}" if best.section else name


def _topic_from_record(data: dict) -> TopicResult:
    """A TopicResult from `asdict()` of one: its matches, evidence and suggestion made objects again."""
    suggestion = data["suggestion"]
    return TopicResult(**{**data, "posts": [PostMatch(**p) for p in data["posts"]],
                          "evidence": [Evidence(**e) for e in data["evidence"]],
                          "suggestion": Suggestion(**suggestion) if suggestion is not None else None})
