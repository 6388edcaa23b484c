"""`make eval`: the FAQ-gap matcher against human labels, each clinic scored by a scorer fitted without it.

Labelled blogs: the clinic's own posts with tests/fixtures/gaps/labels.yml (the shipped topics) and, when
../shared/corpora/faq-dev is beside the checkout, its custom questions for the same posts plus two more clinics
(toronto, manchester) with their posts, settings, questions and labels. For every clinic the scorer's weights,
thresholds, exemplars and variants are fitted on the other clinics only (leave one clinic out), then the clinic is
scored as faq-dev's score.py scores a run: status agreement (answered 1, partial 0.5, missing 0; 1 - |label - tool|
per topic), exact statuses, and best post among topics labelled answered (the tool's first post is the labelled one).
The labelled blogs of benchmarks/faq are kept out of all this: scored only by the shipped scorer, fitted on the
others, as a blog nobody tuned the matcher on.

    python benchmarks/gaps_eval.py [--faq-dev DIR] [--list]     # --list: every disagreement too
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smpseo.analysis.gaps import Blog, build_index, features, lexicon_for, match_topics  # noqa: E402
from smpseo.analysis.gaps.features import asked_for, topic_features  # noqa: E402
from smpseo.analysis.gaps.scorer import VALUE, Example, Scorer, fit, fit_exemplars  # noqa: E402
from smpseo.app.gaps import word_vectors  # noqa: E402
from smpseo.app.settings import load_config  # noqa: E402
from smpseo.sources.readers import load_posts  # noqa: E402
from smpseo.sources.topics import load_topics, localize, shipped_topics  # noqa: E402

KEPT_OUT = ROOT / "benchmarks" / "faq"  # labelled blogs kept out of every fit and design choice (benchmarks/faq/README.md)
KINDS = ("direct", "paraphrase", "local", "passing", "trap", "none", "fixture")


@dataclass
class Clinic:
    name: str
    posts: list
    topics: list
    labels: dict
    config: object
    blog: Blog
    best: dict  # topic id -> the passages labelled as its best place (empty when the label names no section)

    @property
    def labelled(self) -> list:
        return [t for t in self.topics if t.id in self.labels]


def _clinic(name: str, posts_dir: Path, config_path: Path, topic_files: list[Path], label_files: list[Path]):
    config = load_config(config_path)
    posts = list(load_posts(str(posts_dir)))
    topics = localize(load_topics(*map(str, topic_files)), config.site)
    labels: dict = {}
    for f in label_files:
        for tid, lab in yaml.safe_load(f.read_text(encoding="utf-8")).items():
            labels[tid] = {"kind": "fixture", **lab}
    index = build_index(posts, lexicon_for(config))
    blog = Blog(posts, index.on_topic, word_vectors(), index.lexicon)
    stems = [Path(p.path or p.slug).stem for p in posts]
    best = {tid: frozenset(k for k, p in enumerate(blog.passages) if "section" in lab and lab.get("post")
                           and stems[p.post] == lab["post"] and p.heading.strip() == str(lab["section"]).strip())
            for tid, lab in labels.items()}
    return Clinic(name, posts, topics, labels, config, blog, best)


def examples(clinic: Clinic, exemplars: dict) -> list[Example]:
    """A scorer.Example per labelled topic, its features computed with these exemplars (among all the clinic's
    topics, as `match_topics` computes them: a heading closer to another topic counts)."""
    asked = [asked_for(list(t.texts), clinic.blog.embedded, clinic.blog.vectors, exemplars.get(t.id))
             for t in clinic.topics]
    evidence = topic_features(clinic.blog.embedded, asked)
    return [Example(ev.features, ev.closeness, clinic.labels[t.id]["status"], clinic.best[t.id],
                    clinic.blog.naming(t.requires))
            for t, ev in zip(clinic.topics, evidence, strict=True) if t.id in clinic.labels]


SHIPPED = frozenset(t.id for t in shipped_topics())  # only the shipped topics get exemplars


def exemplars_from(found: list[Clinic]) -> dict:
    """The exemplars of the shipped topics fitted on these clinics: their sections labelled as answering."""
    return fit_exemplars([(t.id, c.blog.embedded.section[k]) for c in found for t in c.labelled
                          if t.id in SHIPPED and c.labels[t.id]["status"] == "answered" for k in c.best[t.id]])


def fold(all_clinics: list[Clinic], held: Clinic | None = None, exemplars: bool = True) \
        -> tuple[Scorer, dict[str, list[Example]]]:
    """The scorer fitted without `held` (weights, thresholds, exemplars; None: on every clinic, the shipped one),
    and every clinic's examples as this fit sees them. A clinic it learns from is described with exemplars from the
    other clinics it learns from, never its own answers, as a new blog meets the shipped exemplars.
    `exemplars=False`: the same without any exemplar (what they add, `make eval` prints)."""
    learn = [c for c in all_clinics if c is not held]

    def made(found: list[Clinic]) -> dict:
        return exemplars_from(found) if exemplars else {}

    seen = {c.name: examples(c, made([o for o in learn if o is not c])) for c in learn}
    scorer = fit([ex for c in learn for ex in seen[c.name]], [c.name for c in learn])
    scorer.exemplars = made(learn)
    if len(learn) > 1:  # the same without each clinic in turn: where they disagree, a status deserves a check
        scorer.variants = [fit([ex for o in learn if o is not c for ex in seen[o.name]],
                               [o.name for o in learn if o is not c]) for c in learn]
    if held is not None:
        seen[held.name] = examples(held, scorer.exemplars)
    return scorer, seen


def clinics(faq_dev: Path | None) -> list[Clinic]:
    fixture = ROOT / "tests" / "fixtures" / "gaps"
    own_topics = [faq_dev / "vancouver" / "questions.yml"] if faq_dev else []
    own_labels = [fixture / "labels.yml", *([faq_dev / "vancouver" / "labels.yml"] if faq_dev else [])]
    out = [_clinic("vancouver", fixture / "posts", ROOT / "tests" / "fixtures" / "clinic.toml", own_topics, own_labels)]
    for name in ("toronto", "manchester") if faq_dev else ():
        d = faq_dev / name
        out.append(_clinic(name, d, d / "smpseo.toml", [d / "questions.yml"], [d / "labels.yml"]))
    return out


def kept_out() -> list[Clinic]:
    """The labelled blogs of benchmarks/faq: never fitted on, nor looked at to choose a design; scored only by the
    shipped scorer (fitted on every clinic of `clinics`)."""
    found = sorted(d for d in KEPT_OUT.iterdir() if (d / "labels.yml").is_file()) if KEPT_OUT.is_dir() else []
    return [_clinic(d.name, d / "posts", d / "smpseo.toml", [d / "questions.yml"], [d / "labels.yml"]) for d in found]


def kept_out_lines(found: list[Clinic], listing: bool = False) -> list[str]:
    """The shipped scorer (as `scripts/fit_gaps_scorer.py` fits it) on the blogs kept out of everything."""
    fresh = kept_out()
    if not fresh:
        return []
    scorer = fold(found)[0]
    rows = [row for blog in fresh for row in rows_for(blog, scorer)]
    out = ["", f"  blogs kept out of every fit and design choice (benchmarks/faq), scored by the shipped scorer, fitted "
               f"on the {len(found)} above"]
    out += [line(blog.name, [r for r in rows if r["clinic"] == blog.name]) for blog in fresh]
    out += [line(kind, [r for r in rows if r["kind"] == kind]) for kind in KINDS if any(r["kind"] == kind for r in rows)]
    return out + (disagreements(rows) if listing else [])


def rows_for(clinic: Clinic, scorer) -> list[dict]:
    results = match_topics(clinic.topics, clinic.blog, scorer, clinic.config.targets)
    rows = []
    for r in results:
        lab = clinic.labels.get(r.id)
        if lab is None:
            continue
        post = Path(r.posts[0].path).stem if r.posts else None
        rows.append({"clinic": clinic.name, "id": r.id, "kind": lab.get("kind", "fixture"), "label": lab["status"],
                     "tool": r.status, "agreement": 1 - abs(VALUE[lab["status"]] - VALUE[r.status]),
                     "answered": lab["status"] == "answered", "post_hit": post == lab.get("post"),
                     "label_post": lab.get("post"), "tool_post": post,
                     "tool_section": r.posts[0].section if r.posts else None, "check": r.confidence == "check"})
    return rows


def held_out(all_clinics: list[Clinic], folds: dict | None = None) -> list[dict]:
    """Every clinic scored by the scorer of its fold (`fold`, made here unless given): fitted without it."""
    folds = folds or {held.name: fold(all_clinics, held) for held in all_clinics}
    return [row for held in all_clinics for row in rows_for(held, folds[held.name][0])]


def single_section_posts(all_clinics: list[Clinic], folds: dict) -> tuple[int, int]:
    """Held out as above, the best post read from the single best section rather than from every section of a
    post (`Scorer.decide`): right / topics labelled answered."""
    hits = total = 0
    for held in all_clinics:
        scorer, seen = folds[held.name]
        stems = [Path(p.path or p.slug).stem for p in held.posts]
        for t, ex in zip(held.labelled, seen[held.name], strict=True):
            lab = held.labels[t.id]
            if lab["status"] != "answered":
                continue
            a = scorer.rate(ex.features, ex.closeness, ex.named)
            k = int(np.argmax(a))
            total += 1
            hits += scorer.status(float(a[k]), float(ex.closeness.max())) != "missing" \
                and stems[held.blog.passages[k].post] == lab.get("post")
    return hits, total


def as_drafts(all_clinics: list[Clinic], folds: dict) -> dict[str, dict[str, int]]:
    """Each post of each clinic read as a draft, as the pre-publish report reads it (held out: the scorer of its
    clinic's fold): on the blog (`gaps(draft=...)`, its passages measured against every post) and alone (against
    its own sections only). Counts of its answered calls against the labels: a draft answers a topic when the label
    names it as the post (or `also`) of an answered topic; and of its partial calls, and of those the report lists
    (worth extending, `prepublish_report`)."""
    out = {way: {"right": 0, "wrong": 0, "labelled": 0, "partial": 0, "listed": 0, "pairs": 0}
           for way in ("blog", "alone")}
    vectors = word_vectors()
    for held in all_clinics:
        scorer = folds[held.name][0]
        stems = [Path(p.path or p.slug).stem for p in held.posts]
        for i, draft in enumerate(held.posts):
            index = build_index([draft], lexicon_for(held.config))
            ways = {"blog": match_topics(held.topics, held.blog, scorer, within=i),
                    "alone": match_topics(held.topics, Blog([draft], index.on_topic, vectors, index.lexicon), scorer)}
            for way, results in ways.items():
                for r in results:
                    if r.id in held.labels:
                        tally(out[way], r, held.labels[r.id], {stems[i]})
                        out[way]["listed"] += r.status == "partial" and bool(r.suggestion) \
                            and r.suggestion.action == "extend"
    return out


def tally(n: dict[str, int], result, label: dict, drawn: set[str]) -> None:
    """Count one topic's status on a blog of the posts `drawn` (their stems) against its label: the topic is
    answered there when its label names one of them (`post` or `also`) as answering it."""
    truth = label["status"] == "answered" and bool({label.get("post"), *(label.get("also") or [])} & drawn)
    n["pairs"] += 1
    n["labelled"] += truth
    n["partial"] += result.status == "partial"
    if result.status == "answered":
        n["right" if truth else "wrong"] += 1


def calls(n: dict[str, int]) -> str:
    """The answered calls right and wrong, precision, recall and the share of partial calls, as columns."""
    made = n["right"] + n["wrong"]
    precision = f"{100 * n['right'] / made:.1f}%" if made else "-"
    recall = f"{n['right']}/{n['labelled']} {100 * n['right'] / n['labelled']:.1f}%" if n["labelled"] else "-"
    return (f"{n['right']:6d} {n['wrong']:6d}  {precision:>9s}  {recall:>13s}  "
            f"{n['partial']:6d}/{n['pairs']:<4d} {100 * n['partial'] / n['pairs']:4.0f}%")


def read_against(posts: list, index, vectors, background: list) -> tuple[Blog, list[int] | None]:
    """A small blog read against another blog on the subject: the background's posts after the blog's, when the
    blog has fewer sections on the subject, so that each passage is measured against about as many as the scorer
    learnt on; only the blog's own posts may be a place (`match_topics(within=...)`). Not what smpseo does (see
    docs/gaps.md, Accuracy): measured here only."""
    def sections(ps: list, live: list[bool]) -> int:
        return sum(len(p.sections) for p, on in zip(ps, live, strict=True) if on)

    if background:
        extra = build_index(list(background), index.lexicon)
        if sections(posts, index.on_topic) < sections(background, extra.on_topic):
            blog = Blog([*posts, *background], [*index.on_topic, *extra.on_topic], vectors, index.lexicon)
            return blog, list(range(len(posts)))
    return Blog(posts, index.on_topic, vectors, index.lexicon), None


SMALL = (1, 2, 3, 4, 6)  # posts in a small blog
DRAWS = 4  # small blogs drawn from each clinic, per size


def small_blogs(all_clinics: list[Clinic], folds: dict) -> dict[tuple[int, str], dict[str, int]]:
    """Blogs of a few posts, drawn from each clinic (seeded), matched on their own and read against another
    clinic's posts (`read_against`: the next clinic in the list, as a new blog meets the posts smpseo ships), each
    scored by its clinic's fold (held out). Counts of the answered calls against the labels: a topic is answered on
    a small blog when its label names a post drawn (`post` or `also`) as answering it."""
    out: dict[tuple[int, str], dict[str, int]] = {}
    vectors = word_vectors()
    for c, held in enumerate(all_clinics):
        scorer = folds[held.name][0]
        background = all_clinics[(c + 1) % len(all_clinics)].posts
        stems = [Path(p.path or p.slug).stem for p in held.posts]
        rng = random.Random(7)
        for k in SMALL:
            for _ in range(DRAWS):
                drawn = sorted(rng.sample(range(len(held.posts)), k))
                posts = [held.posts[i] for i in drawn]
                index = build_index(posts, lexicon_for(held.config))
                for way, extra in (("alone", []), ("read against", background)):
                    n = out.setdefault((k, way), {"right": 0, "wrong": 0, "labelled": 0, "partial": 0, "pairs": 0})
                    blog, own = read_against(posts, index, vectors, extra)
                    for r in match_topics(held.topics, blog, scorer, within=own):
                        if r.id in held.labels:
                            tally(n, r, held.labels[r.id], {stems[i] for i in drawn})
    return out


def small_lines(counts: dict[tuple[int, str], dict[str, int]]) -> list[str]:
    out = ["", f"  small blogs ({DRAWS} drawn from each clinic per size), held out: 'answered' calls against the "
                "labels",
           f"  {'posts':5s} {'measured':12s} {'right':>6s} {'wrong':>6s}  {'precision':>9s}  {'recall':>13s}  "
           f"{'partial calls':>16s}"]
    for (k, way), n in counts.items():
        out.append(f"  {k:5d} {way:12s} {calls(n)}")
    return out


def draft_lines(counts: dict[str, dict[str, int]]) -> list[str]:
    out = ["", "  each post read as a draft (the pre-publish report), held out: its 'answered' calls against the "
                "labels",
           f"  {'measured':12s} {'right':>6s} {'wrong':>6s}  {'precision':>9s}  {'recall':>13s}  "
           f"{'partial calls':>16s}  {'listed':>6s}"]
    for way, name in (("blog", "on the blog"), ("alone", "alone")):
        out.append(f"  {name:12s} {calls(counts[way])}  {counts[way]['listed']:6d}")
    return out


# The same questions as prospects might word them otherwise, each applied to every question and phrasing of every
# clinic (a wording no scorer learnt from: the folds are fitted on the labelled wordings).
REWORDINGS = {
    "as labelled": lambda t: t,
    "SMP as 'a hair tattoo'": lambda t: re.sub(r"\bSMP\b", "a hair tattoo", t),
    "SMP spelled out": lambda t: re.sub(r"\bSMP\b", "scalp micropigmentation", t),
    "lower case, no '?'": lambda t: t.lower().rstrip("?").strip(),
    "'Thanks!' after it": lambda t: f"{t} Thanks!",
    "a typo in a long word": lambda t: _typo(t),
    "'I'm 45 ...' before it": lambda t: f"I'm 45 and my hair has been thinning for years. {t}",
    "US spelling": lambda t: _us(t),
    "a label, no '?'": lambda t: f"Looking for info: {t[:1].lower()}{t[1:].rstrip('?')}",
}


def _typo(text: str) -> str:
    """The longest word as a hurried prospect types it: two letters swapped, one dropped, one doubled or one struck
    for the key beside it, in the middle of the word (which of them, fixed by the word)."""
    words = re.findall(r"[A-Za-z]{5,}", text)
    if not words:
        return text
    w = max(words, key=len)
    k = len(w) // 2
    kind = zlib.crc32(w.encode()) % 4
    typed = (w[:k] + w[k + 1] + w[k] + w[k + 2:], w[:k] + w[k + 1:], w[:k] + w[k] + w[k:],
             w[:k] + _BESIDE.get(w[k].lower(), w[k]) + w[k + 1:])[kind]
    return text.replace(w, typed, 1)


_BESIDE = dict(zip("qwertyuiopasdfghjklzxcvbnm", "wertyuiopqsdfghjklaxcvbnmz", strict=True))  # a key beside it


_US = {"colour": "color", "grey": "gray", "centre": "center", "anaesthetic": "anesthetic", "moisturiser": "moisturizer"}


def _us(text: str) -> str:
    return re.sub(r"\b(" + "|".join(_US) + r")", lambda m: _US[m.group(1)], text)


FRESH = "own_"  # before every id in the "fresh id" wording: no topic keeps a shipped id, nor its exemplar


def reworded(all_clinics: list[Clinic], folds: dict) -> list[str]:
    """Held out as above, with every way of asking reworded (`REWORDINGS`); with the question alone (no
    phrasings, as a topic of one's own is often written); and with a fresh id and the question alone, as a new
    clinic writes its own topics file (an id and a question): no topic keeps a shipped id, so none has an exemplar.
    Agreement and best post per wording."""
    out = ["", "  the same questions worded otherwise (every question and phrasing of every clinic), held out:",
           f"  {'wording':24s} {'topics':>6s}  {'agreement':>9s}  {'exact':>10s}  {'best post':>15s}"]
    ways = {**{name: (lambda t, f=f: each_way(t, f)) for name, f in REWORDINGS.items()},
            "the question alone": lambda t: replace(t, phrasings=()),
            "fresh id, question only": lambda t: replace(t, id=FRESH + t.id, phrasings=(), terms=())}
    for name, change in ways.items():
        out.append("  " + line(name, changed_rows(all_clinics, folds, change), 24)[2:])
    return out


def changed_rows(all_clinics: list[Clinic], folds: dict, change) -> list[dict]:
    """Every clinic scored by its fold (held out) with each topic replaced by `change(topic)`, clinic by clinic and
    topic by topic in order; the labels follow their topic to its new id, and all is put back afterwards."""
    rows = []
    for held in all_clinics:
        written, labels, best = held.topics, held.labels, held.best
        held.topics = [change(t) for t in written]
        renamed = {t.id: n.id for t, n in zip(written, held.topics, strict=True)}  # labels follow their topic
        held.labels = {renamed.get(tid, tid): lab for tid, lab in labels.items()}
        held.best = {renamed.get(tid, tid): b for tid, b in best.items()}
        try:
            rows += rows_for(held, folds[held.name][0])
        finally:
            held.topics, held.labels, held.best = written, labels, best
    return rows


FRAMINGS = KEPT_OUT / "framings.yml"  # wrappers around a question ("Sorry to bug you, but {ql}"): see the file


def wrap(template: str, text: str) -> str:
    """A way of asking in a wrapper of `FRAMINGS`: {q} the text as written, {ql} with its first letter lower case."""
    return template.replace("{ql}", text[:1].lower() + text[1:]).replace("{q}", text)


def each_way(topic, change):
    """A topic with `change` made to its question and to every phrasing."""
    return replace(topic, question=change(topic.question), phrasings=tuple(map(change, topic.phrasings)))


def wrapped_topic(template: str, topic):
    """A topic with its question and every phrasing in the wrapper `template`."""
    return each_way(topic, lambda text: wrap(template, text))


def unmarked(topic):
    """A topic with its question and phrasings asked without a question mark, as a message often is."""
    return each_way(topic, lambda text: text.rstrip("?").rstrip())


def framings() -> dict[str, list[str]]:
    """The sets of wrappers of `FRAMINGS`, by name, in the file's order (none when it is not there)."""
    return yaml.safe_load(FRAMINGS.read_text(encoding="utf-8")) if FRAMINGS.is_file() else {}


def wrapped(all_clinics: list[Clinic], folds: dict) -> list[str]:
    """Held out as above, every question and phrasing in a prospect's wrapper (`FRAMINGS`): each topic in one of a
    set's wrappers, the next topic in the next (every clinic's topics in turn), so that one run scores the whole
    set. One line per set of the file: those seen while the reading of wrapped questions was designed, those looked
    at since, and those kept out; the same read with their wrappers (`framing.unframed` left out), what the
    reading adds; and the same with every question asked without its question mark (`unmarked`)."""
    sets = framings()
    out = ["", "  the same questions in a prospect's wrapper (benchmarks/faq/framings.yml; each topic in one, in turn), "
               "held out:", f"  {'wrappers':30s} {'topics':>6s}  {'agreement':>9s}  {'exact':>10s}  {'best post':>15s}"]
    for name, reading, marked in [*((name, True, True) for name in sets), *((name, False, True) for name in sets),
                                  *((name, True, False) for name in sets)]:
        templates = sets.get(name) or []
        if not templates:
            continue
        turn = itertools.cycle(templates)  # each topic in the next wrapper, every clinic's topics in turn

        def change(t, turn=turn, marked=marked):
            return wrapped_topic(next(turn), t if marked else unmarked(t))

        unframed = features.unframed
        if not reading:
            features.unframed = lambda text, names_concern=None: text
        try:
            rows = changed_rows(all_clinics, folds, change)
        finally:
            features.unframed = unframed
        label = (f"{name.replace('_', ' ')} ({len(templates)})" + ("" if reading else ", not left out")
                 + ("" if marked else ", no '?'"))
        out.append("  " + line(label, rows, 30)[2:])
    return out


def each_wrapper(all_clinics: list[Clinic], folds: dict) -> list[str]:
    """Held out, every question and phrasing in one wrapper at a time (`--each-wrapper`): what each wrapper of
    `FRAMINGS` costs, set by set, worst first."""
    sets = framings()
    out = ["", "  each wrapper alone (every topic in it), held out; the questions as labelled: "
               + line("", held_out(all_clinics, folds), 0).strip()]
    for name in sets:
        scored = []
        for template in sets.get(name) or []:
            rows = changed_rows(all_clinics, folds, lambda t, w=template: wrapped_topic(w, t))
            scored.append((sum(r["agreement"] for r in rows) / len(rows), template, rows))
        out.append(f"  {name.replace('_', ' ')}:")
        out += [line("", rows, 0) + "  " + template.replace("\n", "\\n")
                for _, template, rows in sorted(scored, key=lambda x: x[0])]
    return out


def line(name: str, rows: list[dict], width: int = 12) -> str:
    n = len(rows)
    answered = [r for r in rows if r["answered"]]
    agree = sum(r["agreement"] for r in rows) / n if n else 0.0
    exact = sum(r["label"] == r["tool"] for r in rows)
    hits = sum(r["post_hit"] for r in answered)
    best = f"{hits}/{len(answered)} {100 * hits / len(answered):5.1f}%" if answered else "-"
    return f"  {name:{width}s} {n:6d}  {100 * agree:8.1f}%  {exact:5d}/{n:<4d}  {best:>15s}"


def report(rows: list[dict], listing: bool = False) -> str:
    out = ["FAQ gaps, held out (leave one clinic out): each clinic scored by a scorer fitted on the others", "",
           f"  {'part':12s} {'topics':>6s}  {'agreement':>9s}  {'exact':>10s}  {'best post':>15s}"]
    out.append(line("all", rows))
    for clinic in dict.fromkeys(r["clinic"] for r in rows):
        out.append(line(clinic, [r for r in rows if r["clinic"] == clinic]))
    out += ["", "  by kind (faq-dev labels; 'fixture' = tests/fixtures/gaps/labels.yml, which has no kinds)"]
    for kind in KINDS:
        sub = [r for r in rows if r["kind"] == kind]
        if sub:
            out.append(line(kind, sub))
    checked = [r for r in rows if r["check"]]
    if checked:
        sure = [r for r in rows if not r["check"]]
        flagged = sum(r["agreement"] for r in checked) / len(checked)
        rest = sum(r["agreement"] for r in sure) / len(sure) if sure else 0.0
        wrong = [r for r in rows if r["label"] != r["tool"]]
        out += ["", f"  flagged 'check?': {len(checked)} topics, agreement {100 * flagged:.1f}%; "
                    f"the other {len(sure)}: {100 * rest:.1f}%",
                f"  of the {len(wrong)} topics whose status differs from the label, {sum(r['check'] for r in wrong)} "
                f"are flagged"]
    if listing:
        out += disagreements(rows)
    return "\n".join(out)


def disagreements(rows: list[dict]) -> list[str]:
    """Every topic whose status or best post differs from its label, one line each."""
    return ["", "  disagreements:"] + [
        f"  - {r['clinic']}/{r['id']} [{r['kind']}] label {r['label']} {r['label_post'] or ''}; "
        f"tool {r['tool']} {r['tool_post'] or ''} > {r['tool_section'] or ''}"
        for r in rows if r["label"] != r["tool"] or (r["answered"] and not r["post_hit"])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faq-dev", type=Path, default=ROOT.parent / "shared" / "corpora" / "faq-dev")
    ap.add_argument("--list", action="store_true", help="list every disagreement")
    ap.add_argument("--each-wrapper", action="store_true",
                    help="only what each wrapper of benchmarks/faq/framings.yml costs, one at a time")
    args = ap.parse_args(argv)
    faq_dev = args.faq_dev if args.faq_dev.is_dir() else None
    if faq_dev is None:
        print(f"note: {args.faq_dev} not found: only the clinic's own labels (nothing to hold out against)",
              file=sys.stderr)
        return 1
    found = clinics(faq_dev)
    folds = {held.name: fold(found, held) for held in found}
    if args.each_wrapper:
        print("\n".join(each_wrapper(found, folds)))
        return 0
    print(report(held_out(found, folds), args.list))
    print("\n".join(kept_out_lines(found, args.list)))
    hits, total = single_section_posts(found, folds)
    print(f"\n  best post read from the single best section instead of the whole post: {hits}/{total} "
          f"{100 * hits / total:.1f}%")
    print("\n".join(reworded(found, folds)))
    print("\n".join(wrapped(found, folds)))
    print("\n".join(draft_lines(as_drafts(found, folds))))
    print("\n".join(small_lines(small_blogs(found, folds))))
    bare = held_out(found, {held.name: fold(found, held, exemplars=False) for held in found})
    print("\n  without exemplars (the same features and fitting, no topic matched against other blogs' answers):")
    print(line("all", bare))
    for kind in KINDS:
        if any(r["kind"] == kind for r in bare):
            print(line(kind, [r for r in bare if r["kind"] == kind]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
