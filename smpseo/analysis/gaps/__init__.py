"""FAQ topic gaps: for every question prospects ask, does the blog answer it, where, and how well.

The matcher is lexical and explainable. Text becomes *keys*: content-word stems (`smpseo.core.language`), with the domain
synonyms of `smpseo/data/domain_synonyms.yml` folded into one key per group ("hair tattoo", "scalp
micropigmentation" and "SMP" are one key; so are "cost", "price" and "cheaper") and words every post uses dropped.
A topic's keys come from its question, its phrasings and its terms, each weighted by how rare it is across the
sections of the blog (inverse document frequency), so a user's topic with only an `id` and a `question` works too.

Each post is cut into sections (a heading and the blocks under it; the introduction first) and each section into
sentences, once; only posts that use a domain word ("SMP", "scalp", "hairline" ...) can answer anything. For a
topic, every sentence gets a relevance: the best weighted share of one way of asking it (question, phrasing or
term) that the sentence holds. Then, per section:

- a heading, a quoted question or (for the introduction) the title that asks the question itself ("Does SMP damage
  hair follicles?") is the strongest signal: the prose under it answers it;
- a section, or a paragraph of four or more sentences, in which several sentences are about the topic, using more
  than one of its words, answers it; so does a plain heading naming the topic ("Avoid sun damage") over two of them;
- a section whose heading asks another question, or whose topic sentences all serve another topic, only mentions
  it ("SMP is far less painful than a tattoo" under "Is SMP painful?"), as do one or two sentences anywhere.

Status per topic: `answered` when the best section scores ANSWER_SCORE, `partial` from PARTIAL_SCORE (mentioned in
passing: "far cheaper than a transplant" is not an answer to "how much does it cost"), else `missing`. The
thresholds were calibrated on the clinic's posts against labels written before tuning (tests/fixtures/gaps); see
docs/gaps.md for the accuracy and the comparison with TF-IDF and BM25.
"""

from smpseo.analysis.gaps.index import Index, Passage, TopicQuery, build_index, compile_topic
from smpseo.analysis.gaps.lexicon import Lexicon, build_lexicon, default_lexicon, lexicon_for
from smpseo.analysis.gaps.match import find_gaps, match_topic, suggest

__all__ = ["Index", "Lexicon", "Passage", "TopicQuery", "build_index", "build_lexicon", "compile_topic",
           "default_lexicon", "find_gaps", "lexicon_for", "match_topic", "suggest"]
